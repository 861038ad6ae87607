"""False alarms on real news: the open conflicts the claims stage raises over NeuS or ECB+ stories.

Each neus-val story is one event told by three outlets (left, centre, right), excerpts of one to
three paragraphs, with few true contradictions between them: most of what the stage raises there as
open is a false alarm. The run counts open and reconciled conflicts per story and by kind, and
`--out` writes every open conflict with its sides' evidence (one JSON object a line) for reading;
evaluation/README.md keeps the verdicts of the last reading. ECB+ dev reads the same way, one story per
gold sub-topic (one real event, full articles from many outlets): a second set of another character.
A PolNeAR split (`polnear/train` or `polnear/dev`: US election news of seven outlets, 2015-16) has no
gold stories: its texts, dated and titled from `metadata.tsv`, are grouped by newsfuse's own stories
stage as the service groups them, and each story told by at least MIN_OUTLETS outlets is checked. No
conflict rule was drawn from those stories before issue 21's PolNeAR round (see evaluation/README.md).
Two more sets are grouped the same way, as fresh checks no conflict rule was drawn from: TimeBank
(`timebank`: 1989-98 wire, newspaper and broadcast news, dated by their DCT, the outlet read from the
file name) and fundus-eval (`fundus-eval`: 80 pages of 16 publishers from one week of 2024, read as
their gold body text, undated, since the crawl day is not the day of publication).
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from newsfuse.claims import ClaimAligner
from newsfuse.clean import Cleaner
from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.polnear import read_metadata, read_split
from newsfuse.evaluation.stories import as_written, load_ecbplus
from newsfuse.evaluation.summaries import load
from newsfuse.evaluation.timeml import read_folder
from newsfuse.extract import Extractor
from newsfuse.models import Article, Conflict, RawDocument, article_id, join_paragraphs
from newsfuse.provenance import trace
from newsfuse.stories.blocks import cluster_blocked

# A story checked for conflicts is told by at least this many outlets: one outlet's articles rarely
# restate each other, and a conflict between outlets is what a reader is warned of.
MIN_OUTLETS = 2
# TimeBank's file names start with their outlet's code; AP's world wire (APW) is AP, and the two
# transcript prefixes of one ABC source ("ea", "ed") are one outlet.
TIMEBANK_OUTLETS = {"APW": "AP", "ED": "EA"}


def story_conflicts(articles: tuple[Article, ...], extractor: Extractor, aligner: ClaimAligner) -> tuple[Conflict, ...]:
    """The stages the claims stage stands on, then its conflicts, as the service runs them."""
    provenance = trace(articles)
    independence = provenance.source_keys()
    translated = frozenset(a for a in provenance.articles if provenance.machine_translated(a))
    facts = extractor.extract(articles, independence=independence, translated=translated)
    return aligner.align(articles, facts, provenance).conflicts


def load_stories(data: Path, limit: int | None = None) -> list[tuple[str, tuple[Article, ...]]]:
    """NeuS (`val.source`, one story a line, named by its line number) or ECB+ (one story per gold
    sub-topic, "<topic>_ecb" or "<topic>_ecbplus", its documents in name order) or a PolNeAR split
    (`polnear_stories`)."""
    if (data / "val.source").exists() or data.name == "val.source":
        return [(str(n), story.articles) for n, story in enumerate(load(data, limit=limit), start=1)]
    if (data / "text").is_dir():
        return polnear_stories(data)[:limit]
    if (data / "ground_truth.json").exists():
        return fundus_stories(data)[:limit]
    if any(data.glob("*.tml")):
        return timebank_stories(data)[:limit]
    by_label: dict[str, list[Article]] = {}
    for document in load_ecbplus(data):
        text, paragraphs = join_paragraphs([as_written(s) for s in document.text.split("\n\n")])
        article = Article(id=article_id(text, source=document.name), text=text, paragraphs=paragraphs)
        by_label.setdefault(document.label, []).append(article)
    if not by_label:
        raise EvaluationDataError(f"{data}: neither NeuS (val.source) nor ECB+ documents")
    return [(label, tuple(articles)) for label, articles in sorted(by_label.items())][:limit]


def polnear_stories(split: Path) -> list[tuple[str, tuple[Article, ...]]]:
    """The stories of one PolNeAR split (`polnear/train`, `polnear/dev`) told by MIN_OUTLETS outlets or
    more, as the stories stage groups its cleaned texts (each with its outlet, day and title from
    `metadata.tsv`), in the stage's order, largest first. A story is named by its earliest text."""
    metadata = read_metadata(split.parent / "metadata.tsv")
    raws = []
    for text in read_split(split):
        if text.name not in metadata:
            raise EvaluationDataError(f"{split}: {text.name} has no row in metadata.tsv")
        row = metadata[text.name]
        raws.append(
            RawDocument(
                origin=text.name,
                content=text.text,
                format="text",
                title=row.title,
                source=row.publisher,
                published=row.published,
            )
        )
    return grouped(raws)


