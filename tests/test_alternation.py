"""Guards ``lexicon.ordered_alternation``: the factored regex matches exactly what the plain
``"|".join`` alternation matches, at every position, in either case mode."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.lexicon import ordered_alternation


def _atoms(phrase: str) -> tuple[str, ...]:
    return tuple(r"\s+" if ch == " " else re.escape(ch) for ch in phrase)


def _both(phrases: list[str], flags: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    plain = "|".join("".join(_atoms(p)) for p in phrases)
    factored = ordered_alternation([_atoms(p) for p in phrases], ignore_case=bool(flags & re.IGNORECASE))
    wrap = r"(?<![\w])(?:{})(?![\w])"
    return re.compile(wrap.format(plain), flags), re.compile(wrap.format(factored), flags)


CASES = [
    ("prefix_order", ["fled", "fled to", "flee"], "They fled to Iran and fled home", 0),
    ("shorter_first", ["go", "go back"], "we go back", 0),
    ("ignore_case", ["Returned", "return", "returnees"], "RETURNEES returned Return", re.IGNORECASE),
    ("hyphen", ["cross-border", "cross"], "a cross-border raid, cross it", 0),
]


@pytest.mark.parametrize(("phrases", "text", "flags"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_same_matches_as_plain_alternation(phrases: list[str], text: str, flags: int) -> None:
    plain, factored = _both(phrases, flags)
    assert [m.span() for m in factored.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_factors_shared_first_letters() -> None:
    assert ordered_alternation([_atoms("ab"), _atoms("ac"), _atoms("b")]) == "a(?:b|c)|b"


_ALPHABET = "abAB -."


@given(
    st.lists(st.text(_ALPHABET, min_size=1, max_size=5), min_size=1, max_size=8),
    st.text(_ALPHABET + "x", max_size=30),
    st.booleans(),
)
def test_every_position_matches_like_plain(phrases: list[str], text: str, ignore_case: bool) -> None:
    plain, factored = _both(phrases, re.IGNORECASE if ignore_case else 0)
    for pos in range(len(text) + 1):
        a, b = plain.match(text, pos), factored.match(text, pos)
        assert (a and a.span()) == (b and b.span())
