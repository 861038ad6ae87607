"""The PostgreSQL store (`pip install 'newsfuse[postgres]'`): the same tables, PostgreSQL text search.

psycopg is imported here only, when a postgresql:// URL is opened.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit, urlunsplit

from newsfuse.errors import ConfigError, StoreError
from newsfuse.models import Article
from newsfuse.store.postgres_schema import MIGRATIONS
from newsfuse.store.protocol import Writes
from newsfuse.store.query import query_words
from newsfuse.store.records import SNIPPET_END, SNIPPET_START, BriefRow, SearchHit
from newsfuse.store.session import ReadsThrough, Row, SqlSession

if TYPE_CHECKING:
    import psycopg

# Writers (and migrations) take this transaction-level advisory lock, so one article is placed and
# briefed at a time across every process sharing the database, as SQLite's BEGIN IMMEDIATE does.
WRITER_LOCK_KEY = 0x6E657773  # "news"
# Seconds a connection attempt may take before the store reports the server unreachable.
CONNECT_TIMEOUT_S = 10
# ts_headline: a snippet of about a sentence around the matched words.
HEADLINE_OPTIONS = f'StartSel="{SNIPPET_START}", StopSel="{SNIPPET_END}", MaxWords=24, MinWords=10, MaxFragments=1'


class PostgresSession(SqlSession):
    def __init__(self, connection: psycopg.Connection[Row]) -> None:
        self._connection = connection

    def _run(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        cursor = self._connection.execute(sql.replace("?", "%s"), tuple(params))
        return cursor.fetchall() if cursor.description else []

    def _index_article(self, article: Article) -> None:
        """Nothing to do: the search column is generated from the article's own columns."""

    def _index_brief(self, row: BriefRow) -> None:
        self._run("UPDATE stories SET search_text = ? WHERE id = ?", (row.search_text, row.story_id))

    def search(self, query: str, limit: int) -> list[SearchHit]:
        words = query_words(query)
        if not words or limit <= 0:
            return []
        text = " ".join(words)
        articles = self._run(
            "SELECT a.id, a.story_id, coalesce(a.title, '') AS title, ts_headline('simple', a.text, q, ?) AS snippet,"
            " top.rank FROM (SELECT id, ts_rank(search, q) AS rank FROM articles, plainto_tsquery('simple', ?) q"
            " WHERE search @@ q ORDER BY rank DESC LIMIT ?) top JOIN articles a ON a.id = top.id,"
            " plainto_tsquery('simple', ?) q ORDER BY top.rank DESC",
            (HEADLINE_OPTIONS, text, limit, text),
        )
        stories = self._run(
            "SELECT s.id, s.id AS story_id, s.headline AS title, ts_headline('simple', s.search_text, q, ?) AS snippet,"
            " ts_rank(s.search, q) AS rank FROM stories s, plainto_tsquery('simple', ?) q"
            " WHERE s.version > 0 AND s.search @@ q ORDER BY rank DESC LIMIT ?",
            (HEADLINE_OPTIONS, text, limit),
        )
        hits = [_hit("story", row) for row in stories] + [_hit("article", row) for row in articles]
        return sorted(hits, key=lambda hit: -hit.score)[:limit]


def _hit(kind: Literal["article", "story"], row: Row) -> SearchHit:
    return SearchHit(
        kind, str(row["id"]), str(row["story_id"]), str(row["title"]), str(row["snippet"] or ""), float(row["rank"])
    )


class PostgresStore(ReadsThrough):
    """A store in a PostgreSQL database. Reads use one connection per thread; writes go through one writer."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._local = threading.local()
        self._connections: list[psycopg.Connection[Row]] = []
        self._guard = threading.Lock()
        self._write_lock = threading.Lock()
        self._writer = self._connect()
        try:
            migrate(self._writer)
        except Exception:
            self.close()
            raise

    @property
    def url(self) -> str:
        """The URL without its password."""
        parts = urlsplit(self._url)
        if parts.password is None:
            return self._url
        host = parts.netloc.rsplit("@", 1)[1]
        return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))

    def _session(self) -> PostgresSession:
        connection: psycopg.Connection[Row] | None = getattr(self._local, "connection", None)
        if connection is None or connection.closed:
            connection = self._connect()
            self._local.connection = connection
        return PostgresSession(connection)

    def _connect(self) -> psycopg.Connection[Row]:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError:
            raise ConfigError(f"{self.url}: PostgreSQL needs psycopg (pip install 'newsfuse[postgres]')") from None
        try:
            connection: psycopg.Connection[Any] = psycopg.connect(
                self._url, autocommit=True, row_factory=dict_row, connect_timeout=CONNECT_TIMEOUT_S
            )
        except psycopg.Error as exc:
            raise StoreError(f"{self.url}: cannot connect ({_first_line(str(exc))})") from None
        with self._guard:
            self._connections.append(connection)
        return connection

    @contextmanager
    def write(self) -> Iterator[Writes]:
        with self._write_lock, self._writer.transaction():
            session = PostgresSession(self._writer)
            session._run("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK_KEY,))
            yield session

    def schema_version(self) -> int:
        return current_version(self._session())

    def close(self) -> None:
        with self._guard:
            connections, self._connections = self._connections, []
        for connection in connections:
            connection.close()


def current_version(session: PostgresSession) -> int:
    exists = session._run("SELECT to_regclass('schema_version') IS NOT NULL AS present")
    if not exists[0]["present"]:
        return 0
    return int(session._run("SELECT coalesce(max(version), 0) AS v FROM schema_version")[0]["v"])


def migrate(connection: psycopg.Connection[Row], upto: int | None = None) -> int:
    """Apply the migrations the database lacks, each in a transaction under the writer lock."""
    session = PostgresSession(connection)
    latest = MIGRATIONS[-1].version
    version = 0
    for migration in (None, *MIGRATIONS):
        with connection.transaction():
            session._run("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK_KEY,))
            if migration is None:
                session._run(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                    " description TEXT NOT NULL, applied TIMESTAMPTZ NOT NULL DEFAULT now())"
                )
                version = current_version(session)
                if version > latest:
                    raise StoreError(f"schema version {version} is newer than this newsfuse knows ({latest})")
                continue
            if migration.version <= version or (upto is not None and migration.version > upto):
                continue
            if current_version(session) < migration.version:
                for statement in migration.statements:
                    session._run(statement)
                session._run(
                    "INSERT INTO schema_version (version, description) VALUES (?, ?)",
                    (migration.version, migration.description),
                )
            version = migration.version
    return version


def _first_line(message: str) -> str:
    lines = message.strip().splitlines()
    return lines[0][:160] if lines else "no detail"
