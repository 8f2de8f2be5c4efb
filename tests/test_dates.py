"""Guards time-expression resolution against the publication date: every row of the contract's
"Dates and periods" table, weekdays, ranges and vague expressions; Hypothesis: never raises, first <= last."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.dates import find_recent_spans, find_time_exprs, resolve_time_expr

D = dt.date
P = D(2025, 3, 20)  # a Thursday

RESOLVE = [
    ("in_year", "in 2024", D(2024, 1, 1), D(2024, 12, 31)),
    ("last_year", "last year", D(2024, 1, 1), D(2024, 12, 31)),
    ("this_year", "this year", D(2025, 1, 1), P),
    ("in_month", "in March", D(2025, 3, 1), D(2025, 3, 31)),
    ("in_month_past", "in December", D(2024, 12, 1), D(2024, 12, 31)),
    ("in_month_year", "in March 2025", D(2025, 3, 1), D(2025, 3, 31)),
    ("last_month", "last month", D(2025, 2, 1), D(2025, 2, 28)),
    ("month_last_year", "in June last year", D(2024, 6, 1), D(2024, 6, 30)),
    ("month_of_last_year", "in January of last year", D(2024, 1, 1), D(2024, 1, 31)),
    ("last_named_month_this_year", "last February", D(2025, 2, 1), D(2025, 2, 28)),
    ("last_named_month_year_before", "last June", D(2024, 6, 1), D(2024, 6, 30)),
    ("last_week", "last week", D(2025, 3, 10), D(2025, 3, 16)),
    ("hedged_span_just_over_a_month", "in just over a month", D(2025, 2, 20), P),
    ("hedged_span_almost_n_weeks", "in almost three weeks", D(2025, 2, 27), P),
    ("hedged_span_less_than_n_days", "in less than ten days", D(2025, 3, 10), P),
    ("hedged_span_under_a_week", "in under a week", D(2025, 3, 13), P),
    ("past_fortnight", "over the past fortnight", D(2025, 3, 6), P),
    ("first_fortnight_of_month", "in the first fortnight of February", D(2025, 2, 1), D(2025, 2, 14)),
    ("last_week_of_month", "in the last week of February", D(2025, 2, 22), D(2025, 2, 28)),
    ("first_half_of_month", "in the first half of February", D(2025, 2, 1), D(2025, 2, 15)),
    ("second_half_of_month_year", "the second half of May 2024", D(2024, 5, 16), D(2024, 5, 31)),
    ("sentence_start_the_first", "The first week of January", D(2025, 1, 1), D(2025, 1, 7)),
    ("this_week", "this week", D(2025, 3, 17), P),
    ("fiscal_year_ended_day", "the fiscal year that ended on Sept. 30", D(2023, 10, 1), D(2024, 9, 30)),
    ("fiscal_year_ending_day_year", "the fiscal year ending June 30, 2023", D(2022, 7, 1), D(2023, 6, 30)),
    ("fiscal_year_number", "in fiscal year 2023", D(2022, 10, 1), D(2023, 9, 30)),
    ("fy_number", "FY2024", D(2023, 10, 1), D(2024, 9, 30)),
    ("fiscal_short_year", "in fiscal 2022", D(2021, 10, 1), D(2022, 9, 30)),
    ("since_fiscal_year", "since FY2019", D(2018, 10, 1), P),
    ("so_far_in_fiscal_year", "so far in fiscal year 2025", D(2024, 10, 1), P),
    ("past_fiscal_year", "in the past fiscal year", D(2023, 10, 1), D(2024, 9, 30)),
    ("most_recent_fiscal_year", "during the most recent fiscal year", D(2023, 10, 1), D(2024, 9, 30)),
    ("first_quarters_of_fiscal_year", "the first three quarters of FY 2016", D(2015, 10, 1), D(2016, 6, 30)),
    ("first_months_of_short_fy", "the first seven months of FY24", D(2023, 10, 1), D(2024, 4, 30)),
    ("day_span_em_dash", "between 24\u201430 June 2018", D(2018, 6, 24), D(2018, 6, 30)),
    ("year_to_date", "year to date", D(2025, 1, 1), P),
    ("since_month", "since September", D(2024, 9, 1), P),
    ("since_day", "since April 1", D(2024, 4, 1), P),
    ("since_year", "since 2021", D(2021, 1, 1), P),
    ("since_war_began", "since the war began in April 2023", D(2023, 4, 1), P),
    ("past_n_days", "over the past two days", D(2025, 3, 18), P),
    ("last_n_weeks", "in the last three weeks", D(2025, 2, 27), P),
    ("past_n_months", "in the past six months", D(2024, 9, 20), P),
    ("past_week", "the past week", D(2025, 3, 13), P),
    ("past_24_hours", "in the past 24 hours", D(2025, 3, 19), P),
    ("past_month", "over the past month", D(2025, 2, 20), P),
    ("past_year", "in the past year", D(2024, 3, 20), P),
    ("yesterday", "yesterday", D(2025, 3, 19), D(2025, 3, 19)),
    ("on_weekday", "on Tuesday", D(2025, 3, 18), D(2025, 3, 18)),
    ("weekday_possessive", "Wednesday's attack", D(2025, 3, 19), D(2025, 3, 19)),
    ("weekday_is_today", "on Thursday", P, P),
    ("on_day", "on March 4", D(2025, 3, 4), D(2025, 3, 4)),
    ("on_day_future_goes_back", "on March 24", D(2024, 3, 24), D(2024, 3, 24)),
    ("month_day_year", "March 4, 2025", D(2025, 3, 4), D(2025, 3, 4)),
    ("day_month_year", "4 March 2025", D(2025, 3, 4), D(2025, 3, 4)),
    ("range_days", "between March 8 and March 14, 2025", D(2025, 3, 8), D(2025, 3, 14)),
    ("range_compact", "March 8-14", D(2025, 3, 8), D(2025, 3, 14)),
    ("range_months", "between January and March 2025", D(2025, 1, 1), D(2025, 3, 31)),
    ("decade", "in the 1990s", D(1990, 1, 1), D(1999, 12, 31)),
    ("days_ago", "three days ago", D(2025, 3, 17), D(2025, 3, 17)),
    ("few_hours_ago_is_today", "a few hours ago", P, P),
    ("easter_sunday_latest_before_publication", "on Easter Sunday", D(2024, 3, 31), D(2024, 3, 31)),
    ("christmas_day_last_year", "Christmas Day", D(2024, 12, 25), D(2024, 12, 25)),
    ("hours_ago_past_a_day", "48 hours ago", D(2025, 3, 18), D(2025, 3, 18)),
    ("iso", "2025-03-04", D(2025, 3, 4), D(2025, 3, 4)),
    ("since_clause_month_year", "since the fighting broke out in April 2023", D(2023, 4, 1), P),
    ("since_clause_day", "since the government fell on December 8", D(2024, 12, 8), P),
    ("since_clause_weekday", "since gunmen stormed the camp on Friday", D(2025, 3, 14), P),
    ("since_weekday", "since Saturday", D(2025, 3, 15), P),
    ("since_start_of_year", "since the start of the year", D(2025, 1, 1), P),
    ("first_weeks_of_month", "in the first three weeks of January", D(2025, 1, 1), D(2025, 1, 21)),
    ("first_half", "in the first half of 2019", D(2019, 1, 1), D(2019, 6, 30)),
    ("year_list", "in 2021 and 2022", D(2021, 1, 1), D(2022, 12, 31)),
    ("last_weekend", "last weekend", D(2025, 3, 15), D(2025, 3, 16)),
    ("month_mid", "in mid-March", D(2025, 3, 1), D(2025, 3, 31)),
    ("next_year", "next year", D(2026, 1, 1), D(2026, 12, 31)),
    ("since_decade", "since the 1980s", D(1980, 1, 1), P),
    ("huge_period", "over the past 90000 years", None, None),
    ("range_across_months_dash", "between January 1-July 22, 2021", D(2021, 1, 1), D(2021, 7, 22)),
    ("month_year_range_dash", "(March 2024-March 2025)", D(2024, 3, 1), D(2025, 3, 31)),
    ("range_months_sentence_start", "Between January and March, 2025", D(2025, 1, 1), D(2025, 3, 31)),
    ("week_to_day", "in the week to March 7", D(2025, 3, 1), D(2025, 3, 7)),
    ("first_months_of_year", "in the first five months of 2019", D(2019, 1, 1), D(2019, 5, 31)),
    ("year_range_sentence_start", "From 2016 to 2019", D(2016, 1, 1), D(2019, 12, 31)),
    ("year_to_month_of_later_year", "from 2021 to October 2024", D(2021, 1, 1), D(2024, 10, 31)),
    ("between_year_and_month", "Between 2022 and March 2024", D(2022, 1, 1), D(2024, 3, 31)),
]


@pytest.mark.parametrize(("text", "first", "last"), [c[1:] for c in RESOLVE], ids=[c[0] for c in RESOLVE])
def test_resolve(text: str, first: dt.date | None, last: dt.date | None) -> None:
    want = None if first is None else (first, last)
    assert resolve_time_expr(text, P) == want


def test_since_before_a_passive_participle_is_an_adverb() -> None:
    text = "Figures since released by the ministry show that in 2023 some 900 people left."
    got = [(text[t.start : t.end], t.first, t.last) for t in find_time_exprs(text, P)]
    assert got == [("in 2023", D(2023, 1, 1), D(2023, 12, 31))]


@pytest.mark.parametrize(
    "text",
    ["recently", "for decades", "in recent years", "in the past few days"],
    ids=["recently", "decades", "recent_years", "few_days"],
)
def test_vague_has_no_dates(text: str) -> None:
    found = find_time_exprs(text, P)
    assert len(found) == 1
    assert (found[0].start, found[0].end, found[0].first, found[0].last) == (0, len(text), None, None)


def test_span_in_sentence() -> None:
    text = "Officials said on Wednesday that 300 families had returned since January."
    got = [(text[t.start : t.end], t.first, t.last) for t in find_time_exprs(text, P)]
    assert got == [("on Wednesday", D(2025, 3, 19), D(2025, 3, 19)), ("since January", D(2025, 1, 1), P)]


RECENT = [
    ("just_a_week", "fled in just a week", "in just a week", D(2025, 3, 13)),
    ("n_days", "reported 900 arrivals in two days", "in two days", D(2025, 3, 18)),
    ("space_of", "crossed in the space of three weeks", "in the space of three weeks", D(2025, 2, 27)),
    ("of_fighting", "fled in two weeks of fighting", None, None),
    ("following", "returned within five days following the ceasefire", None, None),
    ("forecast", "will be moved in a week or two", None, None),
]


@pytest.mark.parametrize(("text", "span", "first"), [c[1:] for c in RECENT], ids=[c[0] for c in RECENT])
def test_recent_span(text: str, span: str | None, first: dt.date | None) -> None:
    got = [(text[t.start : t.end], t.first, t.last) for t in find_recent_spans(text, P)]
    assert got == ([] if span is None else [(span, first, P)])


def test_fortnight_ago_stays_vague() -> None:
    assert resolve_time_expr("about a fortnight ago", P) is None


def test_relative_needs_published() -> None:
    found = find_time_exprs("last year and in 2024", None)
    assert [(t.first, t.last) for t in found] == [(None, None), (D(2024, 1, 1), D(2024, 12, 31))]


@pytest.mark.parametrize(
    "text", ["May be later.", "They march on.", "a 2,024 tally"], ids=["may", "march", "count"]
)
def test_not_dates(text: str) -> None:
    assert find_time_exprs(text, P) == []


@given(st.text(max_size=200), st.dates(min_value=D(1950, 1, 1), max_value=D(2100, 12, 31)))
def test_never_raises_first_before_last(text: str, published: dt.date) -> None:
    last_end = 0
    for t in find_time_exprs(text, published):
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= last_end
        last_end = t.end
        if t.first is not None and t.last is not None:
            assert t.first <= t.last


PHRASES = st.sampled_from(
    [
        "last year",
        "this week",
        "since September",
        "over the past two days",
        "on Monday",
        "in March",
        "between March 8 and March 14",
        "yesterday",
        "past 24 hours",
        "since April 1",
    ]
)


@given(PHRASES, st.dates(min_value=D(1950, 1, 1), max_value=D(2100, 12, 31)))
def test_known_phrases_resolve_in_order(phrase: str, published: dt.date) -> None:
    got = resolve_time_expr(phrase, published)
    assert got is not None and got[0] <= got[1]


def _full_scan(text: str, published: dt.date) -> list[tuple[int, int, dt.date | None, dt.date | None]]:
    """Reference: every rule over the whole text, longest match first (what the fast path must equal)."""
    from transforms import dates

    cands = []
    for prio, (rx, handler) in enumerate(dates._RULES):
        for m in rx.finditer(text):
            try:
                first, last = handler(m, published)
            except (ValueError, OverflowError):  # runs off the calendar: no range, as in production
                first, last = None, None
            if first is not None and last is not None and first > last:
                first, last = None, None
            cands.append((m.start(), m.end(), prio, first, last))
    cands.sort(key=lambda c: (c[0], c[0] - c[1], c[2]))
    out, last_end = [], -1
    for start, end, _prio, first, last in cands:
        if start >= last_end:
            out.append((start, end, first, last))
            last_end = end
    return out


WORDS = st.sampled_from(
    [
        "in",
        "on",
        "since",
        "the",
        "past",
        "last",
        "this",
        "over",
        "between",
        "and",
        "to",
        "from",
        "March",
        "May",
        "4",
        "14",
        "2023",
        "2024",
        "1990s",
        "Wednesday",
        "weeks",
        "days",
        "two",
        "three",
        "ago",
        "yesterday",
        "recently",
        "first",
        "half",
        "of",
        "year",
        "month",
        "early",
        "mid-",
        ",",
        ".",
        "war",
        "began",
        "fighters",
        "stormed",
        "it",
        "Saturday",
        "weekend",
        "decades",
        "for",
        # two first characters of every case shape (rules are tried by the first two characters of
        # a start): capitals, sentence case, dashes, ordinals, abbreviations
        "LAST",
        "Since",
        "The",
        "In",
        "\u2013",
        "-",
        "1st",
        "12th",
        "Jan.",
        "Sept",
        "until",
        "through",
        "next",
        "earlier",
        "FY2024",
        "fiscal",
        "Easter",
        "date",
    ]
)


@given(st.lists(WORDS, max_size=25), st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)))
def test_fast_path_equals_full_scan(words: list[str], published: dt.date) -> None:
    text = " ".join(words)
    got = [(t.start, t.end, t.first, t.last) for t in find_time_exprs(text, published)]
    assert got == _full_scan(text, published)
