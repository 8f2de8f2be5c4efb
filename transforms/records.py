"""Frozen records the extractors return; one field per contract column.

Offsets are 0-based, end-exclusive code-point indices into the normalized
article text (see ``transforms.normalize``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Statement:
    speaker: str
    speaker_title: str | None
    speaker_kind: str  # person | organization
    speaker_country: str | None  # ISO 3166-1 alpha-3
    verb: str  # lower-case lemma
    mode: str  # direct | indirect
    content: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class Incident:
    event_type: str
    perpetrator: str | None
    location: str | None
    admin1: str | None
    country_iso3: str | None
    latitude: float | None
    longitude: float | None
    occurred_on: dt.date | None
    killed: int | None
    killed_qualifier: str | None
    wounded: int | None
    wounded_qualifier: str | None
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class RefugeeCount:
    population: str
    movement: str
    forced: bool | None
    count: int
    qualifier: str
    unit: str
    origin_iso3: str | None
    location_iso3: tuple[str, ...]
    destination_iso3: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class Reject:
    """An input record that did not become rows, and why."""

    source: str  # the input as the user named it: file path or URL
    location: str | None  # "line 12", a URL or an article id
    stage: str  # read | parse | extract | validate | fetch
    reason: str
    raw_excerpt: str | None = None

    def message(self) -> str:
        """The one-line error shown to the user: where, then why."""
        where = self.source if self.location in (None, self.source) else f"{self.source}:{self.location}"
        return f"{where}: {self.reason}"
