"""The merged table: every figure extracted from a corpus plus the curated ones, with
the corrections of ``figures.yaml`` applied and names resolved through its aliases.

Extraction results are cached on disk (``cache_dir``), one JSON file per article named
by the article's content hash, so a second run over an unchanged corpus extracts
nothing. A cache entry also records what else the result depends on (the article's
source fields, the aliases, the extractor's own files); when any of that changes, the
article is extracted again. A manifest beside them indexes the corpus, so unchanged
article files are not even read again (see :class:`Corpus`).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

import pandas as pd

from extract.aliases import Aliases, build_aliases, default_table
from extract.articles import (
    ARTICLE_SUFFIXES,
    SOURCES_FILE,
    Article,
    load_sources,
    read_article,
    wire_names,
)
from extract.errors import ArticleError
from extract.figure import CSV_COLUMNS, Source
from extract.layer import (
    Layer,
    Problem,
    SourceEntry,
    gc_paused,
    load_layer,
    unmatched_corrections,
)

COLUMNS: tuple[str, ...] = (*CSV_COLUMNS, "provenance", "note")
"""The columns of the merged table."""
NUMBER_COLUMNS: tuple[str, ...] = ("value", "low", "high")
OFFSET_COLUMNS: tuple[str, ...] = ("start", "end")
SOURCE_FIELDS: tuple[str, ...] = ("article", "outlet", "wire", "published", "url")
_OWN_MODULES = frozenset(
    {"layer.py", "yamlwrite.py", "merge.py", "groups.py", "export.py", "layer_cli.py"}
)
_PACKAGE = Path(__file__).parent
MANIFEST = "manifest.json"
"""The cache file indexing a corpus: each file's source and rows (see :class:`Corpus`)."""
_READING_FILES = ("articles.py", "wires.yaml", "figure.py", "errors.py")

Row = dict[str, Any]
Extractor = Callable[[Article, Mapping[str, Mapping[str, list[str]]] | None], list[Row]]


def _extract_rows(
    article: Article, aliases: Mapping[str, Mapping[str, list[str]]] | None
) -> list[Row]:
    extract_figures = importlib.import_module("extract").extract_figures
    found = extract_figures(article.text, article.source, aliases=aliases)
    return [f.to_row() for f in found]


