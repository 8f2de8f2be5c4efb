"""One pandera model per published table; vocabularies from the data-model contract.

The polars dtypes of each model are also the dtypes the flow builds frames
with (``polars_schema``), so an empty batch still has the right columns.
"""

from __future__ import annotations

import threading

import pandera.polars as pa
import polars as pl

EVENT_TYPES = (
    "suicide_bombing", "bombing", "armed_attack", "armed_clash", "airstrike",
    "shelling", "abduction", "execution", "other",
)  # fmt: skip
QUALIFIERS = ("exact", "approx", "at_least", "at_most")
POPULATIONS = ("refugees", "migrants", "asylum_seekers", "idps", "undocumented", "people")
MOVEMENTS = ("hosted", "arrived", "returned", "deported", "displaced", "resettled", "registered", "other")
UNITS = ("persons", "families", "households")
SPEAKER_KINDS = ("person", "organization")
MODES = ("direct", "indirect")
ISO3 = r"^[A-Z]{3}$"
HEX64 = r"^[0-9a-f]{64}$"

UTC_TS = pl.Datetime("us", "UTC")
STR_LIST = pl.List(pl.Utf8)


class _Strict:
    strict = True
    coerce = False


class ArticleFrame(pa.DataFrameModel):
    article_id: pl.Utf8 = pa.Field(unique=True)
    url: pl.Utf8 = pa.Field(str_length={"min_value": 1})
    title: pl.Utf8 = pa.Field(nullable=True)
    source: pl.Utf8 = pa.Field(nullable=True)
    published_at: UTC_TS = pa.Field(nullable=True)  # type: ignore[valid-type]
    text: pl.Utf8 = pa.Field(str_length={"min_value": 1})
    content_sha256: pl.Utf8 = pa.Field(str_matches=HEX64)
    extra: pl.Utf8 = pa.Field(nullable=True)  # JSON object of unknown input keys
    origin: pl.Utf8  # file:line or URL the article was read from
    extractor_version: pl.Utf8

    class Config(_Strict):
        pass


class _Evidence(pa.DataFrameModel):
    article_id: pl.Utf8
    start_char: pl.Int32 = pa.Field(ge=0)
    end_char: pl.Int32 = pa.Field(ge=0)
    extractor_version: pl.Utf8

    @pa.dataframe_check
    def span_is_ordered(cls, data: pa.PolarsData) -> pl.LazyFrame:  # type: ignore[misc]  # noqa: N805  (pandera makes it a classmethod)
        return data.lazyframe.select(pl.col("start_char") < pl.col("end_char"))


class StatementFrame(_Evidence):
    statement_id: pl.Utf8 = pa.Field(unique=True)
    speaker: pl.Utf8 = pa.Field(str_length={"min_value": 1})
    speaker_title: pl.Utf8 = pa.Field(nullable=True)
    speaker_kind: pl.Utf8 = pa.Field(isin=SPEAKER_KINDS)
    speaker_country: pl.Utf8 = pa.Field(nullable=True, str_matches=ISO3)
    verb: pl.Utf8 = pa.Field(str_matches=r"^[a-z][a-z ]*$")
    mode: pl.Utf8 = pa.Field(isin=MODES)
    content: pl.Utf8 = pa.Field(str_length={"min_value": 1})

    class Config(_Strict):
        pass


class IncidentFrame(_Evidence):
    incident_id: pl.Utf8 = pa.Field(unique=True)
    event_type: pl.Utf8 = pa.Field(isin=EVENT_TYPES)
    perpetrator: pl.Utf8 = pa.Field(nullable=True)
    location: pl.Utf8 = pa.Field(nullable=True)
    admin1: pl.Utf8 = pa.Field(nullable=True)
    country_iso3: pl.Utf8 = pa.Field(nullable=True, str_matches=ISO3)
    latitude: pl.Float64 = pa.Field(nullable=True, ge=-90, le=90)
    longitude: pl.Float64 = pa.Field(nullable=True, ge=-180, le=180)
    occurred_on: pl.Date = pa.Field(nullable=True)
    killed: pl.Int32 = pa.Field(nullable=True, ge=0)
    killed_qualifier: pl.Utf8 = pa.Field(nullable=True, isin=QUALIFIERS)
    wounded: pl.Int32 = pa.Field(nullable=True, ge=0)
    wounded_qualifier: pl.Utf8 = pa.Field(nullable=True, isin=QUALIFIERS)

    class Config(_Strict):
        pass


class RefugeeCountFrame(_Evidence):
    count_id: pl.Utf8 = pa.Field(unique=True)
    population: pl.Utf8 = pa.Field(isin=POPULATIONS)
    movement: pl.Utf8 = pa.Field(isin=MOVEMENTS)
    forced: pl.Boolean = pa.Field(nullable=True)
    count: pl.Int64 = pa.Field(ge=0)
    qualifier: pl.Utf8 = pa.Field(isin=QUALIFIERS)
    unit: pl.Utf8 = pa.Field(isin=UNITS)
    origin_iso3: pl.Utf8 = pa.Field(nullable=True, str_matches=ISO3)
    location_iso3: STR_LIST  # type: ignore[valid-type]
    destination_iso3: pl.Utf8 = pa.Field(nullable=True, str_matches=ISO3)
    period_start: pl.Date = pa.Field(nullable=True)
    period_end: pl.Date = pa.Field(nullable=True)

    class Config(_Strict):
        pass


class RejectFrame(pa.DataFrameModel):
    reject_id: pl.Utf8 = pa.Field(unique=True)
    run_id: pl.Utf8
    source: pl.Utf8  # the input as the user named it: file path or URL
    location: pl.Utf8 = pa.Field(nullable=True)  # line number, URL or article id
    stage: pl.Utf8 = pa.Field(isin=("read", "parse", "extract", "validate", "fetch"))
    reason: pl.Utf8 = pa.Field(str_length={"min_value": 1})
    raw_excerpt: pl.Utf8 = pa.Field(nullable=True)

    class Config(_Strict):
        pass


SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "articles": ArticleFrame,
    "statements": StatementFrame,
    "incidents": IncidentFrame,
    "refugee_counts": RefugeeCountFrame,
    "rejects": RejectFrame,
}


_BUILT: dict[type[pa.DataFrameModel], pa.DataFrameSchema] = {}
_BUILD_LOCK = threading.Lock()


def built_schema(model: type[pa.DataFrameModel]) -> pa.DataFrameSchema:
    """``model``'s schema, built once per process.

    pandera caches a model's schema per thread and builds it by deep-copying the columns' checks,
    whose dispatch tables another thread may be registering into at that moment: two task threads
    building at once failed with "dictionary changed size during iteration". So the schema is built
    under one lock, once, and shared (validation only reads it).
    """
    schema = _BUILT.get(model)
    if schema is None:
        with _BUILD_LOCK:
            schema = _BUILT.get(model)
            if schema is None:
                schema = _BUILT[model] = model.to_schema()
    return schema


def polars_schema(model: type[pa.DataFrameModel]) -> dict[str, pl.DataType]:
    """Column name → polars dtype of ``model``, in declaration order."""
    return {name: col.dtype.type for name, col in built_schema(model).columns.items()}


def empty_frame(table: str) -> pl.DataFrame:
    """A typed, empty frame of ``table``."""
    return pl.DataFrame(schema=polars_schema(SCHEMAS[table]))
