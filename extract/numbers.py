"""Finding number phrases in text: digits, number words, vague amounts, qualifiers.

:func:`find_numbers` scans a whole text in one linear pass and returns every number
phrase with its value, bounds, qualifier and span. It knows nothing of what is counted;
that is the extractor's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extract.vocab import vocab

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
           "billion": 1_000_000_000}  # fmt: skip
_DIGIT_SCALES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "lakh": 100_000,
                 "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
                 **_SCALES}  # fmt: skip


@dataclass(frozen=True)
class NumberPhrase:
    """A number phrase found in a text.

    ``start``/``end`` cover the qualifier and the number ("more than 250");
    ``num_start`` is where the number itself begins. ``value`` is ``None`` for a vague
    amount or a range; ``low``/``high`` are ``None`` where the phrase sets no bound.
    ``form`` is ``digits``, ``words`` or ``vague``.
    """

    start: int
    end: int
    num_start: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    form: str


@lru_cache(maxsize=1)
def number_pattern() -> re.Pattern[str]:
    """The one regex that finds candidate numbers (case-insensitive, no nested
    repetition over the same characters, so it runs in linear time)."""
    unit = "|".join(sorted(_UNITS, key=len, reverse=True))
    word = "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True))
    vague = "|".join(
        re.escape(k).replace(r"\ ", r"\s+") for k in sorted(vocab().vague, key=len, reverse=True)
    )
    return re.compile(
        r"(?<![\w.,+/$\u20ac\u00a3#:-])(?:"
        rf"(?P<vague>(?:{vague}))(?![\w-])"
        r"|(?P<digits>\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        r"(?!\d|[.,]\d|[%/]|:\d)"
        r"(?:\s?(?P<scale>million|billion|thousand|hundred|lakhs?|crores?|mn|bn|m)\b)?(?![A-Za-z])"
        r"|(?P<half>half\s+a\s+(?:million|billion)|a\s+quarter\s+(?:of\s+)?a\s+million)(?![\w])"
        rf"|(?P<words>(?:{unit}|a\s+(?:dozen|hundred|thousand|million))"
        rf"(?:(?:-|\s+|\s+and\s+)(?:{word}))*)(?![\w])"
        r")",
        re.I,
    )


def words_value(phrase: str) -> float | None:
    """The value of a number in words ("two dozen" -> 24, "one hundred and fifty" ->
    150, "a thousand" -> 1000); ``None`` when it is not a number phrase."""
    tokens = re.split(r"[\s-]+", phrase.lower())
    total = 0
    current = 0
    seen = False
    for tok in tokens:
        if tok in ("a", "and"):
            if tok == "a":
                current = current or 1
            continue
        if tok in _UNITS:
            current += _UNITS[tok]
            seen = True
        elif tok in _SCALES:
            scale = _SCALES[tok]
            seen = True
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
    return float(total + current) if seen else None


def _trim_words(phrase: str) -> str:
    """Cut a word-number chain at an "and" that does not follow a scale word
    ("five and six" is two numbers; "two hundred and fifty" is one)."""
    parts = re.split(r"(\s+and\s+)", phrase, flags=re.I)
    out = parts[0]
    for i in range(1, len(parts) - 1, 2):
        prev = out.split()[-1].lower() if out.split() else ""
        if prev not in ("hundred", "thousand", "million", "billion"):
            break
        out += parts[i] + parts[i + 1]
    return out


@lru_cache(maxsize=1)
def _qualifier_last_words() -> frozenset[str]:
    return frozenset(p.split()[-1] for p, _q in vocab().qualifiers)


def _qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The qualifier phrase ending just before ``start`` and where it begins;
    ``("exact", start)`` when there is none."""
    window = text[max(0, start - 24) : start].lower()
    if not window.endswith((" ", "\u00a0")):
        return "exact", start
    stripped = window.rstrip()
    last = stripped.rsplit(None, 1)[-1] if stripped else ""
    if last not in _qualifier_last_words():
        return "exact", start
    for phrase, qualifier in vocab().qualifiers:
        if stripped.endswith(phrase):
            before = stripped[: -len(phrase)]
            if before and (before[-1].isalnum() or before[-1] == "-"):
                continue
            return qualifier, start - (len(window) - len(before))
    return "exact", start


