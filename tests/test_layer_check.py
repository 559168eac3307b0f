"""Validation of figures.yaml: every problem, with its line and column, as data."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from extract import layer_cli
from extract.layer import Problem, check_file, load_layer, parse_text

ROOT = Path(__file__).resolve().parent.parent
BROKEN = Path(__file__).parent / "data" / "layer" / "broken"
SHIPPED = ROOT / "figures.yaml"


def test_shipped_file_is_clean() -> None:
    assert check_file(SHIPPED) == []


def test_shipped_file_loads_sources_aliases_figures_and_corrections() -> None:
    layer, problems = load_layer(SHIPPED)
    assert problems == []
    assert len(layer.sources) == 5
    assert layer.sources["004_26b6a18cd7494978.txt"].wire == "AP"
    assert layer.sources["000_4c6e6194c4324946.txt"].published == "2015-04-14"
    assert "Yarmuk" in layer.aliases["places"]["Yarmouk"]
    assert {f.row["outlet"] for f in layer.figures} == {
        "Newsweek",
        "Haaretz",
        "Ahram Online",
        "The Iran Project",
    }
    assert len(layer.figures) == 6
    assert set(layer.corrections) == {"227b238620de-635-662"}


# (file, line, column, words the message must hold, words the suggestion must hold)
CASES = [
    ("bad_indentation.yaml", 4, 4, "not valid YAML", "indentation"),
    ("tab_indent.yaml", 3, 1, "not valid YAML", "tabs"),
    ("two_documents.yaml", 2, 1, "not valid YAML", "one document"),
    ("not_utf8.yaml", 3, 16, "not UTF-8", "UTF-8"),
    ("unknown_section.yaml", 2, 1, "unknown key 'figuers'", "'figures'"),
    ("unknown_figure_key.yaml", 4, 5, "did you mean 'value'", "'value'"),
    ("unknown_correction_key.yaml", 4, 5, "did you mean 'reviewer'", "'reviewer'"),
    ("unknown_category.yaml", 3, 15, "unknown category 'populaton'", "population"),
    ("non_numeric_value.yaml", 4, 12, "'150,000' is not a number", "150000"),
    ("negative_value.yaml", 4, 12, "negative", "300"),
    ("low_above_high.yaml", 5, 10, "low 900 is greater than high 200", "swap"),
    ("duplicate_curated_id.yaml", 6, 9, "duplicate id 'newsweek-150k'", "remove one"),
    ("duplicate_correction_id.yaml", 4, 3, "duplicate key '227b238620de-635-662'", ""),
    ("correction_matches_nothing.yaml", 6, 3, "matches no figure", "check the id"),
    ("bad_published.yaml", 4, 16, "'2015-13-45' is not a valid date", "YYYY-MM-DD"),
    ("bad_as_of.yaml", 5, 12, "'April 2015' is not a valid date", "before:YYYY"),
    ("reject_and_change.yaml", 3, 5, "rejects the figure and also changes value", ""),
    ("bad_reject.yaml", 3, 13, "reject should be true or false", ""),
    ("alias_conflict.yaml", 4, 13, "'UN refugee agency' is listed under both", "line 3"),
    ("bad_url.yaml", 3, 10, "should start with http", ""),
    ("figures_not_a_list.yaml", 2, 3, "figures should be a list", ""),
]


@pytest.mark.parametrize(("name", "line", "column", "message", "suggestion"), CASES)
def test_broken_file_reports_the_problem_where_it_is(
    name: str, line: int, column: int, message: str, suggestion: str
) -> None:
    problems = check_file(BROKEN / name)
    assert len(problems) == 1, [str(p) for p in problems]
    p = problems[0]
    assert (p.file, p.line, p.column) == (str(BROKEN / name), line, column)
    assert message in p.message
    assert suggestion in p.suggestion


def test_every_broken_file_has_a_case() -> None:
    assert {c[0] for c in CASES} == {p.name for p in BROKEN.glob("*.yaml")}


def test_a_figure_missing_category_and_number_gets_both_problems() -> None:
    problems = check_file(BROKEN.parent / "broken_extra" / "missing.yaml")
    assert [(p.line, p.column) for p in problems] == [(2, 5), (2, 5)]
    assert ["no category" in problems[0].message, "no number" in problems[1].message] == [
        True,
        True,
    ]


def test_every_problem_is_reported_not_just_the_first() -> None:
    problems = check_file(BROKEN.parent / "many_problems.yaml")
    assert [(p.line, p.column) for p in problems] == [(4, 5), (8, 12), (10, 15), (13, 3)]


def test_python_tag_is_reported_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "figures.yaml"
    path.write_text(
        "figures:\n"
        "  - outlet: Newsweek\n"
        "    category: population\n"
        f'    value: !!python/object/apply:os.system ["touch {marker}"]\n'
        f'  - !!python/object/apply:os.system ["touch {marker}"]\n',
        encoding="utf-8",
    )
    problems = check_file(path)
    assert [(p.line, p.column) for p in problems] == [(4, 12), (5, 5)]
    assert all("'!!python/object/apply:os.system' is not allowed" in p.message for p in problems)
    layer, _ = load_layer(path)
    assert layer.figures == ()
    assert not marker.exists()


def test_local_tags_are_refused_too() -> None:
    _, problems = parse_text("sources:\n  a.txt: !custom {outlet: X}\n")
    assert [(p.line, p.column) for p in problems] == [(2, 10)]
    assert "'!custom' is not allowed" in problems[0].message


def test_valid_entries_survive_problems_elsewhere() -> None:
    layer, problems = load_layer(BROKEN.parent / "many_problems.yaml")
    assert len(problems) == 4
    assert "a.txt" in layer.sources
    assert layer.figures == ()
    assert layer.corrections == {}
    partial, _ = parse_text(
        "figures:\n"
        "  - {outlet: Newsweek, category: population, value: 150000}\n"
        "  - {outlet: Newsweek, category: population, value: -1}\n"
    )
    assert [f.row["value"] for f in partial.figures] == [150000.0]


def test_problem_reads_file_line_column_message() -> None:
    p = Problem("figures.yaml", 3, 7, "unknown category 'x'", "use one of: ...")
    assert str(p) == "figures.yaml:3:7: unknown category 'x'"


def test_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    problems = check_file(tmp_path / "nope.yaml")
    assert [(p.line, p.message) for p in problems] == [(1, "no such file")]


def test_empty_file_is_clean(tmp_path: Path) -> None:
    path = tmp_path / "figures.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert check_file(path) == []


def test_corrections_are_checked_against_the_figures_given() -> None:
    path = BROKEN.parent / "corrections_only.yaml"
    known = {"227b238620de-635-662", "227b238620de-1601-1628"}
    assert check_file(path, figure_ids=known | {"227b238620de-1632-1645"}) == []
    problems = check_file(path, figure_ids=known)
    assert [(p.line, p.column) for p in problems] == [(5, 3)]
    assert problems[0].message == "correction for '227b238620de-1632-1645' matches no figure"
    assert "227b238620de-1601-1628" in problems[0].suggestion


@pytest.mark.parametrize(
    ("as_of", "ok"),
    [
        ("2015", True),
        ("2015-04", True),
        ("2015-04-30", True),
        ("before:2011", True),
        ("2015-04-31", False),
        ("2015-13", False),
        ("before:15", False),
        ("before:2011-04", False),
        ("April 2015", False),
    ],
)
def test_as_of_forms(as_of: str, ok: bool) -> None:
    _, problems = parse_text(
        f"figures:\n  - {{outlet: N, category: killed, value: 1, as_of: '{as_of}'}}\n"
    )
    assert (problems == []) is ok


def run_cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    parser = argparse.ArgumentParser()
    layer_cli.add_subcommands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return args.func(args, out), out.getvalue()


def test_cli_check_prints_each_problem_and_exits_1() -> None:
    path = BROKEN.parent / "many_problems.yaml"
    code, out = run_cli("check", "--no-corpus", str(path))
    assert code == 1
    lines = [ln for ln in out.splitlines() if not ln.startswith(" ")]
    assert [ln.split(": ", 1)[0] for ln in lines] == [
        f"{path}:4:5",
        f"{path}:8:12",
        f"{path}:10:15",
        f"{path}:13:3",
    ]


def test_cli_check_exits_0_on_the_shipped_file(tmp_path: Path) -> None:
    code, out = run_cli(
        "check",
        str(SHIPPED),
        "--corpus",
        str(ROOT / "corpus" / "yarmouk"),
        "--cache-dir",
        str(tmp_path),
    )
    assert (code, out) == (0, "")


def test_cli_check_with_corpus_finds_a_stale_correction(tmp_path: Path) -> None:
    path = tmp_path / "figures.yaml"
    path.write_text(
        SHIPPED.read_text(encoding="utf-8").replace("227b238620de-635-662", "227b238620de-1-9"),
        encoding="utf-8",
    )
    code, out = run_cli(
        "check", str(path), "--corpus", str(ROOT / "corpus" / "yarmouk"), "--cache-dir", ""
    )
    assert code == 1
    assert "correction for '227b238620de-1-9' matches no figure" in out
    assert "did you mean '227b238620de-" in out
