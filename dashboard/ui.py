"""The Streamlit parts every page shares: the cached loader, the sidebar (data
source, filters kept in the URL, downloads), the list of problems, and charts with
their image downloads. Everything that computes lives in the plain modules."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, cast

import pandas as pd
import streamlit as st

from dashboard import charts, data, fmt

VIEW_KEY = "_view"
SEEDED_KEY = "_filters_seeded"
CORPUS_KEY = "data_corpus"
FIGURES_KEY = "data_figures"
FILTER_KEYS: dict[str, str] = {name: f"f_{name}" for name in data.FILTER_COLUMNS}
AS_OF_KEY = "f_as_of"
FILTER_LABELS: dict[str, str] = {
    "category": "Category",
    "place": "Place",
    "outlet": "Outlet",
    "source": "Attributed source",
    "provenance": "Provenance",
}


@dataclass(frozen=True)
class View:
    """What a page works on: the loaded state, the filters and the filtered table."""

    loaded: data.Loaded
    filters: data.Filters
    frame: pd.DataFrame

    @property
    def all(self) -> pd.DataFrame:
        """Every figure, before the filters."""
        return self.loaded.frame


# --- loading ------------------------------------------------------------------------


@st.cache_data(show_spinner="Reading the corpus and figures.yaml\u2026", max_entries=4)
def _load(corpus: str, figures: str, stamp_key: str) -> data.Loaded:
    return data.load(data.paths_from_text(corpus, figures))


@st.cache_resource
def _last_good() -> data.LastGood:
    return data.LastGood()


def load(paths: data.Paths) -> data.Loaded:
    """The merged table of ``paths``, cached in process until a file changes; a broken
    figures.yaml gives the last valid state (with its problems)."""
    key = hashlib.sha256(repr(data.stamp(paths)).encode()).hexdigest()
    corpus = str(paths.corpus) if paths.corpus is not None else ""
    figures = str(paths.figures) if paths.figures is not None else ""
    return _last_good().resolve(_load(corpus, figures, key))


def reload() -> None:
    """Forget the cached tables (after a write, or when asked)."""
    _load.clear()


# --- the sidebar --------------------------------------------------------------------


def _data_source() -> data.Paths:
    defaults = data.parse_args(sys.argv[1:])
    st.session_state.setdefault(CORPUS_KEY, str(defaults.corpus or ""))
    st.session_state.setdefault(FIGURES_KEY, str(defaults.figures or ""))
    with st.sidebar.expander("Data", expanded=False):
        st.text_input(
            "Corpus folder",
            key=CORPUS_KEY,
            help="A folder of .txt/.html articles (with an optional sources.yaml).",
        )
        st.text_input(
            "figures.yaml",
            key=FIGURES_KEY,
            help="The hand-edited layer: sources, aliases, curated figures, corrections.",
        )
        if st.button("Reload from disk", key="data_reload", width="stretch"):
            reload()
    return data.paths_from_text(
        str(st.session_state[CORPUS_KEY]), str(st.session_state[FIGURES_KEY])
    )


def _query_dict() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def _seed_filters(options: dict[str, list[str]], span: tuple[date, date] | None) -> None:
    """On a session's first run, set the filter widgets from the URL."""
    if st.session_state.get(SEEDED_KEY):
        return
    st.session_state[SEEDED_KEY] = True
    wanted = data.restrict(data.filters_from_query(_query_dict()), options)
    for name, key in FILTER_KEYS.items():
        st.session_state[key] = list(getattr(wanted, name))
    if span is not None:
        lo = max(wanted.as_of_from or span[0], span[0])
        hi = min(wanted.as_of_to or span[1], span[1])
        st.session_state[AS_OF_KEY] = (lo, hi) if lo <= hi else span


def _clamp_state(options: dict[str, list[str]], span: tuple[date, date] | None) -> None:
    """Drop widget values the current data does not offer (another corpus was chosen)."""
    for name, key in FILTER_KEYS.items():
        if key in st.session_state:
            allowed = set(options[name])
            st.session_state[key] = [v for v in st.session_state[key] if v in allowed]
    if span is not None and AS_OF_KEY in st.session_state:
        a, b = st.session_state[AS_OF_KEY]
        a, b = max(min(a, span[1]), span[0]), min(max(b, span[0]), span[1])
        st.session_state[AS_OF_KEY] = (a, b) if a <= b else span


def _clear_filters(span: tuple[date, date] | None) -> None:
    for key in FILTER_KEYS.values():
        st.session_state[key] = []
    if span is not None:
        st.session_state[AS_OF_KEY] = span


def _filters(frame: pd.DataFrame) -> data.Filters:
    options = data.filter_options(frame)
    span = data.date_span(frame)
    if span is not None and span[0] == span[1]:
        span = None
    _seed_filters(options, span)
    _clamp_state(options, span)
    side = st.sidebar
    side.header("Filters")
    chosen: dict[str, Any] = {}
    for name, key in FILTER_KEYS.items():
        chosen[name] = tuple(
            side.multiselect(
                FILTER_LABELS[name],
                options[name],
                key=key,
                placeholder="All",
            )
        )
    as_of_from = as_of_to = None
    if span is not None:
        st.session_state.setdefault(AS_OF_KEY, span)
        chosen_span = side.slider(
            "As of",
            min_value=span[0],
            max_value=span[1],
            key=AS_OF_KEY,
            format="D MMM YYYY",
            help="When the figures hold (baselines at their year). Narrowing it leaves "
            "undated figures out.",
        )
        a, b = cast(tuple[date, date], chosen_span)
        as_of_from = a if a > span[0] else None
        as_of_to = b if b < span[1] else None
    side.button(
        "Clear filters",
        key="f_clear",
        on_click=_clear_filters,
        args=(span,),
        width="stretch",
    )
    filters = data.Filters(as_of_from=as_of_from, as_of_to=as_of_to, **chosen)
    _sync_query(filters)
    return filters


