"""Claims: who said what. Attribution of each sentence (or clause) to its claimant and relay.

Rules over attribution verbs and sentence structure. spaCy was considered: the
library installs from PyPI, but its English models are published only on
GitHub (``en_core_web_sm`` is not on PyPI under its own name; the copies there
are third-party re-uploads), so nothing trustworthy installs offline here.
See docs/claims.md.

- ``X said/claims/told/warned ...``, ``"...," X said`` and ``"...," said X``:
  X is the claimant; verbs inside quotation marks or negated ("did not say")
  attribute nothing;
- ``NAME, a ROLE, said`` / ``NAME, which said``: the name (with a short role);
- ``according to Y`` / ``citing Y`` / ``Y stated ... citing X`` / ``X told Y``:
  with another claimant in the sentence, a news organisation Y is the relay;
- pronouns, surnames and short definite references (``it``, ``Marrow``,
  ``the ministry``, ``the governor's office``) are resolved to the latest
  matching claimant named before them in the article;
- a sentence that is wholly a quotation continues the quotation before it;
- a sentence whose clauses name different claimants (``whereas Kyiv claims``,
  ``with Russia claiming ... while Ukraine argued``) is attributed clause by clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newsdesk.text import Span, Token, specificity, stem, stems_match, tokens
from newsdesk.vocabulary import (
    ATTRIBUTION_VERBS,
    MEDIA_WORDS,
    NUMBER_WORDS,
    ROLE_WORDS,
    STOPWORDS,
    TOLL_VERBS,
    TOLL_WORDS,
    WEEKDAYS,
)

# Heads of lower-case noun phrases that can make a claim: "the provincial water authority said".
_SOURCE_HEADS = frozenset(
    """authority authorities ministry police office government army military agency group company operator
    council service department officials official spokesperson spokesman spokeswoman witnesses residents
    rescuers doctors analysts experts sources investigators prosecutors committee commission court
    charity organisation organization union campaigners activists""".split()
)
_BARE_SOURCES = frozenset(
    "witnesses residents officials rescuers doctors analysts experts sources investigators police authorities".split()
)
_NOT_CLAIMANTS = frozenset("nobody everyone everybody someone somebody anyone noone".split())
PRONOUNS = frozenset("it he she they this that we".split())
_SKIPPABLE = frozenset(
    ["also", "earlier", "later", "previously", "had", "has", "have", "then", "again", "on", "last",
     "today", "yesterday", "tonight", "night", "morning", "evening", "afternoon", "repeatedly", "publicly",
     *WEEKDAYS]
)
_RELAY_CUES = ("according to", "citing", "quoted by", "via")
# Verbs that state an estimate when "at FIGURE" follows: "put the magnitude at 4.2", "measured it at 3.9".
_ESTIMATE_VERBS = frozenset("put puts putting measured measures recorded records counted counts calculated pegged assessed".split())
_NEGATIONS = frozenset("not n't never".split())
_CLAUSE_CUT = re.compile(r"(?:,\s*|\s+)(?:whereas|while)\s+|;\s+|,\s+but\s+")
_DOCUMENT_OF = re.compile(
    r"\s+(?:a|an|the)?\s*(?:\w+\s+)?(?:statement|report|figures|data|estimate|estimates|count|tally|post)"
    r"\s+(?:from|by|of|released by|issued by)\s+(?:the\s+)?"
)
_HONORIFICS = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Prof)\.?\s+")
_QUOTES = '"“”'
_BREAKS = ',;:"“”()—–'


@dataclass(frozen=True)
class Attribution:
    """Who a sentence's claim comes from, and through whom it reached the article."""

    claimant: str
    relay: str | None = None
    mention: int = field(default=-1, compare=False)  # where the claimant is named in the text, -1 if not


@dataclass(frozen=True)
class Clause:
    """A part of a sentence with its own attribution (the whole sentence when it has one claimant)."""

    span: Span
    attribution: Attribution | None


