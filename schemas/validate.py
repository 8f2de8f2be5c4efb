"""Validate a stage's frame: quarantine bad rows, reject a malformed batch.

Row-level failures (a bad country code in one row) move that row to
quarantine with the reasons; schema-level failures (a missing column, a wrong
dtype) mean the stage itself is broken and raise.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.polars as pa
import polars as pl

from schemas.tables import built_schema


@dataclass(frozen=True, slots=True)
class Quarantined:
    """Rows of a frame that failed validation, with one reason line per row."""

    rows: pl.DataFrame
    reasons: list[str]


def validate_frame(df: pl.DataFrame, model: type[pa.DataFrameModel]) -> tuple[pl.DataFrame, Quarantined]:
    """Return (valid rows, quarantined rows). Raises ``SchemaErrors`` on schema-level failures."""
    try:
        return built_schema(model).validate(df, lazy=True), Quarantined(df.clear(), [])
    except pa.errors.SchemaErrors as err:
        fc = err.failure_cases
        if fc.filter(pl.col("index").is_null()).height:
            raise
        by_row: dict[int, list[str]] = {}
        for row in fc.select("index", "column", "check", "failure_case").iter_rows():
            idx, column, check, case = row
            by_row.setdefault(int(idx), []).append(f"{column}: {check} failed for {case!r}")
    bad = sorted(by_row)
    mask = pl.Series("bad", [False] * df.height)
    mask[bad] = True
    good = df.filter(~mask)
    return built_schema(model).validate(good), Quarantined(
        df.filter(mask), ["; ".join(by_row[i]) for i in bad]
    )
