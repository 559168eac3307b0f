"""The bundled sample corpus scored against its hand-made gold figures."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import CORPUS, DATA
from goldscore import Score, merge, score_article

from extract.articles import iter_articles
from extract.extractor import extract_figures


def _rows_by_article(folder: Path) -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {}
    for art in iter_articles([folder]):
        assert not isinstance(art, Exception), art
        out[art.source.article] = [f.to_row() for f in extract_figures(art.text, art.source)]
    return out


@pytest.fixture(scope="module")
def seed_score() -> Score:
    gold = yaml.safe_load((DATA / "gold_seeds.yaml").read_text(encoding="utf-8"))
    rows = _rows_by_article(CORPUS)
    return merge(score_article(g, rows.get(g["article"], [])) for g in gold)


def test_seed_f1(seed_score: Score) -> None:
    assert seed_score.f1 >= 0.95, (seed_score.missed, seed_score.false)


def test_no_not_figure_is_extracted(seed_score: Score) -> None:
    assert seed_score.not_figures == []


@pytest.mark.parametrize(
    ("check", "at_least"), [("attribution", 24), ("as_of", 22), ("qualifier", 25)]
)
def test_seed_fields(seed_score: Score, check: str, at_least: int) -> None:
    ok, n = seed_score.count(check)
    assert n >= 25 and ok >= at_least, f"{check}: {ok}/{n}"
