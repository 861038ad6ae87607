"""Every time expression of a text with its TimeML type and value, read against the text's writing day.

Calendar dates come from the date extractor the timeline uses (`date_patterns` and `dates`), so
what is measured against TimeML is what the brief shows; durations, quarters, seasons, sets, clock
times and vague references ("now", "recently") come from `timex_patterns`. Values are written as
TimeML writes them: `1998-01-08`, `1998-W02`, `1997-Q4`, `1998-01`, `199` (the 1990s), `P3D`,
`PXY`, `PRESENT_REF`, `1998-01-08TNI`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from newsfuse.extract.date_patterns import WEEKDAY_NUMBERS, DateExpression, find_expressions
from newsfuse.extract.dates import resolve_expressions
from newsfuse.extract.tense import tense_at
from newsfuse.extract.timex_patterns import (
    ORDINALS,
    SEASONS,
    TIME_UNITS,
    UNIT_LETTERS,
    VAGUE_COUNTS,
    Expression,
    find_other_expressions,
)
from newsfuse.models import DateMention
from newsfuse.text.number_words import parse_count

# TimeML's parts of the day, by the word that names them.
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# "a year ago" in a report on quarterly results means the same quarter a year before, as TimeBank's
# annotators (and the reports' readers) take it: a text that names a fiscal quarter this many times
# is such a report. Calibrated on TimeBank's calibration half (one mention already separates them).
QUARTER_CONTEXT_MENTIONS = 1


_Make = Callable[[str, str], "TimeExpression"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression at characters start..end with its TimeML type (DATE, TIME, DURATION, SET) and value."""

    start: int
    end: int
    type: str
    value: str


def find_time_expressions(text: str, doc: Doc, written: date) -> list[TimeExpression]:
    """Every time expression in `text` (parsed as `doc`) written on `written`, in text order."""
    expressions = _without_years_of_periods(text, find_expressions(text))
    tenses = {e.start: tense_at(doc, e.start, e.end) for e in expressions}
    dated = resolve_expressions("", text, expressions, tenses, written, "published")
    others = find_other_expressions(text, [(e.start, e.end) for e in expressions])
    quarterly = sum(o.kind == "quarter" and o.part("ordinal") is not None for o in others) >= QUARTER_CONTEXT_MENTIONS
    reference = _last_quarter(written)
    found: list[TimeExpression] = []
    items: list[tuple[int, DateExpression | Expression, DateMention | None]] = [(e.start, e, m) for e, m in dated] + [
        (o.start, o, None) for o in others
    ]
    for _, item, mention in sorted(items, key=lambda x: x[0]):
        if isinstance(item, DateExpression) and mention is not None:
            if item.rule == "offset" and item.direction in {"later", "after", "before"} and item.count is not None:
                # "three days later", "90 days after": TimeML marks the length, not the day it leads to.
                found.append(_offset_duration(item))
            elif quarterly and _a_year_back(item):
                found.append(
                    TimeExpression(item.start, item.end, "DATE", _quarter_value(reference[0] - 1, reference[1]))
                )
            else:
                kind, value = _date_value(item, mention)
                found.append(TimeExpression(item.start, item.end, kind, value))
        elif isinstance(item, Expression):
            tense = tense_at(doc, item.start, item.end)
            timex = _other_value(item, written, reference, tense)
            if timex is not None:
                found.append(timex)
                if item.kind == "quarter" and item.part("ordinal") is not None:
                    mentioned = _parse_quarter(timex.value, reference)
                    # Results are reported for a finished quarter: a later one is a forecast.
                    reference = mentioned if mentioned <= _last_quarter(written) else reference
    return _with_clock_days(found)


def _without_years_of_periods(text: str, expressions: list[DateExpression]) -> list[DateExpression]:
    """The date expressions less the years that name the year of a quarter or half around them ("the
    third quarter of 1990", "the 1988 period", "this year's third quarter"): the phrase names the
    quarter, and the year is a part of it."""
    periods = [(o.start, o.end) for o in find_other_expressions(text, []) if o.kind in {"quarter", "half"}]
    return [
        e
        for e in expressions
        if not (
            e.rule in {"year", "period"}
            and any(start <= e.start and e.end <= end and end - start > e.end - e.start for start, end in periods)
        )
    ]


