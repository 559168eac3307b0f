"""Time expressions in a sentence, resolved against the article's published date.

Nothing here reads the clock: relative expressions ("on Sunday", "last month") need a
base date, and without one they resolve to nothing.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Final

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
_MONTH_ABBR: Final = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
WEEKDAYS: Final = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class TimeRef:
    """A resolved time: ``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and
    ``precision`` is ``year``, ``month`` or ``day``; ``start``/``end`` locate the
    expression in the text it was found in."""

    def __init__(self, value: str, precision: str, start: int, end: int) -> None:
        self.value = value
        self.precision = precision
        self.start = start
        self.end = end

    def _fields(self) -> tuple[str, str, int, int]:
        return (self.value, self.precision, self.start, self.end)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimeRef) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "TimeRef" + repr(self._fields())


_MONTH = r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

# The branches of the time pattern, in the order they are tried: name, regex, and
# what the first two characters of a match of the branch can be (a regex, ignoring case).
_BRANCHES: Final[list[tuple[str, str, str]]] = [
    ("dmy", rf"(?P<dmy>\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})\b)", r"\d"),  # noqa: E501
    ("mdy", rf"(?P<mdy>\b(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>{_YEAR})\b)", r"(?-i:Ja|Fe|Ma|Ap|Ju|Au|Se|Oc|No|De)"),  # noqa: E501
    ("iso", rf"(?P<iso>\b(?P<y3>{_YEAR})-(?P<m3>\d\d)-(?P<d3>\d\d)\b)", r"\d"),
    ("dm", rf"(?P<dm>\b(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m4>{_MONTH})(?![\w]))", r"\d"),
    ("md", rf"(?P<md>\b(?P<m5>{_MONTH})\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}}))", r"(?-i:Ja|Fe|Ma|Ap|Ju|Au|Se|Oc|No|De)"),  # noqa: E501
    ("my", rf"(?P<my>\b(?P<m6>{_MONTH})\s+(?:of\s+)?(?P<y6>{_YEAR})\b)", r"(?-i:Ja|Fe|Ma|Ap|Ju|Au|Se|Oc|No|De)"),  # noqa: E501
    ("inmonth", rf"(?P<inmonth>\b(?:in|since|during|by|of|early|late|mid-?|last|this|between|and|to|through)\s+(?P<m7>{_MONTH})(?![\w.])(?!,?\s+\d))", r"in|si|du|by|of|ea|la|mi|th|be|an|to"),  # noqa: E501
    ("weekday", rf"(?P<weekday>\b(?P<w>{_WEEKDAY})\b)", r"(?-i:Mo|Tu|We|Th|Fr|Sa|Su)"),
    ("rel", r"(?P<rel>\b(?:today|tonight|yesterday|this (?:week|month|year)|last (?:week|month|year)"  # noqa: E501
     r"|earlier this (?:week|month|year)|a year ago|a month ago|a week ago)\b)", r"to|ye|th|la|ea|a "),  # noqa: E501
    ("ago", r"(?P<ago>\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
     r"(?P<unit>days|weeks|months|years)\s+ago\b)", r"\d|tw|th|fo|fi|si|se|ei|ni|te"),
    ("year", rf"(?P<year>\b(?:in|of|by|during|early|late|mid-?|for|the)?\s*(?P<y8>{_YEAR})(?!\d|,\d|\s*(?:people|residents|refugees|civilians)))", r"\d|\s|in|of|by|du|ea|la|mi|fo|th"),  # noqa: E501
]  # fmt: skip


def _compile(regexes: list[str], ascii_text: bool = False) -> re.Pattern[str]:
    """The alternation of ``regexes``, ignoring case. With ``ascii_text`` it is for
    ASCII text only: there it matches just as the Unicode one does, but faster."""
    source = "(?:" + "|".join(regexes) + ")"
    return re.compile(_for_ascii(source), re.I | re.A) if ascii_text else re.compile(source, re.I)


def _for_ascii(regex: str) -> str:
    """``regex`` to compile with ``re.ASCII``, for ASCII text only, where it then matches
    as the Unicode one does: whitespace there also takes the separators 0x1c-0x1f
    (``regex`` has no ``\\s`` inside brackets)."""
    return regex.replace(r"\s", r"[\s\x1c-\x1f]")


@lru_cache(maxsize=1)
def _time_pattern() -> re.Pattern[str]:
    """Every time expression: one named group per kind, and the groups inside it."""
    return _compile([regex for _, regex, _ in _BRANCHES])


@lru_cache(maxsize=1)
def _heads() -> list[tuple[str, re.Pattern[str]]]:
    """Each branch's name and what its matches can start with."""
    return [(name, re.compile(head, re.I)) for name, _, head in _BRANCHES]


