"""Finding number phrases in text: digits, number words, vague amounts, qualifiers.

:func:`find_numbers` scans a whole text in linear time and returns every number
phrase with its value, bounds, qualifier and span. It knows nothing of what is counted;
that is the extractor's job.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Final

from extract.vocab import vocab

_UNITS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES: Final = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
           "billion": 1_000_000_000}  # fmt: skip
_DIGIT_SCALES: Final = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "lakh": 100_000,
                 "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
                 **_SCALES}  # fmt: skip


# The only characters outside ASCII that a case-insensitive pattern lets stand for an
# ASCII letter ("b\u0131llion" matches "billion"): folded before the table lookups.
_ASCII_FOLD: Final = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _fold(word: str) -> str:
    """``word`` in lower case with the letters a case-insensitive match treats as
    ASCII ("\u0131", "\u017f", the Kelvin sign) turned into ASCII."""
    return word.translate(_ASCII_FOLD).lower()


class NumberPhrase:
    """A number phrase found in a text.

    ``start``/``end`` cover the qualifier and the number ("more than 250");
    ``num_start`` is where the number itself begins. ``value`` is ``None`` for a vague
    amount or a range; ``low``/``high`` are ``None`` where the phrase sets no bound.
    ``form`` is ``digits``, ``words`` or ``vague``.
    """

    def __init__(
        self,
        start: int,
        end: int,
        num_start: int,
        value: float | None,
        low: float | None,
        high: float | None,
        qualifier: str,
        form: str,
    ) -> None:
        self.start = start
        self.end = end
        self.num_start = num_start
        self.value = value
        self.low = low
        self.high = high
        self.qualifier = qualifier
        self.form = form

    def _fields(self) -> tuple[object, ...]:
        return (self.start, self.end, self.num_start, self.value, self.low, self.high,
                self.qualifier, self.form)  # fmt: skip

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NumberPhrase) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "NumberPhrase" + repr(self._fields())


# The pieces of :func:`number_pattern`. A candidate that starts with a digit can only
# be matched by the digits piece, so :data:`_DIGIT_NUMBER` uses that piece alone. The
# lookaheads ``(?=\d{1,3},)`` and ``(?=\s?[mbthlc])`` change no match: they only skip,
# early, the grouped numbers ("1,50,000", "160,000") and the scale words where the next
# characters rule them out.
_NOT_GLUED: Final = r"(?<![\w.,+/$\u20ac\u00a3#:-])"
_DIGITS: Final = (
    r"(?P<digits>(?=\d{1,3},)(?:\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?)"
    r"|\d+(?:\.\d+)?)"
    r"(?!\d|[.,]\d|[%/]|:\d)"
    r"(?:(?=\s?[mbthlc])\s?(?P<scale>million|billion|thousand|hundred|lakhs?|crores?|mn|bn|m)\b)?"
    r"(?![A-Za-z])"
)
# The upper end that may follow a number in digits ("-20", "to 1.5 million").
_RANGE = (
    r"\s*(?:-|\u2013|to|and)\s*(?P<high>\d{1,3}(?:,\d{3})+|\d+)(?!\d|[.,]\d)"
    r"(?:\s?(?P<high_scale>million|thousand))?"
)


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
        _NOT_GLUED + "(?:"
        rf"(?P<vague>(?:{vague}))(?![\w-])"
        "|" + _DIGITS + "|"
        r"(?P<half>half\s+a\s+(?:million|billion)|a\s+quarter\s+(?:of\s+)?a\s+million)(?![\w])"
        rf"|(?P<words>(?:{unit}|a\s+(?:dozen|hundred|thousand|million))"
        rf"(?:(?:-|\s+|\s+and\s+)(?:{word}))*)(?![\w])"
        r")",
        re.I,
    )


# A number in digits, plus (group ``range``, looked at but not consumed) the upper end
# that may follow it.
_DIGIT_NUMBER: Final = re.compile(_NOT_GLUED + _DIGITS + "(?=(?P<range>" + _RANGE + ")?)", re.I)


_WORD_GAPS: Final = re.compile(r"[\s-]+")
_AND: Final = re.compile(r"(\s+and\s+)", re.I)
_SPACES: Final = re.compile(r"\s+")


def words_value(phrase: str) -> float | None:
    """The value of a number in words ("two dozen" -> 24, "one hundred and fifty" ->
    150, "a thousand" -> 1000); ``None`` when it is not a number phrase."""
    tokens = _WORD_GAPS.split(phrase.lower())
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
    parts = _AND.split(phrase)
    out = parts[0]
    for i in range(1, len(parts) - 1, 2):
        prev = out.split()[-1].lower() if out.split() else ""
        if prev not in ("hundred", "thousand", "million", "billion"):
            break
        out += parts[i] + parts[i + 1]
    return out


@lru_cache(maxsize=1)
def _qualifiers_by_last_word() -> dict[str, tuple[tuple[str, str], ...]]:
    """For each last word of a qualifier phrase, the ``(phrase, qualifier)`` pairs that a
    text ending in that word may end with, longest phrase first."""
    quals = vocab().qualifiers
    last_words = {p.split()[-1] for p, _q in quals}
    return {
        last: tuple((p, q) for p, q in quals if last.endswith(p.split()[-1])) for last in last_words
    }


def _qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The qualifier phrase ending just before ``start`` and where it begins;
    ``("exact", start)`` when there is none."""
    if start == 0 or text[start - 1] not in " \u00a0":
        return "exact", start
    first = start - 24 if start > 24 else 0  # the window looked at is text[first:start]
    space = text.rfind(" ", first, start - 1)
    word = text[space + 1 if space >= 0 else first : start - 1]
    if word.isascii() and word.isalpha():  # the common case: one space after a plain word
        phrases = _qualifiers_by_last_word().get(word.lower())
        if phrases is None:
            return "exact", start
        stripped = text[first : start - 1].lower()
        gap = 1  # the whitespace between the phrase and the number
    else:
        window = text[first:start].lower()
        stripped = window.rstrip()
        if not stripped:
            return "exact", start
        phrases = _qualifiers_by_last_word().get(stripped.rsplit(None, 1)[-1])
        if phrases is None:
            return "exact", start
        gap = len(window) - len(stripped)
    for phrase, qualifier in phrases:
        if stripped.endswith(phrase):
            before = stripped[: -len(phrase)]
            if before and (before[-1].isalnum() or before[-1] == "-"):
                continue
            return qualifier, start - gap - len(phrase)
    return "exact", start


