"""The ``figures`` command line."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from extract.articles import SOURCES_FILE, Article, article_files, iter_articles
from extract.errors import ArticleError
from extract.extractor import extract_figures
from extract.figure import CSV_COLUMNS, Figure
from extract.layer_cli import add_subcommands


def _progress(done: int, total: int, name: str, stream: TextIO) -> None:
    width = 30
    filled = int(width * done / total) if total else width
    bar = "#" * filled + "-" * (width - filled)
    stream.write(f"\r[{bar}] {done}/{total} {name[:40]:<40}")
    if done == total:
        stream.write("\n")
    stream.flush()


def figures_to_csv(figures: Iterable[Figure], out: TextIO) -> int:
    """Write figures as CSV with :data:`CSV_COLUMNS`; returns the row count."""
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for f in figures:
        row = {k: ("" if v is None else _plain(v)) for k, v in f.to_row().items()}
        writer.writerow(row)
        n += 1
    return n


def _plain(v: Any) -> Any:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def figures_to_json(figures: Iterable[Figure], out: TextIO) -> int:
    """Write figures as a JSON list of row objects; returns the row count."""
    rows = [{k: _plain(v) for k, v in f.to_row().items()} for f in figures]
    json.dump(rows, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(rows)


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder, so the
    file is either the old one or the new one, never half-written."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run_extract(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths]
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        print(f"figures: {p}: no such file or folder", file=sys.stderr)
    files = article_files(p for p in paths if p.exists())
    if not files:
        print("figures: no article files found (.txt, .md, .html)", file=sys.stderr)
        return 1
    show = args.progress if args.progress is not None else (len(files) > 1 and sys.stderr.isatty())
    figures: list[Figure] = []
    read = 0
    errors = 0
    done = 0
    for item in iter_articles(p for p in paths if p.exists()):
        if isinstance(item, ArticleError):
            errors += 1
            if show:
                sys.stderr.write("\n")
            print(f"figures: skipped {item}", file=sys.stderr)
            if Path(item.path.rsplit(":", 1)[0]).name == SOURCES_FILE:
                continue
            done += 1
        else:
            article: Article = item
            for w in article.warnings:
                if show:
                    sys.stderr.write("\n")
                print(f"figures: warning: {w}", file=sys.stderr)
            figures.extend(extract_figures(article.text, article.source))
            read += 1
            done += 1
        if show:
            name = item.path if isinstance(item, ArticleError) else item.source.article
            _progress(min(done, len(files)), len(files), Path(name).name, sys.stderr)
    buf = io.StringIO()
    n = figures_to_json(figures, buf) if args.format == "json" else figures_to_csv(figures, buf)
    if args.output:
        write_atomic(Path(args.output), buf.getvalue())
        print(
            f"figures: {n} figures from {read} article(s) written to {args.output}"
            + (f"; {errors} file(s) skipped" if errors else ""),
            file=sys.stderr,
        )
    else:
        sys.stdout.write(buf.getvalue())
    return 0 if read else 1


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``figures`` command."""
    parser = argparse.ArgumentParser(
        prog="figures",
        description="Find humanitarian figures (population, killed, injured, evacuees, "
        "displaced, buses) in news articles and compare how outlets' numbers differ.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    ex = sub.add_parser(
        "extract",
        help="extract every figure from articles into CSV or JSON",
        description="Extract every humanitarian figure from articles (.txt, .md, .html; "
        "folders are searched recursively, and a folder's sources.yaml gives each "
        "article's outlet, wire, url and published date). One row per mention, with "
        "value, bounds, qualifier, who, where, as_of, attribution, phrase and sentence.",
    )
    ex.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    ex.add_argument("--format", choices=("csv", "json"), default="csv", help="default: csv")
    ex.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: when stderr is a terminal)",
    )
    ex.set_defaults(func=run_extract)
    add_subcommands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``figures`` command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
