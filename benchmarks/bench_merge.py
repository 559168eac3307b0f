"""Merge benchmark: 10,000 articles, a figures.yaml of 5,000 curated figures and 5,000
corrections, with the extraction cache warm (extraction itself is measured elsewhere).

Run it on its own::

    .venv/bin/python benchmarks/bench_merge.py

or under pytest-benchmark::

    .venv/bin/pytest benchmarks/bench_merge.py --benchmark-enable
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extract import merge  # noqa: E402
from extract.articles import Article  # noqa: E402
from extract.figure import CSV_COLUMNS  # noqa: E402
from extract.groups import comparison_groups, group_summaries  # noqa: E402
from extract.layer import load_layer  # noqa: E402

N_ARTICLES = 10_000
N_CURATED = 5_000
N_CORRECTIONS = 5_000
BUDGET_S = 3.0
PLACES = ("Yarmouk", "Yarmuk", "Hajar al-Aswad", "Qadam", "Tadamun", "Douma", "Idlib", "Raqqa")
OUTLETS = ("Middle East Eye", "Pulse Ghana", "Ahram Online", "AP", "Newsweek", "Haaretz")


def _article_text(i: int) -> str:
    place = PLACES[i % len(PLACES)]
    return (
        f"Report {i}\n\nFighting went on in {place} on Monday, officials said. "
        f"At least {10 + i % 500} people were killed and {5 + i % 300} were wounded in "
        f"{place}, the Syrian Observatory for Human Rights said in its report number {i}.\n"
    )


def _rows(article: Article, aliases: Mapping[str, Mapping[str, list[str]]] | None) -> list[Any]:
    """Rows like the extractor's for the generated articles (two figures each)."""
    text, src = article.text, article.source
    out = []
    for word, category in (("people were killed", "killed"), ("were wounded", "injured")):
        end = text.index(word)
        start = text.rindex(" ", 0, end - 1) + 1
        row: dict[str, Any] = dict.fromkeys(CSV_COLUMNS)
        row.update(
            id=f"{src.digest}-{start}-{end + len(word)}",
            category=category,
            value=float(text[start:end].split()[0]),
            qualifier="exact",
            unit="person",
            text=text[start : end + len(word)],
            who="people",
            where=PLACES[int(src.article[1:6]) % len(PLACES)],
            as_of=src.published,
            as_of_basis="published",
            attributed_to="SOHR",
            quote=text[start : end + len(word)],
            start=start,
            end=end + len(word),
        )
        out.append(row)
    return out


def build(tmp: Path) -> tuple[Path, Path, Path]:
    """Write the corpus, figures.yaml and a warm cache under ``tmp``."""
    corpus = tmp / "corpus"
    corpus.mkdir()
    for i in range(N_ARTICLES):
        (corpus / f"a{i:05d}.txt").write_text(_article_text(i), encoding="utf-8")
    cache = tmp / "cache"
    figures = tmp / "figures.yaml"
    lines = ["# benchmark figures.yaml", "sources:"]
    for i in range(0, N_ARTICLES, 10):
        lines += [f"  a{i:05d}.txt:", f"    outlet: {OUTLETS[i % len(OUTLETS)]}", "    wire: AFP"]
        lines.append(f"    published: 2018-{1 + i % 12:02d}-{1 + i % 28:02d}")
    lines += ["aliases:", "  places:", "    Yarmouk: [Yarmuk, Yarmouk camp]"]
    figures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    previous = merge.extractor
    merge.extractor = _rows
    try:
        df, _ = merge.merged_figures(corpus, figures, cache_dir=cache)
    finally:
        merge.extractor = previous
    ids = list(df["id"])
    lines.append("figures:")
    for i in range(N_CURATED):
        lines += [
            f"  - outlet: {OUTLETS[i % len(OUTLETS)]}",
            f"    url: https://example.org/report/{i}",
            f"    published: 2015-{1 + i % 12:02d}-{1 + i % 28:02d}",
            f"    text: about {1000 + i} people",
            "    category: population",
            f"    value: {1000 + i}",
            "    qualifier: approx",
            f"    where: {PLACES[i % len(PLACES)]}",
            f"    as_of: 2015-{1 + i % 12:02d}",
            "    note: from the print edition",
        ]
    lines.append("corrections:")
    for i, fid in enumerate(ids[:N_CORRECTIONS]):
        lines.append(f"  {fid}:")
        if i % 5 == 0:
            lines.append("    reject: true")
        else:
            lines += [f"    value: {i + 1}", "    where: Yarmouk", "    reviewer: ana"]
    figures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus, figures, cache


def run(corpus: Path, figures: Path, cache: Path) -> tuple[int, int]:
    """One merge; returns (rows, problems)."""
    df, problems = merge.merged_figures(corpus, figures, cache_dir=cache)
    return len(df), len(problems)


def _check(rows: int, problems: int) -> None:
    expected = 2 * N_ARTICLES + N_CURATED - N_CORRECTIONS // 5
    assert (rows, problems) == (expected, 0), (rows, problems)


def test_merge_10k(benchmark: Any, tmp_path: Path) -> None:
    corpus, figures, cache = build(tmp_path)
    times: list[float] = []

    def timed() -> tuple[int, int]:
        start = time.perf_counter()
        result = run(corpus, figures, cache)
        times.append(time.perf_counter() - start)
        return result

    rows, problems = benchmark.pedantic(timed, rounds=3, iterations=1)
    _check(rows, problems)
    assert min(times) < BUDGET_S, times


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        corpus, figures, cache = build(Path(tmp))
        print(f"built corpus, cache and figures.yaml in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        layer, _ = load_layer(figures)
        print(
            f"load figures.yaml ({len(layer.figures)} curated, {len(layer.corrections)} "
            f"corrections): {time.perf_counter() - t0:.2f} s"
        )
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            rows, problems = run(corpus, figures, cache)
            times.append(time.perf_counter() - t0)
        _check(rows, problems)
        print(f"merge {N_ARTICLES} articles -> {rows} rows: best {min(times):.2f} s of 3")
        df, _ = merge.merged_figures(corpus, figures, cache_dir=cache)
        t0 = time.perf_counter()
        summaries = group_summaries(comparison_groups(df))
        print(
            f"group {len(df)} rows into {len(summaries)} groups: {time.perf_counter() - t0:.2f} s"
        )
        print("PASS" if min(times) < BUDGET_S else "FAIL", f"(budget {BUDGET_S:.0f} s)")


if __name__ == "__main__":
    main()
