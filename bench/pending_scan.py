"""Scan ECB+ dev briefs for the two misleading-line shapes of issue 22 (pending states, headline decks).

Briefs every sub-topic (`<topic>_ecb`, `<topic>_ecbplus`) of the chosen topics as `brief` briefs one
story, and writes, per story, its lede, quick-read and what-happened lines (with the articles they
cite) to a JSON file; lines of a pending shape (a negation or a future) and lines in headline shape
(no subject before the first verb) are flagged for reading. The shapes are deliberately broad: this
finds what to read, it decides nothing.

    PYTHONPATH=src python bench/pending_scan.py --topics odd --out /tmp/scan-odd.json
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from newsfuse.clean import Cleaner
from newsfuse.evaluation.datasets import default_data_path
from newsfuse.evaluation.stories import as_written, read_document
from newsfuse.models import Failure, RawDocument
from newsfuse.service import Newsfuse

PENDING = re.compile(
    r"\b(?:not|n't|never|yet\s+to|no\s+\w+\s+(?:has|have|had)|expected\s+to|will|would|plans?\s+to|"
    r"scheduled\s+to|set\s+to|due\s+to|pending|awaiting|unclear|unknown|unidentified)\b",
    re.IGNORECASE,
)
HEADLINE = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){0,4}(?:to\s+\w+|\w+ed\b|\w+en\b)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--topics", choices=("odd", "even", "all"), default="odd")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    root = default_data_path("ecbplus-dev") / "ECB+"
    topics = sorted(int(p.name) for p in root.iterdir() if p.name.isdigit())
    if args.topics != "all":
        topics = [t for t in topics if t % 2 == (1 if args.topics == "odd" else 0)]
    service = Newsfuse()
    cleaner = Cleaner()
    stories = []
    for topic in topics:
        for kind in ("ecb", "ecbplus"):
            paths = sorted((root / str(topic)).glob(f"{topic}_*{kind}.xml"))
            texts = []
            for path in paths:
                document = read_document(path)
                texts.append((path.stem, "\n\n".join(as_written(p) for p in document.split("\n\n"))))
            raws = [RawDocument(origin=f"{n}.txt", content=t, format="text", path=f"{n}.txt") for n, t in texts]
            articles = [a for a in cleaner.clean_batch(raws) if not isinstance(a, Failure)]
            if not articles:
                continue
            story_id = f"{topic}_{kind}"
            brief = service.brief_story(story_id, articles)
            lines = []
            for section, sentences in (
                ("lede", brief.lede),
                ("quick_read", brief.sections.quick_read),
                ("what_happened", brief.sections.what_happened),
                ("background", brief.sections.background),
                ("whats_next", brief.sections.whats_next),
            ):
                for sentence in sentences:
                    lines.append(
                        {
                            "section": section,
                            "text": sentence.text,
                            "sources": list(sentence.sources),
                            "pending": bool(PENDING.search(sentence.text)),
                            "headline_shape": bool(HEADLINE.match(sentence.text)),
                        }
                    )
            stories.append({"story": story_id, "articles": [a.id for a in articles], "lines": lines})
            print(story_id, len(articles), sum(line["pending"] for line in lines), flush=True)
    args.out.write_text(json.dumps(stories, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
