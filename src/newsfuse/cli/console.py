"""What the CLI prints besides results: progress on stderr, one line per failed input, the exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TextIO

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


@contextmanager
def count_bar(label: str, total: int) -> Iterator[Callable[[int], None]]:
    """ "label k of N" with a bar on stderr when it is a terminal; silent otherwise."""
    console = Console(stderr=True)
    if not console.is_terminal or total <= 1:
        yield lambda _step: None
        return
    columns = (TextColumn(label), MofNCompleteColumn(), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda step: progress.advance(task, step)


class FailureReport:
    """Says on stderr, as each happens, which input was skipped or which story's brief is incomplete,
    one line each; `exit_code` is 2 once anything was."""

    def __init__(self) -> None:
        self.count = 0

    def add(self, failure: Failure) -> None:
        self.count += 1
        print(f"newsfuse: skipped {_one_line(failure.origin)}: {_one_line(failure.problem)}", file=sys.stderr)

    def extend(self, failures: Iterable[Failure]) -> None:
        for failure in failures:
            self.add(failure)

    def incomplete(self, story_id: str, error: str) -> None:
        self.count += 1
        print(f"newsfuse: brief of story {story_id} is incomplete: {_one_line(error)}", file=sys.stderr)

    @property
    def exit_code(self) -> int:
        return EXIT_BAD_INPUT if self.count else 0


class Output:
    """Where results go, stdout or a file, written piece by piece (so that a JSON Lines run shows each
    story as it is done). A file that cannot be opened is one line on stderr and exit code 2."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._stream: TextIO = sys.stdout

    def __enter__(self) -> Output:
        if self._path is not None:
            try:
                self._stream = self._path.open("w", encoding="utf-8")
            except OSError as exc:
                print(f"newsfuse: cannot write {self._path}: {exc.strerror}", file=sys.stderr)
                raise SystemExit(EXIT_BAD_INPUT) from None
        return self

    def write(self, text: str) -> None:
        self._stream.write(text if text.endswith("\n") else text + "\n")
        self._stream.flush()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._stream is not sys.stdout:
            self._stream.close()


def report_failures(failures: Sequence[Failure]) -> int:
    """One line per failure on stderr; the exit code: 2 if anything was skipped, else 0."""
    report = FailureReport()
    report.extend(failures)
    return report.exit_code


def report_left_out(left_out: Sequence[Failure]) -> int:
    """One line per stored article that its story's brief had to leave out; the exit code (2 if any)."""
    for failure in left_out:
        print(f"newsfuse: {_one_line(failure.origin)}: {_one_line(failure.problem)}", file=sys.stderr)
    return EXIT_BAD_INPUT if left_out else 0


def _one_line(text: str) -> str:
    """Control characters (a newline in a file name) shown escaped, so each problem stays one line."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
