"""Recognise news agencies credited by an article: datelines, "via AP", photo credits, "according to KCNA".

Wire agencies are a small, stable, well-known set, so they are listed here by name with their common
expansions. Spelled-out names are matched after folding "press agency" into "news agency" and
similar translation variants, so a round-tripped "French press agency" is still AFP.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from newsfuse.text.wire_agencies import AGENCIES

# Two spelled-out names with this token-sort similarity (0-100) are taken as one agency. 88 accepts
# "Korean Central News Agency" vs "Korean Central News Agence" or a dropped article, and rejects
# different agencies that share two of three words ("Central News Agency" vs "China News Service").
FUZZY_NAME_MIN = 88

_TRANSLATION_FOLDS = (
    (re.compile(r"\bpress agency\b", re.I), "news agency"),
    (re.compile(r"\bagency of press\b", re.I), "news agency"),
)
# How a short name shows up as a credit: "(AP)", "via AP", "AP Photo", "/AP", "according to AP", "AP reported".
_SHORT_CONTEXTS = (
    r"\(\s*{name}\s*\)",
    r"\bvia\s+(?:the\s+)?{name}\b",
    r"\b{name}\s+(?:photo|file photo|video|graphic)\b",
    r"(?:^|[/|©]\s*){name}\b",
    r"\b{name}\s*(?:/|$)",
    r"\baccording to\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}\(?{name}\)?",
    r"\b{name}\s+(?:reported|said|says|reports|quoted|cited|news agency)\b",
    r"\b(?:told|to|by|from|with|in)\s+(?:the\s+)?{name}\b",
)
_PHRASE = re.compile(
    r"\b(?:[A-Z][\w'’-]*\s+){0,4}(?:[Nn]ews|[Pp]ress)\s+(?:[Aa]gency|[Ss]ervice)\b|\b(?:[A-Z][\w'’-]*\s+){1,3}[Aa]gency\s+of\s+[Pp]ress\b"
)


def _short_pattern(name: str) -> re.Pattern[str]:
    escaped = re.escape(name)
    # Short all-caps names are matched case-sensitively so "ap" in prose is never AP.
    flags = 0 if name.isupper() else re.IGNORECASE
    return re.compile("|".join(context.format(name=escaped) for context in _SHORT_CONTEXTS), flags | re.MULTILINE)


class AgencyFinder:
    """Finds credited agencies in text. Build once and reuse: compiling the patterns takes a moment."""

    def __init__(self, agencies: dict[str, tuple[str, ...]] | None = None) -> None:
        self._agencies = agencies or AGENCIES
        # Each short name with the spelling to look for first: all-caps names as written, the rest
        # case-folded (their patterns ignore case).
        self._short = [
            (name, name if name.isupper() else name.casefold(), name.isupper(), _short_pattern(name))
            for name in self._agencies
        ]
        self._long: list[tuple[str, str]] = [
            (_fold(long_name), name) for name, longs in self._agencies.items() for long_name in longs
        ]
        self._long_exact = [
            (re.compile(r"\b" + re.escape(long_name) + r"\b", re.IGNORECASE), name, long_name.casefold())
            for name, longs in self._agencies.items()
            for long_name in longs
            if len(long_name.split()) > 1
        ]

    def find(self, texts: Iterable[str]) -> tuple[str, ...]:
        """Agencies credited anywhere in these texts, in order of first appearance."""
        found: dict[str, int] = {}
        for offset, text in enumerate(texts):
            for name, position in self._find_one(text):
                found.setdefault(name, offset * 1_000_000 + position)
        return tuple(sorted(found, key=found.__getitem__))

    def canonical(self, phrase: str) -> str | None:
        """The agency a written-out name refers to ("Korean central press agency" -> KCNA), or None."""
        stripped = phrase.strip()
        if stripped in self._agencies:
            return stripped
        folded = _fold(stripped)
        best: tuple[float, str | None] = (0.0, None)
        for long_name, name in self._long:
            score = fuzz.token_sort_ratio(folded, long_name)
            if score > best[0]:
                best = (score, name)
        return best[1] if best[0] >= FUZZY_NAME_MIN else None

    def _find_one(self, text: str) -> list[tuple[str, int]]:
        hits: list[tuple[str, int, int]] = []
        # Every pattern contains its agency's name literally, so a name absent from the text needs no
        # regex search; this skips nearly all of them and made the clean stage about twice as fast.
        folded = text.casefold()
        for name, needle, exact_case, pattern in self._short:
            if needle not in (text if exact_case else folded):
                continue
            match = pattern.search(text)
            if match:
                hits.append((name, match.start(), match.end()))
        for pattern, name, long_name in self._long_exact:
            if long_name not in folded:
                continue
            match = pattern.search(text)
            if match:
                hits.append((name, match.start(), match.end()))
        # The same for the spelled-out phrase, which ends in "agency" or "service": most texts have
        # neither word, and scanning for the phrase at every word took a third of this method.
        phrases = _PHRASE.finditer(text) if "agency" in folded or "service" in folded else ()
        for match in phrases:
            words = match.group(0).split()
            # Try the phrase with up to three leading words dropped ("the", "official", "North Korea's").
            for skip in range(0, min(4, len(words) - 1)):
                found = self.canonical(" ".join(words[skip:]))
                if found:
                    hits.append((found, match.start(), match.end()))
                    break
        # A name found inside a longer one ("Central News Agency" in "Korean Central News Agency")
        # is part of that name, not a second credit.
        return [
            (name, start)
            for name, start, end in hits
            if not any(
                other != name and o_start <= start and end <= o_end and (o_end - o_start) > (end - start)
                for other, o_start, o_end in hits
            )
        ]


def _fold(name: str) -> str:
    folded = name.lower()
    for pattern, replacement in _TRANSLATION_FOLDS:
        folded = pattern.sub(replacement, folded)
    return folded
