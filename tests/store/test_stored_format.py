"""A store written before the brief's record was typed reads back as typed records: what is on disk is
the contract's JSON, as it was, and reads back to the same JSON. Briefs stored before briefs could be
incomplete read as complete; a stored brief that does not fit the record is an error naming it."""

from __future__ import annotations

import gzip
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from newsfuse.errors import StoreError
from newsfuse.models.record import record_json
from newsfuse.service import Store, open_store

# Written by newsfuse at main 1e02d99 (2026-12-06, before the store handed back typed records):
# `newsfuse ingest` of three of the sample corpus's storm-ysolde articles, then of the other two (two
# versions of one brief), dumped with sqlite3's `.dump` and gzipped.
WRITTEN_BEFORE = Path(__file__).parent / "data" / "store-2026-12-06.sql.gz"


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    with closing(sqlite3.connect(path)) as db:
        db.executescript(gzip.decompress(WRITTEN_BEFORE.read_bytes()).decode("utf-8"))
    return path


def _opened(path: Path) -> Iterator[Store]:
    store = open_store(str(path))
    try:
        yield store
    finally:
        store.close()


def _stored_json(path: Path, version: int) -> tuple[dict[str, object], dict[str, object]]:
    """A version's record, its articles' texts put back as the store does, and its page notes, as on disk."""
    with closing(sqlite3.connect(path)) as db:
        record_text, notes_text = db.execute(
            "SELECT record, annotations FROM briefs WHERE version = ?", (version,)
        ).fetchone()
        texts = dict(db.execute("SELECT id, text FROM articles").fetchall())
    record = json.loads(record_text)
    for article in record["articles"]:
        article["text"] = texts[article["id"]]
    return record, json.loads(notes_text)


def test_a_store_written_before_reads_back_as_typed_records(old_store: Path) -> None:
    for store in _opened(old_store):
        [story] = store.stories(10)
        assert story.version == 2
        for version in (1, 2):
            stored = store.brief(story.id, version)
            assert stored is not None
            record, notes = stored.record, stored.annotations
            assert (record.id, record.headline) == (story.id, stored.headline)
            assert tuple(a.id for a in record.articles) == stored.article_ids
            assert record.complete and record.sections.quick_read and record.sections.what_happened
            for article in record.articles:  # the texts, kept once in the articles table, are put back
                kept = store.article(article.id)
                assert kept is not None and article.text == kept.text
            for name, sentences in record.sections.items():
                assert len(notes.sentences.get(name, ())) == len(sentences)
            cited = [span for spans in notes.sentences.values() for sentence in spans for span in sentence]
            assert cited and all(a in stored.article_ids and 0 <= s < e for a, s, e in cited)
            # Nothing is lost or changed on the way: written as JSON again, each is what was stored, with
            # the lede (a field added since) empty.
            written = record_json(record)
            assert written.pop("lede") == []
            assert (written, record_json(notes)) == _stored_json(old_store, version)


def test_a_brief_stored_before_briefs_could_be_incomplete_reads_as_complete(old_store: Path) -> None:
    with closing(sqlite3.connect(old_store)) as db, db:
        db.execute("UPDATE briefs SET record = json_remove(record, '$.complete', '$.error')")
    for store in _opened(old_store):
        [story] = store.stories(10)
        stored = store.brief(story.id)
        assert stored is not None and stored.record.complete and stored.record.error is None


def test_a_stored_brief_that_does_not_fit_is_an_error_naming_it(old_store: Path) -> None:
    with closing(sqlite3.connect(old_store)) as db, db:
        db.execute("UPDATE briefs SET record = json_set(record, '$.sections.quick_read', 'none') WHERE version = 1")
    for store in _opened(old_store):
        [story] = store.stories(10)
        assert store.brief(story.id, 2) is not None
        with pytest.raises(StoreError, match=rf"story {story.id} version 1: .*sections\.quick_read"):
            store.brief(story.id, 1)
