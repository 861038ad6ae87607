"""The Jinja environment of the web pages: autoescaping on for every template, whatever its name."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined


def freshness(moment: datetime, now: datetime | None = None) -> str:
    """ "just now", "5 minutes ago", "3 hours ago", "2 days ago"."""
    seconds = max(0, int(((now or datetime.now(UTC)) - moment).total_seconds()))
    for size, unit in ((86_400, "day"), (3_600, "hour"), (60, "minute")):
        if seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return "just now"


def http_url(value: str | None) -> str | None:
    """The URL when it is http(s), else None: a source's `javascript:` or `data:` URL is never a link."""
    if not value:
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


class Pages:
    """Renders the page templates. Every value is escaped: no template marks source text safe."""

    def __init__(self) -> None:
        self._env = Environment(
            loader=PackageLoader("newsfuse", "web/templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._env.filters["freshness"] = freshness
        self._env.filters["http_url"] = http_url
        self._env.filters["when"] = lambda moment: moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")

    def render(self, template: str, **context: Any) -> str:
        return self._env.get_template(template).render(**context)
