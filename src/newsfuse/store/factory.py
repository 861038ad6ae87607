"""Open a store by URL: a file path or sqlite:///path for SQLite, postgresql://... for PostgreSQL."""

from __future__ import annotations

from urllib.parse import urlsplit

from newsfuse.config import DEFAULT_DB
from newsfuse.errors import ConfigError
from newsfuse.store.protocol import Store

_POSTGRES_SCHEMES = ("postgresql", "postgres")


def open_store(url: str = DEFAULT_DB) -> Store:
    """The store at `url`, its schema migrated to this version. Raises ConfigError for an unknown scheme."""
    scheme = urlsplit(url).scheme.lower() if "://" in url else ""
    if scheme in _POSTGRES_SCHEMES:
        from newsfuse.store.postgres import PostgresStore

        return PostgresStore(url)
    if scheme == "sqlite":
        path = url.split("://", 1)[1]
        # sqlite:///relative.db and sqlite:////absolute.db, as SQLAlchemy spells them.
        path = path[1:] if path.startswith("/") else path
        if not path:
            raise ConfigError(f"{url}: no file named (write sqlite:///path/to/file.db)")
        return _sqlite(path)
    if scheme:
        raise ConfigError(f"{url}: unknown store {scheme!r} (use a file path, sqlite:///path or postgresql://...)")
    return _sqlite(url)


def _sqlite(path: str) -> Store:
    from newsfuse.store.sqlite import SqliteStore

    return SqliteStore(path)