def _bounds(value: float, qualifier: str) -> tuple[float | None, float | None]:
    if qualifier == "more_than":
        return value, None
    if qualifier == "at_most":
        return None, value
    return None, None


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
def _gate_words() -> list[str]:
    """The words and phrases (lower case) a number phrase in words may begin with."""
    words = set(_UNITS) | {"half", "a dozen", "a hundred", "a thousand", "a million", "a quarter"}
    words |= set(vocab().vague)
    return sorted(words)


@lru_cache(maxsize=1)
def _gate() -> re.Pattern[str]:
    """Finds where a number phrase may begin, in lower-cased text: every run of digits,
    and the longest of :func:`_gate_words` not glued to a letter or digit."""
    return re.compile(r"[0-9]+|(?<![a-z0-9])" + _trie(_gate_words()) + r"(?![a-z])")


# Turns lower-cased text, encoded as ASCII with "?" for anything else, into scan bytes
# of the same length: a-z stay, every digit becomes "0", anything else becomes a space.
_SCAN_TABLE: Final = bytes(
    c if 0x61 <= c <= 0x7A else 0x30 if 0x30 <= c <= 0x39 else 0x20 for c in range(256)
)


@lru_cache(maxsize=1)
def _word_scanners() -> tuple[re.Pattern[bytes], re.Pattern[str]] | None:
    """Two regexes for :func:`_gate_words`: one finding them after a space in scan bytes
    (a literal first character, so the regex engine skips ahead fast), one matching the
    longest of them in lower-cased text. ``None`` when some word is not lower-case ASCII
    words joined by single spaces, which scan bytes cannot stand for."""
    words = _gate_words()
    if not all(re.fullmatch(r"[a-z]+(?: [a-z]+)*", w) for w in words):
        return None
    trie = _trie(words) + r"(?![a-z])"
    return re.compile((" " + trie).encode("ascii")), re.compile(trie)


