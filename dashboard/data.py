"""The dashboard's data: loading the merged table, the columns the pages derive from
it, the sidebar filters and their query-parameter form, and the exports.

Plain functions over pandas, with no Streamlit in them; ``dashboard/ui.py`` wraps the
loader in ``st.cache_data``.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from extract.export import write_csv, write_hxl
from extract.groups import bounds, comparison_groups, period_of, source_key
from extract.layer import Problem, file_digest
from extract.layer_cli import CACHE_NAME
from extract.merge import COLUMNS, merged_figures

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT / "corpus" / "yarmouk"
DEFAULT_FIGURES = PROJECT / "figures.yaml"

EXPORT_COLUMNS: tuple[str, ...] = (*COLUMNS, "group")
"""The columns of the CSV and HXL downloads: the merged table and the comparison group."""
DERIVED_COLUMNS: tuple[str, ...] = ("lo", "hi", "when", "baseline", "source_key", "label")
"""Columns the dashboard adds: a figure's bounds (``lo``/``hi``), the date it is placed
at (``when``; NaT when undated), whether it is a ``before:YYYY`` baseline, the key that
tells independent sources apart, and an "outlet (wire)" label."""
NONE = "(none)"
"""The filter option standing for an empty place, outlet or attributed source."""

GROUP_KEY_COLUMNS: tuple[str, ...] = ("category", "who", "where", "as_of", "published")
"""What a figure's comparison group depends on (with the set of such values present)."""

# --- where the data comes from -------------------------------------------------------


@dataclass(frozen=True)
class Paths:
    """The corpus folder (or file) and the figures.yaml the dashboard shows."""

    corpus: Path | None = DEFAULT_CORPUS
    figures: Path | None = DEFAULT_FIGURES

    @property
    def cache_dir(self) -> Path:
        """The extraction cache: ``.figures-cache`` beside figures.yaml (as the
        ``figures`` command has it), else in the project folder."""
        base = self.figures.parent if self.figures is not None else PROJECT
        return base / CACHE_NAME


def parse_args(argv: Sequence[str]) -> Paths:
    """The paths given on the command line (``streamlit run dashboard/app.py --
    --corpus DIR --figures PATH``); the bundled corpus and figures.yaml by default.
    Arguments the dashboard does not know are ignored."""
    parser = argparse.ArgumentParser(prog="dashboard", add_help=False, allow_abbrev=False)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--figures", default=None)
    args, _unknown = parser.parse_known_args(list(argv))
    return Paths(
        corpus=Path(args.corpus) if args.corpus else DEFAULT_CORPUS,
        figures=Path(args.figures) if args.figures else DEFAULT_FIGURES,
    )


def paths_from_text(corpus: str, figures: str) -> Paths:
    """Paths from the sidebar's text fields (empty means none)."""
    c, f = corpus.strip(), figures.strip()
    return Paths(
        corpus=Path(c).expanduser() if c else None,
        figures=Path(f).expanduser() if f else None,
    )


