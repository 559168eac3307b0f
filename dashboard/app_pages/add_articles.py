"""Add articles: upload an article, see the figures the extractor finds in it, then
save it into the corpus folder and its source into figures.yaml."""

from __future__ import annotations

import streamlit as st

from dashboard import fmt, intake, ui, views
from extract.errors import ArticleError
from extract.yamlwrite import LayerWriteError, StaleFileError

FLASH_KEY = "_add_flash"
SAVED_KEY = "_add_saved"

view = ui.current()
loaded = view.loaded
st.title("Add articles")
st.caption(
    "Upload a news article as .txt or .html, say where it was published, check the "
    "figures found in it, then save it to the corpus."
)

flash = st.session_state.pop(FLASH_KEY, None)
if flash:
    st.success(flash, icon=":material/check_circle:")

upload = st.file_uploader(
    "Article file",
    type=list(intake.UPLOAD_TYPES),
    key=f"add_file_{st.session_state.get(SAVED_KEY, 0)}",  # a new uploader after a save
    help="The size limit is set by server.maxUploadSize in .streamlit/config.toml.",
)
a, b = st.columns(2)
outlet = a.text_input("Outlet", key="add_outlet", placeholder="e.g. Middle East Eye")
wire = b.text_input("Wire (news agency), if any", key="add_wire", placeholder="e.g. AFP")
published = a.date_input("Published", value=None, key="add_published", format="DD/MM/YYYY")
url = b.text_input("Url", key="add_url", placeholder="https://\u2026")
fields = {"outlet": outlet, "wire": wire, "published": published, "url": url}

if upload is None:
    ui.empty_state("Choose an article file above to see the figures in it.")
    st.stop()

raw = upload.getvalue()
try:
    found = intake.preview(raw, upload.name, fields, loaded.paths.figures)
except ArticleError as exc:
    st.error(f"{upload.name} cannot be read: {exc.reason}.", icon=":material/error:")
    st.stop()

article = found.article
st.subheader(
    f"{fmt.plural(len(found.figures), 'figure')} found in {intake.safe_name(upload.name)}",
    anchor=False,
)
if article.warnings:
    st.warning("; ".join(article.warnings), icon=":material/warning:")
if found.figures.empty:
    ui.empty_state(
        "The extractor found no humanitarian figures in this article. You can still "
        "save it, or add figures by hand to figures.yaml."
    )
else:
    st.dataframe(
        views.figures_table(found.figures),
        hide_index=True,
        width="stretch",
        key="add_preview",
        column_config={"quote": st.column_config.TextColumn("Quote", width="large")},
    )
with st.expander("Article text as read", expanded=False):
    st.text(fmt.shorten(article.text, 20_000))

problems = []
if not outlet.strip():
    problems.append("enter the outlet")
if msg := intake.check_url(url):
    problems.append(msg)
corpus = loaded.paths.corpus
if corpus is None or not corpus.is_dir():
    problems.append("choose a corpus folder under Data in the sidebar")
if not loaded.editable:
    problems.append("fix figures.yaml first (see the problems at the top)")
if problems:
    st.info("To save: " + "; ".join(problems) + ".", icon=":material/info:")

if st.button(
    "Save to the corpus",
    key="add_save",
    type="primary",
    disabled=bool(problems),
    icon=":material/save:",
):
    assert corpus is not None and loaded.paths.figures is not None
    try:
        saved = intake.save(
            corpus,
            loaded.paths.figures,
            raw,
            upload.name,
            fields,
            expected_digest=loaded.digest,
        )
    except StaleFileError:
        ui.reload()
        st.error(
            "figures.yaml changed on disk since it was loaded, so nothing was saved. "
            "Press Save again to save against the file as it is now.",
            icon=":material/error:",
        )
    except (LayerWriteError, OSError) as exc:
        st.error(f"Nothing was saved: {exc}", icon=":material/error:")
    else:
        ui.reload()
        where = "was already in the corpus" if saved.already_there else f"saved as {saved.path}"
        st.session_state[SAVED_KEY] = st.session_state.get(SAVED_KEY, 0) + 1
        st.session_state[FLASH_KEY] = (
            f"{saved.path.name} {where}; its source is in {loaded.paths.figures}. "
            "Its figures now show on every page."
        )
        st.rerun()
