"""How the dashboard writes numbers, dates and quotes, and that no article text can
turn into markup."""

from __future__ import annotations

import math

import pytest

from dashboard import fmt


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (160000, "160,000"),
        (160000.0, "160,000"),
        (2.5, "2.5"),
        (1234567.25, "1,234,567.25"),
        (0, "0"),
        (None, ""),
        (math.nan, ""),
        ("", ""),
    ],
)
def test_numbers_have_thousands_separators(value: object, text: str) -> None:
    assert fmt.number(value) == text


@pytest.mark.parametrize(
    ("value", "low", "high", "qualifier", "text"),
    [
        (160000, None, None, "exact", "160,000"),
        (200000, None, None, "approx", "about 200,000"),
        (250, 250, None, "more_than", "more than 250"),
        (6, None, 6, "at_most", "at most 6"),
        (None, 200, 900, "vague", "200\u2013900"),
        (None, 14000, None, "more_than", "more than 14,000"),
        (None, None, 2000, "at_most", "at most 2,000"),
        (None, None, None, "vague", ""),
        (math.nan, math.nan, math.nan, "exact", ""),
    ],
)
def test_figures_in_words(
    value: object, low: object, high: object, qualifier: str, text: str
) -> None:
    assert fmt.figure(value, low, high, qualifier) == text


@pytest.mark.parametrize(
    ("iso", "text"),
    [
        ("2018-05-21", "21 May 2018"),
        ("2015-04-02", "2 April 2015"),
        ("2015-04", "April 2015"),
        ("2018", "2018"),
        ("before:2011", "before 2011"),
        ("", ""),
        (None, ""),
        ("2018-02-30", "2018-02-30"),
        ("soon", "soon"),
    ],
)
def test_dates_read_as_people_write_them(iso: object, text: str) -> None:
    assert fmt.date_text(iso) == text


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "**bold** _it_ `code` ~~gone~~",
        "$x^2$ costs $5",
        ":red[coloured] :material/home: :smile:",
        "# heading\n- item\n> quote",
        '=HYPERLINK("http://x")',
        "a\\*b",
    ],
)
def test_escaped_text_has_no_markup_left(hostile: str) -> None:
    out = fmt.escape_markdown(hostile)
    for ch in "<>[]()*_`~$:#=\\":
        # every markup character is escaped: preceded by a backslash
        for i, c in enumerate(out):
            if c == ch and ch != "\\":
                assert out[i - 1] == "\\", (hostile, out)
    assert out.replace("\\", "").replace("  \n", "\n") == hostile.replace("\\", "")


def test_escaping_keeps_paragraphs_and_line_breaks() -> None:
    assert fmt.escape_markdown("one\ntwo\n\nthree") == "one  \ntwo\n\nthree"


def test_highlight_bolds_exactly_the_span() -> None:
    text = "It was once home to 160,000 Palestinian refugees."
    start = text.index("160,000")
    end = start + len("160,000 Palestinian refugees")
    assert fmt.highlight(text, start, end) == (
        "It was once home to **160\\,000 Palestinian refugees**\\."
    )


@pytest.mark.parametrize(("start", "end"), [(None, None), (5, 3), (-1, 4), (0, 999)])
def test_highlight_without_a_valid_span_escapes_only(start: int | None, end: int | None) -> None:
    assert fmt.highlight("a *b* c", start, end) == fmt.escape_markdown("a *b* c")


def test_highlight_cannot_be_broken_out_of() -> None:
    text = "x **<b>y</b>** z"
    out = fmt.highlight(text, 2, 14)
    assert out.startswith("x **") and out.endswith("** z")
    assert "<b>" not in out and "\\<b\\>" in out


@pytest.mark.parametrize(
    ("quote", "phrase", "marked"),
    [
        ("just a few hundred remain", "a few hundred", "just \u27e6a few hundred\u27e7 remain"),
        ("Just A Few remain", "a few", "Just \u27e6A Few\u27e7 remain"),
        ("no match here", "zzz", "no match here"),
        ("", "only 18,000", "\u27e6only 18,000\u27e7"),
        ("", "", ""),
    ],
)
def test_quotes_mark_the_phrase_for_tables(quote: str, phrase: str, marked: str) -> None:
    assert fmt.quote_marked(quote, phrase) == marked


def test_long_quotes_are_cut_around_the_phrase() -> None:
    quote = "word " * 100 + "THE FIGURE" + " word" * 100
    out = fmt.quote_marked(quote, "THE FIGURE", limit=80)
    assert "\u27e6THE FIGURE\u27e7" in out
    assert out.startswith("\u2026") and out.endswith("\u2026")
    assert len(out) < 110


def test_quote_highlight_bolds_the_phrase_in_its_quote() -> None:
    assert fmt.quote_highlight("home to 160,000 people", "160,000 people") == (
        "home to **160\\,000 people**"
    )
    assert fmt.quote_highlight("", "only 18,000") == "**only 18\\,000**"


@pytest.mark.parametrize(
    ("n", "text"), [(1, "1 figure"), (0, "0 figures"), (12000, "12,000 figures")]
)
def test_plural(n: int, text: str) -> None:
    assert fmt.plural(n, "figure") == text


@pytest.mark.parametrize(
    ("around", "cut_before", "cut_after"), [(10, True, True), (1000, False, False)]
)
def test_a_window_around_the_figure(around: int, cut_before: bool, cut_after: bool) -> None:
    text = "Before the war some words here. It held 160,000 people then. After that many left."
    start = text.index("160,000 people")
    end = start + len("160,000 people")
    part, a, b = fmt.window(text, start, end, around=around)
    assert part[a:b] == "160,000 people"
    assert part.startswith("\u2026 ") is cut_before
    assert part.endswith(" \u2026") is cut_after
