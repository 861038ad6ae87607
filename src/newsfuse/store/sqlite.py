"""The default store: one SQLite file in WAL mode, FTS5 for search, schema migrated on open."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from newsfuse.errors import StoreError
from newsfuse.models import Article
from newsfuse.store.protocol import Writes
from newsfuse.store.query import fts5_match, query_words
from newsfuse.store.records import SNIPPET_END, SNIPPET_START, BriefRow, SearchHit
from newsfuse.store.session import ReadsThrough, Row, SqlSession
from newsfuse.store.sqlite_schema import MIGRATIONS

# A writer holds the lock for one article's brief (a few seconds on the seed story); others wait this
# long before giving up, so a second process (`watch` beside `serve`) queues instead of failing.
BUSY_TIMEOUT_S = 60.0
# A title match says what an article is about, a body match may be a passing mention: bm25 column
# weights (unindexed id, title, body). Chosen by reasoning, not tuned on data.
TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0
# Words of context around the matched words in a snippet (FTS5 caps it at 64).
SNIPPET_WORDS = 16


class SqliteSession(SqlSession):
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def _run(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        return self._connection.execute(sql, tuple(params)).fetchall()

    def _index_article(self, article: Article) -> None:
        self._run(
            "INSERT INTO article_search (article_id, title, body) VALUES (?, ?, ?)",
            (article.id, article.title or "", article.text),
        )

    def _index_brief(self, row: BriefRow) -> None:
        self._run("DELETE FROM brief_search WHERE story_id = ?", (row.story_id,))
        self._run(
            "INSERT INTO brief_search (story_id, headline, body) VALUES (?, ?, ?)",
            (row.story_id, row.headline, row.search_text),
        )

    def search(self, query: str, limit: int) -> list[SearchHit]:
        words = query_words(query)
        if not words or limit <= 0:
            return []
        match = fts5_match(words)
        marks = (SNIPPET_START, SNIPPET_END, "…", SNIPPET_WORDS)
        weights = (0.0, TITLE_WEIGHT, BODY_WEIGHT)
        articles = self._run(
            "SELECT a.id AS id, a.story_id AS story_id, coalesce(a.title, '') AS title,"
            " snippet(article_search, 2, ?, ?, ?, ?) AS snippet, bm25(article_search, ?, ?, ?) AS rank"
            " FROM article_search JOIN articles a ON a.id = article_search.article_id"
            " WHERE article_search MATCH ? ORDER BY rank LIMIT ?",
            (*marks, *weights, match, limit),
        )
        stories = self._run(
            "SELECT story_id AS id, story_id, headline AS title,"
            " snippet(brief_search, 2, ?, ?, ?, ?) AS snippet, bm25(brief_search, ?, ?, ?) AS rank"
            " FROM brief_search WHERE brief_search MATCH ? ORDER BY rank LIMIT ?",
            (*marks, *weights, match, limit),
        )
        hits = [_hit("story", row) for row in stories] + [_hit("article", row) for row in articles]
        return sorted(hits, key=lambda hit: -hit.score)[:limit]


def _hit(kind: Literal["article", "story"], row: Row) -> SearchHit:
    # bm25 is lower for better matches (negative numbers); flip it so that higher is better.
    return SearchHit(
        kind, str(row["id"]), str(row["story_id"]), str(row["title"]), str(row["snippet"] or ""), -float(row["rank"])
    )


class SqliteStore(ReadsThrough):
    """A store in one SQLite file. Reads use one connection per thread; writes go through one writer."""

    def __init__(self, path: str | Path) -> None:
        self._path = str(path)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._guard = threading.Lock()  # guards the connection list
        self._write_lock = threading.Lock()
        self._writer = self._connect()
        try:
            self._writer.execute("PRAGMA journal_mode = WAL")
            migrate(self._writer)
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(f"{self._path}: not a usable newsfuse store ({exc})") from None

    @property
    def url(self) -> str:
        return self._path

    def _session(self) -> SqliteSession:
        return SqliteSession(self._reader())

    def _reader(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._connect()
            self._local.connection = connection
        return connection

    def _connect(self) -> sqlite3.Connection:
        try:
            connection = sqlite3.connect(
                self._path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"{self._path}: cannot open ({exc})") from None
        connection.row_factory = sqlite3.Row
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            # FULL: a commit is on disk before the caller is told, so an acknowledged article survives
            # a power cut as well as a killed process (NORMAL only guarantees the latter in WAL mode).
            connection.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as exc:
            connection.close()
            raise StoreError(f"{self._path}: not a usable newsfuse store ({exc})") from None
        with self._guard:
            self._connections.append(connection)
        return connection

    @contextmanager
    def write(self) -> Iterator[Writes]:
        with self._write_lock:
            self._writer.execute("BEGIN IMMEDIATE")
            try:
                yield SqliteSession(self._writer)
            except BaseException:
                self._writer.execute("ROLLBACK")
                raise
            self._writer.execute("COMMIT")

    def schema_version(self) -> int:
        return current_version(self._reader())

    def close(self) -> None:
        with self._guard:
            connections, self._connections = self._connections, []
        for connection in connections:
            connection.close()


def current_version(connection: sqlite3.Connection) -> int:
    exists = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    if exists.fetchone() is None:
        return 0
    row = connection.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(connection: sqlite3.Connection, upto: int | None = None) -> int:
    """Apply the migrations the file lacks (up to `upto`, default all), each in its own transaction."""
    latest = MIGRATIONS[-1].version
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
            " applied TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"
        )
        version = current_version(connection)
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    if version > latest:
        raise StoreError(f"schema version {version} is newer than this newsfuse knows ({latest}): upgrade newsfuse")
    for migration in MIGRATIONS:
        if migration.version <= version or (upto is not None and migration.version > upto):
            continue
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have applied it while this one waited for the lock.
            if current_version(connection) < migration.version:
                for statement in migration.statements:
                    connection.execute(statement)
                connection.execute(
                    "INSERT INTO schema_version (version, description) VALUES (?, ?)",
                    (migration.version, migration.description),
                )
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
        version = migration.version
    return version