@lru_cache(maxsize=64)
def _compile_cut(names: tuple[str, ...], ascii_text: bool) -> re.Pattern[str]:
    """The time pattern with only the branches ``names``."""
    return _compile([regex for name, regex, _ in _BRANCHES if name in names], ascii_text)


# Cut-down time patterns by the two characters a match would start with, for ASCII text
# and for other text; None when no branch starts so.
_CUT: Final[dict[bool, dict[str, re.Pattern[str] | None]]] = {True: {}, False: {}}


def _cut_pattern(start: str, ascii_text: bool) -> re.Pattern[str] | None:
    """The time pattern cut down to the branches a match of which can begin with
    ``start`` (the next two characters of a text without ``_CASE_TRAPS``), in their
    order: there it matches exactly as the whole pattern does. ``None`` when no branch
    can begin so."""
    cut = _CUT[ascii_text]
    if start in cut:
        return cut[start]
    names = tuple(name for name, head in _heads() if head.match(start))
    pattern = _compile_cut(names, ascii_text) if names else None
    if len(cut) < 4096:  # any characters may come, but few do
        cut[start] = pattern
    return pattern


def _month_number(name: str) -> int:
    return _MONTH_ABBR.get(name.lower().rstrip(".")[:3], 0)


_SMALL: Final = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}  # fmt: skip


def _add_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + months
    return total // 12, total % 12 + 1


def _resolve(m: re.Match[str], base: date | None) -> tuple[str, str] | None:
    """The value and precision ``m`` stands for (``m`` from the time pattern or one cut
    down by ``_cut_pattern``), or ``None`` when it names no real date or needs a base
    date that is missing."""
    kind = m.lastgroup  # the branch that matched: its group closes last
    g = m.group
    try:
        if kind == "dmy":
            return date(int(g("y1")), _month_number(g("m1")), int(g("d1"))).isoformat(), "day"
        if kind == "mdy":
            return date(int(g("y2")), _month_number(g("m2")), int(g("d2"))).isoformat(), "day"
        if kind == "iso":
            return date(int(g("y3")), int(g("m3")), int(g("d3"))).isoformat(), "day"
        if kind == "my":
            return f"{int(g('y6')):04d}-{_month_number(g('m6')):02d}", "month"
        if kind == "year":
            return g("y8"), "year"
    except ValueError:
        return None
    if base is None:
        return None
    if kind in ("dm", "md"):
        month_name, day_text = (g("m4"), g("d4")) if kind == "dm" else (g("m5"), g("d5"))
        month = _month_number(month_name)
        day = int(day_text)
        year = base.year if (month, day) <= (base.month, base.day) else base.year - 1
        try:
            return date(year, month, day).isoformat(), "day"
        except ValueError:
            return None
    if kind == "inmonth":
        word = m.group().split()[0].lower()
        month = _month_number(g("m7"))
        if word == "last":
            year = base.year - 1 if month >= base.month else base.year
        elif word == "this":
            year = base.year
        else:
            year = base.year if month <= base.month else base.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if kind == "weekday":
        target = WEEKDAYS.index(g("w").lower())
        back = (base.weekday() - target) % 7
        return (base - timedelta(days=back)).isoformat(), "day"
    if kind == "rel":
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
    if kind == "ago":
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


# What _resolve gave, by the branch that matched, its text (together they settle every
# group) and the base date.
_RESOLVED: Final[dict[tuple[str | None, str, date | None], tuple[str, str] | None]] = {}
_RESOLVED_MAX: Final = 4096


