"""Round 19's attribution rows (`attrib19`), all invented: "the company said" or "the firm said", when no source the
article quoted is called a company, names the one business it quoted before by a proper name that says no kind
("its owner Drennavel Foods announced ..." then "..., the company said" is Drennavel Foods'), as a reader would name
it. It stays "company" where two such names could be meant, where the one name is a person's (an honorific, a
description or an age beside it), where the article called that name by another noun ("the administrators, X"), or
where the only earlier source's name says its kind ("... Dockers' Guild").

Built and measured in round 19 and taken out (docs/evaluation.md): the labels came out right (18 develop sentences
changed, all to the business meant), and dev15's attribution rose 0.689 -> 0.711 (dev15-sugar-jobs-dispute), but
develop `right` fell by two cases: with "the company" now the same source as the business's own sentence, the
answerer merged what had been two sides or a fill into one source and dropped the value (dev14's
refinery-injured-company and refinery-toll-two, dev8's min-workforce). The rows that name the business are known
gaps (strict xfails) until the answerer's one-source rules can take the resolved label."""

import pytest

from attribution_table import Row, claimant_of


def _claimant(before: list[str], sentence: str) -> str | None:
    return claimant_of(Row("r19", "", "", before, sentence, [], [], []))[0]


NAMED = [
    (["CASTLEMERE, May 4 - The Castlemere bottling plant will close in August, its owner Drennavel Foods announced "
      "on Tuesday."], "The closure will cost 310 jobs, the company said.", "Drennavel Foods"),
    (["Ostrakine said on Monday it would shut its two smelters."],
     "The firm said 90 staff would be moved to other sites.", "Ostrakine"),
    (["Drennavel Foods said it would close the plant.", "Output fell by a third last year."],
     "The company said the site would be sold.", "Drennavel Foods"),
]


KNOWN_GAP = pytest.mark.xfail(strict=True, reason="round 19: built, measured and taken out (develop right fell)")


@pytest.mark.parametrize(("before", "sentence", "claimant"), [pytest.param(*row, marks=KNOWN_GAP) for row in NAMED])
def test_the_company_is_the_business_quoted_before(before, sentence, claimant):
    assert _claimant(before, sentence) == claimant


KEPT_GENERIC = [
    # two businesses could be meant
    (["Drennavel Foods said it would close the plant.", "Kellmoor Dairies said it would buy the site."],
     "The company said the sale would close in May."),
    # the one name is a person's
    (['"We had no choice," said Teodor Vasch, the plant\'s manager.'], "The company said 40 jobs would go."),
    (['"It was a hard winter," said Ms Rovenko.'], "The company said 40 jobs would go."),
    # the article called the name by another noun
    (["The administrators, Kellwith Partners, said 12 shops would close."],
     "The company said it had been losing money for three years."),
    # the only earlier source's name says what it is
    (["The Pellquay Dockers' Guild said 200 members would strike."], "The company said the port would stay open."),
]


@pytest.mark.parametrize(("before", "sentence"), KEPT_GENERIC)
def test_the_company_stays_generic_when_no_one_business_is_meant(before, sentence):
    assert _claimant(before, sentence) == "company"
