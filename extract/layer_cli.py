"""The ``figures check`` and ``figures export`` commands.

``figures check [PATH]`` validates a ``figures.yaml`` (default ``./figures.yaml``) and
prints each problem as ``file:line:column: message`` (a suggested fix, if any, on the
next line, indented); it exits 0 when the file is clean and 1 otherwise. Correction ids
are checked against the figures extracted from the corpus (``--corpus``, by default the
project's bundled corpus when it exists; ``--no-corpus`` to skip).

``figures export [--corpus DIR] [--figures PATH] (--csv OUT | --hxl OUT | --json OUT)``
writes the merged table (``-`` writes to standard output).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from extract.errors import FiguresError
from extract.export import write_csv, write_hxl, write_json
from extract.layer import Problem, check_file
from extract.merge import merged_figures

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT / "corpus" / "yarmouk"
DEFAULT_FIGURES = Path("figures.yaml")
CACHE_NAME = ".figures-cache"


def _print_problems(problems: Sequence[Problem], out: TextIO) -> None:
    for p in problems:
        out.write(f"{p}\n")
        if p.suggestion:
            out.write(f"    {p.suggestion}\n")


def _cache_dir(figures: Path | None, given: str | None) -> Path | None:
    if given == "":
        return None
    if given:
        return Path(given)
    base = figures.parent if figures is not None else Path(".")
    return base / CACHE_NAME


def run_check(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run ``figures check``; returns the exit code (0 clean, 1 problems found)."""
    out = out or sys.stdout
    path = Path(args.path)
    corpus = None if args.no_corpus else (Path(args.corpus) if args.corpus else None)
    if corpus is None and not args.no_corpus and DEFAULT_CORPUS.is_dir():
        corpus = DEFAULT_CORPUS
    problems = check_file(path)
    if corpus is not None and not any(p.message == "no such file" for p in problems):
        _, merged = merged_figures(corpus, path, cache_dir=_cache_dir(path, args.cache_dir))
        problems = sorted(
            {(p.file, p.line, p.column, p.message): p for p in [*problems, *merged]}.values(),
            key=lambda p: (p.file != str(path), p.file, p.line, p.column),
        )
    _print_problems(problems, out)
    return 1 if problems else 0


def run_export(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run ``figures export``; returns the exit code (0 written, 2 on a write error).
    Problems met are printed to standard error; the export is written all the same."""
    out = out or sys.stdout
    corpus = Path(args.corpus) if args.corpus else DEFAULT_CORPUS
    figures = Path(args.figures) if args.figures else DEFAULT_FIGURES
    figures_path: Path | None = figures if (args.figures or figures.exists()) else None
    df, problems = merged_figures(
        corpus, figures_path, cache_dir=_cache_dir(figures_path, args.cache_dir)
    )
    _print_problems(problems, sys.stderr)
    writer: Any
    for flag, writer in (("csv", write_csv), ("hxl", write_hxl), ("json", write_json)):
        dest = getattr(args, flag)
        if dest is None:
            continue
        try:
            writer(df, out if dest == "-" else Path(dest))
        except (OSError, FiguresError) as exc:
            print(f"figures export: {dest}: {exc}", file=sys.stderr)
            return 2
        if dest != "-":
            print(f"wrote {len(df)} figures to {dest}", file=sys.stderr)
    return 0


def add_subcommands(subparsers: Any) -> None:
    """Register ``check`` and ``export`` on an argparse subparsers object. Each sets
    ``func``: a callable taking the parsed arguments and returning the exit code."""
    check = subparsers.add_parser(
        "check",
        help="validate figures.yaml and report every problem",
        description="Validate a figures.yaml; print file:line:column: message per problem.",
    )
    check.add_argument("path", nargs="?", default=str(DEFAULT_FIGURES), help="figures.yaml")
    check.add_argument(
        "--corpus",
        help="check correction ids against the figures of this corpus "
        f"(default: {DEFAULT_CORPUS} when it exists)",
    )
    check.add_argument("--no-corpus", action="store_true", help="do not read any corpus")
    check.add_argument(
        "--cache-dir", help=f"extraction cache (default: {CACHE_NAME} beside figures.yaml)"
    )
    check.set_defaults(func=run_check)

    export = subparsers.add_parser(
        "export",
        help="write the merged figures as CSV, HXL or JSON",
        description="Write all figures (extracted + curated, corrections applied).",
    )
    export.add_argument("--corpus", help=f"article folder (default: {DEFAULT_CORPUS})")
    export.add_argument("--figures", help="figures.yaml (default: ./figures.yaml if present)")
    export.add_argument(
        "--cache-dir", help=f"extraction cache (default: {CACHE_NAME} beside figures.yaml)"
    )
    dest = export.add_mutually_exclusive_group(required=True)
    dest.add_argument("--csv", metavar="OUT", help="write CSV to OUT ('-' for stdout)")
    dest.add_argument("--hxl", metavar="OUT", help="write HXL CSV to OUT ('-' for stdout)")
    dest.add_argument("--json", metavar="OUT", help="write JSON to OUT ('-' for stdout)")
    export.set_defaults(func=run_export)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``check`` or ``export`` on their own; returns the exit code."""
    parser = argparse.ArgumentParser(prog="figures")
    add_subcommands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