def _candidates(lowered: str) -> list[int]:
    """Where a number phrase may begin in ``lowered``, in order: the starts of the
    :func:`_gate` matches, less the digit runs glued to a letter (no number begins
    there). An empty list when there is none.

    Instead of trying the gate at every character, C-level scans look at a copy of the
    text in scan bytes (see :data:`_SCAN_TABLE`): ``find`` for digits, and a regex that
    starts with a literal space for words. Each hit is checked against the text itself,
    and the gate's rule kept: after a word it goes on from the word's end.
    """
    scanners = _word_scanners()
    if scanners is None:
        return [m.start() for m in _gate().finditer(lowered)]
    word_scan, word_at = scanners
    # scan[i + 1] stands for lowered[i]; the spaces added stand for the text's ends
    scan = b" " + lowered.encode("ascii", "replace").translate(_SCAN_TABLE) + b" "
    found: list[int] = []
    i = scan.find(b"0")
    while i != -1:  # the first digit of each run, if it follows a space
        if scan[i - 1] == 0x20:
            found.append(i - 1)
        i += 1
        while scan[i] == 0x30:
            i += 1
        i = scan.find(b"0", i)
    i = 0
    while (hit := word_scan.search(scan, i)) is not None:
        start = hit.start()  # where the word begins in lowered
        word = word_at.match(lowered, start)
        if word is None:  # the scan bytes hid a difference ("a\ndozen")
            i = start + 1
        else:
            found.append(start)
            i = word.end()
    found.sort()
    return found


def _words_phrase(text: str, m: re.Match[str]) -> tuple[NumberPhrase | None, int]:
    """The phrase for a :func:`number_pattern` match that is not in digits (a vague
    amount, "half a million", a number in words), and where the scan goes on; the phrase
    is ``None`` when the words make no number."""
    num_start, end = m.span()
    low: float | None
    high: float | None
    if m.group("vague"):
        key = _SPACES.sub(" ", _fold(m.group("vague")))
        low, high = vocab().vague[key]
        _qualifier, start = _qualifier_before(text, num_start)
        return NumberPhrase(start, end, num_start, None, low, high, "vague", "vague"), end
    if m.group("half"):
        half = m.group("half").lower()
        value = (250_000.0 if "quarter" in half else 500_000.0) * (1000 if "billion" in half else 1)
        qualifier, start = _qualifier_before(text, num_start)
        low, high = _bounds(value, qualifier)
        return NumberPhrase(start, end, num_start, value, low, high, qualifier, "words"), end
    phrase = _trim_words(m.group("words"))
    end = num_start + len(phrase)
    parsed = words_value(phrase)
    if parsed is None:
        return None, end
    qualifier, start = _qualifier_before(text, num_start)
    if phrase.lower().startswith("a "):
        # "a dozen", "a hundred": a round, not counted, number
        qualifier = "approx" if qualifier == "exact" else qualifier
    low, high = _bounds(parsed, qualifier)
    return NumberPhrase(start, end, num_start, parsed, low, high, qualifier, "words"), end


def find_numbers(text: str) -> list[NumberPhrase]:
    """Every number phrase in ``text``, in order; an empty list when there is none."""
    out: list[NumberPhrase] = []
    pat = number_pattern()
    digits_alone = _word_scanners() is not None  # no vague phrase begins with a digit
    pos = 0
    low: float | None
    high: float | None
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters grow when lower-cased ("İ")
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for num_start in _candidates(lowered):
        if num_start < pos:
            continue
        if digits_alone and "0" <= text[num_start] <= "9":
            m = _DIGIT_NUMBER.match(text, num_start)
        else:
            m = pat.match(text, num_start)
            if m is not None and not m.group("digits"):
                found, pos = _words_phrase(text, m)
                if found is not None:
                    out.append(found)
                continue
            m = _DIGIT_NUMBER.match(text, num_start)  # the same number, with its range
        if m is None:
            continue
        pos = end = m.end()
        digits, scale, upper, high_digits, high_scale = m.groups()
        digits = digits.replace(",", "")
        if len(digits) > 12:
            continue
        value = float(digits)
        if scale:
            value *= _DIGIT_SCALES[_fold(scale)]
        qualifier, start = _qualifier_before(text, num_start)
        if upper is not None:  # "10-20", "between 50 and 60", but not "from 10 to 20"
            before = text[start - 9 if start > 9 else 0 : start].lower()
            if not before.endswith("from ") and (
                before.endswith("between ") or not upper.strip().lower().startswith("and")
            ):
                high = float(high_digits.replace(",", ""))
                if high_scale:
                    high *= _DIGIT_SCALES[_fold(high_scale)]
                elif scale and high < value:
                    high *= _DIGIT_SCALES[_fold(scale)]
                if value < high:
                    if before.endswith("between "):
                        start -= len("between ")
                    pos = end = m.end("range")
                    out.append(
                        NumberPhrase(start, end, num_start, None, value, high, "approx", "digits")
                    )
                    continue
        low = value if qualifier == "more_than" else None  # as _bounds, inlined
        high = value if qualifier == "at_most" else None
        out.append(NumberPhrase(start, end, num_start, value, low, high, qualifier, "digits"))
    return out
