"""Files and folders: every bad input becomes one Failure naming it, and the rest of the batch goes on."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from newsfuse.ingest import Reader, ReadOptions
from newsfuse.models import Failure, RawDocument
from tests.ingest.samples import german_text, story_html, story_text

FIFTY_MB = 50 * 1024 * 1024


def read(*paths: Path | str, options: ReadOptions | None = None) -> list[RawDocument | Failure]:
    return list(Reader(options).read([str(path) for path in paths]))


def failures(items: list[RawDocument | Failure]) -> dict[str, str]:
    return {item.origin: item.problem for item in items if isinstance(item, Failure)}


def documents(items: list[RawDocument | Failure]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def test_a_folder_of_good_and_bad_files_reports_each_bad_one_and_reads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "01_story.txt").write_text(story_text(), encoding="utf-8")
    (tmp_path / "02_empty.txt").write_bytes(b"")
    (tmp_path / "03_image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (tmp_path / "04_page.html").write_text(story_html(), encoding="utf-8")
    with open(tmp_path / "05_huge.txt", "wb") as handle:
        handle.truncate(FIFTY_MB)  # sparse: 50 MB on paper, nothing on disk
    (tmp_path / "06_fake.txt.gz").write_text(story_text(), encoding="utf-8")
    (tmp_path / "07_german.txt").write_bytes(german_text().encode("cp1252"))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7 not an article type, skipped by name")
    (tmp_path / ".hidden.txt").write_text(story_text(), encoding="utf-8")

    items = read(tmp_path)

    assert failures(items) == {
        str(tmp_path / "02_empty.txt"): "empty input",
        str(tmp_path / "03_image.html"): "binary data, not text",
        str(tmp_path / "05_huge.txt"): "too large (52.4 MB; the limit is 21.0 MB)",
        str(tmp_path / "06_fake.txt.gz"): "named .gz but not gzip data",
    }
    docs = documents(items)
    assert [doc.origin for doc in docs] == [
        str(tmp_path / name) for name in ("01_story.txt", "04_page.html", "07_german.txt")
    ]
    assert [doc.format for doc in docs] == ["text", "html", "text"]
    assert docs[2].content == german_text()
    assert all(doc.path == doc.origin for doc in docs)


def test_paths_that_do_not_exist_are_reported_and_the_others_read(tmp_path: Path) -> None:
    good = tmp_path / "story.txt"
    good.write_text(story_text(), encoding="utf-8")
    items = read(tmp_path / "missing.txt", good, tmp_path / "no-folder" / "x.html")
    assert failures(items) == {
        str(tmp_path / "missing.txt"): "no such file or directory",
        str(tmp_path / "no-folder" / "x.html"): "no such file or directory",
    }
    assert [doc.origin for doc in documents(items)] == [str(good)]


def test_a_50_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    huge = tmp_path / "dump.txt"
    with open(huge, "wb") as handle:
        handle.truncate(FIFTY_MB)
    items = read(huge, options=ReadOptions(max_bytes=FIFTY_MB - 1))
    assert items == [Failure(str(huge), "too large (52.4 MB; the limit is 52.4 MB)")]


def test_a_file_larger_than_its_reported_size_is_capped_while_read() -> None:
    # /proc files report size 0, so only the capped read stops them.
    maps = Path("/proc/self/maps")
    if not maps.exists():
        pytest.skip("no /proc on this system")
    assert read(maps, options=ReadOptions(max_bytes=64)) == [Failure(str(maps), "too large (over the 64 bytes limit)")]


def test_gzip_files_are_read_and_bad_archives_reported(tmp_path: Path) -> None:
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(story_html().encode()))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(story_text().encode())[:40])
    (tmp_path / "c.txt.gz").write_bytes(b"\x1f\x8b" + b"\x00" * 30)
    (tmp_path / "d.txt.gz").write_bytes(gzip.compress(b"x" * 3_000_000))  # a small decompression bomb
    items = read(tmp_path, options=ReadOptions(max_bytes=1_000_000))
    assert [doc.format for doc in documents(items)] == ["html"]
    assert failures(items) == {
        str(tmp_path / "b.txt.gz"): "truncated gzip data",
        str(tmp_path / "c.txt.gz"): "corrupt gzip data (Error -3 while decompressing data: unknown compression method)",
        str(tmp_path / "d.txt.gz"): "too large once decompressed (over 1.0 MB)",
    }


def test_a_named_pipe_among_the_files_is_refused_instead_of_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "story.txt").write_text(story_text(), encoding="utf-8")
    items = read(tmp_path)
    assert failures(items) == {str(tmp_path / "pipe.txt"): "not a regular file"}
    assert len(documents(items)) == 1


def test_broken_and_looping_symlinks_are_reported(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(story_text(), encoding="utf-8")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    items = read(tmp_path)
    assert failures(items) == {
        str(tmp_path / "broken.txt"): "broken symbolic link",
        str(tmp_path / "loop.txt"): "cannot read (too many levels of symbolic links)",
    }
    assert len(documents(items)) == 1


def test_a_folder_symlink_loop_ends_and_each_folder_is_read_once(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "story.txt").write_text(story_text(), encoding="utf-8")
    (inner / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "again").symlink_to(inner, target_is_directory=True)
    items = read(tmp_path)
    assert failures(items) == {}
    assert len(documents(items)) == 1


def test_a_folder_with_no_article_files_says_so(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    assert read(tmp_path) == [
        Failure(str(tmp_path), "the folder holds no article files (.txt, .md, .html, .jsonl, .rss, .atom, .xml)")
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_files_and_folders_are_reported(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(story_text(), encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(story_text(), encoding="utf-8")
    locked.chmod(0)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "inside.txt").write_text(story_text(), encoding="utf-8")
    closed.chmod(0)
    try:
        items = read(tmp_path)
    finally:
        closed.chmod(0o755)
    assert failures(items) == {
        str(locked): "cannot read (permission denied)",
        str(closed): "cannot read (permission denied)",
    }
    assert len(documents(items)) == 1


def test_a_file_of_unknown_type_given_by_name_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "download"
    page.write_text(story_html(), encoding="utf-8")
    assert [doc.format for doc in documents(read(page))] == ["html"]


def test_text_in_memory_is_read_like_a_file() -> None:
    items = list(Reader().read_text("request-body", "<rss><channel><title>x</title></channel></rss>"))
    assert items == [Failure("request-body", "the feed has no items")]
