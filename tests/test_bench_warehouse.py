"""bench.warehouse_scale: builds a warehouse of N articles at the corpus's row ratios under a chosen
schema, then loads new and replacing batches through the flow's own load; the schema it reports is
the one it measured (an older one is not migrated on the way)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from bench.warehouse_scale import BATCH, PER_ARTICLE, build, measure
from warehouse.ddl import DERIVED_TABLES, migrations


@pytest.mark.parametrize("schema", [6, len(migrations())], ids=["indexed", "current"])
def test_builds_the_ratios_and_loads_new_and_replacing_batches(tmp_path: Path, schema: int) -> None:
    db = tmp_path / "w.duckdb"
    build(db, 3000, schema)
    res = measure(db, 3000, batches=2)
    rows = res["rows"]
    assert rows["articles"] == 3000 + 2 * BATCH  # the replacing batch adds no article
    for t in DERIVED_TABLES:
        assert rows[t] == rows["articles"] * PER_ARTICLE[t]
    assert res["new_batch_ms"] > 0 and res["replace_batch_ms"] > 0 and res["file_mib"] >= 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (schema,)
        indexed = {r[0] for r in con.execute("SELECT table_name FROM duckdb_indexes()").fetchall()}
        keyed = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
            ).fetchall()
        }
    finally:
        con.close()
    derived_indexed = (indexed | keyed) & set(DERIVED_TABLES)
    assert derived_indexed == (set(DERIVED_TABLES) if schema == 6 else set())
