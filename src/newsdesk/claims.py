"""Claims: who said what. Attribution of each sentence to its claimant and relay.

Rules over attribution verbs and sentence structure (no statistical model is
packaged for offline use here; see docs/architecture.md):

- ``X said/claims/told/warned ...`` and ``"...," X said``: X is the claimant;
- ``according to Y`` / ``citing Y`` / ``Y stated ... citing X``: with another
  claimant in the sentence, Y is the relay (the agency passing the claim on);
- pronouns and short definite references (``it``, ``the ministry``,
  ``the statement``) are resolved to the latest named claimant before them in
  the article whose name contains the same head word.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from newsdesk.text import STOPWORDS, Span, Token, tokens

ATTRIBUTION_VERBS = frozenset(
    """said says say stated states told tells claimed claims claim claiming reported reports warned warns
    wrote writes added adds announced announces confirmed confirms denied denies rejected rejects
    argued argues insisted insists estimated estimates alleged alleges noted notes spoke spoken
    acknowledged acknowledges asserted asserts maintained maintains declared declares""".split()
)
# Lower-case words that may stand inside a claimant's name or role.
ROLE_WORDS = frozenset(
    """of the for and news agency ministry spokesperson spokesman spokeswoman adviser advisor presidential
    president minister official officials service office department military army police emergency
    state defense defence foreign interior health general secretary governor mayor chief commander
    head leader authorities government council committee press national regional deputy prime""".split()
)
PRONOUNS = frozenset("it he she they this that we".split())
_SKIPPABLE = frozenset("also earlier later previously had has have then again on wednesday".split())
_RELAY_CUES = ("according to", "citing", "quoted by", "via")


@dataclass(frozen=True)
class Attribution:
    """Who a sentence's claim comes from, and through whom it reached the article."""

    claimant: str
    relay: str | None = None
    resolved: bool = False  # True when the sentence names it only by pronoun or short reference

    def label(self) -> str:
        """``Russia's Defense Ministry, via RIA news agency``."""
        return f"{self.claimant}, via {self.relay}" if self.relay else self.claimant

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def attribute_sentences(body: str, sentences: list[Span]) -> list[Attribution | None]:
    """The attribution of each sentence, resolving references against earlier sentences."""
    named: list[tuple[str, str]] = []  # (claimant, the sentence it was named in, lower-cased)
    result: list[Attribution | None] = []
    for span in sentences:
        sentence = body[span.start:span.end]
        attribution = _attribute(sentence, named)
        result.append(attribution)
        if attribution is not None:
            named.extend(
                (name, sentence.lower())
                for name in (attribution.claimant, attribution.relay)
                if name and name[0].isupper()
            )
    return result
    return result


def _attribute(sentence: str, named: list[tuple[str, str]]) -> Attribution | None:
    words = tokens(sentence)
    subjects: list[tuple[int, str]] = []
    for index, word in enumerate(words):
        if word.lower in ATTRIBUTION_VERBS:
            subject = _subject_before(sentence, words, index)
            if subject:
                subjects.append((word.start, subject))
    cues = _cue_objects(sentence, words)
    if not subjects and not cues:
        return None
    claimant_text: str | None = subjects[0][1] if subjects else None
    relay: str | None = None
    for cue, position, target in cues:
        if cue == "citing":
            # "RIA stated Wednesday citing the ministry": the ministry claims, RIA relays.
            before = [subject for start, subject in subjects if start < position]
            relay = before[-1] if before else relay
            if claimant_text is None or claimant_text == relay:
                claimant_text = target
        elif claimant_text is None:
            claimant_text = target
        elif relay is None:
            relay = target
    if claimant_text is None:
        return None
    claimant, resolved = _resolve(claimant_text, named)
    if claimant is None:
        return None
    if relay is not None:
        relay, _ = _resolve(relay, named)
        if relay and _same_entity(relay, claimant):
            relay = None
    return Attribution(claimant=claimant, relay=relay, resolved=resolved)


def _gap_breaks_phrase(sentence: str, left: Token, right: Token) -> bool:
    gap = sentence[left.end:right.start]
    return any(mark in gap for mark in ',;:"“”()')


def _subject_before(sentence: str, words: list[Token], verb_index: int) -> str | None:
    """The noun phrase just before an attribution verb: capitalised words and role words.

    ``Oleksiy Arestovich, a Ukrainian presidential adviser, rejected`` gives the
    name with its role.
    """
    index = verb_index - 1
    while index >= 0 and words[index].lower in _SKIPPABLE:
        index -= 1
    end = index
    while index >= 0 and _may_stand_in_name(words[index]):
        if index < end and _gap_breaks_phrase(sentence, words[index], words[index + 1]):
            break
        index -= 1
    start = index + 1
    if start > end:
        return None
    phrase = words[start:end + 1]
    if len(phrase) == 1 and phrase[0].lower in PRONOUNS:
        return phrase[0].lower
    while phrase and phrase[0].lower in STOPWORDS and phrase[0].lower != "the":
        phrase = phrase[1:]
    if not phrase:
        return None
    appositive = _appositive_name(sentence, words, start)
    if appositive:
        return f"{appositive}, {words[start - 1].lower} {_join(phrase)}"
    if not any(w.text[0].isupper() for w in phrase) and phrase[0].lower != "the":
        return None
    return _join(phrase)


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


def _may_stand_in_name(word: Token) -> bool:
    return word.text[0].isupper() or word.lower in ROLE_WORDS or word.lower in PRONOUNS


def _cue_objects(sentence: str, words: list[Token]) -> list[tuple[str, int, str]]:
    """(cue, position, name) for names after "according to", "citing" and the like."""
    found = []
    lowered = sentence.lower()
    for cue in _RELAY_CUES:
        position = lowered.find(cue)
        while position != -1:
            after = [w for w in words if w.start >= position + len(cue)]
            phrase: list[Token] = []
            for word in after:
                if phrase and _gap_breaks_phrase(sentence, phrase[-1], word):
                    break
                if word.text[0].isupper() or word.lower in ROLE_WORDS:
                    phrase.append(word)
                elif len(phrase) == 1 and phrase[0].lower == "the":
                    phrase.append(word)  # "according to the statement"
                    break
                else:
                    break
            if phrase and phrase != [] and not (len(phrase) == 1 and phrase[0].lower == "the"):
                found.append((cue, position, _join(phrase)))
            position = lowered.find(cue, position + 1)
    found.sort(key=lambda item: item[1])
    return found


def _join(phrase: list[Token]) -> str:
    text = " ".join(w.text for w in phrase)
    return text[4:] if text.lower().startswith("the ") and any(w.text[0].isupper() for w in phrase[1:]) else text


def _resolve(reference: str, named: list[tuple[str, str]]) -> tuple[str | None, bool]:
    """Resolve "it" / "the ministry" / "the statement" against earlier claimants.

    A short reference ``the HEAD`` goes to the latest claimant whose name holds
    HEAD ("the ministry"), else to the latest one named in a sentence that
    mentions HEAD ("said in a statement" ... "according to the statement").
    """
    lowered = reference.lower()
    if lowered in PRONOUNS:
        return (named[-1][0], True) if named else (None, False)
    words = lowered.split()
    if words and words[0] == "the" and reference[4:5].islower():
        head = words[-1]
        for claimant, _ in reversed(named):
            if head in claimant.lower():
                return claimant, True
        for claimant, sentence in reversed(named):
            if head in sentence:
                return claimant, True
        return (reference, False) if len(words) > 1 else (None, False)
    return reference, False


def _same_entity(a: str, b: str) -> bool:
    return a.lower() in b.lower() or b.lower() in a.lower()
