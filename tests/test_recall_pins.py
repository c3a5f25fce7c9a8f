"""Pins that refused answerable questions (issue 11, round 9, branch `recall9`): a thing the article's lead names and a
later sentence calls by its noun alone, a place the dateline names, and "according to" followed by which figure rather
than who gave it. Each rule beside the near misses it must still refuse."""

from __future__ import annotations

import pytest

from newsdesk.answer.candidates import LEAD_KEY, Candidate, sentence_candidates, with_lead
from newsdesk.answer.pins import datelined_at, first_unmet_pin, named_in_lead, names_a_figure
from newsdesk.answer.questions import analyse
from newsdesk.answer.term_matching import TermMatcher
from langchain_core.documents import Document


def _later_sentence(text: str, lead: str) -> Candidate:
    """A sentence of a later passage of an article whose first sentence is ``lead``."""
    return Candidate(text=text, start=900, end=900 + len(text), metadata={"doc_id": "a.md", "title": "News"},
                     context=text, claimant=None, relay=None, rank=1, passage=text, passage_start=900, lead=lead)


_RECOUNT_LEAD = "A full recount in the Holmwick council by-election confirmed on Sunday that Fenwright had won."


@pytest.mark.parametrize(
    ("question", "entity", "sentence", "lead", "met"),
    [
        ("How much did the Holmwick recount cost?", ("Holmwick",), "The recount cost 41,000 crowns.", _RECOUNT_LEAD, True),
        # Another recount named in the question, not in the lead; another named right before the noun in the sentence.
        ("How much did the Sorrelford recount cost?", ("Sorrelford",), "The recount cost 41,000 crowns.", _RECOUNT_LEAD, False),
        ("How much did the Holmwick recount cost?", ("Holmwick",), "The Sorrelford recount cost 9,000 crowns.",
         _RECOUNT_LEAD, False),
        # The noun the question's name modifies must be said after "the": "a recount" is any recount.
        ("How much did the Holmwick recount cost?", ("Holmwick",), "Each recount costs about 40,000 crowns.",
         _RECOUNT_LEAD, False),
        # A possessive name modifies the noun after it.
        ("Who is Vellandor's transport minister?", ("Vellandor's",), "The transport minister, Elspeth Garroway, said no.",
         "Train drivers across Vellandor stayed off work on Tuesday.", True),
        ("Who is Kelsing's transport minister?", ("Kelsing's",), "The transport minister, Elspeth Garroway, said no.",
         "Train drivers across Vellandor stayed off work on Tuesday.", False),
        # The place a dateline names covers the story's sentences, unless a sentence names another.
        ("How many fans were arrested after the Hennick derby?", ("Hennick",), "Police said four people were arrested.",
         "HENNICK, Feb 22 - Hennick Town beat Farrowdale United 2-1 on Saturday.", True),
        ("How many fans were arrested after the Hennick derby?", ("Hennick",), "In Farrowdale four people were arrested.",
         "HENNICK, Feb 22 - Hennick Town beat Farrowdale United 2-1 on Saturday.", False),
        ("Who is Vellandor's interior minister?", ("Vellandor's",), "The interior minister, Anna Roe, visited.",
         "TORSBY, Vellandor (DSW) - At least nine people were killed.", True),
        # Without the lead (not known), nothing is met by it.
        ("How much did the Holmwick recount cost?", ("Holmwick",), "The recount cost 41,000 crowns.", "", False),
    ],
)
def test_a_name_is_met_by_the_articles_lead_when_the_sentence_calls_it_by_its_noun(question, entity, sentence, lead, met):
    assert named_in_lead(analyse(question), entity, _later_sentence(sentence, lead)) is met


@pytest.mark.parametrize(
    ("entity", "lead", "met"),
    [
        (("Hennick",), "HENNICK, Feb 22 - Hennick Town beat Farrowdale United 2-1.", True),
        (("Vellandor",), "TORSBY, Vellandor (DSW) - Consumer prices rose 6.8 percent.", True),
        (("Vellandor",), "ARDENBY, Vellandor - Train drivers stayed off work.", True),
        (("Kelsing",), "ARDENBY, Vellandor - Trains bound for Kelsing were held.", False),  # named after the dateline
        (("Holmwick",), "A full recount in the Holmwick by-election confirmed the result.", False),  # no dateline
        # An acronym opening a lead is no dateline, though a dash follows within the sentence.
        (("Wales",), "NHS waiting lists in Wales grew to 7.6 million - the highest on record.", False),
    ],
)
def test_the_dateline_names_where_the_story_happened(entity, lead, met):
    assert datelined_at(entity, lead) is met


def test_retrieval_gives_each_passage_its_articles_lead_sentence():
    passage = Document(page_content="The recount cost 41,000 crowns.",
                       metadata={"doc_id": "a.md", "start": 900, "end": 931, "chunk_index": 2})
    led = with_lead(passage, {"a.md": _RECOUNT_LEAD})
    assert led.metadata[LEAD_KEY] == _RECOUNT_LEAD and LEAD_KEY not in passage.metadata
    assert sentence_candidates([led])[0].lead == _RECOUNT_LEAD
    assert with_lead(passage, {}) is passage


@pytest.mark.parametrize(
    ("claimed_by", "a_figure"),
    [
        (("first", "estimate"), True),
        (("latest", "official", "count"), True),
        (("first", "reports"), True),
        (("port", "operator"), False),
        (("maker",), False),
        (("statistics", "office"), False),
    ],
)
def test_according_to_a_figure_names_no_claimant(claimed_by, a_figure):
    assert names_a_figure(claimed_by) is a_figure


def test_a_sentence_need_not_be_said_by_the_first_estimate(embedder):
    asked = analyse("How fast were prices rising in April, according to the first estimate?")
    candidate = _later_sentence("Prices rose 6.8 percent in April, the statistics bureau said.", "")
    unmet = first_unmet_pin(asked, candidate, TermMatcher(embedder, asked, [candidate], threshold=0.62))
    assert unmet is None or unmet[0] != "claimant"
