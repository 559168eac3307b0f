"""Compare: every comparison group, most disagreement first, each with its chart of
values by outlet and the numbers beside it."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, fmt, ui, views

PER_PAGE = 8

view = ui.current()
st.title("Compare")
st.caption(
    "Figures that count the same thing (same category, place, group of people and "
    "period) side by side, most disagreement first. Copies of one wire story and "
    "figures credited to the same body count as one independent source."
)

if view.frame.empty:
    ui.empty_state(ui.no_data_message(view))
    st.stop()

top = st.columns([2, 1, 1])
only_many = top[0].toggle(
    "Only groups with two or more figures",
    value=True,
    key="cmp_many",
    help="Groups with one figure have nothing to compare.",
)
result = views.compare_data(
    view.frame,
    page=int(st.session_state.get("cmp_page", 1)),
    per_page=PER_PAGE,
    min_figures=2 if only_many else 1,
)
st.session_state["cmp_page"] = result.page
top[1].number_input(
    f"Page (of {result.pages})",
    min_value=1,
    max_value=result.pages,
    step=1,
    key="cmp_page",
)
top[2].metric("Groups", fmt.number(len(result.all_groups)))

if result.shown.empty:
    ui.empty_state(
        "No figures here have another figure to compare with. Turn off "
        "**Only groups with two or more figures**, or widen the filters in the sidebar."
    )
    st.stop()

for _, group in result.shown.iterrows():
    key = ui.short_key(str(group["group"]))
    with st.container(border=True, key=f"cmp_group_{key}"):
        title = views.group_title(group)
        st.subheader(title, anchor=False)
        st.markdown(fmt.escape_markdown(fmt.shorten(str(group["summary"]), 600)))
        left, right = st.columns([4, 1])
        with left:
            built = charts.group_chart(
                views.group_rows(view.frame, str(group["group"])), title=title
            )
            ui.chart(built, key=f"cmp_chart_{key}", file_stem=f"compare-{key}")
        with right:
            for name, value in views.stats(group).items():
                st.markdown(f"{name}  \n**{value}**")
