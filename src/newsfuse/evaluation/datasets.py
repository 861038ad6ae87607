"""Where the evaluation sets live by default: ../shared/eval beside the checkout, or $NEWSFUSE_EVAL_DIR."""

from __future__ import annotations

import os
from pathlib import Path

from newsfuse.errors import EvaluationDataError


def eval_root() -> Path:
    configured = os.environ.get("NEWSFUSE_EVAL_DIR")
    if configured:
        return Path(configured)
    # The checkout's parent holds shared/ (see the README); walk up from the working directory.
    for folder in (Path.cwd(), *Path.cwd().parents):
        candidate = folder / "shared" / "eval"
        if candidate.is_dir():
            return candidate
        candidate = folder.parent / "shared" / "eval"
        if candidate.is_dir():
            return candidate
    return Path("../shared/eval")


def default_data_path(name: str) -> Path:
    return eval_root() / name


def require(path: Path, what: str) -> Path:
    if not path.exists():
        raise EvaluationDataError(f"{path}: {what} not found (pass --data, or set NEWSFUSE_EVAL_DIR)")
    return path
