"""The golden briefs: what the pipeline writes for the sample corpus and for the seeds, as stored in
tests/golden/ so that a diff shows what a change does to the output.

- `sample-corpus.json`: `newsfuse brief examples/corpus --format json`, run at the repository's root,
  in full (the sample corpus is ours).
- `seeds.json`: the brief of ../shared/seeds with no seed text in it (the seeds must never be in the
  repository): every text is its length and a hash, every citation the article id and character span
  it stands on, and ids, dates, counts, kinds and statuses as they are.

`scripts/update-golden` rewrites both; tests/golden/test_golden.py compares them with the current output.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsfuse.models.brief import Brief
from newsfuse.models.record import record_json
from newsfuse.render.brief import brief_record
from newsfuse.service import Newsfuse, render_briefs
from newsfuse.store.rows import page_notes

GOLDEN = Path(__file__).resolve().parent
REPO = GOLDEN.parent.parent
SAMPLE_CORPUS = "examples/corpus"  # as a reader types it at the repository's root
SEEDS = REPO.parent / "shared" / "seeds"
SAMPLE_GOLDEN = GOLDEN / "sample-corpus.json"
SEEDS_GOLDEN = GOLDEN / "seeds.json"

# The contract's fields that hold words taken from (or written about) the articles: in the seeds'
# golden file each is replaced by its length and a hash. Every other string is an id, an ISO date, or
# one of a few fixed words (kinds, statuses, entity types, the composer, the wire agencies newsfuse
# knows by name), and is kept.
TEXT_FIELDS = frozenset(
    {
        "headline",
        "title",
        "byline",
        "source",
        "dateline",
        "text",
        "event",
        "name",
        "aliases",
        "roles",
        "speaker",
        "speaker_as_written",
        "reason",
        "attribution",
        "about",
        "explanation",
        "value",
        "error",
    }
)
# Hex digits of a text's SHA-256 kept: enough that two different sentences never share one in a brief.
HASH_CHARS = 12


def _service() -> Newsfuse:
    return Newsfuse()


@contextmanager
def _at(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def sample_corpus_text() -> str:
    """The sample corpus's briefs as `newsfuse brief examples/corpus -f json` prints them at the root."""
    service = _service()
    with _at(REPO):
        briefs = service.briefs(service.articles([SAMPLE_CORPUS]).articles)
    return render_briefs(briefs, "json") + "\n"


def seeds_text(seeds: Path = SEEDS) -> str:
    """The seeds' briefs with no seed text: see the module's docstring."""
    service = _service()
    briefs = service.briefs(service.articles([str(seeds)]).articles)
    return json.dumps({"stories": [redacted(brief) for brief in briefs]}, ensure_ascii=False, indent=2) + "\n"


def redacted(brief: Brief) -> dict[str, Any]:
    """The brief's contract JSON with every text a length and a hash, each section sentence and
    timeline entry with the spans it stands on, and each article's path as its file name."""
    record = record_json(brief_record(brief))
    notes = page_notes(brief)
    for name, sentences in record["sections"].items():
        for sentence, spans in zip(sentences, notes.sentences.get(name, ()), strict=True):
            sentence["spans"] = [list(span) for span in spans]
    for entry, spans in zip(record["timeline"], notes.timeline, strict=True):
        entry["spans"] = [list(span) for span in spans]
    for article in record["articles"]:
        if article.get("path"):
            article["path"] = Path(article["path"]).name
    hidden: dict[str, Any] = _hide(record)
    return hidden


def _hide(value: Any, field: str = "") -> Any:
    if isinstance(value, dict):
        return {key: _hide(item, key) for key, item in value.items()}
    if isinstance(value, list):
        return [_hide(item, field) for item in value]
    if isinstance(value, str) and field in TEXT_FIELDS:
        return fingerprint(value)
    return value


def fingerprint(text: str) -> str:
    """A text as its length and the start of its SHA-256: "213:5f1c0a9e3b7d"."""
    return f"{len(text)}:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:HASH_CHARS]}"


def write_all(which: Sequence[str] = ("sample-corpus", "seeds")) -> list[Path]:
    """Rewrite the golden files named (the seeds' only where ../shared/seeds is here)."""
    written = []
    if "sample-corpus" in which:
        SAMPLE_GOLDEN.write_text(sample_corpus_text(), encoding="utf-8")
        written.append(SAMPLE_GOLDEN)
    if "seeds" in which and SEEDS.is_dir():
        SEEDS_GOLDEN.write_text(seeds_text(), encoding="utf-8")
        written.append(SEEDS_GOLDEN)
    return written
