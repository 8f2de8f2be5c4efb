"""pandera schemas for the frames that pass between pipeline stages.

The names below are imported on first use (PEP 562), so that ``schemas.dtypes`` (the frames'
polars dtypes) can be imported without pandera and pandas: extraction workers need only those.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Where each public name lives: the validator's two in schemas.validate, the rest in schemas.tables.
_WHERE = {
    name: "schemas.validate" if name in ("Quarantined", "validate_frame") else "schemas.tables"
    for name in __all__
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'schemas' has no attribute {name!r}")