def attribute_clauses(body: str, sentences: list[Span], outlet: str | None = None) -> list[list[Clause]]:
    """Each sentence's clauses with their attributions; one clause unless claimants differ."""
    named: list[tuple[str, str]] = []  # (claimant, the sentence it was named in, lower-cased)
    result: list[list[Clause]] = []
    previous: Attribution | None = None
    previous_quoted = False
    for span in sentences:
        sentence = body[span.start:span.end]
        whole = _attribute(sentence, named, outlet)
        quoted = sentence.lstrip()[:1] in _QUOTES
        if whole is None and quoted and previous is not None and previous_quoted:
            whole = Attribution(previous.claimant, previous.relay)
        clauses = _split_by_claimant(body, span, named, outlet) or [Clause(span, whole)]
        result.append(clauses)
        for clause in clauses:
            attribution = clause.attribution
            if attribution is not None:
                # The relay first: a following "he said" means the claimant, not the agency.
                named.extend(
                    (name, sentence.lower())
                    for name in (attribution.relay, attribution.claimant)
                    if name and name.lower() not in PRONOUNS
                )
        # People this sentence introduces ("The union's secretary, Ann Lee, called ..."): a later
        # "she said" or "Lee said" refers to them even though this sentence attributes nothing to them.
        named.extend(
            (person, _MENTIONED + sentence.lower()) for person in people_introduced(sentence)
            if not any(person in claimant for claimant, _ in named)  # already known by a fuller name
        )
        previous = whole
        previous_quoted = quoted or ('"' in sentence or "“" in sentence)
    return result


# Marks an entry of ``named`` that was only mentioned, not a claimant: "he"/"she" and surnames may refer to it, "it" not.
_MENTIONED = "\x00"
_PERSONAL_PRONOUNS = frozenset("he she".split())
_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# "ROLE, First Last,", "role First Last", "First Last, a ROLE": a person's name beside a description of them.
_PERSON_BESIDE_ROLE = re.compile(
    rf"\b(?P<role>[a-z]+)(?:,\s+(?P<a>{_NAME}(?:\s+{_NAME}){{1,2}}),|\s+(?P<c>{_NAME}(?:\s+{_NAME}){{1,2}})(?=[,.]|\s+[a-z]))"
    rf"|(?P<b>{_NAME}(?:\s+{_NAME}){{1,2}}),\s+(?:a|an|the|its|his|her|their)\s"
)


def people_introduced(sentence: str) -> list[str]:
    """Names of two or three capitalised words set beside a lower-case description, in order of mention."""
    found = []
    for match in _PERSON_BESIDE_ROLE.finditer(sentence):
        name = match.group("a") or match.group("b") or match.group("c")
        if _inside_quotes(sentence, match.start()):
            continue
        if match.group("role") and (match.group("role") not in ROLE_WORDS or match.group("role") in STOPWORDS):
            continue  # "the trawler Morwen Bay": a ship's or a place's name, not a person's beside a role
        if any(word.lower() in ROLE_WORDS or word.lower() in MEDIA_WORDS for word in name.split()):
            continue
        found.append(name)
    return found


def _split_by_claimant(
    body: str, span: Span, named: list[tuple[str, str]], outlet: str | None
) -> list[Clause] | None:
    """Clauses when a sentence's clauses name different claimants, else None."""
    sentence = body[span.start:span.end]
    cuts = [(m.start(), m.end()) for m in _CLAUSE_CUT.finditer(sentence) if not _inside_quotes(sentence, m.start())]
    if not cuts:
        return None
    bounds: list[tuple[int, int]] = []
    position = 0
    for cut_start, cut_end in cuts:
        bounds.append((position, cut_start))
        position = cut_end
    bounds.append((position, len(sentence)))
    clauses = []
    for start, end in bounds:
        text = sentence[start:end]
        attribution = _attribute(text, named, outlet) if text.strip() else None
        if attribution is not None and attribution.mention >= 0:
            attribution = Attribution(attribution.claimant, attribution.relay, attribution.mention + start)
        clauses.append((start, end, attribution))
    clauses = _inherit_forward(clauses)
    claimants = [a.claimant for _, _, a in clauses if a is not None]
    distinct = []
    for claimant in claimants:
        if not any(same_claimant(claimant, other) for other in distinct):
            distinct.append(claimant)
    if len(distinct) < 2 and not _opens_later_clause(sentence, clauses):
        return None
    return [
        Clause(Span(span.start + start, span.start + start + len(sentence[start:end].rstrip(" ,;"))), attribution)
        for start, end, attribution in clauses
    ]


