import datetime as dt
from pathlib import Path

import pytest

from newsdesk.articles.corpus import load_corpus, read_article, split_front_matter
from newsdesk.errors import CorpusError

from conftest import SEED_CORPUS, SEED_DOC


def test_seed_article_has_front_matter_and_its_body_is_the_original_text():
    article, notes = read_article(SEED_CORPUS / SEED_DOC, SEED_DOC)
    original = (Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_2392ac50c3bede51.txt")
    assert notes == []
    assert article.published == dt.date(2022, 3, 2)
    assert article.title.startswith("Nearly 500 Russian soldiers dead")
    # The seed text is that page's, word for word: the outlet is its publisher, not a guess.
    assert article.outlet == "Daily Sabah"
    assert article.url is not None and "dailysabah.com" in article.url
    if original.exists():
        assert article.body == original.read_text(encoding="utf-8")


def test_without_front_matter_the_first_line_is_the_title(tmp_path: Path):
    path = tmp_path / "plain.txt"
    path.write_text("\n# Ferry capsizes\nBody text here.\n")
    article, _ = read_article(path, "plain.txt")
    assert article.title == "Ferry capsizes"
    assert article.body == "\n# Ferry capsizes\nBody text here.\n"


def test_body_starts_right_after_the_closing_fence(tmp_path: Path):
    text = "---\ntitle: T\noutlet: Wire\npublished: 2024-10-15\n---\nFirst line.\n"
    front, body = split_front_matter(text)
    assert body == "First line.\n"
    assert "outlet: Wire" in (front or "")


def test_document_id_is_the_path_relative_to_the_corpus_root(tmp_path: Path):
    (tmp_path / "2024" / "october").mkdir(parents=True)
    (tmp_path / "2024" / "october" / "ferry.md").write_text("Ferry\n\nText.\n")
    report = load_corpus([tmp_path])
    assert [a.doc_id for a in report.articles] == ["2024/october/ferry.md"]


def test_content_hash_changes_with_body_and_with_metadata(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: A\n---\nText.\n")
    first = read_article(path, "a.md")[0].content_hash
    path.write_text("---\ntitle: B\n---\nText.\n")
    second = read_article(path, "a.md")[0].content_hash
    path.write_text("---\ntitle: B\n---\nText!\n")
    third = read_article(path, "a.md")[0].content_hash
    assert len({first, second, third}) == 3


def test_windows_line_endings_are_normalised(tmp_path: Path):
    path = tmp_path / "crlf.md"
    path.write_bytes(b"---\r\ntitle: T\r\n---\r\nOne.\r\nTwo.\r\n")
    article, _ = read_article(path, "crlf.md")
    assert article.body == "One.\nTwo.\n"


def test_a_file_that_cannot_be_parsed_is_reported_and_the_rest_still_load(tmp_path: Path):
    (tmp_path / "good.md").write_text("Good\n\nText.\n")
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nText.\n")
    report = load_corpus([tmp_path])
    assert [a.doc_id for a in report.articles] == ["good.md"]
    assert len(report.failures) == 1
    assert report.failures[0].path.endswith("bad.md")
    assert "front matter is not valid YAML" in report.failures[0].reason


def test_missing_corpus_directory_is_a_failure_not_a_crash(tmp_path: Path):
    report = load_corpus([tmp_path / "nowhere"])
    assert report.articles == []
    assert "does not exist" in report.failures[0].reason


def test_unclosed_front_matter_says_how_to_fix_it(tmp_path: Path):
    path = tmp_path / "open.md"
    path.write_text("---\ntitle: T\nText without a closing fence.\n")
    with pytest.raises(CorpusError, match="never closed"):
        read_article(path, "open.md")
