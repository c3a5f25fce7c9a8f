"""A follow-up is answered from the article of the story the conversation named (`answering.in_the_conversations_story`):
the earlier turn's names (`Question.soft_entities`) meet the ARTICLE (headline, lead, retrieved passages), not the
sentence, and choose among the sentences that may answer; when none of those sentences' articles meets them, the
sentences are about other stories and none is kept (the answerer refuses). Invented towns and firms."""

from __future__ import annotations

import pytest

from newsdesk.answer.answering import in_the_conversations_story
from newsdesk.answer.candidates import Candidate
from newsdesk.answer.questions import analyse


def sentence(doc_id: str, text: str, title: str, lead: str = "", passage: str = "") -> Candidate:
    return Candidate(text=text, start=0, end=len(text), metadata={"doc_id": doc_id, "title": title}, context=text,
                     claimant=None, relay=None, rank=1, passage=passage or text, lead=lead)


ASHMOOR = sentence("ashmoor.md", "Supply should be back by Wednesday evening, the company said.",
                   "Burst main leaves Ashmoor without water")
TELLBY = sentence("tellby.md", "Supply should be back by Friday morning, the company said.",
                  "Homes cut off after pipe bursts", lead="TELLBY - Some 5,100 homes in Tellby lost water on Tuesday.")


@pytest.mark.parametrize(
    ("history", "question", "kept"),
    [
        # The earlier turn's town is in one article's headline: only its sentence may answer.
        (["How many homes lost water in Ashmoor?"], "When will the water be back?", ["ashmoor.md"]),
        # ... or in its lead (the dateline), in another register.
        (["What caused the pipe to burst in Tellby?"], "And when's it back on?", ["tellby.md"]),
        # A name written in lower case is no name (`questions._entities`): nothing chooses (and nothing refuses).
        (["what caused the pipe to burst in tellby"], "and when's it back on", ["ashmoor.md", "tellby.md"]),
        # A town no article names: every sentence answers about another story; none is kept.
        (["How many homes lost water in Quarnby?"], "When will the water be back?", []),
        (["how many houses in Quarnby had no water"], "and when's it fixed", []),
        # A weekday or month beside the name dates what was asked; it names no story.
        (["What happened to the water in Ashmoor on Monday?"], "When is it back?", ["ashmoor.md"]),
        (["What happened to the water on Monday?"], "When is it back?", ["ashmoor.md", "tellby.md"]),
        # Not a follow-up (it names its own subject): the earlier turn's names do not choose.
        (["How many homes lost water in Ashmoor?"], "When will Tellby's water be back?", ["ashmoor.md", "tellby.md"]),
        # No earlier turn.
        ([], "When will the water be back?", ["ashmoor.md", "tellby.md"]),
    ],
)
def test_a_follow_up_is_answered_from_the_story_the_conversation_named(history, question, kept):
    asked = analyse(question, history)
    chosen = in_the_conversations_story(asked, [ASHMOOR, TELLBY], [ASHMOOR, TELLBY])
    assert [c.metadata["doc_id"] for c in chosen] == kept


def test_the_article_meeting_more_of_the_conversations_names_is_kept():
    both = sentence("merger.md", "The union says 900 jobs will go.", "Harnock and Denby to merge",
                    passage="Harnock and Denby agreed to merge on Monday. The union says 900 jobs will go.")
    one = sentence("harnock-plant.md", "The union says 300 jobs will go.", "Harnock shuts a plant")
    asked = analyse("Why is the union's number higher?", ["How many jobs will go when Harnock and Denby merge?"])
    assert in_the_conversations_story(asked, [one, both], [one, both]) == [both]


def test_the_article_is_met_by_a_retrieved_passage_that_is_not_the_answering_sentences():
    answering = sentence("tellby.md", "Supply should be back by Friday morning.", "Homes cut off after pipe bursts")
    other_passage = sentence("tellby.md", "Engineers worked overnight in Tellby.", "Homes cut off after pipe bursts")
    asked = analyse("When will it be back?", ["What happened to the water in Tellby?"])
    assert in_the_conversations_story(asked, [ASHMOOR, answering], [ASHMOOR, answering, other_passage]) == [answering]
