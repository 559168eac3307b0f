"""What each page shows, as plain functions of the filtered table: the comparison
groups of Compare, the series of Timeline, the table of Figures."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from dashboard import fmt
from extract.groups import SUMMARY_COLUMNS, summarise

# --- Compare ------------------------------------------------------------------------


NUMBER_COLUMNS: tuple[str, ...] = (
    "group",
    "n_figures",
    "min",
    "max",
    "ratio",
    "independent_sources",
    "outlets",
)
"""The columns of :func:`group_numbers`."""


def group_numbers(df: pd.DataFrame) -> pd.DataFrame:
    """The numbers of each comparison group of ``df`` (a prepared, possibly filtered
    table), computed for all groups at once: figures, lowest lower bound, highest upper
    bound, their ratio (NaN when the lowest is 0 or there is no number), independent
    sources and outlets. Sorted by disagreement as
    :func:`extract.groups.group_summaries` sorts: highest ratio first, then most
    figures, then by name."""
    if df.empty:
        return pd.DataFrame(columns=list(NUMBER_COLUMNS))
    by = df.groupby("group", sort=False)
    out = by.agg(
        n_figures=("lo", "size"),
        min=("lo", "min"),
        max=("hi", "max"),
        independent_sources=("source_key", "nunique"),
        outlets=("outlet", "nunique"),
    )
    blank = (df["outlet"] == "").groupby(df["group"], sort=False).any()
    out["outlets"] -= blank.reindex(out.index).astype(int)
    out["ratio"] = (out["max"] / out["min"]).where(out["min"] > 0)
    out.index.name = "group"
    out = out.reset_index().sort_values(
        ["ratio", "n_figures", "group"], ascending=[False, False, True], na_position="last"
    )
    return out[list(NUMBER_COLUMNS)].reset_index(drop=True)


SUMMARY_SOURCES = 6
"""How many sources the Compare page's summary lines name."""


def _summary(rows: pd.DataFrame, sources: int | None) -> str:
    """The summary line of one group's figures; with ``sources``, only that many
    sources, largest figure first, as :func:`extract.groups.summarise` orders them,
    and how many more there are (only those are summarised: large groups stay fast)."""
    if sources is not None:
        tops = rows.groupby("source_key", sort=False)["hi"].max().fillna(-1.0)
        if len(tops) > sources:
            keep = set(tops.sort_values(ascending=False, kind="stable").index[:sources])
            part = rows[rows["source_key"].isin(keep)]
            line = summarise(part.to_dict("records"))[1]
            return f"{line}; and {len(tops) - sources:,} more"
    return summarise(rows.to_dict("records"))[1]


def label_groups(
    df: pd.DataFrame, numbers: pd.DataFrame, *, sources: int | None = None
) -> pd.DataFrame:
    """``numbers`` (rows of :func:`group_numbers`) with the rest of
    :data:`extract.groups.SUMMARY_COLUMNS`: category, place (the most common one),
    kind of group, period and the one-line summary of who says what (see
    :func:`extract.groups.summarise`), from the figures of ``df``; the summary names
    at most ``sources`` sources when that is given."""
    out = numbers.copy()
    part = df[df["group"].isin(set(out["group"]))]
    where: dict[str, str] = {}
    lines: dict[str, str] = {}
    for group, rows in part.groupby("group", sort=False):
        places = Counter(p for p in rows["where"] if p)
        where[str(group)] = places.most_common(1)[0][0] if places else ""
        lines[str(group)] = _summary(rows, sources)
    parts = [str(g).split("|", 3) for g in out["group"]]
    out["category"] = [p[0] for p in parts]
    out["who_kind"] = [p[2] if len(p) > 2 else "" for p in parts]
    out["period"] = [p[3] if len(p) > 3 else "" for p in parts]
    out["where"] = [where.get(str(g), "") for g in out["group"]]
    out["summary"] = [lines.get(str(g), "") for g in out["group"]]
    return out[list(SUMMARY_COLUMNS)]


def compare_summaries(df: pd.DataFrame) -> pd.DataFrame:
    """One row per comparison group of ``df``, with the columns and order of
    :func:`extract.groups.group_summaries` (the same result, computed faster)."""
    if df.empty:
        return pd.DataFrame(columns=list(SUMMARY_COLUMNS))
    return label_groups(df, group_numbers(df))


@dataclass(frozen=True)
class CompareData:
    """The Compare page: the numbers of all groups that qualify (see
    :func:`group_numbers`), the groups on the current page with all their columns, and
    the paging."""

    all_groups: pd.DataFrame
    shown: pd.DataFrame
    page: int
    pages: int


def compare_data(
    df: pd.DataFrame, *, page: int = 1, per_page: int = 10, min_figures: int = 1
) -> CompareData:
    """The data of the Compare page for ``df`` (a prepared, filtered table): the groups
    with at least ``min_figures`` figures, sorted by disagreement, and page ``page``
    (from 1; clamped to the pages there are) of ``per_page`` of them, described."""
    groups = group_numbers(df)
    groups = groups[groups["n_figures"] >= min_figures].reset_index(drop=True)
    pages = max(1, math.ceil(len(groups) / per_page))
    page = min(max(1, page), pages)
    shown = groups.iloc[(page - 1) * per_page : page * per_page]
    shown = label_groups(df, shown, sources=SUMMARY_SOURCES)
    return CompareData(groups, shown.reset_index(drop=True), page, pages)


