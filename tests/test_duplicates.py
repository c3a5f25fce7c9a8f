"""Wire copies: one story run by three outlets is embedded once and its answer names all three."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.assistant import Request
from newsdesk.articles.corpus import Article
from newsdesk.articles.duplicates import body_key, wire_families
from newsdesk.index.signature_cache import SIGNATURES_FILE, SignatureCache

STORY = (
    "The Tarn valley dam will be raised by four metres to protect the towns downstream from floods, "
    "the regional water board said on Tuesday. Work on the dam is expected to start next spring and "
    "to last two years.\n\n"
    "The project will cost 84 million euros, the board said, most of it paid by the national flood fund. "
    "Farmers upstream will lose about 120 hectares of pasture to the larger reservoir and will be "
    "compensated, according to the board's chairwoman Anke Roth.\n\n"
    "Residents of Lessing, the largest town below the dam, have asked for better flood defences since "
    "the river burst its banks three years ago and flooded more than 300 homes.\n"
)
# Light edits an outlet makes to an agency story: a dateline, a word or two.
COPIES = {
    "a-courier.md": ("2024-04-02", "Valley Courier", STORY),
    "b-times.md": ("2024-04-02", "Lessing Times", "LESSING - " + STORY.replace("on Tuesday", "on Tuesday afternoon")),
    "c-post.md": ("2024-04-03", "Northern Post", STORY.replace("is expected to", "should").replace("Residents", "People")),
}
QUESTION = "By how much will the Tarn valley dam be raised?"
UNRELATED = (
    "The city of Lessing opened a new library on Monday, the mayor said. The library has 40,000 books "
    "and a reading room for children, and it will be open every day except Sunday.\n"
)


def write(folder: Path, name: str, published: str, outlet: str, body: str) -> None:
    title = "Tarn valley dam to be raised"
    folder.joinpath(name).write_text(
        f"---\ntitle: {title}\noutlet: {outlet}\npublished: {published}\n---\n{body}", encoding="utf-8"
    )


@pytest.fixture
def wire_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, (published, outlet, body) in COPIES.items():
        write(folder, name, published, outlet, body)
    write(folder, "library.md", "2024-04-01", "Valley Courier", UNRELATED)
    return folder


def article(doc_id: str, body: str, published: str | None = None) -> Article:
    import datetime as dt

    return Article(doc_id, Path(doc_id), doc_id, body, published=dt.date.fromisoformat(published) if published else None)


def test_lightly_edited_copies_form_one_family_with_the_earliest_as_canonical():
    articles = [article(name, body, published) for name, (published, _, body) in COPIES.items()]
    articles.append(article("library.md", UNRELATED, "2024-04-01"))
    assert wire_families(articles, 0.7) == {"b-times.md": "a-courier.md", "c-post.md": "a-courier.md"}


def test_different_stories_on_the_same_topic_are_not_copies():
    other = STORY.split("\n\n")[0].replace("raised by four metres", "inspected") + " " + UNRELATED
    assert wire_families([article("a.md", STORY), article("b.md", other)], 0.7) == {}


class CountingSignatureCache(SignatureCache):
    """The store's signature cache, noting which bodies had to be hashed."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.hashed: list[str] = []

    def put(self, signatures):  # type: ignore[no-untyped-def]
        self.hashed.extend(signatures)
        super().put(signatures)


def test_after_an_edit_only_the_edited_body_is_hashed_and_the_families_are_as_if_computed_afresh(tmp_path: Path):
    cache = CountingSignatureCache(tmp_path)
    articles = [article(name, body, published) for name, (published, _, body) in COPIES.items()]
    articles.append(article("library.md", UNRELATED, "2024-04-01"))
    wire_families(articles, 0.7, cache)
    edited = article("c-post.md", UNRELATED.replace("Monday", "Friday"), "2024-04-03")  # now a copy of another
    cache.hashed.clear()

    families = wire_families([*articles[:2], edited, articles[3]], 0.7, cache)

    assert [key.split(":")[-1] for key in cache.hashed] == [body_key(edited.body)]
    expected = {"b-times.md": "a-courier.md", "c-post.md": "library.md"}
    assert families == wire_families([*articles[:2], edited, articles[3]], 0.7) == expected


def test_pruning_the_signature_cache_keeps_the_signatures_of_the_bodies_still_indexed(tmp_path: Path):
    cache = SignatureCache(tmp_path)
    articles = [article(name, body, published) for name, (published, _, body) in COPIES.items()]
    wire_families(articles, 0.7, cache)
    kept, dropped = articles[0].body, articles[1].body

    cache.prune({body_key(kept)})

    stored = {key.rpartition(":")[2] for key in cache.get([*_stored_keys(tmp_path)])}
    assert body_key(kept) in stored and body_key(dropped) not in stored


