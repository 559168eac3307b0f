"""Altair charts of figures: a comparison group's values by outlet, and a place's
figures over time.

Exact figures are points; bounds and vague amounts are range bars, dashed and ending in
an arrowhead where there is no bound ("more than 250" runs on to the right). Colour is
the outlet (Okabe-Ito, a palette readable with colour-blindness), shape the qualifier.
The value axis is logarithmic when the values span more than 10x.

No chart carries more than :data:`ROW_CAP` rows: figures that would draw the same mark
are merged first, then values are rounded to two significant figures and dates to the
month, and only then, if still needed, the rarest marks are left out; the chart's
caption says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
from altair.utils.schemapi import debug_mode

from dashboard import fmt

ROW_CAP = 5_000
"""The most rows any chart sends to the browser."""
LOG_SPAN = 10.0
"""Values spanning more than this factor get a logarithmic axis."""
OPEN_REACH = 3.0
"""An open range bar runs on this factor past its bound (a quarter of the axis on a
linear one), dashed, ending in an arrowhead, never past the edge of the chart."""
MAX_LABELS = 24
"""Outlets a comparison chart shows by name; the rest share one row."""

OKABE_ITO: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#000000",
)
"""The Okabe-Ito palette, distinguishable with the common kinds of colour-blindness
(its yellow left out: too pale on white)."""
OTHER_COLOUR = "#999999"
OTHER = "other outlets"
BASELINE = "(baseline)"

SHAPES: dict[str, str] = {
    "exact": "circle",
    "about": "diamond",
    "more than": "triangle-right",
    "at most": "triangle-left",
    "vague range": "square",
}
"""The point shape of each qualifier (by its words, see :data:`dashboard.fmt.QUALIFIER_WORDS`)."""

TOOLTIP_FIELDS: tuple[tuple[str, str], ...] = (
    ("figure", "Figure"),
    ("phrase", "Phrase"),
    ("quote", "Quote"),
    ("attributed", "Attributed to"),
    ("as_of", "As of"),
    ("outlet", "Outlet"),
    ("article", "Article"),
    ("n", "Figures at this mark"),
)

WIDTH = 640
"""Width of exported images, in pixels (on screen charts fill their column)."""
AUTOSIZE = alt.AutoSizeParams(type="fit-x", contains="padding")
"""Fit the width to the column; the height is the plot's own, legends below it."""


@dataclass(frozen=True)
class Built:
    """A chart (its layers and encodings), the rows it draws, and a note when figures
    were merged to keep it under the row cap (empty otherwise)."""

    chart: alt.LayerChart
    values: list[dict[str, Any]]
    note: str = ""

    @property
    def rows(self) -> int:
        """How many rows the chart sends to the browser."""
        return len(self.values)

    def spec(self) -> dict[str, Any]:
        """The Vega-Lite spec with its rows inline. Written out without validation,
        which is slow; :meth:`full` gives the validated chart (the tests use it)."""
        spec = self.chart.to_dict(validate=False)
        spec["datasets"] = {DATASET: self.values}
        return spec

    def full(self) -> alt.LayerChart:
        """The chart with its data, validated against the Vega-Lite schema."""
        return alt.LayerChart.from_dict(self.spec(), validate=True)


# --- scales -------------------------------------------------------------------------


def value_span(lo: pd.Series, hi: pd.Series) -> tuple[float, float] | None:
    """The smallest lower and largest upper bound; ``None`` when there is no number."""
    lows = pd.to_numeric(lo, errors="coerce").dropna()
    highs = pd.to_numeric(hi, errors="coerce").dropna()
    if lows.empty or highs.empty:
        return None
    return float(lows.min()), float(highs.max())


def use_log(span: tuple[float, float] | None) -> bool:
    """Whether values spanning ``span`` need a logarithmic axis: all positive and the
    largest more than :data:`LOG_SPAN` times the smallest."""
    if span is None:
        return False
    smallest, largest = span
    return smallest > 0 and largest / smallest > LOG_SPAN


def domain(span: tuple[float, float] | None, log: bool) -> tuple[float, float]:
    """The value axis: the data with some room, where open range bars end."""
    if span is None:
        return (0.0, 1.0)
    smallest, largest = span
    if log:
        return (smallest / 1.6, largest * 1.6)
    top = largest * 1.15 if largest > 0 else 1.0
    bottom = min(0.0, smallest * 1.15)
    return (bottom, top)


