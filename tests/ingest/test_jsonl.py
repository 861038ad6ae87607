"""JSON Lines: one document or one failure per line, with the line number; odd line endings and marks."""

from __future__ import annotations

import codecs
import json
from datetime import date
from pathlib import Path

import pytest

from newsfuse.ingest import Reader
from newsfuse.ingest.jsonl import read_jsonl
from newsfuse.models import Failure, RawDocument
from tests.ingest.samples import STORY, STORY_TITLE, story_html


def line(**record: object) -> str:
    return json.dumps(record, ensure_ascii=False)


def test_good_lines_become_documents_with_their_metadata() -> None:
    text = "\n".join(
        [
            line(
                text=STORY[0],
                title=f"  {STORY_TITLE}\n",
                source="Veldmark Courier",
                url="https://courier.example/a",
                published="2026-03-04T10:00:00Z",
                author="Ines Berg",
            ),
            line(html=story_html(), published="4 March 2026", byline="By Ola Moe"),
        ]
    )
    first, second = read_jsonl("feed.jsonl", text, "feed.jsonl")
    assert first == RawDocument(
        origin="feed.jsonl:1",
        content=STORY[0],
        format="text",
        title=STORY_TITLE,
        source="Veldmark Courier",
        url="https://courier.example/a",
        published=date(2026, 3, 4),
        byline="Ines Berg",
        path="feed.jsonl",
    )
    assert isinstance(second, RawDocument)
    assert (second.format, second.published, second.byline) == ("html", date(2026, 3, 4), "By Ola Moe")


def test_bad_lines_are_reported_by_number_and_the_others_kept() -> None:
    lines = [
        line(text=STORY[0]),
        '{"text": "unterminated',
        "[1, 2, 3]",
        line(title="   ", text=""),
        line(text=["not", "a", "string"]),
        line(text=STORY[1], published="sometime soon"),
        line(text=STORY[1], title=7),
        "",
        "   ",
        "[" * 50_000 + "]" * 50_000,
        '{"text": "x", "n": ' + "9" * 5000 + "}",
        line(text=STORY[2]),
    ]
    items = list(read_jsonl("f.jsonl", "\n".join(lines)))
    assert [item.origin for item in items if isinstance(item, RawDocument)] == ["f.jsonl:1", "f.jsonl:12"]
    assert {item.origin: item.problem for item in items if isinstance(item, Failure)} == {
        "f.jsonl:2": "malformed JSON (Unterminated string starting at at column 10)",
        "f.jsonl:3": "expected a JSON object, got list",
        "f.jsonl:4": 'no "text", "html" or "title" field with content',
        "f.jsonl:5": '"text" must be a string',
        "f.jsonl:6": "\"published\" is not a date: 'sometime soon'",
        "f.jsonl:7": '"title" must be a string',
        "f.jsonl:10": "malformed JSON (nested too deeply)",
        "f.jsonl:11": "malformed JSON (a number with too many digits)",
    }


@pytest.mark.parametrize("ending", ["\r\n", "\r\n\r\n", "\n\n"])
def test_crlf_and_blank_lines_between_records(ending: str) -> None:
    text = ending.join([line(text=STORY[0]), line(text=STORY[1])]) + ending
    assert [item.origin for item in read_jsonl("f", text)] == ["f:1", f"f:{1 + ending.count(chr(10))}"]
    assert all(isinstance(item, RawDocument) for item in read_jsonl("f", text))


def test_line_separators_inside_strings_do_not_split_a_record() -> None:
    # JSON allows U+2028, U+2029, U+0085 and form feeds raw inside strings; str.splitlines() would cut there.
    body = STORY[0] + "\u2028" + STORY[1] + "\x85\x0c" + STORY[2]
    (item,) = read_jsonl("f", line(text=body))
    assert isinstance(item, RawDocument)
    assert item.content == body


@pytest.mark.parametrize("text", ["", "\n\n", "\r\n  \r\n", "\ufeff\n\ufeff"])
def test_input_without_any_record_is_reported(text: str) -> None:
    assert list(read_jsonl("f.jsonl", text)) == [Failure("f.jsonl", "no JSON lines in the input")]


def test_a_byte_order_mark_at_the_start_of_a_line_is_ignored() -> None:
    # Files made by concatenating exports carry a mark at the start of each part.
    text = "\ufeff" + line(text=STORY[0]) + "\n\ufeff" + line(text=STORY[1])
    assert [type(item) for item in read_jsonl("f", text)] == [RawDocument, RawDocument]


def test_a_jsonl_file_with_a_bom_and_crlf_reads_through_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes(
        codecs.BOM_UTF8 + (line(text=STORY[0]) + "\r\n" + "{oops}\r\n" + line(text=STORY[1]) + "\r\n").encode()
    )
    items = list(Reader().read([str(path)]))
    assert [item.origin for item in items] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert items[1] == Failure(
        f"{path}:2", "malformed JSON (Expecting property name enclosed in double quotes at column 2)"
    )
    assert [item.path for item in items if isinstance(item, RawDocument)] == [str(path), str(path)]
