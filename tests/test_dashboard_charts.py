"""Chart builders: scales, range bars with open ends, the colour-blind-safe palette,
valid Vega-Lite, images, and the row cap on a 100,000-figure table."""

from __future__ import annotations

import importlib.util
import math
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard import charts, data, views
from extract.merge import COLUMNS, to_frame

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "yarmouk"


def _bench() -> object:
    spec = importlib.util.spec_from_file_location(
        "bench_dashboard", ROOT / "benchmarks" / "bench_dashboard.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def frame(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    figures = tmp_path_factory.mktemp("charts") / "figures.yaml"
    shutil.copy(ROOT / "figures.yaml", figures)
    return data.load(data.Paths(CORPUS, figures)).frame


@pytest.fixture(scope="module")
def large() -> pd.DataFrame:
    return data.prepare(_bench().generated_frame(100_000))  # type: ignore[attr-defined]


def _figures(
    *specs: tuple[float | None, float | None, float | None, str], outlet: str = "X"
) -> pd.DataFrame:
    rows = []
    for i, (value, low, high, qualifier) in enumerate(specs):
        row = dict.fromkeys(COLUMNS, "")
        row.update(id=f"f{i}", outlet=outlet, category="population", where="P", as_of="2018-05-01")
        row.update(value=value, low=low, high=high, qualifier=qualifier, start=None, end=None)
        rows.append(row)
    return data.prepare(to_frame(rows))


@pytest.mark.parametrize(
    ("span", "log"),
    [
        ((150_000, 200_000), False),
        ((200, 12_000), True),
        ((10, 100), False),
        ((10, 101), True),
        ((0, 500), False),
        (None, False),
    ],
)
def test_a_log_scale_when_values_span_more_than_ten_times(
    span: tuple[float, float] | None, log: bool
) -> None:
    assert charts.use_log(span) is log


def test_range_bars_and_their_open_ends() -> None:
    df = _figures(
        (160000, None, None, "exact"),
        (250, 250, None, "more_than"),
        (6, None, 6, "at_most"),
        (None, 200, 900, "vague"),
        (None, 14000, None, "more_than"),
    )
    edges = (1.0, 1_000_000.0)
    m = charts.marks(df, edges, log=True).set_index("phrase" if False else df.index)
    exact, more, most, vague, more2 = (m.iloc[i] for i in range(5))
    assert exact["point"] == 160000 and math.isnan(exact["bar_lo"]) and not exact["open"]
    assert (more["bar_lo"], more["bar_hi"], more["open"], more["arrow"]) == (
        250,
        750,
        True,
        "triangle-right",
    )
    assert (most["bar_lo"], most["bar_hi"], most["open"], most["arrow"]) == (
        2,
        6,
        True,
        "triangle-left",
    )
    assert (vague["bar_lo"], vague["bar_hi"], vague["open"]) == (200, 900, False)
    assert vague["point"] == pytest.approx(math.sqrt(200 * 900))
    assert more2["point"] == 14000 and more2["open"]


def test_open_ends_stop_at_the_edge_of_the_chart() -> None:
    m = charts.marks(_figures((None, 900, None, "more_than")), (100.0, 1000.0), log=True)
    assert m.iloc[0]["bar_hi"] == 1000.0 == m.iloc[0]["arrow_x"]


def test_colours_are_okabe_ito_with_grey_for_the_rest() -> None:
    outlets = pd.Series([f"Outlet {i}" for i in range(10) for _ in range(10 - i)])
    keyed, domain, colours = charts.colours(outlets)
    assert len(domain) == 8 and domain[-1] == charts.OTHER
    assert colours[:-1] == list(charts.OKABE_ITO) and colours[-1] == charts.OTHER_COLOUR
    assert (keyed == charts.OTHER).sum() == 3 + 2 + 1


def test_the_prewar_chart_shows_200000_and_160000_by_outlet(frame: pd.DataFrame) -> None:
    summaries = views.compare_summaries(frame)
    group = summaries[
        summaries["period"].str.startswith("before:") & (summaries["category"] == "population")
    ].iloc[0]
    built = charts.group_chart(views.group_rows(frame, str(group["group"])), title="t")
    chart = built.full()  # validates against the Vega-Lite schema
    assert chart is not None
    spec = built.spec()
    values = spec["datasets"][charts.DATASET]
    points = {(v["label"], v["point"]) for v in values}
    assert ("Associated Press (AP)", 200000) in points
    assert ("Pulse Ghana (AFP)", 160000) in points
    layers = [layer["mark"]["type"] for layer in spec["layer"]]
    assert layers == ["rule", "point", "point"]
    points_layer = spec["layer"][2]["encoding"]
    assert points_layer["color"]["field"] == "colour"
    assert points_layer["shape"]["field"] == "qualifier"
    assert {t["field"] for t in points_layer["tooltip"]} >= {
        "phrase",
        "quote",
        "attributed",
        "as_of",
        "article",
    }
    assert spec["layer"][2]["encoding"]["x"]["scale"]["type"] == "linear"


def test_the_spring_2018_chart_is_logarithmic_with_ranges(frame: pd.DataFrame) -> None:
    summaries = views.compare_summaries(frame)
    group = summaries[
        (summaries["category"] == "population") & summaries["period"].str.contains("2018")
    ].iloc[0]
    built = charts.group_chart(views.group_rows(frame, str(group["group"])))
    built.full()
    spec = built.spec()
    assert spec["layer"][0]["encoding"]["x"]["scale"]["type"] == "log"
    ranges = [v for v in spec["datasets"][charts.DATASET] if v["bar_lo"] is not None]
    assert {(v["bar_lo"], v["bar_hi"]) for v in ranges} >= {(200, 900), (2000, 9000)}


def test_the_timeline_chart_is_valid_and_dated(frame: pd.DataFrame) -> None:
    built = charts.timeline_chart(views.timeline_rows(frame, "Yarmouk", "population"), title="t")
    built.full()
    spec = built.spec()
    assert spec["layer"][2]["encoding"]["x"]["type"] == "temporal"
    whens = [v["when"] for v in spec["datasets"][charts.DATASET]]
    assert whens == sorted(whens)
    assert any(v["baseline"] for v in spec["datasets"][charts.DATASET])


@pytest.mark.parametrize("image", [charts.to_png, charts.to_svg])
def test_charts_download_as_images(frame: pd.DataFrame, image: object) -> None:
    built = charts.timeline_chart(views.timeline_rows(frame, "Yarmouk", "population"))
    out = image(built.spec())  # type: ignore[operator]
    assert out[:4] == b"\x89PNG" or out.lstrip().startswith(b"<svg")


def test_cap_merges_then_rounds_then_drops() -> None:
    rng = np.random.default_rng(1)
    n = 30_000
    m = pd.DataFrame(
        {
            "label": rng.choice(["a", "b", "c"], n),
            "qualifier": "exact",
            "point": rng.permutation(np.arange(1, n + 1)).astype(float) * 37,
            "bar_lo": np.nan,
            "bar_hi": np.nan,
            "phrase": "p",
            "n": 1,
        }
    )
    out, note = charts.cap(m, ["label", "qualifier", "point", "bar_lo", "bar_hi"], limit=5_000)
    assert len(out) <= 5_000
    assert "rounded" in note
    small, none = charts.cap(m.head(10), ["label"], limit=5_000)
    assert len(small) == 10 and none == ""
    merged, note = charts.cap(
        pd.concat([m.head(3000)] * 3),
        ["label", "qualifier", "point", "bar_lo", "bar_hi"],
        limit=5_000,
    )
    assert len(merged) == 3000 and merged["n"].sum() == 9000 and "merged" in note


def test_no_chart_sends_more_than_5000_rows_on_a_100000_figure_table(large: pd.DataFrame) -> None:
    assert len(large) == 100_000
    bench = _bench()
    big_group = large.loc[large["where"] == bench.BIG_PLACE, "group"].iloc[0]  # type: ignore[attr-defined]
    rows = views.group_rows(large, big_group)
    assert len(rows) > charts.ROW_CAP
    checks = [
        charts.group_chart(rows),
        charts.group_chart(large),  # every figure in one chart: the worst case
        charts.timeline_chart(views.timeline_rows(large, bench.BIG_PLACE, "population")),  # type: ignore[attr-defined]
        charts.timeline_chart(large[large["when"].notna()]),
    ]
    for built in checks:
        spec = built.spec()
        assert charts.spec_rows(spec) == built.rows <= charts.ROW_CAP
    assert checks[1].note
    for spec in bench.compare_page(large, data.Filters()):  # type: ignore[attr-defined]
        assert charts.spec_rows(spec) <= charts.ROW_CAP
