"""Recognise a wire agency however a name mention spells it: "KCNA", "Korean Central News Agency",
or a translation's "French press agency" (AFP)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from newsfuse.extract.names import fold
from newsfuse.text.wire_agencies import AGENCIES

# Token-sort similarity (0-100) at which a spelled-out name is taken as an agency's expansion. 88 is
# the gazetteer's own calibration: it accepts a changed or dropped word ending ("Agence France
# Presse" / "Agence France-Presse") and rejects agencies sharing two of three words ("Central News
# Agency" vs "China News Service" scores 70).
EXPANSION_MIN = 88
# Translations render "news agency" as "press agency", "agency of press" or "information agency".
_FOLDS = (
    (re.compile(r"\b(?:press|information|news) agency\b"), "news agency"),
    (re.compile(r"\bagency of (?:press|information|news)\b"), "news agency"),
    (re.compile(r"^(?:the|official)\s+"), ""),
)


class AgencyNames:
    """Maps a name as written to the gazetteer's canonical agency name."""

    def __init__(self, agencies: dict[str, tuple[str, ...]] | None = None) -> None:
        table = agencies or AGENCIES
        self._short = {name: name for name in table} | {name.casefold(): name for name in table if not name.isupper()}
        self._long = [(_fold(long_name), name) for name, longs in table.items() for long_name in longs]

    def canonical(self, phrase: str) -> str | None:
        """The agency `phrase` names, or None when it names none."""
        stripped = phrase.strip()
        exact = self._short.get(stripped) or self._short.get(stripped.casefold())
        if exact is not None and (stripped.isupper() or not exact.isupper()):
            return exact
        if len(stripped.split()) < 2:
            return None
        folded = _fold(stripped)
        best_score, best_name = 0.0, None
        for long_name, name in self._long:
            score = fuzz.token_sort_ratio(folded, long_name)
            if score > best_score:
                best_score, best_name = score, name
        return best_name if best_score >= EXPANSION_MIN else None


def _fold(name: str) -> str:
    folded = fold(name)
    for pattern, replacement in _FOLDS:
        folded = pattern.sub(replacement, folded)
    return folded
