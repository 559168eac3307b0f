"""Extraction throughput on synthetic news articles, on one core.

    python benchmarks/bench_extract.py [--articles 2000] [--seed 2024]

Generates the articles first (deterministically), warms up on a few, then times only the
``extract_figures`` calls, in this one process, one article after another. Prints
``N articles, X KB avg, T s, R articles/s, F figures, compiled|Python sources``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from corpus_gen import generate_articles

from extract import extract_figures
from extract.compiled import compiled_modules


def measure(articles: Sequence[str], warmup: int = 5) -> tuple[float, int]:
    """Seconds spent extracting from every article (after ``warmup`` untimed runs)
    and the number of figures found."""
    for text in articles[:warmup]:
        extract_figures(text)
    figures = 0
    start = time.perf_counter()
    for text in articles:
        figures += len(extract_figures(text))
    return time.perf_counter() - start, figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="how many (default 2000)")
    parser.add_argument("--seed", type=int, default=2024, help="corpus seed (default 2024)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed runs first (default 5)")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    articles = generate_articles(args.articles, seed=args.seed)
    avg_kb = sum(len(a.encode("utf-8")) for a in articles) / len(articles) / 1024
    seconds, figures = measure(articles, args.warmup)
    rate = len(articles) / seconds if seconds > 0 else float("inf")
    print(
        f"{len(articles)} articles, {avg_kb:.1f} KB avg, {seconds:.2f} s, "
        f"{rate:.1f} articles/s, {figures} figures, "
        f"{'compiled' if compiled_modules() else 'Python sources'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
