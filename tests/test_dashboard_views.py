"""What the pages show, as plain data: Compare's groups, Timeline's series, the
Figures table."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard import data, views
from extract.groups import group_summaries, summarise
from extract.merge import COLUMNS, to_frame

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "yarmouk"


@pytest.fixture(scope="module")
def frame(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    figures = tmp_path_factory.mktemp("views") / "figures.yaml"
    shutil.copy(ROOT / "figures.yaml", figures)
    return data.load(data.Paths(CORPUS, figures)).frame


def _prewar(summaries: pd.DataFrame) -> pd.Series:
    hits = summaries[
        (summaries["category"] == "population")
        & (summaries["where"] == "Yarmouk")
        & summaries["period"].str.startswith("before:")
    ]
    assert len(hits) == 1, summaries[["group", "n_figures"]]
    return hits.iloc[0]


def test_compare_summaries_equal_those_of_the_data_layer(frame: pd.DataFrame) -> None:
    raw = frame[[*COLUMNS, "group"]]
    expected = group_summaries(raw)
    pd.testing.assert_frame_equal(views.compare_summaries(frame), expected, check_dtype=False)
    for filters in (
        data.Filters(outlet=("Associated Press", "Newsweek")),
        data.Filters(category=("killed",)),
    ):
        part = data.apply_filters(frame, filters)
        pd.testing.assert_frame_equal(
            views.compare_summaries(part),
            group_summaries(part[[*COLUMNS, "group"]]),
            check_dtype=False,
        )


def test_compare_holds_the_prewar_population_of_yarmouk(frame: pd.DataFrame) -> None:
    result = views.compare_data(frame, per_page=50, min_figures=2)
    group = _prewar(result.shown)
    rows = views.group_rows(frame, str(group["group"]))
    by_value = rows.groupby("value")["outlet"].agg(set)
    assert by_value[200000] == {"Associated Press"}
    assert {"Middle East Eye", "Pulse Ghana", "Ahram Online"} <= by_value[160000]
    assert by_value[150000] == {"Newsweek", "Haaretz"}
    assert (group["min"], group["max"]) == (150000, 200000)
    assert group["independent_sources"] < group["n_figures"]  # the AFP copies count once
    assert "AFP (3 outlets, one wire story): 160,000" in group["summary"]
    assert views.group_title(group).startswith(
        "Population \u00b7 people \u00b7 Yarmouk \u00b7 before 2011"
    )


def test_compare_holds_yarmouk_in_spring_2018(frame: pd.DataFrame) -> None:
    summaries = views.compare_summaries(frame)
    spring = summaries[
        (summaries["category"] == "population") & summaries["period"].str.contains("2018")
    ].iloc[0]
    rows = views.group_rows(frame, str(spring["group"]))
    assert 12000 in set(rows["value"])
    assert {"a few thousand", "just a few hundred", "just several hundred"} <= set(rows["text"])
    assert spring["ratio"] == pytest.approx(60.0)


def test_groups_come_most_disagreement_first(frame: pd.DataFrame) -> None:
    numbers = views.group_numbers(frame)
    ratios = numbers["ratio"].dropna().tolist()
    assert ratios == sorted(ratios, reverse=True)


@pytest.mark.parametrize(("page", "per_page"), [(1, 2), (2, 2), (99, 2), (0, 2), (1, 50), (3, 3)])
def test_compare_pages(frame: pd.DataFrame, page: int, per_page: int) -> None:
    result = views.compare_data(frame, page=page, per_page=per_page, min_figures=2)
    n = len(result.all_groups)
    assert n >= 5
    assert result.pages == -(-n // per_page)
    assert result.page == min(max(page, 1), result.pages)
    first = (result.page - 1) * per_page
    assert (
        result.shown["group"].tolist()
        == result.all_groups["group"].tolist()[first : first + per_page]
    )
    assert result.shown["summary"].str.len().gt(0).all()


def test_one_figure_groups_are_left_out_on_request(frame: pd.DataFrame) -> None:
    everything = views.compare_data(frame, per_page=100, min_figures=1)
    several = views.compare_data(frame, per_page=100, min_figures=2)
    assert len(everything.all_groups) > len(several.all_groups)
    assert (several.all_groups["n_figures"] >= 2).all()


def test_summaries_name_the_largest_sources_first() -> None:
    rows = []
    for i, outlet in enumerate(["A", "B", "C", "D"]):
        row = dict.fromkeys(COLUMNS, "")
        row.update(id=f"x{i}", outlet=outlet, category="killed", where="P", value=float(10 + i))
        row.update(low=None, high=None, start=None, end=None, as_of="2018-01-01")
        rows.append(row)
    df = data.prepare(to_frame(rows))
    full = summarise(df.to_dict("records"))[1]
    assert full.startswith("D: 13")
    assert views._summary(df, 2) == "D: 13; C: 12; and 2 more"
    assert views._summary(df, 4) == full
    assert views._summary(df, None) == full


@pytest.mark.parametrize(
    ("period", "words"),
    [
        ("before:2011..2014", "before 2011 to 2014"),
        ("before:2011", "before 2011"),
        ("2018-04-20..2018-05-21", "20 April 2018 to 21 May 2018"),
        ("2015-04", "April 2015"),
        ("undated", "undated"),
    ],
)
def test_period_words(period: str, words: str) -> None:
    assert views.period_words(period) == words


def test_stats_are_written_out(frame: pd.DataFrame) -> None:
    group = _prewar(views.compare_summaries(frame))
    stats = views.stats(group)
    assert stats["Lowest"] == "150,000" and stats["Highest"] == "200,000"
    assert stats["Highest / lowest"] == "1.3\u00d7"


def test_the_timeline_defaults_to_the_best_documented_series(frame: pd.DataFrame) -> None:
    assert views.timeline_default(frame) == ("Yarmouk", "population")
    places, categories = views.timeline_choices(frame)
    assert places[0] == "Yarmouk" and "population" in categories
    rows = views.timeline_rows(frame, "Yarmouk", "population")
    assert rows["when"].is_monotonic_increasing
    assert {160000, 18000, 12000} <= set(rows["value"].dropna())


def test_the_figures_table_has_every_field(frame: pd.DataFrame) -> None:
    table = views.figures_table(frame)
    assert list(table.columns) == list(views.TABLE_COLUMNS)
    assert len(table) == len(frame)
    row = table[table["text"] == "an estimated 200,000 people"].iloc[0]
    assert row["figure"] == "about 200,000"
    assert "\u27e6an estimated 200,000 people\u27e7" in row["quote"]
    assert row["qualifier"] == "about"
    assert len(views.figures_table(frame, limit=3)) == 3


def test_a_figure_is_found_by_its_id(frame: pd.DataFrame) -> None:
    fid = str(frame["id"].iloc[3])
    row = views.figure_row(frame, fid)
    assert row is not None and row["id"] == fid
    assert views.figure_row(frame, "nope") is None
    assert views.figure_row(frame, "") is None
