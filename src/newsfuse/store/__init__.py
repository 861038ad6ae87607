"""The store: articles, stories, brief versions and what each brief found, kept across runs.

    open_store(url) -> Store     a file path or sqlite:///path (default), or postgresql://... (extra `postgres`)
    Store.write() -> Writes      one transaction, holding the writer lock across processes

SQLite is one file in WAL mode (readers never wait for the writer) with FTS5 search; PostgreSQL
uses its own text search and is imported only when asked for. Both migrate their schema on open
(numbered migrations, recorded in a schema_version table).
"""

from newsfuse.config import DEFAULT_DB
from newsfuse.store.factory import open_store
from newsfuse.store.protocol import Reads, Store, Writes
from newsfuse.store.records import (
    SNIPPET_END,
    SNIPPET_START,
    Arrival,
    BriefRow,
    BriefVersion,
    FeedState,
    SearchHit,
    StoredBrief,
    StoryState,
    StorySummary,
)

__all__ = [
    "DEFAULT_DB",
    "SNIPPET_END",
    "SNIPPET_START",
    "Arrival",
    "BriefRow",
    "BriefVersion",
    "FeedState",
    "Reads",
    "SearchHit",
    "Store",
    "StoredBrief",
    "StoryState",
    "StorySummary",
    "Writes",
    "open_store",
]