# --- marks --------------------------------------------------------------------------


def marks(rows: pd.DataFrame, edges: tuple[float, float], log: bool) -> pd.DataFrame:
    """One mark per figure: where its point sits (its value, its stated bound, or the
    middle of a vague range), its range bar (``bar_lo``..``bar_hi``, NaN for none),
    whether the bar is open (``open``) and the arrowhead at an open end (``arrow``
    and ``arrow_x``), with what the tooltips are made of (see :func:`tooltips`)."""
    value = pd.to_numeric(rows["value"], errors="coerce").to_numpy(dtype=float)
    low = pd.to_numeric(rows["low"], errors="coerce").to_numpy(dtype=float)
    high = pd.to_numeric(rows["high"], errors="coerce").to_numpy(dtype=float)
    qual = rows["qualifier"].astype(str).to_numpy()
    has_v, has_lo, has_hi = ~np.isnan(value), ~np.isnan(low), ~np.isnan(high)
    open_hi = (qual == "more_than") & has_lo | (has_lo & ~has_hi & ~has_v)
    open_lo = ((qual == "at_most") & has_hi | (has_hi & ~has_lo & ~has_v)) & ~open_hi
    closed = has_lo & has_hi & ~open_hi & ~open_lo
    with np.errstate(invalid="ignore", divide="ignore"):
        middle = np.sqrt(low * high) if log else (low + high) / 2
    point = np.where(
        has_v,
        value,
        np.where(open_hi, low, np.where(open_lo, high, np.where(closed, middle, np.nan))),
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        if log:
            reach_hi, reach_lo = low * OPEN_REACH, high / OPEN_REACH
        else:
            step = (edges[1] - edges[0]) / 4
            reach_hi, reach_lo = low + step, high - step
    open_end_hi = np.minimum(reach_hi, edges[1])
    open_end_lo = np.maximum(reach_lo, edges[0])
    bar_lo = np.where(closed, low, np.where(open_hi, low, np.where(open_lo, open_end_lo, np.nan)))
    bar_hi = np.where(closed, high, np.where(open_hi, open_end_hi, np.where(open_lo, high, np.nan)))
    out = pd.DataFrame(
        {
            "point": point,
            "bar_lo": bar_lo,
            "bar_hi": bar_hi,
            "open": open_hi | open_lo,
            "arrow": np.where(open_hi, "triangle-right", np.where(open_lo, "triangle-left", "")),
            "arrow_x": np.where(open_hi, open_end_hi, np.where(open_lo, open_end_lo, np.nan)),
            "qualifier": pd.Series(qual)
            .map(fmt.QUALIFIER_WORDS)
            .fillna(pd.Series(qual))
            .to_numpy(),
            "value": value,
            "low": low,
            "high": high,
            "qual": qual,
            "phrase": rows["text"].astype(str).to_numpy(),
            "quote": rows["quote"].astype(str).to_numpy(),
            "attributed": rows["attributed_to"].astype(str).to_numpy(),
            "as_of": rows["as_of"].astype(str).to_numpy(),
            "outlet": rows["outlet"].astype(str).to_numpy(),
            "article": rows["article"].astype(str).to_numpy(),
            "label": rows["label"].astype(str).to_numpy(),
            "n": 1,
        },
        index=rows.index,
    )
    if "when" in rows.columns:
        out["when"] = rows["when"].to_numpy()
        out["baseline"] = rows["baseline"].to_numpy(dtype=bool)
    return out[~np.isnan(point)].reset_index(drop=True)


def tooltips(m: pd.DataFrame) -> pd.DataFrame:
    """The marks with their tooltip texts written out: the figure in words, the quote
    shortened, the date as people read it (done after :func:`cap`, on few rows)."""
    out = m.copy()
    out["figure"] = [
        fmt.figure(v, lo, hi, q)
        for v, lo, hi, q in zip(out["value"], out["low"], out["high"], out["qual"], strict=True)
    ]
    out["quote"] = [fmt.shorten(q, 200) for q in out["quote"]]
    out["as_of"] = [fmt.date_text(a) for a in out["as_of"]]
    return out.drop(columns=["value", "low", "high", "qual"])


def top_values(values: pd.Series, keep: int, other: str) -> pd.Series:
    """``values`` with all but the ``keep`` most frequent replaced by ``other``."""
    counts = values.value_counts()
    if len(counts) <= keep:
        return values
    kept = set(counts.index[:keep])
    return values.where(values.isin(kept), other)


def _merge(m: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Identical marks (equal ``keys``) as one, ``n`` adding up; the tooltip texts of
    the first, its phrase prefixed with how many figures the mark stands for."""
    by = m.groupby(keys, dropna=False, sort=False)
    out = by.first()
    out["n"] = by["n"].sum()
    out = out.reset_index()
    out["phrase"] = [
        f"{n:,} figures, e.g. {p}" if n > 1 else p
        for n, p in zip(out["n"], out["phrase"].astype(str), strict=True)
    ]
    return out[m.columns]


def _round_sig(values: np.ndarray, digits: int = 2) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        mag = np.where(values > 0, np.floor(np.log10(np.abs(values))), 0)
        scale = 10.0 ** (mag - digits + 1)
        return np.where(np.isnan(values), np.nan, np.round(values / scale) * scale)


def cap(m: pd.DataFrame, keys: list[str], limit: int = ROW_CAP) -> tuple[pd.DataFrame, str]:
    """At most ``limit`` marks: identical marks merged (``n`` counts them), then values
    rounded to two significant figures and dates to the month, then the marks standing
    for the fewest figures left out. Returns the marks and a note of what was done
    (empty when nothing was)."""
    if len(m) <= limit:
        return m, ""
    total = int(m["n"].sum())
    out = _merge(m, keys)
    note = f"Figures drawing the same mark are merged ({total:,} figures, {len(out):,} marks)."
    if len(out) > limit:
        binned = out.copy()
        for col in ("point", "bar_lo", "bar_hi"):
            binned[col] = _round_sig(binned[col].to_numpy(dtype=float))
        if "when" in binned.columns:
            binned["when"] = pd.to_datetime(binned["when"]).dt.to_period("M").dt.to_timestamp()
        out = _merge(binned, keys)
        note = (
            f"{total:,} figures: values rounded to two significant figures"
            + (" and dates to the month" if "when" in binned.columns else "")
            + f" to draw {len(out):,} marks."
        )
    if len(out) > limit:
        dropped = len(out) - limit
        out = out.sort_values("n", ascending=False, kind="stable").head(limit)
        note += f" The {dropped:,} marks standing for the fewest figures are left out."
    return out.reset_index(drop=True), note


def colours(outlets: pd.Series) -> tuple[pd.Series, list[str], list[str]]:
    """Each mark's colour key (its outlet, or :data:`OTHER` past the seven most frequent), and
    the colour scale's domain and range."""
    keyed = top_values(outlets.replace("", "unknown outlet"), len(OKABE_ITO), OTHER)
    names = [n for n in keyed.value_counts().index if n != OTHER]
    names.sort(key=str.lower)
    dom = names + ([OTHER] if (keyed == OTHER).any() else [])
    rng = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(names))] + (
        [OTHER_COLOUR] if OTHER in dom else []
    )
    return keyed, dom, rng