extractor: Extractor = _extract_rows
"""The function turning an article into CSV rows; replaceable (benchmarks and tests)."""


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A hash of the extractor's own files (code and word lists in the package); it
    changes whenever they do, so cached results of an older extractor are not used."""
    h = hashlib.sha256()
    for f in sorted(_PACKAGE.iterdir()):
        if f.suffix in (".py", ".yaml") and f.name not in _OWN_MODULES:
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _cache_key(source: Source, aliases_json: str) -> str:
    fields = "\x1f".join(f"{k}={v}" for k, v in sorted(vars(source).items()) if k != "article")
    text = f"{extractor_fingerprint()}\x1e{aliases_json}\x1e{fields}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _read_cache(cache_dir: Path, digest: str, key: str) -> list[Row] | None:
    try:
        with open(cache_dir / f"{digest}.json", encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    rows = data.get("rows")
    return rows if isinstance(rows, list) else None


def _write_json(folder: Path, name: str, data: Any) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
        os.replace(tmp, folder / name)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_cache(cache_dir: Path, digest: str, key: str, rows: list[Row]) -> None:
    """Store the extracted ``rows`` of the article with content hash ``digest``."""
    _write_json(cache_dir, f"{digest}.json", {"key": key, "rows": rows})


def source_with_entries(source: Source, sources: Mapping[str, SourceEntry]) -> Source:
    """``source`` with the fields of its ``figures.yaml`` entries: the entry for its
    URL, then the one for its file name (that one wins). Unchanged when none names it."""
    fields: dict[str, str] = {}
    for key in (source.url, source.article):
        entry = sources.get(key) if key else None
        if entry is not None:
            fields.update(entry.fields())
    return replace(source, **fields) if fields else source


def _row_problem(file: str, message: str, suggestion: str = "") -> Problem:
    return Problem(file, 1, 1, message, suggestion)


def _article_problem(exc: ArticleError) -> Problem:
    m = re.fullmatch(r"(.+):(\d+)", exc.path)
    if m and not Path(exc.path).exists():
        return Problem(m.group(1), int(m.group(2)), 1, exc.reason)
    return _row_problem(exc.path, exc.reason)


def _warning_problem(warning: str, fallback: str) -> Problem:
    parts = warning.split(":", 2)
    if len(parts) == 3 and parts[1].strip().isdigit():
        return Problem(parts[0], int(parts[1]), 1, parts[2].strip())
    return _row_problem(fallback, warning)


@dataclass
class ArticleRef:
    """One article of a corpus: its source, and its text once read (``None`` when this
    run took the source from the manifest and has not needed the text)."""

    path: Path
    source: Source
    warnings: tuple[str, ...]
    article: Article | None = None


def _stat(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _article_paths(root: Path) -> list[tuple[Path, list[int] | None]]:
    """The article files under ``root`` (itself when it is a file), the same files
    :func:`extract.articles.article_files` finds, in path order, each with its size
    and modification time."""
    if not root.is_dir():
        return [(root, _stat(root))]
    found: list[tuple[str, list[int] | None]] = []
    stack = [str(root)]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except OSError:
            continue
        for e in entries:
            if e.is_dir():
                stack.append(e.path)
            elif os.path.splitext(e.name)[1].lower() in ARTICLE_SUFFIXES and e.is_file():
                try:
                    st = e.stat()
                except OSError:
                    continue
                found.append((e.path, [st.st_size, st.st_mtime_ns]))
    found.sort()
    return [(Path(p), stamp) for p, stamp in found]


@lru_cache(maxsize=1)
def _reading_fingerprint() -> str:
    h = hashlib.sha256()
    for name in _READING_FILES:
        f = _PACKAGE / name
        h.update(name.encode())
        h.update(f.read_bytes() if f.is_file() else b"")
    return h.hexdigest()[:16]


class Corpus:
    """The articles under a folder (or one file), read as
    :func:`extract.articles.iter_articles` reads them.

    With a cache folder, a manifest there (:data:`MANIFEST`) remembers each file's
    source by its size and modification time (and those of its folder's
    ``sources.yaml``) and the rows last extracted from it, so an unchanged file is
    neither read nor looked up again. Rows also go to one file per article content hash
    (``<digest>.json``), which serves any file with that text.
    """

    def __init__(self, root: Path, cache_dir: Path | None, problems: list[Problem]) -> None:
        self.root = root
        self.cache_dir = cache_dir
        self.problems = problems
        self._sources: dict[Path, dict[str, dict[str, Any]]] = {}
        old = self._load()
        self._old_files: dict[str, Any] = old.get("files") or {}
        self._old_folders: dict[str, Any] = old.get("folders") or {}
        self._old_rows: dict[str, Any] = old.get("rows") or {}
        self._files: dict[str, Any] = {}
        self._folders: dict[str, Any] = {}
        self._rows: dict[str, Any] = {}
        self._dirty = False

    def _load(self) -> dict[str, Any]:
        if self.cache_dir is None:
            return {}
        try:
            with open(self.cache_dir / MANIFEST, "rb") as fh:
                data = json.loads(fh.read())
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("key") != _reading_fingerprint():
            return {}
        return data

    def _entries(self, folder: Path) -> dict[str, dict[str, Any]]:
        if folder not in self._sources:
            try:
                self._sources[folder] = load_sources(folder)
            except ArticleError:
                self._sources[folder] = {}  # reported by refs()
        return self._sources[folder]

    def _folder(self, folder: Path) -> Any:
        """The stamp of ``folder``'s sources.yaml; reports it again if it is broken."""
        name = str(folder)
        if name in self._folders:
            return self._folders[name][0]
        stamp = _stat(folder / SOURCES_FILE)
        old = self._old_folders.get(name)
        if isinstance(old, list) and len(old) == 2 and old[0] == stamp:
            error = old[1]
        else:
            self._dirty = True
            error = None
            if stamp is not None:
                try:
                    self._sources[folder] = load_sources(folder)
                except ArticleError as exc:
                    self._sources[folder] = {}
                    error = [exc.path, exc.reason]
        if error:
            self.problems.append(_article_problem(ArticleError(error[0], error[1])))
        self._folders[name] = [stamp, error]
        return stamp

    def refs(self) -> list[ArticleRef]:
        """Every readable article, in path order; each unreadable one is reported."""
        out: list[ArticleRef] = []
        for f, file_stamp in _article_paths(self.root):
            name = str(f)
            stamp = [file_stamp, self._folder(f.parent)]
            hit = self._old_files.get(name)
            if isinstance(hit, list) and len(hit) == 3 and hit[0] == stamp:
                try:
                    out.append(ArticleRef(f, Source(**hit[1]), tuple(hit[2])))
                    self._files[name] = hit
                    continue
                except TypeError:
                    pass
            self._dirty = True
            try:
                article = read_article(f, self._entries(f.parent).get(f.name))
            except ArticleError as exc:
                self.problems.append(_article_problem(exc))
                continue
            self._files[name] = [stamp, vars(article.source), list(article.warnings)]
            out.append(ArticleRef(f, article.source, article.warnings, article))
        return out

    def article(self, ref: ArticleRef) -> Article:
        """The article of ``ref``, read now if it was not."""
        if ref.article is None:
            ref.article = read_article(ref.path, self._entries(ref.path.parent).get(ref.path.name))
        return ref.article

    def cached(self, digest: str, key: str) -> list[Row] | None:
        """The rows stored for the article text ``digest`` under ``key``; ``None`` when
        there are none."""
        hit = self._old_rows.get(digest)
        if isinstance(hit, list) and len(hit) == 2 and hit[0] == key:
            self._rows[digest] = hit
            return list(hit[1])
        found = _read_cache(self.cache_dir, digest, key) if self.cache_dir is not None else None
        if found is not None:
            self.remember(digest, key, found, write=False)
        return found

    def remember(self, digest: str, key: str, rows: list[Row], *, write: bool = True) -> None:
        """Keep ``rows`` as the extraction of article text ``digest`` under ``key``."""
        self._rows[digest] = [key, rows]
        self._dirty = True
        if write and self.cache_dir is not None:
            with contextlib.suppress(OSError):
                write_cache(self.cache_dir, digest, key, rows)

    def save(self) -> None:
        """Write the manifest, if anything changed since it was read."""
        changed = self._dirty or set(self._files) != set(self._old_files)
        changed = changed or set(self._rows) != set(self._old_rows)
        if self.cache_dir is None or not changed:
            return
        data = {
            "key": _reading_fingerprint(),
            "folders": self._folders,
            "files": self._files,
            "rows": self._rows,
        }
        with contextlib.suppress(OSError):
            _write_json(self.cache_dir, MANIFEST, data)


