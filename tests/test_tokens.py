"""Word and punctuation tokens: what ``tokenize`` cuts a sentence into, with offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.attribution import _TOKEN, tokenize

CASES = [
    ("killed 1,200 people.", ["killed", "1,200", "people", "."]),
    ("U.S. officials said", ["U.S.", "officials", "said"]),
    ("Syria's north", ["Syria's", "north"]),
    ("Syria\u2019s north", ["Syria\u2019s", "north"]),
    ("near Bab al-Hawa,", ["near", "Bab", "al-Hawa", ","]),
    ('"We fled," she said.', ['"', "We", "fled", ",", '"', "she", "said", "."]),
    ("(AFP) -", ["(", "AFP", ")", "-"]),
    ("snake_case _x 7_", ["snake_case", "x", "7"]),  # "_" starts no token
    ("\u03b1\u03b2 K\u00f6ln caf\u00e9", ["K\u00f6ln", "caf\u00e9"]),  # Greek starts none
    ("1.4 million", ["1.4", "million"]),
    ("tab\tand\u00a0no-break", ["tab", "and", "no-break"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_tokens(text: str, want: list[str]) -> None:
    toks = tokenize(text, 10)
    assert [t.text for t in toks] == want
    for t in toks:
        assert text[t.start - 10 : t.end - 10] == t.text


PIECES = ["a", "b", "A", "Z", ".", ",", "'", "\u2019", "s", "1", "2", "_", "-", "&", '"',
          "\u00e9", "\u03b1", "\u4e00", "\u00b2", "\u0663", " ", "  ", "\t", "\n", "\u00a0",
          "\u2003", "\x1c", "U.S.", "'s "]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.integers(0, 50))
def test_tokens_are_what_the_pattern_finds(text: str, offset: int) -> None:
    """Splitting at white space first gives the tokens a scan of the whole text with the
    token pattern gives, at the same offsets."""
    got = [(t.text, t.start, t.end) for t in tokenize(text, offset)]
    want = [(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]
    assert got == want
