"""Idempotent DDL of the warehouse, as ordered migrations.

Migrations are the SQL files in ``warehouse/migrations``, named
``NNNN_description.sql`` and applied in order; the first line (a ``--``
comment) describes it. Each runs once, inside the transaction that records it
in ``schema_version``, so a warehouse made by an older version is upgraded in
place at start-up. Never edit a released migration: add a new file.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

SCHEMA_VERSION_DDL = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)
"""

DERIVED_TABLES = ("statements", "incidents", "refugee_counts")


@cache
def migrations() -> tuple[tuple[int, str, str], ...]:
    """(version, description, sql) of every migration file, in version order."""
    out = []
    for f in resources.files("warehouse.migrations").iterdir():
        m = _NAME.match(f.name)
        if not m:
            continue
        sql = f.read_text(encoding="utf-8")
        first = sql.splitlines()[0] if sql else ""
        if not first.startswith("--"):
            raise ValueError(f"migration {f.name} must start with a '-- description' line")
        out.append((int(m.group(1)), first.lstrip("- ").strip(), sql))
    out.sort()
    versions = [v for v, _, _ in out]
    if versions != list(range(1, len(out) + 1)):
        raise ValueError(f"migration versions must be 1..n without gaps, got {versions}")
    return tuple(out)
