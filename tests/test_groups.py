"""Comparison groups: the rules one by one, then the bundled data."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from extract import merge
from extract.articles import Article, read_article
from extract.figure import CSV_COLUMNS
from extract.groups import (
    SUMMARY_COLUMNS,
    Period,
    bounds,
    comparison_groups,
    group_summaries,
    period_labels,
    period_of,
    source_key,
    summarise,
    who_kind,
)
from extract.merge import COLUMNS, merged_figures, to_frame

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "yarmouk"
GOLD = Path(__file__).parent / "data" / "gold_seeds.yaml"


def row(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = dict.fromkeys(COLUMNS, "")
    base.update({k: None for k in ("value", "low", "high", "start", "end")})
    base.update(category="population", unit="person", where="Yarmouk", who="residents")
    base.update(fields)
    return base


def frame(*rows: dict[str, Any]) -> pd.DataFrame:
    return to_frame(list(rows))


# --- the rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "category", "kind"),
    [
        ("families", "displaced", "people"),
        ("residents", "population", "people"),
        ("Palestinian refugees", "population", "people"),
        ("Palestinian and some Syrian residents", "population", "people"),
        ("civilians", "killed", "people"),
        ("", "population", "people"),
        ("some 3,500 children", "population", "children"),
        ("women and children", "evacuees", "women and children"),
        ("IS fighters", "killed", "fighters"),
        ("jihadists", "killed", "fighters"),
        ("anti-regime rebels", "killed", "fighters"),
        ("pro-regime forces", "killed", "government forces"),
        ("Syrian soldiers", "killed", "government forces"),
        ("IS fighters and relatives", "evacuees", "mixed"),
        ("rebels and civilians", "evacuees", "mixed"),
        ("buses", "buses", "vehicles"),
    ],
)
def test_who_kind(who: str, category: str, kind: str) -> None:
    assert who_kind(who, category) == kind


def test_households_are_never_compared_with_people() -> None:
    assert who_kind("families", "displaced", "household") == "households"
    df = comparison_groups(
        frame(
            row(category="displaced", who="families", value=300.0, as_of="2018-05-20"),
            row(
                category="displaced",
                who="families",
                value=300.0,
                as_of="2018-05-20",
                unit="household",
            ),
        )
    )
    assert df["group"].nunique() == 2


@pytest.mark.parametrize(
    ("as_of", "published", "expected"),
    [
        ("before:2011", "2018-05-20", Period("baseline", label="before:2011")),
        ("2018", "", Period("year", date(2018, 1, 1), date(2018, 12, 31), "2018")),
        ("2015-04", "", Period("dated", date(2015, 4, 1), date(2015, 4, 30), "2015-04")),
        ("2016-02", "", Period("dated", date(2016, 2, 1), date(2016, 2, 29), "2016-02")),
        ("2015-12", "", Period("dated", date(2015, 12, 1), date(2015, 12, 31), "2015-12")),
        ("2018-05-20", "", Period("dated", date(2018, 5, 20), date(2018, 5, 20), "2018-05-20")),
        ("", "2018-04-20", Period("dated", date(2018, 4, 20), date(2018, 4, 20), "2018-04-20")),
        ("", "", Period("unknown", label="undated")),
        ("2015-02-30", "", Period("unknown", label="undated")),
    ],
)
def test_period_of(as_of: str, published: str, expected: Period) -> None:
    assert period_of(as_of, published) == expected


def days(*isos: str) -> list[Period]:
    return [period_of(d) for d in isos]


@pytest.mark.parametrize(
    ("window", "same"),
    [(45, True), (40, True), (39, False), (0, False)],
)
def test_the_window_decides_whether_two_dates_share_a_period(window: int, same: bool) -> None:
    labels = period_labels(days("2018-04-20", "2018-05-30"), window)
    assert (labels[0] == labels[1]) is same


def test_a_window_is_anchored_on_its_first_date_so_it_cannot_creep() -> None:
    start = date(2015, 1, 1)
    chain = [(start + timedelta(days=30 * i)).isoformat() for i in range(50)]
    labels = period_labels(days(*chain), 45)
    groups: dict[str, list[date]] = {}
    for d, label in zip(chain, labels, strict=True):
        groups.setdefault(label, []).append(date.fromisoformat(d))
    assert all(max(g) - min(g) <= timedelta(days=45) for g in groups.values())
    assert labels[chain.index("2015-04-01")] != labels[-1]
    assert len(groups) == 25


def test_baselines_share_a_period_and_never_join_dates() -> None:
    labels = period_labels(days("before:2011", "2018-05-20", "before:2014", "2011", ""), 45)
    assert labels == ["before:2011..2014", "2018-05-20", "before:2011..2014", "2011", "undated"]


def test_a_negative_window_is_refused() -> None:
    with pytest.raises(ValueError, match="window_days"):
        period_labels(days("2018-04-20"), -1)


@pytest.mark.parametrize(
    ("value", "low", "high", "expected"),
    [
        (160000.0, None, None, (160000.0, 160000.0)),
        (None, 200.0, 900.0, (200.0, 900.0)),
        (250.0, 250.0, None, (250.0, 250.0)),
        (None, 14000.0, None, (14000.0, 14000.0)),
        (None, None, 2000.0, (2000.0, 2000.0)),
        (6.0, None, 6.0, (6.0, 6.0)),
        (float("nan"), float("nan"), float("nan"), (None, None)),
    ],
)
def test_bounds(value: Any, low: Any, high: Any, expected: tuple[Any, Any]) -> None:
    assert bounds(value, low, high) == expected


AFP_MEE = row(outlet="Middle East Eye", wire="AFP", value=160000.0, text="some 160,000")
AFP_PULSE = row(outlet="Pulse Ghana", wire="AFP", value=160000.0, text="160,000 refugees")
AFP_AHRAM = row(outlet="Ahram Online", wire="AFP", value=160000.0, text="160,000-strong")


@pytest.mark.parametrize(
    ("rows", "independent"),
    [
        ([AFP_MEE], 1),
        ([AFP_MEE, AFP_PULSE], 1),
        ([AFP_MEE, AFP_PULSE, AFP_AHRAM], 1),
        ([AFP_MEE, row(outlet="Ahram Online", wire="AP", value=160000.0)], 2),
        ([AFP_MEE, row(outlet="Pulse Ghana", wire="AFP", value=150000.0)], 2),
        ([AFP_MEE, row(outlet="Agence France-Presse", value=160000.0)], 1),
        ([row(outlet="Newsweek", value=150000.0), row(outlet="Haaretz", value=150000.0)], 2),
        (
            [
                row(outlet="AP", wire="AP", value=12000.0, attributed_to="UNRWA"),
                row(outlet="Ahram Online", wire="AFP", value=18000.0, attributed_to="UNRWA"),
            ],
            1,
        ),
    ],
)
def test_independent_sources(rows: list[dict[str, Any]], independent: int) -> None:
    assert summarise(rows)[0] == independent


def test_a_syndicated_copy_does_not_add_a_source() -> None:
    assert source_key(AFP_MEE) == source_key(AFP_PULSE) == source_key(AFP_AHRAM)
    before = group_summaries(comparison_groups(frame(AFP_MEE, AFP_PULSE)))
    after = group_summaries(comparison_groups(frame(AFP_MEE, AFP_PULSE, AFP_AHRAM)))
    assert list(before["independent_sources"]) == list(after["independent_sources"]) == [1]
    assert list(after["n_figures"]) == [3]
    assert list(after["outlets"]) == [3]


def test_summary_names_who_says_what_largest_first() -> None:
    ap = row(outlet="Associated Press", wire="AP", value=200000.0, text="an estimated 200,000")
    _, summary = summarise([AFP_MEE, ap, AFP_PULSE, AFP_AHRAM])
    assert summary == "AP: an estimated 200,000; AFP (3 outlets, one wire story): 160,000"


def test_summaries_sort_by_disagreement() -> None:
    df = frame(
        row(value=100.0, as_of="2015-04-02", outlet="A"),
        row(value=110.0, as_of="2015-04-03", outlet="B"),
        row(value=10.0, as_of="2018-04-02", outlet="A"),
        row(value=50.0, as_of="2018-04-03", outlet="B"),
        row(value=5.0, as_of="2020-01-01", outlet="C"),
    )
    s = group_summaries(comparison_groups(df))
    assert list(s.columns) == list(SUMMARY_COLUMNS)
    assert list(s["ratio"]) == [5.0, 1.1, 1.0]
    assert list(s["period"]) == ["2018-04-02..2018-04-03", "2015-04-02..2015-04-03", "2020-01-01"]
    assert (s.loc[0, "min"], s.loc[0, "max"]) == (10.0, 50.0)


def test_different_places_kinds_and_categories_stay_apart() -> None:
    df = comparison_groups(
        frame(
            row(value=1.0, as_of="2018-05-20"),
            row(value=1.0, as_of="2018-05-20", where="Yarmuk camp"),
            row(value=1.0, as_of="2018-05-20", where="Hajar al-Aswad"),
            row(value=1.0, as_of="2018-05-20", who="children"),
            row(value=1.0, as_of="2018-05-20", category="killed"),
        )
    )
    assert df["group"].nunique() == 4


def test_empty_tables() -> None:
    empty = to_frame([])
    assert list(comparison_groups(empty).columns) == [*COLUMNS, "group"]
    assert list(group_summaries(empty).columns) == list(SUMMARY_COLUMNS)


# --- the bundled data -------------------------------------------------------------


def gold_rows() -> dict[str, list[dict[str, Any]]]:
    """The gold figures of the seed articles as extracted rows, by article file."""
    out: dict[str, list[dict[str, Any]]] = {}
    for entry in yaml.safe_load(GOLD.read_text(encoding="utf-8")):
        article = read_article(CORPUS / entry["article"])
        rows = []
        for g in entry["figures"]:
            start = article.text.index(g["text"])
            body = g.get("attributed_to")
            r: dict[str, Any] = dict.fromkeys(CSV_COLUMNS)
            r.update(
                {k: g.get(k) for k in ("category", "value", "low", "high", "qualifier", "who")},
                id=f"{article.source.digest}-{start}-{start + len(g['text'])}",
                unit="bus" if g["category"] == "buses" else "person",
                text=g["text"],
                where=g["where"],
                as_of=str(g["as_of"]),
                attributed_to=body[0] if isinstance(body, list) else body,
                start=start,
                end=start + len(g["text"]),
            )
            rows.append(r)
        out[entry["article"]] = rows
    return out


@pytest.fixture(params=["gold", "extractor"])
def bundled(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> pd.DataFrame:
    """The bundled corpus and figures.yaml, merged and grouped; extracted rows from the
    gold figures (checks the grouping alone) or from the extractor (checks it all)."""
    if request.param == "gold":
        gold = gold_rows()

        def from_gold(
            article: Article, aliases: Mapping[str, Mapping[str, list[str]]] | None
        ) -> list[dict[str, Any]]:
            return gold[article.source.article]

        monkeypatch.setattr(merge, "extractor", from_gold)
    df, problems = merged_figures(CORPUS, ROOT / "figures.yaml", cache_dir=tmp_path)
    assert problems == []
    return comparison_groups(df)


def the_group(df: pd.DataFrame, text: str) -> pd.DataFrame:
    groups = set(df.loc[df["text"].str.contains(text, regex=False), "group"])
    assert len(groups) == 1, groups
    return df[df["group"] == groups.pop()]


def said(part: pd.DataFrame) -> set[tuple[str, str, float]]:
    return {
        (r["outlet"], r["wire"], bounds(r["value"], r["low"], r["high"])[0] or 0.0)
        for r in part.to_dict("records")
    }


def test_yarmouk_prewar_population(bundled: pd.DataFrame) -> None:
    group = the_group(bundled, "200,000")
    assert set(group["category"]) == {"population"}
    assert set(group["where"]) == {"Yarmouk"}
    assert said(group) == {
        ("Associated Press", "AP", 200000.0),
        ("Middle East Eye", "AFP", 160000.0),
        ("Pulse Ghana", "AFP", 160000.0),
        ("Ahram Online", "AFP", 160000.0),
        ("Ahram Online", "AP", 160000.0),
        ("Newsweek", "", 150000.0),
        ("Haaretz", "dpa", 150000.0),
    }
    summary = group_summaries(group).iloc[0]
    # AP's 200,000 and 160,000, AFP's 160,000 (three outlets: one source), Newsweek, dpa
    assert summary["independent_sources"] == 5
    assert (summary["min"], summary["max"], summary["n_figures"]) == (150000.0, 200000.0, 7)
    assert "AFP (3 outlets, one wire story): 160,000" in summary["summary"]


def test_yarmouk_2018_population(bundled: pd.DataFrame) -> None:
    group = the_group(bundled, "12,000")
    assert set(group["where"]) == {"Yarmouk"}
    assert said(group) == {
        ("Associated Press", "AP", 12000.0),
        ("Associated Press", "AP", 2000.0),
        ("Pulse Ghana", "AFP", 200.0),
        ("Ahram Online", "AFP", 200.0),
    }
    assert set(group.loc[group["value"] == 12000.0, "attributed_to"]) == {"UNRWA"}
    assert all(str(d).startswith("2018") for d in group["as_of"])
    summary = group_summaries(group).iloc[0]
    # UNRWA, AP's own "a few thousand", AFP's "a few/several hundred" (one source)
    assert summary["independent_sources"] == 3
    assert summary["summary"].startswith("UNRWA (via AP): 12,000 Palestinian refugees; AP: ")


def test_no_2015_figure_joins_a_2018_group(bundled: pd.DataFrame) -> None:
    dated = bundled[~bundled["as_of"].str.startswith("before:")]
    for _, part in dated.groupby("group"):
        years = {str(a)[:4] for a in part["as_of"] if a}
        assert len(years) <= 1, (part["group"].iloc[0], years)


def test_the_2015_population_group_stays_apart(bundled: pd.DataFrame) -> None:
    group = the_group(bundled, "only 18,000")
    assert {str(a)[:7] for a in group["as_of"]} <= {"2015-04"}
    assert set(group["value"].dropna()) == {18000.0}
    assert set(group["low"].dropna()) == {14000.0}
