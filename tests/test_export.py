"""Exports: CSV and HXL safe to open in a spreadsheet, JSON for programs."""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from extract import layer_cli
from extract.export import (
    FORMULA_STARTS,
    HXL_TAGS,
    VALUE_COLUMNS,
    neutralise_cell,
    write_csv,
    write_hxl,
    write_json,
)
from extract.merge import COLUMNS, merged_figures, to_frame

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "yarmouk"
FIGURES = ROOT / "figures.yaml"
HYPERLINK = '=HYPERLINK("http://example.org/x","click here")'
PHONE = "+233507713497"


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    df, problems = merged_figures(CORPUS, FIGURES, cache_dir=tmp_path_factory.mktemp("cache"))
    assert problems == []
    return df


def hostile_frame() -> pd.DataFrame:
    base: dict[str, Any] = {c: "" for c in COLUMNS}
    rows = [
        {
            **base,
            "id": "abc123abc123-10-20",
            "outlet": "@evil",
            "category": "killed",
            "value": 5.0,
            "low": None,
            "high": None,
            "start": 10,
            "end": 20,
            "text": PHONE,
            "quote": HYPERLINK + " said 5 people were killed.",
            "who": "-1+1",
            "where": "\tTab",
            "note": '=1+2";=1+2',
        },
        {
            **base,
            "id": "cur-0123456789ab",
            "outlet": "Newsweek",
            "category": "buses",
            "value": None,
            "low": 24.0,
            "high": 99.5,
            "start": None,
            "end": None,
            "text": "more than two dozen buses",
            "quote": "\r=cmd|' /C calc'!A0",
            "note": 'a, b; c "quoted"',
        },
    ]
    return to_frame(rows)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+233507713497", "'+233507713497"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("  =1+2", "'  =1+2"),
        ("safe text", "safe text"),
        ("a=b", "a=b"),
        ("", ""),
        (5, 5),
        (2.5, 2.5),
        (None, None),
    ],
)
def test_neutralise_cell(value: Any, expected: Any) -> None:
    assert neutralise_cell(value) == expected


@pytest.mark.parametrize(
    ("value", "line"),
    [
        ('=1+2";=1+2', '"\'=1+2"";=1+2"'),
        ("=1+2'\" ;,=1+2", '"\'=1+2\'"" ;,=1+2"'),
        ("a;=1+2", '"a;=1+2"'),
        ("a,=1+2", '"a,=1+2"'),
    ],
)
def test_owasp_examples_come_out_escaped(value: str, line: str) -> None:
    buf = io.StringIO()
    write_csv(pd.DataFrame({"note": [value]}), buf)
    assert buf.getvalue().splitlines()[1] == line


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def text_cells(text: str) -> list[str]:
    """The cells of a CSV written with every text cell quoted (numbers bare)."""
    out = []
    for line in csv.reader(io.StringIO(text), quoting=csv.QUOTE_NONNUMERIC):
        out += [c for c in line if isinstance(c, str)]
    return out


@pytest.mark.parametrize("writer", [write_csv, write_hxl], ids=["csv", "hxl"])
def test_no_text_cell_starts_a_formula(writer: Any) -> None:
    buf = io.StringIO()
    writer(hostile_frame(), buf)
    found = text_cells(buf.getvalue())
    assert not [c for c in found if c.startswith(FORMULA_STARTS)]
    assert "'" + PHONE in found
    assert "'" + HYPERLINK + " said 5 people were killed." in found
    assert "'\r=cmd|' /C calc'!A0" in found


def test_csv_reads_back_with_identical_numbers_and_ids(bundled: pd.DataFrame) -> None:
    buf = io.StringIO()
    write_csv(bundled, buf)
    back = pd.read_csv(io.StringIO(buf.getvalue()))
    assert list(back.columns) == list(COLUMNS)
    assert list(back["id"]) == list(bundled["id"])
    for col in ("value", "low", "high", "start", "end"):
        theirs = back[col].astype("float64").tolist()
        ours = bundled[col].astype("float64").tolist()
        assert all(
            (math.isnan(a) and math.isnan(b)) or a == b for a, b in zip(theirs, ours, strict=True)
        )
    assert list(back["provenance"]) == list(bundled["provenance"])


def test_csv_numbers_are_bare_and_text_quoted() -> None:
    buf = io.StringIO()
    write_csv(hostile_frame(), buf)
    header, first, second = buf.getvalue().splitlines()[:3]
    assert header.startswith('"id","article","outlet"')
    assert ',"killed",5,"","",' in first
    assert ',"buses","",24,99.5,' in second


