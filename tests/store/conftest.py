"""Stores to test against: a SQLite file, and PostgreSQL where a local server can be started."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.models import Article
from newsfuse.service import Newsfuse, Newsroom, Store, open_store
from tests.store.builders import PostgresServer, pipeline, seed_articles


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh store's URL, for each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "newsfuse.db")
    server: PostgresServer = request.getfixturevalue("postgres")
    if server.url is None:
        pytest.skip(f"no PostgreSQL server here: {server.problem}")
    return server.new_database()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def service() -> Newsfuse:
    return pipeline()


@pytest.fixture(scope="session")
def seeds() -> tuple[Article, ...]:
    return seed_articles()


@pytest.fixture
def newsroom(store: Store, service: Newsfuse) -> Newsroom:
    return Newsroom(store, service)
