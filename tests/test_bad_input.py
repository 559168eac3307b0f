"""Bad and hostile input: unreadable files, broken encodings, huge texts, HTML with
scripts, pathological number runs, and how the ``figures`` command reports them."""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from extract import CSV_COLUMNS, ArticleError, Figure, extract_figures
from extract.articles import read_article

GOOD_ARTICLE = (
    "Floods kill dozens in the north\n"
    "\n"
    "At least 37 people were killed and 120 injured when floodwaters swept through the "
    "northern province on Tuesday, the disaster management agency said.\n"
    "\n"
    "More than 15,000 residents have been evacuated to temporary shelters in schools and "
    "mosques, officials said, and aid agencies warned that the number could rise.\n"
)
REQUIRED_COLUMNS = ("id", "article", "outlet", "category", "value", "low", "high", "qualifier",
                    "unit", "text", "quote", "start", "end")  # fmt: skip
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64 + b"\x8f\x12IDATx\x9c" * 8


def _assert_spans(text: str, figures: list[Figure]) -> None:
    for f in figures:
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start : f.end] == f.text, f


def _run_python(code: str, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter; a hang past ``timeout`` fails the test."""
    try:
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"extraction did not finish within {timeout} s")


def _figures_cli(
    *args: str, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        check=False,
    )


# --- reading files ----------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"", b"   \n\n\t \r\n"], ids=["zero-bytes", "whitespace"])
def test_empty_file_is_an_article_error_naming_the_file(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(raw)
    with pytest.raises(ArticleError) as info:
        read_article(path)
    assert str(path) in str(info.value)
    assert "empty" in info.value.reason


def test_binary_file_is_an_article_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(PNG_BYTES)
    with pytest.raises(ArticleError) as info:
        read_article(path)
    assert str(path) in str(info.value)
    assert "binary" in info.value.reason


def test_invalid_utf8_is_replaced_and_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    raw = (
        b"Quake toll rises\n"
        b"\n"
        b"Caf\xe9 owners in the old town said the \xff\xfe shaking lasted a minute.\n"
        b"At least 48 people were killed and 300 injured, the health ministry said.\n"
    )
    path.write_bytes(raw)
    article = read_article(path)
    assert "\ufffd" in article.text
    assert "At least 48 people were killed" in article.text
    assert len(article.warnings) == 1
    assert f"{path}:3" in article.warnings[0]
    figures = extract_figures(article.text, article.source)
    _assert_spans(article.text, figures)
    found = {(f.category, f.value) for f in figures}
    assert ("killed", 48) in found
    assert ("injured", 300) in found


_BIG_SENTENCES = (
    "At least {n} people were killed and {m} wounded in an air strike on a market in "
    "{place} on {day}, the health ministry said.",
    "More than {big:,} residents have been evacuated by bus from the besieged district of "
    "{place}, according to the Red Crescent.",
    "A convoy of {b} buses carried about {n} civilians to the reception centre, officials said.",
    "The camp outside {place} is now home to some {big:,} refugees, the UN refugee agency "
    "said in a statement.",
    "Fighting has displaced nearly {big:,} people since {month} {year}, the International "
    "Organization for Migration said.",
    '"We counted {n} people at the checkpoint this morning," a volunteer told Reuters.',
    "Witnesses said the road south was no longer safe for aid convoys as night fell.",
    "Aid agencies warned that supplies of clean water were running dangerously low.",
    "The talks, which resumed in {month}, stalled over the question of safe passage.",
)
_PLACES = ("Aleppo", "Goma", "Khartoum", "Mosul", "Beira", "Rafah", "Sittwe", "Bentiu")


def _big_text(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        para = " ".join(
            rng.choice(_BIG_SENTENCES).format(
                n=rng.randint(2, 999),
                m=rng.randint(2, 2000),
                big=rng.randint(1_000, 900_000),
                b=rng.randint(3, 90),
                place=rng.choice(_PLACES),
                day=rng.choice(("Monday", "Tuesday", "Friday")),
                month=rng.choice(("March", "June", "October")),
                year=rng.randint(2011, 2024),
            )
            for _ in range(rng.randint(2, 5))
        )
        paragraphs.append(para)
        total += len(para) + 2
    return "\n\n".join(paragraphs) + "\n"


_EXTRACT_FILE = """
import json, sys
from pathlib import Path
from extract import extract_figures
from extract.articles import read_article
article = read_article(Path(sys.argv[1]))
figures = extract_figures(article.text, article.source)
bad = [f.text for f in figures if article.text[f.start:f.end] != f.text][:5]
print(json.dumps({
    "chars": len(article.text),
    "figures": len(figures),
    "categories": sorted({f.category for f in figures}),
    "bad_spans": bad,
}))
"""


def test_twenty_megabyte_article_finishes_and_finds_figures(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(_big_text(20 * 1024 * 1024), encoding="utf-8")
    assert path.stat().st_size >= 20 * 1024 * 1024
    done = _run_python(_EXTRACT_FILE, str(path), timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["bad_spans"] == []
    assert result["figures"] > 10_000
    assert {"killed", "injured", "buses"} <= set(result["categories"])


def test_html_scripts_and_styles_yield_no_figures(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        """<!DOCTYPE html>
<html><head><title>Floods displace thousands</title>
<style>.killed-5000 { width: 7000px; } /* 8000 people were killed */</style>
<script>var killed = 5000; var note = "12,000 people were displaced";</script>
</head><body>
<nav>Home | World | Subscribe</nav>
<article>
<h1>Floods kill dozens in the north</h1>
<p>At least 37 people were killed and 120 injured when floodwaters swept through the
northern province on Tuesday, the disaster management agency said.</p>
<script>window.dataLayer.push({"killed": 9000, "text": "9,000 people were killed"});</script>
<p>More than 15,000 residents have been evacuated to temporary shelters in schools and
mosques, officials said, and aid agencies warned that the number could rise.</p>
<style>p.injured-4000::after { content: "4,000 injured"; }</style>
<p>Rescue teams were still searching for missing villagers in remote areas that remain
cut off by the water, according to local officials who spoke to reporters.</p>
</article>
</body></html>
""",
        encoding="utf-8",
    )
    article = read_article(path)
    figures = extract_figures(article.text, article.source)
    _assert_spans(article.text, figures)
    values = {f.value for f in figures}
    assert not values & {5000, 7000, 8000, 9000, 12000, 4000}, figures
    assert "var killed" not in article.text
    found = {(f.category, f.value) for f in figures}
    assert {("killed", 37), ("injured", 120), ("evacuees", 15000)} <= found


def _digit_lines() -> dict[str, str]:
    rng = random.Random(11)
    grouped = ",".join(f"{rng.randint(0, 999):03d}" for _ in range(25_001))
    scattered = "".join(rng.choice("0123456789,,") for _ in range(100_000))
    return {
        "grouped-thousands": "1" + grouped[1:],
        "one-comma": "1," * 50_000,
        "scattered": scattered,
        "digits-only": "9" * 100_000,
        "comma-separated-list": ", ".join(str(rng.randint(1, 99_999)) for _ in range(16_000)),
    }


_DIGIT_LINES = _digit_lines()

_EXTRACT_ARGV = """
import json, sys
from pathlib import Path
from extract import extract_figures
text = Path(sys.argv[1]).read_text(encoding="utf-8")
figures = extract_figures(text)
print(json.dumps([[f.start, f.end, f.text, f.category, f.value] for f in figures]))
"""


@pytest.mark.parametrize("name", list(_DIGIT_LINES))
def test_line_of_100000_digits_and_commas(tmp_path: Path, name: str) -> None:
    line = _DIGIT_LINES[name]
    assert len(line) >= 100_000
    head = "At least 12 people were killed in the blast on Monday, the police said.\n\n"
    tail = "\n\nMore than 300 families fled the town, the UN refugee agency said.\n"
    text = head + line + tail
    path = tmp_path / "digits.txt"
    path.write_text(text, encoding="utf-8")
    done = _run_python(_EXTRACT_ARGV, str(path), timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout)
    line_start, line_end = len(head), len(head) + len(line)
    inside = [f for f in figures if f[0] < line_end and f[1] > line_start]
    assert inside == []
    assert ["killed", 12] in [[f[3], f[4]] for f in figures]
    for start, end, phrase, _cat, _value in figures:
        assert text[start:end] == phrase


# --- the command line --------------------------------------------------------------------


def _stderr_lines_naming(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if name in line]


def test_cli_skips_bad_files_and_reports_each_once(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(PNG_BYTES)
    done = _figures_cli("extract", str(folder), "--no-progress", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(done.stdout.splitlines()))
    assert rows
    assert {r["article"] for r in rows} == {"good.txt"}
    assert ("killed", "37") in {(r["category"], r["value"]) for r in rows}
    for bad in ("empty.txt", "image.txt"):
        assert len(_stderr_lines_naming(done.stderr, bad)) == 1, done.stderr
    assert _stderr_lines_naming(done.stderr, "good.txt") == []


def test_cli_with_only_bad_files_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "image.md").write_bytes(PNG_BYTES)
    done = _figures_cli("extract", str(folder), "--no-progress", cwd=tmp_path)
    assert done.returncode == 1
    for bad in ("empty.txt", "image.md"):
        assert len(_stderr_lines_naming(done.stderr, bad)) == 1, done.stderr


def _two_articles(folder: Path) -> list[Path]:
    folder.mkdir()
    second = (
        "Camp swells as fighting spreads\n\n"
        "A convoy of 14 buses carried about 600 civilians out of the besieged town on "
        "Monday, the Red Cross said.\n\n"
        "The camp is now home to some 45,000 refugees, the UN refugee agency said.\n"
    )
    paths = [folder / "a.txt", folder / "b.md"]
    paths[0].write_text(GOOD_ARTICLE, encoding="utf-8")
    paths[1].write_text(second, encoding="utf-8")
    return paths


def test_cli_output_file_is_complete_csv(tmp_path: Path) -> None:
    paths = _two_articles(tmp_path / "articles")
    out = tmp_path / "figures.csv"
    done = _figures_cli("extract", str(tmp_path / "articles"), "-o", str(out), "--no-progress")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        assert reader.fieldnames == list(CSV_COLUMNS)
    assert set(REQUIRED_COLUMNS) <= set(reader.fieldnames)
    articles = [read_article(p) for p in paths]
    texts = {a.source.article: a.text for a in articles}
    expected = sum(len(extract_figures(a.text, a.source)) for a in articles)
    assert len(rows) == expected > 0
    assert {r["article"] for r in rows} == set(texts)
    for r in rows:
        text = texts[r["article"]]
        assert text[int(r["start"]) : int(r["end"])] == r["text"]
        assert r["quote"] and r["text"] in r["quote"]


def test_cli_json_is_a_list_of_rows(tmp_path: Path) -> None:
    paths = _two_articles(tmp_path / "articles")
    done = _figures_cli("extract", *map(str, paths), "--format", "json", "--no-progress")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert isinstance(rows, list)
    articles = [read_article(p) for p in paths]
    assert len(rows) == sum(len(extract_figures(a.text, a.source)) for a in articles) > 0
    for row in rows:
        assert list(row) == list(CSV_COLUMNS)
    assert ("buses", 14) in {(r["category"], r["value"]) for r in rows}


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--help"], ["usage: figures", "extract", "humanitarian figures"]),
        (["extract", "--help"], ["usage: figures extract", "PATH", "--format", "-o", "csv"]),
    ],
    ids=["figures", "figures-extract"],
)
def test_help_exits_0_and_describes_the_command(argv: list[str], expected: list[str]) -> None:
    done = _figures_cli(*argv, timeout=60)
    assert done.returncode == 0, done.stderr
    for words in expected:
        assert words in done.stdout