def _inherit_forward(
    clauses: list[tuple[int, int, Attribution | None]]
) -> list[tuple[int, int, Attribution | None]]:
    """"X said 498 died, while 1,597 were wounded": a clause without a verb continues the one before."""
    result = []
    last: Attribution | None = None
    for start, end, attribution in clauses:
        if attribution is None and last is not None:
            attribution = Attribution(last.claimant, last.relay)
        last = attribution or last
        result.append((start, end, attribution))
    return result


def _opens_later_clause(sentence: str, clauses: list[tuple[int, int, Attribution | None]]) -> bool:
    """"It was the first time ..., whereas Kyiv claims ...": only the later clause is Kyiv's."""
    first = next((i for i, (_, _, a) in enumerate(clauses) if a is not None), None)
    if not first:
        return False
    start, _, attribution = clauses[first]
    assert attribution is not None
    return attribution.mention >= 0 and len(tokens(sentence[start:attribution.mention])) <= 1


def _inside_quotes(sentence: str, position: int) -> bool:
    before = sentence[:position]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _quoted_ranges(sentence: str) -> list[tuple[int, int]]:
    ranges = []
    for match in re.finditer(r'"[^"]*"|“[^”]*”', sentence):
        ranges.append((match.start(), match.end()))
    return ranges


def _attribute(sentence: str, named: list[tuple[str, str]], outlet: str | None = None) -> Attribution | None:
    words = tokens(sentence)
    quoted = _quoted_ranges(sentence)
    subjects: list[tuple[int, str, int]] = []  # (verb position, subject, where the subject starts)
    for index, word in enumerate(words):
        if any(start <= word.start < end for start, end in quoted):
            continue
        if not _is_attribution_verb(words, index):
            continue
        if _negated(words, index):
            continue
        found = _subject_of(sentence, words, index)
        if found:
            subjects.append((word.start, found[0], found[1]))
    cues = _cue_objects(sentence, words)
    relay_by_telling = _told_media(sentence, words, outlet)
    if not subjects and not cues:
        return None
    # "the figure given last week" is a figure, not who gave it.
    subjects = [s for s in subjects if s[1].lower().removeprefix("the ") not in TOLL_WORDS]
    # "the 300 it announced in March, ..., the company said": a pronoun that refers to nobody yet is not the claimant.
    subjects = [s for s in subjects if _resolve(s[1], named) is not None] or subjects
    claimant_text: str | None = subjects[0][1] if subjects else None
    mention = subjects[0][2] if subjects else -1
    relay: str | None = None
    for cue, position, target in cues:
        if cue == "citing":
            before = [(subject, start) for verb, subject, start in subjects if verb < position]
            if not before:
                if claimant_text is None:
                    claimant_text, mention = target, position
                continue
            citer = before[-1][0]
            # "RIA stated Wednesday citing the ministry": the ministry claims, RIA relays.
            if _is_media(citer) or (claimant_text is not None and claimant_text != citer):
                relay = citer
                if claimant_text is None or claimant_text == citer:
                    claimant_text, mention = target, position
        elif claimant_text is None:
            claimant_text, mention = target, position
        elif relay is None:
            relay = target
    relay = relay or relay_by_telling
    if claimant_text is None:
        return None
    claimant = _resolve(claimant_text, named)
    if claimant is None:
        return None
    if claimant_text.lower().startswith("the ") and claimant == claimant_text[4:] and len(claimant.split()) == 1:
        # "Tarnholt Mining will close two pits, the company said": a description no earlier claimant fits is the
        # organisation the sentence opens with.
        claimant = _opening_name(sentence) or claimant
    if relay is not None:
        relay = _resolve(relay, named)
        if relay and same_claimant(relay, claimant):
            relay = None
    return Attribution(claimant=claimant, relay=relay, mention=mention)