def _stat(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


def stamp(paths: Paths) -> tuple[Any, ...]:
    """A cheap fingerprint of everything the merged table depends on on disk: the
    figures file's size and modification time, and the corpus files' count, total
    size and latest modification. It changes whenever a file is added, edited or
    removed, so a cached table is never shown after the files changed."""
    figures = _stat(paths.figures) if paths.figures is not None else None
    corpus: tuple[int, int, int] | None = None
    if paths.corpus is not None:
        count = total = latest = 0
        if paths.corpus.is_file():
            size, mtime = _stat(paths.corpus)
            count, total, latest = 1, size, mtime
        else:
            for folder, _dirs, files in os.walk(paths.corpus):
                for name in files:
                    size, mtime = _stat(Path(folder) / name)
                    count += 1
                    total += size
                    latest = max(latest, mtime)
        corpus = (count, total, latest)
    return (str(paths.corpus), str(paths.figures), figures, corpus)


# --- loading ------------------------------------------------------------------------


@dataclass(frozen=True)
class Loaded:
    """The merged table with its comparison groups and derived columns, the problems
    met loading it, and the content hash of figures.yaml as it was read.

    ``figures_unusable`` says figures.yaml could not be used at all (not YAML, not
    readable); ``fallback_from`` is set when the table is an earlier, valid state shown
    in place of such a file (the time that state was loaded)."""

    frame: pd.DataFrame
    problems: tuple[Problem, ...]
    digest: str
    paths: Paths
    loaded_at: datetime = field(default_factory=datetime.now)
    figures_unusable: bool = False
    fallback_from: datetime | None = None

    @property
    def editable(self) -> bool:
        """Whether figures.yaml may be written to (a review, a new source)."""
        return (
            self.paths.figures is not None
            and not self.figures_unusable
            and self.fallback_from is None
        )


def is_fatal(problem: Problem, figures: Path | None) -> bool:
    """Whether ``problem`` means none of the figures file at ``figures`` was usable."""
    return figures is not None and problem.file == str(figures) and problem.fatal


def load(paths: Paths) -> Loaded:
    """The merged table of ``paths`` with groups and derived columns (see
    :func:`prepare`). The extraction cache lives in ``paths.cache_dir``."""
    for _attempt in range(3):
        before = file_digest(paths.figures) if paths.figures is not None else ""
        df, problems = merged_figures(paths.corpus, paths.figures, cache_dir=paths.cache_dir)
        after = file_digest(paths.figures) if paths.figures is not None else ""
        if before == after:
            break
    unusable = any(is_fatal(p, paths.figures) for p in problems)
    return Loaded(
        frame=prepare(df),
        problems=tuple(problems),
        digest=after,
        paths=paths,
        figures_unusable=unusable,
    )


class LastGood:
    """Remembers, per pair of paths, the last table loaded from a usable figures.yaml,
    so that a broken edit of the file shows its problems over the last valid state
    instead of losing the curated figures and corrections. Safe across threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._states: dict[tuple[str, str], Loaded] = {}

    def resolve(self, loaded: Loaded) -> Loaded:
        """``loaded`` itself when its figures.yaml was usable (remembered as the last
        valid state); otherwise the last valid state with ``loaded``'s problems, or
        ``loaded`` when there has been none."""
        key = (str(loaded.paths.corpus), str(loaded.paths.figures))
        with self._lock:
            if not loaded.figures_unusable:
                self._states[key] = loaded
                return loaded
            good = self._states.get(key)
        if good is None:
            return loaded
        return replace(
            good,
            problems=loaded.problems,
            figures_unusable=True,
            fallback_from=good.loaded_at,
        )


def with_groups(df: pd.DataFrame, *, window_days: int = 45) -> pd.DataFrame:
    """``df`` with the ``group`` column of :func:`extract.groups.comparison_groups`.

    A figure's group depends only on :data:`GROUP_KEY_COLUMNS` (and on which values of
    them are present), so the groups are computed once per distinct combination and
    spread back to every figure: the same result, much faster on large tables where
    many figures share place, category and date."""
    if df.empty:
        out = df.copy()
        out["group"] = pd.Series(dtype="str")
        return out
    keys = df[list(GROUP_KEY_COLUMNS)].astype(str)
    distinct = keys.drop_duplicates().reset_index(drop=True)
    grouped = comparison_groups(distinct, window_days=window_days)
    index = pd.MultiIndex.from_frame(grouped[list(GROUP_KEY_COLUMNS)])
    lookup = pd.Series(grouped["group"].to_numpy(), index=index)
    out = df.copy()
    out["group"] = lookup.reindex(pd.MultiIndex.from_frame(keys)).to_numpy()
    return out


def point_date(as_of: str, published: str = "") -> tuple[date | None, bool]:
    """Where a figure sits in time, and whether it is a baseline: the start of its
    ``as_of`` period (a ``before:YYYY`` baseline at 1 January of that year), else of
    its published date; ``None`` when neither is a date."""
    text = (as_of or "").strip()
    if text.startswith("before:") and text[7:].isdigit() and len(text) == 11:
        return date(int(text[7:]), 1, 1), True
    period = period_of(text, published)
    return (period.start, False) if period.kind in ("year", "dated") else (None, False)


def _label(outlet: str, wire: str) -> str:
    name = outlet or "unknown outlet"
    return f"{name} ({wire})" if wire and wire.lower() not in name.lower() else name


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    """The merged table with its ``group`` and the :data:`DERIVED_COLUMNS`."""
    out = with_groups(df)
    lows, highs = [], []
    for v, lo, hi in zip(out["value"], out["low"], out["high"], strict=True):
        a, b = bounds(v, lo, hi)
        lows.append(math.nan if a is None else a)
        highs.append(math.nan if b is None else b)
    out["lo"] = pd.array(lows, dtype="float64")
    out["hi"] = pd.array(highs, dtype="float64")

    pairs = list(zip(out["as_of"].astype(str), out["published"].astype(str), strict=True))
    places = {p: point_date(*p) for p in set(pairs)}
    out["when"] = pd.to_datetime(
        pd.Series([places[p][0] for p in pairs], index=out.index, dtype="object"),
        errors="coerce",
    )
    out["baseline"] = [places[p][1] for p in pairs]

    key_cols = ["attributed_to", "wire", "outlet", "value", "low", "high"]
    keys: dict[tuple[Any, ...], str] = {}
    source_keys = []
    key_frame = out[key_cols].astype(object)
    key_frame = key_frame.where(key_frame.notna(), None)
    for rec, fid in zip(
        key_frame.itertuples(index=False, name=None), out["id"].astype(str), strict=True
    ):
        k = keys.get(rec)
        if k is None:
            row = dict(zip(key_cols, rec, strict=True))
            k = keys[rec] = "\x1f".join(source_key(row))
        source_keys.append(k if k != "figure\x1f" else f"figure\x1f{fid}")
    out["source_key"] = source_keys
    labels = {
        ow: _label(*ow)
        for ow in set(zip(out["outlet"].astype(str), out["wire"].astype(str), strict=True))
    }
    out["label"] = [
        labels[ow] for ow in zip(out["outlet"].astype(str), out["wire"].astype(str), strict=True)
    ]
    return out.reset_index(drop=True)


# --- filters -----------------------------------------------------------------------


FILTER_COLUMNS: dict[str, str] = {
    "category": "category",
    "place": "where",
    "outlet": "outlet",
    "source": "attributed_to",
    "provenance": "provenance",
}
"""Each list filter and the column it filters on."""
AS_OF_PARAM = "as_of"


@dataclass(frozen=True)
class Filters:
    """The sidebar's filters. An empty tuple lets everything through; ``as_of_from``
    and ``as_of_to`` (inclusive, ``None`` for open) keep the figures dated in between,
    and drop undated ones when either is set."""

    category: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    provenance: tuple[str, ...] = ()
    as_of_from: date | None = None
    as_of_to: date | None = None

    def active(self) -> bool:
        """Whether any filter is set."""
        return any(getattr(self, name) for name in FILTER_COLUMNS) or bool(
            self.as_of_from or self.as_of_to
        )


def filter_options(df: pd.DataFrame) -> dict[str, list[str]]:
    """The choices of each list filter: the values present, most frequent first for
    places, outlets and sources, in a fixed order for categories and provenance;
    :data:`NONE` stands for an empty value."""
    out: dict[str, list[str]] = {}
    for name, column in FILTER_COLUMNS.items():
        if column not in df.columns:
            out[name] = []
            continue
        counts = df[column].astype(str).replace("", NONE).value_counts(sort=False)
        if name in ("category", "provenance"):
            out[name] = sorted(counts.index.tolist())
        else:
            ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower()))
            out[name] = [k for k, _ in ordered]
    return out


def date_span(df: pd.DataFrame) -> tuple[date, date] | None:
    """The first and last dates figures are placed at; ``None`` when none is dated."""
    if df.empty or "when" not in df.columns:
        return None
    when = df["when"].dropna()
    if when.empty:
        return None
    return when.min().date(), when.max().date()


def apply_filters(df: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of ``df`` (a prepared table) that pass ``filters``."""
    if not filters.active():
        return df
    mask = pd.Series(True, index=df.index)
    for name, column in FILTER_COLUMNS.items():
        chosen = getattr(filters, name)
        if chosen:
            values = {"" if v == NONE else v for v in chosen}
            mask &= df[column].astype(str).isin(values)
    if filters.as_of_from is not None:
        mask &= df["when"] >= pd.Timestamp(filters.as_of_from)
    if filters.as_of_to is not None:
        mask &= df["when"] <= pd.Timestamp(filters.as_of_to)
    return df[mask.to_numpy()]