def _tooltip() -> list[alt.Tooltip]:
    return [
        alt.Tooltip(f"{name}:N" if name != "n" else "n:Q", title=title)
        for name, title in TOOLTIP_FIELDS
    ]


def _shape(present: pd.Series) -> alt.Shape:
    """Shape by qualifier: the same shape for a qualifier in every chart, the legend
    listing only those present."""
    here = set(present)
    names = [q for q in SHAPES if q in here] or list(SHAPES)
    return alt.Shape(
        "qualifier:N",
        scale=alt.Scale(domain=names, range=[SHAPES[q] for q in names]),
        legend=alt.Legend(title="Qualifier", orient="bottom", direction="horizontal"),
    )


def _dash() -> alt.StrokeDash:
    """Open range bars dashed, closed ones solid."""
    return alt.StrokeDash(
        "open:N", scale=alt.Scale(domain=[False, True], range=[[1, 0], [5, 3]]), legend=None
    )


def _value_scale(log: bool, edges: tuple[float, float]) -> alt.Scale:
    if log:
        return alt.Scale(type="log", domain=list(edges), nice=False)
    return alt.Scale(type="linear", domain=list(edges), nice=False, zero=True)


def _axis_title(category: str, log: bool) -> str:
    what = "Buses" if category == "buses" else "People"
    return f"{what} ({'log scale' if log else 'linear scale'})"