def _is_attribution_verb(words: list[Token], index: int) -> bool:
    word = words[index].lower
    if word in ATTRIBUTION_VERBS:
        if word == "saying" and index > 0 and words[index - 1].lower in ("without", "by"):
            return False
        return True
    if word in TOLL_VERBS:
        # "the revised figure" is an adjective, not a claimant revising it
        after_article = index > 0 and words[index - 1].lower in ("the", "a", "an")
        return not after_article and any(w.lower in TOLL_WORDS for w in words[index + 1:index + 6])
    if word in _ESTIMATE_VERBS:  # "put the number of evacuees at 5,000", "measured the quake at magnitude 4.7"
        following = words[index + 1:index + 13]  # "put the cost of the new bridge over the river at 40 million"
        return any(w.lower == "at" and _figure_follows(following[i + 1:i + 3]) for i, w in enumerate(following))
    return False


def _figure_follows(words: list[Token]) -> bool:
    return any(w.text[0].isdigit() or w.lower in NUMBER_WORDS for w in words)


def _negated(words: list[Token], index: int) -> bool:
    before = [w.lower for w in words[max(0, index - 3):index]]
    if any(w in _NEGATIONS or w.endswith("n't") for w in before[-2:]):
        return True
    return len(before) >= 2 and before[-1] == "to" and before[-2] in ("declined", "refused", "failed")


def _gap_breaks_phrase(sentence: str, left: Token, right: Token) -> bool:
    gap = sentence[left.end:right.start]
    return any(mark in gap for mark in _BREAKS)


def _subject_of(sentence: str, words: list[Token], verb_index: int) -> tuple[str, int] | None:
    """The claimant phrase of the attribution verb at ``verb_index``, and where it starts."""
    verb = words[verb_index]
    if verb.lower == "saying":
        return _sentence_subject(sentence, words, verb_index)
    if verb_index > 0:
        gap = sentence[words[verb_index - 1].end:verb.start]
        if re.search(r"[,.!?]\s*[\"”]\s*$", gap) or (gap.strip() in ('"', "”")):
            after = _name_after(sentence, words, verb_index)
            if after:
                return after
        if "," in gap:
            appositive = _appositive_subject(sentence, words, verb_index)
            if appositive:
                return appositive
        if words[verb_index - 1].lower in ("which", "who") and verb_index > 1:
            return _subject_before(sentence, words, verb_index - 1)
    return _subject_before(sentence, words, verb_index)


def _sentence_subject(sentence: str, words: list[Token], verb_index: int) -> tuple[str, int] | None:
    """For "X raised the toll to 57, saying ...": the subject of the sentence's first verb."""
    for index in range(verb_index):
        if words[index].lower in ATTRIBUTION_VERBS or _is_attribution_verb(words, index):
            return _subject_before(sentence, words, index)
    return None


def _name_after(sentence: str, words: list[Token], verb_index: int) -> tuple[str, int] | None:
    """``"...," said Ingrid Vale, a farmer``: the capitalised run after the verb."""
    phrase: list[Token] = []
    for word in words[verb_index + 1:]:
        if phrase and _gap_breaks_phrase(sentence, phrase[-1], word):
            break
        if word.text[0].isupper() or (word.lower in ROLE_WORDS and word.lower not in ("of", "and", "the")):
            phrase.append(word)
        elif not phrase and word.lower in ("the", "a", "an"):
            continue
        else:
            break
    if not phrase or not any(w.text[0].isupper() for w in phrase):
        return None
    return _join(phrase), phrase[0].start


def _appositive_subject(sentence: str, words: list[Token], verb_index: int) -> tuple[str, int] | None:
    """``NAME, APPOSITIVE, said``: the name, with the appositive when it is a short role."""
    comma = sentence.rfind(",", 0, words[verb_index].start)
    opening = sentence.rfind(",", 0, comma)
    if opening == -1:
        return None
    appositive = sentence[opening + 1:comma].strip()
    before = [i for i, w in enumerate(words) if w.end <= opening]
    if not before:
        return None
    name = _subject_before(sentence, words, before[-1] + 1, skip=False)
    if name is None or not any(word[:1].isupper() for word in name[0].split()):
        return None
    first = tokens(appositive)[:1]
    if (
        first
        and first[0].lower not in ("which", "who", "that", "whose")
        and len(tokens(appositive)) <= 7
        and not any(w.lower in ("that", "which", "who") for w in tokens(appositive))
    ):
        return f"{name[0]}, {appositive}", name[1]
    return name


