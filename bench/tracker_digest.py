"""A fingerprint of what the incremental tracker decides on the generated archive (bench/stories.py's
corpus), for checking that a change meant only to speed it up decides nothing differently.

Prints one SHA-256 over every `StoryTracker.add` answer in arrival order and the final stories (id,
headline, dates, articles), with the tracker's CPU seconds. Run it on two checkouts and compare:

    PYTHONPATH=src .venv/bin/python bench/tracker_digest.py --size 10000

Any difference, a tie flipped by a float summed in another order included, changes the digest.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time

from newsfuse.stories import StoryTracker
from stories import generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size", type=int, default=10_000, help="articles in the generated stream")
    args = parser.parse_args()
    articles, _ = generate(args.size)
    tracker = StoryTracker()
    cpu = time.process_time()
    answers = [tracker.add(article) for article in articles]
    stories = tracker.stories()
    cpu = time.process_time() - cpu
    final = sorted((s.id, s.headline, str(s.start), str(s.end), sorted(s.article_ids)) for s in stories)
    digest = hashlib.sha256(json.dumps([answers, final]).encode("utf-8")).hexdigest()
    print(json.dumps({"articles": args.size, "stories": len(stories), "cpu_s": round(cpu, 1), "digest": digest}))


if __name__ == "__main__":
    main()
