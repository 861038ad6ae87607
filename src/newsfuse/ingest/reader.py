"""Read inputs (files, folders, URLs, feeds) into raw documents, reporting each bad one and going on."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.errors import InputError
from newsfuse.ingest.decode import DEFAULT_MAX_BYTES, check_size, decode_bytes, gunzip, is_gzip, size_text
from newsfuse.ingest.feeds import read_feed
from newsfuse.ingest.fetch import Fetcher
from newsfuse.ingest.formats import Kind, kind_from_name, sniff
from newsfuse.ingest.jsonl import read_jsonl
from newsfuse.ingest.repair import repair_document
from newsfuse.models import Failure, RawDocument


@dataclass
class ReadOptions:
    """How inputs are read. `online` lets feeds pull each item's page; URLs given directly are always fetched."""

    max_bytes: int = DEFAULT_MAX_BYTES
    online: bool = False
    fetcher: Fetcher = field(default_factory=Fetcher)


def is_url(value: str) -> bool:
    return value[:8].lower().startswith(("http://", "https://"))


class Reader:
    """Turns input names into raw documents and failures, in input order."""

    def __init__(self, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()

    def read(self, inputs: Iterable[str]) -> Iterator[RawDocument | Failure]:
        for unit in expand_inputs(inputs):
            if isinstance(unit, Failure):
                yield unit
            else:
                yield from self.read_unit(unit)

    def read_unit(self, name: str) -> Iterator[RawDocument | Failure]:
        """Read one URL or one file (an item of `expand_inputs`)."""
        try:
            if is_url(name):
                yield from self.read_url(name)
            else:
                path = Path(name)
                yield from self._read_file(path, kind_from_name(path.name))
        except InputError as exc:
            yield Failure(exc.origin, exc.problem)

    def read_url(self, url: str) -> Iterator[RawDocument | Failure]:
        response = self.options.fetcher.get(url)
        text = decode_bytes(url, response.body, declared=response.charset)
        kind = sniff(text, response.content_type)
        yield from self._parse(url, text, kind, path=None, url=response.url)

    def read_text(self, origin: str, text: str, kind: Kind | None = None) -> Iterator[RawDocument | Failure]:
        """Read content already in memory (an API request body, a test) as if it came from `origin`."""
        try:
            yield from self._parse(origin, text, kind or sniff(text), path=None, url=None)
        except InputError as exc:
            yield Failure(exc.origin, exc.problem)

    def _read_file(self, path: Path, kind: Kind | None) -> Iterator[RawDocument | Failure]:
        origin = str(path)
        data = _read_capped(path, self.options.max_bytes)
        if is_gzip(data):
            data = gunzip(origin, data, self.options.max_bytes)
        elif path.name.lower().endswith(".gz"):
            raise InputError(origin, "named .gz but not gzip data")
        text = decode_bytes(origin, data)
        yield from self._parse(origin, text, kind or sniff(text), path=origin, url=None)

    def _parse(
        self, origin: str, text: str, kind: Kind, *, path: str | None, url: str | None
    ) -> Iterator[RawDocument | Failure]:
        """Every document the text holds, each repaired (`newsfuse.ingest.repair`), and each failure."""
        for item in self._documents(origin, text, kind, path=path, url=url):
            yield repair_document(item) if isinstance(item, RawDocument) else item

    def _documents(
        self, origin: str, text: str, kind: Kind, *, path: str | None, url: str | None
    ) -> Iterator[RawDocument | Failure]:
        if kind == "jsonl":
            yield from read_jsonl(origin, text, path)
        elif kind == "feed":
            loader = self._load_page if self.options.online else None
            yield from read_feed(origin, text, path, load_page=loader)
        else:
            yield RawDocument(origin=origin, content=text, format=kind, path=path, url=url)

    def _load_page(self, url: str) -> RawDocument:
        for item in self.read_url(url):
            if isinstance(item, RawDocument):
                return item
            raise InputError(item.origin, item.problem)
        raise InputError(url, "the page held no document")


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | Failure]:
    """The URLs and files that the inputs name, in reading order (a folder's article files in name
    order), and a failure for each input or folder that cannot be listed."""
    for name in inputs:
        if is_url(name):
            yield name
            continue
        path = Path(name)
        try:
            is_folder = stat.S_ISDIR(path.stat().st_mode)
        except OSError as exc:
            yield Failure(str(path), _os_problem(path, exc))
            continue
        if not is_folder:
            yield str(path)
            continue
        found = False
        for entry in _walk(path):
            if isinstance(entry, Path):
                found = True
                yield str(entry)
            else:
                yield entry
        if not found:
            yield Failure(str(path), "the folder holds no article files (.txt, .md, .html, .jsonl, .rss, .atom, .xml)")


def _read_capped(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes, refused unread when its size is over the limit and capped while read."""
    origin = str(path)
    try:
        # Non-blocking, so that a named pipe among the files is refused instead of waited on.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(origin, _os_problem(path, exc)) from None
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise InputError(origin, "not a regular file")
            check_size(origin, info.st_size, max_bytes)
            # Files that report no size (/proc, some network mounts) are capped while read.
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(origin, _os_problem(path, exc)) from None
    if len(data) > max_bytes:
        raise InputError(origin, f"too large (over the {size_text(max_bytes)} limit)")
    return data


def _os_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if path.is_symlink() else "no such file or directory"
    return f"cannot read ({(exc.strerror or type(exc).__name__).lower()})"


def _walk(root: Path) -> Iterator[Path | Failure]:
    """Article files under a folder, in name order, and a failure for each folder that cannot be listed.

    Hidden entries and unknown file types are skipped. Symbolic links to folders are followed, each
    folder once, so a link loop ends instead of recursing.
    """
    problems: list[OSError] = []
    seen: set[tuple[int, int]] = set()
    for directory, subdirs, files in os.walk(root, followlinks=True, onerror=problems.append):
        yield from _drain(problems)
        try:
            here = os.stat(directory)
        except OSError as exc:
            yield Failure(directory, _os_problem(Path(directory), exc))
            subdirs[:] = []
            continue
        if (here.st_dev, here.st_ino) in seen:
            subdirs[:] = []
            continue
        seen.add((here.st_dev, here.st_ino))
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and kind_from_name(name) is not None:
                yield Path(directory) / name
    yield from _drain(problems)


def _drain(problems: list[OSError]) -> Iterator[Failure]:
    while problems:
        exc = problems.pop(0)
        where = str(exc.filename) if exc.filename else "folder"
        yield Failure(where, _os_problem(Path(where), exc))
