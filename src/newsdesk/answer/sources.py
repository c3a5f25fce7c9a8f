"""Who said it: whether two sentences come from one source, and whether a text names a claimant.

One definition of each for every rule that needs it: the latest figure (`latest_figure`: a later figure of the
same source is a revision), answer-time disputes (`dispute_answer`: another source's figure is a side, the
same source's is not) and other views (`answering`: `another_source` gives a view of its own).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsdesk.answer.candidates import Candidate, follows, same_article
from newsdesk.claims.attribution import claimant_identity, organisations_described, same_claimant
from newsdesk.text import numbers, stem, stems_match, tokens
from newsdesk.vocabulary import ORGANISATION_KINDS, REFERRING_WORDS, ROLE_WORDS, STOPWORDS


def same_source(a: Candidate, b: Candidate) -> bool:
    """Said by one side (`same_side`: a spokesman for X speaks for X); passed on by the other (an agency
    relaying a ministry); an attributed sentence and an unattributed one that names its claimant ("the police
    force put the crowd at 4,000" beside "Police said ... 6,500"); or, where a sentence names none, the same
    article (an article's own words beside a source it quotes restate that source more often than they dispute
    it) or the same outlet. A later figure of the same source is a revision, not another side."""
    # A relay with no proper name ("news") names no one in particular.
    if any(relayed and claimant_identity(relayed) and same_side(relayed, other) for relayed, other in
           ((a.relay, b.claimant or outlet(b)), (b.relay, a.claimant or outlet(a)))):
        return True
    if a.claimant and b.claimant:
        return same_side(introduced_as(a), introduced_as(b))
    if a.claimant or b.claimant:
        named, unnamed = (a, b) if a.claimant else (b, a)
        if named_in(named.claimant or "", unnamed.text):
            return True
    if same_article(a, b):
        return True
    if not a.claimant and not b.claimant:
        return outlet(a) == outlet(b)
    named, unnamed = (a, b) if a.claimant else (b, a)
    return same_side(introduced_as(named), outlet(unnamed))


def described_as(candidate: Candidate) -> set[str]:
    """The organisation nouns the candidate's article (its lead and passage) calls the claimant by: "operator" for
    "Korrin" after "talks with the operator Korrin Terminals", "group" for "Quendry Aid, a volunteer group"; and
    the generic nouns of their kind (`of_kind`: "union" for "the Kiln Workers' Guild")."""
    claimant = candidate.claimant or ""
    if not claimant_identity(claimant):
        return set()
    text = f"{candidate.lead}\n{candidate.passage or candidate.context}"
    heads = {head for name, head in _organisations_in(text) if same_claimant(name, claimant)}
    return heads | of_kind(heads)


@lru_cache(maxsize=5_000)
def _organisations_in(text: str) -> tuple[tuple[str, str], ...]:
    """`organisations_described` of an article's lead and passage, read once a process: every sentence of the
    passage asks it again."""
    return tuple(organisations_described(text))


def of_kind(heads: set[str]) -> set[str]:
    """The generic nouns (`ORGANISATION_KINDS`) that may name an organisation called by one of ``heads``: "union"
    for a guild or a federation, "government" for a ministry, "company" for an operator."""
    return {generic for generic, kinds in ORGANISATION_KINDS.items() if kinds & heads}


def introduced_as(candidate: Candidate) -> str:
    """The candidate's claimant as its passage introduces it (`introduced_in`)."""
    return introduced_in(candidate.claimant or "", candidate.passage or candidate.context or candidate.text)


@lru_cache(maxsize=10_000)  # the sentences of one passage share its claimant: the passage is searched once
def introduced_in(claimant: str, text: str) -> str:
    """The claimant as ``text`` introduces it, when its name alone says not whom it speaks for: "Yannick Rell"
    introduced as "Yannick Rell, a spokesman for the Coastal Authority" or "Coastal Authority spokesman Yannick Rell"."""
    if not claimant or speaks_for(claimant) or not claimant_identity(claimant):
        return claimant
    name = re.escape(claimant)
    after = re.search(rf"{name},\s+(?:a|an|the)\s+([^,.;:()]{{3,80}})", text)
    if after is not None and speaks_for(f"{claimant}, {after.group(1)}"):
        return f"{claimant}, {after.group(1)}"
    before = re.search(rf"((?:the\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){{1,5}}),?\s+{name}\b", text)
    if before is not None:
        words = before.group(1).split()
        for start in range(len(words) - 1):  # the longest run that reads as a body and a role ("Coastal Authority")
            phrase = " ".join(words[start:])
            if speaks_for(f"{phrase} {claimant}"):
                return f"{phrase} {claimant}"
    return claimant


# A claimant in a role (`ROLE_WORDS`) at a body: "Colby Hask, a spokesman for Vantage Water", "managing director of
# Tollan Line"; "the fisheries ministry's spokesman, Aldo Rennick" ("Russia's Defense Ministry" is a body itself);
# "Interior Ministry spokesperson Yannick Sorvet". The role word is the first group, the body is named ``body``.
_IN_A_ROLE = (
    re.compile(r"\b([a-z][\w-]*)\s+(?:for|of|at)\s+(?:the\s+)?(?P<body>\S.*)$"),
    re.compile(r"^(?:the\s+)?(?P<body>.+?)['’]s\s+([a-z][\w-]*)"),
    re.compile(r"^(?:the\s+)?(?P<body>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s+([a-z][\w-]*)\s+[A-Z]"),
)


def speaks_for(claimant: str) -> str | None:
    """The body a claimant speaks for when the claimant is someone in a role there: "Vantage Water" for "Colby
    Hask, a spokesman for Vantage Water", "fisheries ministry" for "the fisheries ministry's spokesman"; else None."""
    for pattern in _IN_A_ROLE:
        match = pattern.search(claimant)
        role = match.group(2 if pattern.groupindex["body"] == 1 else 1) if match else ""
        if match is not None and role in ROLE_WORDS:
            return match.group("body").strip(" ,.")
    return None


def same_side(a: str, b: str) -> bool:
    """One claimant (`same_claimant`), or a body and someone speaking for it: a spokesman for X, X's official,
    and X are one side, and two of them giving different figures is a revision, not a disagreement."""
    if same_claimant(a, b):
        return True
    names = [(a, speaks_for(a)), (b, speaks_for(b))]
    return any(x and y and (x, y) != (a, b) and _same_body(x, y) for x in names[0] for y in names[1])


def one_source(a: str, b: str) -> bool:
    """Two claimant labels of one article that a reader takes as one source (round 18, `sides18`): one side
    (`same_side`), or a label that names no one in particular whose head, its last word, is a word of the other's
    name: "the council" for "Ostrey District Council", "the carrier" for "the carrier Brundle Air", "the regional
    police" for "Harnmoor police". Only the head: "the ferry company" and "the Ferry Riders' Association" share a word
    but not a body, so a union and an employer that share a trade are two sides. Two figures of one source are a
    revision, never two sides of a dispute."""
    if same_side(a, b):
        return True
    for generic, named in ((a, b), (b, a)):
        if generic and named and not claimant_identity(generic) and _head(generic) in _stems(named):
            return True
    return False


def _head(label: str) -> str:
    """The stem of a label's last word ("the line" → "line"; "" for a label with no word)."""
    words = [w for w in tokens(label) if w.text[:1].isalpha()]
    return stem(words[-1].text) if words else ""


def _stems(label: str) -> frozenset[str]:
    return frozenset(stem(w.text) for w in tokens(label) if w.text[:1].isalpha())


def _same_body(a: str, b: str) -> bool:
    """"fisheries ministry" and "Ministry of Fisheries", "port authority" and "Stellby Port Authority": the same name,
    or the words of a name of two words or more all in the other (a one-word body, "Regional", is too vague)."""
    if a.lower() == b.lower():
        return True
    if claimant_identity(a) and claimant_identity(b) and same_claimant(a, b):
        return True
    words = ({stem(w.text) for w in tokens(name) if w.lower not in STOPWORDS} for name in (a, b))
    small, large = sorted(words, key=len)
    return len(small) >= 2 and small <= large


def outlet(candidate: Candidate) -> str:
    return str(candidate.metadata.get("outlet") or candidate.metadata.get("doc_id") or "")


def named_in(claimant: str, text: str) -> bool:
    """``text`` names the claimant: every proper-name word of it ("Rell"), or its role ("port captain"), or,
    for a claimant without a proper name, every word of it that is not a function word ("the police force put the
    crowd at 4,000" names "police"; there a stem meets a longer one, "police"/"policing"). Proper names and roles
    must match as they are: "Russian soldiers" does not name "Russia's Defense Ministry"."""
    said = {stem(w.text) for w in tokens(text)}
    names = claimant_identity(claimant)
    roles = {stem(w.text) for w in tokens(claimant) if w.lower in ROLE_WORDS}
    if (names and names <= said) or (roles and roles <= said):
        return True
    words = {stem(w.text) for w in tokens(claimant) if w.lower not in STOPWORDS and len(w.text) > 2}
    return not names and bool(words) and all(any(stems_match(word, other) for other in said) for word in words)


def another_source(best: Candidate, other: Candidate) -> bool:
    """``other`` is said by another source than ``best`` (`same_source`), and says who it is: a claimant without a
    proper name in the best sentence's article ("the company said") is that article's subject again, and a
    sentence right after the best one that opens with a pronoun ("Its chief executive, Tobin Hessler, said")
    speaks for the body the best one named. A best sentence that names no claimant is the article's own report, and
    a named claimant of its article whom it does not name is another voice ("The museum reopened after a costly
    renovation" beside "The council's culture officer, Berit Helgren, said the refit was money well spent")."""
    if same_article(other, best):
        if not claimant_identity(other.claimant or ""):
            return False
        opening = tokens(other.text)[:1]
        if follows(best, other) and opening and opening[0].lower in REFERRING_WORDS:
            return False
        if best.claimant is None and not best.relay:
            return not named_in(other.claimant or "", best.text)
    return not same_source(best, other)


def said_by(words: tuple[str, ...], candidate: Candidate) -> bool:
    """The candidate's claimant is the source ``words`` name ("union" in "according to the union"): every word
    is in its claimant, in the claimant as its passage introduces it (`introduced_as`: "a spokesman for the Coastal
    Authority") or in a noun its article calls it by (`described_as`, with the nouns of its kind: "union" for a
    guild; the kind of its own name's noun: "government" for "Ministry of Transport"). Unlike the claimant pin, the sentence's neighbours do not count: they may name another source."""
    if not words or not candidate.claimant:
        return False
    own = {head for _, head in organisations_described(candidate.claimant)}  # "Ministry of Transport": ministry
    said = [stem(w.text) for w in tokens(f"{candidate.claimant} {introduced_as(candidate)}")]
    said += [stem(noun) for noun in described_as(candidate) | of_kind(own)]
    return all(any(stems_match(stem(word), other) for other in said) for word in words)


def attributed_restatement(unattributed: Candidate, other: Candidate) -> bool:
    """``other`` says who gave a figure ``unattributed`` gives without a source: it has a claimant, and a figure of
    the unattributed sentence stands in it ("Fares will rise by 8 percent." beside "Tollan Rail said fares would
    rise by 8 percent to pay for new trains")."""
    if unattributed.claimant or unattributed.relay or not other.claimant:
        return False
    return bool(set(numbers(unattributed.text)) & set(numbers(other.text)))
