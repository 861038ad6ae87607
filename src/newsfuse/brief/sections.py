"""Place a sentence in a brief section by what it says: grammar cues for tense, modality, attribution.

The cues are function words and reporting verbs of English news prose (future and modal verbs,
significance verbs, attribution verbs, references to earlier years), not phrases of any article.
Each section scores the sentence; the highest score wins and plain past-tense reporting, which
scores nothing, is what happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The modal "will" is followed by a verb in lower case; "Will Artino scored 14 points" is a name.
_FUTURE = re.compile(
    r"\b(?:will|shall|is|are|was|were)\s+(?:be\s+)?(?:expected|scheduled|set|due|slated|poised)\s+to\b"
    # A plan in the past progressive is the plan as it stood then, often overtaken ("were planning to
    # hold an office party when someone heard shots"); in the present it is still ahead.
    r"|\b(?:will|shall|is|are)\s+(?:be\s+)?(?:planning|going)\s+to\b"
    r"|\b(?:is|are)\s+(?:on\s+(?:his|her|its|their)\s+way|heading|travell?ing|due|poised)\s+to\b"
    r"|\bwill\s+(?!be\s+(?:remembered|seen)\b)(?-i:[a-z])\w*|(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bthe\s)\bplans?\s+to\b"
    r"|\bcould\s+lead\s+to\b",
    re.IGNORECASE,
)
# A time still to come named by an adjunct, not by the verb ("in the upcoming presidential debates",
# "ahead of the vote", "next week"): a cue for a sentence in the body, but a lead whose verb tells a
# deed done ("Bernie Sanders offered some pointed advice to Hillary Clinton on Friday in the upcoming
# presidential debates") tells what happened.
_LATER_TIME = re.compile(
    r"\bnext\s+(?:week|month|year|round|step|steps)\b"
    r"|\b(?:upcoming|forthcoming)\b|\bin\s+the\s+(?:coming|months|weeks|days)\s+(?:ahead|weeks|months|days)?\b"
    r"|\b(?:ahead\s+of|later\s+this)\b",
    re.IGNORECASE,
)
_SIGNIFICANCE = re.compile(
    r"\b(?:significan(?:t|ce)|signal(?:s|led|ed|ing)?|underscor(?:e|es|ed|ing)|highlight(?:s|ed|ing)?"
    r"|implications?|matters?\b(?!\s+of)|important|importance|crucial|key\s+(?:test|moment)|raises?\s+(?:concerns?|questions?)"
    r"|marks?\s+(?:a|the)\s+(?:shift|turning)|could\s+(?:signal|mean|affect|reshape))\b",
    re.IGNORECASE,
)
_ATTRIBUTED_VIEW = re.compile(
    r"\b(?:analysts?|experts?|observers?|critics?|officials?|commentators?|economists?|scholars?)\s+"
    r"(?:say|said|says|believe|believed|warn|warned|caution|cautioned|argue|argued|suggest|suggested|note|noted|see|saw)\b"
    r"|\b(?:said|says|argued|warned|cautioned|believes?|insisted|told)\b.*\b(?:would|could|should|might)\b"
    r"|[“\"][^”\"]{12,}[”\"]",
    re.IGNORECASE,
)
# A reporting verb: a lead that reports what someone said of the future ("the Pentagon declared
# Thursday there will be no change") tells what happened; the future is the speaker's.
_SAYING = "said|says|told|declared|announced|confirmed|reported|wrote|added|stated"
_REPORTED = re.compile(rf"\b(?:{_SAYING}|warned|tweeted|insisted)\b", re.IGNORECASE)
# ... or one set off after it ("The administration will send about 800 troops to the border, a
# defense official confirmed Thursday"): a clause of its own, opening on the speaker (a determiner,
# a number or a name), a few words before the verb, and ending the sentence or its clause. A verb of
# saying inside what is to come ("is set to testify on Tuesday that he told a lawyer ...") or in an
# aside ("..., in which Obama, flanked by her parents, triumphantly announced ...") reports nothing.
_TRAILING_REPORT = re.compile(
    r",\s+(?:(?i:the|a|an|two|three|several|some|senior|top|he|she|they|we)\s+|[A-Z][\w.'’-]*\s+)(?:[\w.'’-]+\s+){0,5}"
    rf"(?i:{_SAYING})\b[^,;]*(?:[,.!]\W*$|,)"
)
_QUOTATION = re.compile(r"[“\"][^”\"]{12,}[”\"]")
# A participle of saying set off after the main clause (", saying ...", ", ruling that ..."): in a
# lead, what follows it backs the deed the main clause reports ("announced he plans to nominate Rep.
# Tom Price ..., saying Mr. Price has earned a reputation for being a “tireless problem solver”").
_TRAILING_SAYING = re.compile(
    r",\s+(?:saying|adding|calling|ruling|arguing|noting|declaring|writing|stating|insisting|warning)\b"
)
_EARLIER = re.compile(
    r"\b(?:since|in|by|from)\s+(?:late\s+|early\s+)?(?:19|20)\d\d\b|\b(?:has|have)\s+long\b|\bfor\s+(?:years|decades)\b"
    r"|\bpreviously\b|\bin\s+recent\s+years\b|\b(?:remains?|remained)\b|\b(?:years?|decades?)\s+ago\b|\bhad\s+(?:been|\w+ed)\b|\bhistor(?:y|ically)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Placement:
    section: str
    scores: dict[str, float]


# Weights per cue family. A future construction is the clearest signal (1.0); attributed opinion and
# significance wording next; references to earlier years are weakest, since news leads often add
# one ("his first visit since 2019") to a sentence that is still about the event.
FUTURE_WEIGHT = 1.0
VIEW_WEIGHT = 0.9
SIGNIFICANCE_WEIGHT = 0.8
EARLIER_WEIGHT = 0.6
# A sentence must reach this score to leave "what happened"; one weak cue alone is not enough
# when it is an article's lead sentence (where what happened is told).
PLACEMENT_MIN = 0.6


def place(text: str, *, lead: bool = False) -> Placement:
    """The section for a sentence; `lead` says it opens one of its article's first paragraphs."""
    # Cues inside a quotation are the speaker's words, not the sentence's tense: they are read out,
    # and the quotation itself counts as an attributed view.
    own = _QUOTATION.sub(" ", text)
    future = _FUTURE.search(own)
    reported_future = (
        lead
        and future is not None
        and bool(_REPORTED.search(own, 0, future.start()) or _TRAILING_REPORT.search(own, future.end()))
    )
    scores = {
        "whats_next": 0.0
        if reported_future
        else FUTURE_WEIGHT * min(_count(_FUTURE, own) + (0.0 if lead else _count(_LATER_TIME, own)), 2.0),
        "perspectives": VIEW_WEIGHT * _count(_ATTRIBUTED_VIEW, _main_clause(text) if lead else text),
        "why_it_matters": SIGNIFICANCE_WEIGHT * _count(_SIGNIFICANCE, own),
        "background": EARLIER_WEIGHT * _count(_EARLIER, own),
    }
    best = max(scores, key=scores.__getitem__)
    threshold = PLACEMENT_MIN * (2 if lead and best != "whats_next" else 1)
    if scores[best] < threshold:
        return Placement("what_happened", scores)
    return Placement(best, scores)


def _count(pattern: re.Pattern[str], text: str) -> float:
    return float(min(len(pattern.findall(text)), 2))


def _main_clause(text: str) -> str:
    """The sentence up to a trailing participle of saying, if it has one."""
    trailing = _TRAILING_SAYING.search(text)
    return text[: trailing.start()] if trailing else text
