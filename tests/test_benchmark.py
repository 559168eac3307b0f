"""Extraction over a batch of synthetic news articles, under pytest-benchmark (with
``--benchmark-disable`` the batch still runs once and its results are checked)."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from extract import Figure, extract_figures

GEN_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus_gen.py"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_gen", GEN_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


corpus_gen = _load_generator()


@pytest.fixture(scope="module")
def batch() -> list[str]:
    return list(corpus_gen.generate_articles(50, seed=7))


def test_generator_is_deterministic_and_news_sized(batch: list[str]) -> None:
    assert corpus_gen.generate_articles(50, seed=7) == batch
    assert corpus_gen.generate_articles(50, seed=8) != batch
    sizes = [len(a) for a in batch]
    assert 4_500 <= sum(sizes) / len(sizes) <= 8_000
    assert len(set(batch)) == len(batch)


def _extract_all(articles: list[str]) -> list[list[Figure]]:
    return [extract_figures(text) for text in articles]


def test_extract_batch(benchmark: Any, batch: list[str]) -> None:
    results: list[list[Figure]] = benchmark(_extract_all, batch)
    assert len(results) == len(batch)
    figures = [f for per_article in results for f in per_article]
    assert len(figures) > 0
    assert sum(1 for per_article in results if per_article) >= 0.9 * len(batch)
    for text, per_article in zip(batch, results, strict=True):
        for f in per_article:
            assert text[f.start : f.end] == f.text
    categories = Counter(f.category for f in figures)
    assert {"killed", "injured", "buses"} <= set(categories), categories
