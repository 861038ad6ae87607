"""Load test of `newsfuse serve`: concurrent clients mixing reads and writes, on loopback only.

The script starts its own server (`newsfuse serve` on 127.0.0.1, a fresh SQLite store in a temporary
folder), posts the five seed articles (../shared/seeds) so there is a story to read, then runs:

1. the peer, for 5 s: every client asks `GET /api/health` only (the framework and loopback floor);
2. the mix, for 30 s: `--clients` concurrent clients. `--writers` of them post new articles one after
   another (each a variant of a seed: one paragraph left out, so a new content hash that joins the
   seed story, is clustered and re-briefed before the reply); the others mix reads of every kind
   (story list, brief, article, search, versions, the web story page and list) with re-posts of seed
   articles (idempotent writes). No client starts a request after the 30 s; requests in flight then
   finish (each bounded by a 120 s timeout), and the server is stopped.

Every reply that is not the expected status counts as an error. Figures: requests per second, p50
and p99 latency overall and per kind, errors, and the mix's rate as a share of the peer's. Results
go to bench/results/load.json.

Run: .venv/bin/python bench/load.py [--clients 50] [--writers 2] [--seconds 30] [--out bench/results/load.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import socket
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
        "per_second": round(len(values) / seconds, 1),
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
    client: httpx.AsyncClient, tally: Tally, until: float, state: dict[str, Any], rng: random.Random
) -> None:
    kinds, weights = zip(*READ_MIX.items(), strict=True)
    while time.perf_counter() < until:
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
    client: httpx.AsyncClient, tally: Tally, until: float, state: dict[str, Any], first: int, step: int
) -> None:
    number = first
    while time.perf_counter() < until:
        await call(client, tally, "write_new", "POST", "/api/articles", {201}, json=variant(state["texts"], number))
        number += step


async def health_only(client: httpx.AsyncClient, tally: Tally, until: float) -> None:
    while time.perf_counter() < until:
        await call(client, tally, "health", "GET", "/api/health", {200})


async def run(base: str, clients: int, writers: int, seconds: float) -> dict[str, Any]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    limits = httpx.Limits(max_connections=clients + 5, max_keepalive_connections=clients + 5)
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT_S, limits=limits) as client:
        start = time.perf_counter()
        replies = [(await client.post("/api/articles", json={"text": text})).json() for text in texts]
        setup_s = time.perf_counter() - start
        state = {"story": replies[0]["story_id"], "articles": [r["id"] for r in replies], "texts": texts}

        peer = Tally()
        start = time.perf_counter()
        await asyncio.gather(*(health_only(client, peer, start + PEER_SECONDS) for _ in range(clients)))
        peer_s = time.perf_counter() - start

        tally = Tally()
        rng = random.Random(11)
        start = time.perf_counter()
        until = start + seconds
        tasks = [writer(client, tally, until, state, i, writers) for i in range(writers)]
        tasks += [reader(client, tally, until, state, random.Random(rng.random())) for _ in range(clients - writers)]
        await asyncio.gather(*tasks)
        mix_s = time.perf_counter() - start
        final = (await client.get(f"/api/stories/{state['story']}/versions")).json()["versions"]

    everything = [v for values in tally.latencies.values() for v in values]
    reads = [v for kind, values in tally.latencies.items() if kind not in ("write_new", "repost") for v in values]
    read_errors = sum(n for kind, n in tally.errors.items() if kind not in ("write_new", "repost"))
    mix = figures(everything, sum(tally.errors.values()), mix_s)
    health = figures(peer.latencies["health"], peer.errors["health"], peer_s)
    return {
        "setup": {
            "seed_posts_s": round(setup_s, 2),
            "story_articles_after": final[0]["articles"],
            "brief_versions_after": len(final),
        },
        "peer_health_only": health,
        "mix": mix,
        "mix_wall_s": round(mix_s, 1),
        "reads": figures(reads, read_errors, mix_s),
        "by_kind": {
            kind: figures(values, tally.errors[kind], mix_s) for kind, values in sorted(tally.latencies.items())
        },
        "error_samples": dict(tally.samples) | {f"peer {k}": v for k, v in peer.samples.items()},
        "ratio_mix_to_peer_rps": round(mix["per_second"] / health["per_second"], 3) if health["per_second"] else None,
    }


def serve_and_run(args: argparse.Namespace) -> dict[str, Any]:
    """Start a server on a fresh store, run the peer and the mix against it, stop it."""
    folder = Path(tempfile.mkdtemp(prefix="newsfuse-load-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"  # loopback only: this script never targets another address
    env = {k: v for k, v in os.environ.items() if k != "NEWSFUSE_API_TOKEN"}
    command = [str(Path(sys.executable).parent / "newsfuse"), "serve", "--db", str(folder / "load.db")]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    log = (folder / "serve.log").open("w")
    started = time.perf_counter()
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO)
    try:
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.perf_counter() - started > STARTUP_TIMEOUT_S:
                sys.exit(f"load.py: the server did not start; see {folder / 'serve.log'}")
            time.sleep(0.5)
        startup_s = time.perf_counter() - started
        result = asyncio.run(run(base, args.clients, args.writers, args.seconds))
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        shutil.rmtree(folder, ignore_errors=True)
    return {"server_startup_s": round(startup_s, 1), **result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "load.json")
    args = parser.parse_args()
    if not SEEDS.is_dir():
        sys.exit(f"load.py: {SEEDS} is absent (the seed articles beside the checkout)")
    if not 0 <= args.writers < args.clients:
        sys.exit("load.py: --writers must be at least 0 and fewer than --clients")

    result: dict[str, Any] = {
        "command": "python bench/load.py " + " ".join(sys.argv[1:]),
        "config": {
            "clients": args.clients,
            "writers": args.writers,
            "seconds": args.seconds,
            "server": "newsfuse serve (uvicorn, 1 worker), SQLite store, 127.0.0.1",
            "client": "httpx.AsyncClient in one process on the same machine",
        },
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }
    result.update(serve_and_run(args))
    result["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("mix", "reads", "peer_health_only", "ratio_mix_to_peer_rps")}))


if __name__ == "__main__":
    main()
