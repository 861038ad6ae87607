"""The briefs of the sample corpus and of the seeds are the reviewed ones stored in tests/golden/: a
change to the output shows as a diff. When the change is meant, `scripts/update-golden` rewrites them
(read `git diff tests/golden` before committing)."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import need
from tests.golden.briefs import REPO, SAMPLE_GOLDEN, SEEDS, SEEDS_GOLDEN, sample_corpus_text, seeds_text

# A failing comparison prints at most this many lines of diff (a change to one sentence is a few).
DIFF_LINES = 400
# What a string in the seeds' golden file may be: a text's fingerprint, an article or story id, an ISO
# date, a seed's file name, or one short word (a kind, status, entity type, language or agency name).
ALLOWED_STRING = re.compile(
    r"\d+:[0-9a-f]{12}|[0-9a-f]{16}|s[0-9a-f]{12}|\d{4}(-\d\d){0,2}|\d{3}_[0-9a-f]{16}\.txt|[\w.-]{1,20}"
)


def _same_as_stored(stored: Path, current: str) -> None:
    before = stored.read_text(encoding="utf-8")
    if before == current:
        return
    name = stored.relative_to(REPO)
    diff = list(
        difflib.unified_diff(
            before.splitlines(), current.splitlines(), f"{name} (stored)", f"{name} (now)", n=4, lineterm=""
        )
    )
    shown = "\n".join(diff[:DIFF_LINES]) + (
        f"\n... {len(diff) - DIFF_LINES} more lines" if len(diff) > DIFF_LINES else ""
    )
    pytest.fail(
        f"the brief is not the stored one ({name}). If the change is meant, run"
        f" `python scripts/update-golden` and review `git diff tests/golden`.\n{shown}",
        pytrace=False,
    )


def test_the_sample_corpus_brief_is_the_golden_one() -> None:
    _same_as_stored(SAMPLE_GOLDEN, sample_corpus_text())


def test_the_seeds_brief_is_the_golden_one() -> None:
    _same_as_stored(SEEDS_GOLDEN, seeds_text(need(SEEDS)))


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [value] if isinstance(value, str) else []


def test_the_seeds_golden_file_holds_no_seed_text() -> None:
    stored = json.loads(SEEDS_GOLDEN.read_text(encoding="utf-8"))
    assert stored["stories"] and stored["stories"][0]["sections"]["what_happened"]
    assert [s for s in _strings(stored) if not ALLOWED_STRING.fullmatch(s)] == []
    spans = [span for story in stored["stories"] for s in story["sections"]["what_happened"] for span in s["spans"]]
    assert spans and all(len(span) == 3 and span[1] < span[2] for span in spans)
