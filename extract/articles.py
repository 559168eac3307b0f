"""Reading articles: text, Markdown and HTML files, a folder's ``sources.yaml``, and
what an article's own text says about where it came from (dateline, wire)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from extract.dates import MONTHS
from extract.errors import ArticleError
from extract.figure import Source

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
SOURCES_FILE = "sources.yaml"

_DATA = Path(__file__).with_name("wires.yaml")
_MONTHS = {m: i + 1 for i, m in enumerate(MONTHS)}


@dataclass(frozen=True)
class Article:
    """An article's text and source. ``warnings`` lists what was repaired on reading
    (e.g. invalid UTF-8 replaced); empty when the file was clean."""

    text: str
    source: Source
    path: str = ""
    warnings: tuple[str, ...] = ()


def text_digest(text: str) -> str:
    """A short content hash of ``text`` (12 hex digits), the base of figure ids."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


@lru_cache(maxsize=1)
def wire_names() -> dict[str, str]:
    """Every spelling of a news agency mapped to its canonical name."""
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8")) or {}
    out: dict[str, str] = {}
    for canonical, variants in data.items():
        out[str(canonical)] = str(canonical)
        for v in variants or []:
            out[str(v)] = str(canonical)
    return out


@lru_cache(maxsize=1)
def _wire_pattern() -> re.Pattern[str]:
    names = sorted(wire_names(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_MONTH_YEAR = r"(\d{1,2})\s+([A-Z][a-z]+)\s*,?\s+(\d{4})"
_MONTH_DAY_YEAR = r"([A-Z][a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})"


def _iso(day: str, month: str, year: str) -> str:
    m = _MONTHS.get(month.lower()) or _MONTHS.get(
        next((k for k in _MONTHS if k.startswith(month.lower()[:3])), ""), 0
    )
    try:
        return date(int(year), m, int(day)).isoformat() if m else ""
    except ValueError:
        return ""


def infer_source(text: str) -> Source:
    """What the text itself says of its wire and date.

    Reads a dateline near the top ("AFP , Monday 21 May 2018", "BEIRUT (Reuters) -"),
    a closing "(AP)", or the wire named as the reporter ("told AFP"). Fields it cannot
    read stay empty; nothing is guessed.
    """
    head, tail = text[:600], text[-300:]
    wires = _wire_pattern()
    names = wire_names()
    wire = ""
    published = ""
    m = re.search(
        r"(?m)^\s*(" + wires.pattern[3:-3] + r")\s*[,|-]\s*(?:" + _WEEKDAY + r"\s*,?\s*)?"
        r"(?:" + _DAY_MONTH_YEAR + r"|" + _MONTH_DAY_YEAR + r")",
        head,
    )
    if m:
        wire = names[m.group(1)]
        if m.group(2):
            published = _iso(m.group(2), m.group(3), m.group(4))
        else:
            published = _iso(m.group(6), m.group(5), m.group(7))
    if not wire:
        m = re.search(r"\((" + wires.pattern[3:-3] + r")\)\s*[-\u2013\u2014]", head) or re.search(
            r"\((" + wires.pattern[3:-3] + r")\)\s*$", tail
        )
        if m:
            wire = names[m.group(1)]
    if not wire:
        m = re.search(
            r"\b(?:told|reports|reported|according to|said to)\s+(?:the\s+)?("
            + wires.pattern[3:-3]
            + r")\b",
            text,
        )
        if m:
            wire = names[m.group(1)]
    return Source(wire=wire, published=published)


def load_sources(folder: Path) -> dict[str, dict[str, Any]]:
    """The entries of ``folder/sources.yaml`` by file name; empty when there is none.

    Raises :class:`ArticleError` naming the file when it is not a list of mappings.
    """
    path = folder / SOURCES_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ArticleError(where, f"not valid YAML ({exc.__class__.__name__})") from exc
    if data is None:
        return {}
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise ArticleError(str(path), "expected a list of entries with a 'file' key")
    return {str(e.get("file")): e for e in data if e.get("file")}


def _source_from_entry(entry: Mapping[str, Any]) -> dict[str, str]:
    out = {}
    for key in ("outlet", "wire", "url", "title"):
        val = entry.get(key)
        out[key] = "" if val is None else str(val)
    pub = entry.get("published")
    out["published"] = (
        pub.isoformat() if isinstance(pub, date) else ("" if pub is None else str(pub))
    )
    return out


def _decode(raw: bytes, path: str) -> tuple[str, tuple[str, ...]]:
    if not raw.strip():
        raise ArticleError(path, "empty file, nothing to read")
    if b"\x00" in raw[:8192]:
        raise ArticleError(path, "binary file (contains NUL bytes), not an article")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return raw.decode("utf-8", errors="replace"), (
            f"{path}:{line}: invalid UTF-8, undecodable bytes replaced with U+FFFD",
        )


def _from_html(raw_text: str, path: str) -> tuple[str, dict[str, str]]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        raw_text, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ArticleError(path, "HTML page holds no article text")
    meta = {
        "outlet": getattr(doc, "sitename", None) or "",
        "title": getattr(doc, "title", None) or "",
        "published": getattr(doc, "date", None) or "",
        "url": getattr(doc, "url", None) or "",
    }
    return text, {k: str(v) for k, v in meta.items()}


def parse_article(
    raw: bytes, name: str, entry: Mapping[str, Any] | None = None, path: str = ""
) -> Article:
    """Decode and read one article's bytes. ``name`` decides the format by its suffix
    (``.html``/``.htm`` go through trafilatura, everything else is plain text).

    ``entry`` is its ``sources.yaml`` entry, if any; its fields win over what HTML
    metadata and the text itself say. Raises :class:`ArticleError` for an empty,
    binary or textless file.
    """
    where = path or name
    text, warnings = _decode(raw, where)
    meta: dict[str, str] = {}
    if Path(name).suffix.lower() in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    ):
        text, meta = _from_html(text, where)
    inferred = infer_source(text)
    fields = {"wire": inferred.wire, "published": inferred.published}
    fields.update({k: v for k, v in meta.items() if v})
    if entry:
        fields.update({k: v for k, v in _source_from_entry(entry).items() if v})
    source = Source(article=Path(name).name, digest=text_digest(text), **fields)
    return Article(text=text, source=source, path=where, warnings=warnings)


def read_article(path: Path, entry: Mapping[str, Any] | None = None) -> Article:
    """Read one article file. Raises :class:`ArticleError` naming the file and why."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(str(path), exc.strerror or exc.__class__.__name__) from exc
    return parse_article(raw, path.name, entry, str(path))


def article_files(paths: Iterable[Path]) -> list[Path]:
    """Article files among ``paths``: files as given, folders searched recursively for
    ``.txt``, ``.md`` and ``.html`` files (sorted). Empty when none are found."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                )
            )
        else:
            out.append(p)
    return out


def iter_articles(paths: Iterable[Path]) -> Iterator[Article | ArticleError]:
    """Every article under ``paths``, or an :class:`ArticleError` in its place for a
    file that could not be read, so one bad file never stops the batch."""
    sources_by_folder: dict[Path, dict[str, dict[str, Any]] | ArticleError] = {}
    for f in article_files(paths):
        folder = f.parent
        if folder not in sources_by_folder:
            try:
                sources_by_folder[folder] = load_sources(folder)
            except ArticleError as exc:
                sources_by_folder[folder] = exc
                yield exc
        known = sources_by_folder[folder]
        entry = known.get(f.name) if isinstance(known, dict) else None
        try:
            yield read_article(f, entry)
        except ArticleError as exc:
            yield exc


def with_source(article: Article, **fields: str) -> Article:
    """A copy of ``article`` whose source has ``fields`` replaced."""
    return replace(article, source=replace(article.source, **fields))