def parse_base(published: str) -> date | None:
    """The published date as a date, or ``None`` when it is empty or not ISO."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


_TIME_HINTS: Final = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "day", "tonight", "week", "month", "year", " ago",
)  # fmt: skip
_YEARISH: Final = re.compile(r"(?:1[89]|20)\d\d")
_SINCE_BEFORE: Final = re.compile(r"\b(?:since|until|till|after|following)\b[^,.;:]*$", re.I)

# Finding where an expression may start. The time pattern opens with "\b" and an
# alternation, so a search tries it at every character. Every expression holds an
# anchor: a number, a month or weekday name, or (in any case) "day", "week", "month",
# "year" or "tonight". A quick scan finds the anchors, and the pattern is tried only
# where an expression holding one can start: at the anchor, at the word before it ("in
# March", "the 2018", "this week", "two days ago", "earlier this week") or at the
# whitespace before a year (" 2018").
_MONTH_NAMES: Final = ("Jan(?:uary)?", "Feb(?:ruary)?", "Mar(?:ch)?", "Apr(?:il)?", "May", "June?",
                "July?", "Aug(?:ust)?", "Sep(?:t(?:ember)?)?", "Oct(?:ober)?", "Nov(?:ember)?",
                "Dec(?:ember)?")  # fmt: skip
# How "in March" ends (as in the "inmonth" branch); the anchor for a month after which
# it can end carries an (empty) group.
_MONTH_FREE: Final = r"(?:(?=\.?(?![\w.])(?!,?\s+\d))())?"
# A number can open a date only when followed by what can follow a day of the month
# ("5th", "5 March", "5 of March") or by a unit ("5 days ago"): not "5,000", "5 people".
_AFTER_NUMBER: Final = r"(?=(?i:st|nd|rd|th)|\s+(?:(?i:of|days|weeks|months|years)|[JFMASOND]))"


def _anchor_pattern(ascii_text: bool) -> re.Pattern[str]:
    """Years (even glued to a word: "the2018"), other numbers that stand alone and may
    open a date, and month and weekday names that stand alone (a name goes on with no
    letter or digit in every branch); numbers that start with a digit other than 0-9
    are left to ``_OTHER_NUMBERS``. Every alternative opens with a plain character, so
    that a search skips quickly from one to the next."""
    numbers = [f"{d}(?<!\\w.)\\d*+{_AFTER_NUMBER}" for d in "0123456789"]
    months = [f"{m[0]}(?<!\\w.){m[1:]}(?!\\w){_MONTH_FREE}" for m in _MONTH_NAMES]
    weekdays = [f"{w[0].upper()}(?<!\\w.){w[1:]}(?!\\w)" for w in WEEKDAYS]
    source = "|".join([r"1[89]\d\d(?!\d)", r"20\d\d(?!\d)", *numbers, *months, *weekdays])
    return re.compile(_for_ascii(source), re.A) if ascii_text else re.compile(source)


_ANCHORS: Final = {True: _anchor_pattern(True), False: _anchor_pattern(False)}
_OTHER_NUMBERS: Final = re.compile(rf"[^\D0-9](?<!\w.)\d*+{_AFTER_NUMBER}")
# Letters IGNORECASE equates with ASCII ones (and the one lower() lengthens): with one
# of them about, the lower-cased text does not show every expression.
_CASE_TRAPS: Final = ("\u0130", "\u0131", "\u017f", "\u212a")
# The words that can open an expression before its anchor, lower-cased.
_BEFORE_YEAR: Final = ("in", "of", "by", "during", "early", "late", "mid", "mid-", "for", "the")
_BEFORE_MONTH: Final = ("in", "since", "during", "by", "of", "early", "late", "mid", "mid-",
                 "last", "this", "between", "and", "to", "through")  # fmt: skip
_BEFORE_UNIT: Final = ("this", "last")
_BEFORE_UNIT_AGO: Final = ("this", "last", "a", "two", "three", "four", "five", "six", "seven",
                    "eight", "nine", "ten")  # fmt: skip


def _word_before(low: str, text: str, end: int, words: tuple[str, ...]) -> int:
    """Where the word that ``low`` has right before the whitespace ending at ``end`` (or
    right before ``end`` when there is none) starts, when it is one of ``words``
    (letters, maybe a final "-"); -1 when it is not."""
    while end and text[end - 1].isspace():
        end -= 1
    if not low.endswith(words, 0, end):  # quick: most words are none of them
        return -1
    i = end - 1 if low[end - 1] == "-" else end
    floor = max(0, i - 7)  # longer words are none of them
    while i > floor and "a" <= low[i - 1] <= "z":
        i -= 1
    return i if low[i:end] in words else -1


def _unit_starts(low: str, text: str) -> list[int]:
    """Where an expression around "day", "week", "month", "year" or "tonight" may start
    ("today", "this week", "a year ago", "two days ago", ...), in no order, maybe -1.
    Empty when ``low`` has none of those words."""
    found: list[int] = []
    if not ("day" in low or "week" in low or "month" in low or "year" in low or "tonight" in low):
        return found
    before = _BEFORE_UNIT_AGO if "ago" in low else _BEFORE_UNIT  # "two days" needs "ago"
    for unit in ("day", "week", "month", "year", "tonight"):
        q = low.find(unit)
        while q >= 0:
            if unit == "tonight":
                found.append(q)
            elif q and text[q - 1].isspace():  # "this week", "a year ago", "two days ago"
                w = _word_before(low, text, q, before)
                if w >= 0:
                    found.append(w)
                    if low.startswith("this", w):  # "earlier this week"
                        found.append(_word_before(low, text, w, ("earlier",)))
            elif unit == "day" and low[max(0, q - 2) : q] == "to":
                found.append(q - 2)
            elif unit == "day" and low[max(0, q - 6) : q] == "yester":
                found.append(q - 6)
            q = low.find(unit, q + 1)
    return found


def _with_word_before(text: str, low: str, q: int, words: tuple[str, ...]) -> list[int]:
    """Where to try the time pattern for the anchor at ``q``, a year or a month, in
    order: at the word before it when it is one of ``words`` ("in 2018", "mid-2018", "in
    March"), at the whitespace before a year (" 2018"), at ``q``. Nothing else can start
    in between, as only whitespace is there."""
    space = q
    while space and text[space - 1].isspace():
        space -= 1
    if space == q:  # "mid-2018", "the2018"; "in March" needs whitespace
        return [_word_before(low, text, q, words), q] if words is _BEFORE_YEAR else [q]
    if words is _BEFORE_YEAR:
        return [_word_before(low, text, space, words), space, q]
    return [_word_before(low, text, space, words), q]


def _matches(text: str, low: str, ascii_text: bool) -> list[re.Match[str]]:
    """What the time pattern's ``finditer`` gives for ``text`` (which holds no
    ``_CASE_TRAPS``; ``low`` is ``text.lower()``): the first match from the left, then
    the first after it, ..., each found by a pattern cut down for where it starts and
    tried only where an anchor says a match may start. Empty when there is none."""
    starts = _unit_starts(low, text)
    # The anchors; for a year or for a month "in March" can end with, the words that
    # may come before it (looked for only when the anchor is reached).
    before: dict[int, tuple[str, ...]] = {}
    search = _ANCHORS[ascii_text].search  # cheaper than finditer for a few matches
    a = search(text)
    while a:
        q, e = a.span()
        starts.append(q)
        if a.lastindex:  # a month after which "in March" can end
            before[q] = _BEFORE_MONTH
        elif e - q == 4 and text[q] in "12" and text[q + 1] in "089":  # a year
            before[q] = _BEFORE_YEAR
        a = search(text, e)
    if not ascii_text:
        o = _OTHER_NUMBERS.search(text)
        while o:
            starts.append(o.start())
            o = _OTHER_NUMBERS.search(text, o.end())
    if len(starts) > 1:
        starts.sort()
    cut = _CUT[ascii_text]
    out: list[re.Match[str]] = []
    pos = 0
    for q in starts:
        if q < pos:
            continue
        words = before.get(q)
        for p in _with_word_before(text, low, q, words) if words else (q,):
            if p >= pos:
                two = text[p : p + 2]
                pattern = cut[two] if two in cut else _cut_pattern(two, ascii_text)
                m = pattern.match(text, p) if pattern else None
                if m:
                    out.append(m)
                    pos = m.end()
    return out


def time_refs(text: str, base: date | None) -> list[TimeRef]:
    """The time expressions in ``text`` that say when something holds, resolved
    against ``base``. Expressions after "since"/"until" are left out (they bound a
    period, they do not date a figure). Empty when there is none."""
    low = text.lower()
    ascii_text = text.isascii()
    if ascii_text or not any(c in text for c in _CASE_TRAPS):
        # No need for the quick test below: every match holds a hint or a year anyway.
        matches = _matches(text, low, ascii_text)
        if not matches:
            return []
        # "since" and the like are in the lower-cased text, or nowhere.
        since = "since" in low or "until" in low or "till" in low or "after" in low
        since = since or "following" in low
    elif not any(w in low for w in _TIME_HINTS) and not _YEARISH.search(text):
        return []
    else:
        matches = list(_time_pattern().finditer(text))
        since = True
    out: list[TimeRef] = []
    for m in matches:
        kind, found, start = m.lastgroup, m.group(), m.start()
        # Only "since March" can start so (the "inmonth" branch).
        if kind == "inmonth" and found.lower().startswith(("since", "until")):
            continue
        if since and _SINCE_BEFORE.search(text, max(0, start - 45), start):
            continue
        key = (kind, found, base)
        try:
            resolved = _RESOLVED[key]
        except KeyError:
            resolved = _resolve(m, base)
            if len(_RESOLVED) >= _RESOLVED_MAX:
                _RESOLVED.clear()
            _RESOLVED[key] = resolved
        if resolved:
            out.append(TimeRef(resolved[0], resolved[1], start, m.end()))
    return out


# A year not glued to other digits nor after "," or "."; the look-behind comes after
# the first two digits so that the scan can skip to a "1" or a "2".
_YEAR_MENTION: Final = re.compile(r"(?:1[89]|20)(?<![\d,.]..)\d\d(?![\d,])")


def years_mentioned(text: str) -> list[int]:
    """Every four-digit year (1800-2099) the text names, in order; empty when none."""
    return [int(y) for y in _YEAR_MENTION.findall(text)]