# --- the charts ---------------------------------------------------------------------


def group_chart(rows: pd.DataFrame, *, title: str = "", limit: int = ROW_CAP) -> Built:
    """The values of one comparison group by outlet: one row per outlet (and wire),
    points for figures, range bars for bounds and vague amounts."""
    span = value_span(rows["lo"], rows["hi"])
    log = use_log(span)
    edges = domain(span, log)
    m = marks(rows, edges, log)
    m["label"] = top_values(m["label"], MAX_LABELS, OTHER)
    m["colour"], dom, rng = colours(m["outlet"])
    keys = ["label", "colour", "qualifier", "point", "bar_lo", "bar_hi", "open", "arrow", "arrow_x"]
    m = m.drop(columns=[c for c in ("when", "baseline") if c in m.columns])
    m, note = cap(m, keys, limit)
    m = tooltips(m)
    order = (
        m.groupby("label")["point"].max().sort_values(ascending=False).index.tolist()
        if not m.empty
        else []
    )
    if OTHER in order:
        order = [o for o in order if o != OTHER] + [OTHER]
    category = str(rows["category"].iloc[0]) if len(rows) else ""
    x_scale = _value_scale(log, edges)
    colour = alt.Color("colour:N", scale=alt.Scale(domain=dom, range=rng), legend=None)
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=240))
    bars = _layer(
        alt.MarkDef(type="rule", strokeWidth=3, opacity=0.75),
        RANGED,
        y=y,
        x=alt.X("bar_lo:Q", scale=x_scale, title=_axis_title(category, log)),
        x2=alt.X2("bar_hi"),
        color=colour,
        strokeDash=_dash(),
    )
    arrows = _layer(
        alt.MarkDef(type="point", filled=True, size=70, opacity=0.75),
        OPEN,
        y=y,
        x=alt.X("arrow_x:Q", scale=x_scale),
        shape=alt.Shape("arrow:N", scale=None),
        color=colour,
    )
    points = _layer(
        alt.MarkDef(
            type="point", filled=True, size=110, opacity=0.95, stroke="white", strokeWidth=0.5
        ),
        None,
        y=y,
        x=alt.X("point:Q", scale=x_scale),
        color=colour,
        shape=_shape(m["qualifier"]),
        tooltip=_tooltip(),
    )
    height = max(90, 34 * max(len(order), 1))
    return Built(_layered([bars, arrows, points], height, title), records(m), note)