def _subject_before(
    sentence: str, words: list[Token], verb_index: int, skip: bool = True
) -> tuple[str, int] | None:
    """The noun phrase just before an attribution verb: capitalised words and role words.

    ``Oleksiy Arestovich, a Ukrainian presidential adviser, rejected`` gives the
    name with its role.
    """
    index = verb_index - 1
    while skip and index >= 0 and words[index].lower in _SKIPPABLE:
        index -= 1
    end = index
    while index >= 0 and (_may_stand_in_name(words[index]) or _modifies_role(words, index, end)):
        if index < end and _gap_breaks_phrase(sentence, words[index], words[index + 1]):
            break
        index -= 1
    start = index + 1
    if start > end:
        bare = words[end] if end >= 0 else None
        if bare is not None and bare.lower in _BARE_SOURCES:
            return bare.lower, bare.start
        relative = _subject_before_relative_clause(sentence, words, verb_index)
        if relative:  # "A residents' group that has fought the bypass since May said ..."
            return relative
        described = _described_source(sentence, words, end) if bare is not None else None
        if described:  # "people familiar with the plan told ..."
            return described
        # ", the carrier said": a definite common noun right before the verb names who is meant.
        if bare is not None and end >= 1 and words[end - 1].lower == "the" and _may_name_a_source(bare):
            return f"the {bare.lower}", words[end - 1].start
        if bare is not None and bare.lower in _SOURCE_HEADS:  # "a volunteer rescue group said"
            return _determined_phrase(sentence, words, end)
        return None
    phrase = words[start:end + 1]
    if len(phrase) == 1 and phrase[0].lower in PRONOUNS:
        return phrase[0].lower, phrase[0].start
    if len(phrase) == 1 and phrase[0].lower in _NOT_CLAIMANTS:
        return None
    while phrase and phrase[0].lower in STOPWORDS and phrase[0].lower != "the":
        phrase = phrase[1:]
    if not phrase:
        return None
    appositive = _appositive_name(sentence, words, start)
    if appositive:
        return f"{appositive}, {words[start - 1].lower} {_join(phrase)}", words[start - 2].start
    if not any(w.text[0].isupper() for w in phrase):
        # "The company that owns the mine said", "officials close to the mayor said": the noun right before
        # the verb belongs to what describes the source, not the source.
        return (
            _subject_before_relative_clause(sentence, words, verb_index)
            or _described_source(sentence, words, end)
            or _common_noun_subject(sentence, words, start, end)
        )
    placed = _source_in_place(sentence, words, start)
    if placed:  # "Local police in Kestby said": the place says which police, it does not speak
        return f"{placed[0]} {_join(phrase)}", placed[1]
    return _join(phrase), phrase[0].start


def _source_in_place(sentence: str, words: list[Token], start: int) -> tuple[str, int] | None:
    """"police in", "officials in" right before a capitalised name: the source, and where it starts."""
    if start < 2 or words[start - 1].lower != "in" or words[start - 2].lower not in _SOURCE_HEADS | _DESCRIBED_HEADS:
        return None
    if _gap_breaks_phrase(sentence, words[start - 2], words[start - 1]):
        return None
    head = words[start - 2]
    return f"{head.text} in", head.start


_DESCRIBED_HEADS = _BARE_SOURCES | {"people", "person", "officials", "diplomats", "insiders"}
_DESCRIBING_WORDS = frozenset("with of to familiar close knowledge the a an".split())


def _subject_before_relative_clause(sentence: str, words: list[Token], verb_index: int) -> tuple[str, int] | None:
    """The source whose relative clause ("that has ...", "who ...") runs, without a comma, up to the verb."""
    for index in range(verb_index - 2, max(0, verb_index - 16), -1):
        if _gap_breaks_phrase(sentence, words[index], words[index + 1]):
            return None
        if words[index].lower in ("that", "who") and index >= 1:
            head = words[index - 1]
            if head.lower in _SOURCE_HEADS or head.lower in _DESCRIBED_HEADS:
                return _determined_phrase(sentence, words, index - 1) or (head.lower, head.start)
            return _source_of(sentence, words, index - 1)
    return None


