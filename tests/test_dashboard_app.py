"""The dashboard's pages run in Streamlit's AppTest: every page on the bundled data,
Compare's Yarmouk group in its chart spec, filters (and the URL) changing the table,
the filtered download, a broken figures.yaml, a review and an upload written to disk."""

from __future__ import annotations

import ast
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import data, ui, views
from extract.layer import load_layer

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
CORPUS = ROOT / "corpus" / "yarmouk"
PAGES = (
    "app_pages/compare.py",
    "app_pages/timeline.py",
    "app_pages/figures.py",
    "app_pages/add_articles.py",
)
TIMEOUT = 60


@pytest.fixture
def figures(tmp_path: Path) -> Path:
    path = tmp_path / "figures.yaml"
    shutil.copy(ROOT / "figures.yaml", path)
    return path


def _app(figures: Path | None = None, corpus: Path = CORPUS, **query: Any) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if figures is not None:
        at.session_state[ui.CORPUS_KEY] = str(corpus)
        at.session_state[ui.FIGURES_KEY] = str(figures)
    for key, value in query.items():
        at.query_params[key] = value
    return at


def _ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def _charts(at: AppTest) -> list[Any]:
    return list(at.get("vega_lite_chart"))


def _chart_rows(element: Any) -> list[dict[str, Any]]:
    """The rows a chart element sends to the browser (its Arrow datasets)."""
    rows: list[dict[str, Any]] = []
    for ds in element.proto.datasets:
        rows += pa.ipc.open_stream(ds.data.data).read_all().to_pylist()
    return rows


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_bundled_data(page: str) -> None:
    at = _ok(AppTest.from_file(APP, default_timeout=TIMEOUT).run())
    if page != PAGES[0]:
        _ok(at.switch_page(page).run())
    assert at.title and not at.error
    assert at.sidebar.multiselect(key="f_category") is not None
    assert at.sidebar.download_button(key="dl_csv") is not None


def test_compare_shows_the_yarmouk_prewar_population(figures: Path) -> None:
    at = _ok(_app(figures).run())
    view: ui.View = at.session_state[ui.VIEW_KEY]
    result = views.compare_data(view.frame, per_page=50, min_figures=2)
    prewar = result.all_groups[
        result.all_groups["group"].str.startswith("population|yarmouk|people|before:")
    ]
    assert len(prewar) == 1
    rows = views.group_rows(view.frame, str(prewar.iloc[0]["group"]))
    assert set(rows.loc[rows["value"] == 200000, "outlet"]) == {"Associated Press"}
    assert "Ahram Online" in set(rows.loc[rows["value"] == 160000, "outlet"])

    found = None
    for element in _charts(at):
        values = {(r["label"], r["point"]) for r in _chart_rows(element)}
        if ("Associated Press (AP)", 200000) in values:
            found = (element, values)
    assert found is not None, "no chart holds AP's 200,000"
    element, values = found
    assert any(point == 160000 and label != "Associated Press (AP)" for label, point in values)
    spec = json.loads(element.proto.spec)
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rule", "point", "point"]
    assert spec["layer"][2]["encoding"]["y"]["field"] == "label"
    assert spec["layer"][2]["encoding"]["shape"]["field"] == "qualifier"
    assert {t["field"] for t in spec["layer"][2]["encoding"]["tooltip"]} >= {"phrase", "quote"}
    titles = [s.value for s in at.subheader]
    assert any(
        t.startswith("Population \u00b7 people \u00b7 Yarmouk \u00b7 before 2011") for t in titles
    )
    assert at.download_button  # PNG and SVG under every chart
    assert {b.label for b in at.main.download_button} >= {"PNG", "SVG"}


def test_a_category_filter_changes_the_figures_table_and_the_url(figures: Path) -> None:
    at = _ok(_app(figures).run())
    _ok(at.switch_page("app_pages/figures.py").run())
    everything = at.dataframe[0].value
    at.sidebar.multiselect(key="f_category").set_value(["killed"])
    _ok(at.run())
    killed = at.dataframe[0].value
    assert 0 < len(killed) < len(everything)
    assert set(killed["category"]) == {"killed"}
    assert at.query_params.get("category") == "killed"

    view: ui.View = at.session_state[ui.VIEW_KEY]
    assert view.frame["id"].tolist() == killed["id"].tolist()
    csv = pd.read_csv(io.BytesIO(data.csv_bytes(view.frame)), keep_default_na=False)
    assert csv["id"].tolist() == killed["id"].tolist()
    button = at.sidebar.download_button(key="dl_csv")
    assert button.label == "CSV" and not button.proto.disabled
    assert at.sidebar.download_button(key="dl_hxl").label == "HXL CSV"


def test_filters_come_from_a_shared_link(figures: Path) -> None:
    at = _ok(_app(figures, category=["killed", "injured"], place="Yarmouk").run())
    assert at.sidebar.multiselect(key="f_category").value == ["killed", "injured"]
    view: ui.View = at.session_state[ui.VIEW_KEY]
    assert set(view.frame["category"]) <= {"killed", "injured"} and len(view.frame) > 0
    _ok(at.switch_page("app_pages/timeline.py").run())
    assert at.sidebar.multiselect(key="f_category").value == ["killed", "injured"]
    assert at.query_params.get("category") == ["killed", "injured"]


