"""The dashboard's data module: loading, derived columns, filters and their query
parameters, the last valid state, exports, article lookup."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard import data
from extract.groups import comparison_groups
from extract.merge import COLUMNS, merged_figures, to_frame

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "yarmouk"
FIGURES = ROOT / "figures.yaml"


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> data.Loaded:
    folder = tmp_path_factory.mktemp("bundled")
    figures = folder / "figures.yaml"
    shutil.copy(FIGURES, figures)
    return data.load(data.Paths(CORPUS, figures))


def test_the_bundled_data_loads_without_problems(bundled: data.Loaded) -> None:
    assert bundled.problems == ()
    assert not bundled.figures_unusable and bundled.editable
    assert len(bundled.digest) == 64
    assert len(bundled.frame) > 20
    assert set(COLUMNS) | {"group", *data.DERIVED_COLUMNS} <= set(bundled.frame.columns)
    assert {"extracted", "curated", "corrected"} <= set(bundled.frame["provenance"])


def test_the_extraction_cache_sits_beside_figures_yaml(bundled: data.Loaded) -> None:
    cache = bundled.paths.cache_dir
    assert cache == bundled.paths.figures.parent / ".figures-cache"  # type: ignore[union-attr]
    assert len(list(cache.glob("*.json"))) >= 5


@pytest.mark.parametrize(
    ("argv", "corpus", "figures"),
    [
        ([], data.DEFAULT_CORPUS, data.DEFAULT_FIGURES),
        (["--corpus", "/c", "--figures", "/f.yaml"], Path("/c"), Path("/f.yaml")),
        (["tests/x.py", "-q", "--figures", "f.yaml"], data.DEFAULT_CORPUS, Path("f.yaml")),
        (["--co", "x"], data.DEFAULT_CORPUS, data.DEFAULT_FIGURES),
    ],
)
def test_command_line_paths(argv: list[str], corpus: Path, figures: Path) -> None:
    assert data.parse_args(argv) == data.Paths(corpus, figures)


def test_paths_from_the_sidebar_fields() -> None:
    assert data.paths_from_text(" /a ", "") == data.Paths(Path("/a"), None)
    assert data.paths_from_text("", "/f.yaml") == data.Paths(None, Path("/f.yaml"))


def test_the_stamp_changes_when_any_file_does(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("one")
    figures = tmp_path / "figures.yaml"
    figures.write_text("sources:\n")
    paths = data.Paths(corpus, figures)
    first = data.stamp(paths)
    assert data.stamp(paths) == first
    (corpus / "b.txt").write_text("two")
    second = data.stamp(paths)
    assert second != first
    figures.write_text("sources: {}\n")
    assert data.stamp(paths) != second


def test_grouping_distinct_values_gives_the_groups_of_every_row() -> None:
    raw, _ = merged_figures(CORPUS, FIGURES)
    doubled = pd.concat([raw, raw.assign(id=raw["id"] + "x")], ignore_index=True)
    for frame in (raw, doubled):
        assert (
            data.with_groups(frame)["group"].tolist() == comparison_groups(frame)["group"].tolist()
        )


@pytest.mark.parametrize(
    ("as_of", "published", "when", "baseline"),
    [
        ("before:2011", "2018-05-20", date(2011, 1, 1), True),
        ("2015-04", "", date(2015, 4, 1), False),
        ("2018-05-21", "", date(2018, 5, 21), False),
        ("2018", "", date(2018, 1, 1), False),
        ("", "2018-04-20", date(2018, 4, 20), False),
        ("", "", None, False),
        ("sometime", "", None, False),
    ],
)
def test_where_a_figure_sits_in_time(
    as_of: str, published: str, when: date | None, baseline: bool
) -> None:
    assert data.point_date(as_of, published) == (when, baseline)


def test_derived_columns(bundled: data.Loaded) -> None:
    df = bundled.frame
    more = df[df["text"] == "more than 250 pro-regime forces"].iloc[0]
    assert (more["lo"], more["hi"]) == (250, 250)
    vague = df[df["text"] == "a few thousand"].iloc[0]
    assert (vague["lo"], vague["hi"]) == (2000, 9000)
    afp = df[(df["wire"] == "AFP") & (df["value"] == 160000)]
    assert afp["source_key"].nunique() == 1  # one wire story, whichever outlet ran it
    assert set(afp["label"]) >= {"Pulse Ghana (AFP)", "Ahram Online (AFP)"}
    assert df.loc[df["as_of"].str.startswith("before:"), "baseline"].all()


# --- filters --------------------------------------------------------------------------


def _frame() -> pd.DataFrame:
    rows = []
    for i, (cat, place, outlet, body, prov, as_of) in enumerate(
        [
            ("killed", "Yarmouk", "AP", "UNRWA", "extracted", "2018-05-20"),
            ("killed", "Idlib", "AFP", "", "curated", "2015-04-02"),
            ("population", "Yarmouk", "AP", "", "corrected", "before:2011"),
            ("population", "Yarmouk", "", "UNRWA", "extracted", ""),
        ]
    ):
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            id=f"f{i}",
            category=cat,
            where=place,
            outlet=outlet,
            attributed_to=body,
            provenance=prov,
            as_of=as_of,
            value=float(i + 1),
            low=None,
            high=None,
            start=None,
            end=None,
        )
        rows.append(row)
    return data.prepare(to_frame(rows))


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        (data.Filters(), ["f0", "f1", "f2", "f3"]),
        (data.Filters(category=("killed",)), ["f0", "f1"]),
        (data.Filters(place=("Yarmouk",), category=("population",)), ["f2", "f3"]),
        (data.Filters(outlet=(data.NONE,)), ["f3"]),
        (data.Filters(source=("UNRWA",)), ["f0", "f3"]),
        (data.Filters(source=(data.NONE,)), ["f1", "f2"]),
        (data.Filters(provenance=("curated", "corrected")), ["f1", "f2"]),
        (data.Filters(as_of_from=date(2015, 1, 1)), ["f0", "f1"]),
        (data.Filters(as_of_to=date(2014, 12, 31)), ["f2"]),
        (data.Filters(as_of_from=date(2016, 1, 1), as_of_to=date(2018, 12, 31)), ["f0"]),
        (data.Filters(category=("buses",)), []),
    ],
)
def test_filters(filters: data.Filters, ids: list[str]) -> None:
    assert data.apply_filters(_frame(), filters)["id"].tolist() == ids


def test_filter_options_list_what_is_there() -> None:
    options = data.filter_options(_frame())
    assert options["category"] == ["killed", "population"]
    assert options["place"] == ["Yarmouk", "Idlib"]  # most figures first
    assert options["outlet"] == ["AP", data.NONE, "AFP"]
    assert data.NONE in options["source"]
    assert data.date_span(_frame()) == (date(2011, 1, 1), date(2018, 5, 20))


@pytest.mark.parametrize(
    ("filters", "query"),
    [
        (data.Filters(), {}),
        (data.Filters(category=("killed", "injured")), {"category": ["killed", "injured"]}),
        (
            data.Filters(place=("Yarmouk",), source=("UNRWA",), provenance=("curated",)),
            {"place": ["Yarmouk"], "source": ["UNRWA"], "provenance": ["curated"]},
        ),
        (
            data.Filters(as_of_from=date(2015, 1, 1), as_of_to=date(2018, 5, 21)),
            {"as_of": ["2015-01-01..2018-05-21"]},
        ),
        (data.Filters(as_of_to=date(2014, 1, 1)), {"as_of": ["..2014-01-01"]}),
        (data.Filters(outlet=("A & B", "x=y")), {"outlet": ["A & B", "x=y"]}),
    ],
)
def test_filters_round_trip_through_query_parameters(
    filters: data.Filters, query: dict[str, list[str]]
) -> None:
    assert data.filters_to_query(filters) == query
    assert data.filters_from_query(query) == filters


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ({"category": "killed"}, data.Filters(category=("killed",))),
        ({"category": ["killed", "killed", ""]}, data.Filters(category=("killed",))),
        ({"as_of": "not-a-date..2018-01-01"}, data.Filters(as_of_to=date(2018, 1, 1))),
        ({"as_of": "2018"}, data.Filters()),
        ({"unknown": "x"}, data.Filters()),
    ],
)
def test_odd_query_parameters_are_read_leniently(
    query: dict[str, str | list[str]], filters: data.Filters
) -> None:
    assert data.filters_from_query(query) == filters


def test_restrict_drops_values_the_data_does_not_offer() -> None:
    f = data.Filters(category=("killed", "gone"), place=("Nowhere",))
    assert data.restrict(f, {"category": ["killed"], "place": ["Yarmouk"]}) == data.Filters(
        category=("killed",)
    )


# --- the last valid state ---------------------------------------------------------------


def test_a_broken_figures_yaml_falls_back_to_the_last_valid_state(tmp_path: Path) -> None:
    figures = tmp_path / "figures.yaml"
    shutil.copy(FIGURES, figures)
    store = data.LastGood()
    good = store.resolve(data.load(data.Paths(CORPUS, figures)))
    assert good.fallback_from is None and "curated" in set(good.frame["provenance"])

    figures.write_text("figures:\n  - outlet: [unclosed\n", encoding="utf-8")
    broken = data.load(data.Paths(CORPUS, figures))
    assert broken.figures_unusable
    assert "curated" not in set(broken.frame["provenance"])
    shown = store.resolve(broken)
    assert shown.fallback_from == good.loaded_at
    assert shown.frame is good.frame
    assert shown.problems == broken.problems and not shown.editable
    assert any(p.message.startswith("not valid YAML") and p.line >= 2 for p in shown.problems)


def test_without_a_last_valid_state_the_corpus_alone_shows(tmp_path: Path) -> None:
    figures = tmp_path / "figures.yaml"
    figures.write_text("sources: [\n", encoding="utf-8")
    shown = data.LastGood().resolve(data.load(data.Paths(CORPUS, figures)))
    assert shown.figures_unusable and shown.fallback_from is None
    assert len(shown.frame) > 10 and set(shown.frame["provenance"]) == {"extracted"}


@pytest.mark.parametrize(
    ("text", "fatal"),
    [
        ("sources: [\n", True),
        ("- a list\n- at the top\n", True),
        ("corrections:\n  nosuchid-1-2:\n    reject: true\n", False),
        ("figures:\n  - category: nonsense\n    value: 3\n    outlet: X\n", False),
    ],
)
def test_which_problems_make_the_file_unusable(tmp_path: Path, text: str, fatal: bool) -> None:
    figures = tmp_path / "figures.yaml"
    figures.write_text(text, encoding="utf-8")
    loaded = data.load(data.Paths(None, figures))
    assert loaded.problems
    assert loaded.figures_unusable is fatal


# --- exports ------------------------------------------------------------------------


def test_the_csv_of_a_filtered_view_holds_exactly_its_rows(bundled: data.Loaded) -> None:
    view = data.apply_filters(bundled.frame, data.Filters(category=("population",)))
    assert 0 < len(view) < len(bundled.frame)
    back = pd.read_csv(io.BytesIO(data.csv_bytes(view)), keep_default_na=False)
    assert back["id"].tolist() == view["id"].tolist()
    assert list(back.columns) == list(data.EXPORT_COLUMNS)
    assert set(back["category"]) == {"population"}
    assert pd.to_numeric(back["value"].replace("", None)).tolist() == pytest.approx(
        view["value"].tolist(), nan_ok=True
    )


def test_the_hxl_download_has_its_hashtag_row(bundled: data.Loaded) -> None:
    view = data.apply_filters(bundled.frame, data.Filters(category=("killed",)))
    lines = data.hxl_bytes(view).decode("utf-8").splitlines()
    assert lines[1].startswith('"#meta+id"')
    assert "#affected+killed" in lines[1]
    assert len(lines) == 2 + len(view)


# --- articles -----------------------------------------------------------------------


def test_articles_are_found_by_file_name(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B")
    (tmp_path / "a.txt").write_text("A")
    assert data.article_path(tmp_path, "a.txt") == tmp_path / "a.txt"
    assert data.article_path(tmp_path, "b.txt") == tmp_path / "sub" / "b.txt"
    assert data.article_path(tmp_path, "c.txt") is None
    assert data.article_path(tmp_path, "../a.txt") is None
    assert data.article_path(None, "a.txt") is None


def test_the_article_text_locates_the_figure(bundled: data.Loaded) -> None:
    row = bundled.frame[bundled.frame["text"] == "an estimated 200,000 people"].iloc[0]
    path = data.article_path(CORPUS, str(row["article"]))
    assert path is not None
    text, start, end = data.article_text(path, row.to_dict())
    assert start is not None and end is not None
    assert text[start:end] == "an estimated 200,000 people"
    moved = {**row.to_dict(), "start": 0, "end": 5}
    text, start, end = data.article_text(path, moved)
    assert start is not None and text[start:end] == "an estimated 200,000 people"
