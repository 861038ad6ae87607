"""SQLite specifics: migrations from an empty or older file, WAL mode, refusing files that are not ours."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsfuse.errors import ConfigError, StoreError
from newsfuse.models import Article
from newsfuse.service import open_store
from newsfuse.store.codec import ARTICLE_COLUMNS, article_values
from newsfuse.store.sqlite import migrate
from newsfuse.store.sqlite_schema import MIGRATIONS


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_an_empty_file_is_migrated_to_the_latest_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    store = open_store(str(path))
    try:
        assert store.schema_version() == MIGRATIONS[-1].version
        assert store.counts() == {"articles": 0, "stories": 0, "briefs": 0}
    finally:
        store.close()
    assert {"schema_version", "articles", "stories", "briefs", "derivations", "claims", "conflicts", "feeds"} <= (
        _tables(path)
    )
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        applied = [row[0] for row in connection.execute("SELECT version FROM schema_version ORDER BY version")]
    assert applied == [m.version for m in MIGRATIONS]


def test_an_older_file_is_upgraded_and_its_articles_become_searchable(
    tmp_path: Path, seeds: tuple[Article, ...]
) -> None:
    path = tmp_path / "old.db"
    # The file as a newsfuse before full-text search left it: schema 1, one article in one story.
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        assert migrate(connection, upto=1) == 1
        connection.execute(
            "INSERT INTO stories (id, created, updated, headline, article_count, briefed, independent_sources,"
            " open_conflicts, version) VALUES ('s1', '2025-09-03T12:00:00.000000Z', '2025-09-03T12:00:00.000000Z',"
            " '', 1, 0, 0, 0, 0)"
        )
        # The columns of schema 1 (later ones, such as notes, come last and are left out).
        columns = ARTICLE_COLUMNS[: ARTICLE_COLUMNS.index("added") + 1]
        values = article_values(seeds[0], "s1", datetime(2025, 9, 3, tzinfo=UTC))[: len(columns)]
        marks = ", ".join("?" for _ in columns)
        connection.execute(f"INSERT INTO articles ({', '.join(columns)}) VALUES ({marks})", values)
    assert "article_search" not in _tables(path)

    upgraded = open_store(str(path))
    try:
        assert upgraded.schema_version() == MIGRATIONS[-1].version
        assert upgraded.article(seeds[0].id) == seeds[0]
        word = max(seeds[0].text.split(), key=len).strip(".,“”\"'")
        assert seeds[0].id in {hit.id for hit in upgraded.search(word, 10)}
    finally:
        upgraded.close()


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = str(tmp_path / "twice.db")
    open_store(path).close()
    store = open_store(path)
    store.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


def test_a_file_that_is_not_a_store_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 200)
    with pytest.raises(StoreError, match=r"notes\.db"):
        open_store(str(path))
    assert path.read_bytes().startswith(b"these are my notes")  # left as it was


def test_a_store_from_a_newer_newsfuse_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO schema_version (version, description) VALUES (999, 'from the future')")
    with pytest.raises(StoreError, match="newer"):
        open_store(str(path))


def test_store_urls(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/by-url.db")
    store.close()
    assert (tmp_path / "by-url.db").exists()
    with pytest.raises(ConfigError, match="unknown store 'mysql'"):
        open_store("mysql://localhost/news")
