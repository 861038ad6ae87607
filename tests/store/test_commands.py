"""`newsfuse ingest` and `newsfuse serve` as a person runs them: acknowledgements on stdout, one line per
problem on stderr, exit code 2 when something was skipped or the store cannot be used."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.service import open_store
from tests.conftest import seed_paths


def test_ingest_reports_each_article_and_skips_a_bad_input(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    paths = [str(p) for p in seed_paths()[:2]]
    missing = str(tmp_path / "no-such-article.txt")
    result = CliRunner().invoke(app, ["ingest", *paths, missing, "--db", db])
    assert result.exit_code == 2
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert len(lines) == 2 and all(state == "added" for _, _, state in lines)
    assert f"skipped {missing}: no such file or directory" in result.stderr
    assert "2 articles (2 new) in 1 story" in result.stderr

    again = CliRunner().invoke(app, ["ingest", *paths, "--db", db])
    assert again.exit_code == 0
    assert [line.split("\t")[2] for line in again.stdout.splitlines()] == ["known", "known"]
    store = open_store(db)
    try:
        assert store.counts() == {"articles": 2, "stories": 1, "briefs": 1}
    finally:
        store.close()


def test_a_store_that_cannot_be_used_is_one_line_and_exit_2(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 300)
    for command in (["serve", "--db", str(notes)], ["ingest", *map(str, seed_paths()[:1]), "--db", "mysql://x/y"]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 2
        [line] = result.stderr.strip().splitlines()
        assert line.startswith("newsfuse: ") and ("notes.db" in line or "mysql" in line)
