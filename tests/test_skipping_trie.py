"""Guards ``lexicon.skipping_trie``: the pattern that starts with a character class (so that
``re`` can skip ahead) finds exactly the matches of the plain look-behind + trie pattern, in
either case mode and with a narrower first class."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.lexicon import skipping_trie, trie_pattern

_AFTER = r"(?![\w]|\.\w)"


def _atoms(phrase: str) -> tuple[str, ...]:
    return tuple(r"\s+" if ch == " " else re.escape(ch) for ch in phrase)


def _both(phrases: list[str], flags: int, first: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    seqs = [_atoms(p) for p in phrases]
    plain = (f"(?={first})" if first else "") + r"(?<![\w.])(?:" + trie_pattern(seqs) + ")" + _AFTER
    return re.compile(plain, flags), re.compile(skipping_trie(seqs, r"[\w.]", first) + _AFTER, flags)


CASES = [
    ("acronyms", ["US", "U.S.", "UK", "UN"], "The US and the U.S.A. met UN staff; USA, US. UK.x", 0, None),
    ("inside_word", ["Iran"], "Iranian Iran xIran .Iran Iran", 0, None),
    ("capital_first", ["iran", "iraq"], "IRAN, iran and Iraq; Iran.", re.IGNORECASE, "(?-i:[A-Z])"),
    ("start_of_text", ["ab"], "ab ab", 0, None),
]


@pytest.mark.parametrize(
    ("phrases", "text", "flags", "first"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_same_matches_as_plain_pattern(phrases: list[str], text: str, flags: int, first: str | None) -> None:
    plain, skipping = _both(phrases, flags, first)
    assert [m.span() for m in skipping.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_rejects_a_first_atom_wider_than_a_character() -> None:
    with pytest.raises(ValueError, match="single character"):
        skipping_trie([(r"\s+", "a")], r"[\w]")


_ALPHABET = "abAB.x -"


@given(
    st.lists(
        st.text("abAB.", min_size=1, max_size=1).flatmap(
            lambda c: st.text(_ALPHABET, max_size=4).map(lambda rest: c + rest)
        ),
        min_size=1,
        max_size=6,
    ),
    st.text(_ALPHABET + "\n", max_size=30),
    st.booleans(),
    st.booleans(),
)
def test_every_text_matches_like_plain(
    phrases: list[str], text: str, ignore_case: bool, capital: bool
) -> None:
    first = "(?-i:[AB.])" if capital else None
    plain, skipping = _both(phrases, re.IGNORECASE if ignore_case else 0, first)
    assert [m.span() for m in skipping.finditer(text)] == [m.span() for m in plain.finditer(text)]
