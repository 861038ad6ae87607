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
from tests.store.builders import pipeline

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

    def make(*, allow_private_urls: bool = False, **settings: object) -> TestClient:
        db = str(tmp_path / f"api-{len(opened)}.db")
        fetcher = Fetcher(resolver=fake_resolver, allow_private=allow_private_urls)
        newsroom = Newsroom(open_store(db), pipeline(), read_options=ReadOptions(fetcher=fetcher))
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
