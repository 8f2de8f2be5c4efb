"""Extractor placeholder: the real grammar lands in a later commit."""

from __future__ import annotations

import datetime as dt

from transforms.records import Statement


def extract_statements(text: str, published: dt.date | None = None) -> list[Statement]:
    """Return the attributed statements in ``text``, in text order."""
    return []