def _corpus_rows(
    corpus: Path,
    layer: Layer,
    cache_dir: Path | None,
    problems: list[Problem],
) -> list[Row]:
    rows: list[Row] = []
    if not corpus.exists():
        problems.append(_row_problem(str(corpus), "no such corpus folder or file"))
        return rows
    aliases = dict(layer.aliases) or None
    aliases_json = json.dumps(aliases or {}, sort_keys=True)
    reader = Corpus(corpus, cache_dir, problems)
    seen: dict[str, str] = {}
    for ref in reader.refs():
        where = str(ref.path)
        if ref.warnings:
            problems.extend(_warning_problem(w, where) for w in ref.warnings)
        digest = ref.source.digest
        if digest in seen:
            problems.append(
                _row_problem(
                    where,
                    f"same text as {seen[digest]}; its figures are counted once",
                    "remove one of the two copies",
                )
            )
            continue
        seen[digest] = where
        source = source_with_entries(ref.source, layer.sources)
        key = _cache_key(source, aliases_json)
        found = reader.cached(digest, key)
        if found is None:
            try:
                article = replace(reader.article(ref), source=source)
                found = extractor(article, aliases)
            except Exception as exc:  # one article's failure must not stop the batch
                problems.append(_row_problem(where, f"figures could not be extracted ({exc!r})"))
                continue
            reader.remember(digest, key, found)
        own = {k: getattr(source, k) for k in SOURCE_FIELDS}
        own["provenance"] = "extracted"
        own["note"] = ""
        for r in found:
            row = dict(r)
            row.update(own)
            rows.append(row)
    reader.save()
    return rows


def _curated_rows(layer: Layer) -> list[Row]:
    rows: list[Row] = []
    for fig in layer.figures:
        row = dict(fig.row)
        for key in (row.get("url"), row.get("article")):
            entry = layer.sources.get(key) if key else None
            if entry is not None:
                for k, v in entry.fields().items():
                    if k in row and not row[k]:
                        row[k] = v
        row["provenance"] = "curated"
        row["note"] = fig.note
        rows.append(row)
    return rows