def _bounds(value: float, qualifier: str) -> tuple[float | None, float | None]:
    if qualifier == "more_than":
        return value, None
    if qualifier == "at_most":
        return None, value
    return None, None


_RANGE_AFTER = re.compile(
    r"\s*(?:-|\u2013|to|and)\s*(\d{1,3}(?:,\d{3})+|\d+)(?!\d|[.,]\d)(?:\s?(million|thousand))?",
    re.I,
)


def _trie(words: list[str]) -> str:
    """A regex matching any of ``words``, factored by common prefixes (much faster
    than a flat alternation)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


@lru_cache(maxsize=1)
def _gate() -> re.Pattern[str]:
    """Finds where a number phrase may begin, in lower-cased text."""
    words = set(_UNITS) | {"half", "a dozen", "a hundred", "a thousand", "a million", "a quarter"}
    words |= set(vocab().vague)
    return re.compile(r"[0-9]+|(?<![a-z0-9])" + _trie(sorted(words)) + r"(?![a-z])")


def find_numbers(text: str) -> list[NumberPhrase]:
    """Every number phrase in ``text``, in order; an empty list when there is none."""
    out: list[NumberPhrase] = []
    pat = number_pattern()
    pos = 0
    low: float | None
    high: float | None
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters grow when lower-cased ("İ")
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for gate in _gate().finditer(lowered):
        if gate.start() < pos:
            continue
        m = pat.match(text, gate.start())
        if m is None:
            continue
        pos = m.end()
        num_start = m.start()
        end = m.end()
        if m.group("vague"):
            key = re.sub(r"\s+", " ", m.group("vague").lower())
            low, high = vocab().vague[key]
            qualifier, start = _qualifier_before(text, num_start)
            out.append(NumberPhrase(start, end, num_start, None, low, high, "vague", "vague"))
            continue
        if m.group("half"):
            half = m.group("half").lower()
            value = (250_000.0 if "quarter" in half else 500_000.0) * (
                1000 if "billion" in half else 1
            )
            qualifier, start = _qualifier_before(text, num_start)
            low, high = _bounds(value, qualifier)
            out.append(NumberPhrase(start, end, num_start, value, low, high, qualifier, "words"))
            continue
        if m.group("digits"):
            digits = m.group("digits")
            if len(digits.replace(",", "")) > 12:
                continue
            value = float(digits.replace(",", ""))
            scale = m.group("scale")
            if scale:
                value *= _DIGIT_SCALES[scale.lower()]
            form = "digits"
        else:
            phrase = _trim_words(m.group("words"))
            end = num_start + len(phrase)
            pos = end
            parsed = words_value(phrase)
            if parsed is None:
                continue
            value = parsed
            form = "words"
            if phrase.lower().startswith("a "):
                # "a dozen", "a hundred": a round, not counted, number
                qualifier, start = _qualifier_before(text, num_start)
                q = "approx" if qualifier == "exact" else qualifier
                low, high = _bounds(value, q)
                out.append(NumberPhrase(start, end, num_start, value, low, high, q, form))
                continue
        qualifier, start = _qualifier_before(text, num_start)
        before = text[max(0, start - 9) : start].lower()
        r = _RANGE_AFTER.match(text, end) if form == "digits" else None
        if (
            r
            and not before.endswith("from ")
            and (before.endswith("between ") or not r.group(0).strip().lower().startswith("and"))
        ):
            high = float(r.group(1).replace(",", ""))
            if r.group(2):
                high *= _DIGIT_SCALES[r.group(2).lower()]
            elif scale and high < value:
                high *= _DIGIT_SCALES[scale.lower()]
            if value < high:
                if before.endswith("between "):
                    start -= len("between ")
                end = r.end()
                pos = end
                out.append(NumberPhrase(start, end, num_start, None, value, high, "approx", form))
                continue
        low, high = _bounds(value, qualifier)
        out.append(NumberPhrase(start, end, num_start, value, low, high, qualifier, form))
    return out
