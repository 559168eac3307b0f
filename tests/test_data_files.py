"""The hand-edited word lists and tables in extract/ are well formed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extract.aliases import KINDS, alias_key
from extract.figure import QUALIFIERS
from extract.vocab import GRAMMAR, vocab

HERE = Path(__file__).resolve().parent.parent / "extract"
# the six figure categories, and states whose counts are never figures
CUE_CATEGORIES = {"population", "killed", "injured", "evacuees", "displaced", "buses"} | {
    "missing",
    "detained",
    "in_need",
    "activity",
}


def _load(name: str) -> object:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(p.name for p in HERE.glob("*.yaml")))
def test_every_data_file_loads(name: str) -> None:
    assert _load(name), name


def test_vague_ranges_are_ordered() -> None:
    for phrase, (low, high) in vocab().vague.items():
        assert 0 < low < high, phrase
        assert phrase == phrase.lower().strip()


def test_qualifiers_are_known() -> None:
    data = _load("qualifiers.yaml")
    assert isinstance(data, dict)
    assert set(data) <= set(QUALIFIERS)
    phrases = [p for ps in data.values() for p in ps]
    assert len(phrases) == len(set(phrases)), "a phrase is listed under two qualifiers"


def test_cue_categories_are_known() -> None:
    data = _load("vocab.yaml")
    assert isinstance(data, dict)
    assert set(data["cues"]) <= CUE_CATEGORIES
    for cat, levels in data["cues"].items():
        assert set(levels) <= {"strong", "weak"}, cat
    implied = {c for c in data["person_nouns"].values() if c}
    assert implied <= CUE_CATEGORIES


def test_word_lists_are_lower_case() -> None:
    data = _load("vocab.yaml")
    assert isinstance(data, dict)
    for key in ("modifiers", "non_count_words", "skippable", "vehicle_nouns", "cargo_words"):
        for word in data[key]:
            assert str(word) == str(word).lower(), (key, word)
    for key, words in GRAMMAR.items():
        for word in words:
            assert word == word.lower(), (key, word)


def test_no_spelling_maps_to_two_names() -> None:
    data = _load("aliases.yaml")
    assert isinstance(data, dict)
    assert set(data) <= set(KINDS)
    for kind, table in data.items():
        seen: dict[str, str] = {}
        for canonical, variants in table.items():
            for name in [canonical, *variants]:
                key = alias_key(str(name))
                assert seen.setdefault(key, canonical) == canonical, (kind, name)


@pytest.mark.parametrize("name", sorted(p.name for p in HERE.glob("*.yaml")))
def test_no_key_is_written_twice(name: str) -> None:
    """YAML keeps the last of two equal keys silently; a hand-edited file must not rely on it."""

    class Strict(yaml.SafeLoader):
        pass

    def construct(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[object, object]:
        keys = [loader.construct_object(k) for k, _v in node.value]
        dupes = {k for k in keys if keys.count(k) > 1}
        assert not dupes, f"{name}: {sorted(map(str, dupes))} written twice"
        return loader.construct_mapping(node)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct)
    yaml.load((HERE / name).read_text(encoding="utf-8"), Loader=Strict)  # noqa: S506
