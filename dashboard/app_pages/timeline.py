"""Timeline: one place's figures of one category over time, coloured by outlet."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, fmt, ui, views

view = ui.current()
st.title("Timeline")
st.caption(
    "How one count changed over time and who reported it: each point is a figure at "
    "the date it holds for (baselines such as 'before the war' at their year)."
)

places, categories = views.timeline_choices(view.frame)
if not places or not categories:
    ui.empty_state(
        ui.no_data_message(view)
        if view.frame.empty
        else "None of the figures that match the filters has both a place and a date. "
        "Widen the filters in the sidebar."
    )
    st.stop()

default_place, default_category = views.timeline_default(view.frame)
for key, options, default, param in (
    ("tl_place", places, default_place, "tl_place"),
    ("tl_category", categories, default_category, "tl_category"),
):
    if st.session_state.get(key) not in options:
        asked = st.query_params.get(param)
        st.session_state[key] = asked if asked in options else default
left, right = st.columns(2)
place = left.selectbox("Place", places, key="tl_place")
category = right.selectbox("Category", categories, key="tl_category")
for param, value in (("tl_place", place), ("tl_category", category)):
    if st.query_params.get(param) != value:
        st.query_params[param] = value

rows = views.timeline_rows(view.frame, place, category)
if rows.empty:
    ui.empty_state(
        f"No dated {category} figures for {place} match the filters. Choose another "
        "place or category, or widen the filters in the sidebar."
    )
    st.stop()

title = f"{category.capitalize()} \u00b7 {place}"
built = charts.timeline_chart(rows, title=title)
ui.chart(built, key="tl_chart", file_stem=f"timeline-{ui.short_key(title)}")

st.subheader("The figures in time order", anchor=False)
table = rows.assign(
    when_text=[fmt.day(w.date()) for w in rows["when"]],
    figure_text=[
        fmt.figure(v, lo, hi, q)
        for v, lo, hi, q in zip(
            rows["value"], rows["low"], rows["high"], rows["qualifier"], strict=True
        )
    ],
    as_of_text=[fmt.date_text(a) for a in rows["as_of"]],
)[["when_text", "as_of_text", "figure_text", "text", "label", "attributed_to", "provenance", "id"]]
st.dataframe(
    table.head(5_000),
    hide_index=True,
    width="stretch",
    key="tl_table",
    column_config={
        "when_text": "Placed at",
        "as_of_text": "As of",
        "figure_text": "Figure",
        "text": "Phrase",
        "label": "Outlet (wire)",
        "attributed_to": "Attributed to",
        "provenance": "Provenance",
        "id": "Id",
    },
)
