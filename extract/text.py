"""Splitting an article into the lines that are its text (site furniture left out) and
those lines into sentences, keeping character offsets into the article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from extract.vocab import Vocab, vocab


class Span:
    """A stretch ``text[start:end]`` of the article."""

    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Span) and (self.start, self.end) == (other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end})"


_LIST_ITEM: Final = re.compile(r"^\s*\d{1,2}[.)]?\s+\S")
_BODY_LINE: Final = re.compile(r"[.!?][\"\u201d\u2019')]*\s*$")


@dataclass(frozen=True)
class _LineRules:
    """A vocabulary's line patterns, combined once: a pattern that starts with ``^``
    can only match at the start of a line, so those are tried there alone."""

    end_at_start: re.Pattern[str] | None
    end_anywhere: re.Pattern[str] | None
    boilerplate_at_start: re.Pattern[str] | None
    boilerplate_anywhere: re.Pattern[str] | None

    def is_end_marker(self, line: str) -> bool:
        return bool(
            (self.end_at_start and self.end_at_start.match(line))
            or (self.end_anywhere and self.end_anywhere.search(line))
        )

    def is_boilerplate(self, line: str) -> bool:
        return bool(
            (self.boilerplate_at_start and self.boilerplate_at_start.match(line))
            or (self.boilerplate_anywhere and self.boilerplate_anywhere.search(line))
        )


def _combine(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.I)


def _split(patterns: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str] | None, ...]:
    """Patterns anchored at the start (``^``, no MULTILINE) and the others, combined."""
    anchored = [p for p in patterns if p.pattern.startswith("^") and not p.flags & re.M]
    return _combine(anchored), _combine([p for p in patterns if p not in anchored])


def _rules(v: Vocab) -> _LineRules:
    rules = _RULES.get(id(v))
    if rules is None or rules[0] is not v:
        rules = _RULES[id(v)] = (
            v,
            _LineRules(*_split(v.end_markers), *_split(v.boilerplate_lines)),
        )
    return rules[1]


_RULES: Final[dict[int, tuple[Vocab, _LineRules]]] = {}


def _is_body(line: str) -> bool:
    return len(line.split()) >= 12 and bool(_BODY_LINE.search(line))


_ASCII_SPACES_BUT_ONE: Final = ("  ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def _single_spaced(line: str) -> bool:
    """Whether the words of a stripped line are parted by single spaces only, so that
    ``line.split()`` joined by spaces gives the line back."""
    if line.isascii():
        return not any(space in line for space in _ASCII_SPACES_BUT_ONE)
    return line.isprintable() and "  " not in line


def content_lines(text: str) -> list[Span]:
    """The lines of ``text`` that carry the article, in order.

    Left out: navigation, subscribe and contact lines, a repeated line (a caption shown
    twice), numbered lists of other stories, and after an end marker ("Related
    Articles", "Most read", ...) every line up to the next body paragraph (a list of
    other stories may stand mid-page, with the article going on after it). Empty for an
    empty text.
    """
    rules = _rules(vocab())
    kept: list[Span] = []
    seen: set[str] = set()
    skipping = False
    list_run: list[int] = []
    end = -1
    for raw in text.split("\n"):
        start = end + 1
        end = start + len(raw)
        line = raw.strip()
        if not line:
            continue
        if rules.is_end_marker(line):
            skipping = True
            continue
        if skipping:
            if not _is_body(line):
                continue
            skipping = False
        if len(line) < 200 and rules.is_boilerplate(line):
            continue
        # a caption repeated with other spacing or case is still the same line
        key = line.lower() if _single_spaced(line) else " ".join(line.lower().split())
        if key in seen:
            continue
        seen.add(key)
        if _LIST_ITEM.match(line) and not _is_body(line):
            list_run.append(len(kept))
        kept.append(Span(start, end))
    # three or more numbered short lines in a row are a list of other stories
    if len(list_run) >= 3:
        drop: set[int] = set()
        run = [list_run[0]]
        for idx in list_run[1:]:
            if idx == run[-1] + 1:
                run.append(idx)
            else:
                if len(run) >= 3:
                    drop.update(run)
                run = [idx]
        if len(run) >= 3:
            drop.update(run)
        kept = [s for j, s in enumerate(kept) if j not in drop]
    return kept


_ABBREVIATIONS: Final = frozenset(
    ("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Sen", "Rep",
     "Gov", "St", "Mt", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
     "Oct", "Nov", "Dec", "Inc", "Ltd", "Co", "Corp", "vs", "etc", "approx", "est", "al")
)  # fmt: skip
"""Abbreviations whose dot ends no sentence (with their case; an initial neither)."""


def _ends_abbreviation(text: str, start: int, stop: int) -> bool:
    """Whether the dot at ``stop - 1`` ends an abbreviation ("Dr.", "Jan.") or an
    initial ("J."): the whole word before it, which starts after ``start`` and at most
    7 characters back, is one of them."""
    if text[stop - 1] != ".":
        return False
    lo = max(start, stop - 8)
    j = stop - 1
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "_"):
        if j == lo:
            return False  # a longer word, cut by the look-back
        j -= 1
    word = text[j : stop - 1]
    return word in _ABBREVIATIONS or (len(word) == 1 and "A" <= word <= "Z")


_SENT_END: Final = re.compile(r"[.!?]+[\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])")


def sentences(text: str, line: Span) -> list[Span]:
    """The sentences of one line, as spans of ``text``; the whole line when it has one."""
    out: list[Span] = []
    start = line.start
    done = line.start  # the sentence-end matches found so far never overlap
    for at in _stops(text, line.start, line.end):
        if at < done:
            continue
        m = _SENT_END.match(text, at, line.end)
        if m is None:
            continue
        done = m.end()
        stop = at + 1
        if _ends_abbreviation(text, start, stop):
            continue
        mark = m.group()
        out.append(Span(start, at + len(mark.rstrip())))
        start = m.end()
    if start < line.end:
        out.append(Span(start, line.end))
    return out


def _stops(text: str, start: int, end: int) -> list[int]:
    """Where ".", "!" or "?" stands in ``text[start:end]``, in order: the only places a
    sentence end can begin (found with ``str.find``, much faster than a regex scan)."""
    found: list[int] = []
    for mark in ".!?":
        i = text.find(mark, start, end)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1, end)
    found.sort()
    return found
