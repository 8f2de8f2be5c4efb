"""Number expressions in text: value, qualifier and kind, with character spans.

``find_quantities`` finds digits (``4,000``, Indian ``4,02,312``, ``1.5 million``),
number words (``twenty-six``, ``two dozen``, ``half a million``) and vague plurals
(``thousands``, ``tens of thousands``) and reads the qualifier words bound to each
(``at least 84`` is 84 ``at_least``; ranges give their lower bound, ``at_least``).
``kind`` says what a number measures so callers can skip what is not a count:
percent, money, distance, duration, year, ordinal, age, time (clock times and
day-of-month) or other (phone numbers, codes like "Resolution 2254").
Vocabulary lives in ``data/number_words.csv``, ``qualifiers.csv`` and ``quantity_units.csv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from transforms.lexicon import LexiconError, check_choice, load_csv, trie_pattern

_IMPLAUSIBLE = 10**15
QUALIFIERS = frozenset({"exact", "approx", "at_least", "at_most"})
KINDS = frozenset(
    {"count", "percent", "money", "distance", "duration", "year", "ordinal", "age", "time", "other"}
)


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: int
    qualifier: str
    kind: str


# ---------------------------------------------------------------- vocabulary


def _load_words() -> dict[str, dict[str, int]]:
    roles: dict[str, dict[str, int]] = {r: {} for r in ("unit", "ten", "scale", "ordinal", "vague")}
    for i, row in enumerate(
        load_csv("number_words.csv", ("word", "value", "role"), ("word", "value", "role"))
    ):
        where = f"number_words.csv row {i + 2} ({row['word']!r})"
        role = check_choice(row["role"], frozenset(roles), where)
        if not row["value"].isdigit():
            raise LexiconError(f"{where}: value {row['value']!r} is not a non-negative integer")
        roles[role][row["word"].lower()] = int(row["value"])
    return roles


def _load_pairs(name: str, choices: frozenset[str], col: str) -> dict[str, list[tuple[str, str]]]:
    """position -> [(phrase, label)] longest phrase first."""
    out: dict[str, list[tuple[str, str]]] = {"before": [], "after": []}
    for i, row in enumerate(
        load_csv(name, (_FIRST_COL[name], col, "position"), (_FIRST_COL[name], col, "position"))
    ):
        where = f"{name} row {i + 2} ({row[_FIRST_COL[name]]!r})"
        label = check_choice(row[col], choices, where)
        pos = check_choice(row["position"], frozenset(out), where)
        out[pos].append((row[_FIRST_COL[name]], label))
    for pairs in out.values():
        pairs.sort(key=lambda p: -len(p[0]))
    return out


_FIRST_COL = {"qualifiers.csv": "phrase", "quantity_units.csv": "word"}
_WORDS = _load_words()
_UNITS, _TENS, _SCALES = _WORDS["unit"], _WORDS["ten"], _WORDS["scale"]
_ORDINALS, _VAGUE = _WORDS["ordinal"], _WORDS["vague"]
_QUALS = _load_pairs("qualifiers.csv", QUALIFIERS, "qualifier")
_KIND_CUES = _load_pairs("quantity_units.csv", KINDS, "kind")


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w)))


# ---------------------------------------------------------------- grammar

# European grouping by one space, no-break or thin space: 94 000, 1 175 695.
_SPACED_DIGITS = r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[.,]\d)"
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{2})+,\d{3}(?!\d)"  # Indian grouping 4,02,312
    r"|\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?"  # 1,234,567(.5)
    + _SPACED_DIGITS
    + r"|[1-9]\d{0,2}(?:\.\d{3}){2,}(?![\d,]|\.\d)"  # 1.234.567: groups of three after points
    + r"|\d+(?:\.\d+)?)"
)
# "337.200 people", "85.000 refugees": thousands grouped with a point, as in much European writing. A
# decimal with exactly three digits and no scale word after it ("2.500 migrants") is read this way; with a
# scale word ("1.125 million") it stays a decimal.
_DOT_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_DIGIT_WORDS = {k: v for k, v in _UNITS.items() if 0 < v < 10}
_W1 = rf"(?:(?:{_alt(_TENS)})(?:[\s\-](?:{_alt(_DIGIT_WORDS)}))?|{_alt(_UNITS)})"
_BIG_SCALES = {w: v for w, v in _SCALES.items() if v >= 1000 or w == "dozen"}
_SMALL = rf"(?:(?:{_W1}|a)\s+hundred(?:\s+(?:and\s+)?{_W1})?|{_W1})"
_MULT = rf"(?:one\s+and\s+a\s+half|a\s+quarter\s+of\s+a|half\s+a|{_SMALL}|a)"
_BIG = rf"(?:{_MULT}\s+(?:{_alt(_BIG_SCALES)})(?:,?\s+(?:and\s+)?{_SMALL}(?!\s+(?:{_alt(_BIG_SCALES)})))?)"
_WORDNUM = rf"(?:{_BIG}(?:,?\s+(?:and\s+)?{_BIG})*|{_SMALL})"
_VAGUE_RE = rf"(?:(?:several|a\s+few|many|some)\s+(?:dozen|hundred|thousand|million)(?!\w)|{_alt(_VAGUE)})"
_ORD = rf"(?:\d+(?:st|nd|rd|th)|{_alt(_ORDINALS)})"
_SUFFIX = r"(?:km|kms|bn|mn|m|k|s|pc|am|pm)"

_NUMBER = re.compile(
    # Not inside a word or number, except straight after a currency code ("Rs3 billion").
    r"(?:(?<![\w.,/])|(?<=Rs)|(?<=Rs\.)|(?<=PKR)|(?<=USD)|(?<=US\$)|(?<=AFN)|(?<=INR))"
    r"(?<![A-Za-z]-)(?<![A-Za-z]\u2010)(?:"
    rf"(?P<isodate>(?:19|20)\d\d-[01]\d-[0-3]\d)(?!\d)"
    rf"|(?P<slashdate>\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}}))(?![\d/])"
    rf"|(?P<time>\d{{1,2}}:\d{{2}})(?!\d)"
    rf"|(?P<phone>\+?\(?\d{{2,5}}\)?[\-\s]\d{{3,4}}[\-\s]\d{{3,4}}(?:[\-\s]\d{{2,4}})?)(?![\d,])"
    rf"|(?P<vague>{_VAGUE_RE})(?!\w)"
    rf"|(?P<ord>{_ORD})(?!\w)"
    rf"|(?P<digits>{_DIGITS})(?:(?:\s*|-)(?P<dscale>{_alt(_BIG_SCALES)})(?!\w))?(?P<suffix>{_SUFFIX})?(?![\w]|[.,]\d)"
    rf"|(?P<words>{_WORDNUM})(?![\w])"
    rf")",
    re.IGNORECASE,
)
_QUAL_BEFORE = re.compile(
    rf"(?<![\w])(?P<q>{_alt([p for p, _ in _QUALS['before']])})\s+$",
    re.IGNORECASE,
)
_QUAL_AFTER = re.compile(
    rf"(?P<q>\s*(?:{_alt(p for p, _ in _QUALS['after'] if not p[0].isalpha())})"
    rf"|\s+(?:{_alt(p for p, _ in _QUALS['after'] if p[0].isalpha())})(?![\w]))",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"(?<![\w])(?:between|from)\s+$", re.IGNORECASE)
_RANGE_SEP = re.compile(r"\s*(?:-|\u2013|\u2014|to)\s*|\s+(?P<and>and)\s+", re.IGNORECASE)


def _trie_alt(words: Iterable[str]) -> str:
    """``_alt(words)`` as a trie, for a pattern compiled with IGNORECASE and followed by a boundary.

    Same matches: at one position the words that match are atom-prefixes of one another (distinct
    lower-cased characters, or a character and ``\\s+``, cannot both match), and both forms try
    the longest first. ~3x faster in ``re`` for the unit words after every number.
    """
    ws = sorted({w.lower() for w in words})
    if not all(w.isascii() for w in ws):
        raise LexiconError("_trie_alt: non-ASCII word")
    return trie_pattern([tuple(r"\s+" if ch == " " else re.escape(ch) for ch in w) for w in ws])


_KIND_AFTER = re.compile(
    rf"(?:\s*|\s*-\s*)(?P<w>{_trie_alt(w for w, _ in _KIND_CUES['after'])})(?![\w])"
    r"|(?P<sym>%)",
    re.IGNORECASE,
)
_KIND_BEFORE = re.compile(
    rf"(?<![\w])(?P<w>{_alt(w for w, _ in _KIND_CUES['before'] if w[0].isalpha())})\s*$"
    rf"|(?P<sym>{_alt(w for w, _ in _KIND_CUES['before'] if not w[0].isalpha())})\s*$",
)
_KIND_OF = {w.lower(): k for pos in ("after", "before") for w, k in _KIND_CUES[pos]}
_KIND_OF_BEFORE = {w.lower(): k for w, k in _KIND_CUES["before"]}
_QUAL_OF = {p.lower(): q for pos in ("before", "after") for p, q in _QUALS[pos]}

# Last words of the "... WORD\s*$" patterns searched in a window before a number: a window that does
# not end with one of them (then spaces) cannot match, and a str test is far cheaper than ``re``
# trying the whole alternation at every position of the window (QUAL_BEFORE: 14.6 us per search).
_QUAL_LAST = tuple(sorted({p.split()[-1].lower() for p, _ in _QUALS["before"]}))
_KIND_LAST = tuple(sorted({w.split()[-1] for w, _ in _KIND_CUES["before"]}))
_BETWEEN_LAST = ("between", "from")
_AGE_LIMIT_LAST = ("under", "below", "over", "above", "than", "aged", "of")
_RATIO_LAST = ("in", "every")


def _may_end_with(text: str, lo: int, hi: int, last: tuple[str, ...], ignore_case: bool = True) -> bool:
    """False only if text[lo:hi], trailing whitespace dropped, cannot end with one of ``last``.

    Non-ASCII windows always pass: under IGNORECASE ``re`` also equates e.g. "\u0131" with "i".
    """
    window = text[lo:hi]
    if not window.isascii():
        return True
    window = window.rstrip()
    return (window.lower() if ignore_case else window).endswith(last)


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MONTH_BEFORE = re.compile(rf"(?<![\w])(?:{_MONTHS})\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"(?:\s+of)?\s+(?:{_MONTHS})(?![a-z])", re.IGNORECASE)
# Words that make a 1800-2100 number a year even when a noun follows ("in 2000 people fled" is rare;
# "the 2000 people" and "of 1900 families" are counts).
_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?<![\w])(?:in|since|until|till|during|before|after|early|late|mid|year|spring|summer|autumn|fall"
    r"|winter|fiscal|FY|census|election|elections)[\s\-]+$",
    re.IGNORECASE,
)
_CODE_WORDS = (
    "Article|Section|Resolution|Flight|Route|Highway|No\\.?|Number|Room|Block|Level|Category"
    "|Sector|Chapter|Gate|Unit|Brigade|Battalion|Division|Corps|Covid|COVID|Model|Version|Paragraph"
    "|Item|Line|Road|Street|Zone|Area|Phase|Grade|Class|Page|Box|Ward|Camp|Tier|Act|Order|Rule"
    "|Law|Decree|Case|File|FIR|PS|Mi|MiG|Su|Boeing|Airbus|Channel|Season|Episode|Part|Volume|Vol\\.|Title"
)
_CODE_BEFORE = re.compile(rf"(?:(?<![\w])(?:{_CODE_WORDS})|[A-Za-z][\-/]|#|№)\s*$")
# What a window must end with (spaces dropped) for ``_CODE_BEFORE`` to match in it ("No\.?" gives
# "No" and "No."; "№" is not ASCII, and non-ASCII windows are always searched).
_CODE_LAST = (
    *(w.replace("\\.?", "").replace("\\.", ".") for w in _CODE_WORDS.split("|")),
    "No.",
    "-",
    "/",
    "#",
)
_YEAR_WORD_BEFORE = re.compile(r"(?<![\w])year\s+$", re.IGNORECASE)
_AGE_NAME = re.compile(r"[A-Z][\w'\u2019\-]+,\s+$")
_AGE_AFTER = re.compile(r",(?!\d)|\s*\)")
_PAREN_BEFORE = re.compile(r"[A-Z][\w'\u2019\-]+\s+\($")


# ---------------------------------------------------------------- values


def _words_value(s: str) -> int | None:
    """Value of a number-word phrase ("two thousand five hundred", "half a million")."""
    s = re.sub(r"\s+", " ", s.lower().replace("-", " ")).strip()
    s = s.replace("one and a half", "1.5").replace("a quarter of a", "0.25").replace("half a", "0.5")
    total = 0.0
    current = 0.0
    for tok in s.split(" "):
        if tok in ("and", ","):
            continue
        tok = tok.rstrip(",")
        if tok in ("a", "an"):
            current += 1
        elif tok in ("1.5", "0.25", "0.5"):
            current += float(tok)
        elif tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0
        else:
            return None
    return int(round(total + current))


_EXACT_INT_LIMIT = 10**27  # below this, Decimal's 28-digit context holds a product exactly


def _digits_value(digits: str, scale: str | None, mult: int = 1) -> int:
    """Exact value of "1.15" x scale ("million") x mult; Decimal avoids float rounding and overflow."""
    factor = (_SCALES[scale.lower()] if scale else 1) * mult
    if not scale and "." in digits and _DOT_GROUPED.fullmatch(digits):
        digits = digits.replace(".", "")  # "337.200": a point between groups of three
    plain = digits.replace(",", "")
    if plain.isdigit():  # most numbers: whole, so int arithmetic gives what Decimal would
        v = int(plain) * factor
        if v < _EXACT_INT_LIMIT:
            return v
    d = Decimal(re.sub(r"[,\s]", "", digits)) * (_SCALES[scale.lower()] if scale else 1) * mult
    return int(d.to_integral_value(ROUND_HALF_UP))


def _vague_value(s: str) -> int:
    key = re.sub(r"\s+", " ", s.lower())
    if key in _VAGUE:
        return _VAGUE[key]
    return _SCALES[key.rsplit(" ", 1)[1]]


# ---------------------------------------------------------------- scanning


class _Raw:
    """One number as matched, before qualifiers and kind are read."""

    __slots__ = ("start", "end", "value", "group", "m")

    def __init__(self, m: re.Match[str]) -> None:
        self.m = m
        self.start, self.end = m.span()
        self.group = m.lastgroup or ""
        self.value = _raw_value(m)


def _raw_value(m: re.Match[str]) -> int:
    # One alternative of ``_NUMBER`` matched: ``lastgroup`` names it ("dscale" and "suffix" close
    # inside "digits"), so one look-up replaces asking each group in turn.
    g = m.lastgroup
    if g == "dscale" or g == "suffix" or g == "digits":
        return _digits_value(m.group("digits"), m.group("dscale"))
    if g == "words":
        return _words_value(m.group("words")) or 0
    if g == "isodate" or g == "slashdate":
        return int(re.sub(r"\D", "", m.group(g)))
    if g == "time":
        h, mi = m.group("time").split(":")
        return int(h) * 100 + int(mi)
    if g == "phone":
        return int(re.sub(r"\D", "", m.group("phone")) or 0)
    if g == "vague":
        return _vague_value(m.group("vague"))
    if g == "ord":
        o = m.group("ord").lower()
        return int(o[:-2]) if o[0].isdigit() else _ORDINALS[o]
    return 0


def _qualifier_before(text: str, start: int) -> tuple[int, str | None]:
    lo = max(0, start - 30)
    m = _QUAL_BEFORE.search(text, lo, start) if _may_end_with(text, lo, start, _QUAL_LAST) else None
    if m is None:
        return start, None
    return m.start("q"), _QUAL_OF[re.sub(r"\s+", " ", m.group("q").lower())]


def _kind(text: str, raw: _Raw, start: int, end: int, is_year_shape: bool, qualified: bool) -> str:
    g = raw.m
    if g.group("time") or g.group("isodate") or g.group("slashdate"):
        return "time"
    if _NOT_A_COUNT_AFTER.match(text, end, end + 20):
        return "other"  # "two-thirds", "one in five", "24/7"
    lo = max(0, raw.start - 40)
    if (
        _may_end_with(text, lo, raw.start, _AGE_LIMIT_LAST) and _AGE_LIMIT_BEFORE.search(text, lo, raw.start)
    ) and not _KIND_AFTER.match(text, end, end + 30):
        return "age"  # "children under five", "those over the age of 60"
    if (
        not is_year_shape
        and _may_end_with(text, max(0, raw.start - 16), raw.start, _RATIO_LAST)
        and _RATIO_BEFORE.search(text, max(0, raw.start - 16), raw.start)
    ):
        return "other"  # the "five" of "one in five"
    if (
        g.group("words")
        and g.group("words").lower() == "one"
        and _NOT_ONE_BEFORE.search(text, max(0, raw.start - 8), raw.start)
    ):
        return "other"  # "no one", "every one"
    if g.group("phone"):
        return "other"
    if g.group("ord"):
        if g.group("ord")[0].isdigit() and (
            _MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, end, end + 14)
        ):
            return "time"  # "June 30th", "the 4th of March"
        return "ordinal"
    suffix = (g.group("suffix") or "").lower()
    lo = max(0, start - 12)
    before = (
        _KIND_BEFORE.search(text, lo, start) if _may_end_with(text, lo, start, _KIND_LAST, False) else None
    )
    if before is not None:
        word = (before.group("w") or before.group("sym") or "").lower()
        kind = _KIND_OF_BEFORE.get(word) or _KIND_OF_BEFORE.get(word.rstrip("."))
        if kind:
            return kind
    if suffix in ("km", "kms"):
        return "distance"
    if suffix == "pc":
        return "percent"
    if suffix in ("am", "pm"):
        return "time"
    if suffix == "s" and is_year_shape:
        return "year"  # the 1990s
    after = _KIND_AFTER.match(text, end, end + 30)
    if after is not None:
        word = (after.group("w") or after.group("sym") or "").lower()
        kind = _KIND_OF.get(re.sub(r"\s+", " ", word), "")
        if kind == "distance" and word == "m" and not after.group(0).startswith(("m", "M")):
            kind = ""  # "5 m" alone is too ambiguous; "5m" already handled as suffix
        if kind:
            return kind
    if suffix == "m":
        return "distance"
    digits = g.group("digits")
    if (
        digits
        and raw.value <= 31
        and "," not in digits
        and "." not in digits
        and (_MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, end, end + 14))
    ):
        return "time"
    if digits and raw.value < 120 and "." not in digits and len(digits) <= 3:
        if _AGE_NAME.search(text, max(0, start - 40), start) and _AGE_AFTER.match(text, end, end + 2):
            return "age"
        if _PAREN_BEFORE.search(text, max(0, start - 40), start) and text[end : end + 1] == ")":
            return "age"
    lo = max(0, start - 12)
    if _may_end_with(text, lo, start, _CODE_LAST, False) and _CODE_BEFORE.search(text, lo, start):
        return "other"
    if (
        digits
        and digits.isdigit()
        and len(digits) == 4
        and _YEAR_WORD_BEFORE.search(text, max(0, start - 8), start)
    ):
        return "year"  # "the Persian year 1403"
    if (
        is_year_shape
        and not qualified
        and (_YEAR_CONTEXT_BEFORE.search(text, max(0, start - 12), start) or not _count_noun_after(text, end))
    ):
        return "year"
    if digits and "." in digits and not g.group("dscale") and not _DOT_GROUPED.fullmatch(digits):
        return "other"
    return "count"


_NOT_A_COUNT_AFTER = re.compile(
    r"-?\s*(?:thirds?|quarters?|fifths?|sixths?|eighths?|tenths?|halves)(?![A-Za-z]|-[A-Za-z])"
    r"|\s+in\s+(?:every\s+)?(?:\d{1,3}(?![\d,])|two|three|four|five|six|seven|eight|nine|ten|twenty"
    r"|a\s+hundred)(?![A-Za-z])"
    r"|\s+another(?![A-Za-z])|/\d",
    re.IGNORECASE,
)
_AGE_LIMIT_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:children|kids|girls|boys|minors|infants|babies|those|people|men|women|anyone)\s+"
    r"(?:under|below|over|above|younger\s+than|older\s+than|aged)\s+(?:the\s+age\s+of\s+)?$",
    re.IGNORECASE,
)
_RATIO_BEFORE = re.compile(r"(?:\d|\b(?:one|a))\s+in\s+(?:every\s+)?$", re.IGNORECASE)
_NOT_ONE_BEFORE = re.compile(r"(?<![A-Za-z])(?:no|any|every|each|the|this|that|which)\s+$", re.IGNORECASE)
_COUNT_NOUN = re.compile(
    r"\s+(?:(?:more|new|other|additional|registered|undocumented|displaced|Afghan|Pakistani|Iranian|Syrian"
    r"|Sudanese|Rohingya|Ukrainian|civilians?)\s+)?"
    r"(?:people|persons|individuals|refugees|migrants|families|households|children|women|men|civilians"
    r"|returnees|deportees|asylum|IDPs|soldiers|troops|fighters|militants|students|workers|houses|homes"
    r"|Afghans|Pakistanis|Iranians|Syrians|Sudanese|Rohingya|Ukrainians|of\s+them|were|have|had|are|more)",
    re.IGNORECASE,
)


def _count_noun_after(text: str, end: int) -> bool:
    return _COUNT_NOUN.match(text, end, end + 40) is not None


def _scale_of(raw: _Raw) -> int | None:
    """The scale word a number ends with ("2 million", "six million"), else None."""
    if raw.m.group("dscale"):
        return _SCALES[raw.m.group("dscale").lower()]
    words = (raw.m.group("words") or "").lower().split()
    if words and words[-1] in _BIG_SCALES and words[-1] != "dozen":
        return _SCALES[words[-1]]
    return None


def _lower_bound(raw: _Raw, upper: _Raw) -> int:
    """Value of a range's first number: "five to six million" and "1.5-2 million" share the upper's scale."""
    scale = _scale_of(upper)
    if scale is None or _scale_of(raw) is not None or raw.group not in ("digits", "words"):
        return raw.value
    digits = raw.m.group("digits")
    scaled = _digits_value(digits, None, scale) if raw.group == "digits" else raw.value * scale
    return scaled if 0 < scaled <= upper.value else raw.value


def _is_year_shape(raw: _Raw) -> bool:
    d = raw.m.group("digits")
    return bool(d) and len(d) == 4 and d.isdigit() and 1800 <= int(d) <= 2100 and not raw.m.group("dscale")


# Words that can open a number expression; the full grammar is tried only where one starts
# (or at a digit), which is several times faster than letting ``re`` try it at every word.
_STARTERS = frozenset(
    {*_UNITS, *_TENS, *_SCALES, *_ORDINALS, *(w.split()[0] for w in _VAGUE)}
    | {"a", "an", "half", "several", "many", "some", "one"}
)
_CANDIDATE = re.compile(
    r"[(+]?\d|(?<![A-Za-z])(?:" + trie_pattern([tuple(w) for w in _STARTERS]) + r")(?![A-Za-z])",
    re.IGNORECASE,
)


# ``_CANDIDATE`` without IGNORECASE, for lower-cased text (candidate starts: 345 -> 269 us per article).
# Equivalent when the text has none of the characters whose case-insensitive match ``re`` treats
# differently from ``str.lower`` ("\u0131" and "\u017f" match "i" and "s"; "\u0130" lower-cases to two).
_CANDIDATE_LOWER = re.compile(
    r"[(+]?\d|(?<![A-Za-z])(?:" + trie_pattern([tuple(w) for w in _STARTERS]) + r")(?![A-Za-z])"
)
_FOLD_SPECIAL = ("\u0131", "\u017f", "\u0130")


def _candidate_starts(text: str) -> list[int]:
    """Starts of the ``_CANDIDATE`` matches in ``text``."""
    if any(ch in text for ch in _FOLD_SPECIAL):
        return [c.start() for c in _CANDIDATE.finditer(text)]
    return [c.start() for c in _CANDIDATE_LOWER.finditer(text.lower())]


def _spaced(digits: str) -> bool:
    return not digits.isdigit() and "," not in digits and "." not in digits


# A space-grouped number is not read across a day of the month ("May 3 500") or a run of numbers ("2 3 000").
_SPACED_BLOCKED = re.compile(rf"(?:(?<![\w])(?:{_MONTHS})\.?|\d)\s+$", re.IGNORECASE)
_NUMBER_UNSPACED = re.compile(
    _NUMBER.pattern.replace(_DIGITS, _DIGITS.replace(_SPACED_DIGITS, "")), re.IGNORECASE
)


def _matches(text: str) -> list[re.Match[str]]:
    """Non-overlapping ``_NUMBER`` matches, left to right (as ``finditer`` would give)."""
    out: list[re.Match[str]] = []
    last_end = 0
    for start in _candidate_starts(text):
        if start < last_end:
            continue
        m = _NUMBER.match(text, start)
        while m is None and text[start] in "(+" and start + 1 < len(text):
            start += 1  # "(300 families)", "(+21 830)": not a phone number, read what follows the sign
            m = _NUMBER.match(text, start)
        if (
            m is not None
            and m.group("digits")
            and _spaced(m.group("digits"))
            and _SPACED_BLOCKED.search(text, max(0, start - 12), start)
        ):
            m = _NUMBER_UNSPACED.match(text, start)  # "May 3 500 people": a day, then a count
        if m is not None and m.end() > start:
            out.append(m)
            last_end = m.end()
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Every number expression in ``text`` with its qualifier words in the span, sorted, non-overlapping."""
    return list(_find_quantities(text))


