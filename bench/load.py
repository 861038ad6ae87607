"""Load test of `newsfuse serve`: concurrent writers and readers, then SIGKILLs under writes; loopback only.

The script starts its own servers (`newsfuse serve` on 127.0.0.1, each on a fresh SQLite store in a
temporary folder) and every request loop it runs is bounded (a count, and a time cap):

1. setup: the five seed articles (../shared/seeds) are posted and briefed, so there is a story to read;
2. the peer, for 5 s: every client asks `GET /api/health` only (the framework and loopback floor);
3. writes: `--writers` clients post `--articles` new articles between them (each a seed republished
   at a new address with one body paragraph left out: a new article that joins the seed story), one
   after another, and nothing else runs. A POST is answered once its article is committed; the
   story's brief is rebuilt in the server's worker process meanwhile, bursts coalesced. Besides
   rates and latencies, the server's own CPU time per acknowledged POST (its main process, not the
   brief worker) says what a write costs whatever else the machine is doing;
4. the mix: the writers post `--articles` more while the other clients (`--clients` in all) mix reads
   of every kind (story list, brief, article, search, versions, the web story page and list) with
   re-posts of seed articles (idempotent writes), until the writers are done. Each phase stops at
   `--seconds`; requests in flight finish (each bounded by a 120 s timeout);
5. catch-up: how long after the last write the story's brief covers every article it reads;
6. SIGTERM: how long the server takes to stop;
7. durability: `--kills` rounds on one more store. Each starts the server (timing how soon it answers),
   has the writers post for a random 2-6 s, and kills the server and its worker (SIGKILL to the process
   group) in the middle of it; after each kill the store passes SQLite's integrity check and, once the
   server is up again, every article whose POST was acknowledged (201 or 200) is there, in the story it
   was acknowledged in.

Every reply that is not the expected status counts as an error. Figures: acknowledged POSTs per second,
POST and read latency (p50, p99), errors, the mix's request rate as a share of the peer's, brief
catch-up, stop and restart times, and acknowledged articles lost (must be 0). Results go to
bench/results/load.json.

Run: .venv/bin/python bench/load.py [--clients 24] [--writers 8] [--articles 320] [--kills 3]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
# Reads, each with its share of the readers' requests (re-posts of known seeds are writes that
# change nothing). Weighted towards what a newsroom page and an API consumer ask most.
READ_MIX = {
    "stories": 20,
    "brief": 20,
    "article": 15,
    "search": 15,
    "versions": 5,
    "page_story": 8,
    "page_list": 7,
    "repost": 10,
}
SEARCH_WORDS = ("Kim", "Beijing", "Putin parade", "train", "Xi Jinping", "Ukraine", "summit", "daughter")
# New articles leave out one of a seed's longest paragraphs (its body, not its menus and captions)
# and are published at one of this many made-up outlets.
BODY_PARAGRAPHS = 8
OUTLETS = 7
REQUEST_TIMEOUT_S = 120.0
STARTUP_TIMEOUT_S = 300.0
PEER_SECONDS = 5.0
# How long the catch-up of briefs after the mix may take before the script reports it unfinished.
CATCH_UP_TIMEOUT_S = 1800.0
# Writes before a SIGKILL: a random span in this range, so the kill lands anywhere in a commit.
KILL_AFTER_S = (2.0, 6.0)


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: dict[str, str] = field(default_factory=dict)  # one error message per kind

    def add(self, kind: str, seconds: float, ok: bool, detail: str = "") -> None:
        self.latencies[kind].append(seconds)
        if not ok:
            self.errors[kind] += 1
            self.samples.setdefault(kind, detail[:300])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def figures(values: list[float], errors: int, seconds: float) -> dict[str, Any]:
    return {
        "requests": len(values),
        "errors": errors,
        "per_second": round(len(values) / seconds, 1) if seconds else 0.0,
        "p50_ms": round(percentile(values, 0.50) * 1000, 1),
        "p99_ms": round(percentile(values, 0.99) * 1000, 1),
        "max_ms": round(max(values, default=0.0) * 1000, 1),
        "mean_ms": round(statistics.fmean(values) * 1000, 1) if values else 0.0,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def variant(texts: list[str], number: int) -> dict[str, str]:
    """A new article: a seed republished at a new address (a syndicated copy, as outlets run wire copy),
    with one of its body paragraphs left out. The address makes its id new whatever the cleaner keeps."""
    seed = number % len(texts)
    paragraphs = [p for p in texts[seed].split("\n") if p.strip()]
    distinct = {p: i for i, p in reversed(list(enumerate(paragraphs)))}  # a repeated paragraph once
    body = sorted(distinct.values(), key=lambda i: -len(paragraphs[i]))[:BODY_PARAGRAPHS]
    drop = body[(number // len(texts)) % len(body)]
    text = "\n\n".join(p for i, p in enumerate(paragraphs) if i != drop)
    return {"text": text, "url": f"https://outlet{number % OUTLETS}.example/world/{number}"}


async def call(
    client: httpx.AsyncClient, tally: Tally, kind: str, method: str, url: str, expect: set[int], **kwargs: Any
) -> httpx.Response | None:
    start = time.perf_counter()
    try:
        response = await client.request(method, url, **kwargs)
    except httpx.HTTPError as exc:
        tally.add(kind, time.perf_counter() - start, False, f"{type(exc).__name__}: {exc}")
        return None
    tally.add(kind, time.perf_counter() - start, response.status_code in expect, f"{response.status_code} {url}")
    return response


async def reader(
    client: httpx.AsyncClient, tally: Tally, done: asyncio.Event, state: dict[str, Any], rng: random.Random
) -> None:
    kinds, weights = zip(*READ_MIX.items(), strict=True)
    while not done.is_set():
        kind = rng.choices(kinds, weights)[0]
        story = state["story"]
        if kind == "stories":
            await call(client, tally, kind, "GET", "/api/stories", {200}, params={"limit": 20})
        elif kind == "brief":
            await call(client, tally, kind, "GET", f"/api/stories/{story}", {200})
        elif kind == "article":
            await call(client, tally, kind, "GET", f"/api/articles/{rng.choice(state['articles'])}", {200})
        elif kind == "search":
            await call(client, tally, kind, "GET", "/api/search", {200}, params={"q": rng.choice(SEARCH_WORDS)})
        elif kind == "versions":
            await call(client, tally, kind, "GET", f"/api/stories/{story}/versions", {200})
        elif kind == "page_story":
            await call(client, tally, kind, "GET", f"/stories/{story}", {200})
        elif kind == "page_list":
            await call(client, tally, kind, "GET", "/", {200})
        else:
            await call(client, tally, kind, "POST", "/api/articles", {200}, json={"text": rng.choice(state["texts"])})


async def writer(
    client: httpx.AsyncClient,
    tally: Tally,
    numbers: list[int],
    until: float,
    texts: list[str],
    acknowledged: dict[str, str],
) -> None:
    """Post the articles numbered `numbers` one after another, stopping at `until`; remember each
    acknowledged one (its id and story)."""
    for number in numbers:
        if time.perf_counter() >= until:
            return
        response = await call(client, tally, "write_new", "POST", "/api/articles", {201}, json=variant(texts, number))
        if response is not None and response.status_code in (200, 201):
            reply = response.json()
            acknowledged[reply["id"]] = reply["story_id"]


async def health_only(client: httpx.AsyncClient, tally: Tally, until: float) -> None:
    while time.perf_counter() < until:
        await call(client, tally, "health", "GET", "/api/health", {200})


async def all_stories(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    stories: list[dict[str, Any]] = []
    while True:
        page = (await client.get("/api/stories", params={"offset": len(stories), "limit": 100})).json()
        stories += page["stories"]
        if not page["stories"] or len(stories) >= page["total"]:
            return stories


async def wait_all_current(client: httpx.AsyncClient, timeout: float) -> tuple[float | None, list[dict[str, Any]]]:
    """Seconds until every story's brief covers every article it reads (None: not within `timeout`),
    and the stories as they were then."""
    start = time.perf_counter()
    while True:
        stories = await all_stories(client)
        if all(s["brief_state"] == "current" and not s["articles_pending"] for s in stories):
            return round(time.perf_counter() - start, 1), stories
        if time.perf_counter() - start > timeout:
            return None, stories
        await asyncio.sleep(2.0)


async def wait_current(client: httpx.AsyncClient, story: str, timeout: float) -> float | None:
    """Seconds until the story's brief covers every article it reads (None: not within `timeout`)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        reply = (await client.get(f"/api/stories/{story}")).json()
        if reply["brief_state"] == "current" and not reply["articles_pending"]:
            return round(time.perf_counter() - start, 1)
        await asyncio.sleep(0.5)
    return None


