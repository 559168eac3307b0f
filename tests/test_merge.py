"""The merged table: extracted + curated figures, corrections, aliases, sources, cache."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from extract import merge
from extract.articles import Article, text_digest
from extract.figure import CSV_COLUMNS
from extract.merge import COLUMNS, merged_figures

ROOT = Path(__file__).resolve().parent.parent
FIGURE = re.compile(
    r"(?P<n>\d+) people were (?P<cat>killed|injured) in (?P<where>[\w-]+), said (?P<body>[\w ]+)\."
)

ARTICLES = {
    "a.txt": "Fighting went on. 12 people were killed in Yarmuk, said UNRWA. Calm later.",
    "b.txt": "Reports came in. 30 people were injured in Yarmouk, said SOHR.",
    "c.txt": "Nothing to count here at all.",
}
SOURCES_YAML = """\
- file: a.txt
  outlet: Pulse Ghana
  wire: AFP
  published: 2018-05-20
- file: b.txt
  outlet: AP
  url: https://example.org/b
"""


class Stub:
    """Stands in for the extractor: finds "<n> people were killed in <place>, said
    <body>." and counts its calls."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(
        self, article: Article, aliases: Mapping[str, Mapping[str, list[str]]] | None
    ) -> list[dict[str, Any]]:
        self.calls.append(article.source.article)
        if "EXPLODE" in article.text:
            raise RuntimeError("extractor bug")
        rows = []
        for m in FIGURE.finditer(article.text):
            row: dict[str, Any] = dict.fromkeys(CSV_COLUMNS)
            n = float(m.group("n"))
            row.update(
                id=f"{article.source.digest}-{m.start()}-{m.start('cat')}",
                category=m.group("cat"),
                value=n,
                qualifier="exact",
                unit="person",
                text=m.group(0)[: m.start("cat") - m.start()].strip(),
                who="people",
                where=m.group("where"),
                as_of=article.source.published,
                attributed_to=m.group("body"),
                quote=m.group(0),
                start=m.start(),
                end=m.start("cat"),
            )
            rows.append(row)
        return rows


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Stub:
    s = Stub()
    monkeypatch.setattr(merge, "extractor", s)
    return s


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    return folder


def fid(name: str, start_text: str, end_text: str) -> str:
    text = ARTICLES[name]
    return f"{text_digest(text)}-{text.index(start_text)}-{text.index(end_text)}"


A_FIG = fid("a.txt", "12 people", "killed")
B_FIG = fid("b.txt", "30 people", "injured")


