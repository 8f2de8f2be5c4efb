"""Extractor placeholder: the real grammar lands in a later commit."""

from __future__ import annotations

import datetime as dt

from transforms.records import Incident


def extract_incidents(text: str, published: dt.date | None = None) -> list[Incident]:
    """Return one record per specific violent event in ``text``, in text order."""
    return []