def limits(clients: int) -> httpx.Limits:
    return httpx.Limits(max_connections=clients + 5, max_keepalive_connections=clients + 5)


async def phase(
    client: httpx.AsyncClient,
    args: argparse.Namespace,
    state: dict[str, Any],
    numbers: list[int],
    readers: int,
    server_pid: int,
) -> dict[str, Any]:
    """The writers post the articles numbered `numbers` while `readers` clients read; figures."""
    tally = Tally()
    acknowledged: dict[str, str] = {}
    rng = random.Random(11)
    done = asyncio.Event()
    cpu = cpu_seconds(server_pid)
    start = time.perf_counter()
    until = start + args.seconds
    writers = [
        writer(client, tally, numbers[i :: args.writers], until, state["texts"], acknowledged)
        for i in range(args.writers)
    ]
    reading = [
        asyncio.create_task(reader(client, tally, done, state, random.Random(rng.random()))) for _ in range(readers)
    ]
    await asyncio.gather(*writers)
    writes_s = time.perf_counter() - start
    server_cpu = cpu_seconds(server_pid) - cpu
    done.set()
    await asyncio.gather(*reading)
    wall_s = time.perf_counter() - start
    posts = tally.latencies["write_new"]
    reads = [v for kind, values in tally.latencies.items() if kind not in ("write_new", "repost") for v in values]
    read_errors = sum(n for kind, n in tally.errors.items() if kind not in ("write_new", "repost"))
    result: dict[str, Any] = {
        "writers": args.writers,
        "readers": readers,
        "acknowledged": len(acknowledged),
        "wall_s": round(writes_s, 1),
        "acknowledged_per_second": round(len(acknowledged) / writes_s, 1),
        "post": {k: v for k, v in figures(posts, tally.errors["write_new"], writes_s).items() if k != "per_second"},
        "server_cpu_ms_per_post": round(1000 * server_cpu / max(1, len(acknowledged)), 1) if not readers else None,
    }
    if readers:
        everything = [v for values in tally.latencies.values() for v in values]
        result["reads"] = figures(reads, read_errors, wall_s)
        result["all"] = figures(everything, sum(tally.errors.values()), wall_s)
        result["by_kind"] = {
            kind: figures(values, tally.errors[kind], wall_s) for kind, values in sorted(tally.latencies.items())
        }
    result["error_samples"] = dict(tally.samples)
    return result