def _source_of(sentence: str, words: list[Token], end: int) -> tuple[str, int] | None:
    """"The owner of the mine that flooded ... denied", "a spokesman for the firm that ...": the source before
    "of the THING" or "for the THING"."""
    if end < 3 or words[end - 1].lower not in ("the", "a", "an") or words[end - 2].lower not in ("of", "for"):
        return None
    head = words[end - 3]
    if head.lower not in _SOURCE_HEADS or _gap_breaks_phrase(sentence, head, words[end]):
        return None
    phrase = _determined_phrase(sentence, words, end - 3)
    if phrase is None:
        return None
    return f"{phrase[0]} {_join(words[end - 2:end + 1])}", phrase[1]


def _described_source(sentence: str, words: list[Token], end: int) -> tuple[str, int] | None:
    """"people familiar with the plan", "sources close to the council": a source described by what it knows."""
    index = end - 1
    while index >= 0 and end - index <= 6 and words[index].lower in _DESCRIBING_WORDS:
        if _gap_breaks_phrase(sentence, words[index], words[index + 1]):
            return None
        index -= 1
    if index < 0 or index == end - 1 or words[index].lower not in _DESCRIBED_HEADS:
        return None
    if _gap_breaks_phrase(sentence, words[index], words[index + 1]):
        return None
    return _join(words[index:end + 1]), words[index].start


def _determined_phrase(sentence: str, words: list[Token], end: int) -> tuple[str, int] | None:
    """"a volunteer rescue group", "the local fishing association": up to four plain words after an article."""
    index = end - 1
    while index >= 0 and end - index <= 4:
        word = words[index]
        if _gap_breaks_phrase(sentence, word, words[index + 1]):
            return None
        if word.lower in ("a", "an"):
            return _join(words[index + 1:end + 1]), words[index + 1].start
        if word.lower == "the":
            return _join(words[index:end + 1]), word.start
        if not word.text.isalpha() or word.lower in STOPWORDS:
            return None
        index -= 1
    return None


def _may_name_a_source(word: Token) -> bool:
    return word.text.isalpha() and word.lower not in STOPWORDS and word.lower not in PRONOUNS and len(word.text) > 3


def _common_noun_subject(sentence: str, words: list[Token], start: int, end: int) -> tuple[str, int] | None:
    """``the provincial water authority said``, ``witnesses said``: lower-case sources."""
    head = words[end]
    if head.lower in _BARE_SOURCES and start == end and (end == 0 or words[end - 1].lower != "the"):
        return head.lower, head.start
    if head.lower not in _SOURCE_HEADS:
        if words[start].lower == "the" and start < end:
            return _join(words[start:end + 1]), words[start].start
        return None
    index = end
    while index > 0 and end - index < 5:
        index -= 1
        if _gap_breaks_phrase(sentence, words[index], words[index + 1]):
            return None
        if words[index].lower == "the":
            return _join(words[index:end + 1]), words[index].start
        if words[index].lower in ("a", "an") and index < end:  # "an airline spokesman said"
            return _join(words[index + 1:end + 1]), words[index + 1].start
        if words[index].lower in STOPWORDS and not words[index].lower.endswith("'s"):
            break
    if head.lower in _BARE_SOURCES:
        return head.lower, head.start
    return None


def _appositive_name(sentence: str, words: list[Token], role_start: int) -> str | None:
    """For "NAME, a ROLE, said": the NAME before the article that opens the role."""
    article = role_start - 1
    if article < 1 or words[article].lower not in ("a", "an", "the"):
        return None
    if "," not in sentence[words[article - 1].end:words[article].start]:
        return None
    index = article - 1
    while index >= 0 and words[index].text[0].isupper():
        if index < article - 1 and _gap_breaks_phrase(sentence, words[index], words[index + 1]):
            break
        index -= 1
    name = words[index + 1:article]
    while name and name[0].lower in STOPWORDS:
        name = name[1:]
    return _join(name) if name else None


