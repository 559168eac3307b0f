"""The compiled extractor and the Python sources it is built from agree, and an edited
source is noticed when an older compiled module would shadow it."""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, DATA, ROOT

from extract.compiled import compiled_modules, stale_compiled

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]

# Prints every figure the package finds in 300 synthetic articles (from the benchmark's
# generator, in the folder given first) and in the folders given next, as JSON.
DUMP = """
import dataclasses, json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from corpus_gen import generate_articles
from extract import extract_figures
from extract.articles import iter_articles
from extract.compiled import compiled_modules
out = {"compiled": compiled_modules(), "figures": {}}
for i, text in enumerate(generate_articles(300, seed=11)):
    out["figures"][f"synthetic {i}"] = [dataclasses.astuple(f) for f in extract_figures(text)]
for art in iter_articles([Path(p) for p in sys.argv[2:]]):
    if hasattr(art, "text"):
        figs = extract_figures(art.text, art.source)
        out["figures"][str(art.path)] = [dataclasses.astuple(f) for f in figs]
print(json.dumps(out, default=str))
"""

FOLDERS = [CORPUS, *sorted(p for p in DATA.iterdir() if (p / "gold.yaml").exists())]


def _dump(env: dict[str, str], cwd: Path) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, "-c", DUMP, str(ROOT / "benchmarks"), *map(str, FOLDERS)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=True,
    )
    result: dict[str, object] = json.loads(run.stdout)
    return result


@pytest.mark.skipif(not compiled_modules(), reason="this install runs the Python sources")
def test_compiled_and_python_sources_find_the_same_figures(tmp_path: Path) -> None:
    pure = tmp_path / "pure"
    shutil.copytree(
        ROOT / "extract", pure / "extract", ignore=shutil.ignore_patterns(f"*{SUFFIX}", "*.so")
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    compiled = _dump(env, ROOT)
    python = _dump({**env, "PYTHONPATH": str(pure)}, pure)
    assert compiled["compiled"] and not python["compiled"]
    assert len(compiled["figures"]) >= 390  # type: ignore[arg-type]
    assert compiled["figures"] == python["figures"]


@pytest.mark.parametrize(
    ("source_age", "built_age", "expected"),
    [
        (100, 50, []),  # built after the source: up to date
        (50, 100, ["mod.py"]),  # source edited after the build
    ],
)
def test_stale_compiled(
    tmp_path: Path, source_age: int, built_age: int, expected: list[str]
) -> None:
    source, built = tmp_path / "mod.py", tmp_path / f"mod{SUFFIX}"
    source.write_text("x = 1\n")
    built.write_bytes(b"\0")
    now = 1_700_000_000
    os.utime(source, (now - source_age, now - source_age))
    os.utime(built, (now - built_age, now - built_age))
    assert stale_compiled(tmp_path) == expected


def test_stale_compiled_ignores_a_module_without_source(tmp_path: Path) -> None:
    (tmp_path / f"other{SUFFIX}").write_bytes(b"\0")
    assert stale_compiled(tmp_path) == []