async def mix(base: str, args: argparse.Namespace, texts: list[str], server_pid: int) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT_S, limits=limits(args.clients)) as client:
        start = time.perf_counter()
        replies = [(await client.post("/api/articles", json={"text": text})).json() for text in texts]
        story = replies[0]["story_id"]
        setup_s = time.perf_counter() - start
        seeds_briefed_s = await wait_current(client, story, CATCH_UP_TIMEOUT_S)
        state = {"story": story, "articles": [r["id"] for r in replies], "texts": texts}

        peer = Tally()
        start = time.perf_counter()
        await asyncio.gather(*(health_only(client, peer, start + PEER_SECONDS) for _ in range(args.clients)))
        peer_s = time.perf_counter() - start
        health = figures(peer.latencies["health"], peer.errors["health"], peer_s)

        writes = await phase(client, args, state, list(range(args.articles)), 0, server_pid)
        mixed = await phase(
            client, args, state, list(range(args.articles, 2 * args.articles)), args.clients - args.writers, server_pid
        )
        caught_up_s = await wait_current(client, story, CATCH_UP_TIMEOUT_S)
        all_caught_up_s, stories = await wait_all_current(client, CATCH_UP_TIMEOUT_S)
        reasons: dict[str, int] = defaultdict(int)
        for listed in stories:
            if listed["articles_failed"]:
                for failed in (await client.get(f"/api/stories/{listed['id']}")).json()["articles_failed"]:
                    reasons[failed["problem"]] += 1
        final = (await client.get(f"/api/stories/{story}")).json()
        versions = (await client.get(f"/api/stories/{story}/versions")).json()["versions"]
    return {
        "setup": {"seed_posts_s": round(setup_s, 2), "seed_brief_s": seeds_briefed_s},
        "peer_health_only": health | {"clients": args.clients, "error_samples": dict(peer.samples)},
        "writes": writes,
        "mix": mixed,
        "ratio_mix_to_peer_rps": round(mixed["all"]["per_second"] / health["per_second"], 3)
        if health["per_second"]
        else None,
        "briefs": {
            "caught_up_after_last_write_s": caught_up_s,
            "all_stories_caught_up_s": all_caught_up_s,
            "stories": len(stories),
            "story_sizes": sorted((len(s["articles"]) for s in stories), reverse=True)[:10],
            "story_articles": len(final["articles"]) + len(final["articles_failed"]),
            "briefed": len(final["articles"]),
            "left_out": len(final["articles_failed"]),
            "left_out_reasons_all_stories": dict(sorted(reasons.items())),
            "versions": len(versions),
        },
    }


def cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of one process (not its children) so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Server:
    """`newsfuse serve` on loopback, in its own process group (so that a kill takes its worker too)."""

    def __init__(self, db: Path, log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"  # loopback only: this script never targets another address
        env = {k: v for k, v in os.environ.items() if k != "NEWSFUSE_API_TOKEN"}
        command = [str(Path(sys.executable).parent / "newsfuse"), "serve", "--db", str(db)]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        self._log = log.open("a")
        started = time.perf_counter()
        self.process = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT, env=env, cwd=REPO, start_new_session=True
        )
        while True:
            try:
                if httpx.get(f"{self.base}/api/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None or time.perf_counter() - started > STARTUP_TIMEOUT_S:
                sys.exit(f"load.py: the server did not start; see {log}")
            time.sleep(0.1)
        self.startup_s = round(time.perf_counter() - started, 2)

    def terminate(self) -> float:
        started = time.perf_counter()
        self.process.terminate()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.kill()
        self._log.close()
        return round(time.perf_counter() - started, 2)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self._log.close()


async def kill_rounds(folder: Path, args: argparse.Namespace, texts: list[str]) -> dict[str, Any]:
    db = folder / "killed.db"
    acknowledged: dict[str, str] = {}
    rounds = []
    rng = random.Random(7)
    number = 100_000  # article numbers apart from the mix's
    server = Server(db, folder / "serve-kill.log")
    for _ in range(args.kills):
        tally = Tally()
        span = rng.uniform(*KILL_AFTER_S)
        async with httpx.AsyncClient(
            base_url=server.base, timeout=REQUEST_TIMEOUT_S, limits=limits(args.writers)
        ) as client:
            numbers = list(range(number, number + 1000))
            number += 1000
            until = time.perf_counter() + span
            tasks = [
                asyncio.create_task(writer(client, tally, numbers[i :: args.writers], until + 60, texts, acknowledged))
                for i in range(args.writers)
            ]
            await asyncio.sleep(span)
            server.kill()  # in the middle of writes and commits
            await asyncio.gather(*tasks, return_exceptions=True)
        with sqlite3.connect(db) as connection:
            integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        server = Server(db, folder / "serve-kill.log")
        async with httpx.AsyncClient(base_url=server.base, timeout=REQUEST_TIMEOUT_S, limits=limits(16)) as client:
            found = await asyncio.gather(*(client.get(f"/api/articles/{article}") for article in acknowledged))
        lost = [
            article
            for article, reply in zip(acknowledged, found, strict=True)
            if reply.status_code != 200 or reply.json()["story_id"] != acknowledged[article]
        ]
        rounds.append(
            {
                "writes_before_kill_s": round(span, 1),
                "acknowledged_so_far": len(acknowledged),
                "integrity_check": integrity,
                "restart_to_answer_s": server.startup_s,
                "acknowledged_lost": len(lost),
            }
        )
    server.terminate()
    return {
        "rounds": rounds,
        "acknowledged": len(acknowledged),
        "lost": sum(r["acknowledged_lost"] for r in rounds),
        "integrity": sorted({r["integrity_check"] for r in rounds}),
    }


def run_all(args: argparse.Namespace) -> dict[str, Any]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    folder = Path(tempfile.mkdtemp(prefix="newsfuse-load-"))
    try:
        server = Server(folder / "load.db", folder / "serve.log")
        try:
            result = asyncio.run(mix(server.base, args, texts, server.process.pid))
        finally:
            stop_s = server.terminate()
        result = {"server_startup_s": server.startup_s, **result, "sigterm_to_exit_s": stop_s}
        if args.kills:
            result["sigkill"] = asyncio.run(kill_rounds(folder, args, texts))
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=24)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--articles", type=int, default=320, help="new articles the writers post between them")
    parser.add_argument("--seconds", type=float, default=120.0, help="the most the mix may last")
    parser.add_argument("--kills", type=int, default=3, help="SIGKILL rounds under writes")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "load.json")
    args = parser.parse_args()
    if not SEEDS.is_dir():
        sys.exit(f"load.py: {SEEDS} is absent (the seed articles beside the checkout)")
    if not 0 < args.writers < args.clients:
        sys.exit("load.py: --writers must be at least 1 and fewer than --clients")

    result: dict[str, Any] = {
        "command": "python bench/load.py " + " ".join(sys.argv[1:]),
        "config": {
            "clients": args.clients,
            "writers": args.writers,
            "articles": args.articles,
            "seconds_cap": args.seconds,
            "kills": args.kills,
            "server": "newsfuse serve (uvicorn, 1 worker; briefs in one worker process), SQLite store, 127.0.0.1",
            "client": "httpx.AsyncClient in one process on the same machine",
        },
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }
    result.update(run_all(args))
    result["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: result.get(k) for k in ("writes", "briefs", "sigkill", "sigterm_to_exit_s")}))


if __name__ == "__main__":
    main()
