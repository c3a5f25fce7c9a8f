"""Claims: who said what. Attribution of each sentence (or clause) to its claimant and relay.

Rules over attribution verbs and sentence structure. spaCy was considered: the
library installs from PyPI, but its English models are published only on
GitHub (``en_core_web_sm`` is not on PyPI under its own name; the copies there
are third-party re-uploads), so nothing trustworthy installs offline here.
See docs/claims.md.

- ``X said/claims/told/warned ...``, ``"...," X said`` and ``"...," said X``:
  X is the claimant; verbs inside quotation marks or negated ("did not say")
  attribute nothing;
- X is read by its grammar, not from a list of sources: a name, or any noun
  phrase ("the national seismology institute", "rescue workers", "supporters
  of the club", "doctors at St. Elwyn's Hospital"); passives ("announced by
  X"), "X was quoted by Y as saying", "..., said X", findings of documents
  ("data from X showed");
- ``NAME, a ROLE, said`` / ``NAME, which said``: the name (with a short role),
  found by walking back over the comma-separated descriptions;
- ``according to Y`` / ``citing Y`` / ``Y stated ... citing X`` / ``X told Y``:
  with another claimant in the sentence, a news organisation Y is the relay;
- pronouns, surnames and short definite references (``it``, ``Fenwright``,
  ``the ministry``, ``the governor's office``) are resolved to the latest
  matching claimant named before them in the article;
- a sentence that is wholly a quotation continues the quotation before it, and
  one that opens a quotation closed later is the closing sentence's speaker's;
- "he"/"she" also mean the person a sentence opens with ("Professor Ann Lee
  led the dig. She said ...");
- a sentence whose clauses name different claimants (``whereas Kyiv claims``,
  ``with Russia claiming ... while Ukraine argued``) is attributed clause by clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newsdesk.text import (
    Span,
    Token,
    english_zipf,
    is_a_noun,
    is_plural_noun,
    lemmas,
    only_a_noun,
    only_a_verb,
    same_lemma,
    specificity,
    stem,
    stems_match,
    tokens,
    without_datelines,
)
from newsdesk.vocabulary import (
    ADDING_VERBS,
    BE_FORMS,
    ADVERBS_BEFORE_SAYING,
    CALENDAR_WORDS,
    ATTRIBUTION_VERBS,
    CLAIMANT_PRONOUNS,
    COLLECTIVE_NOUNS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FINDING_VERBS,
    HEDGE_WORDS,
    INVERTING_VERBS,
    JUDGING_AS_VERBS,
    JUDGING_VERBS,
    MEDIA_WORDS,
    NEWSPAPER_ONLY_NOUNS,
    NEWSPAPER_TITLE_NOUNS,
    PRINT_REPORTER_NOUNS,
    BROADCAST_REPORTER_NOUNS,
    BROADCAST_WORDS,
    REPORTER_NOUNS,
    REPORTING_VERBS,
    NUMBER_WORDS,
    ORDINALS,
    ORGANISATION_KINDS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
    PLACE_NOUNS,
    POSITION_PREPOSITION_VERBS,
    POSITION_VERBS,
    PREPOSITIONS,
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
_SKIPPABLE = frozenset(
    ["also", "earlier", "later", "previously", "had", "has", "have", "then", "again", "on", "last",
     "today", "yesterday", "tonight", "night", "morning", "evening", "afternoon", "repeatedly", "publicly",
     *WEEKDAYS, *ADVERBS_BEFORE_SAYING]
)
_RELAY_CUES = ("according to", "citing", "quoted by", "via")
# Verbs that state an estimate when "at FIGURE" follows: "put the magnitude at 4.2", "measured it at 3.9".
_ESTIMATE_VERBS = frozenset("put puts putting measured measures recorded records counted counts calculated pegged assessed".split())
# Verbs that state a count when the figure is their object: "Organisers ... counted 18,000 people".
_COUNTING_VERBS = frozenset("counted counts tallied tallies".split())
# "By the organisers' count, 30,000 people took part": whose count opens the sentence.
_BY_COUNT = re.compile(
    r"^\s*(?:By|On)\s+(?P<who>(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,4}?)['’]s?\s+(?:own\s+)?"
    r"(?:count|counts|tally|estimate|estimates|reckoning|figures|calculations?)\s*,"
)
# A word commoner than this (Zipf) that opens a sentence capitalised is no name ("Thousands", "Drivers").
_NAME_ZIPF = 4.0
_NEGATIONS = frozenset("not n't never".split())
_CLAUSE_CUT = re.compile(r"(?:,\s*|\s+)(?:whereas|while)\s+|;\s+|,\s+but\s+")
_DOCUMENT_OF = re.compile(
    r"\s+(?:a|an|the)?\s*(?:\w+\s+)?(?:" + "|".join(sorted(DOCUMENT_NOUNS)) + ")"
    r"\s+(?:from|by|of|(?:released|issued|published|compiled) by)\s+"
)
# "according to readings from a gauge upstream published by the water board": who published what is cited.
_PUBLISHED_BY = re.compile(r"(?:\s+[\w'’-]+){1,10}?\s+(?:released|issued|published|compiled|prepared|commissioned)\s+by\s+")
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
    surnames = _surnames(body)
    result: list[list[Clause]] = []
    previous: Attribution | None = None
    previous_quoted = False
    reporter: str | None = None  # the outlet a paragraph of a page of snippets opens with
    for index, span in enumerate(sentences):
        sentence = body[span.start:span.end]
        if index and "\n\n" in body[sentences[index - 1].end:span.start]:
            reporter = None
        reporter = snippet_source(sentence) or reporter
        whole = _attribute(sentence, named, outlet)
        quoted = sentence.lstrip()[:1] in _QUOTES
        if whole is None and quoted and previous is not None and previous_quoted:
            whole = Attribution(previous.claimant, previous.relay)
        clauses = _split_by_claimant(body, span, named, outlet) or [Clause(span, whole)]
        if reporter:
            clauses = [Clause(clause.span, _reported_by(clause.attribution, reporter)) for clause in clauses]
        result.append(clauses)
        for clause in clauses:
            attribution = clause.attribution
            if attribution is not None:
                # The relay first: a following "he said" means the claimant, not the agency.
                named.extend(
                    (name, sentence.lower())
                    for name in (attribution.relay, attribution.claimant)
                    if name and name.lower() not in CLAIMANT_PRONOUNS
                )
        # People this sentence introduces ("The union's secretary, Ann Lee, called ..."): a later
        # "she said" or "Lee said" refers to them even though this sentence attributes nothing to them.
        attributed = any(clause.attribution for clause in clauses)
        # The subject a sentence without a speaker opens with: "Ann Lee toured the town. She said ..."
        subjects = [] if attributed else _opening_person(sentence, surnames)
        for person in [*people_introduced(sentence), *subjects]:
            # known by a fuller name ("Quorne" after "Prime Minister Basil Quorne"): that name is the latest
            fuller = next((claimant for claimant, _ in reversed(named) if re.search(rf"(?<!for )(?<!of )(?<!to )\b{re.escape(person)}(?:$|,)", claimant)), person)
            named.append((fuller, _MENTIONED + sentence.lower()))
        # The organisation a sentence without a speaker opens with: "The Audit Commission has a different view." then
        # "In a report, it estimated ..." (round 14; before, "it" went to the person named before).
        organisation = None if attributed else _opening_organisation(sentence)
        if organisation:
            named.append((organisation, sentence.lower()))
        group = None if attributed else _opening_group(sentence)
        if group:  # "Investigators from the safety board arrived on Monday." then "They said ..."
            named.append((group, _MENTIONED + _GROUP + sentence.lower()))
        # Organisations this sentence names with the noun a later "the union said" may use for them.
        named.extend((name, _ONLY_DESCRIBED + head + _HEAD_END + sentence.lower())
                     for name, head in organisations_described(sentence))
        previous = whole
        previous_quoted = quoted or ('"' in sentence or "“" in sentence)
    return _speakers_of_open_quotes(body, sentences, result)


# A page of snippets: "**Radio Ennery (June 11):** The office's figures show ...": the outlet, maybe a date, a colon.
_SNIPPET_LABEL = re.compile(
    r"^\s*(?P<bold>\*\*)?(?:The\s+)?(?P<name>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,5})\s*(?P<date>\([^()]{1,40}\))?\s*:"
    r"\s*(?:\*\*)?\s+\S"
)


def snippet_source(sentence: str) -> str | None:
    """The outlet a snippet opens with: a bold name with a date ("**Radio Ennery (June 11):** ..."), or any name of a
    news organisation ("Harbour Gazette: ..."); not a label ("Update: ...", "**Correction:**")."""
    match = _SNIPPET_LABEL.match(sentence)
    if match is None:
        return None
    name = match.group("name")
    labelled = bool(match.group("bold") and match.group("date")) and (" " in name or specificity(name) >= 3.0)
    return name if labelled or is_media(name) else None


def _reported_by(attribution: Attribution | None, reporter: str) -> Attribution:
    """A snippet's sentence: the outlet's own report, or the claimant it quotes with the outlet as the relay."""
    if attribution is None or _reporter_itself(attribution.claimant, reporter):
        return Attribution(reporter)
    if attribution.relay or same_claimant(attribution.claimant, reporter):
        return attribution
    return Attribution(attribution.claimant, reporter, attribution.mention)


def _reporter_itself(claimant: str, reporter: str) -> bool:
    """"..., the station reported", "the paper said": the outlet whose report it is calls itself by a noun of its own
    kind: a newspaper "the paper", a radio or television station "the station" or "the broadcaster" (round-17
    review: "Harbour Gazette: ..., the broadcaster reported" quotes a broadcaster); any outlet "the outlet"."""
    noun = re.sub(r"^(?:the|its)\s+", "", claimant.strip().lower())
    if noun in PRINT_REPORTER_NOUNS:
        return _newspaper_title(reporter)
    if noun in BROADCAST_REPORTER_NOUNS:
        return any(w.lower() in BROADCAST_WORDS for w in re.findall(r"[\w']+", reporter))
    return noun in REPORTER_NOUNS


def _speakers_of_open_quotes(body: str, sentences: list[Span], result: list[list[Clause]]) -> list[list[Clause]]:
    """"We lost everything. The water came in minutes," said Ann Lee: a quotation's sentences before the one
    that closes it are the speaker's too."""
    open_after = []
    is_open = False
    for index, span in enumerate(sentences):
        if index and "\n\n" in body[sentences[index - 1].end:span.start]:
            is_open = False  # a quotation that runs on into a new paragraph opens it again
        for mark in body[span.start:span.end]:
            if mark == '"':
                is_open = not is_open
            elif mark == "“":
                is_open = True
            elif mark == "”":
                is_open = False
        open_after.append(is_open)
    for index, span in enumerate(sentences):
        if not open_after[index] or any(clause.attribution for clause in result[index]):
            continue
        closing = next((j for j in range(index + 1, min(index + 5, len(sentences))) if not open_after[j]), None)
        if closing is None:
            continue
        speaker = next((clause.attribution for clause in result[closing] if clause.attribution), None)
        if speaker is not None:
            result[index] = [Clause(span, Attribution(speaker.claimant, speaker.relay))]
    return result