def group_rows(df: pd.DataFrame, group: str) -> pd.DataFrame:
    """The figures of one comparison group."""
    return df[df["group"] == group]


def group_title(summary: pd.Series) -> str:
    """A group's heading: "Population of people in Yarmouk, before 2011 to 2018"."""
    category = str(summary["category"]).capitalize()
    kind = str(summary["who_kind"])
    where = str(summary["where"]) or "no place given"
    return f"{category} \u00b7 {kind} \u00b7 {where} \u00b7 {period_words(str(summary['period']))}"


def period_words(period: str) -> str:
    """A group's period in words: "before 2011 to 2018", "20 April to 21 May 2018"."""
    if period == "undated":
        return "undated"
    first, sep, last = period.partition("..")
    if not sep:
        return fmt.date_text(first)
    if first.startswith("before:"):
        return f"before {first[7:]} to {last}"
    return f"{fmt.date_text(first)} to {fmt.date_text(last)}"


def stats(summary: pd.Series) -> dict[str, str]:
    """The numbers beside a group's chart, written out."""
    ratio = summary["ratio"]
    return {
        "Lowest": fmt.number(summary["min"]) or "\u2013",
        "Highest": fmt.number(summary["max"]) or "\u2013",
        "Highest / lowest": "\u2013" if fmt.is_missing(ratio) else f"{float(ratio):,.1f}\u00d7",
        "Independent sources": fmt.number(summary["independent_sources"]),
        "Figures": fmt.number(summary["n_figures"]),
        "Outlets": fmt.number(summary["outlets"]),
    }


# --- Timeline -----------------------------------------------------------------------


def timeline_choices(df: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The places (most figures first) and categories that have dated figures."""
    dated = df[df["when"].notna()]
    places = dated["where"].astype(str)
    places = places[places != ""].value_counts()
    ordered = sorted(places.items(), key=lambda kv: (-kv[1], kv[0].lower()))
    return [p for p, _ in ordered], sorted(dated["category"].astype(str).unique().tolist())


def timeline_default(df: pd.DataFrame) -> tuple[str, str]:
    """The place and category with the most dated figures ("", "" when none)."""
    dated = df[(df["when"].notna()) & (df["where"] != "")]
    if dated.empty:
        return "", ""
    counts = dated.groupby(["where", "category"]).size()
    best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return str(best[0]), str(best[1])


def timeline_rows(df: pd.DataFrame, place: str, category: str) -> pd.DataFrame:
    """The dated figures of one place and category, in time order."""
    part = df[(df["where"] == place) & (df["category"] == category) & df["when"].notna()]
    return part.sort_values(["when", "lo"], kind="stable")


# --- Figures ------------------------------------------------------------------------

TABLE_COLUMNS: tuple[str, ...] = (
    "id",
    "provenance",
    "category",
    "figure",
    "quote",
    "text",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "who",
    "where",
    "as_of",
    "as_of_basis",
    "attributed_to",
    "outlet",
    "wire",
    "published",
    "article",
    "url",
    "start",
    "end",
    "note",
    "group",
)


TABLE_LABELS: dict[str, str] = {
    "provenance": "Provenance",
    "category": "Category",
    "text": "Phrase",
    "qualifier": "Qualifier",
    "unit": "Unit",
    "who": "Who",
    "where": "Where",
    "as_of": "As of",
    "as_of_basis": "As of from",
    "attributed_to": "Attributed to",
    "outlet": "Outlet",
    "wire": "Wire",
    "published": "Published",
    "article": "Article file",
    "start": "Start",
    "end": "End",
    "note": "Note",
    "group": "Comparison group",
}
"""Column headings of the Figures table."""


def figures_table(df: pd.DataFrame, *, limit: int = 10_000) -> pd.DataFrame:
    """The Figures page's table of ``df``: every field, the figure in words, the quote
    with the phrase marked ⟦like this⟧, dates written out; at most ``limit`` rows."""
    part = df.head(limit)
    out = pd.DataFrame(index=part.index)
    for col in TABLE_COLUMNS:
        if col == "figure":
            out[col] = [
                fmt.figure(v, lo, hi, q)
                for v, lo, hi, q in zip(
                    part["value"], part["low"], part["high"], part["qualifier"], strict=True
                )
            ]
        elif col == "quote":
            out[col] = [
                fmt.quote_marked(str(q), str(t), limit=240)
                for q, t in zip(part["quote"], part["text"], strict=True)
            ]
        elif col in ("as_of", "published"):
            out[col] = [fmt.date_text(v) for v in part[col]]
        elif col == "qualifier":
            out[col] = [fmt.qualifier_words(str(v)) for v in part[col]]
        elif col in part.columns:
            out[col] = part[col]
    return out.reset_index(drop=True)


def figure_row(df: pd.DataFrame, figure_id: str) -> pd.Series | None:
    """The figure with ``figure_id``; ``None`` when ``df`` has none."""
    if not figure_id:
        return None
    hit = df[df["id"] == figure_id]
    return None if hit.empty else hit.iloc[0]
