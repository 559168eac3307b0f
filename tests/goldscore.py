"""Scoring extracted figures against a gold file (the format of tests/data/gold_seeds.yaml).

A prediction matches a gold figure of the same article and category when their numbers
agree: equal values, or overlapping ranges where either side is a bound or a vague
amount. Each gold figure takes at most one prediction, preferring one whose phrase
contains the gold phrase (or is contained in it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

SCORED = frozenset({"population", "killed", "injured", "evacuees", "displaced", "buses"})


def _norm(text: object) -> str:
    s = str(text or "").lower().replace("\u2019", "'")
    s = re.sub(r"[.'\u2018]", "", s)
    return " ".join(re.sub(r"[^\w+/ ]", " ", s).split())


def _interval(fig: Mapping[str, Any]) -> tuple[float, float]:
    v, lo, hi = fig.get("value"), fig.get("low"), fig.get("high")
    if v is not None and lo is None and hi is None:
        return float(v), float(v)
    low = float(lo) if lo is not None else (float(v) if v is not None and hi is None else -math.inf)
    high = float(hi) if hi is not None else (float(v) if v is not None and lo is None else math.inf)
    return low, high


def numbers_agree(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Equal values, or overlapping intervals when either side has no single value."""
    if pred.get("value") is not None and gold.get("value") is not None:
        return abs(float(pred["value"]) - float(gold["value"])) < 0.5
    (a, b), (c, d) = _interval(pred), _interval(gold)
    return a <= d and c <= b


def _same_phrase(a: object, b: object) -> bool:
    x, y = _norm(a), _norm(b)
    return bool(x and y and (x in y or y in x))


@dataclass
class Score:
    matched: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    false: list[dict[str, Any]] = field(default_factory=list)
    not_figures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def f1(self) -> float:
        tp, fp, fn = len(self.matched), len(self.false), len(self.missed)
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    def count(self, check: str) -> tuple[int, int]:
        """(right, out of) for ``attribution``, ``as_of`` or ``qualifier``."""
        ok = n = 0
        for pred, gold in self.matched:
            result = {"attribution": attribution_ok, "as_of": as_of_ok, "qualifier": qualifier_ok}[
                check
            ](pred, gold)
            if result is not None:
                n += 1
                ok += bool(result)
        return ok, n


def attribution_ok(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    want = gold.get("attributed_to")
    got = _norm(pred.get("attributed_to"))
    if want is None:
        return not got
    names = want if isinstance(want, list) else [want]
    return any(_same_phrase(got, n) for n in names)


def as_of_ok(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool | None:
    want = str(gold.get("as_of") or "")
    got = str(pred.get("as_of") or "")
    if not want:
        return None
    if want.startswith("before:"):
        if got.startswith("before:"):
            return True
        return bool(re.match(r"\d{4}", got)) and int(got[:4]) <= int(want[7:11])
    if not got or got.startswith("before:"):
        return False
    return got.startswith(want) or want.startswith(got[:7])


def qualifier_ok(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool | None:
    if not gold.get("qualifier"):
        return None
    return pred.get("qualifier") == gold["qualifier"]


def score_article(gold: Mapping[str, Any], preds: Iterable[Mapping[str, Any]]) -> Score:
    """Score one article's predictions (rows with the CSV columns) against its gold."""
    rows = [dict(p) for p in preds]
    out = Score()
    used: set[int] = set()
    for g in gold.get("figures") or []:
        candidates = [
            i
            for i, p in enumerate(rows)
            if i not in used and p["category"] == g["category"] and numbers_agree(p, g)
        ]
        if not candidates:
            out.missed.append(dict(g))
            continue
        best = max(candidates, key=lambda i: _same_phrase(rows[i]["text"], g["text"]))
        used.add(best)
        out.matched.append((rows[best], dict(g)))
    junk = gold.get("not_figures") or []
    optional = gold.get("optional") or []
    for i, p in enumerate(rows):
        if i in used:
            continue
        if any(_same_phrase(p["text"], j) for j in junk):
            out.not_figures.append(p)
            out.false.append(p)
            continue
        if p["category"] not in SCORED:
            continue
        if any(o.get("category") == p["category"] and numbers_agree(p, o) for o in optional):
            continue
        out.false.append(p)
    return out


def merge(scores: Iterable[Score]) -> Score:
    """One score for many articles."""
    total = Score()
    for s in scores:
        total.matched += s.matched
        total.missed += s.missed
        total.false += s.false
        total.not_figures += s.not_figures
    return total