# Marks an entry of ``named`` that was only mentioned, not a claimant: "he"/"she" and surnames may refer to it, "it" not.
_MENTIONED = "\x00"
# Marks a mentioned group ("Investigators from the board arrived"): "they" may refer to it, "it" and "he" not.
_GROUP = "\x01"
# Marks an organisation only named, with the noun it may later be called by ("the Kiln Workers' Union": union;
# "Quendry Aid, a volunteer group": group): "the union said" may refer to it; "it", "they", "he", "she" not.
_DESCRIBED = "\x02"
_ONLY_DESCRIBED = _MENTIONED + _DESCRIBED  # how such an entry's text opens; its noun ends at `_HEAD_END`
_HEAD_END = "\x03"
# A capitalised name: words joined by "of", "and", "for", "the" ("Kiln and Glaze Workers' Union", "Ministry of Rural Affairs").
_ORGANISATION_NAME = r"[A-Z][\w'’&-]*(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\w'’&-]*)*"
# "the aid group Brindlecote Relief": an organisation noun right before a name.
_NOUN_BEFORE_NAME = re.compile(rf"\b(?P<head>[a-z]+)\s+(?P<name>{_ORGANISATION_NAME})")
# "Quendry Aid, a volunteer group that ...": a name, then a description in apposition.
_NAME_THEN_DESCRIPTION = re.compile(rf"(?P<name>{_ORGANISATION_NAME}),\s+(?:a|an|the)\s+(?P<description>[^,.;:()]{{1,80}})")
# "Tollan Rail, which runs the line, said": a name whose relative clause says it runs (owns, operates) something is
# its operator (round 12), and "the company" or "the operator" may name it (`ORGANISATION_KINDS`).
_NAME_THAT_RUNS = re.compile(rf"(?P<name>{_ORGANISATION_NAME}),\s+(?:which|that)\s+(?:now\s+)?(?:runs|owns|operates|manages)\s")
# How many words of an apposition may come before its head noun ("an emergency volunteer organisation").
_DESCRIPTION_WORDS = 4
# Words that make a capitalised name an organisation's, a place's or a day's rather than a person's.
_NOT_PERSON_WORDS = ORGANISATION_NOUNS | PLACE_NOUNS | MEDIA_WORDS | CALENDAR_WORDS
_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# "ROLE, First Last,", "role First Last", "First Last, a ROLE": a person's name beside a description of them.
_PERSON_BESIDE_ROLE = re.compile(
    rf"\b(?P<role>[a-z]+)(?:,\s+(?P<a>{_NAME}(?:\s+{_NAME}){{1,2}}),|\s+(?P<c>{_NAME}(?:\s+{_NAME}){{1,2}})(?=[,.]|\s+[a-z]))"
    rf"|(?P<b>{_NAME}(?:\s+{_NAME}){{1,2}}),\s+(?:a|an|the|its|his|her|their)\s"
)


def organisations_described(sentence: str) -> list[tuple[str, str]]:
    """(name, organisation noun) for each organisation the sentence names with a noun a later sentence may call it
    by: a name ending in it ("talks with the Kiln and Glaze Workers' Union": union; "the Ministry of Rural Affairs":
    ministry), a name after it ("the aid group Brindlecote Relief": group) or a name it describes in apposition
    ("Quendry Aid, a volunteer group that ...": group; not "Ann Lee, a union official": her noun is "official")."""
    found: list[tuple[str, str]] = []
    for match in re.finditer(_ORGANISATION_NAME, sentence):
        name = _bare_name(match.group())
        head = _name_head(name)
        if head and len(name.split()) > 1 and not _inside_quotes(sentence, match.start()):
            found.append((name, head))
    for match in _NOUN_BEFORE_NAME.finditer(sentence):
        name = _bare_name(match.group("name"))
        if (match.group("head") in ORGANISATION_NOUNS and name and not _inside_quotes(sentence, match.start())
                and not any(w.lower() in CALENDAR_WORDS for w in name.split())):
            found.append((name, match.group("head")))
    for match in _NAME_THEN_DESCRIPTION.finditer(sentence):
        name = _bare_name(match.group("name"))
        head = _description_head(match.group("description"))
        if head and name and not _inside_quotes(sentence, match.start()):
            found.append((name, head))
    for match in _NAME_THAT_RUNS.finditer(sentence):
        name = _bare_name(match.group("name"))
        if name and not _inside_quotes(sentence, match.start()):
            found.append((name, "operator"))
    return found


_OPENING_ORGANISATION = re.compile(rf"^(?:The\s+)?(?P<name>{_ORGANISATION_NAME})\s+(?P<next>[a-z]+)\b")


def _opening_organisation(sentence: str) -> str | None:
    """"The Public Audit Commission has a different view.": the organisation a sentence opens with as the subject of a
    lower-case verb after it, named by two or more words ending in an organisation noun (`_name_head`); the one a
    later "it said" means. Not a name inside a longer phrase ("The Audit Commission's report ...": a possessive)."""
    body = without_datelines(sentence.strip())
    match = _OPENING_ORGANISATION.match(body)
    if match is None or match.group("next") in STOPWORDS - BE_FORMS - _AUXILIARIES:
        return None
    name = match.group("name")
    if re.search(r"['’]s?$", name) or len(name.split()) < 2 or _name_head(name) is None:
        return None
    return _bare_name(name)


def _bare_name(name: str) -> str:
    """The name without leading function words or a trailing possessive ("Within the Marrowdale Water Agency's":
    Marrowdale Water Agency)."""
    words = name.split()
    while words and (words[0].lower() in STOPWORDS or words[0].lower() in PREPOSITIONS):
        words = words[1:]  # "Within the Union Party", "With the Green Union" opening a sentence
    return re.sub(r"['’]s?$", "", " ".join(words)).strip()


def _name_head(name: str) -> str | None:
    """The organisation noun a name ends in, or that stands before its "of" ("Ministry of Rural Affairs")."""
    for part in (name, name.split(" of ")[0]):
        last = part.split()[-1].lower() if part.split() else ""
        if last in ORGANISATION_NOUNS:
            return last
    return None


def _description_head(description: str) -> str | None:
    """The organisation noun heading an apposition's noun phrase: "volunteer group that has run": group; "family-owned
    company based in": company; "union official": None (the phrase goes on past "union")."""
    words = description.split()
    for index, word in enumerate(words[:_DESCRIPTION_WORDS]):
        if not re.fullmatch(r"[a-z][a-z-]*['’]?", word):
            return None
        following = words[index + 1] if index + 1 < len(words) else ""
        ends_phrase = not following or following in STOPWORDS or following.endswith(("ed", "ing"))
        if word in ORGANISATION_NOUNS and ends_phrase:
            return word
        if ends_phrase:
            return None
    return None


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


