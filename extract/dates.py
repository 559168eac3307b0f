"""Time expressions in a sentence, resolved against the article's published date.

Nothing here reads the clock: relative expressions ("on Sunday", "last month") need a
base date, and without one they resolve to nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@dataclass(frozen=True)
class TimeRef:
    """A resolved time: ``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and
    ``precision`` is ``year``, ``month`` or ``day``; ``start``/``end`` locate the
    expression in the text it was found in."""

    value: str
    precision: str
    start: int
    end: int


_MONTH = r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"


@lru_cache(maxsize=1)
def _time_pattern() -> re.Pattern[str]:
    return re.compile(
        r"(?:"
        rf"(?P<dmy>\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})\b)"
        rf"|(?P<mdy>\b(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>{_YEAR})\b)"
        rf"|(?P<iso>\b(?P<y3>{_YEAR})-(?P<m3>\d\d)-(?P<d3>\d\d)\b)"
        rf"|(?P<dm>\b(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m4>{_MONTH})(?![\w]))"
        rf"|(?P<md>\b(?P<m5>{_MONTH})\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}}))"
        rf"|(?P<my>\b(?P<m6>{_MONTH})\s+(?:of\s+)?(?P<y6>{_YEAR})\b)"
        rf"|(?P<inmonth>\b(?:in|since|during|by|of|early|late|mid-?|last|this|between|and|to|through)\s+(?P<m7>{_MONTH})(?![\w.])(?!,?\s+\d))"
        rf"|(?P<weekday>\b(?P<w>{_WEEKDAY})\b)"
        r"|(?P<rel>\b(?:today|tonight|yesterday|this (?:week|month|year)|last (?:week|month|year)"
        r"|earlier this (?:week|month|year)|a year ago|a month ago|a week ago)\b)"
        r"|(?P<ago>\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
        r"(?P<unit>days|weeks|months|years)\s+ago\b)"
        rf"|(?P<year>\b(?:in|of|by|during|early|late|mid-?|for|the)?\s*(?P<y8>{_YEAR})(?!\d|,\d|\s*(?:people|residents|refugees|civilians)))"
        r")",
        re.I,
    )


def _month_number(name: str) -> int:
    return _MONTH_ABBR.get(name.lower().rstrip(".")[:3], 0)


_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}  # fmt: skip


def _add_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + months
    return total // 12, total % 12 + 1


def _resolve(m: re.Match[str], base: date | None) -> tuple[str, str] | None:
    g = m.group
    try:
        if g("dmy"):
            return date(int(g("y1")), _month_number(g("m1")), int(g("d1"))).isoformat(), "day"
        if g("mdy"):
            return date(int(g("y2")), _month_number(g("m2")), int(g("d2"))).isoformat(), "day"
        if g("iso"):
            return date(int(g("y3")), int(g("m3")), int(g("d3"))).isoformat(), "day"
        if g("my"):
            return f"{int(g('y6')):04d}-{_month_number(g('m6')):02d}", "month"
        if g("year"):
            return g("y8"), "year"
    except ValueError:
        return None
    if base is None:
        return None
    if g("dm") or g("md"):
        month = _month_number(g("m4") or g("m5"))
        day = int(g("d4") or g("d5"))
        year = base.year if (month, day) <= (base.month, base.day) else base.year - 1
        try:
            return date(year, month, day).isoformat(), "day"
        except ValueError:
            return None
    if g("inmonth"):
        word = m.group().split()[0].lower()
        month = _month_number(g("m7"))
        if word == "last":
            year = base.year - 1 if month >= base.month else base.year
        elif word == "this":
            year = base.year
        else:
            year = base.year if month <= base.month else base.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if g("weekday"):
        target = WEEKDAYS.index(g("w").lower())
        back = (base.weekday() - target) % 7
        return (base - timedelta(days=back)).isoformat(), "day"
    if g("rel"):
        rel = g("rel").lower()
        if rel in ("today", "tonight"):
            return base.isoformat(), "day"
        if rel == "yesterday":
            return (base - timedelta(days=1)).isoformat(), "day"
        if rel.endswith("week") and ("last" in rel or "ago" in rel):
            return (base - timedelta(days=7)).isoformat()[:7], "month"
        if rel.endswith("week"):
            return base.isoformat()[:7], "month"
        if rel.endswith("month") and ("last" in rel or "ago" in rel):
            y, mo = _add_months(base, -1)
            return f"{y:04d}-{mo:02d}", "month"
        if rel.endswith("month"):
            return base.isoformat()[:7], "month"
        if rel.endswith("year") and ("last" in rel or "ago" in rel):
            return str(base.year - 1), "year"
        return str(base.year), "year"
    if g("ago"):
        n = int(g("n")) if g("n").isdigit() else _SMALL[g("n").lower()]
        unit = g("unit").lower()
        if unit == "days":
            return (base - timedelta(days=n)).isoformat(), "day"
        if unit == "weeks":
            return (base - timedelta(days=7 * n)).isoformat()[:7], "month"
        if unit == "months":
            y, mo = _add_months(base, -n)
            return f"{y:04d}-{mo:02d}", "month"
        return str(base.year - n), "year"
    return None


def parse_base(published: str) -> date | None:
    """The published date as a date, or ``None`` when it is empty or not ISO."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


_TIME_HINTS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "day", "tonight", "week", "month", "year", " ago",
)  # fmt: skip
_YEARISH = re.compile(r"(?:1[89]|20)\d\d")
_SINCE_BEFORE = re.compile(r"\b(?:since|until|till|after|following)\b[^,.;:]*$", re.I)


def time_refs(text: str, base: date | None) -> list[TimeRef]:
    """The time expressions in ``text`` that say when something holds, resolved
    against ``base``. Expressions after "since"/"until" are left out (they bound a
    period, they do not date a figure). Empty when there is none."""
    out: list[TimeRef] = []
    low = text.lower()
    if not any(w in low for w in _TIME_HINTS) and not _YEARISH.search(text):
        return []
    for m in _time_pattern().finditer(text):
        if m.group().lower().startswith(("since", "until")) or _SINCE_BEFORE.search(
            text, max(0, m.start() - 45), m.start()
        ):
            continue
        resolved = _resolve(m, base)
        if resolved:
            out.append(TimeRef(resolved[0], resolved[1], m.start(), m.end()))
    return out


def years_mentioned(text: str) -> list[int]:
    """Every four-digit year (1800-2099) the text names, in order."""
    return [int(y) for y in re.findall(r"(?<![\d,.])(1[89]\d\d|20\d\d)(?![\d,])", text)]
