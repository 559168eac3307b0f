"""``extract_figures`` never raises, and every figure it returns is well formed, whatever
the text: arbitrary unicode, number-ish soup, and a table of known nasty lines."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import Figure, Source, extract_figures
from extract.figure import CATEGORIES, QUALIFIERS

NASTY = Path(__file__).resolve().parent / "data" / "never_crash.txt"
SOURCES = (None, Source(), Source(article="a.txt", published="2024-03-01", wire="Reuters"))


def check_figures(text: str, figures: list[Figure]) -> None:
    """Fail unless every figure points into ``text`` and holds sane numbers."""
    assert isinstance(figures, list)
    for f in figures:
        assert isinstance(f, Figure)
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start : f.end] == f.text, f
        for number in (f.value, f.low, f.high):
            assert number is None or (math.isfinite(number) and number >= 0), f
        if f.low is not None and f.high is not None:
            assert f.low <= f.high, f
        assert f.category in (*CATEGORIES, "other"), f
        assert f.qualifier in QUALIFIERS, f


WORDS = (
    "killed", "dead", "died", "wounded", "injured", "evacuated", "displaced", "fled",
    "refugees", "residents", "people", "civilians", "buses", "families", "children",
    "thousands", "hundreds", "dozens", "tens of thousands", "a few", "several", "scores",
    "more than", "at least", "up to", "about", "nearly", "between", "and", "to", "from",
    "some", "an estimated", "as many as", "once home to", "dwindled", "said", "told",
    "according to", "the UN", "Reuters", "Monday", "March", "in", "of", "one", "two",
    "hundred", "thousand", "million", "a dozen", "aged", "percent", "%", "year-old",
    "Related Articles", "Subscribe", "Mr.", "U.N.", "No.", "the agency said", "he said",
    "the monitor said", "she told AFP", "spokesman", "the Observatory", "'s", "which",
)  # fmt: skip
PUNCT = (" ", " ", " ", "\n", "\n\n", ", ", ". ", "; ", " - ", "\u2013", '"', "\u201c",
         "\u201d", "'", "(", ")", ":", "!", "?", "\t", "\u00a0", "\u200b")  # fmt: skip

digits = st.integers(min_value=0, max_value=10**15).map(str)
grouped = st.integers(min_value=0, max_value=10**15).map(lambda n: f"{n:,}")
decimal = st.tuples(st.integers(0, 10**6), st.integers(0, 999)).map(lambda t: f"{t[0]}.{t[1]}")
numberish = st.one_of(
    digits,
    grouped,
    decimal,
    st.from_regex(r"[0-9][0-9,.]{0,14}", fullmatch=True),
    st.sampled_from(("1e10", "0.0.0", "1,,,2", "5%", "24/7", "12:30", "1990s", "5m", "3bn",
                     "$5", "\u20ac10", "-5", "+1", "10-year-old", "160,000-strong",
                     "\u0661\u0662\u0663", "\uff15")),
)  # fmt: skip
figureish = st.tuples(
    st.sampled_from(("", "more than ", "at least ", "about ", "up to ", "some ", "between ")),
    st.one_of(numberish, st.sampled_from(("two dozen", "a hundred", "thousands of", "dozens of"))),
    st.sampled_from((" people", " civilians", " refugees", " buses", " families", " others", "")),
    st.sampled_from((" were killed", " died", " wounded", " fled", " evacuated", " live", "")),
).map("".join)
fragment = st.one_of(
    figureish,
    numberish,
    st.sampled_from(WORDS),
    st.sampled_from(PUNCT),
    st.text(max_size=8),
)
news_soup = st.lists(st.tuples(fragment, st.sampled_from(PUNCT)), max_size=60).map(
    lambda parts: "".join(a + b for a, b in parts)
)


@settings(max_examples=300, deadline=None)
@given(text=st.text(), source=st.sampled_from(SOURCES))
def test_arbitrary_text_never_crashes(text: str, source: Source | None) -> None:
    check_figures(text, extract_figures(text, source))


@settings(max_examples=300, deadline=None)
@given(text=news_soup, source=st.sampled_from(SOURCES))
def test_number_and_cue_soup_never_crashes(text: str, source: Source | None) -> None:
    check_figures(text, extract_figures(text, source))


def _nasty_lines() -> list[str]:
    lines = NASTY.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


NASTY_LINES = _nasty_lines()


def test_nasty_table_is_substantial() -> None:
    assert len(NASTY_LINES) >= 60
    assert len(set(NASTY_LINES)) == len(NASTY_LINES)


@pytest.mark.parametrize("line", NASTY_LINES, ids=[f"line{i + 1}" for i in range(len(NASTY_LINES))])
@pytest.mark.parametrize("source", SOURCES, ids=["no-source", "empty-source", "dated-source"])
def test_nasty_line_never_crashes(line: str, source: Source | None) -> None:
    check_figures(line, extract_figures(line, source))


@pytest.mark.parametrize("separator", ["\n", "\n\n", " "], ids=["lines", "paragraphs", "one-line"])
def test_nasty_lines_as_one_article(separator: str) -> None:
    text = separator.join(NASTY_LINES)
    check_figures(text, extract_figures(text, SOURCES[2]))


def test_checker_rejects_a_misplaced_span() -> None:
    text = "At least 37 people were killed on Monday."
    figures = extract_figures(text)
    assert figures
    shifted = [Figure(**{**f.__dict__, "start": f.start + 1, "end": f.end + 1}) for f in figures]
    with pytest.raises(AssertionError):
        check_figures(text, shifted)
