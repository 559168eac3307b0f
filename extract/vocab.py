"""Loads the word lists (``vocab.yaml``, ``qualifiers.yaml``, ``vague.yaml``) once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import yaml

_HERE: Final = Path(__file__).parent


def _load(name: str) -> Any:
    return yaml.safe_load((_HERE / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Cue:
    """A cue phrase (as a token tuple; a last token ending in ``*`` is a prefix)."""

    tokens: tuple[str, ...]
    category: str
    weight: float
    by_prefix: bool = False  # a word of it ends in ``*``


@dataclass(frozen=True)
class Vocab:
    """Every word list the extractor reads, ready for lookups."""

    person_nouns: dict[str, str]
    household_nouns: frozenset[str]
    vehicle_nouns: frozenset[str]
    cargo_words: frozenset[str]
    modifiers: frozenset[str]
    non_count_words: frozenset[str]
    skippable: frozenset[str]
    cues_exact: dict[str, list[Cue]]
    cues_prefix: list[tuple[str, Cue]]
    decline_words: frozenset[str]
    baseline_words: tuple[tuple[str, ...], ...]
    boilerplate_lines: tuple[re.Pattern[str], ...]
    end_markers: tuple[re.Pattern[str], ...]
    qualifiers: tuple[tuple[str, str], ...]
    vague: dict[str, tuple[float, float]]


STRONG: Final = 3.0
WEAK: Final = 1.0


def cues_starting(v: Vocab, low: str) -> tuple[Cue, ...]:
    """The cues whose first word is ``low`` (exact or by prefix), memoised per word;
    an empty tuple when no cue starts with it."""
    table = cue_table(v)
    found = table.get(low)
    if found is None:
        found = table[low] = tuple(v.cues_exact.get(low, ())) + tuple(
            cue for prefix, cue in v.cues_prefix if low.startswith(prefix)
        )
    return found


def cue_table(v: Vocab) -> dict[str, tuple[Cue, ...]]:
    """The memo behind :func:`cues_starting` for ``v``: word -> cues starting with it.
    A word not yet looked up is missing; ask :func:`cues_starting` for it."""
    cache = _CUE_CACHE.get(id(v))
    if cache is None:
        cache = _CUE_CACHE[id(v)] = {}
    return cache


def is_cue_word(v: Vocab, low: str) -> bool:
    """Whether ``low`` alone is a cue (a one-word cue phrase starts with it)."""
    cache = _CUE_WORD_CACHE.get(id(v))
    if cache is None:
        cache = _CUE_WORD_CACHE[id(v)] = {}
    found = cache.get(low)
    if found is None:
        found = cache[low] = any(len(c.tokens) == 1 for c in cues_starting(v, low))
    return found


_CUE_CACHE: Final[dict[int, dict[str, tuple[Cue, ...]]]] = {}
_CUE_WORD_CACHE: Final[dict[int, dict[str, bool]]] = {}


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The word lists, loaded and indexed on first use."""
    v = _load("vocab.yaml")
    cues_exact: dict[str, list[Cue]] = {}
    cues_prefix: list[tuple[str, Cue]] = []
    for category, levels in v["cues"].items():
        for level, weight in (("strong", STRONG), ("weak", WEAK)):
            for phrase in levels.get(level) or []:
                toks = tuple(str(phrase).lower().split())
                cue = Cue(toks, category, weight, any(t.endswith("*") for t in toks))
                if toks[-1].endswith("*") and len(toks) == 1:
                    cues_prefix.append((toks[0][:-1], cue))
                else:
                    cues_exact.setdefault(toks[0], []).append(cue)
    quals: list[tuple[str, str]] = []
    for qualifier, phrases in _load("qualifiers.yaml").items():
        quals.extend((str(p).lower(), str(qualifier)) for p in phrases or [])
    quals.sort(key=lambda pq: -len(pq[0]))
    vague = {str(k).lower(): (float(a), float(b)) for k, (a, b) in _load("vague.yaml").items()}
    return Vocab(
        person_nouns={str(k).lower(): str(c or "") for k, c in v["person_nouns"].items()},
        household_nouns=frozenset(v["household_nouns"]),
        vehicle_nouns=frozenset(v["vehicle_nouns"]),
        cargo_words=frozenset(v["cargo_words"]),
        modifiers=frozenset(v["modifiers"]),
        non_count_words=frozenset(str(w) for w in v["non_count_words"]),
        skippable=frozenset(v["skippable"]),
        cues_exact=cues_exact,
        cues_prefix=cues_prefix,
        decline_words=frozenset(v["decline_words"]),
        baseline_words=tuple(tuple(str(p).split()) for p in v["baseline_words"]),
        boilerplate_lines=tuple(re.compile(p, re.I) for p in v["boilerplate_lines"]),
        end_markers=tuple(re.compile(p, re.I) for p in v["end_markers"]),
        qualifiers=tuple(quals),
        vague=vague,
    )


def _grammar() -> dict[str, frozenset[str]]:
    data = _load("grammar.yaml") or {}
    return {str(k): frozenset(str(w) for w in v or []) for k, v in data.items()}


GRAMMAR: dict[str, frozenset[str]] = _grammar()
"""The word sets of ``grammar.yaml`` by name, loaded once on import."""