def test_a_figures_yaml_with_a_syntax_error_shows_its_errors_and_the_rest(figures: Path) -> None:
    figures.write_text("figures:\n  - outlet: [unclosed\n    value: 3\n", encoding="utf-8")
    at = _ok(_app(figures).run())
    assert any("figures.yaml could not be read" in e.value for e in at.error)
    problems = " ".join(m.value for m in at.markdown)
    assert f"{figures}:" in problems and "not valid YAML" in problems
    assert len(_charts(at)) >= 2  # the corpus still renders
    for page in PAGES[1:]:
        _ok(at.switch_page(page).run())
        assert any("could not be read" in e.value for e in at.error)


def test_a_broken_edit_keeps_the_last_valid_state(figures: Path) -> None:
    at = _ok(_app(figures).run())
    good = at.session_state[ui.VIEW_KEY].all
    assert "Newsweek" in set(good["outlet"])
    figures.write_text(figures.read_text(encoding="utf-8") + "\n  bad: [\n", encoding="utf-8")
    _ok(at.run())
    assert any("last valid state" in e.value for e in at.error)
    assert "Newsweek" in set(at.session_state[ui.VIEW_KEY].all["outlet"])


def test_a_review_writes_its_correction_to_figures_yaml(figures: Path) -> None:
    at = _ok(_app(figures).run())
    _ok(at.switch_page("app_pages/figures.py").run())
    frame = at.session_state[ui.VIEW_KEY].all
    fid = str(frame.loc[frame["text"] == "a few thousand", "id"].iloc[0])
    at.text_input(key="fig_id").set_value(fid)
    _ok(at.run())
    assert any("a few thousand" in m.value for m in at.markdown)  # the quote, highlighted
    key = ui.short_key(fid)
    at.text_input(key="rev_reviewer").set_value("Ana")
    at.text_input(key=f"rev_note_{key}").set_value("not in the camp")
    at.button(key=f"rev_reject_{key}").click()
    _ok(at.run())
    correction = load_layer(figures)[0].corrections[fid]
    assert (
        correction.reject and correction.reviewer == "Ana" and correction.note == "not in the camp"
    )
    assert any("rejected" in s.value for s in at.success)
    assert fid not in set(at.dataframe[0].value["id"])  # the view updated


def test_a_correction_from_the_form(figures: Path) -> None:
    at = _ok(_app(figures).run())
    _ok(at.switch_page("app_pages/figures.py").run())
    frame = at.session_state[ui.VIEW_KEY].all
    fid = str(frame.loc[frame["text"] == "just a few hundred", "id"].iloc[0])
    at.text_input(key="fig_id").set_value(fid)
    _ok(at.run())
    key = ui.short_key(fid)
    at.text_input(key=f"rev_where_{key}").set_value("Hajar al-Aswad")
    at.button(key=f"rev_save_{key}").click()
    _ok(at.run())
    assert load_layer(figures)[0].corrections[fid].changes == {"where": "Hajar al-Aswad"}
    assert set(at.session_state[ui.VIEW_KEY].all.loc[lambda d: d["id"] == fid, "where"]) == {
        "Hajar al-Aswad"
    }


def test_an_uploaded_article_is_previewed_and_saved(tmp_path: Path, figures: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    at = _ok(_app(figures, corpus=corpus).run())
    _ok(at.switch_page("app_pages/add_articles.py").run())
    assert any("Choose an article file" in i.value for i in at.info)
    raw = (CORPUS / "004_26b6a18cd7494978.txt").read_bytes()
    at.file_uploader[0].set_value(("ap-story.txt", raw, "text/plain"))
    at.text_input(key="add_outlet").set_value("Associated Press")
    at.text_input(key="add_wire").set_value("AP")
    _ok(at.run())
    preview = at.dataframe[0].value
    assert "an estimated 200,000 people" in set(preview["text"])
    at.button(key="add_save").click()
    _ok(at.run())
    assert (corpus / "ap-story.txt").read_bytes() == raw
    assert load_layer(figures)[0].sources["ap-story.txt"].outlet == "Associated Press"
    assert "an estimated 200,000 people" in set(at.session_state[ui.VIEW_KEY].all["text"])
    assert any("ap-story.txt saved as" in s.value for s in at.success)
    assert not at.dataframe  # a fresh uploader, ready for the next article


def test_empty_views_say_what_to_do(tmp_path: Path, figures: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    figures.write_text("", encoding="utf-8")
    at = _ok(_app(figures, corpus=empty).run())
    assert any("No figures are loaded" in i.value for i in at.info)
    for page in PAGES[1:3]:
        _ok(at.switch_page(page).run())
        assert at.info, page


WIDGETS = frozenset(
    {
        "button",
        "link_button",
        "download_button",
        "text_input",
        "text_area",
        "selectbox",
        "multiselect",
        "slider",
        "select_slider",
        "number_input",
        "toggle",
        "checkbox",
        "radio",
        "file_uploader",
        "date_input",
        "form",
        "form_submit_button",
        "data_editor",
    }
)


def test_every_widget_has_a_key() -> None:
    unkeyed = []
    for path in (ROOT / "dashboard").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            name = node.func.attr
            keyed = any(k.arg == "key" for k in node.keywords)
            selectable = name == "dataframe" and any(k.arg == "on_select" for k in node.keywords)
            if (name in WIDGETS or selectable) and not keyed:
                unkeyed.append(f"{path.name}:{node.lineno} {name}")
    assert unkeyed == []


def test_no_page_renders_html() -> None:
    for path in (ROOT / "dashboard").rglob("*.py"):
        assert "unsafe_allow_html" not in path.read_text(encoding="utf-8"), path