@lru_cache(maxsize=16)
def _find_quantities(text: str) -> tuple[Quantity, ...]:
    """Cached on the text: the three extractors ask about the same article."""
    raws = [_Raw(m) for m in _matches(text)]
    out: list[Quantity] = []
    i = 0
    while i < len(raws):
        raw = raws[i]
        start, end = raw.start, raw.end
        value = raw.value
        qstart, qual = _qualifier_before(text, start)
        if out and qstart < out[-1].end:
            qstart, qual = start, None
        year_shape = _is_year_shape(raw)
        # Ranges: "between 20 and 30", "20-30", "20 to 30" -> lower bound, at_least.
        lo = max(0, start - 10)
        between = _BETWEEN.search(text, lo, start) if _may_end_with(text, lo, start, _BETWEEN_LAST) else None
        nxt = raws[i + 1] if i + 1 < len(raws) else None
        ranged = False
        if nxt is not None and raw.group not in ("phone", "time") and nxt.group not in ("phone", "time"):
            sep = _RANGE_SEP.fullmatch(text, end, nxt.start)
            from_x = between is not None and between.group(0).lower().startswith("from")
            if sep is not None and (sep.group("and") is None or (between and not from_x)) and not from_x:
                ranged = True
        if ranged and nxt is not None:
            if year_shape and (_is_year_shape(nxt) or (nxt.m.group("digits") or "").isdigit()):
                kind_end = nxt.end
                q_start = between.start() if between else start
                kind = "year" if not _count_noun_after(text, nxt.end) else "count"
                out.append(
                    Quantity(q_start, kind_end, value, "exact" if kind == "year" else "at_least", kind)
                )
                i += 2
                continue
            if between is not None:
                qstart = between.start()
            value = _lower_bound(raw, nxt)
            end = nxt.end
            qual = "at_least"
            raw_for_kind = nxt
            i += 1
        else:
            raw_for_kind = raw
        post = _QUAL_AFTER.match(text, end)
        if post is not None and raw.group in ("digits", "words", "vague") and not ranged:
            word = post.group("q").strip().lower()
            word = re.sub(r"\s+", " ", word)
            if word in _QUAL_OF and not (word == "odd" and text[end - 1 : end] != "-"):
                qual = qual or _QUAL_OF[word]
                end = post.end()
        if raw.group == "vague":
            qual = qual or "at_least"
        kind = _kind(text, raw_for_kind, qstart, raw_for_kind.end, year_shape, qual is not None)
        suffix = (raw.m.group("suffix") or "").lower()
        if suffix in ("m", "mn", "bn", "k") and (kind == "money" or _count_noun_after(text, end)):
            # "$5m", "1.5m refugees": a scale abbreviation, not metres.
            mult = {"m": 10**6, "mn": 10**6, "bn": 10**9, "k": 10**3}[suffix]
            value = _digits_value(raw.m.group("digits"), None, mult)
            kind = "money" if kind == "money" else "count"
        if value >= _IMPLAUSIBLE:
            kind = "other"  # an id or a run of digits, not an amount (and too big for a BIGINT column)
        out.append(Quantity(qstart, end, value, qual or "exact", kind))
        i += 1
    return tuple(out)


def parse_quantity(s: str) -> tuple[int, str] | None:
    """(value, qualifier) of the first number expression in ``s`` ("at least 84" -> (84, "at_least"))."""
    found = _find_quantities.__wrapped__(s)  # short phrases would crowd whole articles out of the cache
    if not found:
        return None
    return found[0].value, found[0].qualifier
