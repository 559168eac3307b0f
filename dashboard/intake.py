"""Adding an article from the dashboard: read the uploaded file, show what the
extractor finds in it, then save the file into the corpus folder and its source into
figures.yaml (through :func:`extract.yamlwrite.add_source`)."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard import data
from extract import extract_figures
from extract.aliases import build_aliases, default_table
from extract.articles import ARTICLE_SUFFIXES, Article, parse_article, text_digest
from extract.layer import file_digest, load_layer
from extract.merge import resolve_names, to_frame
from extract.yamlwrite import LayerWriteError, add_source

UPLOAD_TYPES: tuple[str, ...] = ("txt", "html", "htm")
SOURCE_FIELDS: tuple[str, ...] = ("outlet", "wire", "published", "url")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str) -> str:
    """A file name for an uploaded article that is safe in the corpus folder: no
    folders, only letters, digits, ``.``, ``_`` and ``-``, an article suffix (``.txt``
    when it had none), never hidden."""
    base = Path(name.replace("\\", "/")).name
    stem, suffix = os.path.splitext(base)
    suffix = suffix.lower() if suffix.lower() in ARTICLE_SUFFIXES else ".txt"
    stem = _UNSAFE.sub("_", stem).strip("._-") or "article"
    return stem[:100] + suffix


def source_entry(fields: Mapping[str, Any]) -> dict[str, str]:
    """The non-empty source fields (outlet, wire, published as ISO date, url)."""
    out: dict[str, str] = {}
    for key in SOURCE_FIELDS:
        value = fields.get(key)
        if isinstance(value, date):
            value = value.isoformat()
        text = "" if value is None else str(value).strip()
        if text:
            out[key] = text
    return out


def check_url(url: str) -> str:
    """An error message when ``url`` is given but is not an http(s) address."""
    if url and not re.match(r"^https?://[^\s/]+", url.strip(), re.IGNORECASE):
        return "the url should start with http:// or https://"
    return ""


@dataclass(frozen=True)
class Preview:
    """An uploaded article as read, and the figures the extractor finds in it (a
    table with the columns of the merged table)."""

    article: Article
    figures: pd.DataFrame


def preview(
    raw: bytes, name: str, fields: Mapping[str, Any], figures_path: Path | None = None
) -> Preview:
    """Read an uploaded article with the source ``fields`` given for it and extract
    its figures, names resolved through the aliases of ``figures_path``. Raises
    :class:`extract.ArticleError` for a file that is empty, binary or holds no text."""
    entry = source_entry(fields)
    article = parse_article(raw, safe_name(name), entry)
    aliases: dict[str, dict[str, list[str]]] = {}
    if figures_path is not None and figures_path.is_file():
        layer, _problems = load_layer(figures_path)
        aliases = {k: dict(v) for k, v in layer.aliases.items()}
    found = extract_figures(article.text, article.source, aliases=aliases or None)
    rows = [f.to_row() for f in found]
    for row in rows:
        row["provenance"] = "extracted"
        row["note"] = ""
    resolve_names(rows, build_aliases(default_table(), aliases))
    return Preview(article, data.prepare(to_frame(rows)))


@dataclass(frozen=True)
class Saved:
    """Where the article was saved, whether the corpus already held it, and the
    figures file's new content hash."""

    path: Path
    already_there: bool
    digest: str


def target_path(folder: Path, name: str, raw: bytes) -> tuple[Path, bool]:
    """Where to save ``raw`` under ``name`` in ``folder``: the name itself, or, when
    another file already has it, the name with the content hash added. The flag says
    the same bytes are already there."""
    path = folder / safe_name(name)
    if path.exists():
        with contextlib.suppress(OSError):
            if path.read_bytes() == raw:
                return path, True
        digest = text_digest(raw.decode("utf-8", errors="replace"))
        path = path.with_name(f"{path.stem}_{digest}{path.suffix}")
        if path.exists():
            return path, True
    return path, False


def save(
    corpus: Path,
    figures_path: Path,
    raw: bytes,
    name: str,
    fields: Mapping[str, Any],
    *,
    expected_digest: str | None = None,
) -> Saved:
    """Save the article into the folder ``corpus`` and record its source in
    ``figures_path``. The article is written first (a new file, all at once); if the
    source cannot be recorded, a file written here is removed again and the error
    raised (:class:`extract.yamlwrite.LayerWriteError` and its kinds)."""
    if not corpus.is_dir():
        raise LayerWriteError(corpus, "the corpus is not a folder, so an article cannot be added")
    path, already = target_path(corpus, name, raw)
    if not already:
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(raw)
        os.replace(tmp, path)
    given = source_entry(fields)
    if not given:
        return Saved(path, already, expected_digest or file_digest(figures_path))
    try:
        digest = add_source(
            figures_path, {"file": path.name, **given}, expected_digest=expected_digest
        )
    except Exception:
        if not already:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return Saved(path, already, digest)
