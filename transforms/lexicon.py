"""Tiny loaders for the vocabulary files under ``transforms/data``.

Every loader reads package data once (callers cache at import), strips blank
lines and ``#`` comments, and raises ``LexiconError`` on malformed rows so a bad
edit to a data file fails loudly at import rather than silently matching less.
"""

from __future__ import annotations

import csv
import io
import re
import re._constants as _sre
import re._parser as _sre_parse
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources

import pycountry

DATA_PACKAGE = "transforms.data"


class LexiconError(ValueError):
    """A vocabulary file is missing, empty or has a malformed row."""


def read_data(name: str) -> str:
    """Text of the package data file ``name``."""
    try:
        return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"missing data file {name!r}") from exc


def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of ``name``, stripped."""
    lines = tuple(
        s for s in (line.strip() for line in read_data(name).splitlines()) if s and not s.startswith("#")
    )
    if not lines:
        raise LexiconError(f"{name}: no entries")
    return lines


def load_csv(name: str, columns: tuple[str, ...], required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Rows of CSV file ``name`` (header must equal ``columns``); ``required`` cells must be non-empty."""
    body = "\n".join(line for line in read_data(name).splitlines() if not line.lstrip().startswith("#"))
    reader = csv.reader(io.StringIO(body))
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != columns:
        raise LexiconError(f"{name}: header {header!r} is not {columns!r}")
    rows: list[dict[str, str]] = []
    for lineno, cells in enumerate(reader, start=2):
        if not cells or all(not c.strip() for c in cells):
            continue
        if len(cells) != len(columns):
            raise LexiconError(f"{name}:{lineno}: expected {len(columns)} cells, got {cells!r}")
        row = {col: cell.strip() for col, cell in zip(columns, cells, strict=True)}
        for col in required:
            if not row[col]:
                raise LexiconError(f"{name}:{lineno}: empty {col!r} in {cells!r}")
        rows.append(row)
    if not rows:
        raise LexiconError(f"{name}: no entries")
    return rows


def check_iso3(code: str, where: str) -> str:
    """``code`` if it is an ISO 3166-1 alpha-3 code, else raise ``LexiconError``."""
    if len(code) != 3 or pycountry.countries.get(alpha_3=code) is None:
        raise LexiconError(f"{where}: bad ISO3 code {code!r}")
    return code


def check_choice(value: str, allowed: frozenset[str], where: str) -> str:
    """``value`` if it is in ``allowed``, else raise ``LexiconError``."""
    if value not in allowed:
        raise LexiconError(f"{where}: {value!r} not one of {sorted(allowed)}")
    return value


# Punctuation variants, and letters NFKD does not decompose ("Şanlıurfa", "Łódź").
_FOLD_PUNCT = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"}
    | {
        "\u0131": "i",
        "\u0142": "l",
        "\u0141": "L",
        "\u00f8": "o",
        "\u00d8": "O",
        "\u0111": "d",
        "\u0110": "D",
    }
    | {"\u00df": "ss", "\u02bf": "'", "\u02be": "'"}
)


def fold(s: str) -> str:
    """Lookup key: accents stripped, curly apostrophes and dashes unified, casefolded, spaces collapsed."""
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
        s = s.translate(_FOLD_PUNCT)
    return " ".join(s.replace("`", "'").casefold().split())


# ---- case-insensitive scans as case-sensitive ones over lower-cased text
# ``re.IGNORECASE`` roughly doubles the cost of scanning a text with a large word trie. For a text
# whose only non-ASCII characters are caseless punctuation, spaces or symbols, and a pattern written
# in lower case with no inline flags, back-references or non-ASCII letters that ``re`` equates with an
# ASCII one, the IGNORECASE scan of ``text`` finds exactly the spans that the plain scan of
# ``text.lower()`` finds (same length, same positions).


