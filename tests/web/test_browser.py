"""A person's view: `newsfuse serve` on loopback, the five seeds posted through the API, the story page
opened in a real browser (Debian's chromium driven by Playwright), then the server restarted on the
same store. Skipped, saying why, where chromium or Playwright is absent."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.store.builders import seed_texts

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
SCREENSHOTS = Path("/tmp")
# The server imports the whole pipeline before it listens: allow for a slow, shared machine.
STARTUP_S = 180


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _call(url: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as reply:
        return reply.status, json.loads(reply.read())


@contextmanager
def _server(db: Path, port: int) -> Iterator[str]:
    command = [
        str(Path(sys.executable).parent / "newsfuse"),
        "serve",
        "--db",
        str(db),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    log = (db.parent / f"serve-{port}.log").open("w")
    env = {k: v for k, v in os.environ.items() if k != "NEWSFUSE_API_TOKEN"}
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=REPO, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_S
        while True:
            try:
                if _call(f"{base}/api/health") == (200, {"status": "ok"}):
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            assert process.poll() is None, (db.parent / f"serve-{port}.log").read_text()[-2000:]
            assert time.monotonic() < deadline, "newsfuse serve did not answer in time"
            time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_briefed(base: str, story_id: str) -> None:
    deadline = time.monotonic() + STARTUP_S
    while True:
        _, story = _call(f"{base}/api/stories/{story_id}")
        if story["brief_state"] == "current" and not story["articles_pending"]:
            return
        assert time.monotonic() < deadline, f"the brief of story {story_id} was not rebuilt in time"
        time.sleep(0.5)


def test_the_story_page_in_a_browser_and_after_a_restart(tmp_path: Path) -> None:
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        pytest.skip("chromium is absent (Debian: apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is absent")
    executable = str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))
    db = tmp_path / "browser.db"

    with _server(db, _free_port()) as base:
        replies = [_call(f"{base}/api/articles", {"text": text}) for text in seed_texts()]
        assert {status for status, _ in replies} == {201}
        [story_id] = {reply["story_id"] for _, reply in replies}
        _wait_briefed(base, story_id)  # posts are answered once stored; briefs follow in the background
        _, listing = _call(f"{base}/api/stories")
        [story] = listing["stories"]
        figures = f"{len(story['articles'])} articles, {story['independent_sources']} independent sources"

        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000}, java_script_enabled=False)
                page.goto(f"{base}/")
                assert page.locator("ul.stories li").count() == 1
                assert figures in page.locator("ul.stories li").first.inner_text()
                page.screenshot(path=str(SCREENSHOTS / "newsfuse-index.png"))

                page.locator("a.headline").first.click()
                page.wait_for_url(f"{base}/stories/{story_id}")
                assert page.locator("h1.headline").inner_text() == story["headline"]
                assert page.locator(".sources-line").inner_text() == figures
                assert page.locator("section.conflicts .conflict.open").count() == story["open_conflicts"]
                assert page.locator("section.brief p, section.brief li").count() > 0
                page.screenshot(path=str(SCREENSHOTS / "newsfuse-story.png"), full_page=True)

                # A citation takes the reader to the cited passage, highlighted in its source.
                citation = page.locator("section.brief sup.cite a[title]").first
                target = citation.get_attribute("href")
                assert target and target.startswith("#src")
                citation.click()
                page.wait_for_url(f"**/stories/{story_id}{target}")
                assert page.locator(f"mark:has(> span[id='{target[1:]}'])").is_visible()
                page.locator("section:has(.sources)").screenshot(path=str(SCREENSHOTS / "newsfuse-sources.png"))
            finally:
                browser.close()

    # A restart on the same store keeps everything: the same story, brief and page.
    with _server(db, _free_port()) as base:
        _, again = _call(f"{base}/api/stories")
        assert again["stories"] == listing["stories"]
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
            try:
                page = browser.new_page(java_script_enabled=False)
                page.goto(f"{base}/stories/{story_id}")
                assert page.locator("h1.headline").inner_text() == story["headline"]
                assert page.locator(".sources-line").inner_text() == figures
            finally:
                browser.close()
