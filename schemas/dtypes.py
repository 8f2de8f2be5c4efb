"""Each table's columns, in order, with their polars dtypes: the one source of both.

Extraction builds its frames with these dtypes, and with ``--runner processes`` it does so in the
task runner's worker processes, which then need neither pandera nor pandas: importing them costs
each worker about 70 MiB and 2-3 CPU-s, for nothing (validation runs in the flow's own process).
The pandera models in ``schemas.tables`` take their columns from here and add only the checks, so
a column is added, renamed or retyped here and nowhere else (the published Parquet and the
warehouse follow the data-model contract; tests pin them).
"""

from __future__ import annotations

import polars as pl

EVIDENCE: dict[str, pl.DataType] = {
    "article_id": pl.String(),
    "start_char": pl.Int32(),
    "end_char": pl.Int32(),
    "extractor_version": pl.String(),
}

FRAME_DTYPES: dict[str, dict[str, pl.DataType]] = {
    "articles": {
        "article_id": pl.String(),
        "url": pl.String(),
        "title": pl.String(),
        "source": pl.String(),
        "published_at": pl.Datetime("us", "UTC"),
        "text": pl.String(),
        "content_sha256": pl.String(),
        "extra": pl.String(),  # JSON object of unknown input keys
        "origin": pl.String(),  # file:line or URL the article was read from
        "extractor_version": pl.String(),
    },
    "statements": EVIDENCE
    | {
        "statement_id": pl.String(),
        "speaker": pl.String(),
        "speaker_title": pl.String(),
        "speaker_kind": pl.String(),
        "speaker_country": pl.String(),
        "verb": pl.String(),
        "mode": pl.String(),
        "content": pl.String(),
    },
    "incidents": EVIDENCE
    | {
        "incident_id": pl.String(),
        "event_type": pl.String(),
        "perpetrator": pl.String(),
        "location": pl.String(),
        "admin1": pl.String(),
        "country_iso3": pl.String(),
        "latitude": pl.Float64(),
        "longitude": pl.Float64(),
        "occurred_on": pl.Date(),
        "killed": pl.Int32(),
        "killed_qualifier": pl.String(),
        "wounded": pl.Int32(),
        "wounded_qualifier": pl.String(),
    },
    "refugee_counts": EVIDENCE
    | {
        "count_id": pl.String(),
        "population": pl.String(),
        "movement": pl.String(),
        "forced": pl.Boolean(),
        "count": pl.Int64(),
        "qualifier": pl.String(),
        "unit": pl.String(),
        "origin_iso3": pl.String(),
        "location_iso3": pl.List(pl.String()),
        "destination_iso3": pl.String(),
        "period_start": pl.Date(),
        "period_end": pl.Date(),
    },
    "rejects": {
        "reject_id": pl.String(),
        "run_id": pl.String(),
        "source": pl.String(),  # the input as the user named it: file path or URL
        "location": pl.String(),  # line number, URL or article id
        "stage": pl.String(),
        "reason": pl.String(),
        "raw_excerpt": pl.String(),
    },
}


def empty_frame(table: str) -> pl.DataFrame:
    """A typed, empty frame of ``table``."""
    return pl.DataFrame(schema=FRAME_DTYPES[table])
