"""Splitting an article into the lines that are its text (site furniture left out) and
those lines into sentences, keeping character offsets into the article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.vocab import Vocab, vocab


@dataclass(frozen=True)
class Span:
    """A stretch ``text[start:end]`` of the article."""

    start: int
    end: int


_LINE = re.compile(r"[^\n]+")
_LIST_ITEM = re.compile(r"^\s*\d{1,2}[.)]?\s+\S")
_BODY_LINE = re.compile(r"[.!?\"\u201d\u2019')]\s*$")


@lru_cache(maxsize=4)
def _combined(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.I)


def _end_marker(v: Vocab) -> re.Pattern[str]:
    return _combined(v.end_markers)


def _boilerplate(v: Vocab) -> re.Pattern[str]:
    return _combined(v.boilerplate_lines)


def _is_body(line: str) -> bool:
    return len(line.split()) >= 12 and bool(_BODY_LINE.search(line))


def content_lines(text: str) -> list[Span]:
    """The lines of ``text`` that carry the article, in order.

    Left out: navigation, subscribe and contact lines, a repeated line (a caption shown
    twice), numbered lists of other stories, and after an end marker ("Related
    Articles", "Most read", ...) every line up to the next body paragraph, or to the end
    when the marker stands in the last part of the page. Empty for an empty text.
    """
    v = vocab()
    lines = [(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(text)]
    lines = [(s, e, t) for s, e, t in lines if t]
    kept: list[Span] = []
    seen: set[str] = set()
    skipping = False
    total = len(text) or 1
    list_run: list[int] = []
    for start, end, line in lines:
        if _end_marker(v).search(line):
            if start > 0.6 * total:
                break
            skipping = True
            continue
        if skipping:
            if not _is_body(line):
                continue
            skipping = False
        if len(line) < 200 and _boilerplate(v).search(line):
            continue
        key = " ".join(line.lower().split())
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


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|St|Mt|No|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|vs|etc|approx|est|al)\.|\b[A-Z]\.)$"
)
_SENT_END = re.compile(r"[.!?]+[\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])")


def sentences(text: str, line: Span) -> list[Span]:
    """The sentences of one line, as spans of ``text``; the whole line when it has one."""
    out: list[Span] = []
    start = line.start
    chunk = text[line.start : line.end]
    for m in _SENT_END.finditer(chunk):
        cut = line.start + m.end()
        stop = line.start + m.start() + 1
        if _ABBREV.search(text, max(start, stop - 8), stop):
            continue
        out.append(Span(start, line.start + m.end() - len(m.group()) + len(m.group().rstrip())))
        start = cut
    if start < line.end:
        out.append(Span(start, line.end))
    return out
