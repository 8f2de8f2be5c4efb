"""Text normalization and stable identifiers.

The normalized text is what every evidence offset points into, so the rules
here are deliberately few and conservative: quotes, dashes and letters are kept
as written; only line endings, invisible characters and blank runs change.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# C0/C1 control characters other than tab and newline carry no text and break some readers
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# lone surrogates (from "\ud800" escapes in JSON) cannot be encoded as UTF-8
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(raw: str) -> str:
    """NFC-normalize ``raw``, unify line endings and spaces, drop control characters, trim blank runs.

    Paragraphs stay separated by one blank line. The result is stable: applying
    the function twice gives the same string.
    """
    text = _SURROGATES.sub("\ufffd", raw)
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _CONTROLS.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = "\n".join(lines)
    return _BLANK_LINES.sub("\n\n", text).strip()


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
