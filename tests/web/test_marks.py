"""Cutting a source's text at marked spans: the segments put back together are the text, and each span's
stretch carries its kind, whatever the spans (overlapping, nested, out of range, empty)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.web.marks import Mark, segments
from tests.store.builders import seed_articles

KINDS = ("cited", "conflict", "shared")


@settings(max_examples=200, deadline=None)
@given(
    article=st.integers(0, 4),
    spans=st.lists(st.tuples(st.integers(-20, 6000), st.integers(-20, 6000), st.sampled_from(KINDS)), max_size=12),
)
def test_segments_rebuild_the_text_and_mark_each_span(article: int, spans: list[tuple[int, int, str]]) -> None:
    text = seed_articles()[article].text
    marks = [Mark(start, end, kind, f"m{i}") for i, (start, end, kind) in enumerate(spans)]
    pieces = segments(text, marks)
    assert "".join(p.text for p in pieces) == text
    assert all(p.text for p in pieces)
    offsets, at = [], 0
    for piece in pieces:
        offsets.append(at)
        at += len(piece.text)
    for mark in marks:
        start, end = max(0, mark.start), min(len(text), mark.end)
        covered = [(o, p) for o, p in zip(offsets, pieces, strict=True) if o < end and o + len(p.text) > start]
        if end <= start:
            assert all(mark.anchor not in p.anchors for p in pieces)
            continue
        assert covered[0][0] == start and mark.anchor in covered[0][1].anchors
        assert covered[-1][0] + len(covered[-1][1].text) == end
        assert all(mark.kind in p.kinds for _, p in covered)