def timebank_stories(folder: Path) -> list[tuple[str, tuple[Article, ...]]]:
    """TimeBank's documents as the stories stage groups them (dated by their DCT, each with the outlet
    its file name begins with), those told by MIN_OUTLETS outlets or more."""
    raws = []
    for document in read_folder(folder):
        code = "".join(itertools.takewhile(str.isalpha, document.name)).upper()
        raws.append(
            RawDocument(
                origin=document.name,
                content=document.text,
                format="text",
                source=TIMEBANK_OUTLETS.get(code, code),
                published=document.dct,
            )
        )
    return grouped(raws)


def fundus_stories(folder: Path) -> list[tuple[str, tuple[Article, ...]]]:
    """fundus-eval's pages as their gold body paragraphs, the publisher from the page's name
    ("APNews_0.html.gz"), grouped as the stories stage groups them; MIN_OUTLETS outlets or more."""
    try:
        truth = json.loads((folder / "ground_truth.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationDataError(f"{folder}/ground_truth.json: cannot be read ({exc})") from None
    raws = [
        RawDocument(origin=name, content="\n\n".join(page["body"]), format="text", source=name.split("_")[0])
        for name, page in sorted(truth.items())
    ]
    return grouped(raws)


def grouped(raws: list[RawDocument]) -> list[tuple[str, tuple[Article, ...]]]:
    """Cleaned texts grouped by the stories stage (`cluster_blocked`, as the service does), the stories
    of MIN_OUTLETS outlets or more, in the stage's order, each named by its earliest text."""
    articles = [a for a in Cleaner().clean_batch(raws) if isinstance(a, Article)]
    by_id = {a.id: a for a in articles}
    out = []
    for story in cluster_blocked(articles):
        members = tuple(by_id[i] for i in story.article_ids)
        if len({a.source for a in members}) >= MIN_OUTLETS:
            first = min(members, key=lambda a: (a.published or date.min, a.origin or ""))
            out.append((first.origin or story.id, members))
    return out


def evaluate_conflicts(data: Path, *, limit: int | None = None, out: Path | None = None) -> dict[str, Any]:
    """`limit` keeps the first N stories."""
    chosen = load_stories(data, limit=limit)
    extractor, aligner = Extractor(), ClaimAligner()
    open_kinds: Counter[str] = Counter()
    reconciled = 0
    flagged: list[str] = []
    lines: list[str] = []
    for number, articles in chosen:
        texts = {a.id: a.text for a in articles}
        conflicts = story_conflicts(articles, extractor, aligner)
        opened = [c for c in conflicts if c.status == "open"]
        reconciled += len(conflicts) - len(opened)
        open_kinds.update(c.kind for c in opened)
        if opened:
            flagged.append(number)
        for conflict in opened:
            sides = [
                {"value": s.value, "evidence": [texts[e.article_id][e.start : e.end] for e in s.evidence]}
                for s in conflict.sides
            ]
            record = {"story": number, "kind": conflict.kind, "about": conflict.about, "sides": sides}
            lines.append(json.dumps(record | {"explanation": conflict.explanation}, ensure_ascii=False))
    if out is not None:
        out.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    total = sum(open_kinds.values())
    return {
        "set": "conflicts",
        "stories": len(chosen),
        "open_conflicts": total,
        "open_per_story": round(total / len(chosen), 4),
        "stories_with_open_conflicts": flagged,
        "open_by_kind": dict(sorted(open_kinds.items())),
        "reconciled_conflicts": reconciled,
    }
