"""Checking each sentence a language model wrote against the passages it cites.

A generated sentence is verified when:

- it cites at least one passage (``[n]``), and every number it cites was given
  to the model (an invented number rejects the sentence);
- every cited passage holds a sentence that supports it by the eval's own rule
  (`newsdesk.answer.verification.supports`: at least 60 % of its content words
  are in that sentence, or it reproduces it after a lead-in naming the claimant);
- every number (digits or number words, by value), every capitalised name and
  every date word in it appears in the supporting sentences (or their claimant);
- when the answerer gives a set of accepted sentences (those the judge let
  answer), the supporting sentence is one of them.

The verified sentence is then cited by its best-supporting sentence of each
passage: an exact span of the document (``body[start:end] == quote``), so
the eval's citation check and the user's see the same thing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from langchain_core.documents import Document

from newsdesk.answer.candidates import Candidate, addresses_an_assistant, sentence_candidates
from newsdesk.answer.answers import Citation
from newsdesk.answer.verification import MARKER, cited_numbers, content_words, supports
from newsdesk.articles.chunking import split_sentences
from newsdesk.claims.attribution import claimant_label
from newsdesk.text import numbers, specificity, stem, stems_match, tokens
from newsdesk.vocabulary import DANGLING_WORDS, NUMBER_WORDS, STOPWORDS

# A first word this common ("The", "According", "Officials") is an opener, not a name.
_COMMON_OPENER = 3.0
# "[1, 2]" and "[1][2]" are written as "[1] [2]" before checking.
_MARKER_LIST = re.compile(r"\[(\d+(?:\s*,\s*\d+)+)\]")
_LEADING_MARKERS = re.compile(r"^(?:\s*\[\d+\])+")

@dataclass(frozen=True)
class NumberedPassage:
    """A passage as the model saw it: its number in the prompt and its sentences with exact offsets."""

    n: int
    passage: Document
    sentences: tuple[Candidate, ...]

    @classmethod
    def of(cls, n: int, passage: Document) -> NumberedPassage:
        return cls(n, passage, tuple(sentence_candidates([passage])))


@dataclass
class CheckedSentence:
    """One generated sentence and what the check found."""

    text: str  # as the model wrote it, markers removed
    passages: tuple[int, ...]  # the passage numbers it cited
    supported: bool
    reason: str | None = None  # why it is not supported
    support: tuple[Candidate, ...] = ()  # the sentence of each cited passage that supports it
    verdict: str = "verified"  # verified, dropped or flagged (set by the answerer)
    citations: tuple[int, ...] = field(default=())  # the final answer's citation numbers

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "text": self.text,
            "passages": list(self.passages),
            "citations": list(self.citations),
            "verdict": self.verdict,
        }
        if self.reason:
            data["reason"] = self.reason
        return data


def generated_sentences(text: str) -> list[str]:
    """The model's answer cut into sentences, each with the ``[n]`` markers that close it.

    Cut by the same sentence splitter as the articles (so "U.S." does not end
    one), then markers that open a piece are moved back to the sentence they close.
    """
    text = _MARKER_LIST.sub(lambda m: " ".join(f"[{n.strip()}]" for n in m.group(1).split(",")), text)
    text = re.sub(r"\]\s*\[", "] [", text)
    pieces = [text[span.start:span.end] for span in split_sentences(text)]
    sentences: list[str] = []
    for piece in pieces:
        leading = _LEADING_MARKERS.match(piece)
        if leading and sentences:
            sentences[-1] = f"{sentences[-1]} {leading.group().strip()}"
            piece = piece[leading.end():]
        if piece.strip():
            sentences.append(piece.strip())
    return sentences


def check_sentence(
    sentence: str,
    passages: dict[int, NumberedPassage],
    accepted: set[tuple[str, int]] | None = None,
) -> CheckedSentence:
    """Verify one generated sentence (with its markers) against the passages it cites."""
    cited = tuple(dict.fromkeys(cited_numbers(sentence)))
    text = " ".join(MARKER.sub("", sentence).split())
    if not cited:
        return CheckedSentence(text, cited, False, "cites no passage")
    invented = [n for n in cited if n not in passages]
    if invented:
        return CheckedSentence(text, cited, False, f"cites passage {invented[0]}, which the model was not given")
    if not content_words(text):
        return CheckedSentence(text, cited, False, "says nothing")
    if ends_mid_clause(text):
        return CheckedSentence(text, cited, False, "ends mid-clause (the model was cut off)")
    support: list[Candidate] = []
    for n in cited:
        best = best_support(text, passages[n].sentences, accepted)
        if best is None:
            if accepted is not None and best_support(text, passages[n].sentences, None) is not None:
                return CheckedSentence(text, cited, False, f"passage {n} supports it only with a sentence the judge did not accept")
            return CheckedSentence(text, cited, False, f"passage {n} does not support it")
        support.append(best)
    missing = unsupported_facts(text, support)
    if missing:
        return CheckedSentence(text, cited, False, f"{missing[0]} is not in the cited passages")
    return CheckedSentence(text, cited, True, None, tuple(support))


def ends_mid_clause(text: str) -> bool:
    """The sentence's last word is one no finished sentence ends on (`vocabulary.DANGLING_WORDS`)."""
    words = re.findall(r"[A-Za-z']+", text)
    return bool(words) and words[-1].lower() in DANGLING_WORDS


