"""`newsfuse brief`: JSON Lines as each story is done, incomplete briefs reported, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsfuse.cli import app
from tests.conftest import CORPUS, SEEDS, need


def test_jsonl_writes_one_complete_brief_a_story(tmp_path: Path) -> None:
    out = tmp_path / "briefs.jsonl"
    result = CliRunner().invoke(app, ["brief", str(CORPUS), str(need(SEEDS)), "-f", "jsonl", "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    briefs = [json.loads(line) for line in lines]
    # The sample corpus tells three events and the seeds one.
    assert len(briefs) == 4
    assert all(b["complete"] and b["error"] is None for b in briefs)
    assert {len(b["articles"]) for b in briefs} >= {5}
    every_article = [a["id"] for b in briefs for a in b["articles"]]
    assert len(every_article) == len(set(every_article))


def test_a_story_past_its_budget_is_reported_and_still_written(tmp_path: Path, monkeypatch: object) -> None:
    import newsfuse.service

    # A budget no story can meet: every brief comes back incomplete, none is lost, none raises.
    monkeypatch.setattr(newsfuse.service, "BRIEF_BUDGET_BASE_S", 0.0)  # type: ignore[attr-defined]
    monkeypatch.setattr(newsfuse.service, "BRIEF_BUDGET_PER_ARTICLE_S", 0.0)  # type: ignore[attr-defined]
    result = CliRunner().invoke(app, ["brief", str(need(SEEDS)), "-f", "json", "-j", "1"])
    assert result.exit_code == 2
    [brief] = json.loads(result.stdout)["stories"]
    assert not brief["complete"]
    assert "time budget" in brief["error"]
    assert len(brief["articles"]) == 5
    assert all(not sentences for sentences in brief["sections"].values())
    [line] = result.stderr.splitlines()
    assert line.startswith(f"newsfuse: brief of story {brief['id']} is incomplete: ran out of its 0 s time budget")
