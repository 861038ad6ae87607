"""Shared test builders and the location of ../shared data (tests that need it skip without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.models import Article, RawDocument

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
EXAMPLES = REPO / "examples"


def need(path: Path) -> Path:
    """Skip the calling test, saying why, when shared data is absent (a clone without ../shared)."""
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the shared data beside the checkout")
    return path


def seed_paths() -> list[Path]:
    return sorted(need(SEEDS).glob("*.txt"))


def text_document(content: str, origin: str = "test.txt", **hints: object) -> RawDocument:
    return RawDocument(origin=origin, content=content, format="text", **hints)  # type: ignore[arg-type]


def paragraphs(article: Article) -> list[str]:
    return article.paragraph_texts()
