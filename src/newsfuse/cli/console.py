"""What the CLI prints besides results: progress on stderr, one line per failed input, the exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsfuse.models import Failure

EXIT_BAD_INPUT = 2


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int], None]]:
    """A progress line on stderr when it is a terminal; silent otherwise (pipes, CI, tests)."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda _step: None
        return
    columns = (SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=None)
        yield lambda step: progress.advance(task, step)


def report_failures(failures: Sequence[Failure]) -> int:
    """One line per failure on stderr; the exit code: 2 if anything was skipped, else 0."""
    for failure in failures:
        print(f"newsfuse: skipped {_one_line(failure.origin)}: {_one_line(failure.problem)}", file=sys.stderr)
    return EXIT_BAD_INPUT if failures else 0


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"newsfuse: cannot write {output}: {exc.strerror}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT) from None


def _one_line(text: str) -> str:
    """Control characters (a newline in a file name) shown escaped, so each problem stays one line."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
