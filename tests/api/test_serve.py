"""`newsfuse serve` as it runs in production, on loopback: it listens at once on a store whose brief had
failed and on one left stale, answers a write while the brief is rebuilt in its worker process, and
stops within seconds of SIGTERM even then (issue 17: a wedged server ignored SIGTERM, and after a
restart spun catching up briefs without ever opening its port)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import REPO
from tests.store.builders import FailedBrief, seed_texts

# The server imports the pipeline before it listens (not the language model: briefs load it in their
# worker); a slow, shared machine takes a while.
STARTUP_S = 120.0
# SIGTERM must end the server within this, whatever its worker is doing.
STOP_S = 10.0
BRIEF_WAIT_S = 300.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _serving(db: Path) -> Iterator[tuple[subprocess.Popen[bytes], httpx.Client, Path]]:
    port = _free_port()
    command = [str(Path(sys.executable).parent / "newsfuse"), "serve", "--db", str(db), "--port", str(port)]
    env = {k: v for k, v in os.environ.items() if k != "NEWSFUSE_API_TOKEN"}
    log = (db.parent / f"serve-{port}.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=REPO, env=env)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60, trust_env=False)
    try:
        deadline = time.monotonic() + STARTUP_S
        while True:
            try:
                if client.get("/api/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, (db.parent / f"serve-{port}.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "newsfuse serve did not listen in time"
            time.sleep(0.2)
        yield process, client, db.parent / f"serve-{port}.log"
    finally:
        client.close()
        if process.poll() is None:
            process.kill()
            process.wait()
        log.close()


def _stop(process: subprocess.Popen[bytes], log: Path) -> float:
    """SIGTERM, and the seconds until the server ended, having shut down in order (uvicorn then ends
    on the signal it caught, as a process does by default)."""
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=STOP_S) in (0, -signal.SIGTERM)
    assert "Application shutdown complete." in log.read_text()
    return time.monotonic() - started


def _story(client: httpx.Client, story_id: str) -> dict[str, Any]:
    response = client.get(f"/api/stories/{story_id}")
    assert response.status_code == 200, response.text
    story: dict[str, Any] = response.json()
    return story


def test_serve_listens_at_once_stops_on_sigterm_and_catches_up_in_the_background(
    failed_brief: FailedBrief, tmp_path: Path
) -> None:
    db = tmp_path / "served.db"
    shutil.copy(failed_brief.path, db)
    with _serving(db) as (process, client, log):
        # A restart after a failed brief: the story is there, its failed article marked, nothing retried.
        [listed] = client.get("/api/stories").json()["stories"]
        assert (listed["id"], listed["brief_state"], listed["articles_failed"]) == (failed_brief.story_id, "current", 1)

        started = time.monotonic()
        posted = client.post("/api/articles", json={"text": seed_texts()[0]})
        assert posted.status_code == 201 and time.monotonic() - started < 30
        story_id = posted.json()["story_id"]
        assert story_id != failed_brief.story_id
        assert posted.json()["brief_state"] in ("queued", "rebuilding")
        assert client.get("/api/health").status_code == 200  # reads go on while the brief is rebuilt

        assert _stop(process, log) < STOP_S

    # The brief it was rebuilding was abandoned: the next start listens at once and catches up after.
    with _serving(db) as (process, client, log):
        first = _story(client, story_id)
        assert first["version"] == 0 and first["brief_state"] in ("queued", "rebuilding")
        assert [a["id"] for a in first["articles"]] == first["articles_pending"]
        deadline = time.monotonic() + BRIEF_WAIT_S
        while (story := _story(client, story_id))["brief_state"] != "current":
            assert time.monotonic() < deadline, story["brief_state"]
            time.sleep(0.5)
        assert story["version"] == 1 and story["sections"]["what_happened"] and not story["articles_pending"]
        assert _stop(process, log) < STOP_S