def _sync_query(filters: data.Filters) -> None:
    """Write the filters to the URL (only what changed), so a view can be shared."""
    wanted = data.filters_to_query(filters)
    for name in (*data.FILTER_COLUMNS, data.AS_OF_PARAM):
        have = st.query_params.get_all(name)
        new = wanted.get(name, [])
        if have == new:
            continue
        if new:
            st.query_params[name] = new
        else:
            del st.query_params[name]


def _downloads(view: View) -> None:
    side = st.sidebar
    side.header("Download")
    n = len(view.frame)
    side.caption(f"The filtered view: {fmt.plural(n, 'figure')}.")
    frame = view.frame
    left, right = side.columns(2)
    left.download_button(
        "CSV",
        data=partial(data.csv_bytes, frame),
        file_name="figures.csv",
        mime="text/csv",
        key="dl_csv",
        on_click="ignore",
        width="stretch",
        disabled=n == 0,
        icon=":material/download:",
    )
    right.download_button(
        "HXL CSV",
        data=partial(data.hxl_bytes, frame),
        file_name="figures.hxl.csv",
        mime="text/csv",
        key="dl_hxl",
        on_click="ignore",
        width="stretch",
        disabled=n == 0,
        icon=":material/download:",
    )


def prepare_view() -> View:
    """Run the shared part of every page: the data source, loading, the problems, the
    filters and the downloads. The page reads the result with :func:`current`."""
    paths = _data_source()
    loaded = load(paths)
    filters = _filters(loaded.frame)
    frame = data.apply_filters(loaded.frame, filters)
    view = View(loaded, filters, frame)
    _downloads(view)
    st.session_state[VIEW_KEY] = view
    return view


def current() -> View:
    """The view :func:`prepare_view` made for this run."""
    view = st.session_state.get(VIEW_KEY)
    if not isinstance(view, View):
        return prepare_view()
    return view


# --- shared widgets -----------------------------------------------------------------


def problems(loaded: data.Loaded) -> None:
    """The problems met loading the data, as a list of ``file:line: message``; a
    warning first when figures.yaml could not be used at all."""
    if not loaded.problems:
        return
    if loaded.figures_unusable:
        if loaded.fallback_from is not None:
            when = loaded.fallback_from.strftime("%H:%M:%S")
            st.error(
                f"figures.yaml could not be read, so this shows its last valid state "
                f"(loaded at {when}). Fix the problems below; the view updates when the "
                "file is saved.",
                icon=":material/error:",
            )
        else:
            st.error(
                "figures.yaml could not be read, so this shows the extracted figures "
                "without it (no curated figures, corrections or aliases). Fix the "
                "problems below; the view updates when the file is saved.",
                icon=":material/error:",
            )
    label = f"{fmt.plural(len(loaded.problems), 'problem')} in the data"
    with st.expander(label, expanded=loaded.figures_unusable, icon=":material/warning:"):
        lines = []
        for p in loaded.problems:
            line = f"- `{p.file}:{p.line}:{p.column}` {fmt.escape_markdown(p.message)}"
            if p.suggestion:
                line += f"  \n  *{fmt.escape_markdown(p.suggestion)}*"
            lines.append(line)
        st.markdown("\n".join(lines))


def chart(built: charts.Built, key: str, file_stem: str) -> None:
    """Draw a chart, its note (when figures were merged) and PNG/SVG downloads."""
    spec = built.spec()
    on_screen = {k: v for k, v in spec.items() if k != "title"}  # the page has a heading
    st.vega_lite_chart(on_screen, width="stretch", key=key)
    if built.note:
        st.caption(built.note)
    left, right, _rest = st.columns([1, 1, 4])
    left.download_button(
        "PNG",
        data=partial(charts.to_png, spec),
        file_name=f"{file_stem}.png",
        mime="image/png",
        key=f"{key}_png",
        on_click="ignore",
        icon=":material/image:",
    )
    right.download_button(
        "SVG",
        data=partial(charts.to_svg, spec),
        file_name=f"{file_stem}.svg",
        mime="image/svg+xml",
        key=f"{key}_svg",
        on_click="ignore",
        icon=":material/image:",
    )


def short_key(text: str) -> str:
    """A short stable widget-key part for any text (a group name, a figure id)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def empty_state(message: str) -> None:
    """A notice for an empty view that says what to do."""
    st.info(message, icon=":material/info:")


def no_data_message(view: View) -> str:
    """What to do when there is nothing to show."""
    if view.all.empty:
        return (
            "No figures are loaded. Check the corpus folder and figures.yaml under "
            "**Data** in the sidebar, or add articles on the **Add articles** page."
        )
    return "No figures match the filters. Remove some in the sidebar, or press **Clear filters**."