def best_support(text: str, sentences: tuple[Candidate, ...], accepted: set[tuple[str, int]] | None) -> Candidate | None:
    """The sentence that supports ``text`` by the eval's rule with the largest share of its content words."""
    words = content_words(text)
    best, best_share = None, -1.0
    for candidate in sentences:
        if accepted is not None and (candidate.metadata["doc_id"], candidate.start) not in accepted:
            continue
        if addresses_an_assistant(candidate.text):
            continue
        if not supports(candidate.text, text, _label(candidate)):
            continue
        share = len(words & content_words(candidate.text)) / max(1, len(words))
        if share > best_share:
            best, best_share = candidate, share
    return best


def without_instructions(passage: Document) -> Document:
    """The passage with its instruction-shaped sentences blanked (offsets kept): neither the judge nor the model sees them."""
    return blank_sentences(passage, lambda start, sentence: addresses_an_assistant(sentence))


def blank_sentences(passage: Document, drop: Callable[[int, str], bool]) -> Document:
    """The passage with the sentences ``drop(start, text)`` names replaced by spaces: offsets, and so citations, stay exact."""
    metadata = passage.metadata
    offset = int(metadata["start"])
    spans = json.loads(metadata.get("sentences") or "[]")
    text = passage.page_content
    dropped = []
    for index, (start, end) in enumerate(spans):
        sentence = text[start - offset:end - offset]
        if drop(start, sentence):
            dropped.append(index)
    if not dropped:
        return passage
    for index in dropped:
        start, end = spans[index]
        text = text[: start - offset] + " " * (end - start) + text[end - offset:]
    kept = [index for index in range(len(spans)) if index not in dropped]
    cleaned = {**metadata, "sentences": json.dumps([spans[i] for i in kept])}
    attributions = json.loads(metadata.get("attributions") or "null")
    if attributions is not None:
        cleaned["attributions"] = json.dumps([attributions[i] for i in kept if i < len(attributions)])
    return Document(page_content=text, metadata=cleaned)


def unsupported_facts(text: str, support: list[Candidate]) -> list[str]:
    """Numbers, names and date words of ``text`` that the supporting sentences (and claimants) do not hold."""
    source = " ".join([c.text for c in support] + [_label(c) or "" for c in support])
    have_values = number_values(source)
    missing = [format_value(value) for value in sorted(number_values(text) - have_values)]
    return missing + words_not_in(names(text), source)


def words_not_in(words: list[str], text: str) -> list[str]:
    """The words none of whose stems ``text`` holds ("Vey's" is held by "Vey")."""
    have = [stem(t.text) for t in tokens(text)]
    return [word for word in words if not any(stems_match(stem(word), other) for other in have)]


def number_values(text: str) -> set[float]:
    """Every number ``text`` states, by value: "1,597" and "1597" alike, "ten" as 10 ("one of" is not a figure)."""
    values = set(numbers(text))
    words = tokens(text)
    for index, word in enumerate(words):
        if word.lower not in NUMBER_WORDS:
            continue
        following = words[index + 1].lower if index + 1 < len(words) else ""
        if word.lower == "one" and following == "of":
            continue
        values.add(float(NUMBER_WORDS[word.lower]))
    return values


def names(text: str) -> list[str]:
    """Capitalised words that are not function words or a common sentence opener: names, places, months, days."""
    found = []
    for index, word in enumerate(tokens(text)):
        if not word.text[0].isupper() or word.lower in STOPWORDS or len(word.text) < 2:
            continue
        if index == 0 and specificity(word.text) < _COMMON_OPENER:
            continue
        found.append(word.text)
    return found


def cite(candidate: Candidate, n: int) -> Citation:
    """A citation of one supporting sentence: its exact offsets in the document."""
    metadata = candidate.metadata
    return Citation(
        n=n,
        doc_id=metadata["doc_id"],
        title=metadata.get("title", ""),
        outlet=metadata.get("outlet", ""),
        published=metadata.get("published", ""),
        quote=candidate.text,
        start=candidate.start,
        end=candidate.end,
        claimant=candidate.claimant,
        relay=candidate.relay,
    )


def _label(candidate: Candidate) -> str | None:
    """The claimant as ``ask --json`` states it, which the eval's lead-in rule compares against."""
    return claimant_label(candidate.claimant, candidate.relay, inline=False) if candidate.claimant else None


def format_value(value: float) -> str:
    """A figure as the checks name it: 2.5, 40, 1,200,000."""
    return f"{value:g}" if value < 1e6 else f"{value:,.0f}"