def timeline_chart(rows: pd.DataFrame, *, title: str = "", limit: int = ROW_CAP) -> Built:
    """One place's figures of one category over time, coloured by outlet: points for
    figures, vertical range bars for bounds and vague amounts; baselines (``before:``)
    at their year, drawn hollow."""
    span = value_span(rows["lo"], rows["hi"])
    log = use_log(span)
    edges = domain(span, log)
    m = marks(rows, edges, log)
    m["colour"], dom, rng = colours(m["outlet"])
    m["label"] = m["colour"]
    keys = [
        "when",
        "colour",
        "qualifier",
        "baseline",
        "point",
        "bar_lo",
        "bar_hi",
        "open",
        "arrow",
        "arrow_x",
    ]
    m, note = cap(m, keys, limit)
    m = tooltips(m)
    m["fill"] = m["colour"].where(~m["baseline"].astype(bool), BASELINE)
    m["arrow"] = m["arrow"].replace(
        {"triangle-right": "triangle-up", "triangle-left": "triangle-down"}
    )
    m["when_text"] = [fmt.day(pd.Timestamp(w).date()) if pd.notna(w) else "" for w in m["when"]]
    category = str(rows["category"].iloc[0]) if len(rows) else ""
    y_scale = _value_scale(log, edges)
    x = alt.X(
        "when:T",
        title="As of (baselines at their year, drawn hollow)",
        scale=alt.Scale(padding=18),
        axis=alt.Axis(format="%b %Y", labelAngle=0),
    )
    colour = alt.Color(
        "colour:N",
        scale=alt.Scale(domain=dom, range=rng),
        legend=alt.Legend(title="Outlet", orient="bottom", columns=3, labelLimit=200),
    )
    bars = _layer(
        alt.MarkDef(type="rule", strokeWidth=3, opacity=0.7),
        RANGED,
        x=x,
        y=alt.Y("bar_lo:Q", scale=y_scale, title=_axis_title(category, log)),
        y2=alt.Y2("bar_hi"),
        color=colour,
        strokeDash=_dash(),
    )
    arrows = _layer(
        alt.MarkDef(type="point", filled=True, size=60, opacity=0.7),
        OPEN,
        x=x,
        y=alt.Y("arrow_x:Q", scale=y_scale),
        shape=alt.Shape("arrow:N", scale=None),
        color=alt.Color("colour:N", scale=alt.Scale(domain=dom, range=rng), legend=None),
    )
    points = _layer(
        alt.MarkDef(type="point", size=110, opacity=0.95, strokeWidth=2),
        None,
        x=x,
        y=alt.Y("point:Q", scale=y_scale),
        color=colour,
        fill=alt.Fill(
            "fill:N", scale=alt.Scale(domain=[*dom, BASELINE], range=[*rng, "white"]), legend=None
        ),
        shape=_shape(m["qualifier"]),
        tooltip=[alt.Tooltip("when_text:N", title="Placed at"), *_tooltip()],
    )
    return Built(_layered([bars, arrows, points], 380, title), records(m), note)


def records(m: pd.DataFrame) -> list[dict[str, Any]]:
    """The marks as JSON-ready rows: NaN as null, dates as ISO text."""
    return list(json.loads(m.to_json(orient="records", date_format="iso")))


DATASET = "marks"
"""The name of a chart's rows in its spec's ``datasets``."""
RANGED = "isValid(datum.bar_lo) && isFinite(datum.bar_lo)"
OPEN = "datum.arrow != ''"


def _layer(mark: alt.MarkDef, keep: str | None, **encoding: Any) -> alt.Chart:
    """One layer, built in one step (each chained Altair call copies the chart)."""
    with debug_mode(False):
        return alt.Chart(
            mark=mark,
            encoding=alt.FacetedEncoding(**encoding),
            transform=[alt.FilterTransform(filter=keep)] if keep else alt.Undefined,
        )


def _layered(layers: list[alt.Chart], height: int, title: str) -> alt.LayerChart:
    extra: dict[str, Any] = {}
    if title:
        extra["title"] = alt.TitleParams(title, anchor="start", fontSize=13)
    with debug_mode(False):
        return alt.LayerChart(
            data=alt.NamedData(name=DATASET),
            layer=layers,
            width=WIDTH,
            height=height,
            autosize=AUTOSIZE,
            **extra,
        )


def spec_rows(spec: dict[str, Any]) -> int:
    """How many data rows a Vega-Lite spec (``chart.to_dict()``) carries in all."""
    total = sum(len(v) for v in (spec.get("datasets") or {}).values())
    data = spec.get("data")
    if isinstance(data, dict) and isinstance(data.get("values"), list):
        total += len(data["values"])
    for layer in spec.get("layer", []) or []:
        total += spec_rows({"data": layer.get("data")}) if isinstance(layer, dict) else 0
    return total


# --- images -------------------------------------------------------------------------


def _vl_version() -> str | None:
    import vl_convert as vlc

    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return major_minor if major_minor in vlc.get_vegalite_versions() else None


def to_svg(spec: dict[str, Any]) -> bytes:
    """The chart of a Vega-Lite spec as an SVG image."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec, vl_version=_vl_version()).encode("utf-8")


def to_png(spec: dict[str, Any], scale: float = 2.0) -> bytes:
    """The chart of a Vega-Lite spec as a PNG image (``scale`` x its size)."""
    import vl_convert as vlc

    return bytes(vlc.vegalite_to_png(spec, vl_version=_vl_version(), scale=scale))
