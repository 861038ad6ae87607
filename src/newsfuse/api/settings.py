"""How the server runs: where the store is, who may write, what may be fetched."""

from __future__ import annotations

import os
from dataclasses import dataclass

from newsfuse.service import DEFAULT_DB

# A request body is one article (text or HTML page) or a small JSON command. News pages are well under
# 5 MB with inline scripts (the fetcher's own cap, newsfuse.ingest.fetch.DEFAULT_MAX_FETCH_BYTES); as
# JSON, escaping can add a fifth.
DEFAULT_MAX_BODY_BYTES = 6 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    """The server's settings. `api_token`: when set, write endpoints need `Authorization: Bearer <token>`."""

    db: str = DEFAULT_DB
    api_token: str | None = None
    allow_private_urls: bool = False
    fetch_pages: bool = False  # feeds: fetch each item's page instead of using the feed's own text
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from NEWSFUSE_DB and NEWSFUSE_API_TOKEN, then `overrides` (command-line options)."""
        values: dict[str, object] = {"db": os.environ.get("NEWSFUSE_DB") or DEFAULT_DB}
        token = os.environ.get("NEWSFUSE_API_TOKEN")
        if token:
            values["api_token"] = token
        values.update({key: value for key, value in overrides.items() if value is not None})
        return cls(**values)  # type: ignore[arg-type]
