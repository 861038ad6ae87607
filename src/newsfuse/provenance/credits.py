"""Credit or attribution: does an article carry an agency's story, or only quote the agency?

The clean stage lists every agency an article names (`Article.agencies`), from datelines ("TERVIK
(AFP)"), credit lines ("Yonhap via AP"), photo credits and prose ("according to Reuters"). Only some of
those make the agency the article's source:
- named outside the body (the dateline, a credit line): the article is the agency's copy;
- named in the body as the one told things ("Aaslund told AFP") or in a credit form ("(AP)",
  "AFP Photo"): the agency gathered the text;
- named in the body as a source of some facts ("according to Reuters", "Xinhua reported"): attribution,
  which makes the agency a source of those facts, not the parent of the text.
Spelled-out names ("Korean Central News Agency") are recognised from the shared gazetteer of agency
names, and by their initials for agencies it does not list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from newsfuse.models import Article, Span
from newsfuse.text.wire_agencies import AGENCIES

CreditKind = Literal["credit", "attribution"]

# How far before a mention (characters, same sentence) an attribution cue may sit:
# "according to the country's official news agency (XYZ)" puts about 40 characters between the two.
ATTRIBUTION_REACH = 60

_ATTRIBUTION_BEFORE = re.compile(
    r"(?:according to|as reported by|reported by|citing|cited by|quoted by|quoting|as told to"
    r"|said in a (?:statement|report) to)\b[^.!?]*$",
    re.IGNORECASE,
)
_ATTRIBUTION_AFTER = re.compile(
    r"^\W{0,3}(?:news agency\s+)?(?:reported|reports|said|says|quoted|cited|carried|published|wrote|announced)\b",
    re.IGNORECASE,
)
_CREDIT_BEFORE = re.compile(r"(?:\btold|\bvia|\bwith|[/©|])\s*(?:the\s+)?$", re.IGNORECASE)
_CREDIT_AFTER = re.compile(r"^\s*(?:photo|file photo|video|graphic|contributed|/)", re.IGNORECASE)
_SPELLED_NAME = re.compile(r"[A-Z][\w’'-]*(?:[ -](?:(?:of|the|and|de|la)[ -])?[A-Z][\w’'-]*)*")
_SKIPPED_IN_INITIALS = frozenset({"of", "the", "and", "de", "la"})


@dataclass(frozen=True, slots=True)
class AgencyCredit:
    """How one article names one agency, and where (`span` is None when it is named outside the body)."""

    agency: str
    kind: CreditKind
    span: Span | None
    detail: str


def agency_credits(article: Article) -> list[AgencyCredit]:
    """One entry per agency the article names, saying whether it credits the agency or attributes to it."""
    found: list[AgencyCredit] = []
    for agency in article.agencies:
        mentions = _mentions(article.text, agency)
        if not mentions:
            where = f"its dateline ('{article.dateline}') or a credit line" if article.dateline else "a credit line"
            found.append(AgencyCredit(agency, "credit", None, f"credits {agency} in {where}"))
            continue
        credited = [(s, e) for s, e in mentions if _is_credit(article.text, s, e)]
        if credited:
            start, end = credited[0]
            quote = article.text[max(0, start - 20) : end + 10].strip()
            found.append(AgencyCredit(agency, "credit", Span(article.id, start, end), f"credits {agency}: '…{quote}…'"))
        else:
            start, end = mentions[0]
            sentence_start = max(article.text.rfind(". ", 0, start) + 2, article.text.rfind("\n", 0, start) + 1)
            quote = article.text[sentence_start : end + 15].strip()
            found.append(
                AgencyCredit(
                    agency, "attribution", Span(article.id, start, end), f"attributes facts to {agency}: '{quote}…'"
                )
            )
    return found


def _mentions(text: str, agency: str) -> list[tuple[int, int]]:
    """Where the agency is named: its own name, a spelled-out name, or a name whose initials spell it."""
    flags = 0 if agency.isupper() else re.IGNORECASE
    spans = [(m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(agency) + r"\b", text, flags)]
    for spelled in AGENCIES.get(agency, ()):
        spans.extend((m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(spelled) + r"\b", text, re.IGNORECASE))
    # Initials stand in for spelled-out names only for agencies the gazetteer does not know: for those
    # it does, any capitalised run with the same initials ("Air Police" for AP) would be a false match.
    if agency not in AGENCIES and agency.isupper() and len(agency) >= 2:
        for match in _SPELLED_NAME.finditer(text):
            words = [w for w in re.split(r"[ -]", match.group(0)) if w and w.lower() not in _SKIPPED_IN_INITIALS]
            # The initials may sit at the end of a longer run ("North Korea's Korean Central News Agency").
            for first in range(len(words)):
                if "".join(w[0] for w in words[first:]) == agency and len(words) - first > 1:
                    spans.append((match.start(), match.end()))
                    break
    return sorted(spans)


def _is_credit(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - ATTRIBUTION_REACH) : start]
    after = text[end : end + 30]
    if _ATTRIBUTION_BEFORE.search(before) or _ATTRIBUTION_AFTER.search(after):
        return False
    in_brackets = before.rstrip().endswith("(") and after.lstrip().startswith(")")
    return in_brackets or bool(_CREDIT_BEFORE.search(before) or _CREDIT_AFTER.search(after))