def nocase_twin(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """``rx`` (IGNORECASE) compiled without IGNORECASE, if the two agree on ``caseless_lower`` texts:
    no inline flags or back-references, and no literal or range that is or holds an upper-case
    ASCII letter or a non-ASCII character ``re`` equates with an ASCII one (checked on the parse)."""
    p = rx.pattern
    if not rx.flags & re.IGNORECASE or re.search(r"\(\?[aiLmsux]*-?[imsx]+[:)]|\(\?[aiLmsux]+[:)]", p):
        return None

    @cache
    def bad(item: str) -> bool:  # an ASCII character IGNORECASE matches while its lower case does not
        return any(
            bool(re.fullmatch(item, chr(a), re.IGNORECASE)) != bool(re.fullmatch(item, chr(a).lower()))
            for a in range(128)
        )

    def ok(items) -> bool:  # items: a parsed (sub)pattern
        for op, av in items:
            if op in (_sre.LITERAL, _sre.NOT_LITERAL):
                if bad(re.escape(chr(av))):
                    return False
            elif op is _sre.RANGE:
                if bad(f"[{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}]"):
                    return False
            elif op is _sre.IN:
                if not ok(av):
                    return False
            elif op is _sre.BRANCH:
                if not all(ok(branch) for branch in av[1]):
                    return False
            elif op is _sre.SUBPATTERN:
                if not ok(av[3]):
                    return False
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
                if not ok(av[2]):
                    return False
            elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
                if not ok(av[1]):
                    return False
            elif op not in (_sre.AT, _sre.CATEGORY, _sre.ANY, _sre.NEGATE):
                return False  # back-references and anything unusual
        return True

    if not ok(_sre_parse.parse(p, rx.flags)):
        return None
    return re.compile(p, rx.flags & ~re.IGNORECASE)


@lru_cache(maxsize=16)
def caseless_lower(text: str) -> str | None:
    """``text.lower()`` when every non-ASCII character of ``text`` is caseless and not a word
    character (punctuation, spaces, symbols), else None."""
    if not text.isascii():
        for ch in set(_NON_ASCII.findall(text)):
            if ch.isalnum() or ch == "_" or ch.lower() != ch or ch.upper() != ch:
                return None
    return text.lower()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def span_iter(rx: re.Pattern[str], twin: re.Pattern[str] | None, text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``rx.finditer(text)``, found with ``twin = nocase_twin(rx)`` when that is exact."""
    low = caseless_lower(text) if twin is not None else None
    if low is None:
        return map(re.Match.span, rx.finditer(text))
    return map(re.Match.span, twin.finditer(low))  # type: ignore[union-attr]


_APOS = "'\u2019\u02bc\u2018`"
_SEP = re.compile(r"[\s\-\u2010-\u2015]+")
_DROP = str.maketrans("", "", _APOS + ".")
_SEP_ATOM = r"(?:\s+|\s*[\-\u2010-\u2015]\s*)"
_APOS_ATOM = f"[{_APOS}]?"


def match_key(s: str) -> str:
    """Key under which an alias and its written variants meet: folded, apostrophes and dots dropped,
    spaces and hyphens unified ("Tehrik-i-Taliban", "Cox’s Bazar", "U.S." -> "us")."""
    return _SEP.sub(" ", fold(s).translate(_DROP)).strip()


def is_acronym(alias: str) -> bool:
    """True for all-capitals aliases ("IS", "TTP", "U.S."), which match only as written."""
    return any(c.isupper() for c in alias) and not any(c.islower() for c in alias)


def alias_atoms(alias: str) -> tuple[str, ...]:
    """Regex atoms for ``alias`` (for ``trie_pattern``) tolerating space/hyphen variants and
    curly or missing apostrophes."""
    out: list[str] = []
    for token in re.split(r"([\s\-]+)", alias):
        if not token:
            continue
        if set(token) <= set(" -\t\n"):
            out.append(_SEP_ATOM)
        else:
            out.extend(_APOS_ATOM if ch in _APOS else re.escape(ch) for ch in token)
    return tuple(out)


def trie_pattern(sequences: list[tuple[str, ...]]) -> str:
    """One regex matching any of ``sequences`` (tuples of regex atoms), longest first.

    Factoring shared prefixes into a trie keeps a large alternation fast in ``re``;
    optional tails are greedy, so the longest alternative is tried first and
    shorter ones only on backtracking.
    """
    trie: dict = {}
    for seq in sequences:
        node = trie
        for atom in seq:
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        alts = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


def skipping_trie(sequences: list[tuple[str, ...]], not_after: str, first: str | None = None) -> str:
    """``(?<!NOT_AFTER)`` then ``trie_pattern(sequences)``, written so that ``re`` can skip ahead.

    A pattern that begins with a look-behind makes ``re`` attempt a match at every position of the
    text; one that begins with a character class lets it skip, in C, to the next position that holds
    one of its characters (for a trie of capitalized names, a few percent of the positions). So the
    first character is consumed by a class (``first``, by default the sequences' first atoms) and
    checked against each sequence's first atom by a look-behind, and the boundary test
    ``not_after`` (a character class) moves one character back. Same matches, same spans. Every
    sequence's first atom must be a single, possibly escaped, character.
    """
    heads = {seq[0] for seq in sequences}
    if any(len(h) != 1 and not (len(h) == 2 and h[0] == "\\") for h in heads):
        raise ValueError("skipping_trie: a first atom is not a single character")
    first = first or "[" + "".join(sorted(heads)) + "]"
    body = trie_pattern([(f"(?<={seq[0]})", *seq[1:]) for seq in sequences])
    return rf"{first}(?<!{not_after}[\s\S])" + body


def _atom_key(atom: str, ignore_case: bool) -> str | None:
    """What ``atom`` can match, as a key that differs for disjoint atoms; None when unsure."""
    if atom == r"\s+":
        return atom
    for ch in atom[-1:]:
        if re.escape(ch) == atom and ch.isascii() and ch.isprintable() and not ch.isspace():
            return ch.lower() if ignore_case else ch
    return None


def ordered_alternation(sequences: list[tuple[str, ...]], ignore_case: bool = False) -> str:
    """``"|".join`` of ``sequences`` (tuples of regex atoms) with shared first atoms factored out.

    Unlike ``trie_pattern`` the result tries the alternatives in exactly the given order, so it
    matches what the plain alternation matches at every position; ``re`` just compares each
    first character once instead of once per alternative. Alternatives only move past others
    that start with a provably different character (a single ASCII character or ``\\s+``);
    empty or unusual atoms are kept in place.
    """
    groups: list[tuple[str | None, list[tuple[str, ...]]]] = []
    open_at = 0  # groups before this index are closed: a later alternative may not join them
    for seq in sequences:
        key = _atom_key(seq[0], ignore_case) if seq else None
        if key is not None:
            for k, members in groups[open_at:]:
                if k == key:
                    members.append(seq)
                    break
            else:
                groups.append((key, [seq]))
        else:
            groups.append((None, [seq]))
            open_at = len(groups)
    alts: list[str] = []
    for key, members in groups:
        if key is None or len(members) == 1:
            alts.extend("".join(seq) for seq in members)
        else:
            tails = ordered_alternation([seq[1:] for seq in members], ignore_case)
            alts.append(members[0][0] + "(?:" + tails + ")")
    return "|".join(alts)
