"""The refusal specification tables (tests/data/*_table.jsonl, issue 11 rounds 8 and 9), each asked through the real
``Assistant`` with the real embedding model over one store in which every brief is its own article: a near miss the
brief does not answer is refused, and the answerable question beside it on the same brief is still answered.

- ``figure`` (round 8): a "how many X" whose X the brief names but whose figure counts another thing ("how many
  houses lost their roofs?" against "Nine people were killed when the storm tore roofs off houses").
- ``amount`` (round 8, second wave): a "how much X" whose brief's figure beside the question's words counts people
  ("how much rain fell in Orsholm?" against "At least 14 people died ... in Orsholm").
- ``rolename`` (round 9, `refusal9`): the name of a person asked by role where the brief names nobody beside that
  role, and a past occurrence asked ("the last repair") where the brief gives only the coming one. The table's third
  kind, a figure the brief will not split out for the thing asked (`figure-withheld-for-asked`), is a known gap: its
  rule was dropped (docs/evaluation.md, round 9 `refusal9`), so no floor counts it.
- ``when9`` (round 9, `when9`): a date question whose event is a passive participle ("when was the footbridge
  built?") where the brief dates only another event of the same subject ("reopened on Wednesday"). Active verbs
  ("when did the plant open?") are not pinned, so their rows stay misses and no floor counts them.

- ``refuse11`` (round 11, `refuse11`): a fact the brief says is withheld in other words than the earlier patterns
  ("kept confidential", "would not be drawn on", "too early to say"), beside restrictive modifiers and premises the
  brief does not meet (known gaps, not ruled).
- ``nearmiss12`` (round 12, `nearmiss12`): a restricting slot the brief fills with another value of its kind: a year
  said only after "since" (ruled), beside the role asked held at another owner and a count asked where the brief
  gives money in a currency of its own (measured on the eval and not kept, so not ruled).

- ``refuse13`` (round 13, `refuse13`): a time before the one the brief reports ("ten years ago", "the year before",
  "the last time") where the brief tells only the present (`pins.earlier_period_unmet`).
- ``refuse15`` (round 15, `refuse15`): a name asked that only the sentence before says, beside a sentence naming
  another party or place that points back at nothing (`pins.only_beside_another`).
- ``refuse16`` (round 16, `refuse16`): a name asked of someone the brief introduces by role and the place they are
  from, at or near ("a lorry driver from Pellham"): a name after a preposition of place is no name of theirs
  (`answer_types.located_names`).

``PYTHONPATH=src python tests/nearmiss_table.py --figure|--amount|--rolename|--lastone|--when9|--refuse11|--nearmiss12|--refuse13|--refuse15|--refuse16 [--holdout]`` prints
every miss. The premise table, which also checks each kind, is `tests/test_premise_table.py`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from nearmiss_table import (
    AMOUNT_TABLE,
    FIGURE_TABLE,
    LASTONE_TABLE,
    NEARMISS12_TABLE,
    REFUSE13_TABLE,
    REFUSE11_TABLE,
    REFUSE15_TABLE,
    REFUSE16_TABLE,
    ROLENAME_TABLE,
    WHEN9_TABLE,
    Outcome,
    Row,
    accuracy,
    ask_all,
    index_briefs,
    load_rows,
    report,
)


@dataclass(frozen=True)
class Table:
    name: str
    paths: tuple[Path, ...]
    kinds: frozenset[str]  # every near miss's kind
    ruled: frozenset[str]  # the kinds a rule refuses, which the near-miss floor counts
    near_miss_floor: float
    answerable_floor: float

    def rows(self) -> list[Row]:
        return [row for path in self.paths for row in load_rows(path)]


TABLES = (
    # Near misses 3/10 and answerable 9/10 before round 8's rule. A figure whose noun is not beside it ("the death toll
    # rose to 12") is left to the judge; "ferry trips" for "48 sailings" is a paraphrase neither WordNet nor the word
    # vectors bridge (cosine 0.47), so it is refused.
    Table("figure", (FIGURE_TABLE,), frozenset({"figure-of-another-thing"}), frozenset({"figure-of-another-thing"}),
          near_miss_floor=0.9, answerable_floor=0.8),
    # Reached by `pins.count_for_an_amount` (near misses 2/6 before, answerable 6/6 before). Its two misses: the
    # Orsholm rain is answered by the other town's rain sentence, whose neighbour names Orsholm (another place, not
    # this rule); "forty-two fishermen ... for two days" gives a duration beside the count.
    Table("amount", (AMOUNT_TABLE,), frozenset({"amount-of-people-count"}), frozenset({"amount-of-people-count"}),
          near_miss_floor=4 / 6, answerable_floor=1.0),
    # Before the rules: near misses of the ruled kinds 0/8 refused, answerable 10/10 answered. The near miss left: "the
    # Heron League candidate who held Mossford West" against a sentence naming the other seat's candidate beside
    # "candidate". The answerable row left: "the transport minister who resigned" is named in a sentence that says
    # only "The minister, X" (the rules no longer take the sentence before it, which names nobody, as its answer).
    Table("rolename", (ROLENAME_TABLE, LASTONE_TABLE),
          frozenset({"name-of-role-not-given", "figure-withheld-for-asked", "last-occurrence-future-said"}),
          frozenset({"name-of-role-not-given", "last-occurrence-future-said"}),
          near_miss_floor=7 / 8, answerable_floor=9 / 10),
    # Before the rule: near misses 1/8 refused, answerable 7/8 answered (the one left: "when was the match due to be
    # played?" against "Saturday's match ... was postponed", refused before the rule too).
    Table("when9", (WHEN9_TABLE,), frozenset({"date-of-another-event"}), frozenset({"date-of-another-event"}),
          near_miss_floor=4 / 8, answerable_floor=7 / 8),
    # Round 11 (`refuse11`). Before the round: withheld-wording near misses 6/8 refused (the two left: "too early to say",
    # "has yet to be determined"), answerable 24/24. Restrictive modifiers ("night flights" where the brief says flights)
    # and premises ("after the flood") are not ruled: the lexical checks written for them lost more answerable develop
    # questions than they refused unanswerable ones (docs/evaluation.md, round 11 `refuse11`), so their rows stay misses.
    Table("refuse11", (REFUSE11_TABLE,), frozenset({"modifier", "premise", "withheld-wording"}),
          frozenset({"withheld-wording"}), near_miss_floor=1.0, answerable_floor=1.0),
    # Round 12 (`nearmiss12`). Before: near misses 2/12 refused, answerable 11/12 (holdout 2/6 and 5/6). Only the year
    # said after "since" is ruled (`pins.only_as_period_edge`): 1/4 -> 4/4, holdout 0/2 -> 2/2. The role held at
    # another owner and the count given as money in a currency of its own were built and refused their rows (4/4,
    # 3/4), but refused no develop unanswerable and lost an answer (docs/evaluation.md, round 12): not ruled. The
    # answerable row left, refused before too: "last year" asked against "4.2 million last year, the most since 2015".
    Table("nearmiss12", (NEARMISS12_TABLE,),
          frozenset({"role-of-another-owner", "count-given-as-money", "year-only-as-boundary"}),
          frozenset({"year-only-as-boundary"}), near_miss_floor=1.0, answerable_floor=11 / 12),
    # Round 13 (`refuse13`). Before: near misses 1/8 refused, answerable 8/8 (holdout 0/3 and 3/3); after 5/8 and 8/8
    # (holdout 1/3, 3/3). The three rows left: "before the increase" is not pinned ("before the flood" asks what led up
    # to the event reported, and the rule lost three develop answers with it); "the year before" against a brief whose
    # other sentence looks back to another year; "three years ago" against a sentence that looks back one month ("from
    # 5.2 percent in February"): any look-back meets the rule, whichever period it names.
    Table("refuse13", (REFUSE13_TABLE,), frozenset({"earlier-period-not-given"}),
          frozenset({"earlier-period-not-given"}), near_miss_floor=5 / 8, answerable_floor=1.0),
    # Round 15 (`refuse15`): a name asked that only the sentence before says, beside a sentence about another party or
    # place that points back at nothing (`pins.only_beside_another`). Before: near misses 0/4 refused, answerable 10/10;
    # after 3/4 and 10/10. The six rows written first (`name-beside-pronoun`) each hold a pronoun ("said it would cut",
    # "they needed") or fail otherwise: a sentence with a pronoun may point back at the name asked, and taking those
    # too lost more develop answers than it refused unanswerables (docs/evaluation.md, round 15), so not ruled. The
    # ruled row left: "Ellerby Rovers sacked their manager" answers "who did Ellerby Rovers appoint?" (the type check's).
    Table("refuse15", (REFUSE15_TABLE,), frozenset({"name-only-beside", "name-beside-pronoun"}),
          frozenset({"name-only-beside"}), near_miss_floor=3 / 4, answerable_floor=1.0),
    # Round 16 (`refuse16`): a name asked of someone the brief introduces by role and the place they are from, at or near
    # (`answer_types.located_names`). Before: near misses 1/6 refused, answerable 5/6; after 5/6 and 4/6 (holdout 1/3
    # and 2/3 before and after: its near misses name another person in the same sentence, "..., the head teacher, X,
    # said", which this rule does not read). The near miss left is answered by the other driver's sentence; the
    # answerable rows left: "the driver of the car behind the lorry" ("The driver of the car behind him, Anselm Torvik":
    # the name stands six words from the role, `named_beside_role` reads four; before, the lead's "from Pellham" passed
    # as the name) and "the company that bought the Quayside Inn" ("bought by Ostvane Holdings" says no "company").
    Table("refuse16", (REFUSE16_TABLE,), frozenset({"only-a-place-named"}),
          frozenset({"only-a-place-named"}), near_miss_floor=5 / 6, answerable_floor=4 / 6),
)
BY_NAME = {table.name: table for table in TABLES}
FLOAT_SLACK = 1e-9  # a floor written as a fraction (7 / 8) is met by exactly that share


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory, embedder) -> Callable[[str], list[Outcome]]:
    """Each table's outcomes, its store built the first time a test asks for it."""
    built: dict[str, list[Outcome]] = {}

    def of(name: str) -> list[Outcome]:
        if name not in built:
            rows = BY_NAME[name].rows()
            built[name] = ask_all(index_briefs(Path(tmp_path_factory.mktemp(name)), embedder, rows), rows)
        return built[name]

    return of


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_near_miss_has_an_answerable_question_on_its_brief(table: Table) -> None:
    rows = table.rows()
    near = [row for row in rows if not row.answers]
    answerable = [row for row in rows if row.answers]
    assert {row.kind for row in near} == table.kinds
    assert sorted(row.pair for row in near) == sorted(row.pair for row in answerable)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_a_near_miss_the_brief_does_not_answer_is_refused(table: Table, outcomes: Callable[[str], list[Outcome]]) -> None:
    results = outcomes(table.name)
    near = [o for o in results if not o.row.answers and o.row.kind in table.ruled]
    assert accuracy(near) >= table.near_miss_floor - FLOAT_SLACK, report(results)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_the_question_beside_it_is_still_answered(table: Table, outcomes: Callable[[str], list[Outcome]]) -> None:
    results = outcomes(table.name)
    answerable = [o for o in results if o.row.answers]
    assert accuracy(answerable) >= table.answerable_floor - FLOAT_SLACK, report(results)