def test_hxl_has_a_hashtag_row_and_a_number_column_per_category(bundled: pd.DataFrame) -> None:
    buf = io.StringIO()
    write_hxl(bundled, buf)
    rows = cells(buf.getvalue())
    header, tags = rows[0], rows[1]
    assert tags == [HXL_TAGS[h] for h in header]
    for tag in ("#date+reported", "#loc+name", "#meta+source", "#meta+url", "#description"):
        assert tag in tags
    for tag in ("#affected+killed", "#affected+injured", "#population", "#indicator+num+buses"):
        assert tag in tags
    data = pd.DataFrame(rows[2:], columns=header)
    assert len(data) == len(bundled)
    for cat in VALUE_COLUMNS:
        numbers = data[cat][data[cat] != ""]
        assert all(float(n) >= 0 for n in numbers)
        expected = bundled.loc[(bundled["category"] == cat) & bundled["value"].notna(), "value"]
        assert sorted(float(n) for n in numbers) == sorted(expected)


def test_hxl_passes_hxlvalidate(bundled: pd.DataFrame, tmp_path: Path) -> None:
    pytest.importorskip("hxl")
    script = shutil.which("hxlvalidate", path=str(Path(sys.executable).parent))
    assert script, "hxlvalidate (libhxl) is not installed"
    out = tmp_path / "figures.hxl.csv"
    write_hxl(pd.concat([bundled, hostile_frame()], ignore_index=True), out)
    run = subprocess.run([script, str(out)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 error(s)" in run.stdout
    assert "Validation succeeded" in run.stdout


def test_json_round_trip(bundled: pd.DataFrame) -> None:
    buf = io.StringIO()
    write_json(bundled, buf)
    records = json.loads(buf.getvalue())
    assert [r["id"] for r in records] == list(bundled["id"])
    assert list(records[0]) == list(COLUMNS)
    curated = [r for r in records if r["provenance"] == "curated"]
    assert curated and all(r["start"] is None for r in curated)
    assert [r["value"] for r in records] == [
        None if math.isnan(v) else v for v in bundled["value"].tolist()
    ]


def test_json_keeps_text_as_it_is() -> None:
    buf = io.StringIO()
    write_json(hostile_frame(), buf)
    assert json.loads(buf.getvalue())[0]["text"] == PHONE


def test_an_empty_table_exports_headers_only(tmp_path: Path) -> None:
    empty = to_frame([])
    buf = io.StringIO()
    write_csv(empty, buf)
    assert buf.getvalue() == ",".join(f'"{c}"' for c in COLUMNS) + "\r\n"
    write_json(empty, tmp_path / "x.json")
    assert (tmp_path / "x.json").read_text(encoding="utf-8") == "[]\n"


@pytest.mark.parametrize("writer", [write_csv, write_hxl, write_json])
def test_writing_to_a_path_replaces_the_file_whole(writer: Any, tmp_path: Path) -> None:
    dest = tmp_path / "out.csv"
    dest.write_text("old content\n", encoding="utf-8")
    writer(hostile_frame(), dest)
    buf = io.StringIO()
    writer(hostile_frame(), buf)
    assert dest.read_bytes().decode("utf-8") == buf.getvalue()
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_the_corpus_hyperlink_and_phone_never_reach_a_cell_unneutralised(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "005_hostile.txt").write_text(
        "Fighting in Yarmouk\n\n"
        f"{HYPERLINK} More than 40 people were killed in the Yarmouk camp on Monday, "
        "the Syrian Observatory for Human Rights said.\n\n"
        f"{PHONE} 12 people were wounded in Yarmouk, medics said on Monday.\n",
        encoding="utf-8",
    )
    df, _ = merged_figures(corpus, FIGURES, cache_dir=tmp_path / "cache")
    everything = "\n".join(str(v) for v in df.to_numpy().ravel())
    assert "=HYPERLINK(" in everything  # the hostile sentence did reach the table
    for writer in (write_csv, write_hxl):
        buf = io.StringIO()
        writer(df, buf)
        found = text_cells(buf.getvalue())
        assert any("=HYPERLINK(" in c for c in found)
        assert not [c for c in found if c.startswith(FORMULA_STARTS)]


def test_cli_export_writes_each_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for flag in ("csv", "hxl", "json"):
        out = tmp_path / f"figures.{flag}"
        code = layer_cli.main(
            [
                "export",
                "--corpus",
                str(CORPUS),
                "--figures",
                str(FIGURES),
                "--cache-dir",
                str(tmp_path / "cache"),
                f"--{flag}",
                str(out),
            ]
        )
        assert code == 0
        assert out.stat().st_size > 0
    back = pd.read_csv(tmp_path / "figures.csv")
    assert (back["provenance"] == "curated").sum() == 6
    assert "wrote" in capsys.readouterr().err


def test_cli_export_needs_exactly_one_format() -> None:
    with pytest.raises(SystemExit):
        layer_cli.main(["export", "--csv", "a.csv", "--json", "b.json"])
    with pytest.raises(SystemExit):
        layer_cli.main(["export"])
