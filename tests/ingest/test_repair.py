"""Lone surrogates and NULs are repaired where documents enter, with a note, so that nothing downstream
(hashing, either store, JSON replies) meets them; a batch with such a record keeps every good input."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.ingest import Reader
from newsfuse.ingest.repair import repair_document, unstorable
from newsfuse.models import Failure, RawDocument
from newsfuse.service import Newsfuse
from tests.ingest.samples import STORY, STORY_TITLE, story_text


def _jsonl(*records: dict[str, object]) -> str:
    # ensure_ascii: a lone surrogate can only travel in JSON as an escape, as it does in the wild.
    return "\n".join(json.dumps(record) for record in records) + "\n"


def test_a_json_lines_record_with_a_lone_surrogate_and_a_nul_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(
        _jsonl(
            {"text": STORY[0] + " \ud800 end.", "title": "Bridge \udcff closed"},
            {"text": STORY[1].replace("damage", "dam\x00age")},
            {"text": STORY[2]},
        ),
        encoding="utf-8",
    )
    first, second, third = Reader().read([str(path)])
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument) and isinstance(third, RawDocument)
    assert first.content.endswith(" \ufffd end.") and first.title == "Bridge \ufffd closed"
    assert first.notes == ("repaired 2 lone surrogates (now U+FFFD)",)
    assert "damage" in second.content and second.notes == ("repaired 1 NUL character (dropped)",)
    assert third.notes == ()
    for document in (first, second):
        assert all(unstorable(getattr(document, name) or "") is None for name in ("content", "title"))


def test_a_nul_past_the_binary_sample_of_a_text_file_is_dropped(tmp_path: Path) -> None:
    # The binary test reads the first 8 KB; a NUL further on used to reach the store.
    path = tmp_path / "long.txt"
    text = story_text() * 40
    path.write_text(text[:9000] + "\x00" + text[9000:], encoding="utf-8")
    [document] = Reader().read([str(path)])
    assert isinstance(document, RawDocument)
    assert document.content == text and document.notes == ("repaired 1 NUL character (dropped)",)


def test_a_file_name_that_is_not_utf8_is_repaired_in_the_documents_origin(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # the undecodable byte arrives as a surrogate escape
    (tmp_path / name).write_text(story_text(), encoding="utf-8")
    [document] = Reader().read([str(tmp_path)])
    assert isinstance(document, RawDocument)
    assert document.origin.endswith("caf\ufffd.txt") and document.path == document.origin
    assert document.notes == ("repaired 2 lone surrogates (now U+FFFD)",)  # one in origin, one in path
    document.origin.encode("utf-8")  # no longer fails


def test_repair_leaves_clean_documents_alone() -> None:
    raw = RawDocument(origin="a.txt", content=story_text(), format="text", title=STORY_TITLE)
    assert repair_document(raw) is raw


def test_the_cleaned_article_carries_the_note() -> None:
    raw = repair_document(
        RawDocument(origin="posted", content=story_text().replace("Tuesday", "Tues\ud800day"), format="text")
    )
    [article] = Newsfuse().articles_from_documents([raw]).articles
    assert article.notes == ("repaired 1 lone surrogate (now U+FFFD)",)
    assert "Tues\ufffdday" in article.text


def test_a_batch_with_a_surrogate_record_keeps_its_good_files(tmp_path: Path) -> None:
    """`newsfuse articles ok.txt bad.jsonl` once ended with a traceback and no output at all."""
    good = tmp_path / "ok.txt"
    good.write_text(story_text(), encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(_jsonl({"text": STORY[3] + " \ud800", "title": "Parking \udfff rules"}), encoding="utf-8")
    result = CliRunner().invoke(app, ["articles", str(good), str(bad)])
    assert result.exit_code == 0, result.output
    articles = json.loads(result.stdout)["articles"]
    assert [a["path"] for a in articles] == [str(good), str(bad)]
    assert articles[1]["title"] == "Parking \ufffd rules"
    assert not [item for item in Reader().read([str(good), str(bad)]) if isinstance(item, Failure)]


def test_a_document_that_trips_the_cleaner_fails_alone() -> None:
    """Unrepaired (built in memory, past the reader), a lone surrogate trips the cleaner's hashing; the
    document becomes a failure naming it and the rest of its batch is cleaned."""
    good = RawDocument(origin="good.txt", content=story_text(), format="text")
    bad = RawDocument(origin="bad.txt", content=story_text().replace("Tuesday", "Tues\ud800day"), format="text")
    batch = Newsfuse().articles_from_documents([bad, good])
    assert [a.origin for a in batch.articles] == ["good.txt"]
    [failure] = batch.failures
    assert failure.origin == "bad.txt" and failure.problem.startswith("could not be cleaned (UnicodeEncodeError: ")
