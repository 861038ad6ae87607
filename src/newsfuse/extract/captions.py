"""Photo captions and credit lines: text about a picture, whose dates are not the story's.

A caption's date is the day a photo was taken ("file photo" from years before, an agency picture of
an earlier event). Read as the story's time it anchors the wrong relative dates and puts the photo
on the timeline, so the date extractor leaves out what stands in a caption or credit line.
"""

from __future__ import annotations

import re

# What marks a paragraph as a caption or credit line: a photo agency's credit or the words editors
# use to label a picture.
_CREDIT = re.compile(
    r"\b(?:Getty\s+Images|AP\s+Photo|[Ff]ile\s+[Pp]hoto|FILE\s+PHOTO|[Pp]hoto(?:graph)?(?:\s+by|\s*:|\s+credit)"
    r"|Reuters/|/Reuters|REUTERS/|AFP/|/AFP|EPA/|/EPA|Credit\s*:|Pictured\s*:|Image\s*:)"
)
# Captions are a sentence or two; a paragraph longer than this is body text that mentions a photo.
MAX_CAPTION_CHARS = 400


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the text's caption and credit paragraphs (one line each), in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip() and len(line) <= MAX_CAPTION_CHARS and _CREDIT.search(line):
            spans.append((start, end))
        start = end + 1
    return spans


def in_caption(spans: list[tuple[int, int]], position: int) -> bool:
    return any(start <= position < end for start, end in spans)
