"""`newsfuse articles`: the JSON contract on stdout, one line per skipped input on stderr, exit code 2."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app
from tests.ingest.samples import BRIEFS, STORY, STORY_TITLE, german_text, rss, rss_item, story_html, story_text

# The keys of one article in `newsfuse articles --format json` (../shared/DESIGN.md); "url" replaces
# "path" for fetched articles.
ARTICLE_KEYS = {"id", "path", "source", "title", "byline", "published", "dateline", "agencies", "language", "text"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["articles", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def mixed_batch(tmp_path: Path) -> Path:
    (tmp_path / "a_story.txt").write_text(story_text(), encoding="utf-8")
    (tmp_path / "b_page.html.gz").write_bytes(gzip.compress(story_html("Ferries Run Every Twenty Minutes").encode()))
    (tmp_path / "c_german.txt").write_bytes(german_text().encode("utf-16"))
    (tmp_path / "d_empty.txt").write_bytes(b"")
    (tmp_path / "e_binary.html").write_bytes(bytes(range(256)) * 16)
    (tmp_path / "f_truncated.html").write_text(story_html()[: len(story_html()) * 2 // 3], encoding="utf-8")
    (tmp_path / "g_records.jsonl").write_text(
        json.dumps({"text": BRIEFS[0], "title": "Ferry Company Adds Two Boats", "published": "2026-03-04T10:00:00Z"})
        + "\n{not json\n",
        encoding="utf-8",
    )
    (tmp_path / "h_notafeed.rss").write_text("<html><body>no feed here</body></html>", encoding="utf-8")
    (tmp_path / "i_feed.xml").write_text(
        rss(rss_item("Only A Title") + rss_item("Parking Limited Near Pier", description=BRIEFS[1]))
    )
    with open(tmp_path / "j_huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return tmp_path


def test_a_mixed_batch_prints_good_articles_and_one_stderr_line_per_bad_input(mixed_batch: Path) -> None:
    missing = mixed_batch / "missing.txt"
    code, out, err = run(str(mixed_batch), str(missing))

    assert code == 2
    lines = err.splitlines()
    assert lines == [
        f"newsfuse: skipped {mixed_batch / 'd_empty.txt'}: empty input",
        f"newsfuse: skipped {mixed_batch / 'e_binary.html'}: binary data, not text",
        f"newsfuse: skipped {mixed_batch / 'g_records.jsonl'}:2: malformed JSON "
        "(Expecting property name enclosed in double quotes at column 2)",
        f"newsfuse: skipped {mixed_batch / 'h_notafeed.rss'}: not an RSS or Atom feed",
        f"newsfuse: skipped {mixed_batch / 'j_huge.txt'}: too large (52.4 MB; the limit is 21.0 MB)",
        f"newsfuse: skipped {missing}: no such file or directory",
    ]
    articles = json.loads(out)["articles"]
    assert [a["path"] for a in articles] == [
        str(mixed_batch / name)
        for name in (
            "a_story.txt",
            "b_page.html.gz",
            "c_german.txt",
            "f_truncated.html",
            "g_records.jsonl",
            "i_feed.xml",  # a headline-only item: an article of one line
            "i_feed.xml",
        )
    ]
    for article in articles:
        assert set(article) - {"url"} == ARTICLE_KEYS  # an item with a link has its url as well
        assert isinstance(article["agencies"], list)
        assert article["text"].strip() or article["title"] == "Only A Title"
    by_title = {a["title"]: a for a in articles}
    assert by_title["Ferry Company Adds Two Boats"]["published"] == "2026-03-04"
    assert (by_title["Ferry Company Adds Two Boats"]["text"], by_title["Parking Limited Near Pier"]["text"]) == (
        BRIEFS[0],
        BRIEFS[1],
    )
    assert (articles[0]["title"], articles[0]["text"]) == (STORY_TITLE, "\n\n".join(STORY))
    assert articles[3]["text"].startswith(STORY[0])  # the truncated page keeps what it has
    assert articles[2]["text"].startswith("Die Hafenbrücke")
    assert articles[2]["language"] == "de"


def test_a_clean_batch_exits_0_and_prints_nothing_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(story_text(), encoding="utf-8")
    code, out, err = run(str(tmp_path / "story.txt"))
    assert (code, err) == (0, "")
    (article,) = json.loads(out)["articles"]
    assert (article["title"], article["text"]) == (STORY_TITLE, "\n\n".join(STORY))


def test_only_bad_inputs_give_an_empty_list_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"   ")
    code, out, err = run(str(tmp_path / "empty.txt"))
    assert (code, json.loads(out)) == (2, {"articles": []})
    assert err == f"newsfuse: skipped {tmp_path / 'empty.txt'}: empty input\n"


def test_markdown_output_lists_the_articles(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(story_text(), encoding="utf-8")
    code, out, _ = run(str(tmp_path), "--format", "md")
    assert code == 0
    assert out.startswith(f"# {STORY_TITLE}\n")
    assert STORY[0] in out


def test_the_installed_command_never_prints_a_traceback(mixed_batch: Path) -> None:
    # A real process, so nothing the test runner catches can hide a crash.
    done = subprocess.run(
        [sys.executable, "-c", "from newsfuse.cli import main; main()", "articles", str(mixed_batch), "/no/such/path"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert all(line.startswith("newsfuse: skipped ") for line in done.stderr.splitlines())
    assert len(done.stderr.splitlines()) == 6
    assert len(json.loads(done.stdout)["articles"]) == 7
