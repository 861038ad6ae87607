"""Hostile input at the store, on every backend: NULs and lone surrogates repaired the same on SQLite and
PostgreSQL (the records after a bad one still go in), look-ups by keys no store can hold and numbers
past what SQL takes come back empty instead of raising, and articles left out of a brief are kept apart."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.models import Article, RawDocument
from newsfuse.service import Newsroom, Store
from tests.store.builders import seed_texts

NUL_NOTE = "repaired 1 NUL character (dropped)"


def _wire(tmp_path: Path) -> tuple[Path, list[str]]:
    """A JSON Lines file of three seed articles: a NUL in the first's text, a lone surrogate in the
    second's title (as JSON escapes, as they arrive), the third clean."""
    texts = seed_texts()
    path = tmp_path / "wire.jsonl"
    records = [
        {"text": texts[1].replace("Beijing", "Bei\x00jing", 1), "url": "https://wire.example/1"},
        {"text": texts[2], "title": "Parade \ud800 in Beijing", "url": "https://wire.example/2"},
        {"text": texts[3], "url": "https://wire.example/3"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path, texts


def test_nuls_and_surrogates_are_repaired_alike_on_every_store(newsroom: Newsroom, tmp_path: Path) -> None:
    """PostgreSQL once refused the NUL (500 in the API, an aborted `ingest` losing the records after it)."""
    path, texts = _wire(tmp_path)
    done = newsroom.ingest([str(path)])
    assert not done.failures and [p.added for p in done.placements] == [True, True, True]
    first, second, third = (newsroom.article(p.article_id) for p in done.placements)
    assert first is not None and second is not None and third is not None
    assert first.notes == (NUL_NOTE,) and "\x00" not in first.text and "Beijing" in first.text
    assert second.title == "Parade \ufffd in Beijing"
    assert second.notes == ("repaired 1 lone surrogate (now U+FFFD)",)
    assert third.notes == ()
    # The same article as one that never had the NUL, on either store.
    [clean] = newsroom.clean([_raw(texts[1], "https://wire.example/1")]).articles
    assert (first.id, first.text) == (clean.id, clean.text)
    assert done.refreshed and newsroom.store.stale_stories() == []


def test_ingest_goes_on_past_a_nul_record_from_the_command_line(store_url: str, tmp_path: Path) -> None:
    path, _ = _wire(tmp_path)
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", store_url])
    assert result.exit_code == 0, result.output
    assert [line.split("\t")[2] for line in result.stdout.splitlines()] == ["added"] * 3


def test_lookups_no_store_can_answer_come_back_empty(store: Store, seeds: tuple[Article, ...]) -> None:
    with store.write() as tx:
        tx.add_article(seeds[0], "s1")
    for key in ("\x00", "29f791e8\x0087490e05f", "\ud800", "s1\x00"):
        assert store.article(key) is None and store.story_of(key) is None
        assert store.story_articles(key) == [] and store.versions(key) == [] and store.brief(key) is None
        assert store.story_state(key) is None and store.feed(f"https://feeds.example/{key}") is None
    for offset in (2**63, 9_223_372_036_854_775_808, 10**30):
        assert store.stories(20, offset) == []
    assert store.stories(2**70, 0) == store.stories(20, 0) != []
    assert store.stories(0, 0) == [] and store.stories(20, -1) == []
    for version in (0, -1, 2**31, 99_999_999_999_999_999_999):
        assert store.brief("s1", version) is None


def test_articles_left_out_of_a_brief_are_kept_apart(store: Store, seeds: tuple[Article, ...]) -> None:
    with store.write() as tx:
        for article in seeds[:3]:
            tx.add_article(article, "s1")
    state = store.story_state("s1")
    assert state is not None and state.pending == tuple(a.id for a in seeds[:3]) and state.version == 0
    with store.write() as tx:
        assert tx.mark_failed("s1", [(seeds[1].id, "the brief is incomplete: ran out of its 1 s time budget")]) == 1
        assert tx.mark_failed("s1", [(seeds[1].id, "again"), (seeds[4].id, "not in the story")]) == 0
    state = store.story_state("s1")
    assert state is not None
    assert state.failed == ((seeds[1].id, "the brief is incomplete: ran out of its 1 s time budget"),)
    assert state.pending == (seeds[0].id, seeds[2].id)
    [listed] = store.stories(10)
    assert (listed.version, listed.failed, listed.pending) == (0, 1, 2)
    assert store.stale_stories() == ["s1"]


def _raw(text: str, url: str) -> RawDocument:
    return RawDocument(origin=url, content=text, format="text", url=url)