def _modifies_role(words: list[Token], index: int, end: int) -> bool:
    """A lower-case word between a name and its role is part of the role: "Portside *dock* master Ann Lee"."""
    word = words[index]
    if index >= end or index == 0 or not word.text.isalpha() or word.lower in STOPWORDS:
        return False
    before, after = words[index - 1], words[index + 1]
    return after.lower in ROLE_WORDS and after.text.islower() and (before.text[0].isupper() or before.lower.endswith(("'s", "’s")))


def _may_stand_in_name(word: Token) -> bool:
    return word.text[0].isupper() or word.lower in ROLE_WORDS or word.lower in PRONOUNS or word.lower.endswith(("'s", "’s"))


def _cue_objects(sentence: str, words: list[Token]) -> list[tuple[str, int, str]]:
    """(cue, position, name) for names after "according to", "citing" and the like."""
    found = []
    lowered = sentence.lower()
    for cue in _RELAY_CUES:
        position = lowered.find(cue)
        while position != -1:
            if re.match(r"\w", lowered[position - 1:position] or " ") is None:
                begin = position + len(cue)
                # "according to a statement from the National Authority": the authority is the source
                document = _DOCUMENT_OF.match(lowered, begin)
                if document and sentence[document.end():document.end() + 1].isupper():
                    begin = document.end()
                phrase = _cue_phrase(sentence, [w for w in words if w.start >= begin])
                if phrase:
                    found.append((cue, position, _join(phrase)))
            position = lowered.find(cue, position + 1)
    found.sort(key=lambda item: item[1])
    return found


def _cue_phrase(sentence: str, after: list[Token]) -> list[Token]:
    phrase: list[Token] = []
    for word in after:
        if phrase and _gap_breaks_phrase(sentence, phrase[-1], word):
            break
        if word.text[0].isupper() or word.lower in ROLE_WORDS:
            phrase.append(word)
        elif len(phrase) == 1 and phrase[0].lower == "the":
            phrase.append(word)  # "according to the statement"
            break
        elif not phrase and word.lower in ("a", "an"):
            continue  # "according to a company statement": the company
        else:
            if phrase and phrase[-1].lower.endswith(("'s", "’s")):
                return []  # "citing the Interior Ministry's investigation": a document, not a source
            break
    if not phrase or (len(phrase) == 1 and phrase[0].lower == "the"):
        return []
    while phrase and phrase[-1].lower in ("of", "and", "the", "for"):
        phrase = phrase[:-1]
    return phrase


def _told_media(sentence: str, words: list[Token], outlet: str | None) -> str | None:
    """``Kroy told the Continental Press Agency``: the news organisation told is the relay."""
    for index, word in enumerate(words):
        if word.lower != "told":
            continue
        phrase = _cue_phrase(sentence, words[index + 1:])
        name = _join(phrase) if phrase else ""
        if name and _is_media(name) and not (outlet and same_claimant(name, outlet)):
            return name
    return None


def _is_media(name: str) -> bool:
    return any(word.lower() in MEDIA_WORDS for word in re.findall(r"[\w']+", name))


def _join(phrase: list[Token]) -> str:
    text = " ".join(w.text for w in phrase)
    return text[4:] if text.lower().startswith("the ") and any(w.text[0].isupper() for w in phrase[1:]) else text


