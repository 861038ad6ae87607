"""Request and response bodies of the REST API (validated by pydantic; shown in /openapi.json)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

# Field caps: an article body is bounded by the request cap (settings.DEFAULT_MAX_BODY_BYTES); the
# others are metadata, and these bounds sit far above any real title, outlet name or URL.
MAX_TITLE_CHARS = 1_000
MAX_SOURCE_CHARS = 300
MAX_URL_CHARS = 2_048
# Ids in paths: ours are 16 characters (articles) or 13 (stories); a longer one cannot be found.
MAX_ID_CHARS = 64
# The largest page offset and brief version a request may name (a 32-bit integer, as PostgreSQL stores
# versions): far past any real store, and every number a request sends is range-checked.
MAX_NUMBER = 2**31 - 1

BriefStateName = Literal["current", "queued", "rebuilding", "stale"]


def _at_most(limit: int) -> Callable[[str | None], str | None]:
    """A length check that, unlike pydantic's max_length, lets a lone surrogate through to the reader
    (which repairs it, with a note) instead of refusing the whole article over one character."""

    def check(value: str | None) -> str | None:
        if value is not None and len(value) > limit:
            raise ValueError(f"at most {limit:,} characters (this has {len(value):,})")
        return value

    return check


def _bounded(limit: int, description: str | None = None) -> str | None:
    """The field's default (None), with its cap shown in the schema."""
    field: str | None = Field(None, description=description, json_schema_extra={"maxLength": limit})
    return field


Title = Annotated[str | None, AfterValidator(_at_most(MAX_TITLE_CHARS))]
Source = Annotated[str | None, AfterValidator(_at_most(MAX_SOURCE_CHARS))]
Url = Annotated[str | None, AfterValidator(_at_most(MAX_URL_CHARS))]


def _http_url(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{value[:80]!r} is not an http(s) URL")
    return value


class ArticleIn(BaseModel):
    """One article: its body as plain `text` or as an `html` page (exactly one), with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    html: str | None = None
    title: Title = _bounded(MAX_TITLE_CHARS)
    source: Source = _bounded(MAX_SOURCE_CHARS)
    url: Url = _bounded(MAX_URL_CHARS, "where it was published (not fetched)")
    published: date | None = None

    _check_url = field_validator("url")(_http_url)

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        given = [name for name in ("text", "html") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give the article as exactly one of 'text' or 'html'")
        if not str(getattr(self, given[0])).strip():
            raise ValueError(f"'{given[0]}' is empty")
        return self


class IngestIn(BaseModel):
    """A page (`url`) or an RSS/Atom feed (`feed`) to fetch and ingest: exactly one."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(None, max_length=MAX_URL_CHARS)
    feed: str | None = Field(None, max_length=MAX_URL_CHARS)

    _check_urls = field_validator("url", "feed")(_http_url)

    @model_validator(mode="after")
    def _one_target(self) -> IngestIn:
        if (self.url is None) == (self.feed is None):
            raise ValueError("give exactly one of 'url' or 'feed'")
        return self


class Placed(BaseModel):
    id: str
    story_id: str
    brief_state: BriefStateName = Field(
        description="where the story's brief stands: queued or rebuilding after a new article, else current"
    )


class PlacedItem(BaseModel):
    id: str
    story_id: str
    added: bool = Field(description="false when the article was stored already")


class FailedItem(BaseModel):
    origin: str
    problem: str


class IngestOut(BaseModel):
    articles: list[PlacedItem]
    failures: list[FailedItem]


class StoryItem(BaseModel):
    id: str
    headline: str
    articles: list[str]
    independent_sources: int
    open_conflicts: int
    updated: datetime
    version: int = Field(description="of the current brief; 0 while the story has none")
    brief_state: BriefStateName
    articles_briefed: int = Field(description="articles the current brief covers")
    articles_pending: int = Field(description="articles waiting for a brief that covers them")
    articles_failed: int = Field(description="articles left out of the story's briefs (their brief failed)")


class StoriesOut(BaseModel):
    stories: list[StoryItem]
    total: int
    limit: int
    offset: int


class VersionItem(BaseModel):
    version: int
    created: str
    headline: str
    articles: int
    independent_sources: int
    open_conflicts: int
    added_articles: list[str]
    headline_before: str | None
    independent_sources_before: int | None
    open_conflicts_before: int | None
    sentences_added: list[str]
    sentences_removed: list[str]


class VersionsOut(BaseModel):
    story_id: str
    versions: list[VersionItem]


class SearchItem(BaseModel):
    kind: Literal["article", "story"]
    id: str
    story_id: str
    title: str
    snippet: str
    highlights: list[tuple[int, int]] = Field(description="[start, end) of each matched word in the snippet")


class SearchOut(BaseModel):
    query: str
    results: list[SearchItem]


class Health(BaseModel):
    status: Literal["ok"]