def _apply_corrections(
    rows: list[Row], layer: Layer, file: str, problems: list[Problem]
) -> list[Row]:
    index = {r["id"]: i for i, r in enumerate(rows)}
    problems.extend(unmatched_corrections(layer, index.keys(), file))
    dropped: set[int] = set()
    for fid, corr in layer.corrections.items():
        i = index.get(fid)
        if i is None:
            continue
        if corr.reject:
            dropped.add(i)
            continue
        row = {**rows[i], **corr.changes}
        low, high, value = row.get("low"), row.get("high"), row.get("value")
        if (low is not None and high is not None and low > high) or (
            value is not None
            and ((low is not None and value < low) or (high is not None and value > high))
        ):
            problems.append(
                Problem(
                    file,
                    corr.line,
                    corr.column,
                    f"the correction of '{fid}' leaves value, low and high out of order "
                    f"(value {value}, low {low}, high {high}); it was not applied",
                    "set value, low and high together (null clears a bound)",
                )
            )
            continue
        row["provenance"] = "corrected"
        row["note"] = corr.note + (f" (reviewed by {corr.reviewer})" if corr.reviewer else "")
        rows[i] = row
    return [r for i, r in enumerate(rows) if i not in dropped]


def resolve_names(rows: Iterable[Row], aliases: Aliases) -> None:
    """Rewrite ``where``, ``attributed_to`` and ``outlet`` of ``rows`` to canonical
    names, and ``wire`` to a news agency's canonical name, in place."""
    wires = wire_names()
    known: dict[tuple[str, str], str] = {}
    for row in rows:
        for column, kind in (
            ("where", "places"),
            ("attributed_to", "bodies"),
            ("outlet", "outlets"),
        ):
            name = row.get(column) or ""
            if name:
                canonical = known.get((kind, name))
                if canonical is None:
                    canonical = known[(kind, name)] = aliases.canonical(kind, name)
                row[column] = canonical
            else:
                row[column] = ""
        wire = row.get("wire") or ""
        row["wire"] = wires.get(wire, wire)


def _number(v: Any) -> float:
    if v is None or v == "":
        return math.nan
    return float(v)


def to_frame(rows: list[Row]) -> pd.DataFrame:
    """The rows as a table with :data:`COLUMNS`: numbers as float (NaN where there is
    none), offsets as nullable integers, everything else as text ("" for none)."""
    try:
        cells = list(zip(*map(itemgetter(*COLUMNS), rows), strict=True))
    except KeyError:
        cells = list(zip(*([r.get(c) for c in COLUMNS] for r in rows), strict=True))
    if not cells:
        cells = [() for _ in COLUMNS]
    data: dict[str, Any] = {}
    for col, values in zip(COLUMNS, cells, strict=True):
        if col in NUMBER_COLUMNS:
            data[col] = pd.array([_number(v) for v in values], dtype="float64")
        elif col in OFFSET_COLUMNS:
            data[col] = pd.array([None if v is None else int(v) for v in values], dtype="Int64")
        else:
            data[col] = [v if type(v) is str else "" if v is None else str(v) for v in values]
    return pd.DataFrame(data, columns=list(COLUMNS))


def merged_figures(
    corpus: Path | None,
    figures_path: Path | None,
    *,
    cache_dir: Path | None = None,
) -> tuple[pd.DataFrame, list[Problem]]:
    """All figures: extracted from the articles under ``corpus`` and curated in
    ``figures_path``, corrections applied (rejected figures left out), aliases resolved.

    Returns the table (columns :data:`COLUMNS`; ``provenance`` is ``extracted``,
    ``curated`` or ``corrected``) and every problem met on the way: in
    ``figures.yaml``, unreadable articles, corrections that match no figure. With
    neither a corpus nor a figures file, or when nothing is found, the table is empty
    but still has all the columns. ``cache_dir`` holds extraction results between runs
    (none when it is ``None``).
    """
    with gc_paused():
        return _merged(corpus, figures_path, cache_dir)


def _merged(
    corpus: Path | None, figures_path: Path | None, cache_dir: Path | None
) -> tuple[pd.DataFrame, list[Problem]]:
    problems: list[Problem] = []
    layer = Layer()
    file = ""
    if figures_path is not None:
        file = str(figures_path)
        layer, found = load_layer(figures_path)
        problems.extend(found)
    rows: list[Row] = []
    if corpus is not None:
        rows = _corpus_rows(Path(corpus), layer, cache_dir, problems)
    seen = {r["id"] for r in rows}
    for row in _curated_rows(layer):
        if row["id"] in seen:
            fig = next(f for f in layer.figures if f.id == row["id"])
            problems.append(
                Problem(
                    file,
                    fig.line,
                    fig.column,
                    f"duplicate id '{row['id']}': an extracted figure has this id",
                    "give the curated figure another id",
                )
            )
            continue
        seen.add(row["id"])
        rows.append(row)
    rows = _apply_corrections(rows, layer, file, problems)
    resolve_names(rows, build_aliases(default_table(), layer.aliases))
    return to_frame(rows), problems
