"""Writing figures.yaml from code: edits keep everything else, never half-write the
file, never lose a concurrent edit silently."""

from __future__ import annotations

import difflib
import multiprocessing
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from extract.errors import FiguresError
from extract.layer import check_file, file_digest, load_layer
from extract.yamlwrite import (
    InvalidEditError,
    LayerWriteError,
    StaleFileError,
    add_correction,
    add_curated_figure,
    add_source,
    atomic_write_text,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "layer"
SHIPPED = ROOT / "figures.yaml"

NEW_FIGURE = {
    "outlet": "Reuters",
    "url": "https://example.org/yarmouk",
    "published": "2015-04-06",
    "text": "about 18,000 people",
    "category": "population",
    "value": 18000,
    "qualifier": "approx",
    "where": "Yarmouk",
    "as_of": "2015-04",
}


def copy(src: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "figures.yaml"
    shutil.copyfile(src, dest)
    return dest


def line_ops(before: str, after: str) -> set[str]:
    """The kinds of line changes from ``before`` to ``after``."""
    sm = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    return {op for op, *_ in sm.get_opcodes()} - {"equal"}


EDITS: list[tuple[str, Callable[[Path], Any]]] = [
    ("correction", lambda p: add_correction(p, "7c32de75e8de-301-310", {"reject": True})),
    ("curated figure", lambda p: add_curated_figure(p, NEW_FIGURE)),
    ("source", lambda p: add_source(p, {"file": "005_new.txt", "outlet": "Reuters"})),
]


@pytest.mark.parametrize("src", [SHIPPED, DATA / "commented.yaml"], ids=["shipped", "commented"])
@pytest.mark.parametrize(("what", "edit"), EDITS, ids=[e[0] for e in EDITS])
def test_an_addition_only_adds_lines(
    src: Path, what: str, edit: Callable[[Path], Any], tmp_path: Path
) -> None:
    path = copy(src, tmp_path)
    before = path.read_text(encoding="utf-8")
    edit(path)
    after = path.read_text(encoding="utf-8")
    assert line_ops(before, after) == {"insert"}, what
    assert check_file(path) == []


def test_additions_land_in_their_sections_in_the_file_style(tmp_path: Path) -> None:
    path = copy(DATA / "commented.yaml", tmp_path)
    add_correction(path, "7c32de75e8de-301-310", {"where": "Yarmouk"}, note="yes", reviewer="ana")
    add_curated_figure(path, NEW_FIGURE)
    add_source(path, {"file": "005_new.txt", "outlet": "Reuters", "published": "2015-04-06"})
    text = path.read_text(encoding="utf-8")
    assert (
        "    published: 2015-04-14\n"
        "  005_new.txt:\n"
        "    outlet: Reuters\n"
        "    published: 2015-04-06\n"
        "\n# ---- aliases ----\n"
    ) in text
    assert "        as_of: before:2011\n    -   outlet: Reuters\n        url: " in text
    assert (
        "    reject: true        # not a figure\n"
        "  7c32de75e8de-301-310:\n"
        "    where: Yarmouk\n"
        "    note: 'yes'\n"
        "    reviewer: ana\n"
        "# end-of-file comment\n"
    ) in text
    layer, problems = load_layer(path)
    assert problems == []
    assert layer.corrections["7c32de75e8de-301-310"].note == "yes"
    assert layer.figures[-1].row["outlet"] == "Reuters"
    assert layer.sources["005_new.txt"].published == "2015-04-06"


def test_updating_a_correction_keeps_its_comments(tmp_path: Path) -> None:
    path = copy(DATA / "commented.yaml", tmp_path)
    before = path.read_text(encoding="utf-8")
    add_correction(path, "227b238620de-635-662", {"attributed_to": "UNRWA"}, note="AP names UNRWA")
    after = path.read_text(encoding="utf-8")
    assert "    where: Yarmouk      # fixed by hand\n    note: AP names UNRWA\n" in after
    assert "    attributed_to: UNRWA\n" in after
    changed = [ln for ln in difflib.ndiff(before.splitlines(), after.splitlines()) if ln[0] in "+-"]
    assert changed == [
        "-     note: 'single quoted'",
        "+     note: AP names UNRWA",
        "+     attributed_to: UNRWA",
    ]
    corr = load_layer(path)[0].corrections["227b238620de-635-662"]
    assert dict(corr.changes) == {"where": "Yarmouk", "attributed_to": "UNRWA"}


def test_changing_a_rejected_figure_drops_the_rejection(tmp_path: Path) -> None:
    path = copy(DATA / "commented.yaml", tmp_path)
    add_correction(path, "227b238620de-1632-1646", {"value": 5000})
    corr = load_layer(path)[0].corrections["227b238620de-1632-1646"]
    assert (corr.reject, dict(corr.changes)) == (False, {"value": 5000.0})
    add_correction(path, "227b238620de-1632-1646", {"reject": True})
    corr = load_layer(path)[0].corrections["227b238620de-1632-1646"]
    assert (corr.reject, dict(corr.changes)) == (True, {})


def test_updating_a_source_keeps_its_comments(tmp_path: Path) -> None:
    path = copy(DATA / "commented.yaml", tmp_path)
    add_source(path, {"file": "000_4c6e6194c4324946.txt", "url": "https://example.org/a"})
    text = path.read_text(encoding="utf-8")
    assert "    outlet: Middle East Eye   # as printed\n" in text
    assert load_layer(path)[0].sources["000_4c6e6194c4324946.txt"].url == "https://example.org/a"


@pytest.mark.parametrize(
    "start",
    [
        "",
        "# only a comment\n",
        "corrections:\n",
        "corrections: {}\n",
        "corrections: null  # none yet\n",
        "corrections: ~\nfigures: []\n",
        "corrections: {227b238620de-635-662: {where: Yarmouk}}\n# keep me\n",
    ],
)
def test_corrections_can_be_added_to_any_starting_file(start: str, tmp_path: Path) -> None:
    path = tmp_path / "figures.yaml"
    path.write_text(start, encoding="utf-8")
    add_correction(path, "7c32de75e8de-301-310", {"reject": True})
    add_curated_figure(path, NEW_FIGURE)
    layer, problems = load_layer(path)
    assert problems == []
    assert layer.corrections["7c32de75e8de-301-310"].reject
    assert [f.row["outlet"] for f in layer.figures] == ["Reuters"]
    text = path.read_text(encoding="utf-8")
    for line in start.splitlines():
        if line.startswith("#"):
            assert line in text


def test_a_missing_file_is_created(tmp_path: Path) -> None:
    path = tmp_path / "figures.yaml"
    add_source(path, {"url": "https://example.org/a", "outlet": "Reuters", "wire": "Reuters"})
    assert path.read_text(encoding="utf-8").startswith("# figures.yaml")
    assert load_layer(path)[0].sources["https://example.org/a"].outlet == "Reuters"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda p: add_correction(p, "x-1-2", {"vaule": 1}), "did you mean 'value'"),
        (lambda p: add_correction(p, "x-1-2", {"value": -1}), "negative"),
        (lambda p: add_correction(p, "x-1-2", {"low": 9, "high": 2}), "greater than high"),
        (lambda p: add_correction(p, "x-1-2", {"category": "deaths"}), "unknown category"),
        (lambda p: add_correction(p, "x-1-2", {}), "changes nothing"),
        (lambda p: add_correction(p, "", {"reject": True}), "needs the id"),
        (lambda p: add_curated_figure(p, {"outlet": "X", "category": "killed"}), "no number"),
        (lambda p: add_curated_figure(p, {**NEW_FIGURE, "as_of": "spring"}), "not a valid date"),
        (lambda p: add_source(p, {"outlet": "X"}), "needs a 'file' or a 'url'"),
        (lambda p: add_source(p, {"file": "a.txt", "outlett": "X"}), "unknown source field"),
        (lambda p: add_source(p, {"file": "a.txt", "published": "2015-02-30"}), "valid date"),
    ],
)
def test_an_invalid_edit_is_refused_and_the_file_untouched(
    edit: Callable[[Path], Any], message: str, tmp_path: Path
) -> None:
    path = copy(SHIPPED, tmp_path)
    before = path.read_bytes()
    with pytest.raises(InvalidEditError) as info:
        edit(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def test_a_curated_figure_can_be_corrected(tmp_path: Path) -> None:
    path = copy(SHIPPED, tmp_path)
    newsweek = load_layer(path)[0].figures[0].id
    add_correction(path, newsweek, {"value": 155000}, note="print edition says 155,000")
    assert load_layer(path)[0].corrections[newsweek].changes == {"value": 155000.0}
    with pytest.raises(InvalidEditError, match="no curated figure has this id"):
        add_correction(path, "cur-000000000000", {"value": 1})


def test_a_curated_figure_already_there_is_refused(tmp_path: Path) -> None:
    path = copy(SHIPPED, tmp_path)
    add_curated_figure(path, NEW_FIGURE)
    before = path.read_bytes()
    with pytest.raises(InvalidEditError, match="already holds this figure"):
        add_curated_figure(path, NEW_FIGURE)
    assert path.read_bytes() == before


def test_a_stale_write_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = copy(SHIPPED, tmp_path)
    digest = file_digest(path)
    changed = path.read_text(encoding="utf-8") + "# edited by someone else\n"
    path.write_text(changed, encoding="utf-8")
    with pytest.raises(StaleFileError) as info:
        add_correction(path, "7c32de75e8de-301-310", {"reject": True}, expected_digest=digest)
    assert str(path) in str(info.value)
    assert "changed on disk since it was read" in str(info.value)
    assert isinstance(info.value, FiguresError)
    assert path.read_text(encoding="utf-8") == changed


def test_edits_chain_on_the_returned_digest(tmp_path: Path) -> None:
    path = copy(SHIPPED, tmp_path)
    digest = add_correction(
        path, "7c32de75e8de-301-310", {"reject": True}, expected_digest=file_digest(path)
    )
    assert digest == file_digest(path)
    digest = add_source(path, {"file": "x.txt", "outlet": "X"}, expected_digest=digest)
    assert digest == file_digest(path) == load_layer(path)[0].digest


def test_a_file_with_a_python_tag_is_not_edited_and_nothing_runs(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "figures.yaml"
    path.write_text(
        f'sources:\n  a.txt: !!python/object/apply:os.system ["touch {marker}"]\n',
        encoding="utf-8",
    )
    before = path.read_bytes()
    with pytest.raises(LayerWriteError, match="figures check"):
        add_correction(path, "7c32de75e8de-301-310", {"reject": True})
    assert path.read_bytes() == before
    assert not marker.exists()


def test_text_that_yaml_1_1_would_misread_stays_text(tmp_path: Path) -> None:
    path = copy(SHIPPED, tmp_path)
    add_correction(path, "7c32de75e8de-301-310", {"who": "on", "where": "null"}, note="yes")
    corr = load_layer(path)[0].corrections["7c32de75e8de-301-310"]
    assert (corr.changes["who"], corr.changes["where"], corr.note) == ("on", "null", "yes")


def test_windows_line_endings_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "figures.yaml"
    path.write_bytes(SHIPPED.read_bytes().replace(b"\n", b"\r\n"))
    add_correction(path, "7c32de75e8de-301-310", {"reject": True})
    raw = path.read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert "7c32de75e8de-301-310" in load_layer(path)[0].corrections


def test_atomic_write_keeps_the_permissions(tmp_path: Path) -> None:
    path = tmp_path / "figures.yaml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o600)
    atomic_write_text(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["figures.yaml"]


def _add_one(path: str, i: int, barrier: Any) -> None:
    barrier.wait()
    add_correction(path, f"{i:012x}-{i}-{i + 5}", {"value": i}, note=f"from process {i}")


def test_twenty_processes_adding_at_once_all_land(tmp_path: Path) -> None:
    path = copy(SHIPPED, tmp_path)
    header = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(20)
    procs = [ctx.Process(target=_add_one, args=(str(path), i, barrier)) for i in range(20)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0] * 20
    layer, problems = load_layer(path)
    assert problems == []
    ids = {f"{i:012x}-{i}-{i + 5}" for i in range(20)}
    assert ids <= set(layer.corrections)
    assert {layer.corrections[i].note for i in ids} == {f"from process {n}" for n in range(20)}
    text = path.read_text(encoding="utf-8").splitlines()
    assert [ln for ln in text if ln.startswith("#")] == header


KILLED_WRITER = textwrap.dedent(
    """
    import os, signal, sys
    import extract.yamlwrite as w

    def die(src, dst):
        os.kill(os.getpid(), signal.SIGKILL)

    w.os.replace = die
    w.add_correction(sys.argv[1], "7c32de75e8de-301-310", {"reject": True})
    """
)


def test_a_writer_killed_before_the_rename_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = copy(SHIPPED, tmp_path)
    before = path.read_bytes()
    run = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(path)], capture_output=True, timeout=60
    )
    assert run.returncode == -9, run.stderr
    assert path.read_bytes() == before
    leftovers = list(tmp_path.glob(".figures.yaml.*.tmp"))
    assert len(leftovers) == 1
    assert b"7c32de75e8de-301-310" in leftovers[0].read_bytes()
    add_correction(path, "7c32de75e8de-301-310", {"reject": True})
    assert list(tmp_path.glob(".figures.yaml.*.tmp")) == []
    assert load_layer(path)[0].corrections["7c32de75e8de-301-310"].reject
