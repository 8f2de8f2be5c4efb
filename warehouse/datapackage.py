"""Describe the published Parquet as a Frictionless Data Package (v2).

Field types, descriptions (from the warehouse's ``COMMENT ON`` text), primary
keys and foreign keys come from the DuckDB catalog, so the descriptor cannot
drift from the tables.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import duckdb

PRIMARY_KEYS = {
    "articles": "article_id",
    "statements": "statement_id",
    "incidents": "incident_id",
    "refugee_counts": "count_id",
    "rejects": "reject_id",
}
PARTITIONING = (
    "Files are Hive-partitioned by published_year=YYYY, then published_month=YYYY-MM (year and month "
    "of articles.published_at in UTC, or 'unknown'); the partition values are in the path, not in the files."
)
# Columns without a COMMENT ON in the warehouse
_DESCRIPTIONS = {
    (
        "articles",
        "loaded_run_id",
    ): "The run (run_id in sitrep's runs table) that last loaded or re-extracted the article",
}
_TYPES = {
    "VARCHAR": "string",
    "JSON": "string",
    "INTEGER": "integer",
    "BIGINT": "integer",
    "DOUBLE": "number",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP WITH TIME ZONE": "datetime",
}


# Nulls are Parquet nulls. Readers that go through pandas (frictionless 5.21 among them) turn a null
# in a numeric column into NaN, so nullable numeric fields list "nan" as a missing value; sitrep
# never writes a NaN number itself.
NUMERIC_MISSING = ["", "nan"]
# A list column (LIST(VARCHAR) in Parquet) is declared "any": frictionless 5.21 reads Parquet lists as
# arrays that neither its "list" nor its "array" type accepts. The description names the real type.
LIST_NOTE = "Parquet list of strings; an empty list and null are distinct."
FOREIGN_KEY_NOTE = (
    "Every article_id is an articles.article_id (a foreign key; not declared in the schema because "
    "this table and articles span several files, of which frictionless reads only the first)."
)


def _field(name: str, dtype: str, comment: str | None, nullable: bool) -> dict[str, Any]:
    is_list = dtype.endswith("[]")
    f: dict[str, Any] = {"name": name, "type": "any" if is_list else _TYPES.get(dtype, "any")}
    if dtype == "JSON":
        f["contentMediaType"] = "application/json"  # a JSON object serialized as text
    description = " ".join(x for x in (comment, LIST_NOTE if is_list else None) if x)
    if description:
        f["description"] = description
    if nullable and f["type"] in ("integer", "number"):
        f["missingValues"] = NUMERIC_MISSING
    if not nullable:
        f["constraints"] = {"required": True}
    return f


def describe(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    tables: tuple[str, ...],
    sitrep: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The datapackage.json descriptor for ``tables`` as published under ``out_dir``; ``sitrep``
    (the snapshot it was made from: id, time, run) becomes a custom ``sitrep`` property."""
    resources = []
    parts: dict[str, int] = {}  # files per table that refers to articles
    for table in tables:
        cols = con.execute(
            "SELECT column_name, data_type, comment, is_nullable FROM duckdb_columns() "
            "WHERE table_name = ? AND schema_name = 'main' ORDER BY column_index",
            [table],
        ).fetchall()
        fields = [
            _field(name, dtype, comment or _DESCRIPTIONS.get((table, name)), nullable)
            for name, dtype, comment, nullable in cols
        ]
        files = sorted(p.relative_to(out_dir).as_posix() for p in (out_dir / table).rglob("*.parquet"))
        found = con.execute(
            "SELECT comment FROM duckdb_tables() WHERE table_name = ? AND schema_name = 'main'", [table]
        ).fetchone()
        comment = str(found[0]) if found and found[0] else ""
        schema: dict[str, Any] = {"fields": fields, "primaryKey": [PRIMARY_KEYS[table]]}
        if table not in ("articles", "rejects"):
            parts[table] = len(files)
            schema["foreignKeys"] = [
                {"fields": ["article_id"], "reference": {"resource": "articles", "fields": ["article_id"]}}
            ]
        res: dict[str, Any] = {
            "name": table,
            "path": files[0] if len(files) == 1 else files,
            "format": "parquet",
            "mediatype": "application/vnd.apache.parquet",
            "schema": schema,
        }
        notes = [comment, "" if table == "rejects" else PARTITIONING]
        if any(notes):
            res["description"] = " ".join(n for n in notes if n)
        resources.append(res)
    article_files = sum(1 for _ in (out_dir / "articles").rglob("*.parquet"))
    for res in resources:
        # frictionless-py (5.21) reads only the first file of a multi-file Parquet resource, so its
        # foreign-key check would compare one month of a table with one month of articles and report
        # rows whose article was published in another month. The key is then named in the
        # description (and checked by sitrep's own tests over every file) instead of declared.
        fks = res["schema"].get("foreignKeys")
        if fks and (parts.get(res["name"], 1) > 1 or article_files > 1):
            del res["schema"]["foreignKeys"]
            res["description"] = (res.get("description", "") + " " + FOREIGN_KEY_NOTE).strip()
    package: dict[str, Any] = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "sitrep",
        "title": "sitrep: statements, incidents and refugee counts extracted from news articles",
        "version": "1.0.0",
        "licenses": [{"name": "other-at", "title": "As licensed by the source articles"}],
        "resources": resources,
    }
    if sitrep:
        package["sitrep"] = sitrep
    return package


def write_datapackage(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    tables: tuple[str, ...],
    sitrep: dict[str, Any] | None = None,
) -> Path:
    """Write ``out_dir/datapackage.json`` atomically (write then rename)."""
    target = out_dir / "datapackage.json"
    tmp = out_dir / ".datapackage.json.tmp"
    package = describe(con, out_dir, tables, sitrep)
    tmp.write_text(json.dumps(package, indent=2, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, target)
    return target