def _stored_keys(root: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(str(root / SIGNATURES_FILE)) as connection:
        return [key for (key,) in connection.execute("SELECT key FROM signatures")]


def chunk_doc_ids(assistant) -> list[str]:
    metadatas = assistant.store.collection.get(include=["metadatas"])["metadatas"]
    return sorted(m["doc_id"] for m in metadatas)


def test_the_story_of_three_outlets_is_embedded_once_and_the_answer_names_all_three(make_assistant, wire_corpus: Path):
    assistant = make_assistant(corpus=[wire_corpus])
    assistant.reindex()
    ids = chunk_doc_ids(assistant)
    assert ids.count("b-times.md") == ids.count("c-post.md") == 0
    assert ids.count("a-courier.md") >= 1
    assert {d: e.copy_of for d, e in assistant.documents().items()} == {
        "a-courier.md": "", "b-times.md": "a-courier.md", "c-post.md": "a-courier.md", "library.md": "",
    }
    answer = assistant.ask(Request(QUESTION))
    citation = answer.citations[0]  # the answer may add the story's next sentence; it too cites the first copy
    assert {c.doc_id for c in answer.citations} == {"a-courier.md"} and "four metres" in citation.quote
    assert {citation.outlet, *citation.also_carried_by} == {"Valley Courier", "Lessing Times", "Northern Post"}


def test_an_exact_duplicate_adds_no_vectors(make_assistant, wire_corpus: Path):
    assistant = make_assistant(corpus=[wire_corpus])
    first = assistant.reindex()
    (wire_corpus / "d-copy.md").write_text((wire_corpus / "a-courier.md").read_text().replace("Valley Courier", "Hill Gazette"))
    second = assistant.reindex()
    assert second.added == ["d-copy.md"] and second.chunks_embedded == 0
    assert first.chunks == second.chunks


def test_a_copy_with_a_changed_figure_keeps_that_passage_so_it_can_be_disputed(make_assistant, wire_corpus: Path):
    changed = STORY.replace("84 million euros", "96 million euros")
    write(wire_corpus, "e-changed.md", "2024-04-04", "Coast Herald", changed)
    assistant = make_assistant(corpus=[wire_corpus])
    assistant.reindex()
    assert assistant.documents()["e-changed.md"].copy_of == "a-courier.md"
    texts = assistant.store.collection.get(include=["documents", "metadatas"])
    kept = [t for t, m in zip(texts["documents"], texts["metadatas"]) if m["doc_id"] == "e-changed.md"]
    assert len(kept) == 1 and "96 million euros" in kept[0]
    answer = assistant.ask(Request("How much will the Tarn valley dam project cost?"))
    assert {"a-courier.md", "e-changed.md"} <= {r["doc_id"] for r in answer.retrieved}


def test_when_the_canonical_copy_is_deleted_another_copy_is_embedded_and_still_answers(make_assistant, wire_corpus: Path):
    assistant = make_assistant(corpus=[wire_corpus])
    assistant.reindex()
    (wire_corpus / "a-courier.md").unlink()
    report = assistant.reindex()
    assert "b-times.md" in report.updated and report.chunks_embedded >= 1
    answer = assistant.ask(Request(QUESTION))
    assert answer.citations[0].doc_id == "b-times.md"
    assert answer.citations[0].also_carried_by == ("Northern Post",)


def test_a_reindex_with_no_change_keeps_the_families(make_assistant, wire_corpus: Path):
    assistant = make_assistant(corpus=[wire_corpus])
    assistant.reindex()
    before = {d: e.copy_of for d, e in assistant.documents().items()}
    report = assistant.reindex()
    assert report.updated == [] and report.chunks_embedded == 0
    assert {d: e.copy_of for d, e in assistant.documents().items()} == before


@pytest.mark.parametrize(
    ("page", "outlets", "note"),
    [
        (None, (), ""),
        (3, (), "p. 3"),
        (None, ("Lessing Times", "Northern Post"), "also carried by Lessing Times, Northern Post"),
        (2, ("Northern Post",), "p. 2 · also carried by Northern Post"),
    ],
)
def test_the_source_note_names_the_page_and_the_other_outlets(page, outlets, note):
    from newsdesk.answer.provenance import provenance_note

    assert provenance_note(page, outlets) == note
