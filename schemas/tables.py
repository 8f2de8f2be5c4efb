"""One pandera model per published table; vocabularies from the data-model contract.

A model's columns, their order and their polars dtypes come from ``schemas.dtypes`` (which the
extraction workers import without pandera); the model adds the checks. ``polars_schema`` gives
them back as pandera built them.
"""

from __future__ import annotations

import threading

import pandera.polars as pa
import polars as pl

from schemas.dtypes import EVIDENCE, FRAME_DTYPES
from schemas.dtypes import empty_frame as empty_frame  # `schemas.empty_frame`, one definition

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


def _columns(table: str, but: dict[str, pl.DataType] | None = None) -> dict[str, pl.DataType]:
    """``table``'s columns and dtypes from ``schemas.dtypes`` (those of ``but`` left out: a base
    model declares them), as a model's annotations: pandera reads a model's columns, their order
    and their dtypes from its annotations, and its checks from the ``pa.Field`` of each column."""
    return {name: dtype for name, dtype in FRAME_DTYPES[table].items() if name not in (but or {})}


class _Strict:
    strict = True
    coerce = False


# Each model's column names, order and dtypes come from schemas.dtypes (which extraction workers
# import without pandera); a model only adds checks. A Field naming a column the dtypes lack fails
# when the schema is built ("Found missing annotations").


class ArticleFrame(pa.DataFrameModel):
    __annotations__ = _columns("articles")
    article_id = pa.Field(unique=True)
    url = pa.Field(str_length={"min_value": 1})
    title = pa.Field(nullable=True)
    source = pa.Field(nullable=True)
    published_at = pa.Field(nullable=True)
    text = pa.Field(str_length={"min_value": 1})
    content_sha256 = pa.Field(str_matches=HEX64)
    extra = pa.Field(nullable=True)

    class Config(_Strict):
        pass


class _Evidence(pa.DataFrameModel):
    __annotations__ = dict(EVIDENCE)
    start_char = pa.Field(ge=0)
    end_char = pa.Field(ge=0)

    @pa.dataframe_check
    def span_is_ordered(cls, data: pa.PolarsData) -> pl.LazyFrame:  # type: ignore[misc]  # noqa: N805  (pandera makes it a classmethod)
        return data.lazyframe.select(pl.col("start_char") < pl.col("end_char"))


class StatementFrame(_Evidence):
    __annotations__ = _columns("statements", but=EVIDENCE)
    statement_id = pa.Field(unique=True)
    speaker = pa.Field(str_length={"min_value": 1})
    speaker_title = pa.Field(nullable=True)
    speaker_kind = pa.Field(isin=SPEAKER_KINDS)
    speaker_country = pa.Field(nullable=True, str_matches=ISO3)
    verb = pa.Field(str_matches=r"^[a-z][a-z ]*$")
    mode = pa.Field(isin=MODES)
    content = pa.Field(str_length={"min_value": 1})

    class Config(_Strict):
        pass


class IncidentFrame(_Evidence):
    __annotations__ = _columns("incidents", but=EVIDENCE)
    incident_id = pa.Field(unique=True)
    event_type = pa.Field(isin=EVENT_TYPES)
    perpetrator = pa.Field(nullable=True)
    location = pa.Field(nullable=True)
    admin1 = pa.Field(nullable=True)
    country_iso3 = pa.Field(nullable=True, str_matches=ISO3)
    latitude = pa.Field(nullable=True, ge=-90, le=90)
    longitude = pa.Field(nullable=True, ge=-180, le=180)
    occurred_on = pa.Field(nullable=True)
    killed = pa.Field(nullable=True, ge=0)
    killed_qualifier = pa.Field(nullable=True, isin=QUALIFIERS)
    wounded = pa.Field(nullable=True, ge=0)
    wounded_qualifier = pa.Field(nullable=True, isin=QUALIFIERS)

    class Config(_Strict):
        pass


class RefugeeCountFrame(_Evidence):
    __annotations__ = _columns("refugee_counts", but=EVIDENCE)
    count_id = pa.Field(unique=True)
    population = pa.Field(isin=POPULATIONS)
    movement = pa.Field(isin=MOVEMENTS)
    forced = pa.Field(nullable=True)
    count = pa.Field(ge=0)
    qualifier = pa.Field(isin=QUALIFIERS)
    unit = pa.Field(isin=UNITS)
    origin_iso3 = pa.Field(nullable=True, str_matches=ISO3)
    destination_iso3 = pa.Field(nullable=True, str_matches=ISO3)
    period_start = pa.Field(nullable=True)
    period_end = pa.Field(nullable=True)

    class Config(_Strict):
        pass


class RejectFrame(pa.DataFrameModel):
    __annotations__ = _columns("rejects")
    reject_id = pa.Field(unique=True)
    location = pa.Field(nullable=True)
    stage = pa.Field(isin=("read", "parse", "extract", "validate", "fetch"))
    reason = pa.Field(str_length={"min_value": 1})
    raw_excerpt = pa.Field(nullable=True)

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