def _resolve(reference: str, named: list[tuple[str, str]]) -> str | None:
    """Resolve "it" / "Marrow" / "the ministry" / "the governor's office" against earlier claimants.

    A short reference ``the HEAD`` goes to the latest claimant whose name holds
    HEAD ("the ministry"), else to the latest one named in a sentence that
    mentions HEAD ("said in a statement" ... "according to the statement").
    A bare surname goes to the latest fuller name that contains it.
    """
    lowered = reference.lower()
    if lowered in PRONOUNS:
        personal = lowered in _PERSONAL_PRONOUNS
        return next(
            (claimant for claimant, sentence in reversed(named) if personal or not sentence.startswith(_MENTIONED)), None
        )
    words = lowered.split()
    if words and words[0] == "the" and reference[4:5].islower():
        possessive = re.match(r"the (\w+)['’]s (\w+)$", lowered)
        if possessive:
            owner = _latest_containing(possessive.group(1), named)
            if owner:
                return f"{owner}'s {possessive.group(2)}"
        head = words[-1]
        owner = _latest_ending_with(head, named) or _latest_containing(head, named)
        if owner:
            return owner
        for claimant, sentence in reversed(named):
            if head in sentence and not sentence.startswith(_MENTIONED):
                return claimant
        return reference[4:] if len(words) > 1 else None
    reference = _HONORIFICS.sub("", reference)  # "Mr Fernandes" is "André Fernandes"
    words = reference.lower().split()
    if 1 <= len(words) <= 2 and reference[:1].isupper():
        for claimant, _ in reversed(named):
            # "Marrow" is "Regional governor Ilse Marrow"; "Russia" is not "Russia's Defense Ministry".
            if claimant != reference and re.search(rf"\b{re.escape(reference)}(?:$|,)", claimant):
                return claimant
    return reference


def _opening_name(sentence: str) -> str | None:
    """The specific capitalised name a sentence opens with (after any dateline), or None."""
    body = re.sub(r"^[A-Z][A-Z .,'’()-]*\s+[—–-]\s+", "", sentence.strip())
    first = tokens(body)[:1]
    if first and first[0].text.isupper() and len(first[0].text) > 1:
        return None  # a dateline ("DUNHOLM, Estmark (NPA) -") names where, not who
    run: list[Token] = []
    for word in tokens(body):
        if not word.text[0].isupper() or word.lower in STOPWORDS:
            break
        run.append(word)
    if not run or run[0].start != 0 or all(specificity(w.text) < 3.0 for w in run):
        return None
    if body[run[-1].end:].lstrip(" ")[:1] in (",", ":"):
        return None  # "Delmore, a town of 8,000, will lose ...": a name set apart is described, not the one acting
    return _join(run)


def _latest_ending_with(word: str, named: list[tuple[str, str]]) -> str | None:
    for claimant, _ in reversed(named):
        if re.search(rf"\b{re.escape(word)}\w*$", claimant.lower()):
            return claimant
    return None


def _latest_containing(word: str, named: list[tuple[str, str]]) -> str | None:
    for claimant, _ in reversed(named):
        if re.search(rf"\b{re.escape(word)}", claimant.lower()):
            return claimant
    return None


def same_claimant(a: str, b: str) -> bool:
    """Two names of one claimant: "Marrow" and "Regional governor Ilse Marrow's office", "RIA" and "RIA news agency".

    Compared by their proper-name words (roles left out), a stem matching a
    longer one ("Russia", "Russian"); names without any compare as text.
    """
    left, right = _identity(a), _identity(b)
    if not left or not right:
        return a.lower().strip() == b.lower().strip() or a.lower() in b.lower() or b.lower() in a.lower()
    small, large = sorted((left, right), key=len)
    return all(any(stems_match(word, other) for other in large) for word in small)


def claimant_identity(name: str) -> set[str]:
    """The proper-name words of a claimant: its people, places and organisations, not its roles."""
    return set(_identity(name))


@lru_cache(maxsize=50_000)  # finding disputes compares every claim's claimant with every side's (ledger-wide)
def _identity(name: str) -> frozenset[str]:
    return frozenset(
        stem(w.text)
        for w in tokens(name)
        if w.text[0].isupper() and w.lower not in ROLE_WORDS and w.lower not in STOPWORDS
    )


def claimant_label(claimant: str, relay: str | None = None, *, inline: bool = True) -> str:
    """Who made a claim and who passed it on, the one way every answer, table and citation writes it.

    Inline, inside a sentence or a table cell: "Russia's Defense Ministry (via RIA news agency)".
    Standing alone (the ``claimant`` field of a citation): "Russia's Defense Ministry, via RIA news agency".
    """
    if not relay:
        return claimant
    return f"{claimant} (via {relay})" if inline else f"{claimant}, via {relay}"
