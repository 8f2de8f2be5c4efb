"""Text normalization and stable identifiers.

The normalized text is what every evidence offset points into, so the rules
here are deliberately few and conservative: quotes, dashes and letters are kept
as written; only line endings, invisible characters and blank runs change.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Deleted: invisible format characters, and C0/C1 controls other than tab and newline (they
# carry no text and break some readers).
_DROP = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# lone surrogates (from "\ud800" escapes in JSON) cannot be encoded as UTF-8
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SPACE_CHARS = "[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
# A run of spaces becomes one space; only runs that change are matched (a lone " " is left alone).
_SPACES = re.compile(f"{_SPACE_CHARS}{{2,}}|[\\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]")
# The whitespace ``str.isspace`` knows beyond those spaces, newlines and the dropped controls.
_ODD_SPACES = re.compile("[\u1680\u2028\u2029]")
_BLANK_LINES = re.compile(r"\n{3,}")
# whitespace (as ``str.strip`` sees it) at either end of a line
_LINE_ENDS = re.compile(r"^[^\S\n]+|[^\S\n]+$", re.MULTILINE)


def normalize_text(raw: str) -> str:
    """NFC-normalize ``raw``, unify line endings and spaces, drop control characters, trim blank runs.

    Paragraphs stay separated by one blank line. The result is stable: applying
    the function twice gives the same string.
    """
    # Every record goes through here: whole-text passes that match only what changes.
    try:
        raw.encode("utf-8")
        text = raw
    except UnicodeEncodeError:
        text = _SURROGATES.sub("\ufffd", raw)
    text = _DROP.sub("", unicodedata.normalize("NFC", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    if _ODD_SPACES.search(text):  # rare: strip each line the slow way
        text = _LINE_ENDS.sub("", text)
    else:  # spaces are single now, so a line starts or ends with at most one
        text = text.replace(" \n", "\n").replace("\n ", "\n")
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def sha256_hex(text: str) -> str:
    """Hex SHA-256 of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stable_id(*parts: object) -> str:
    """A 16-hex-digit id derived from ``parts``; same parts, same id."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def article_id(url: str) -> str:
    """Stable article id from its canonical URL.

    Keyed on the URL alone so that an article whose text changes at the same
    URL is updated in place rather than duplicated.
    """
    return stable_id("article", url)
