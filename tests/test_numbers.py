"""Number phrases: value, bounds, qualifier, span. Cases grouped by where they come from."""

from __future__ import annotations

import pytest

from extract.numbers import find_numbers, words_value

# (text, phrase found, value, low, high, qualifier)
SEEDS = [
    ("Once home to some 160,000 Palestinian", "some 160,000", 160000, None, None, "approx"),
    ("had shrunk to just 18,000 by the time", "just 18,000", 18000, None, None, "exact"),
    ("As many as six people were", "As many as six", 6, None, 6, "at_most"),
    ("More than two dozen buses remained", "More than two dozen", 24, 24, None, "more_than"),
    ("but just a few hundred remain", "just a few hundred", None, 200, 900, "vague"),
    ("ousted tens of thousands of rebels", "tens of thousands", None, 20000, 99999, "vague"),
    ("dwindled further to just several hundred.", "just several hundred", None, 200, 900, "vague"),
    ("killed several dozen IS fighters", "several dozen", None, 24, 108, "vague"),
    ("the thriving 160,000-strong population", "160,000", 160000, None, None, "exact"),
    ("from an estimated 200,000 people", "an estimated 200,000", 200000, None, None, "approx"),
    ("UNRWA say thousands are trapped", "thousands", None, 2000, 9999, "vague"),
]
OTHER_STYLES = [
    ("including 1.4 million in Germany", "1.4 million", 1_400_000, None, None, "exact"),
    ("Thirty people died", "Thirty", 30, None, None, "exact"),
    ("seventeen were hurt", "seventeen", 17, None, None, "exact"),
    ("twenty-five civilians", "twenty-five", 25, None, None, "exact"),
    ("two hundred and fifty families", "two hundred and fifty", 250, None, None, "exact"),
    ("between 200 and 300 people", "between 200 and 300", None, 200, 300, "approx"),
    ("at least 23 people", "at least 23", 23, 23, None, "more_than"),
    ("up to 40 buses", "up to 40", 40, None, 40, "at_most"),
    ("fewer than 100 remain", "fewer than 100", 100, None, 100, "at_most"),
    ("nearly half a million refugees", "nearly half a million", 500_000, None, None, "approx"),
    ("about 8 million", "about 8 million", 8_000_000, None, None, "approx"),
    ("a dozen children", "a dozen", 12, None, None, "approx"),
    ("over 3,000 people", "over 3,000", 3000, 3000, None, "more_than"),
    ("Death toll climbs past 300 as", "past 300", 300, 300, None, "more_than"),
    ("a handful of residents", "a handful", None, 3, 9, "vague"),
    ("hundreds of thousands fled", "hundreds of thousands", None, 200_000, 999_999, "vague"),
]
# Letters outside ASCII that a case-insensitive match reads as ASCII ones
LOOKALIKES = [
    ("2 b\u0131llion people", "2 b\u0131llion", 2_000_000_000, None, None, "exact"),
    ("4 m\u0130llion people", "4 m\u0130llion", 4_000_000, None, None, "exact"),
    ("3 thou\u017fand people", "3 thou\u017fand", 3000, None, None, "exact"),
    ("1.5 lakh\u017f people", "1.5 lakh\u017f", 150_000, None, None, "exact"),
]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "low", "high", "qualifier"),
    [pytest.param(*c, id=f"seed:{c[1]}") for c in SEEDS]
    + [pytest.param(*c, id=f"other:{c[1]}") for c in OTHER_STYLES]
    + [pytest.param(*c, id=f"lookalike:{c[0]}") for c in LOOKALIKES],
)
def test_number_phrase(
    text: str,
    phrase: str,
    value: float | None,
    low: float | None,
    high: float | None,
    qualifier: str,
) -> None:
    found = find_numbers(text)
    assert found, text
    n = found[0]
    assert text[n.start : n.end] == phrase
    assert (n.value, n.low, n.high, n.qualifier) == (value, low, high, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "24/7 Live",
        "+233507713497",
        "COVID-19 cases",
        "$5 million",
        "12% funded",
        "at 3:40 a.m.",
        "F-16 jets",
        "#3",
        "version 2.0.1",
    ],
)
def test_glued_forms_are_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("six", 6),
        ("two dozen", 24),
        ("one hundred and fifty", 150),
        ("a thousand", 1000),
        ("three million", 3_000_000),
        ("ninety-nine", 99),
        ("five hundred thousand", 500_000),
        ("dozen", 12),
        ("banana", None),
    ],
)
def test_words_value(phrase: str, value: float | None) -> None:
    assert words_value(phrase) == value


def test_five_and_six_are_two_numbers() -> None:
    assert [n.value for n in find_numbers("five and six")] == [5, 6]


def test_long_digit_runs_are_not_counts() -> None:
    assert find_numbers("1" * 40) == []
