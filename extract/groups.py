"""Comparison groups: figures that measure the same thing, side by side.

Two figures are compared when they have the same category, the same place (after
aliases), the same kind of counted group (:func:`who_kind`) and the same period
(:func:`period_labels`). Each rule is a plain function here, usable on its own.

Within a group, :func:`source_key` says which figures are one source: copies of one
wire story (the same agency giving the same number, whichever outlets ran it) count
once, and figures credited to the same body count once.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd

from extract.aliases import alias_key, default_aliases
from extract.articles import wire_names
from extract.layer import format_number

SUMMARY_COLUMNS: tuple[str, ...] = (
    "group",
    "category",
    "where",
    "who_kind",
    "period",
    "n_figures",
    "min",
    "max",
    "ratio",
    "independent_sources",
    "outlets",
    "summary",
)

_FIGHTERS = frozenset((
    "fighter", "fighters", "militant", "militants", "jihadist", "jihadists", "rebel",
    "rebels", "soldier", "soldiers", "troops", "troop", "forces", "combatant",
    "combatants", "gunmen", "gunman", "insurgent", "insurgents", "militiamen", "militia",
    "militias", "army", "servicemen", "guerrillas", "guerrilla", "mercenaries",
))  # fmt: skip
_STATE = frozenset((
    "soldier", "soldiers", "troops", "troop", "army", "servicemen", "police", "policemen",
    "military", "regime", "government", "loyalist", "loyalists",
))  # fmt: skip
_NOT_STATE = frozenset(("anti", "opposition"))
_CHILDREN = frozenset((
    "child", "children", "kids", "kid", "minors", "minor", "boys", "girls", "infants",
    "babies", "toddlers", "orphans", "schoolchildren", "pupils",
))  # fmt: skip
_WOMEN = frozenset(("women", "woman", "mothers"))
_CIVILIANS = frozenset((
    "civilians", "civilian", "residents", "resident", "people", "persons", "refugees",
    "relatives", "families", "inhabitants", "population", "villagers", "family",
))  # fmt: skip
_WORD = re.compile(r"[a-z]+")


def who_kind(who: str, category: str = "", unit: str = "") -> str:
    """The kind of group a figure counts: ``government forces`` (soldiers, pro-regime
    forces), ``fighters`` (other armed men), ``children``, ``women``, ``women and
    children``, ``mixed`` (fighters together with others), ``vehicles`` for buses, and
    ``people`` for everyone else (residents, civilians, refugees, or nothing said);
    ``households`` for a count in households, whoever is in them."""
    if category == "buses":
        return "vehicles"
    if unit.startswith("household"):
        return "households"
    words = set(_WORD.findall(who.lower()))
    fighters = bool(words & (_FIGHTERS | _STATE - {"regime", "government"}))
    children = bool(words & _CHILDREN)
    women = bool(words & _WOMEN)
    if fighters and (children or women or words & _CIVILIANS):
        return "mixed"
    if fighters:
        state = words & _STATE and not words & _NOT_STATE
        return "government forces" if state else "fighters"
    if children and women:
        return "women and children"
    if children:
        return "children"
    if women:
        return "women"
    return "people"


def place_key(where: str) -> str:
    """The form places are compared in: the canonical name by the default aliases
    (the merged table already has those of figures.yaml applied), with case, dots and a
    leading "the" ignored; empty when no place is known."""
    return alias_key(default_aliases().canonical("places", where))


@dataclass(frozen=True)
class Period:
    """When a figure holds. ``kind`` is ``baseline`` (``before:YYYY``), ``year``,
    ``dated`` (a month or a day: ``start``..``end``) or ``unknown``."""

    kind: str
    start: date | None = None
    end: date | None = None
    label: str = ""


def period_of(as_of: str, published: str = "") -> Period:
    """The period of a figure from its ``as_of``, else its published date; an
    ``unknown`` period when neither is a date."""
    text = (as_of or "").strip()
    if text.startswith("before:") and text[7:].isdigit():
        return Period("baseline", label=text)
    for candidate in (text, (published or "").strip()):
        p = _dated(candidate)
        if p is not None:
            return p
    return Period("unknown", label="undated")


def _dated(text: str) -> Period | None:
    try:
        if re.fullmatch(r"\d{4}", text):
            y = int(text)
            return Period("year", date(y, 1, 1), date(y, 12, 31), text)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            y, m = (int(x) for x in text.split("-"))
            first = date(y, m, 1)
            last = (date(y + (m == 12), m % 12 + 1, 1)) - timedelta(days=1)
            return Period("dated", first, last, text)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            d = date.fromisoformat(text)
            return Period("dated", d, d, text)
    except ValueError:
        return None
    return None


def period_labels(periods: Sequence[Period], window_days: int = 45) -> list[str]:
    """A period label for each of ``periods``; equal labels mean the same period.

    Baselines (``before:YYYY``) all share one period; year-only dates share their
    year's; undated figures share ``undated``. Month and day dates are cut into windows:
    a window starts at the earliest date not yet placed and takes every date that
    begins at most ``window_days`` after that first date ends, so no window is longer
    than its first date plus ``window_days`` (a 2015 figure never shares a 2018 one).
    Raises ValueError for a negative window.
    """
    if window_days < 0:
        raise ValueError(f"window_days must be 0 or more, not {window_days}")
    labels = [""] * len(periods)
    baselines = [i for i, b in enumerate(periods) if b.kind == "baseline"]
    if baselines:
        years = sorted({periods[i].label[7:] for i in baselines})
        label = f"before:{years[0]}" + (f"..{years[-1]}" if len(years) > 1 else "")
        for i in baselines:
            labels[i] = label
    for i, period in enumerate(periods):
        if period.kind in ("year", "unknown"):
            labels[i] = period.label
    dated = sorted(
        (i for i, d in enumerate(periods) if d.kind == "dated"),
        key=lambda i: (periods[i].start, periods[i].end),
    )
    window: list[int] = []
    limit: date | None = None
    for i in [*dated, -1]:
        p = periods[i] if i >= 0 else None
        if p is not None and limit is not None and p.start is not None and p.start <= limit:
            window.append(i)
            continue
        if window:
            label = _window_label([periods[j] for j in window])
            for j in window:
                labels[j] = label
        if p is not None and p.end is not None:
            window, limit = [i], p.end + timedelta(days=window_days)
    return labels


def _window_label(members: Sequence[Period]) -> str:
    texts = {p.label for p in members}
    if len(texts) == 1:
        return next(iter(texts))
    first = min(p.start for p in members if p.start is not None)
    last = max(p.end for p in members if p.end is not None)
    return f"{first.isoformat()}..{last.isoformat()}"


def bounds(value: Any, low: Any, high: Any) -> tuple[float | None, float | None]:
    """The smallest and largest number a figure allows: its bounds where it has them,
    else its value ("more than 250" -> (250, 250), "200-900" -> (200, 900)); (None,
    None) when it has no number."""
    nums = [_num(value), _num(low), _num(high)]
    v, lo, hi = nums
    lo = lo if lo is not None else v
    hi = hi if hi is not None else v
    lo = lo if lo is not None else hi
    hi = hi if hi is not None else lo
    return lo, hi


def _num(v: Any) -> float | None:
    if v is None or v is pd.NA:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _figure_numbers(row: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(
        "" if (n := _num(row.get(k))) is None else format_number(n)
        for k in ("value", "low", "high")
    )


def carrier(row: Mapping[str, Any]) -> str:
    """The news agency whose copy a figure comes from (its wire, or its outlet when
    the outlet is itself an agency); empty when there is none."""
    names = wire_names()
    wire = str(row.get("wire") or "")
    if wire:
        return names.get(wire, wire)
    outlet = str(row.get("outlet") or "")
    return names.get(outlet, "")


def source_key(row: Mapping[str, Any]) -> tuple[str, ...]:
    """Figures with equal keys are one source, not independent confirmations:
    ``("body", name)`` for a figure credited to a body; ``("wire", agency, numbers)``
    for an agency's figure in any outlet that carried it; ``("outlet", outlet,
    numbers)`` for an outlet's own figure; the figure's id when nothing is known."""
    body = alias_key(str(row.get("attributed_to") or ""))
    if body:
        return ("body", body)
    wire = carrier(row)
    if wire:
        return ("wire", wire, *_figure_numbers(row))
    outlet = alias_key(str(row.get("outlet") or ""))
    if outlet:
        return ("outlet", outlet, *_figure_numbers(row))
    return ("figure", str(row.get("id") or ""))


def _columns(df: pd.DataFrame, names: Sequence[str]) -> dict[str, list[Any]]:
    return {n: df[n].tolist() if n in df.columns else [""] * len(df) for n in names}


def comparison_groups(df: pd.DataFrame, *, window_days: int = 45) -> pd.DataFrame:
    """``df`` (a merged table) with a ``group`` column naming the comparison group of
    each figure, like ``population|yarmouk|people|before:2011``. An empty ``df`` comes
    back empty, with the column added."""
    out = df.copy()
    if df.empty:
        out["group"] = pd.Series(dtype="str")
        return out
    col = _columns(df, ("category", "who", "unit", "where", "as_of", "published"))
    cats = [str(c) for c in col["category"]]
    kinds = [
        who_kind(str(w), c, str(u)) for w, c, u in zip(col["who"], cats, col["unit"], strict=True)
    ]
    seen_places: dict[str, str] = {}
    places = []
    for w in col["where"]:
        name = str(w)
        if name not in seen_places:
            seen_places[name] = place_key(name)
        places.append(seen_places[name])
    periods = [
        period_of(str(a), str(p)) for a, p in zip(col["as_of"], col["published"], strict=True)
    ]
    by_key: dict[tuple[str, str, str], list[int]] = {}
    for i, key in enumerate(zip(cats, places, kinds, strict=True)):
        by_key.setdefault(key, []).append(i)
    groups = [""] * len(df)
    for (cat, place, kind), members in by_key.items():
        labels = period_labels([periods[i] for i in members], window_days)
        for i, label in zip(members, labels, strict=True):
            groups[i] = f"{cat}|{place}|{kind}|{label}"
    out["group"] = groups
    return out


def _most_common(values: Sequence[str]) -> str:
    found = [v for v in values if v]
    return Counter(found).most_common(1)[0][0] if found else ""


def _describe_one(rows: Sequence[Mapping[str, Any]]) -> str:
    texts = {str(r.get("text") or "") for r in rows}
    if len(texts) == 1 and next(iter(texts)):
        return next(iter(texts))
    r = rows[0]
    value, low, high = (_num(r.get(k)) for k in ("value", "low", "high"))
    qualifier = str(r.get("qualifier") or "")
    if value is not None and qualifier not in ("more_than", "at_most"):
        return format_number(value)
    if low is not None and high is not None:
        return f"{format_number(low)}-{format_number(high)}"
    if low is not None:
        return f"more than {format_number(low)}"
    if high is not None:
        return f"at most {format_number(high)}"
    return format_number(value) if value is not None else "no number"


def _describe(rows: Sequence[Mapping[str, Any]]) -> str:
    """What one source says: its phrase when all its figures share one, else each of
    its distinct numbers ("160,000"; "32, more than 24, 6")."""
    by_numbers: dict[tuple[str, ...], list[Mapping[str, Any]]] = {}
    for r in rows:
        by_numbers.setdefault(_figure_numbers(r), []).append(r)
    ordered = sorted(by_numbers.values(), key=lambda members: -_top(members))
    return ", ".join(_describe_one(members) for members in ordered)


def _top(members: Sequence[Mapping[str, Any]]) -> float:
    his = [bounds(m.get("value"), m.get("low"), m.get("high"))[1] for m in members]
    return max((h for h in his if h is not None), default=-1.0)


def _label(key: tuple[str, ...], rows: Sequence[Mapping[str, Any]]) -> str:
    outlets = sorted({str(r.get("outlet") or "") for r in rows} - {""})
    wires = sorted({carrier(r) for r in rows} - {""})
    if key[0] == "body":
        via = ", ".join(wires or outlets)
        name = _most_common([str(r.get("attributed_to") or "") for r in rows])
        return f"{name} (via {via})" if via else name
    if key[0] == "wire":
        wire = key[1]
        if len(outlets) > 1:
            return f"{wire} ({len(outlets)} outlets, one wire story)"
        if outlets and carrier({"outlet": outlets[0]}) != wire:
            return f"{wire} (via {outlets[0]})"
        return wire
    return outlets[0] if outlets else "unknown source"


def summarise(rows: Sequence[Mapping[str, Any]]) -> tuple[int, str]:
    """The number of independent sources among ``rows`` (one group's figures) and a
    one-line summary of who says what, largest figure first, like
    ``AP: an estimated 200,000; AFP (3 outlets, one wire story): 160,000``."""
    by_source: dict[tuple[str, ...], list[Mapping[str, Any]]] = {}
    for r in rows:
        by_source.setdefault(source_key(r), []).append(r)

    ordered = sorted(by_source.items(), key=lambda kv: -_top(kv[1]))
    parts = [f"{_label(k, members)}: {_describe(members)}" for k, members in ordered]
    return len(by_source), "; ".join(parts)


def group_summaries(df: pd.DataFrame) -> pd.DataFrame:
    """One row per comparison group of ``df`` (grouped with the default window when
    it has no ``group`` column): the columns of :data:`SUMMARY_COLUMNS`. ``min`` and
    ``max`` compare figures by their bounds; ``ratio`` is max/min (NaN when the
    smallest is 0 or no figure has a number); ``outlets`` counts distinct outlets.
    Sorted by disagreement: highest ratio first, then most figures. An empty ``df``
    gives an empty table with those columns."""
    if "group" not in df.columns:
        df = comparison_groups(df)
    names = ("group", "id", "category", "value", "low", "high", "qualifier", "text")
    col = _columns(df, (*names, "outlet", "wire", "where", "attributed_to"))
    every = [dict(zip(col, values, strict=True)) for values in zip(*col.values(), strict=True)]
    members: dict[str, list[dict[str, Any]]] = {}
    for r in every:
        members.setdefault(str(r["group"]), []).append(r)
    records: list[dict[str, Any]] = []
    for group, rows in members.items():
        lows, highs = [], []
        for r in rows:
            lo, hi = bounds(r.get("value"), r.get("low"), r.get("high"))
            if lo is not None and hi is not None:
                lows.append(lo)
                highs.append(hi)
        smallest = min(lows) if lows else math.nan
        largest = max(highs) if highs else math.nan
        ratio = largest / smallest if lows and smallest > 0 else math.nan
        independent, summary = summarise(rows)
        cat, _place, kind, period = str(group).split("|", 3)
        records.append(
            {
                "group": group,
                "category": cat,
                "where": _most_common([str(r.get("where") or "") for r in rows]),
                "who_kind": kind,
                "period": period,
                "n_figures": len(rows),
                "min": smallest,
                "max": largest,
                "ratio": ratio,
                "independent_sources": independent,
                "outlets": len({str(r.get("outlet") or "") for r in rows} - {""}),
                "summary": summary,
            }
        )
    out = pd.DataFrame(records, columns=list(SUMMARY_COLUMNS))
    if out.empty:
        return out
    out = out.sort_values(
        ["ratio", "n_figures", "group"], ascending=[False, False, True], na_position="last"
    )
    return out.reset_index(drop=True)
