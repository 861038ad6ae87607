"""The API under test: a real app on a fresh SQLite store, with the pipeline shared across the session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsfuse.api import Settings, create_app
from newsfuse.errors import FetchError
from newsfuse.ingest import Fetcher, ReadOptions
from newsfuse.service import Newsroom, open_store
from tests.store.builders import PostgresServer, pipeline
from tests.store.conftest import postgres  # noqa: F401  (the fixture, for the PostgreSQL clients)

# What the fake DNS answers: an intranet name on a private address, a name on a link-local one.
FAKE_DNS = {"intranet.example": ["10.0.0.7"], "metadata.example": ["169.254.169.254"]}


def fake_resolver(host: str) -> list[str]:
    if host in FAKE_DNS:
        return FAKE_DNS[host]
    raise FetchError(host, "cannot resolve host (not in the test's DNS)")


ClientFactory = Callable[..., TestClient]


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[ClientFactory]:
    """Builds clients for apps with the given settings, each over its own store (closed afterwards)."""
    opened: list[tuple[TestClient, Newsroom]] = []

    def make(
        *,
        allow_private_urls: bool = False,
        db: str | None = None,
        max_briefed_chars: int | None = None,
        **settings: object,
    ) -> TestClient:
        db = db or str(tmp_path / f"api-{len(opened)}.db")
        fetcher = Fetcher(resolver=fake_resolver, allow_private=allow_private_urls)
        bounds = {} if max_briefed_chars is None else {"max_briefed_chars": max_briefed_chars}
        newsroom = Newsroom(open_store(db), pipeline(), read_options=ReadOptions(fetcher=fetcher), **bounds)
        app = create_app(Settings(db=db, allow_private_urls=allow_private_urls, **settings), newsroom)  # type: ignore[arg-type]
        client = TestClient(app)
        client.__enter__()
        opened.append((client, newsroom))
        return client

    yield make
    for client, newsroom in opened:
        client.__exit__(None, None, None)
        newsroom.store.close()


@pytest.fixture
def client(make_client: ClientFactory) -> TestClient:
    return make_client()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_client(request: pytest.FixtureRequest, make_client: ClientFactory) -> TestClient:
    """A client over a fresh store of each backend (PostgreSQL where a local server can be started)."""
    if request.param == "sqlite":
        return make_client()
    server: PostgresServer = request.getfixturevalue("postgres")
    if server.url is None:
        pytest.skip(f"no PostgreSQL server here: {server.problem}")
    return make_client(db=server.new_database())


def newsroom_of(client: TestClient) -> Newsroom:
    newsroom: Newsroom = client.app.state.newsroom  # type: ignore[attr-defined]
    return newsroom
