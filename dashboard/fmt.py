"""How numbers, dates, figures and quotes are written for people to read.

Numbers get thousands separators ("160,000"), dates read "21 May 2018", and article
text is made safe for ``st.markdown``: every Markdown, HTML and Streamlit directive
character is escaped, so nothing an article or ``figures.yaml`` holds is ever rendered
as markup; only the figure's own span is set in bold.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

QUALIFIER_WORDS: dict[str, str] = {
    "exact": "exact",
    "approx": "about",
    "more_than": "more than",
    "at_most": "at most",
    "vague": "vague range",
}
"""Plain words for each qualifier, as legends and tables show them."""

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^\d{4}$")


def number(value: Any) -> str:
    """``value`` with thousands separators and no trailing ``.0`` ("160,000", "2.5");
    empty for a missing value."""
    if value is None or value == "":
        return ""
    try:
        f = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(f):
        return ""
    if f.is_integer():
        return f"{f:,.0f}"
    return f"{f:,.2f}".rstrip("0").rstrip(".")


def is_missing(value: Any) -> bool:
    """Whether ``value`` is None, NA, NaN or empty text."""
    if value is None or value == "":
        return True
    try:
        return bool(value != value)  # NaN and pd.NA
    except (TypeError, ValueError):
        return True


def figure(value: Any, low: Any, high: Any, qualifier: str = "") -> str:
    """A figure in words from its numbers: "160,000", "about 160,000", "200-900",
    "more than 250", "at most 2,000"; empty when it has no number."""
    v = None if is_missing(value) else float(value)
    lo = None if is_missing(low) else float(low)
    hi = None if is_missing(high) else float(high)
    if qualifier == "more_than" and lo is not None:
        return f"more than {number(lo)}"
    if qualifier == "at_most" and hi is not None:
        return f"at most {number(hi)}"
    if v is not None:
        return f"about {number(v)}" if qualifier == "approx" else number(v)
    if lo is not None and hi is not None:
        return f"{number(lo)}\u2013{number(hi)}"
    if lo is not None:
        return f"more than {number(lo)}"
    if hi is not None:
        return f"at most {number(hi)}"
    return ""


def day(d: date) -> str:
    """A date as "21 May 2018"."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_text(text: Any) -> str:
    """An ISO date as people read it: "2018-05-21" -> "21 May 2018", "2015-04" ->
    "April 2015", "2018" -> "2018", "before:2011" -> "before 2011"; anything else as
    it is, empty for nothing."""
    if is_missing(text):
        return ""
    s = str(text).strip()
    if s.startswith("before:"):
        inner = date_text(s[7:])
        return f"before {inner}" if inner else s
    m = _ISO_DAY.match(s)
    if m:
        try:
            return day(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return s
    m = _ISO_MONTH.match(s)
    if m and 1 <= int(m[2]) <= 12:
        return f"{MONTHS[int(m[2]) - 1]} {m[1]}"
    return s


def qualifier_words(qualifier: str) -> str:
    """The plain words for a qualifier (unknown ones as they are)."""
    return QUALIFIER_WORDS.get(qualifier, qualifier)


def escape_markdown(text: str) -> str:
    """``text`` safe to pass to ``st.markdown``: every ASCII punctuation character is
    backslash-escaped (so no emphasis, link, HTML tag, ``$`` maths or ``:colour[]``
    directive can form), and line breaks are kept as hard breaks."""
    out = "".join("\\" + ch if ch in _ASCII_PUNCTUATION else ch for ch in text)
    paragraphs = re.split(r"\n\s*\n", out.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n\n".join(p.strip("\n").replace("\n", "  \n") for p in paragraphs)


def highlight(text: str, start: int | None, end: int | None) -> str:
    """``text`` escaped for ``st.markdown`` with ``text[start:end]`` in bold; without a
    valid span, the escaped text alone."""
    if start is None or end is None or not (0 <= start < end <= len(text)):
        return escape_markdown(text)
    span = text[start:end]
    inner = escape_markdown(span.strip())
    lead = span[: len(span) - len(span.lstrip())]
    trail = span[len(span.rstrip()) :]
    return (
        escape_markdown(text[:start] + lead)
        + "**"
        + inner
        + "**"
        + escape_markdown(trail + text[end:])
        if inner
        else escape_markdown(text)
    )


def window(text: str, start: int, end: int, around: int = 500) -> tuple[str, int, int]:
    """The part of ``text`` within about ``around`` characters of ``text[start:end]``,
    cut at white space and marked with an ellipsis where cut, and the span's offsets
    in it."""
    if not (0 <= start < end <= len(text)):
        return text, start, end
    a = max(0, start - around)
    b = min(len(text), end + around)
    if a > 0:
        space = text.find(" ", a, start)
        a = space + 1 if space >= 0 else a
    if b < len(text):
        space = text.rfind(" ", end, b)
        b = space if space >= 0 else b
    lead = "… " if a > 0 else ""
    trail = " …" if b < len(text) else ""
    part = lead + text[a:b] + trail
    shift = len(lead) - a
    return part, start + shift, end + shift


def find_span(haystack: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` first occurs in ``haystack`` (case and spacing as given, then
    ignoring case); ``None`` when it does not."""
    if not haystack or not needle:
        return None
    i = haystack.find(needle)
    if i < 0:
        i = haystack.lower().find(needle.lower())
    return None if i < 0 else (i, i + len(needle))


def quote_highlight(quote: str, phrase: str) -> str:
    """The quote escaped for ``st.markdown`` with the phrase in bold; the phrase alone
    (bold) when there is no quote."""
    if not quote:
        return "**" + escape_markdown(phrase) + "**" if phrase else ""
    span = find_span(quote, phrase)
    return highlight(quote, *span) if span else escape_markdown(quote)


def quote_marked(quote: str, phrase: str, *, limit: int = 0) -> str:
    """The quote as plain text with the phrase between ⟦ and ⟧ (for table cells, which
    show no formatting); cut to about ``limit`` characters around the phrase when
    ``limit`` is given."""
    if not quote:
        return f"\u27e6{phrase}\u27e7" if phrase else ""
    span = find_span(quote, phrase)
    if span is None:
        return shorten(quote, limit) if limit else quote
    a, b = span
    before, mid, after = quote[:a], quote[a:b], quote[b:]
    if limit and len(quote) > limit:
        room = max(limit - len(mid), 20) // 2
        if len(before) > room:
            before = "\u2026" + before[-room:].lstrip()
        if len(after) > room:
            after = after[:room].rstrip() + "\u2026"
    return f"{before}\u27e6{mid}\u27e7{after}"


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in an ellipsis if cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + "\u2026"


def plural(n: int, word: str, many: str = "") -> str:
    """``n`` with its word: "1 figure", "12,000 figures"."""
    return f"{number(n)} {word if n == 1 else (many or word + 's')}"