def _offset_duration(e: DateExpression) -> TimeExpression:
    unit = e.unit or "day"
    count = int(e.count or 1)
    end = e.end - len(e.direction or "")
    return TimeExpression(
        e.start, end if end > e.start else e.end, "DURATION", f"P{count}{UNIT_LETTERS.get(unit, 'D')}"
    )


def _with_clock_days(found: list[TimeExpression]) -> list[TimeExpression]:
    """A clock time next to its day ("10 p.m. Wednesday", "noon Thursday") is one time on that day."""
    out: list[TimeExpression] = []
    for timex in found:
        previous = out[-1] if out else None
        if (
            previous is not None
            and timex.start - previous.end <= 2
            and {previous.type, timex.type} == {"TIME", "DATE"}
            and any(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", t.value) for t in (previous, timex))
            and any(re.fullmatch(r"\d{4}-\d\d-\d\d", t.value) for t in (previous, timex))
        ):
            clock = previous if previous.type == "TIME" else timex
            day = timex if clock is previous else previous
            out[-1] = TimeExpression(previous.start, timex.end, "TIME", day.value + clock.value[10:])
            continue
        out.append(timex)
    return out


def _a_year_back(e: DateExpression) -> bool:
    return e.rule == "offset" and e.unit == "year" and (e.count or 1) == 1 and e.direction in {"ago", "earlier"}


def _date_value(e: DateExpression, m: DateMention) -> tuple[str, str]:
    if m.granularity == "day":
        part = _day_part(e.text)
        return ("TIME", f"{m.start.isoformat()}T{part}") if part else ("DATE", m.start.isoformat())
    if m.granularity == "month":
        return "DATE", m.start.isoformat()[:7]
    if m.granularity == "year":
        return "DATE", str(m.start.year)
    if e.rule == "decade" and e.year:
        return "DATE", str(e.year)[:3]
    middle = m.start + (m.end - m.start) / 2
    year, week, _ = middle.isocalendar()
    if e.unit == "weekend":
        return "DATE", f"{year}-W{week:02d}-WE"
    if e.unit in {"week", "fortnight"}:
        return "DATE", f"{year}-W{week:02d}"
    return "DATE", str(middle.year)


def _day_part(text: str) -> str | None:
    words = text.lower().split()
    return DAY_PARTS.get(words[-1]) if words else None


def _other_value(e: Expression, written: date, reference: tuple[int, int], tense: str | None) -> TimeExpression | None:
    def make(kind: str, value: str) -> TimeExpression:
        return TimeExpression(e.start, e.end, kind, value)

    if e.kind == "duration":
        return _duration(e, make)
    if e.kind == "ref":
        which = "PRESENT" if e.part("present") else "PAST" if e.part("past") else "FUTURE"
        return make("DATE", f"{which}_REF")
    if e.kind == "quarter":
        return make("DATE", _quarter(e, written, reference, tense))
    if e.kind == "half":
        year = int(e.part("year") or e.part("last_year") or written.year)
        return make("DATE", f"{year}-H{1 if (e.part('ordinal') or '').lower() == 'first' else 2}")
    if e.kind == "season":
        season = SEASONS[(e.part("season") or "").lower()]
        year = int(e.part("year") or written.year)
        which = (e.part("which") or "").lower()
        if which == "last" or (
            not e.part("year") and which != "next" and tense == "past" and _season_after(season, written)
        ):
            year -= 1
        elif which == "next":
            year += 1
        return make("DATE", f"{year}-{season}")
    if e.kind == "century":
        return make("DATE", f"{int(e.part('ordinal') or 1) - 1:02d}")
    if e.kind == "clock":
        return make("TIME", f"{written.isoformat()}T{_clock(e)}")
    if e.kind == "set":
        return _set(e, make)
    return None


def _duration(e: Expression, make: _Make) -> TimeExpression | None:
    bare = e.part("bare")
    unit = (e.part("unit") or "").lower().replace("centuries", "century")
    if unit not in UNIT_LETTERS:
        return None
    letter = UNIT_LETTERS[unit]
    prefix = "PT" if unit in TIME_UNITS else "P"
    count_text = " ".join((e.part("count") or "").lower().split())
    if bare is not None or count_text in VAGUE_COUNTS:
        return make("DURATION", f"{prefix}X{letter}")
    count = parse_count(count_text.replace(" and a half", ""))
    if count is None:
        return None
    if count_text.endswith("and a half"):
        count += 0.5
    if count != int(count):
        return make("DURATION", _fraction(count, unit))
    # "the last twenty-four hours" is a day, as TimeML writes it.
    if unit == "hour" and count == 24:
        return make("DURATION", "P1D")
    return make("DURATION", f"{prefix}{int(count)}{letter}")


def _fraction(count: float, unit: str) -> str:
    """A duration with a half: "a minute and a half" is PT1M30S, "1 1/2 years" P1Y6M."""
    whole = int(count)
    smaller = {"year": (12, "M", "P"), "month": (30, "D", "P"), "day": (12, "H", "PT"), "hour": (30, "M", "PT")}
    if unit == "minute":
        return f"PT{whole}M30S" if whole else "PT30S"
    if unit not in smaller:
        return f"P{count}{UNIT_LETTERS[unit]}"
    half, letter, _ = smaller[unit]
    big = f"{whole}{UNIT_LETTERS[unit]}" if whole else ""
    return ("PT" if unit == "hour" else "P") + (big if unit != "day" else big + "T") + f"{half}{letter}"


def _quarter(e: Expression, written: date, reference: tuple[int, int], tense: str | None) -> str:
    ordinal = e.part("ordinal")
    which = (e.part("which") or e.part("which2") or "").lower()
    if ordinal is None:
        if which in {"year-ago", "year-earlier"}:
            return _quarter_value(reference[0] - 1, reference[1])
        if which == "current":
            return _quarter_value(written.year, (written.month - 1) // 3 + 1)
        if e.part("year"):
            return _quarter_value(int(e.part("year") or 0), reference[1])
        return _quarter_value(*reference)
    number = ORDINALS[ordinal.lower()]
    own = (e.part("own") or "").lower()
    if e.part("year"):
        return _quarter_value(int(e.part("year") or 0), number)
    year = written.year
    current = (written.month - 1) // 3 + 1
    if own.startswith("last year") or (not own.startswith("this year") and number > current and tense != "future"):
        year -= 1
    return _quarter_value(year, number)


def _quarter_value(year: int, number: int) -> str:
    return f"{year}-Q{number}"


def _parse_quarter(value: str, fallback: tuple[int, int]) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-Q(\d)", value)
    return (int(match.group(1)), int(match.group(2))) if match else fallback


def _last_quarter(written: date) -> tuple[int, int]:
    """The last quarter completed before the writing day: the one results are reported for."""
    quarter = (written.month - 1) // 3
    return (written.year, quarter) if quarter else (written.year - 1, 4)


def _season_after(season: str, written: date) -> bool:
    starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
    return starts[season] > written.month


def _clock(e: Expression) -> str:
    noon = (e.part("noon") or "").lower()
    if noon:
        return "12:00" if noon == "noon" else "24:00"
    hour = int(e.part("hour") or 0) % 12
    if (e.part("half") or "").lower().startswith("p"):
        hour += 12
    return f"{hour:02d}:{e.part('minute') or '00'}"


def _set(e: Expression, make: _Make) -> TimeExpression:
    weekday = e.part("weekday")
    if weekday:
        return make("SET", f"XXXX-WXX-{WEEKDAY_NUMBERS[weekday.lower()] + 1}")
    adverb = (e.part("adverb") or "").lower()
    unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}.get(
        adverb, (e.part("unit") or "").lower()
    )
    if unit == "quarter":
        return make("SET", "P3M")
    return make("SET", f"P1{UNIT_LETTERS.get(unit, 'D')}")