def _surnames(body: str) -> frozenset[str]:
    """Last words of the article's names of two or more capitalised words: "Quorne" of "Basil Quorne"."""
    found = set()
    for run in re.finditer(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+", body):
        words = run.group().split()
        if not any(word.lower() in _NOT_PERSON_WORDS or word.lower() in STOPWORDS for word in words):
            found.add(words[-1])
    return frozenset(found)


def _opening_person(sentence: str, surnames: frozenset[str] = frozenset()) -> list[str]:
    """"Professor Lucian Adeyemi led the excavation.": the person a sentence opens with as its subject, whom a
    later "he" or "she" means; a run of two to five capitalised words before a lower-case verb, not an
    organisation's or a place's name."""
    body = re.sub(r"^[A-Z][A-Z .,'’()-]*\s+[—–-]\s+", "", sentence.strip())
    words = tokens(body)
    run: list[Token] = []
    for word in words:
        if not word.text[0].isupper() or (run and _gap_breaks_phrase(body, run[-1], word)):
            break
        run.append(word)
    if not 1 <= len(run) <= 5 or run[0].start != 0 or len(run) == len(words):
        return []
    if len(run) == 1 and run[0].text not in surnames:
        return []  # "Quorne himself appeared" after "Basil Quorne": a surname; "Meltwater swept ...": not
    following = words[len(run)]
    if not following.text.islower() or _gap_breaks_phrase(body, run[-1], following) or following.lower in STOPWORDS - BE_FORMS - _AUXILIARIES:
        return []  # "Ann Lee, a farmer, ..." is people_introduced's; "Varnholm and Estrey agreed" names no one person
    if any(word.lower in _NOT_PERSON_WORDS or word.lower in STOPWORDS or _possessive(body, word) for word in run):
        return []
    return [_join(run, body)]


def _opening_group(sentence: str) -> str | None:
    """"Investigators from the safety board arrived on Monday.": the plural subject a sentence opens with."""
    words = tokens(sentence)
    if not words or words[0].text.isupper() and len(words[0].text) > 1:
        return None  # a dateline
    subject = _opening_subject(sentence, words, len(words))
    if subject is None or subject[1] != words[0].start:
        return None
    phrase = tokens(subject[0])
    ends = [i for i, w in enumerate(phrase) if w.lower in _JOINING_PREPOSITIONS]
    head = phrase[ends[0] - 1 if ends and ends[0] else -1]  # "investigators" of "Investigators from the board"
    if not (is_plural_noun(head.lower) or head.lower in COLLECTIVE_NOUNS):
        return None
    return re.sub(r"^(?:The|A|An) (?=[a-z])", "", subject[0])  # "rescue teams", as the sentence would name them


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
    clauses: list[tuple[int, int, Attribution | None]] = []
    for start, end in bounds:
        text = sentence[start:end]
        attribution = _attribute(text, named, outlet) if text.strip() else None
        if attribution is not None and attribution.mention >= 0:
            attribution = Attribution(attribution.claimant, attribution.relay, attribution.mention + start)
        if clauses and clauses[-1][2] is not None and _continues_reported_speech(text):
            attribution = None  # "X said it had proposed ..., but that the company had rejected the plan": still X's
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


def _continues_reported_speech(clause: str) -> bool:
    """A clause cut off (`_CLAUSE_CUT`: after ", but", ";", "while", "whereas") that opens with "that" is the earlier
    verb of saying's second object ("The union said it had proposed a four-day week, but that the company had
    rejected the plan"): its subject is spoken of, not speaking."""
    return re.match(r"\s*that\s", clause) is not None


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


# "Mawdsley: 'My client is innocent'": a short name, a colon, then the quotation it said.
_SPEAKER_COLON = re.compile(r"^\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}):\s*['\"‘“]")


def _attribute(sentence: str, named: list[tuple[str, str]], outlet: str | None = None) -> Attribution | None:
    words = tokens(sentence)
    headline = _SPEAKER_COLON.match(sentence)
    if headline and (" " in headline.group("name") or specificity(headline.group("name")) >= 3.0):  # not "Update: '...'"
        return Attribution(_resolve(headline.group("name"), named) or headline.group("name"), None, headline.start("name"))
    quoted_as = _quoted_as_saying(sentence, words)
    if quoted_as:
        (claimant_text, mention), relay_text = quoted_as
        claimant = _resolve(claimant_text, named)
        relay = _resolve(relay_text, named) if relay_text else None
        return Attribution(claimant, relay, mention) if claimant else None
    quoted = _quoted_ranges(sentence)
    subjects: list[tuple[int, str, int]] = []  # (verb position, subject, where the subject starts)
    for index, word in enumerate(words):
        if any(start <= word.start < end for start, end in quoted):
            continue
        if not _is_attribution_verb(words, index):
            continue
        if _negated(words, index):
            continue
        # "The union is demanding ...": the subject stands before the auxiliary
        progressive = index > 1 and words[index - 1].lower in BE_FORMS and _states_a_position(words, index)
        found = _subject_of(sentence, words, index - 1 if progressive else index)
        if found and word.lower in FINDING_VERBS and not _states_a_finding(words, index, found[1]):
            continue
        if found and _states_a_position(words, index) and not names_a_party(found[0]):
            continue  # "Thousands of people want ...": a crowd states no one's position
        if found:
            source = _source_of_document(found[0])
            if source is None:
                continue  # "figures showed", "a study found": whose is not said
            found = (source, found[1])
        if found:
            subjects.append((word.start, found[0], found[1]))
    cues = _cue_objects(sentence, words)
    relay_by_telling = _told_media(sentence, words, outlet)
    by_count = _BY_COUNT.match(sentence)
    if not subjects and not cues and by_count:
        return Attribution(_resolve(by_count.group("who"), named) or by_count.group("who"), None, by_count.start("who"))
    if not subjects and not cues:
        return None
    # "the figure given last week" is a figure, not who gave it.
    subjects = [s for s in subjects if not _names_a_figure(s[1])]
    # "the 300 it announced in March, ..., the company said": a pronoun that refers to nobody yet is not the claimant.
    subjects = [s for s in subjects if _resolve(s[1], named) is not None] or subjects
    subjects, closing_relay = _closing_speaker_first(sentence, words, subjects)
    claimant_text: str | None = subjects[0][1] if subjects else None
    mention = subjects[0][2] if subjects else -1
    relay: str | None = None
    for cue, position, target in cues:
        if cue == "citing":
            before = [(subject, start) for verb, subject, start in subjects if verb < position]
            # "The Lakeside Courier, citing a police officer, reported ...": the cue stands inside the subject's clause
            before = before or [(subject, start) for verb, subject, start in subjects if start < position < verb]
            if not before:
                if claimant_text is None:
                    claimant_text, mention = target, position
                continue
            citer = before[-1][0]
            # "RIA stated Wednesday citing the ministry": the ministry claims, RIA relays.
            if is_media(citer) or (claimant_text is not None and claimant_text != citer):
                relay = citer
                if claimant_text is None or claimant_text == citer:
                    claimant_text, mention = target, position
        elif claimant_text is None:
            claimant_text, mention = target, position
        elif relay is None:
            relay = target
    relay = relay or closing_relay or relay_by_telling
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


def _closing_speaker_first(
    sentence: str, words: list[Token], subjects: list[tuple[int, str, int]]
) -> tuple[list[tuple[int, str, int]], str | None]:
    """Round 17: "The port has confirmed two closures and laid off 60 dockers, its director said": a verb of saying
    that closes the sentence after a comma reports everything before the comma, so its subject is the claimant, not
    a subject inside the report ("The port has confirmed", "The count of reported break-ins"). But when the first subject
    itself said or told it ("The minister said the toll had risen to 40, state radio reported"), that subject stays
    the claimant and the closing speaker is its relay, as with "according to" (round-17 review). Returns the subjects
    and that relay, if any."""
    if len(subjects) < 2:
        return subjects, None
    verb, closing, start = subjects[-1]
    index = next((i for i, word in enumerate(words) if word.start == verb), None)
    after_comma = sentence[:start].rstrip().endswith((",", ',"', ",”", ",’", ",'"))
    if index is None or not after_comma or not _closes_sentence(sentence, words, index):
        return subjects, None
    if _SENTENCE_BREAK.search(sentence, subjects[0][0], start):
        return subjects, None  # two sentences the splitter joined ("... on Monday. A union ... said"): each its own
    first = next((i for i, word in enumerate(words) if word.start == subjects[0][0]), None)
    # "The count of reported break-ins", "Rents said to be rising": a participle modifies a noun and reports nothing
    reports = bool(first) and words[first].lower in REPORTING_VERBS
    modifies = reports and (words[first - 1].lower in _JOINING_PREPOSITIONS | DETERMINERS
                            or first + 1 < len(words) and words[first + 1].lower == "to")
    if reports and not modifies:
        return subjects, closing
    return [subjects[-1], *subjects[:-1]], None


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+[A-Z]")


def _source_of_document(subject: str) -> str | None:
    """Who a document subject is from: "its own count" -> "it", "the company's report" -> "the company",
    "data from the health agency" -> "the health agency"; None when not said ("figures", "a study");
    any other subject unchanged."""
    words = tokens(subject)
    document = next((i for i, w in enumerate(words[:8]) if lemmas(w.text) & DOCUMENT_NOUNS), None)
    # "The Climate Office's final figures": the owner, then only lower-case words before the document
    owned = next((i for i in range(document - 1, -1, -1) if _possessive(subject, words[i])), None) if document else None
    owned = owned is not None and all(w.text.islower() for w in words[owned + 1:document])
    if document is None or any(w.text[0].isupper() for w in words[:document]) and not owned:
        return subject
    before, after = words[:document], words[document + 1:]
    owner = next((w for w in before if _possessive(subject, w) or w.lower in ("its", "their", "his", "her")), None)
    if owner is not None:
        owner_text = re.sub(r"['’]s?$", "", re.sub(r"^[Tt]he\s+(?=[A-Z])", "", subject[before[0].start:owner.end]))
        return {"its": "it", "their": "they", "his": "he", "her": "she"}.get(owner_text.lower(), owner_text)
    if len(after) >= 2 and after[0].lower in ("by", "from", "of"):
        return subject[after[1].start:]
    if len(after) >= 3 and after[0].lower.endswith("ed") and after[1].lower in ("by", "in"):
        return subject[after[2].start:]  # "a study published in the Journal of X"
    if any(w.lower not in DETERMINERS and only_a_noun(w.text) for w in before) or [w.lower for w in before] == ["the"]:
        return subject  # "court documents" says whose; "the statement" is one named before
    return None


def _states_a_finding(words: list[Token], verb_index: int, subject_start: int) -> bool:
    """"Investigators found that ...", "a study published in X found", "data from X showed": a finding
    stated, not a thing found ("police found a body")."""
    if verb_index + 1 < len(words) and words[verb_index + 1].lower == "that":
        return True
    first = next(i for i, w in enumerate(words) if w.start >= subject_start)
    return any(w.lower in DOCUMENT_NOUNS for w in words[max(0, first - 4):verb_index])


def _names_a_figure(subject: str) -> bool:
    """"the figure", "The revised figure": a phrase whose head is a figure, which claims nothing itself."""
    parts = subject.split()
    return parts[-1].lower() in TOLL_WORDS and not any(part[:1].isupper() for part in parts[1:])


def _quoted_as_saying(sentence: str, words: list[Token]) -> tuple[tuple[str, int], str | None] | None:
    """((claimant, where named), relay) for "X was quoted by Y as saying" and "Y quoted X as saying"."""
    for index, word in enumerate(words[1:-2], start=1):
        if word.lower != "quoted":
            continue
        says = next((i for i in range(index + 1, min(index + 12, len(words) - 1))
                     if words[i].lower == "as" and words[i + 1].lower == "saying"), None)
        if says is None:
            continue
        if words[index + 1].lower == "by":  # "Ann Lee was quoted by the Courier as saying"
            relay = _cue_target(sentence, words[index + 2:says])
            speaker = _subject_before(sentence, words, index - 1 if words[index - 1].lower in BE_FORMS else index)
        else:  # "The Courier quoted a senior official as saying"
            named = _cue_target(sentence, words[index + 1:says])
            speaker = (named, words[index + 1].start) if named else None
            teller = _subject_before(sentence, words, index)
            relay = teller[0] if teller else None
        if speaker:
            return speaker, relay
    return None


def _is_attribution_verb(words: list[Token], index: int) -> bool:
    word = words[index].lower
    if word in FINDING_VERBS:
        return True  # kept only for a document or a that-clause, see _states_a_finding
    if word in ATTRIBUTION_VERBS:
        if word == "saying" and index > 0 and words[index - 1].lower in ("without", "by"):
            return False
        return not (word in ADDING_VERBS and _adds_a_thing(words[index + 1:]))
    if word in TOLL_VERBS:
        # "the revised figure" is an adjective, not a claimant revising it
        after_article = index > 0 and words[index - 1].lower in ("the", "a", "an")
        return not after_article and any(w.lower in TOLL_WORDS for w in words[index + 1:index + 6])
    if word in JUDGING_VERBS or word in JUDGING_AS_VERBS:
        return _passes_judgement(words, index)
    if word in _COUNTING_VERBS and _figure_follows(words[index + 1:index + 3]):
        return True  # "Organisers, who handed out wristbands, counted 18,000 people"
    if _states_a_position(words, index):
        return True
    if word in _ESTIMATE_VERBS:  # "put the number of evacuees at 5,000", "measured the quake at magnitude 4.7"
        following = words[index + 1:index + 13]  # "put the cost of the new bridge over the river at 40 million"
        # past a hedge: "put the figure at more than eleven thousand", "at well over 9,000"
        return any(w.lower == "at" and _figure_after_hedge(following[i + 1:]) for i, w in enumerate(following))
    return False


# How many words after "added" may hold the "to" of "added 12 more deaths to the toll".
_ADDED_TO_REACH = 6


def _adds_a_thing(following: list[Token]) -> bool:
    """"added a second", "added 300 jobs", "added another before the break": what follows "added" is a thing added,
    not words said; but "added 12 deaths to the toll" revises a count (`TOLL_WORDS`), and "added an odd caveat" says."""
    if not following:
        return False
    first, second = following[0].lower, following[1].lower if len(following) > 1 else ""
    if _figure_follows(following[:1]):
        return not _adds_to_a_count(following)
    if first in ("a", "an", "another"):
        return second in ORDINALS or (first == "another" and (not second or second in STOPWORDS))
    return False


def _adds_to_a_count(following: list[Token]) -> bool:
    """"12 deaths to the toll", "250 homes to its count of ...": the figure is added to a count (`TOLL_WORDS`)."""
    for index, word in enumerate(following[:_ADDED_TO_REACH]):
        if word.lower == "to":
            return any(w.lower in TOLL_WORDS for w in following[index + 1:index + 4])
    return False


def _states_a_position(words: list[Token], index: int) -> bool:
    """A verb by which its subject states a position (`POSITION_VERBS`), in the active, with an object: "is demanding
    a 7 percent rise", "opposes any date before 2040", "proposed 2035"; or with its preposition
    (`POSITION_PREPOSITION_VERBS`): "campaigned on closing it", "is calling for a recount". Not "the proposed
    bridge", "was proposed in 1998", "the course is demanding and ...", "demanding for older walkers"."""
    word = words[index]
    if not word.text.islower() or index == 0 or index + 1 >= len(words):
        return False
    forms = lemmas(word.text)
    if not (forms & POSITION_VERBS or forms & POSITION_PREPOSITION_VERBS.keys()):
        return False
    before, after = words[index - 1].lower, words[index + 1]
    if before in DETERMINERS or (before in BE_FORMS and not word.lower.endswith("ing")):
        return False
    if forms & POSITION_VERBS:
        return after.text[:1].isdigit() or after.lower in DETERMINERS or after.lower in ("any", "no", "all") or (
            after.lower not in STOPWORDS and after.lower not in PREPOSITIONS)
    return any(after.lower in POSITION_PREPOSITION_VERBS.get(form, ()) for form in forms)


def names_a_party(subject: str) -> bool:
    """A subject that names who holds the position: a proper name ("The Moorvale Party", "Councillor Selda
    Tremane", "Vessmark") or a source's or an organisation's head ("the union", "the guild"), not a crowd ("Thousands of people", "Drivers")."""
    words = [w for w in tokens(subject) if w.lower not in STOPWORDS]
    if any(w.text[:1].isupper() and (i > 0 or english_zipf(w.text) < _NAME_ZIPF) for i, w in enumerate(words)):
        return True
    return bool(words) and (words[-1].lower in _SOURCE_HEADS or words[-1].lower in ORGANISATION_NOUNS)


_OBJECT_PRONOUNS = frozenset("it them him her this that".split())
# How many words may stand between a judging verb and its "as": "dismissed the council's traffic report as".
_AS_WITHIN = 8


def _passes_judgement(words: list[Token], index: int) -> bool:
    """A judging verb (`JUDGING_VERBS`, `JUDGING_AS_VERBS`) used to judge, in the active: an object, then a
    complement ("called the plan reckless", "called the offer an insult") or "as" ("described the kitchen as
    filthy"). "called the fire brigade at three", "called the race off", "was described as" say nothing of whose view."""
    if index == 0 or words[index - 1].lower in BE_FORMS:
        return False
    following = words[index + 1:]
    if words[index].lower in JUDGING_AS_VERBS:
        return any(w.lower == "as" for w in following[1:_AS_WITHIN])
    if not following:
        return False
    if following[0].lower in _OBJECT_PRONOUNS:
        end = 0
    elif following[0].lower in DETERMINERS and len(following) > 1 and following[1].text.islower():
        end = 1
        while end + 1 < len(following) and following[end + 1].text.islower() and only_a_noun(following[end + 1].text):
            end += 1  # "the fire brigade"
    else:
        return False
    complement = following[end + 1:end + 2]
    return bool(complement) and complement[0].text.islower() and (
        complement[0].lower in ("a", "an") or (complement[0].lower not in STOPWORDS and not only_a_noun(complement[0].text))
    )


# How many words after an estimate's "at" may hold its figure ("at more than 9,000": the third; past three words of
# a hedge, `vocabulary.HEDGE_WORDS`, the fourth: 'at "as many as 12,000"', round 16).
_HEDGED_FIGURE_REACH = 3


def _figure_after_hedge(words: list[Token]) -> bool:
    """An estimate's figure after its "at": within `_HEDGED_FIGURE_REACH` words ("at magnitude 4.7", "at more than
    9,000"), or right after that many words of a hedge ('at "as many as 12,000"')."""
    reach = _HEDGED_FIGURE_REACH
    if all(w.lower in HEDGE_WORDS for w in words[:reach]):
        reach += 1
    return _figure_follows(words[:reach])


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
    agent = _passive_agent(sentence, words, verb_index)
    if agent:
        return agent
    if verb_index > 0:
        gap = sentence[words[verb_index - 1].end:verb.start]
        after_quotation = re.search(r"[,.!?]\s*[\"”'’]\s*$", gap) or gap.strip() in ('"', "”", "'", "’")
        if after_quotation or _inverted(gap, words, verb_index):
            after = _name_after(sentence, words, verb_index)
            if after:
                return after
            if after_quotation:
                return None  # '"... the roof fell," said one of them': no speaker is named, and none inside the quotation
        if words[verb_index - 1].lower in _COORDINATORS:
            return _opening_subject(sentence, words, verb_index)
        anchor = verb_index
        while anchor > 1 and words[anchor - 1].lower in _AUXILIARIES:
            anchor -= 1  # "Ann Lee, a farmer, has said"
        if "," in sentence[words[anchor - 1].end:words[anchor].start]:
            appositive = _appositive_subject(sentence, words, verb_index)
            if appositive:
                return appositive
        if words[verb_index - 1].lower in ("which", "who") and verb_index > 1:
            return _subject_before(sentence, words, verb_index - 1)
    return _subject_before(sentence, words, verb_index)


# "Ann Lee visited the camp but said ...": a verb of saying joined to its subject's earlier verb (round 16).
_COORDINATORS = frozenset({"and", "but"})
_AUXILIARIES = frozenset("has have had also then again later earlier previously repeatedly publicly".split()) | ADVERBS_BEFORE_SAYING


_VERB_WORDS = BE_FORMS | _AUXILIARIES | frozenset("did does do will would could can may might must should".split())


def _opening_subject(sentence: str, words: list[Token], verb_index: int) -> tuple[str, int] | None:
    """The noun phrase or name that opens the sentence as the subject of a verb right after it."""
    for index in range(1, min(8, verb_index)):
        word, before = words[index], words[index - 1]
        if _gap_breaks_phrase(sentence, before, word):
            return None
        if not word.text.islower() or not (word.lower in _VERB_WORDS or only_a_verb(word.lower)):
            continue
        if before.text[0].isupper():
            start = _name_run_start(sentence, words, index - 1)
        else:
            found = _phrase_start(sentence, words, index - 1)
            start = found[0] if found and found[1] else None
        if start:
            start = _enclosing_phrase(sentence, words, start)  # "Investigators from the safety board arrived"
        if start != 0:
            return None
        subject = _subject_before(sentence, words, index)
        return None if subject is None or subject[0].lower() in CLAIMANT_PRONOUNS else subject  # "It overturned ..."
    return None


def _passive_agent(sentence: str, words: list[Token], verb_index: int) -> tuple[str, int] | None:
    """"It was announced by President Ann Lee", "The toll, confirmed by the health ministry, ...": who by."""
    if verb_index + 2 >= len(words) or words[verb_index + 1].lower != "by" or verb_index == 0:
        return None
    before = words[verb_index - 1]
    if before.lower not in BE_FORMS and "," not in sentence[before.end:words[verb_index].start]:
        return None
    if any(w.lower in _NEGATIONS or w.lower in ("neither", "no", "nor") for w in words[max(0, verb_index - 5):verb_index]):
        return None  # "Neither theory has been confirmed by the party": nobody claims it
    target = _cue_target(sentence, words[verb_index + 2:])
    return (target, words[verb_index + 2].start) if target else None


def _sentence_subject(sentence: str, words: list[Token], verb_index: int) -> tuple[str, int] | None:
    """For "X raised the toll to 57, saying ...": the subject the sentence opens with, else the subject of
    its first verb of saying ("The commission lowered the 61.4 percent it announced, saying ...": the commission)."""
    opening = _opening_subject(sentence, words, verb_index)
    if opening:
        return opening
    for index in range(verb_index):
        if words[index].lower in ATTRIBUTION_VERBS or _is_attribution_verb(words, index):
            return _subject_before(sentence, words, index)
    return None


def _inverted(gap: str, words: list[Token], verb_index: int) -> bool:
    """"The deficit will narrow, said Finance Minister Ann Lee": a verb of saying after a comma, its speaker after it."""
    following = words[verb_index + 1:verb_index + 2]
    return (
        gap.strip() == "," and words[verb_index].lower in INVERTING_VERBS and bool(following)
        and following[0].lower not in STOPWORDS | CLAIMANT_PRONOUNS
    )


def _name_after(sentence: str, words: list[Token], verb_index: int) -> tuple[str, int] | None:
    """``"...," said Ingrid Vale, a farmer``, ``said captain Olu Marwick after ...``: the name after the verb,
    with the title before it."""
    phrase: list[Token] = []
    determined = False
    for word in words[verb_index + 1:verb_index + 9]:
        if phrase and _gap_breaks_phrase(sentence, phrase[-1], word):
            break
        if word.lower in CALENDAR_WORDS:
            break
        if word.text[0].isupper() or (word.lower in ROLE_WORDS and word.lower not in ("of", "and", "the")):
            phrase.append(word)
        elif not phrase and word.lower in ("the", "a", "an", "one"):
            determined = True
            continue
        elif re.sub(r"['’]s$", "", word.text).isalpha() and word.lower not in STOPWORDS and word.text.islower():
            phrase.append(word)  # a title in lower case: "majority whip", "captain"; its owner, "the club's captain"
        else:
            break
    if not determined:
        while phrase and not phrase[-1].text[0].isupper():
            phrase.pop()  # "said Ann Lee outside court": the name ends where lower case resumes
    elif phrase and not _may_head_phrase(phrase[-1]) and not phrase[-1].text[0].isupper():
        return None
    if not phrase or not any(w.text[0].isupper() for w in phrase) and not determined:
        return None
    named = _NAME_AFTER_ROLE.match(sentence, phrase[-1].end) if determined else None
    if named:  # '"...," said the guild's secretary, Ann Lee, after ...': the name, then the role
        return f"{named.group('name')}, {_join(phrase, sentence)}", phrase[0].start
    return _join(phrase, sentence), phrase[0].start


# A name right after a role in the lower case, between commas or closing the sentence: ", Ann Lee," (round 16).
_NAME_AFTER_ROLE = re.compile(r",\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)\s*(?=[,.;]|$)")


def _appositive_subject(sentence: str, words: list[Token], verb_index: int) -> tuple[str, int] | None:
    """``NAME, DESCRIPTION, ..., said``: the name, with its first description when that is a short role.

    Walks back over the comma-separated parts before the verb: a part that describes ("a limnologist at
    ...", "who was not involved", "41", "speaking to reporters") belongs to a name before it; the first
    part that names ("Professor Ann Lee", "Quillmark", "the Varnholm Pilots Association") is the claimant,
    or, when every part after the first describes, the noun phrase that opens the sentence ("a government
    source, speaking on condition of anonymity, said")."""
    end = words[verb_index].start
    commas = [i for i, mark in enumerate(sentence[:end]) if mark == "," and not _inside_quotes(sentence, i)]
    if not commas or sentence[commas[-1]:end].strip(", ") and not all(
        w.lower in _SKIPPABLE for w in tokens(sentence[commas[-1]:end])
    ):
        return None
    bounds = [-1, *commas]
    parts = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    descriptions: list[str] = []
    for index in range(len(parts) - 1, max(-1, len(parts) - 5), -1):
        part_start, part_end = parts[index]
        text = sentence[part_start:part_end].strip()
        if not text:
            return None
        if _describes(text) and index > 0:
            descriptions.append(text)
            continue
        inside = [i for i, w in enumerate(words) if part_start <= w.start and w.end <= part_end]
        if not inside:
            return None
        name = _subject_before(sentence, words, inside[-1] + 1, skip=False)
        if name is None or words[inside[0]].lower in _JOINING_PREPOSITIONS | {"in", "on", "after", "before", "during"}:
            return None
        if index > 0 and not descriptions and _proper(name[0]):
            owner = _owned_description(sentence, words, parts[index - 1])
            if owner:  # "Hessle's manager, Berit Brandvik, said": the name with whose it is
                return f"{owner}, {name[0]}", sentence.find(owner)
        role = descriptions[-1] if descriptions else ""
        if role and _proper(name[0]) and _short_role(role):
            return f"{name[0]}, {role}", name[1]
        if not _proper(name[0]):
            named_in = next((_trailing_name(d) for d in reversed(descriptions) if _trailing_name(d)), None)
            if named_in:  # "The plant's owner, the state-controlled utility Halden Energy, has argued"
                return named_in, sentence.find(named_in, part_end)
        return name
    return None


def _trailing_name(part: str) -> str | None:
    """The capitalised name a description ends with: "a doctoral student called Cathal Wrexcombe" -> "Cathal Wrexcombe"."""
    words = tokens(part)
    run: list[Token] = []
    for word in reversed(words):
        if not (word.text[0].isupper() or (run and word.lower in _NAME_JOINERS - {"the"})):
            break
        run.insert(0, word)
    while run and run[0].lower in _NAME_JOINERS:
        run.pop(0)
    return _join(run, part) if run and not _describes(part[run[0].start:]) and len(run) < len(words) else None


def _owned_description(sentence: str, words: list[Token], bounds: tuple[int, int]) -> str | None:
    """"Hessle's manager" opening the sentence before a name: a role owned by a named organisation."""
    inside = [w for w in words if bounds[0] <= w.start and w.end <= bounds[1]]
    if bounds[0] != 0 or not 2 <= len(inside) <= 6:
        return None
    owner = next((w for w in inside if _possessive(sentence, w)), None)
    if owner is None or not owner.text[0].isupper() or owner.lower.removesuffix("'s").removesuffix("’s") in STOPWORDS:
        return None
    if inside[0].lower in ("the", "a", "an") or not any(w.text[0].islower() for w in inside):
        return None
    return sentence[inside[0].start:inside[-1].end]


def _describes(part: str) -> bool:
    """A comma-separated part that describes a name before it: "a farmer", "the agency's director", "41",
    "who ...", "speaking to reporters", "managing director of Tollan Line"; not a name ("Quillmark", "Dr Ann
    Lee", "the Varnholm Pilots Association")."""
    words = tokens(part)
    if not words:
        return False
    first = words[0]
    if first.text[0].isdigit() or first.lower in ("a", "an", "who", "which", "whose", "that", "his", "her", "its", "their"):
        return True
    return any(w.text[0].islower() and w.lower not in _NAME_JOINERS for w in words[1:]) or first.text[0].islower()


_NAME_JOINERS = frozenset("of and for the de del der van von al".split())


def _short_role(part: str) -> bool:
    """A description short enough to stand beside a name: "a Ukrainian presidential adviser", not a clause."""
    words = tokens(part)
    if len(words) > 7 or any(w.lower in ("that", "which", "who", "whose") for w in words) or words[0].text[0].isdigit():
        return False
    participle = words[0].lower.endswith(("ing", "ed")) and only_a_verb(words[0].lower)
    return not (participle and len(words) > 1 and words[1].lower in STOPWORDS)  # "speaking to reporters"


def _proper(name: str) -> bool:
    """A name with a proper noun in it ("Karsten Vold", "Quillmark"), not a described source ("A government source")."""
    parts = name.split()
    return any(part[:1].isupper() for part in parts[1:]) or (
        parts[0][:1].isupper() and parts[0].lower() not in STOPWORDS and specificity(parts[0]) >= 3.0
    )


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
        relative = _subject_before_relative_clause(sentence, words, verb_index)
        if relative:  # "A residents' group that has fought the bypass since May said ..."
            return relative
        described = _described_source(sentence, words, end) if bare is not None else None
        if described:  # "people familiar with the plan told ..."
            return described
        noun_phrase = _noun_phrase_subject(sentence, words, end, verb_index)
        if noun_phrase:
            return noun_phrase
        if bare is not None and bare.lower in _BARE_SOURCES:
            return bare.lower, bare.start
        # ", the carrier said": a definite common noun right before the verb names who is meant.
        if bare is not None and end >= 1 and words[end - 1].lower == "the" and _may_name_a_source(bare):
            return f"the {bare.lower}", words[end - 1].start
        if bare is not None and bare.lower in _SOURCE_HEADS:  # "a volunteer rescue group said"
            return _determined_phrase(sentence, words, end)
        return _owned_phrase(sentence, words, end)
    phrase = words[start:end + 1]
    if len(phrase) == 1 and phrase[0].lower in CLAIMANT_PRONOUNS:
        return phrase[0].lower, phrase[0].start
    if len(phrase) == 1 and phrase[0].lower in _NOT_CLAIMANTS:
        return None
    while phrase and phrase[0].lower in STOPWORDS and phrase[0].lower != "the":
        phrase = phrase[1:]
    if not phrase:
        return None
    appositive = _appositive_name(sentence, words, start)
    if appositive:
        return f"{appositive}, {words[start - 1].lower} {_join(phrase, sentence)}", words[start - 2].start
    if not any(w.text[0].isupper() for w in phrase):
        # "The company that owns the mine said", "officials close to the mayor said": the noun right before
        # the verb belongs to what describes the source, not the source.
        return (
            _subject_before_relative_clause(sentence, words, verb_index)
            or _described_source(sentence, words, end)
            or _common_noun_subject(sentence, words, start, end)
            or _noun_phrase_subject(sentence, words, end, verb_index)
        )
    placed = _source_in_place(sentence, words, start)
    if placed:  # "Local police in Kestby said": the place says which police, it does not speak
        return f"{placed[0]} {_join(phrase, sentence)}", placed[1]
    enclosing = _enclosing_phrase(sentence, words, start)
    if enclosing < start and _opens_clause(sentence, words, enclosing):
        # "Doctors at St. Elwyn's Hospital said": the doctors speak, not the hospital
        if words[enclosing].lower in ("a", "an"):
            enclosing += 1
        return " ".join(sentence[words[enclosing].start:phrase[-1].end].split()), words[enclosing].start
    return _join(phrase, sentence), phrase[0].start


# How many lower-case words may follow a name's possessive in a subject: "Pellagria's border command".
_OWNED_WORDS = 4


def _owned_phrase(sentence: str, words: list[Token], end: int) -> tuple[str, int] | None:
    """A subject that opens the sentence with a name's possessive and a few lower-case nouns: "Pellagria's border
    command said", "the Tesselby Liberals' manifesto proposed": the name's body speaks (not "Vessmark's chief executive,
    Ann Lee, said", whose name comes later; not "the town's residents", which names no one)."""
    index = end
    while index >= 0 and end - index < _OWNED_WORDS and words[index].text.islower() and words[index].lower not in STOPWORDS:
        index -= 1
    if index < 0 or index == end or not _possessive(sentence, words[index]) or not words[index].text[:1].isupper():
        return None
    start = _name_run_start(sentence, words, index)
    if start is None or _gap_breaks_phrase(sentence, words[index], words[index + 1]):
        return None
    start = start - 1 if start > 0 and words[start - 1].lower == "the" else start
    if start != 0 and not _opens_clause(sentence, words, start):
        return None
    return " ".join(sentence[words[start].start:words[end].end].split()), words[start].start


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
            source = _source_of(sentence, words, index - 1)
            if source is None and _speaking_noun(head) and _subject_relative(words, index):
                # "A consultancy firm that reviewed the tender for the council said": the firm, not the council
                return _determined_phrase(sentence, words, index - 1) or (head.lower, head.start)
            if source is None and words[index].lower == "who":  # "fans who travelled to the match said"
                source = _noun_phrase_subject(sentence, words, index - 1, verb_index)
            return source
    return None


def _speaking_noun(word: Token) -> bool:
    """A noun for a body or a person that can make a claim ("firm", "insurer", "geologist" is not listed, but
    "who" reads any noun), not a place or a thing."""
    return word.lower in ORGANISATION_NOUNS or word.lower in PERSON_NOUNS


def _subject_relative(words: list[Token], that: int) -> bool:
    """"the firm that inspected the bridge": the relative clause's own subject is its head (a verb follows "that"),
    not "the plant that the company said would close" (a subject follows "that": the company speaks)."""
    following = words[that + 1:that + 2]
    return bool(following) and following[0].text.islower() and following[0].lower not in DETERMINERS | CLAIMANT_PRONOUNS


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
    return f"{phrase[0]} {_join(words[end - 2:end + 1], sentence)}", phrase[1]


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
    return _join(words[index:end + 1], sentence), words[index].start


def _determined_phrase(sentence: str, words: list[Token], end: int) -> tuple[str, int] | None:
    """"a volunteer rescue group", "the local fishing association": up to four plain words after an article."""
    index = end - 1
    while index >= 0 and end - index <= 4:
        word = words[index]
        if _gap_breaks_phrase(sentence, word, words[index + 1]):
            return None
        if word.lower in ("a", "an"):
            return _join(words[index + 1:end + 1], sentence), words[index + 1].start
        if word.lower == "the":
            return _join(words[index:end + 1], sentence), word.start
        if not word.text.isalpha() or word.lower in STOPWORDS:
            return None
        index -= 1
    return None


# -- noun phrases: who a lower-case subject is ("the national seismology institute", "supporters of the club")
_JOINING_PREPOSITIONS = frozenset("of at for from in with".split())
_TIME_NOUNS = frozenset(
    "day days week weeks weekend month months year years morning afternoon evening night today yesterday hour hours".split()
)


def _possessive(sentence: str, word: Token) -> bool:
    """"the council's", "the victims'": a word that owns the noun after it."""
    return word.lower.endswith(("'s", "’s")) or sentence[word.end:word.end + 1] in ("'", "’")


def _may_head_phrase(word: Token) -> bool:
    """A noun that can head the phrase naming a source ("institute", "workers"), not a pronoun or function word."""
    lowered = word.lower
    if lowered in DOCUMENT_NOUNS:
        return True  # "report" is a question's stopword, not a grammatical one
    return (
        word.text.isalpha() and lowered not in STOPWORDS and lowered not in CLAIMANT_PRONOUNS and lowered not in _NOT_CLAIMANTS
        and lowered not in _TIME_NOUNS and lowered not in WEEKDAYS and is_a_noun(word.text)
    )


def _may_modify_head(sentence: str, word: Token) -> bool:
    """A word that can stand before a phrase's head: "national", "seismology", "2019", "the victims'"."""
    if _possessive(sentence, word):
        return True
    lowered = word.lower
    if word.text.isdigit():
        return len(word.text) == 4  # a year: "a 2019 traffic survey"
    if lowered == "own":
        return True  # "its own count"
    if not word.text.isalpha() or lowered in STOPWORDS or lowered in CLAIMANT_PRONOUNS or lowered in _SKIPPABLE:
        return False
    if lowered in _TIME_NOUNS or lowered.endswith("ly"):
        return False  # "Later that day officials said"
    if only_a_verb(lowered) and not lowered.endswith(("ed", "ing", "en")):
        return False  # "the jailed activist", "the governing body" are phrases; "went", "took" end them
    return not is_plural_noun(lowered)  # "despite the warnings residents said": a plural noun ends a phrase


def _phrase_start(sentence: str, words: list[Token], end: int) -> tuple[int, bool] | None:
    """Where the noun phrase headed by ``words[end]`` starts, and whether an article or owner opens it."""
    if end < 0 or not _may_head_phrase(words[end]):
        return None
    index = end
    while index > 0 and end - index < 5:
        previous = words[index - 1]
        if _gap_breaks_phrase(sentence, previous, words[index]):
            break
        if previous.lower in DETERMINERS:
            return index - 1, True
        if not _may_modify_head(sentence, previous):
            break
        index -= 1
    return index, False


def _name_run_start(sentence: str, words: list[Token], end: int) -> int | None:
    """Where a run of capitalised (and role) words ending at ``words[end]`` starts: "the Larchmere Institute"."""
    if end < 0 or not words[end].text[0].isupper():
        return None
    index = end
    while index > 0 and _may_stand_in_name(words[index - 1]) and words[index - 1].lower not in CLAIMANT_PRONOUNS:
        if _gap_breaks_phrase(sentence, words[index - 1], words[index]):
            break
        index -= 1
    return index


def _enclosing_phrase(sentence: str, words: list[Token], first: int) -> int:
    """The start of the larger phrase a noun phrase belongs to: "[Supporters of] the club", "[workers at] the
    plant", "[both the union and] the employer": its head is the noun before the preposition."""
    while first >= 2:
        joint, before = words[first - 1], words[first - 2]
        if joint.lower not in _JOINING_PREPOSITIONS and joint.lower != "and":
            break
        if _gap_breaks_phrase(sentence, joint, words[first]) or _gap_breaks_phrase(sentence, before, joint):
            break
        if first >= 3 and before.lower.endswith("ed") and not is_a_noun(before.text):
            first -= 1  # "people involved in the talks": the participle describes the people
            before = words[first - 2]
        found = _phrase_start(sentence, words, first - 2)
        start = found[0] if found else _name_run_start(sentence, words, first - 2)
        if start is None:
            break
        first = start
    if first >= 1 and words[first - 1].lower == "both":
        first -= 1
    return first


def _opens_clause(sentence: str, words: list[Token], first: int) -> bool:
    """The phrase at ``words[first]`` opens the sentence or a clause ("..., while residents of X said")."""
    before = words[first - 1].lower if first else ""
    return first == 0 or _gap_breaks_phrase(sentence, words[first - 1], words[first]) or before in (
        "and", "but", "while", "whereas", "as", "although", "though", "because", "since", "that"
    ) or before in ATTRIBUTION_VERBS  # "saying its own count ... shows"


def _noun_phrase_subject(sentence: str, words: list[Token], end: int, verb_index: int) -> tuple[str, int] | None:
    """A lower-case noun phrase right before the verb as its subject: "the national seismology institute said",
    "rescue workers said", "supporters of the club said", ", aide says" closing a headline."""
    found = _phrase_start(sentence, words, end)
    if found is None:
        return None
    first, determined = found
    enclosing = _enclosing_phrase(sentence, words, first)
    if _opens_clause(sentence, words, enclosing):
        first = enclosing  # "supporters of the club said"; not "fighting to save the hours of the library say"
    head = words[end]
    if first < end and words[first].lower not in DETERMINERS and first != found[0]:
        determined = True  # "supporters of the club": the enclosing phrase is as definite as its object
    opens_clause = first == 0 or _gap_breaks_phrase(sentence, words[first - 1], words[first])
    plural = is_plural_noun(head.lower) or head.lower in _BARE_SOURCES
    if not (determined or plural or (opens_clause and _closes_sentence(sentence, words, verb_index))):
        return None
    start = words[first + 1].start if words[first].lower in ("a", "an") else words[first].start
    return sentence[start:head.end], start


def _closes_sentence(sentence: str, words: list[Token], verb_index: int) -> bool:
    """The verb ends its sentence, but for a time ("..., aide says", "..., police said on Friday.")."""
    rest = [w for w in words[verb_index + 1:] if w.lower not in _SKIPPABLE and w.lower not in _TIME_NOUNS]
    return not rest or _gap_breaks_phrase(sentence, words[verb_index], rest[0])


def _may_name_a_source(word: Token) -> bool:
    return word.text.isalpha() and word.lower not in STOPWORDS and word.lower not in CLAIMANT_PRONOUNS and len(word.text) > 3


def _common_noun_subject(sentence: str, words: list[Token], start: int, end: int) -> tuple[str, int] | None:
    """``the provincial water authority said``, ``witnesses said``: lower-case sources."""
    head = words[end]
    if head.lower in _BARE_SOURCES and start == end and (end == 0 or words[end - 1].lower != "the"):
        return head.lower, head.start
    if head.lower not in _SOURCE_HEADS:
        if words[start].lower == "the" and start < end:
            return _join(words[start:end + 1], sentence), words[start].start
        return None
    index = end
    while index > 0 and end - index < 5:
        index -= 1
        if _gap_breaks_phrase(sentence, words[index], words[index + 1]):
            return None
        if words[index].lower == "the":
            return _join(words[index:end + 1], sentence), words[index].start
        if words[index].lower in ("a", "an") and index < end:  # "an airline spokesman said"
            return _join(words[index + 1:end + 1], sentence), words[index + 1].start
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
    return _join(name, sentence) if name else None


def _modifies_role(words: list[Token], index: int, end: int) -> bool:
    """A lower-case word between a name and its role is part of the role: "Portside *dock* master Ann Lee"."""
    word = words[index]
    if index >= end or index == 0 or not word.text.isalpha() or word.lower in STOPWORDS:
        return False
    before, after = words[index - 1], words[index + 1]
    return after.lower in ROLE_WORDS and after.text.islower() and (before.text[0].isupper() or before.lower.endswith(("'s", "’s")))


def _may_stand_in_name(word: Token) -> bool:
    return word.text[0].isupper() or word.lower in ROLE_WORDS or word.lower in CLAIMANT_PRONOUNS or word.lower.endswith(("'s", "’s"))


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
                document = _PUBLISHED_BY.match(lowered, begin) or _DOCUMENT_OF.match(lowered, begin)
                if document:
                    begin = document.end()
                target = _cue_target(sentence, [w for w in words if w.start >= begin])
                if target:
                    found.append((cue, position, target))
            position = lowered.find(cue, position + 1)
    found.sort(key=lambda item: item[1])
    return found


def _cue_target(sentence: str, after: list[Token]) -> str | None:
    """Who a cue ("according to", "confirmed by") names: a name ("the Harbour Authority"), else a noun phrase
    ("the electoral commission", "analysts at Brevard Capital"); for a document, who it is from ("the
    company's annual report": the company)."""
    phrase = _cue_phrase(sentence, after)
    described = _phrase_after(sentence, after)
    if described is None or len(described) <= len(phrase):
        return _join(phrase, sentence) if phrase else None
    head = next(w for w in reversed(described) if _may_head_phrase(w))
    if head.lower in DOCUMENT_NOUNS:
        owner = next((w for w in described if _possessive(sentence, w)), None)
        if owner is not None:  # "the company's annual report": the company's
            start = described[0].start if described[0].lower == "the" else owner.start
            return re.sub(r"['’]s?$", "", sentence[start:owner.end])
        if phrase:
            return _join(phrase, sentence)  # "a company statement": the company
        if [w for w in described if w.lower not in DETERMINERS] == [head]:
            return None  # "a study published this month": whose is not said ("court documents" says it)
    start = described[1].start if described[0].lower in ("a", "an") else described[0].start
    return sentence[start:described[-1].end]


def _phrase_after(sentence: str, after: list[Token]) -> list[Token] | None:
    """A lower-case noun phrase at the start of ``after``, with a name it is "at", "of" or "from":
    "the town planning office", "court documents", "analysts at Brevard Capital"."""
    phrase: list[Token] = []
    for index, word in enumerate(after[:7]):
        if phrase and _gap_breaks_phrase(sentence, phrase[-1], word):
            break
        if not phrase and word.lower in DETERMINERS:
            phrase.append(word)
        elif word.text[:1].isupper():
            break
        elif _may_head_phrase(word) and is_plural_noun(word.lower):
            phrase.append(word)
            following = after[index + 1:index + 2]
            if not (following and _may_head_phrase(following[0]) and not is_plural_noun(following[0].lower)
                    and not _gap_breaks_phrase(sentence, word, following[0])):
                break  # a plural noun ends the phrase ("analysts at ..."), unless it modifies one ("the parks department")
        elif _may_modify_head(sentence, word) or _may_head_phrase(word):
            phrase.append(word)
        else:
            break
    while phrase and not _may_head_phrase(phrase[-1]):
        phrase.pop()  # "a study published this month": the study
    if not phrase:
        return None
    rest = after[len(phrase):] if after[:len(phrase)] == phrase else []
    name = _cue_phrase(sentence, rest) if rest and rest[0].text[0].isupper() else []
    if name and not _gap_breaks_phrase(sentence, phrase[-1], rest[0]):
        return [*phrase, *name]  # "the state broadcaster RVT": the name the description goes with
    if len(rest) >= 2 and rest[0].lower in ("at", "of", "from", "in") and not _gap_breaks_phrase(sentence, phrase[-1], rest[0]):
        name = _cue_phrase(sentence, rest[1:])
        if name and any(w.text[0].isupper() for w in name):
            phrase = [*phrase, rest[0], *name]
        elif rest[0].lower == "of" and phrase[-1].lower in ORGANISATION_NOUNS:
            body = _phrase_after(sentence, rest[1:])
            if body:  # round 17: "the chamber of mines", "the department of health"
                phrase = [*phrase, rest[0], *body]
        elif phrase[-1].lower in _UNNAMED_SOURCES:
            body = _phrase_after(sentence, rest[1:])
            if body and (body[-1].lower in _SOURCE_HEADS or body[-1].lower in ORGANISATION_NOUNS):
                phrase = [*phrase, rest[0], *body]  # "a source at the finance ministry": which body it speaks from
    return phrase


# Someone unnamed whom a source cue may place at a body: "according to a source at the finance ministry".
_UNNAMED_SOURCES = frozenset("source sources person people official officials insider insiders".split())


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
    """``Dunstan told the Northern Wire Agency``: the news organisation told is the relay."""
    for index, word in enumerate(words):
        if word.lower != "told":
            continue
        name = _cue_target(sentence, words[index + 1:]) or ""
        if name and is_media(name) and not (outlet and same_claimant(name, outlet)):
            return name
    return None


def is_media(name: str) -> bool:
    """A news organisation: a name with a media word ("Meridane Press Agency"), a newspaper's title
    (`_newspaper_title`), or a description whose head is one ("the state broadcaster RVT"); not "a news conference"."""
    words = re.findall(r"[\w']+", name)
    described = [w for w in words if w.islower() and w not in STOPWORDS]
    return any(w[:1].isupper() and w.lower() in MEDIA_WORDS for w in words) or _newspaper_title(name) or bool(
        described and described[-1] in MEDIA_WORDS
    )


def _newspaper_title(name: str) -> bool:
    """A newspaper's name: "Pellham Gazette", or a title noun that ends a longer name ("Marlow Daily Post", "Brundle
    Evening Star", "Sunday Times"); not a place or company name with one inside ("Times Square", "Lone Star Brewery",
    "Post Office") nor, with two words, a person's ("Emily Post"): a two-word title opens with a title noun or a day."""
    words = re.findall(r"[\w']+", name)
    if any(w[:1].isupper() and w.lower() in NEWSPAPER_ONLY_NOUNS for w in words):
        return True
    if len(words) < 2 or not words[-1][:1].isupper() or words[-1].lower() not in NEWSPAPER_TITLE_NOUNS:
        return False
    return len(words) >= 3 or words[0].lower() in NEWSPAPER_TITLE_NOUNS | CALENDAR_WORDS


def _join(phrase: list[Token], sentence: str) -> str:
    """The words as the sentence writes them ("St. Elwyn's", "Hallström-Pike"), without a leading "the" before a name."""
    text = " ".join(sentence[phrase[0].start:phrase[-1].end].split())
    return text[4:] if text.lower().startswith("the ") and any(w.text[0].isupper() for w in phrase[1:]) else text


def _resolve(reference: str, named: list[tuple[str, str]]) -> str | None:
    """Resolve "it" / "Fenwright" / "the ministry" / "the governor's office" against earlier claimants.

    A short reference ``the HEAD`` goes to the latest claimant whose name holds
    HEAD ("the ministry"), else to the latest one named in a sentence that
    mentions HEAD ("said in a statement" ... "according to the statement").
    A bare surname goes to the latest fuller name that contains it.
    """
    lowered = reference.lower()
    if lowered in CLAIMANT_PRONOUNS:
        if lowered in PERSONAL_PRONOUNS:  # "she said": the latest one person named, not "two officials" or "the study"
            return next((claimant for claimant, sentence in reversed(named)
                         if _may_be_one_person(claimant) and not sentence.startswith(_ONLY_DESCRIBED)), None)
        group = _MENTIONED + _GROUP if lowered == "they" else _MENTIONED  # "they": also a group only mentioned
        return next(
            (claimant for claimant, sentence in reversed(named)
             if (not sentence.startswith(_MENTIONED) or sentence.startswith(group))
             and not sentence.startswith(_ONLY_DESCRIBED)), None
        )
    words = lowered.split()
    owned = re.match(r"(its|his|her|their) (\S.*)$", reference, re.IGNORECASE)
    if owned:  # "his group": Hals's group; "its finance director": the finance director (whose is not sure)
        pronoun = {"his": "he", "her": "she"}.get(owned.group(1).lower())
        owner = _resolve(pronoun, named) if pronoun else None
        return f"{owner}'s {owned.group(2)}" if owner else owned.group(2)
    if words and words[0] == "the" and reference[4:5].islower():
        possessive = re.match(r"the (\w+)['’]s (\w+)$", lowered)
        if possessive:  # "the governor's office": Regional governor Ione Fenwright's
            owner = _latest_containing_all([possessive.group(1)], named)
            if owner:
                return f"{owner}'s {possessive.group(2)}"
        if len(words) > 2:  # "the former minister": an earlier claimant with every word of it
            return _latest_containing_all(words[1:], named) or reference[4:]
        head = words[-1]
        owner = (_latest_ending_with(head, named) or _latest_containing(head, named) or _latest_described_as(head, named)
                 or _latest_of_kind(head, named))
        if owner:
            return owner
        if head in DOCUMENT_NOUNS:  # "said in a statement" ... "according to the statement"
            for claimant, sentence in reversed(named):
                if head in sentence and not sentence.startswith(_MENTIONED):
                    return claimant
        return reference[4:] if len(words) > 1 else None
    reference = _HONORIFICS.sub("", reference)  # "Mr Fernandes" is "André Fernandes"
    words = reference.lower().split()
    if 1 <= len(words) <= 2 and reference[:1].isupper():
        for claimant, sentence in reversed(named):
            # "Fenwright" is "Regional governor Ione Fenwright"; "Russia" is not "Russia's Defense Ministry", nor
            # "Fenwright" the "Party of Prime Minister Ione Fenwright" the article only named.
            if (claimant != reference and re.search(rf"\b{re.escape(reference)}(?:$|,)", claimant)
                    and not sentence.startswith(_ONLY_DESCRIBED)):
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
    if len(run) == 1 and is_a_noun(run[0].text):
        return None  # "Severance terms will be negotiated, the company said": a common noun opening the sentence
    rest = body[run[-1].end:].lstrip(" ")
    if rest[:1] in ("-", "–", "—") and re.search(rf"\s{rest[0]}\s", rest[1:]):
        return _join(run, body)  # "Veltra Motors — which employs 3,000 people — will close": a dash pair is a parenthesis
    if rest[:1] in (",", ":", "-", "–", "—"):
        return None  # "Delmore, a town of 8,000, will lose ...": a name set apart is described, not the one acting
    return _join(run, body)


def _latest_ending_with(word: str, named: list[tuple[str, str]]) -> str | None:
    """The latest claimant whose last word is ``word`` ("the ministry": "Russia's Defense Ministry"), in any
    number ("the councils"), but not a longer word ("the council" is not "Opposition councillors")."""
    for claimant, _ in reversed(named):
        last = claimant.lower().split()[-1] if claimant.split() else ""
        if last == word or same_lemma(last, word):
            return claimant
    return None


def _latest_described_as(word: str, named: list[tuple[str, str]]) -> str | None:
    """The latest organisation an earlier sentence called ``word`` (`organisations_described`): "the group" is
    "Quendry Aid" after "Quendry Aid, a volunteer group that ...", "Brindlecote Relief" after "the aid group
    Brindlecote Relief"."""
    for claimant, sentence in reversed(named):
        if not sentence.startswith(_ONLY_DESCRIBED):
            continue
        if same_lemma(sentence[len(_ONLY_DESCRIBED):].split(_HEAD_END, 1)[0], word):
            return claimant
    return None


def _latest_of_kind(word: str, named: list[tuple[str, str]]) -> str | None:
    """The latest organisation named or described by a noun of the kind ``word`` is a generic name for
    (`ORGANISATION_KINDS`), when none is called ``word`` itself: "the union" is "the Coastal Dockers' Guild", "the
    government" the "Ministry of Transport"."""
    kinds = ORGANISATION_KINDS.get(word, frozenset())
    for claimant, sentence in reversed(named):
        if sentence.startswith(_ONLY_DESCRIBED):
            head: str | None = sentence[len(_ONLY_DESCRIBED):].split(_HEAD_END, 1)[0]
        else:
            head = _name_head(claimant)
        if head in kinds:
            return claimant
    return None


def _latest_containing(word: str, named: list[tuple[str, str]]) -> str | None:
    """The latest claimant whose name's head is ``word``: "the ministry" is "the Ministry of Defence" and
    "Russia's Defense Ministry's office", not "Ministry spokesman Ann Lee"."""
    for claimant, _ in reversed(named):
        if re.search(rf"\b{re.escape(word)}(?:s|es)?(?:['’]s?)?(?:$|,|\s+(?:of|for|in)\b)", claimant.lower()):
            return claimant
    return None


def _latest_containing_all(words: list[str], named: list[tuple[str, str]]) -> str | None:
    for claimant, _ in reversed(named):
        lowered = claimant.lower()
        if all(re.search(rf"\b{re.escape(word)}(?:s|es|['’]s?)?\b", lowered) for word in words):
            return claimant
    return None


def _may_be_one_person(claimant: str) -> bool:
    """Whether "he" or "she" may stand for the claimant: not a plural ("two officials", "one of those people"),
    not a document ("the study"). A name described by where it works is read by its head: "Ondine Vantreck of
    the Northern Geological Survey" is one person, "the Ministry of Health" is not."""
    head = _PLACE_OF_WORK.split(claimant, maxsplit=1)[0]
    last = head.lower().split()[-1] if head.split() else ""
    return not (is_plural_noun(last) or last in DOCUMENT_NOUNS or last in COLLECTIVE_NOUNS or last in _NOT_PERSON_WORDS)


# "X of the Y", "X at Y", "X from Y": the words before are the head of the name.
_PLACE_OF_WORK = re.compile(r"\s+(?:of|at|from|for|with)\s+(?=\S)")


def same_claimant(a: str, b: str) -> bool:
    """Two names of one claimant: "Fenwright" and "Regional governor Ione Fenwright's office", "RIA" and "RIA news agency".

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
