"""Extractor placeholder: the real grammar lands in a later commit."""

from __future__ import annotations

import datetime as dt

from transforms.records import RefugeeCount


def extract_refugee_counts(text: str, published: dt.date | None = None) -> list[RefugeeCount]:
    """Return one record per number about displaced people in ``text``."""
    return []
