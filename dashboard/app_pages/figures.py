"""Figures: every figure with all its fields; a selected figure's quote and article
with the figure highlighted, and its review (accept, reject, correct)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, fmt, review, ui, views
from extract.figure import QUALIFIERS
from extract.layer import ALL_CATEGORIES
from extract.yamlwrite import LayerWriteError, StaleFileError

TABLE_LIMIT = 10_000
IDS_KEY = "_fig_table_ids"
FLASH_KEY = "_fig_flash"

view = ui.current()
st.title("Figures")
st.caption(
    "Every figure that matches the filters, with the phrase marked \u27e6like this\u27e7 "
    "in its quote. Select a row to read its article and review it."
)

flash = st.session_state.pop(FLASH_KEY, None)
if flash:
    st.success(flash, icon=":material/check_circle:")

if view.frame.empty:
    ui.empty_state(ui.no_data_message(view))
    st.stop()


def _pick_from_table() -> None:
    state = st.session_state.get("fig_table")
    rows = state.selection.rows if state is not None else []
    ids = st.session_state.get(IDS_KEY, [])
    if rows and rows[0] < len(ids):
        st.session_state["fig_id"] = ids[rows[0]]


table = views.figures_table(view.frame, limit=TABLE_LIMIT)
st.session_state[IDS_KEY] = table["id"].tolist()
if len(view.frame) > TABLE_LIMIT:
    st.caption(
        f"Showing the first {fmt.number(TABLE_LIMIT)} of {fmt.number(len(view.frame))} "
        "figures: narrow the filters, or download the CSV from the sidebar."
    )
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    height=380,
    key="fig_table",
    on_select=_pick_from_table,
    selection_mode="single-row",
    column_config={
        **views.TABLE_LABELS,
        "id": st.column_config.TextColumn("Id", pinned=True),
        "figure": st.column_config.TextColumn("Figure", pinned=True),
        "quote": st.column_config.TextColumn("Quote", width="large"),
        "value": st.column_config.NumberColumn("Value", format="localized"),
        "low": st.column_config.NumberColumn("Low", format="localized"),
        "high": st.column_config.NumberColumn("High", format="localized"),
        "url": st.column_config.LinkColumn("Url"),
    },
)

st.session_state.setdefault("fig_id", st.query_params.get("figure", ""))
figure_id = st.text_input(
    "Figure id",
    key="fig_id",
    placeholder="Select a row above, or paste a figure id",
).strip()
if (st.query_params.get("figure") or "") != figure_id:
    if figure_id:
        st.query_params["figure"] = figure_id
    else:
        del st.query_params["figure"]
if not figure_id:
    st.stop()

row = views.figure_row(view.all, figure_id)
if row is None:
    ui.empty_state(
        f"No figure has the id {figure_id!r}. Copy an id from the table (or the CSV); "
        "a rejected figure no longer appears."
    )
    st.stop()

fkey = ui.short_key(figure_id)
words = fmt.figure(row["value"], row["low"], row["high"], str(row["qualifier"]))
st.subheader(f"{words or 'No number'} \u00b7 {row['category']}", anchor=False)
quote = fmt.quote_highlight(str(row["quote"]), str(row["text"]))
if quote:
    st.markdown("> " + quote.replace("\n", "\n> "))

FIELDS: tuple[tuple[str, str], ...] = (
    ("Phrase", "text"),
    ("Who", "who"),
    ("Where", "where"),
    ("As of", "as_of"),
    ("Attributed to", "attributed_to"),
    ("Outlet", "outlet"),
    ("Wire", "wire"),
    ("Published", "published"),
    ("Provenance", "provenance"),
    ("Note", "note"),
    ("Article", "article"),
)
details = pd.DataFrame(
    [
        (label, fmt.date_text(row[col]) if col in ("as_of", "published") else str(row[col]))
        for label, col in FIELDS
        if str(row[col])
    ],
    columns=["Field", "Value"],
)
left, right = st.columns([2, 3])
left.dataframe(details, hide_index=True, width="stretch", key=f"fig_details_{fkey}")
url = str(row["url"])
if url.lower().startswith(("http://", "https://")):
    left.link_button(
        "Open the article online", url, icon=":material/open_in_new:", key=f"fig_link_{fkey}"
    )

with right:
    st.markdown("**In the article** (the figure in bold)")
    corpus = view.loaded.paths.corpus
    path = data.article_path(corpus, str(row["article"])) if corpus and row["article"] else None
    if path is None:
        st.caption(
            "No article file for this figure in the corpus folder"
            + (" (a curated figure)." if row["provenance"] == "curated" else ".")
        )
    else:
        text, start, end = data.article_text(path, row)
        if start is not None and end is not None:
            part, part_start, part_end = fmt.window(text, start, end)
            st.markdown(fmt.highlight(part, part_start, part_end))
        with st.expander("The whole article"), st.container(height=360, key=f"fig_article_{fkey}"):
            st.markdown(fmt.highlight(text, start, end))

st.subheader("Review", anchor=False)
loaded = view.loaded
if not loaded.editable:
    st.info(
        "Reviews are written to figures.yaml, which cannot be edited now: "
        + (
            "no figures.yaml is chosen (see Data in the sidebar)."
            if loaded.paths.figures is None
            else "fix the problems listed at the top first."
        ),
        icon=":material/info:",
    )
    st.stop()

if loaded.paths.figures is None:
    st.stop()
figures_path: Path = loaded.paths.figures
figure: pd.Series = row


def _write(action: str, edits: dict[str, Any] | None = None) -> None:
    try:
        review.write_review(
            figures_path,
            figure.to_dict(),
            action,
            edits=edits,
            note=str(st.session_state.get(f"rev_note_{fkey}", "")),
            reviewer=str(st.session_state.get("rev_reviewer", "")),
            expected_digest=loaded.digest,
        )
    except review.NothingToSave as exc:
        st.warning(str(exc).capitalize() + ".", icon=":material/info:")
        return
    except StaleFileError:
        ui.reload()
        st.error(
            f"{figures_path} changed on disk since it was loaded, so nothing was written. "
            "The view now shows the file as it is: check the figure and review it again.",
            icon=":material/error:",
        )
        return
    except LayerWriteError as exc:
        st.error(f"Nothing was written: {exc}", icon=":material/error:")
        return
    ui.reload()
    done = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}[action]
    st.session_state[FLASH_KEY] = f"Figure {figure_id} {done}: the correction is in {figures_path}."
    st.rerun()


meta = st.columns(2)
meta[0].text_input("Reviewer", key="rev_reviewer", placeholder="Your name (optional)")
meta[1].text_input("Note", key=f"rev_note_{fkey}", placeholder="Why (optional)")
buttons = st.columns([1, 1, 4])
if buttons[0].button("Accept", key=f"rev_accept_{fkey}", icon=":material/check:", width="stretch"):
    _write("accept")
if buttons[1].button("Reject", key=f"rev_reject_{fkey}", icon=":material/close:", width="stretch"):
    _write("reject")


def _number(value: Any) -> float | None:
    return None if fmt.is_missing(value) else float(value)


with st.form(key=f"rev_form_{fkey}", border=True):
    st.markdown("**Correct the figure**")
    a, b, c = st.columns(3)
    categories = list(dict.fromkeys([*ALL_CATEGORIES, str(row["category"])]))
    qualifiers = list(dict.fromkeys([*QUALIFIERS, str(row["qualifier"])]))
    edits: dict[str, Any] = {
        "category": a.selectbox(
            "Category",
            categories,
            index=categories.index(str(row["category"])),
            key=f"rev_category_{fkey}",
        ),
        "qualifier": b.selectbox(
            "Qualifier",
            qualifiers,
            index=qualifiers.index(str(row["qualifier"])),
            format_func=fmt.qualifier_words,
            key=f"rev_qualifier_{fkey}",
        ),
        "as_of": c.text_input(
            "As of",
            value=str(row["as_of"]),
            key=f"rev_as_of_{fkey}",
            help="YYYY, YYYY-MM, YYYY-MM-DD or before:YYYY",
        ),
        "value": a.number_input(
            "Value",
            value=_number(row["value"]),
            min_value=0.0,
            format="%.0f",
            key=f"rev_value_{fkey}",
        ),
        "low": b.number_input(
            "Low", value=_number(row["low"]), min_value=0.0, format="%.0f", key=f"rev_low_{fkey}"
        ),
        "high": c.number_input(
            "High", value=_number(row["high"]), min_value=0.0, format="%.0f", key=f"rev_high_{fkey}"
        ),
        "who": a.text_input("Who", value=str(row["who"]), key=f"rev_who_{fkey}"),
        "where": b.text_input("Where", value=str(row["where"]), key=f"rev_where_{fkey}"),
        "attributed_to": c.text_input(
            "Attributed to", value=str(row["attributed_to"]), key=f"rev_attributed_to_{fkey}"
        ),
    }
    if st.form_submit_button("Save correction", key=f"rev_save_{fkey}", icon=":material/save:"):
        _write("correct", edits)
