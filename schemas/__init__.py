"""pandera schemas for the frames that pass between pipeline stages."""

from schemas.tables import (
    SCHEMAS,
    ArticleFrame,
    IncidentFrame,
    RefugeeCountFrame,
    RejectFrame,
    StatementFrame,
    built_schema,
    empty_frame,
    polars_schema,
)
from schemas.validate import Quarantined, validate_frame

__all__ = [
    "SCHEMAS",
    "ArticleFrame",
    "IncidentFrame",
    "Quarantined",
    "RefugeeCountFrame",
    "RejectFrame",
    "StatementFrame",
    "built_schema",
    "empty_frame",
    "polars_schema",
    "validate_frame",
]
