"""Dashboard benchmark: a generated table of 100,000 merged figures (the columns of
``extract.merge.COLUMNS``), timed through what the Compare page does on each run
(filter, group summaries, the page's charts as Vega-Lite specs) and through a filter
change; also the one-off preparation done when the table is loaded (comparison
groups and derived columns, cached in process afterwards).

Run it with::

    .venv/bin/python benchmarks/bench_dashboard.py [--figures 100000] [--repeat 5]

Targets: the Compare page under 2 s, a filter change under 0.5 s (server time).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboard import charts, data, views  # noqa: E402
from extract.merge import COLUMNS  # noqa: E402

N_FIGURES = 100_000
COMPARE_BUDGET_S = 2.0
FILTER_BUDGET_S = 0.5
PER_PAGE = 8
BIG_PLACE = "Camp Zero"
"""A place with one very large comparison group, to exercise the chart row cap."""

CATEGORIES = ("population", "killed", "injured", "evacuees", "displaced", "buses")
QUALIFIERS = ("exact", "approx", "more_than", "at_most", "vague")
WHO = ("people", "civilians", "residents", "children", "fighters", "soldiers", "families")
WIRES = ("", "", "", "AFP", "AP", "Reuters", "dpa", "Xinhua")
BODIES = ("", "", "", "", "UNRWA", "OCHA", "UNHCR", "the health ministry", "local officials")
PROVENANCE = ("extracted",) * 8 + ("curated", "corrected")


def generated_frame(n: int = N_FIGURES, *, seed: int = 7) -> pd.DataFrame:
    """``n`` merged figures as the dashboard gets them from ``merged_figures``: five
    per article, 150 outlets, 400 places, figures dated by their article (2012-2024),
    some by a date in the text, some baselines and some undated. A fifth of them are
    the population of :data:`BIG_PLACE` before the war, one group of ``n / 5``."""
    rng = np.random.default_rng(seed)
    articles = np.arange(n) // 5
    n_articles = int(articles[-1]) + 1 if n else 0
    day0 = date(2012, 1, 1)
    published = np.array(
        [(day0 + timedelta(days=int(d))).isoformat() for d in rng.integers(0, 4700, n_articles)]
    )[articles]
    outlets = np.array([f"Outlet {i:03d}" for i in range(150)])[rng.integers(0, 150, n_articles)]
    wires = np.array(WIRES)[rng.integers(0, len(WIRES), n_articles)]
    places = np.array([f"Place {i:03d}" for i in range(400)])[rng.integers(0, 400, n)]
    cats = np.array(CATEGORIES)[rng.integers(0, len(CATEGORIES), n)]
    who = np.array(WHO)[rng.integers(0, len(WHO), n)]
    quals = np.array(QUALIFIERS)[rng.integers(0, len(QUALIFIERS), n)]
    magnitude = np.round(10 ** rng.uniform(0.5, 5.5, n))

    as_of = np.array(published, dtype=object)
    kind = rng.random(n)
    texts = np.array(
        [(day0 + timedelta(days=int(d))).isoformat()[:7] for d in rng.integers(0, 4700, n)]
    )
    as_of = np.where(kind < 0.2, texts, as_of)
    baseline = (kind >= 0.2) & (kind < 0.25)
    as_of = np.where(baseline, "before:2011", as_of)
    as_of = np.where(kind > 0.95, "", as_of)

    big = rng.random(n) < 0.2
    places = np.where(big, BIG_PLACE, places)
    cats = np.where(big, "population", cats)
    who = np.where(big, "residents", who)
    as_of = np.where(big, "before:2011", as_of)
    magnitude = np.where(big, np.round(rng.normal(150_000, 20_000, n), -3), magnitude)

    value = magnitude.astype(float)
    low = np.full(n, np.nan)
    high = np.full(n, np.nan)
    more, most, vague = quals == "more_than", quals == "at_most", quals == "vague"
    low[more] = value[more]
    high[most] = value[most]
    low[vague] = value[vague]
    high[vague] = value[vague] * 4
    value[vague] = np.nan

    df = pd.DataFrame({c: [""] * n for c in COLUMNS})
    digests = np.array([f"{a:012x}" for a in range(n_articles)])[articles]
    starts = (np.arange(n) % 5) * 100
    df["id"] = [f"{d}-{s}-{s + 20}" for d, s in zip(digests, starts, strict=True)]
    df["article"] = [f"{d}.txt" for d in digests]
    df["outlet"] = outlets[articles]
    df["wire"] = wires[articles]
    df["published"] = published
    df["url"] = [f"https://example.org/{d}" for d in digests]
    df["category"] = cats
    df["value"] = value
    df["low"] = low
    df["high"] = high
    df["qualifier"] = quals
    df["unit"] = np.where(cats == "buses", "bus", "person")
    df["text"] = [f"{int(m):,} {w}" for m, w in zip(magnitude, who, strict=True)]
    df["who"] = who
    df["where"] = places
    df["as_of"] = as_of
    df["as_of_basis"] = np.where(kind < 0.2, "text", np.where(baseline, "baseline", "published"))
    df["attributed_to"] = np.array(BODIES)[rng.integers(0, len(BODIES), n)]
    df["quote"] = [
        f"Officials said {t} were affected in {p}." for t, p in zip(df["text"], places, strict=True)
    ]
    df["start"] = pd.array(starts, dtype="Int64")
    df["end"] = pd.array(starts + 20, dtype="Int64")
    df["provenance"] = np.array(PROVENANCE)[rng.integers(0, len(PROVENANCE), n)]
    return df


def compare_page(df: pd.DataFrame, filters: data.Filters) -> list[dict[str, Any]]:
    """What the Compare page computes on a run: the filtered table, the groups sorted
    by disagreement, and the charts of one page of groups as Vega-Lite specs."""
    view = data.apply_filters(df, filters)
    result = views.compare_data(view, page=1, per_page=PER_PAGE, min_figures=2)
    specs = []
    for group in result.shown["group"]:
        built = charts.group_chart(views.group_rows(view, str(group)), title=str(group))
        specs.append(built.spec())
    return specs


def _time(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--figures", type=int, default=N_FIGURES)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    t = time.perf_counter()
    raw = generated_frame(args.figures)
    generated = time.perf_counter() - t
    t = time.perf_counter()
    df = data.prepare(raw)
    prepared = time.perf_counter() - t
    groups = df["group"].nunique()

    warm = compare_page(df, data.Filters())  # first Altair use loads its schema
    compare_s, specs = _time(lambda: compare_page(df, data.Filters()), args.repeat)
    options = data.filter_options(df)
    narrowed = data.Filters(category=("killed",), outlet=tuple(options["outlet"][:20]))
    filter_s, _ = _time(lambda: compare_page(df, narrowed), args.repeat)
    one_place = data.Filters(place=(BIG_PLACE,))
    big_s, _ = _time(lambda: compare_page(df, one_place), args.repeat)
    most_rows = max(charts.spec_rows(s) for s in [*warm, *specs])
    big = charts.group_chart(
        views.group_rows(df, df.loc[df["where"] == BIG_PLACE, "group"].iloc[0])
    )
    big_rows = charts.spec_rows(big.spec())
    timeline = charts.timeline_chart(views.timeline_rows(df, BIG_PLACE, "population"))
    timeline_rows = charts.spec_rows(timeline.spec())

    print(f"figures:                      {len(df):,} ({groups:,} comparison groups)")
    print(f"generate the table:           {generated:.2f} s")
    print(f"prepare on load (once, cached): {prepared:.2f} s")
    print(
        f"Compare page, no filter:      {compare_s:.3f} s (target < {COMPARE_BUDGET_S} s; "
        f"{PER_PAGE} charts, median of {args.repeat})"
    )
    print(f"filter change (Compare page): {filter_s:.3f} s (target < {FILTER_BUDGET_S} s)")
    big_n = int((df["where"] == BIG_PLACE).sum())
    print(f"filter to one place:          {big_s:.3f} s (its largest group: {big_n:,} figures)")
    print(
        f"rows in the largest chart:    {most_rows:,} on the page; {big_rows:,} for a group "
        f"of {int((df['where'] == BIG_PLACE).sum()):,} figures; {timeline_rows:,} on its timeline "
        f"(cap {charts.ROW_CAP:,})"
    )
    ok = compare_s < COMPARE_BUDGET_S and filter_s < FILTER_BUDGET_S
    ok = ok and max(most_rows, big_rows, timeline_rows) <= charts.ROW_CAP
    print("within targets" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
