"""Paragraph, quotation and sentence spans in normalized article text.

Offsets are 0-based, end-exclusive indices into the text. Quotations are
paired per paragraph; a quotation left open at the end of a paragraph runs to
the paragraph end (news style: a multi-paragraph quote reopens every paragraph
and closes only in the last one). Sentences never end inside a quotation, so a
multi-sentence quote followed by its attribution (“A. B,” he said.) is one
sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.lexicon import load_lines

OPEN_QUOTES = "\u201c\u201e\u00ab"
CLOSE_QUOTES = "\u201d\u00bb"
STRAIGHT = '"'
QUOTE_CHARS = OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT

_QUOTE_RE = re.compile(f"[{QUOTE_CHARS}]")
_ABBREVIATIONS = frozenset(w.lower().rstrip(".") for w in load_lines("statement_abbreviations.txt"))
_PARAGRAPH = re.compile(r"[^\n]+")
# A period, ? or ! (plus closing quotes/brackets) followed by space and a sentence opener.
_BOUNDARY = re.compile(r"[.?!]+[\u201d\u2019\"')\]]*(?=\s+[\"\u201c\u2018'(\[A-Z0-9\u00c0-\u024f])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_AM_PM = re.compile(r"^[ap]\.m$", re.IGNORECASE)
_DOTTED = re.compile(r"^(?:[A-Za-z]+\.)+[A-Za-z]+$")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line; normalized text has one paragraph per line."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _opens(text: str, i: int, start: int) -> bool:
    """Whether the straight quote at ``i`` opens a quotation (judged by its neighbours)."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([\u2014\u2013-:") and not after.isspace()


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quote]:
    out: list[Quote] = []
    open_at = -1
    for m in _QUOTE_RE.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if open_at < 0:
            if ch in OPEN_QUOTES or (ch == STRAIGHT and _opens(text, i, start)):
                open_at = i
        elif ch in CLOSE_QUOTES or ch == STRAIGHT:
            out.append(Quote(open_at, i + 1, open_at + 1, i, True))
            open_at = -1
    if open_at >= 0:
        out.append(Quote(open_at, end, open_at + 1, end, False))
    return out


def find_quotes(text: str) -> list[Quote]:
    """Every double-quoted passage in ``text``, in order (single quotes are apostrophes too often)."""
    out: list[Quote] = []
    for start, end in paragraph_spans(text):
        out.extend(_paragraph_quotes(text, start, end))
    return out


def is_abbreviation(word: str) -> bool:
    """Whether ``word`` (without its period) is an abbreviation that takes one ("Col", "Gen", "Dr")."""
    return word.lower() in _ABBREVIATIONS


def _is_abbreviation(text: str, dot: int, para_start: int) -> bool:
    """Whether the period at ``dot`` belongs to an abbreviation or an initial, not a sentence end."""
    m = _WORD_BEFORE.search(text, max(para_start, dot - 20), dot)
    if not m:
        return False
    word = m.group(1).lstrip(".")
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True
    if "." in word:
        # "U.S." / "Lt.Col." hold a period; "8.50am." or "3.5." end a sentence like any word
        return _DOTTED.match(word) is not None and not _AM_PM.match(word)
    return word.lower() in _ABBREVIATIONS


def sentence_spans(text: str, quotes: list[Quote] | None = None) -> list[tuple[int, int]]:
    """(start, end) of every sentence; never splits inside a quotation or after an abbreviation."""
    if quotes is None:
        quotes = find_quotes(text)
    out: list[tuple[int, int]] = []
    qi = 0
    for p_start, p_end in paragraph_spans(text):
        cur = p_start
        for m in _BOUNDARY.finditer(text, p_start, p_end):
            cut = m.end()
            while qi < len(quotes) and quotes[qi].end <= cut:
                qi += 1
            inside = any(q.start < cut < q.end for q in quotes[qi : qi + 2])
            if inside:
                continue
            if (
                text[m.start()] == "."
                and m.end() - m.start() == 1
                and _is_abbreviation(text, m.start(), p_start)
            ):
                continue
            if text[cur:cut].strip():
                out.append((cur, cut))
            cur = cut
            while cur < p_end and text[cur].isspace():
                cur += 1
        if text[cur:p_end].strip():
            out.append((cur, p_end))
    return out
