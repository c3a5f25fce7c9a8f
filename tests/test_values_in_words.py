"""Invented tables (round 15, `recall15`), written before their code: a date, a time of day or a figure said in words
the date and figure pins before the judge did not read, so that the sentence that answers was pinned out before it
was judged (`answer_types.gives_a_date_asked`, which the date pin reads, and
`answer_types.gives_a_figure`).

- **What time** (`clock_time_*.jsonl`): a question asking a time of day ("what time did ...?") is a date question
  whose answer is a clock time ("at about 6:40 a.m.", "shortly after midnight"); a "when" question still asks for a
  date, and a duration is no clock time.

- **When, in words** (`date_words15_*.jsonl`, `answer_types.gives_a_date_asked`): a period from now or back ("within
  eight weeks", "after 21 days", "twelve years ago"), a season ("in the spring"), "the end of the year", a clock time
  after "by" or "at" ("by 10:45 p.m."); a duration something has lasted ("closed for three weeks") is none.
- **A share, in words** (`share_words15_*.jsonl`, `answer_types.gives_a_figure`): "a third", "half",
  "two-thirds", "a quarter"; "much of" is none, nor an ordinal before a noun ("the third boat").

The `_holdout` parts were run once, at the end."""

from __future__ import annotations

import pytest

from newsdesk.answer.answer_types import gives_a_date_asked, gives_a_figure
from newsdesk.answer.questions import analyse
from tables import tables




@pytest.mark.parametrize(("table", "row"), tables("clock_time_table", "clock_time_holdout", "date_words15_table",
                                                   "date_words15_holdout"),
                         ids=lambda value: value if isinstance(value, str) else value["why"])
def test_a_date_question_is_answered_by_a_date_in_words_or_the_time_it_asks(table: str, row: dict) -> None:
    question = analyse(row["question"], [])
    assert question.kind == "date"
    assert gives_a_date_asked(question, row["sentence"]) is row["gives"], row["why"]


@pytest.mark.parametrize(("table", "row"), tables("share_words15_table", "share_words15_holdout"),
                         ids=lambda value: value if isinstance(value, str) else value["why"])
def test_a_share_in_words_is_a_figure(table: str, row: dict) -> None:
    assert gives_a_figure(row["sentence"]) is row["gives"], row["why"]
