"""Exporting the merged table as CSV, HXL (CSV with a row of HXL hashtags) or JSON.

Spreadsheet exports are safe to open: every text cell is neutralised against formula
injection as OWASP recommends (a cell that would start with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return gets a leading ``'``), and every text cell is written in
double quotes with its own quotes doubled, so a separator or quote inside a value can
neither end the cell nor start a new one. Numbers stay numbers. JSON is data for
programs, not spreadsheets: its text is written as it is.

A destination is a path (written atomically: the old file or the new one, never half)
or an open text buffer.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from extract.merge import COLUMNS
from extract.yamlwrite import atomic_write_text

FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
"""Characters that make a spreadsheet read a cell as a formula (OWASP)."""

HXL_TAGS: dict[str, str] = {
    "id": "#meta+id",
    "article": "#meta+article",
    "outlet": "#meta+source",
    "wire": "#meta+source+wire",
    "published": "#date+reported",
    "url": "#meta+url",
    "category": "#meta+category",
    "population": "#population",
    "killed": "#affected+killed",
    "injured": "#affected+injured",
    "displaced": "#affected+displaced",
    "evacuees": "#affected+evacuated",
    "buses": "#indicator+num+buses",
    "missing": "#affected+missing",
    "detained": "#affected+detained",
    "other": "#affected+other",
    "low": "#indicator+num+min",
    "high": "#indicator+num+max",
    "qualifier": "#meta+qualifier",
    "unit": "#meta+unit",
    "text": "#description",
    "who": "#meta+who",
    "where": "#loc+name",
    "as_of": "#meta+asof",
    "as_of_basis": "#meta+asof+basis",
    "attributed_to": "#org+source",
    "quote": "#description+quote",
    "start": "#meta+start",
    "end": "#meta+end",
    "provenance": "#meta+provenance",
    "note": "#description+note",
    "group": "#meta+group",
}
"""HXL hashtag of each column of the HXL export. A figure's value goes to the column of
its category (``population``, ``killed``...), so each number column counts one thing."""

VALUE_COLUMNS: tuple[str, ...] = (
    "population",
    "killed",
    "injured",
    "displaced",
    "evacuees",
    "buses",
    "missing",
    "detained",
    "other",
)

Dest = str | os.PathLike[str] | TextIO


def neutralise_cell(value: Any) -> Any:
    """A cell value safe to put in a spreadsheet: text that would start with a formula
    character (after any leading spaces) gets a leading ``'``; numbers, ``None`` and
    text that starts safely come back unchanged. Quoting the cell and doubling the
    quotes inside it is the CSV writer's part (see :func:`write_csv`)."""
    if not isinstance(value, str) or not value:
        return value
    if value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    """A number as an int or float, missing as an empty string, text neutralised."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return neutralise_cell(str(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalar
        return _cell(value.item())
    return neutralise_cell(str(value))


def _ordered_columns(df: pd.DataFrame) -> list[str]:
    known = [c for c in COLUMNS if c in df.columns]
    return known + [c for c in df.columns if c not in known]


def _rows(df: pd.DataFrame, columns: Sequence[str]) -> list[list[Any]]:
    arrays = [df[c].astype(object).tolist() for c in columns]
    return [list(r) for r in zip(*arrays, strict=True)] if arrays else []


def _csv_text(header_rows: Sequence[Sequence[str]], rows: Sequence[Sequence[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    for h in header_rows:
        writer.writerow([neutralise_cell(c) for c in h])
    for r in rows:
        writer.writerow([_cell(v) for v in r])
    return buf.getvalue()


def _emit(text: str, dest: Dest) -> None:
    if isinstance(dest, str | os.PathLike):
        atomic_write_text(Path(dest), text)
    else:
        dest.write(text)


def write_csv(df: pd.DataFrame, dest: Dest) -> None:
    """Write ``df`` as CSV: one header row, then a row per figure; every text cell in
    double quotes and neutralised, numbers bare (empty when missing)."""
    columns = _ordered_columns(df)
    _emit(_csv_text([columns], _rows(df, columns)), dest)


def hxl_columns(df: pd.DataFrame) -> list[str]:
    """The columns of the HXL export of ``df``: ``value`` is spread over one column per
    category (:data:`VALUE_COLUMNS`), the rest as in the CSV."""
    out: list[str] = []
    for c in _ordered_columns(df):
        if c == "value":
            out.extend(VALUE_COLUMNS)
        elif c in HXL_TAGS:
            out.append(c)
    return out


def write_hxl(df: pd.DataFrame, dest: Dest) -> None:
    """Write ``df`` as HXL: a header row, a row of HXL hashtags (:data:`HXL_TAGS`), then
    a row per figure with its value in the column of its category. Text cells are
    neutralised as in :func:`write_csv`; number columns hold only numbers."""
    columns = hxl_columns(df)
    base = [c for c in _ordered_columns(df) if c in HXL_TAGS]
    cats = df["category"].astype(str).tolist() if "category" in df.columns else []
    values = df["value"].astype(object).tolist() if "value" in df.columns else []
    source_rows = _rows(df, base)
    rows: list[list[Any]] = []
    for n, src in enumerate(source_rows):
        by_col = dict(zip(base, src, strict=True))
        cat = cats[n] if cats else ""
        for vc in VALUE_COLUMNS:
            target = cat if cat in VALUE_COLUMNS else "other"
            by_col[vc] = values[n] if values and vc == target else None
        rows.append([by_col.get(c) for c in columns])
    _emit(_csv_text([columns, [HXL_TAGS[c] for c in columns]], rows), dest)


def _json_value(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    return value


def write_json(df: pd.DataFrame, dest: Dest) -> None:
    """Write ``df`` as a JSON list with one object per figure (one per line); missing
    numbers are ``null``. An empty ``df`` gives ``[]``."""
    columns = _ordered_columns(df)
    lines = [
        json.dumps(dict(zip(columns, [_json_value(v) for v in r], strict=True)), ensure_ascii=False)
        for r in _rows(df, columns)
    ]
    text = "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"
    _emit(text, dest)
