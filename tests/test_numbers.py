"""Guards number reading: values, qualifier words bound to the number they precede, ranges, vague plurals,
and the kind that tells callers what is not a count; Hypothesis round trips and span invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.numbers import find_quantities, parse_quantity

# (id, text, span, value, qualifier, kind) for the first quantity found.
FIRST = [
    ("at_least", "At least 84 people died.", "At least 84", 84, "at_least", "count"),
    ("over_one_million", "over one million refugees", "over one million", 1_000_000, "at_least", "count"),
    ("millions", "millions of Afghans", "millions", 1_000_000, "at_least", "count"),
    ("nearly_two_dozen", "nearly two dozen houses", "nearly two dozen", 24, "approx", "count"),
    ("a_dozen", "a dozen guards", "a dozen", 12, "exact", "count"),
    ("dozens", "dozens were hurt", "dozens", 12, "at_least", "count"),
    ("scores", "scores of families", "scores", 20, "at_least", "count"),
    ("hundreds", "hundreds fled", "hundreds", 100, "at_least", "count"),
    ("thousands", "Thousands gathered.", "Thousands", 1000, "at_least", "count"),
    ("tens_of_thousands", "tens of thousands of people", "tens of thousands", 10_000, "at_least", "count"),
    (
        "hundreds_of_thousands",
        "hundreds of thousands left",
        "hundreds of thousands",
        100_000,
        "at_least",
        "count",
    ),
    ("half_a_million", "half a million returnees", "half a million", 500_000, "exact", "count"),
    ("decimal_scale", "1.5 million people", "1.5 million", 1_500_000, "exact", "count"),
    ("indian_grouping", "4,02,312 persons", "4,02,312", 402_312, "exact", "count"),
    ("point_grouping", "about 64.300 migrants", "about 64.300", 64_300, "approx", "count"),
    ("point_grouping_millions", "2.417.050 persons", "2.417.050", 2_417_050, "exact", "count"),
    ("point_decimal_before_scale", "1.125 million people", "1.125 million", 1_125_000, "exact", "count"),
    ("point_decimal_not_grouped", "a 12.5 share", "12.5", 13, "exact", "other"),
    ("western_grouping", "4,000 families", "4,000", 4000, "exact", "count"),
    ("twenty_six", "twenty-six people", "twenty-six", 26, "exact", "count"),
    (
        "compound_words",
        "one hundred and twenty-five men",
        "one hundred and twenty-five",
        125,
        "exact",
        "count",
    ),
    ("about", "about 90 people", "about 90", 90, "approx", "count"),
    ("some_distance", "some 75 kilometres away", "some 75", 75, "approx", "distance"),
    ("an_estimated", "an estimated 3.7 million", "an estimated 3.7 million", 3_700_000, "approx", "count"),
    ("up_to", "up to 300 people", "up to 300", 300, "at_most", "count"),
    ("as_many_as", "as many as 500 guests", "as many as 500", 500, "at_most", "count"),
    ("fewer_than", "fewer than 10 remain", "fewer than 10", 10, "at_most", "count"),
    ("more_than", "more than 2,000 homes", "more than 2,000", 2000, "at_least", "count"),
    ("between", "between 20 and 30 people", "between 20 and 30", 20, "at_least", "count"),
    ("hyphen_range", "20-30 people", "20-30", 20, "at_least", "count"),
    ("to_range", "20 to 30 people", "20 to 30", 20, "at_least", "count"),
    ("plus", "5,000-plus families", "5,000-plus", 5000, "at_least", "count"),
    ("or_more", "50 or more houses", "50 or more", 50, "at_least", "count"),
    ("percent", "70 percent of them", "70", 70, "exact", "percent"),
    ("percent_sign", "a 12% rise", "12", 12, "exact", "percent"),
    ("rupees", "150,000 rupees each", "150,000", 150_000, "exact", "money"),
    ("dollars", "$5 million in aid", "5 million", 5_000_000, "exact", "money"),
    ("dollars_m", "a $5m grant", "5m", 5_000_000, "exact", "money"),
    ("year_in", "in 2017 they left", "2017", 2017, "exact", "year"),
    ("year_since", "since 2021", "2021", 2021, "exact", "year"),
    ("decade", "in the 1990s", "1990s", 1990, "exact", "year"),
    ("aged", "a man aged 45", "45", 45, "exact", "age"),
    ("name_age", "Gul Bibi, 45, said she left.", "45", 45, "exact", "age"),
    ("year_old", "a 10-year-old girl", "10", 10, "exact", "age"),
    ("phone", "call 051-9207-400 today", "051-9207-400", 519_207_400, "exact", "other"),
    ("day_of_month", "on June 30 they left", "30", 30, "exact", "time"),
    ("day_first", "on 4 March they left", "4", 4, "exact", "time"),
    ("clock", "at 10:30 the blast", "10:30", 1030, "exact", "time"),
    ("ordinal_word", "the second phase", "second", 2, "exact", "ordinal"),
    ("ordinal_digits", "the 21st century", "21st", 21, "exact", "ordinal"),
    ("duration", "a 10-day campaign", "10", 10, "exact", "duration"),
    ("resolution", "Resolution 2254 says", "2254", 2254, "exact", "other"),
    ("count_not_year", "about 2000 refugees", "about 2000", 2000, "approx", "count"),
    ("fraction", "two-thirds of them", "two", 2, "exact", "other"),
    ("ratio", "one in five children", "one", 1, "exact", "other"),
    ("no_one", "No one was hurt.", "one", 1, "exact", "other"),
    ("currency_attached", "Rs3 billion in aid", "3 billion", 3_000_000_000, "exact", "money"),
    ("million_abbrev", "1.5m refugees", "1.5m", 1_500_000, "exact", "count"),
    ("metres", "a 5m wall", "5m", 5, "exact", "distance"),
    ("iso_date", "on 2024-01-03 they left", "2024-01-03", 20240103, "exact", "time"),
    ("more_than_a_dozen", "more than a dozen homes", "more than a dozen", 12, "at_least", "count"),
    ("over_a_million", "over a million Afghans", "over a million", 1_000_000, "at_least", "count"),
    ("year_shape_count", "a total of 1900 people", "1900", 1900, "exact", "count"),
    ("year_before_noun", "the 2023 floods", "2023", 2023, "exact", "year"),
    ("year_range", "between 2019 and 2021", "between 2019 and 2021", 2019, "exact", "year"),
    ("mln", "4.4 mln people", "4.4 mln", 4_400_000, "exact", "count"),
    ("several_dozen", "several dozen homes", "several dozen", 12, "at_least", "count"),
    ("exact_decimal", "1.15 million people", "1.15 million", 1_150_000, "exact", "count"),
    ("children_under_five", "children under five were sick", "under five", 5, "at_most", "age"),
    ("age_of", "under the age of 18", "18", 18, "exact", "age"),
    ("ordinal_day", "on June 30th they left", "30th", 30, "exact", "time"),
    ("space_grouped", "almost 26 000 detections", "almost 26 000", 26_000, "approx", "count"),
    ("space_grouped_millions", "Austria (1 234 567 people)", "1 234 567", 1_234_567, "exact", "count"),
    ("signed_in_parens", "Slovakia (+6 432; +1.8 per cent)", "6 432", 6432, "exact", "count"),
    ("parenthesized", "the camp (300 families) flooded", "300", 300, "exact", "count"),
    (
        "range_words_share_scale",
        "five to six million Afghans",
        "five to six million",
        5_000_000,
        "at_least",
        "count",
    ),
    ("range_decimal_share_scale", "1.5-2 million people", "1.5-2 million", 1_500_000, "at_least", "count"),
    (
        "hyphenated_scale",
        "more than 14-million people",
        "more than 14-million",
        14_000_000,
        "at_least",
        "count",
    ),
    ("title_code", "expelled under Title 42", "42", 42, "exact", "other"),
    ("named_year", "during the Persian year 1403", "1403", 1403, "exact", "year"),
    (
        "digit_run",
        "ref 1234567890123456789 filed",
        "1234567890123456789",
        1234567890123456789,
        "exact",
        "other",
    ),
]


@pytest.mark.parametrize(
    ("text", "span", "value", "qualifier", "kind"), [c[1:] for c in FIRST], ids=[c[0] for c in FIRST]
)
def test_first_quantity(text: str, span: str, value: int, qualifier: str, kind: str) -> None:
    q = find_quantities(text)[0]
    assert (text[q.start : q.end], q.value, q.qualifier, q.kind) == (span, value, qualifier, kind)


def test_qualifier_binds_to_next_number_only() -> None:
    text = "at least 84 killed and 284 injured"
    got = [(text[q.start : q.end], q.value, q.qualifier) for q in find_quantities(text)]
    assert got == [("at least 84", 84, "at_least"), ("284", 284, "exact")]


def test_space_grouping_stops_at_a_day_of_the_month() -> None:
    text = "On May 3 500 families left."
    assert [(q.value, q.kind) for q in find_quantities(text)] == [(3, "time"), (500, "count")]


def test_date_numbers_are_not_counts() -> None:
    text = "On March 4, 2025, 300 families returned."
    got = [(q.value, q.kind) for q in find_quantities(text)]
    assert got == [(4, "time"), (2025, "year"), (300, "count")]


@pytest.mark.parametrize(
    "text", ["F-16 jets", "COVID-19 cases", "the M23 group"], ids=["f16", "covid", "m23"]
)
def test_codes_give_no_count(text: str) -> None:
    assert all(q.kind != "count" for q in find_quantities(text))


PARSE = [
    ("plain", "84", (84, "exact")),
    ("at_least", "at least 84", (84, "at_least")),
    ("words", "two dozen", (24, "exact")),
    ("vague", "thousands", (1000, "at_least")),
    ("approx", "roughly 1.2 million", (1_200_000, "approx")),
]


@pytest.mark.parametrize(("text", "want"), [c[1:] for c in PARSE], ids=[c[0] for c in PARSE])
def test_parse_quantity(text: str, want: tuple[int, str]) -> None:
    assert parse_quantity(text) == want


def test_parse_quantity_none() -> None:
    assert parse_quantity("no numbers here") is None


@given(st.integers(min_value=0, max_value=10**12), st.booleans())
def test_round_trip_formatted_ints(n: int, commas: bool) -> None:
    s = f"{n:,}" if commas else str(n)
    assert parse_quantity(s) == (n, "exact")


@given(st.text(max_size=200))
def test_never_raises_spans_inside_and_disjoint(text: str) -> None:
    last = 0
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= last
        last = q.end