def write_layer(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "figures.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def by_id(df: pd.DataFrame) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in df.to_dict("records")}


def test_extracted_rows_carry_their_source_and_provenance(stub: Stub, corpus: Path) -> None:
    df, problems = merged_figures(corpus, None)
    assert problems == []
    assert list(df.columns) == list(COLUMNS)
    rows = by_id(df)
    assert set(rows) == {A_FIG, B_FIG}
    a = rows[A_FIG]
    assert (a["article"], a["outlet"], a["wire"], a["published"]) == (
        "a.txt",
        "Pulse Ghana",
        "AFP",
        "2018-05-20",
    )
    assert (a["provenance"], a["note"], a["value"], a["start"]) == ("extracted", "", 12.0, 18)


def test_aliases_resolve_places_bodies_and_outlets(
    stub: Stub, corpus: Path, tmp_path: Path
) -> None:
    layer = write_layer(
        tmp_path,
        "aliases:\n"
        "  bodies:\n    Syrian monitor: [SOHR]\n"
        "  outlets:\n    The AP wire service: [AP]\n",
    )
    rows = by_id(merged_figures(corpus, layer)[0])
    assert rows[A_FIG]["where"] == "Yarmouk"  # from the default aliases
    assert rows[B_FIG]["attributed_to"] == "Syrian monitor"
    assert rows[B_FIG]["outlet"] == "The AP wire service"


def test_figures_yaml_sources_override_the_article_source(
    stub: Stub, corpus: Path, tmp_path: Path
) -> None:
    layer = write_layer(
        tmp_path,
        "sources:\n"
        "  a.txt:\n    outlet: Ahram Online\n    published: 2018-05-21\n"
        "  https://example.org/b:\n    wire: AP\n",
    )
    rows = by_id(merged_figures(corpus, layer)[0])
    assert (rows[A_FIG]["outlet"], rows[A_FIG]["wire"], rows[A_FIG]["published"]) == (
        "Ahram Online",
        "AFP",
        "2018-05-21",
    )
    assert rows[B_FIG]["wire"] == "AP"


def test_curated_figures_join_with_their_own_ids(stub: Stub, corpus: Path, tmp_path: Path) -> None:
    layer = write_layer(
        tmp_path,
        "sources:\n  https://example.org/n:\n    wire: dpa\n"
        "figures:\n"
        "  - {outlet: Newsweek, url: 'https://example.org/n', category: population,"
        " value: 150000, as_of: 'before:2011', note: from the print edition}\n"
        "  - {id: my-figure, outlet: Haaretz, category: population, low: 14000}\n",
    )
    df, problems = merged_figures(corpus, layer)
    assert problems == []
    curated = df[df["provenance"] == "curated"]
    assert list(curated["id"].str.startswith("cur-")) == [True, False]
    assert list(curated["note"]) == ["from the print edition", ""]
    assert list(curated["wire"]) == ["dpa", ""]
    assert list(curated["qualifier"]) == ["exact", "more_than"]
    assert list(curated["text"]) == ["150,000", "more than 14,000"]
    assert curated["start"].isna().all()


def test_corrections_change_or_reject_figures(stub: Stub, corpus: Path, tmp_path: Path) -> None:
    layer = write_layer(
        tmp_path,
        f"corrections:\n"
        f"  {A_FIG}:\n    value: 14\n    where: Hajar al-Aswad\n"
        f"    note: recount\n    reviewer: ana\n"
        f"  {B_FIG}:\n    reject: true\n",
    )
    df, problems = merged_figures(corpus, layer)
    assert problems == []
    rows = by_id(df)
    assert set(rows) == {A_FIG}
    a = rows[A_FIG]
    assert (a["value"], a["where"], a["provenance"]) == (14.0, "Hajar al-Aswad", "corrected")
    assert a["note"] == "recount (reviewed by ana)"


def test_a_correction_can_change_a_curated_figure(stub: Stub, tmp_path: Path) -> None:
    layer = write_layer(
        tmp_path,
        "figures:\n  - {id: n1, outlet: Newsweek, category: population, value: 150000}\n"
        "corrections:\n  n1: {value: 160000}\n",
    )
    df, problems = merged_figures(None, layer)
    assert problems == []
    assert (df.loc[0, "value"], df.loc[0, "provenance"]) == (160000.0, "corrected")
    assert stub.calls == []


def test_a_correction_matching_no_figure_is_reported_where_it_is(
    stub: Stub, corpus: Path, tmp_path: Path
) -> None:
    digest = text_digest(ARTICLES["a.txt"])
    layer = write_layer(
        tmp_path, f"# one stale correction\ncorrections:\n  {digest}-20-40:\n    reject: true\n"
    )
    df, problems = merged_figures(corpus, layer)
    assert len(df) == 2
    assert [(p.file, p.line, p.column) for p in problems] == [(str(layer), 3, 3)]
    assert problems[0].message == f"correction for '{digest}-20-40' matches no figure"
    assert A_FIG in problems[0].suggestion


def test_a_correction_putting_bounds_out_of_order_is_not_applied(
    stub: Stub, corpus: Path, tmp_path: Path
) -> None:
    layer = write_layer(tmp_path, f"corrections:\n  {A_FIG}:\n    high: 5\n")
    df, problems = merged_figures(corpus, layer)
    assert [(p.line, "out of order" in p.message) for p in problems] == [(2, True)]
    assert by_id(df)[A_FIG]["provenance"] == "extracted"


def test_layer_problems_come_back_with_the_valid_rest(
    stub: Stub, corpus: Path, tmp_path: Path
) -> None:
    layer = write_layer(
        tmp_path,
        "figures:\n"
        "  - {outlet: Newsweek, category: population, value: 150000}\n"
        "  - {outlet: Newsweek, category: populaton, value: 18000}\n",
    )
    df, problems = merged_figures(corpus, layer)
    assert [(p.line, p.column) for p in problems] == [(3, 34)]
    assert list(df["provenance"]) == ["extracted", "extracted", "curated"]


def test_second_run_reads_the_cache(stub: Stub, corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, _ = merged_figures(corpus, None, cache_dir=cache)
    assert sorted(stub.calls) == ["a.txt", "b.txt", "c.txt"]
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        [merge.MANIFEST, *(f"{text_digest(t)}.json" for t in ARTICLES.values())]
    )
    stub.calls.clear()
    second, _ = merged_figures(corpus, None, cache_dir=cache)
    assert stub.calls == []
    pd.testing.assert_frame_equal(first, second)


def test_a_renamed_article_hits_the_cache_and_shows_its_new_name(
    stub: Stub, corpus: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    merged_figures(corpus, None, cache_dir=cache)
    (corpus / "c.txt").rename(corpus / "d.txt")
    stub.calls.clear()
    df, _ = merged_figures(corpus, None, cache_dir=cache)
    assert stub.calls == []
    assert sorted(df["article"]) == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("change", "again"),
    [
        ("aliases", ["a.txt", "b.txt", "c.txt"]),
        ("source", ["a.txt"]),
        ("corrupt", ["a.txt"]),
        ("correction", []),
    ],
)
def test_the_cache_is_refreshed_only_when_the_result_may_differ(
    change: str, again: list[str], stub: Stub, corpus: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    layer = write_layer(tmp_path, "# empty\n")
    merged_figures(corpus, layer, cache_dir=cache)
    stub.calls.clear()
    if change == "aliases":
        layer.write_text("aliases:\n  places:\n    Yarmouk: [Yarmouk Camp]\n", encoding="utf-8")
    elif change == "source":
        layer.write_text("sources:\n  a.txt:\n    published: 2018-05-22\n", encoding="utf-8")
    elif change == "corrupt":  # a's rows survive neither in the manifest nor in its file
        (cache / merge.MANIFEST).write_text("[1, 2", "utf-8")
        (cache / f"{text_digest(ARTICLES['a.txt'])}.json").write_text("{not json", "utf-8")
    else:
        layer.write_text(f"corrections:\n  {A_FIG}: {{reject: true}}\n", encoding="utf-8")
    df, problems = merged_figures(corpus, layer, cache_dir=cache)
    assert problems == []
    assert sorted(stub.calls) == again
    assert len(df) == (1 if change == "correction" else 2)


def test_cache_files_hold_the_rows(stub: Stub, corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    merged_figures(corpus, None, cache_dir=cache)
    data = json.loads((cache / f"{text_digest(ARTICLES['a.txt'])}.json").read_text("utf-8"))
    assert [r["id"] for r in data["rows"]] == [A_FIG]


def test_bad_articles_are_reported_and_the_rest_merged(
    stub: Stub, corpus: Path, tmp_path: Path
) -> None:
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "copy.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    (corpus / "zz_bug.txt").write_text("EXPLODE 5 people were killed in Idlib, said WHO.", "utf-8")
    df, problems = merged_figures(corpus, None)
    assert sorted(df["id"]) == sorted([A_FIG, B_FIG])
    found = {Path(p.file).name: p.message for p in problems}
    assert set(found) == {"empty.txt", "copy.txt", "zz_bug.txt"}
    assert "empty file" in found["empty.txt"]
    assert "same text as" in found["copy.txt"]
    assert "could not be extracted" in found["zz_bug.txt"]


def test_nothing_gives_an_empty_table_with_all_columns() -> None:
    df, problems = merged_figures(None, None)
    assert (len(df), list(df.columns), problems) == (0, list(COLUMNS), [])


def test_a_missing_corpus_or_figures_file_is_a_problem(tmp_path: Path) -> None:
    df, problems = merged_figures(tmp_path / "nope", tmp_path / "nope.yaml")
    assert len(df) == 0
    assert sorted(p.message for p in problems) == ["no such corpus folder or file", "no such file"]


def test_column_types(stub: Stub, corpus: Path) -> None:
    df, _ = merged_figures(corpus, None)
    assert [str(df[c].dtype) for c in ("value", "low", "high", "start", "end")] == [
        "float64",
        "float64",
        "float64",
        "Int64",
        "Int64",
    ]


def test_bundled_corpus_and_figures_merge_cleanly(tmp_path: Path) -> None:
    df, problems = merged_figures(
        ROOT / "corpus" / "yarmouk", ROOT / "figures.yaml", cache_dir=tmp_path
    )
    assert problems == []
    assert (df["provenance"] == "curated").sum() == 6
    corrected = df[df["provenance"] == "corrected"]
    assert list(corrected["text"]) == ["12,000 Palestinian refugees"]
    assert list(corrected["where"]) == ["Yarmouk"]
    assert list(corrected["attributed_to"]) == ["UNRWA"]
    assert df["id"].is_unique
    extracted = df[df["provenance"] != "curated"]
    digests = {
        text_digest(a.read_text(encoding="utf-8"))
        for a in (ROOT / "corpus" / "yarmouk").glob("*.txt")
    }
    assert set(extracted["id"].str.split("-").str[0]) <= digests


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the article files read (counted through merge.read_article)."""
    seen: list[str] = []
    real = merge.read_article

    def counting(path: Path, entry: Any = None) -> Article:
        seen.append(path.name)
        return real(path, entry)

    monkeypatch.setattr(merge, "read_article", counting)
    return seen


def test_unchanged_articles_are_not_read_again(
    stub: Stub, reads: list[str], corpus: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first, _ = merged_figures(corpus, None, cache_dir=cache)
    assert sorted(reads) == ["a.txt", "b.txt", "c.txt"]
    reads.clear()
    second, _ = merged_figures(corpus, None, cache_dir=cache)
    assert reads == []
    pd.testing.assert_frame_equal(first, second)
    (corpus / "b.txt").write_text(ARTICLES["b.txt"] + " 7 people were killed in Idlib, said WHO.")
    third, _ = merged_figures(corpus, None, cache_dir=cache)
    assert (reads, stub.calls.count("b.txt")) == (["b.txt"], 2)
    assert len(third) == 3


def test_a_changed_sources_yaml_rereads_its_folder(
    stub: Stub, reads: list[str], corpus: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    merged_figures(corpus, None, cache_dir=cache)
    reads.clear()
    (corpus / "sources.yaml").write_text(SOURCES_YAML.replace("Pulse Ghana", "Pulse"), "utf-8")
    df, _ = merged_figures(corpus, None, cache_dir=cache)
    assert sorted(reads) == ["a.txt", "b.txt", "c.txt"]
    assert by_id(df)[A_FIG]["outlet"] == "Pulse"


def test_a_broken_sources_yaml_is_reported_on_every_run(
    stub: Stub, corpus: Path, tmp_path: Path
) -> None:
    (corpus / "sources.yaml").write_text("- file: a.txt\n  outlet: [unclosed\n", "utf-8")
    for _ in range(2):
        df, problems = merged_figures(corpus, None, cache_dir=tmp_path / "cache")
        assert [(Path(p.file).name, p.line) for p in problems] == [("sources.yaml", 3)]
        assert "not valid YAML" in problems[0].message
        assert len(df) == 2