def restrict(filters: Filters, options: Mapping[str, Sequence[str]]) -> Filters:
    """``filters`` with the values no longer among ``options`` dropped."""
    changes: dict[str, Any] = {
        name: tuple(v for v in getattr(filters, name) if v in set(options.get(name, ())))
        for name in FILTER_COLUMNS
    }
    return replace(filters, **changes)


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def filters_to_query(filters: Filters) -> dict[str, list[str]]:
    """The query parameters of ``filters``: one repeated parameter per list filter
    (``category=killed&category=injured``) and ``as_of=FROM..TO`` (either side may be
    empty); filters that are not set are left out."""
    out: dict[str, list[str]] = {}
    for name in FILTER_COLUMNS:
        values = list(getattr(filters, name))
        if values:
            out[name] = values
    if filters.as_of_from or filters.as_of_to:
        a = filters.as_of_from.isoformat() if filters.as_of_from else ""
        b = filters.as_of_to.isoformat() if filters.as_of_to else ""
        out[AS_OF_PARAM] = [f"{a}..{b}"]
    return out


def filters_from_query(params: Mapping[str, str | Sequence[str]]) -> Filters:
    """The filters in query parameters written by :func:`filters_to_query`; values
    that cannot be read (a bad date) are ignored, duplicates dropped."""
    fields: dict[str, Any] = {}
    for name in FILTER_COLUMNS:
        values = [v for v in _as_list(params.get(name)) if v]
        fields[name] = tuple(dict.fromkeys(values))
    span = _as_list(params.get(AS_OF_PARAM))
    if span:
        text = span[-1]
        a, sep, b = text.partition("..")
        if sep:
            fields["as_of_from"] = _iso(a) if a else None
            fields["as_of_to"] = _iso(b) if b else None
    return Filters(**fields)


