"""The two formats of extraction evaluation set, read into one list of pages with their gold.

- fundus-eval's: `html/<name>.html.gz` and `ground_truth.json` (name -> {"body": [paragraphs]}), the
  hand-made article body of each news page; pages are named `<Publisher>_<n>.html.gz`.
- trafilatura's benchmark: `html/<file>.gz` and `evaldata.json` (url -> {"file", "with", "without"}),
  snippets that must and must not be in the page's main text, on pages of any kind and language.

Each page belongs to a group (its publisher or site), and each group to one of two halves by a hash
of its name: thresholds are chosen on the calibration half and figures reported on the held-out
half, so no site is on both sides (a site's template is what a rule fitted to it would learn).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from newsfuse.errors import EvaluationDataError
from newsfuse.evaluation.datasets import require

SetFormat = Literal["fundus", "snippets"]
# The Wayback Machine's address of a page: .../web/<timestamp>/<the page's own address>.
_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(.+)$")


class Half(StrEnum):
    all = "all"
    calibration = "calibration"
    held_out = "held-out"


@dataclass(frozen=True, slots=True)
class EvalPage:
    name: str  # the file name (fundus-eval) or the page's URL (trafilatura's set)
    path: Path
    group: str  # the publisher or site
    paragraphs: tuple[str, ...] = ()  # gold body (fundus-eval); "[...]" marks an optional paragraph
    wanted: tuple[str, ...] = ()  # snippets of the main text (trafilatura's "with")
    unwanted: tuple[str, ...] = ()  # snippets that must not be in it ("without")

    @property
    def half(self) -> Half:
        return half_of(self.group)


@dataclass(frozen=True, slots=True)
class EvalSet:
    format: SetFormat
    pages: tuple[EvalPage, ...]


def half_of(group: str) -> Half:
    """A stable, unbiased coin per publisher or site: the first bit of a hash of its name."""
    digest = hashlib.blake2b(group.encode("utf-8"), digest_size=8).digest()
    return Half.calibration if digest[0] % 2 == 0 else Half.held_out


def load_set(data: Path, *, half: Half = Half.all, limit: int | None = None, every: int = 1) -> EvalSet:
    """The pages of the set in DATA, in a stable order; `every` N-th page gives a subset that still
    covers most groups, `limit` the first N of those."""
    if (data / "ground_truth.json").exists():
        fmt: SetFormat = "fundus"
        pages = _fundus_pages(data)
    elif (data / "evaldata.json").exists():
        fmt = "snippets"
        pages = _snippet_pages(data)
    else:
        raise EvaluationDataError(
            f"{data}: neither ground_truth.json (fundus-eval) nor evaldata.json (trafilatura's benchmark) found"
            " (pass --data, or set NEWSFUSE_EVAL_DIR)"
        )
    chosen = [page for page in pages if half is Half.all or page.half is half]
    return EvalSet(fmt, tuple(chosen[::every][:limit]))


def _fundus_pages(data: Path) -> list[EvalPage]:
    truth_file = data / "ground_truth.json"
    try:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        bodies = {name: tuple(str(paragraph) for paragraph in entry["body"]) for name, entry in truth.items()}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise EvaluationDataError(f"{truth_file}: not in the fundus-eval format ({exc})") from None
    return [
        EvalPage(name, require(data / "html" / name, "page"), name.rsplit("_", 1)[0], paragraphs=body)
        for name, body in sorted(bodies.items())
    ]


def _snippet_pages(data: Path) -> list[EvalPage]:
    evaldata = data / "evaldata.json"
    try:
        entries = json.loads(evaldata.read_text(encoding="utf-8"))
        pages = [
            EvalPage(
                url,
                require(data / "html" / f"{entry['file']}.gz", "page"),
                site_of(url, str(entry["file"])),
                wanted=tuple(str(s) for s in entry["with"] if s),
                unwanted=tuple(str(s) for s in entry["without"] if s),
            )
            for url, entry in entries.items()
        ]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise EvaluationDataError(f"{evaldata}: not in trafilatura's evaldata format ({exc})") from None
    return sorted(pages, key=lambda page: page.name)


def site_of(url: str, file: str) -> str:
    """The site a page of trafilatura's set comes from: its host (an archived page's own host), else
    the domain its file is named after ("hard::" entries have no URL)."""
    archived = _ARCHIVED.match(url)
    if archived:
        inner = archived.group(1)
        url = inner if "://" in inner else f"http://{inner}"
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if host and "." in host:
        return host
    return file.lower().removeprefix("www.").split("-", 1)[0].removesuffix(".html")
