"""The contextual word alignment between a question and a sentence (`newsdesk.answer.alignment`), a judge signal.

Specification table: tests/data/alignment_table.jsonl (invented; written before the signal, with a held-out part):
each question has a sentence that answers it, in its words or paraphrased, and a near miss that differs in one thing
the question asks. The rule: the question word the sentence meets worst (`Alignment.worst`) is met better by the
sentence that answers. The rows the real model does not order so are listed in `KNOWN_MISSES` (strict xfail: a
change that fixes one shows here)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from fake_embedder import FakeEmbedder

from newsdesk.answer.alignment import NEUTRAL, align, alignments
from newsdesk.answer.candidates import Candidate
from newsdesk.answer.features import candidate_features
from newsdesk.answer.questions import analyse
from newsdesk.answer.term_matching import TermMatcher
from newsdesk.index.embedding import pool_words
from newsdesk.text import tokens

TABLE = [json.loads(line) for line in (Path(__file__).parent / "data" / "alignment_table.jsonl").open()]
PAIRS = [(yes, no) for yes, no in zip(TABLE[::2], TABLE[1::2], strict=True)]
# Measured with all-MiniLM-L6-v2 when the signal was built (8 of 12 develop pairs, 5 of 6 held out): a place word
# the model meets alike ("northern" and "southern" both met through "district"), an outcome it places alike ("sat" /
# "passed"), a reason never given next to a paraphrase of the event ("called off": the near miss repeats
# "cancelled"), a question both sentences meet only weakly ("produce"), and a paraphrase the model does not link
# ("planted" / "put saplings into the ground").
KNOWN_MISSES = {
    "How many homes lost power in the northern district?",
    "How many students sat the entrance exam?",
    "Why was the concert cancelled?",
    "What did the factory produce before it closed?",
    "How many trees were planted in the western park?",
}


class _SentencesOnly:
    """An embedder of whole texts only, as a LangChain ``Embeddings`` is: it has no ``word_vectors``."""

    def embed(self, texts: list[str]) -> np.ndarray:
        return FakeEmbedder().embed(texts)


@pytest.mark.parametrize(
    "pair",
    [pytest.param(p, marks=pytest.mark.xfail(strict=True, reason="a known miss of the model")) if p[0]["question"] in KNOWN_MISSES
     else p for p in PAIRS],
    ids=[f"{yes['part']}: {no['kind']}: {yes['question']}" for yes, no in PAIRS],
)
def test_the_sentence_that_answers_meets_the_questions_worst_met_word_better_than_the_near_miss(embedder, pair) -> None:
    yes, no = pair
    answers, near_miss = alignments(embedder, yes["question"], [yes["sentence"], no["sentence"]])
    assert answers.worst > near_miss.worst, (answers, near_miss)


def test_every_word_of_a_text_gets_one_unit_vector(embedder) -> None:
    text = "Some 2,300 people work for the shipyard's owner, according to the union."
    (vectors,) = embedder.word_vectors([text])
    assert vectors.words == tuple(t.text for t in tokens(text))
    assert np.allclose(np.linalg.norm(vectors.vectors.astype(np.float32), axis=1), 1.0, atol=1e-2)


def test_a_word_takes_the_mean_of_the_wordpieces_that_start_inside_it() -> None:
    hidden = np.array([[9.0, 9.0], [1.0, 0.0], [0.0, 1.0], [0.0, 3.0]], dtype=np.float32)
    # [CLS] (no offsets), "ship" + "##yard" (one word), "sold" (another)
    pooled = pool_words("shipyard sold", [(0, 0), (0, 4), (4, 8), (9, 13)], hidden)
    assert pooled.words == ("shipyard", "sold")
    assert np.allclose(pooled.vectors.astype(np.float32), [[0.7071, 0.7071], [0.0, 1.0]], atol=1e-3)


def test_the_question_words_that_carry_no_content_are_not_asked_about() -> None:
    fake = FakeEmbedder()
    (aligned,) = alignments(fake, "How many people were there?", ["Some 40 people came."])
    assert aligned.worst == pytest.approx(1.0, abs=1e-5)  # "people" is the one content word, met by itself


def test_without_a_content_word_there_is_no_alignment() -> None:
    fake = FakeEmbedder()
    question, sentence = fake.word_vectors(["What was it?", "It was."])
    assert align(question, sentence) is None


def test_an_embedder_without_word_vectors_gives_no_alignment_and_the_judge_reads_neutral_values() -> None:
    question = analyse("How many people does the shipyard employ?")
    sentence = "Some 2,300 people work for the shipyard."
    candidate = Candidate(text=sentence, start=0, end=len(sentence), metadata={}, context=sentence, claimant=None,
                          relay=None, rank=1)
    matcher = TermMatcher(_SentencesOnly(), question, [candidate], threshold=0.62)
    assert alignments(_SentencesOnly(), question.text, [sentence]) is None
    features = candidate_features(question, candidate, matcher, best_score=0.0)
    assert (features["aligned"], features["align_recall"], features["align_worst"]) == (0.0, NEUTRAL.recall, NEUTRAL.worst)


def test_the_fake_embedder_aligns_by_shared_stems_only() -> None:
    fake = FakeEmbedder()
    same, other = alignments(fake, "How many nurses quit the hospital?", ["Nurses quit the hospital.", "Nurses joined the hospital."])
    assert same.worst == pytest.approx(1.0, abs=1e-5) and other.worst < 0.5


def test_the_articles_title_meets_the_names_a_sentence_leaves_to_it() -> None:
    fake = FakeEmbedder()
    question = "How many people does the Orvane shipyard employ?"
    (alone,) = alignments(fake, question, ["It employs 2,300 people."])
    (titled,) = alignments(fake, question, ["It employs 2,300 people."], ["Orvane shipyard wins a navy order"])
    assert titled.worst > alone.worst and titled.recall > alone.recall


def test_the_answerer_aligns_nothing_and_fails_nothing_with_an_embedder_without_word_vectors(make_settings) -> None:
    from newsdesk.answer.answering import ExtractiveAnswerer

    answerer = ExtractiveAnswerer(_SentencesOnly(), make_settings())
    answerer.align_words = True
    sentence = "Some 2,300 people work for the shipyard."
    candidate = Candidate(text=sentence, start=0, end=len(sentence), metadata={"title": "Shipyard"}, context=sentence,
                          claimant=None, relay=None, rank=1)
    assert answerer._alignments(analyse("How many people does the shipyard employ?"), [candidate]) == {}


@pytest.mark.slow
def test_the_torch_and_onnx_forward_passes_give_the_same_word_vectors() -> None:
    from newsdesk.index.embedding import Embedder

    texts = ["Some 2,300 people work for the shipyard's owner, according to the union.", "How many does it employ?"]
    for onnx, torch in zip(Embedder(backend="onnx").word_vectors(texts), Embedder(backend="torch").word_vectors(texts),
                           strict=True):
        assert onnx.words == torch.words
        assert np.min(np.sum(onnx.vectors.astype(np.float32) * torch.vectors.astype(np.float32), axis=1)) > 0.999