# --- articles -----------------------------------------------------------------------


def article_path(corpus: Path | None, name: str) -> Path | None:
    """The file of the article named ``name`` (a file name, as the ``article`` column
    has it) in the corpus folder or its subfolders; ``None`` when there is none."""
    if corpus is None or not name or Path(name).name != name:
        return None
    if corpus.is_file():
        return corpus if corpus.name == name else None
    direct = corpus / name
    if direct.is_file():
        return direct
    return next((p for p in sorted(corpus.rglob(name)) if p.is_file()), None)


def article_text(path: Path, row: Mapping[str, Any]) -> tuple[str, int | None, int | None]:
    """The text of the article at ``path`` (as the extractor read it) and where the
    figure ``row`` is in it: its offsets when they still hold its phrase, else the
    phrase's first occurrence, else ``None``. An unreadable file gives a message as
    the text."""
    from extract.articles import read_article
    from extract.errors import ArticleError

    try:
        text = read_article(path).text
    except ArticleError as exc:
        return f"The article could not be read: {exc.reason}", None, None
    phrase = str(row.get("text") or "")
    start, end = row.get("start"), row.get("end")
    if start is not None and end is not None and not _missing(start) and not _missing(end):
        a, b = int(start), int(end)
        if 0 <= a < b <= len(text) and (not phrase or text[a:b] == phrase):
            return text, a, b
    if phrase:
        i = text.find(phrase)
        if i >= 0:
            return text, i, i + len(phrase)
    return text, None, None


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


# --- exports ------------------------------------------------------------------------


def export_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The columns of ``df`` that the downloads hold (:data:`EXPORT_COLUMNS`)."""
    return df[[c for c in EXPORT_COLUMNS if c in df.columns]]


def csv_bytes(df: pd.DataFrame) -> bytes:
    """``df`` as the CSV of ``figures export --csv`` (formula-safe cells), UTF-8."""
    buf = io.StringIO()
    write_csv(export_frame(df), buf)
    return buf.getvalue().encode("utf-8")


def hxl_bytes(df: pd.DataFrame) -> bytes:
    """``df`` as the HXL CSV of ``figures export --hxl``, UTF-8."""
    buf = io.StringIO()
    write_hxl(export_frame(df), buf)
    return buf.getvalue().encode("utf-8")
