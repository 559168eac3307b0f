"""The humanitarian-figures dashboard.

Run it with ``streamlit run dashboard/app.py`` (the bundled corpus and figures.yaml),
or choose others with ``streamlit run dashboard/app.py -- --corpus DIR --figures PATH``
or under Data in the sidebar.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PROJECT = str(Path(__file__).resolve().parent.parent)
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

import streamlit as st  # noqa: E402

from dashboard import ui  # noqa: E402

st.set_page_config(
    page_title="Humanitarian figures",
    page_icon=":material/query_stats:",
    layout="wide",
    initial_sidebar_state="expanded",
)

# The page scripts live in app_pages/, not pages/: a folder named pages/ beside the
# entry script puts Streamlit in its older multipage mode for a session's first run
# (and in every AppTest run), which would run a page without this script around it.
PAGES = [
    st.Page(
        "app_pages/compare.py", title="Compare", icon=":material/compare_arrows:", default=True
    ),
    st.Page("app_pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("app_pages/figures.py", title="Figures", icon=":material/table_rows:"),
    st.Page("app_pages/add_articles.py", title="Add articles", icon=":material/upload_file:"),
]

page = st.navigation(PAGES)
view = ui.prepare_view()
ui.problems(view.loaded)
page.run()
