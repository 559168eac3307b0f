"""Reviewing figures and adding articles from the dashboard: what is written to
figures.yaml and the corpus, through the writer of extract.yamlwrite."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dashboard import data, intake, review
from extract.layer import load_layer
from extract.yamlwrite import InvalidEditError, StaleFileError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "yarmouk"
SEED = CORPUS / "004_26b6a18cd7494978.txt"


@pytest.fixture
def figures(tmp_path: Path) -> Path:
    path = tmp_path / "figures.yaml"
    shutil.copy(ROOT / "figures.yaml", path)
    return path


def _row(loaded: data.Loaded, phrase: str) -> dict[str, Any]:
    return dict(loaded.frame[loaded.frame["text"] == phrase].iloc[0].to_dict())


ROW = {
    "id": "abc123abc123-10-20",
    "category": "killed",
    "value": 250.0,
    "low": 250.0,
    "high": float("nan"),
    "qualifier": "more_than",
    "who": "pro-regime forces",
    "where": "Yarmouk",
    "as_of": "2018-05-20",
    "attributed_to": "",
}


@pytest.mark.parametrize(
    ("action", "edits", "changes"),
    [
        ("reject", None, {"reject": True}),
        (
            "accept",
            None,
            {
                "category": "killed",
                "value": 250,
                "low": 250,
                "qualifier": "more_than",
                "who": "pro-regime forces",
                "where": "Yarmouk",
                "as_of": "2018-05-20",
            },
        ),
        ("correct", {"where": "Hajar al-Aswad"}, {"where": "Hajar al-Aswad"}),
        ("correct", {"where": "  Yarmouk "}, None),
        ("correct", {"value": 260.0}, {"value": 260, "low": 250}),
        ("correct", {"value": 260.0, "low": 255.0}, {"value": 260, "low": 255}),
        (
            "correct",
            {"category": "injured", "attributed_to": "SOHR"},
            {"category": "injured", "attributed_to": "SOHR"},
        ),
        ("correct", {}, None),
    ],
)
def test_what_a_review_writes(
    action: str, edits: dict[str, Any] | None, changes: dict[str, Any] | None
) -> None:
    if changes is None:
        with pytest.raises(review.NothingToSave):
            review.changes_for(action, ROW, edits)
    else:
        assert review.changes_for(action, ROW, edits) == changes


def test_an_unknown_action_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown review action"):
        review.changes_for("approve", ROW)


@pytest.mark.parametrize("action", ["accept", "reject", "correct"])
def test_a_review_lands_in_figures_yaml_and_in_the_view(figures: Path, action: str) -> None:
    loaded = data.load(data.Paths(CORPUS, figures))
    row = _row(loaded, "a few thousand")
    before = figures.read_text(encoding="utf-8")
    edits = {"where": "Hajar al-Aswad"} if action == "correct" else None
    review.write_review(
        figures,
        row,
        action,
        edits=edits,
        note="checked",
        reviewer="Ana",
        expected_digest=loaded.digest,
    )
    text = figures.read_text(encoding="utf-8")
    assert text.startswith(before.split("\ncorrections:")[0])  # the rest of the file untouched
    layer, problems = load_layer(figures)
    assert problems == []
    correction = layer.corrections[row["id"]]
    assert correction.reviewer == "Ana" and correction.note == "checked"
    after = data.load(data.Paths(CORPUS, figures)).frame
    if action == "reject":
        assert correction.reject and row["id"] not in set(after["id"])
    else:
        now = after[after["id"] == row["id"]].iloc[0]
        assert now["provenance"] == "corrected"
        assert now["where"] == ("Hajar al-Aswad" if action == "correct" else "Yarmouk")


def test_an_acceptance_without_a_note_says_so(figures: Path) -> None:
    loaded = data.load(data.Paths(CORPUS, figures))
    row = _row(loaded, "an estimated 200,000 people")
    review.write_review(figures, row, "accept", expected_digest=loaded.digest)
    assert load_layer(figures)[0].corrections[row["id"]].note == review.ACCEPTED_NOTE


def test_a_review_of_a_file_changed_since_is_refused(figures: Path) -> None:
    loaded = data.load(data.Paths(CORPUS, figures))
    row = _row(loaded, "a few thousand")
    figures.write_text(
        figures.read_text(encoding="utf-8") + "\n# edited by hand\n", encoding="utf-8"
    )
    changed = figures.read_bytes()
    with pytest.raises(StaleFileError, match=str(figures.name)):
        review.write_review(figures, row, "reject", expected_digest=loaded.digest)
    assert figures.read_bytes() == changed


def test_an_invalid_correction_is_refused(figures: Path) -> None:
    loaded = data.load(data.Paths(CORPUS, figures))
    row = _row(loaded, "a few thousand")
    with pytest.raises(InvalidEditError):
        review.write_review(
            figures, row, "correct", edits={"as_of": "last spring"}, expected_digest=loaded.digest
        )


# --- adding articles -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("report.txt", "report.txt"),
        ("../../etc/passwd", "passwd.txt"),
        ("C:\\Users\\me\\news page.HTML", "news_page.html"),
        (".hidden.txt", "hidden.txt"),
        ("", "article.txt"),
        ("r\u00e9sum\u00e9 (1).htm", "r_sum_1.htm"),
    ],
)
def test_uploaded_names_are_made_safe(name: str, safe: str) -> None:
    assert intake.safe_name(name) == safe


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("", True),
        ("https://apnews.com/x", True),
        ("http://a.b", True),
        ("javascript:alert(1)", False),
        ("ftp://x", False),
    ],
)
def test_only_web_addresses_are_taken(url: str, ok: bool) -> None:
    assert (intake.check_url(url) == "") is ok


def test_an_upload_is_previewed_with_its_source(figures: Path) -> None:
    fields = {
        "outlet": "The Associated Press",
        "wire": "AP",
        "published": date(2018, 4, 20),
        "url": "",
    }
    found = intake.preview(SEED.read_bytes(), "ap story.txt", fields, figures)
    assert found.article.source.outlet == "The Associated Press"
    assert found.article.source.published == "2018-04-20"
    assert "an estimated 200,000 people" in set(found.figures["text"])
    assert set(found.figures["outlet"]) == {"Associated Press"}  # the aliases of figures.yaml


def test_saving_writes_the_article_and_its_source(tmp_path: Path, figures: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    raw = SEED.read_bytes()
    fields = {
        "outlet": "AP",
        "wire": "AP",
        "published": date(2018, 4, 20),
        "url": "https://apnews.com/a",
    }
    digest = load_layer(figures)[0].digest
    saved = intake.save(corpus, figures, raw, "story.txt", fields, expected_digest=digest)
    assert saved.path == corpus / "story.txt" and saved.path.read_bytes() == raw
    entry = load_layer(figures)[0].sources["story.txt"]
    assert (entry.outlet, entry.wire, entry.published, entry.url) == (
        "AP",
        "AP",
        "2018-04-20",
        "https://apnews.com/a",
    )
    loaded = data.load(data.Paths(corpus, figures))
    assert "an estimated 200,000 people" in set(loaded.frame["text"])

    again = intake.save(corpus, figures, raw, "story.txt", fields, expected_digest=saved.digest)
    assert again.already_there and again.path == saved.path
    other = intake.save(
        corpus,
        figures,
        b"Another text about 300 people.",
        "story.txt",
        fields,
        expected_digest=again.digest,
    )
    assert other.path != saved.path and other.path.name.startswith("story_")


def test_a_refused_source_leaves_no_article_behind(tmp_path: Path, figures: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with pytest.raises(StaleFileError):
        intake.save(
            corpus,
            figures,
            SEED.read_bytes(),
            "story.txt",
            {"outlet": "AP"},
            expected_digest="0" * 64,
        )
    assert list(corpus.iterdir()) == []


def test_articles_are_saved_only_into_a_folder(tmp_path: Path, figures: Path) -> None:
    with pytest.raises(Exception, match="not a folder"):
        intake.save(SEED, figures, b"x", "x.txt", {"outlet": "AP"})
