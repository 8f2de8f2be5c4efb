"""What a warehouse of N articles costs in memory, disk and load time, without extracting N articles.

    python -m bench.warehouse_scale --articles 1000000                 # the current schema
    python -m bench.warehouse_scale --articles 1000000 --schema 6      # as migration 6 left it

A full 1M end-to-end run takes hours here, and what limits memory at that size is the warehouse,
not the extractors. So this builds the warehouse directly: the migrations up to ``--schema``, then
N articles and, per article, the derived rows the synthetic bench corpus yields (9 statements,
3 incidents, 4 refugee counts: 16 per article; 1M articles gave 9.0M / 3.2M / 3.8M) and one record
digest, with ids shaped like the real ones (16 hex digits, hashed). Then, in a new process state
(closed and reopened, as the next run finds it), it loads ``--batches`` batches of 500 new
articles through ``Warehouse.load_batch`` (the flow's own load) and one batch that replaces 500
stored articles, and records RSS (``/proc/self/statm``), DuckDB's own memory
(``duckdb_memory()``), milliseconds per batch and the file size. Writes
``bench/results/warehouse-N-vK.json``. Memory is what a run's main process adds for the
warehouse; the texts are short, so table blocks are small and what shows is the indexes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from bench.run import CORPUS_DIR, RESULTS, rss_mb

PER_ARTICLE = {"statements": 9, "incidents": 3, "refugee_counts": 4}
BATCH = 500
MEMORY_LIMIT = "512MB"  # the flow's default cap on DuckDB's buffers

_ARTICLES = """INSERT INTO articles (article_id, url, title, source, text, content_sha256, extractor_version)
    SELECT md5('a' || i)[:16], 'https://example.net/' || i, 't', 's', 'Some text.', md5('t' || i), 'v1'
    FROM range({lo}, {hi}) t(i)"""
_DIGESTS = """INSERT INTO record_digests
    SELECT hash('h' || i), hash('l' || i), md5('a' || i)[:16], md5('t' || i), 'v1' FROM range({lo}, {hi}) t(i)"""
_DERIVED = {
    "statements": """INSERT INTO statements (statement_id, article_id, speaker, speaker_kind, verb, mode, content,
        start_char, end_char, extractor_version)
        SELECT md5('statements' || i)[:16], md5('a' || (i // 9))[:16], 'Farid Almasi', 'person', 'say', 'direct',
        'x', 0, 4, 'v1' FROM range({lo} * 9, {hi} * 9) t(i)""",
    "incidents": """INSERT INTO incidents (incident_id, article_id, event_type, start_char, end_char, extractor_version)
        SELECT md5('incidents' || i)[:16], md5('a' || (i // 3))[:16], 'bombing', 0, 4, 'v1'
        FROM range({lo} * 3, {hi} * 3) t(i)""",
    "refugee_counts": """INSERT INTO refugee_counts (count_id, article_id, population, movement, count, qualifier,
        unit, start_char, end_char, extractor_version)
        SELECT md5('refugee_counts' || i)[:16], md5('a' || (i // 4))[:16], 'refugees', 'hosted', 5, 'exact',
        'persons', 0, 4, 'v1' FROM range({lo} * 4, {hi} * 4) t(i)""",
}


def build(path: Path, articles: int, schema: int) -> float:
    """The warehouse at ``schema`` with ``articles`` articles and their rows; seconds taken."""
    from warehouse.ddl import SCHEMA_VERSION_DDL, migrations

    for p in (path, Path(f"{path}.wal")):
        p.unlink(missing_ok=True)
    t0 = time.perf_counter()
    con = duckdb.connect(str(path))
    con.execute(SCHEMA_VERSION_DDL)
    for version, description, sql in migrations()[:schema]:
        con.execute(sql)
        con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", [version, description])
    for lo in range(0, articles, 50_000):
        hi = min(articles, lo + 50_000)
        con.execute("BEGIN")
        for sql in (_ARTICLES, _DIGESTS, *_DERIVED.values()):
            con.execute(sql.format(lo=lo, hi=hi))
        con.execute("COMMIT")
    con.close()
    return time.perf_counter() - t0


def _frames(con: duckdb.DuckDBPyConnection, lo: int, hi: int) -> dict[str, pl.DataFrame]:
    """One batch's frames in the flow's schemas, made by the same SQL from a scratch database."""
    from schemas import SCHEMAS, polars_schema

    con.execute(
        "DELETE FROM articles; DELETE FROM statements; DELETE FROM incidents; DELETE FROM refugee_counts"
    )
    for sql in (_ARTICLES, *_DERIVED.values()):
        con.execute(sql.format(lo=lo, hi=hi))
    out = {}
    for t in ("articles", *PER_ARTICLE):
        schema = polars_schema(SCHEMAS[t])
        df = con.sql(
            f"SELECT * EXCLUDE (loaded_run_id) FROM {t}" if t == "articles" else f"SELECT * FROM {t}"
        ).pl()
        if t == "articles":
            df = df.with_columns(pl.col("extra").cast(pl.Utf8), pl.lit("bench").alias("origin"))
        out[t] = df.select([pl.col(c).cast(dt) for c, dt in schema.items()])
    return out


def measure(path: Path, articles: int, batches: int) -> dict[str, Any]:
    from schemas import empty_frame
    from warehouse import Warehouse

    scratch = duckdb.connect()  # the same DDL without any index, to make batch frames
    for t in ("articles", *PER_ARTICLE):
        ddl = (
            duckdb.connect(str(path), read_only=True)
            .execute("SELECT sql FROM duckdb_tables() WHERE table_name = ?", [t])
            .fetchone()
        )
        assert ddl is not None
        scratch.execute(ddl[0].replace(" PRIMARY KEY", ""))
    rss_start = rss_mb()
    # Not Warehouse.open: it would migrate an older schema first, and the point is to measure it as it is.
    con = duckdb.connect(str(path))
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    wh = Warehouse(con, path)
    rss_open = rss_mb()
    times = []
    for b in range(batches):
        frames = _frames(scratch, articles + b * BATCH, articles + (b + 1) * BATCH)
        t0 = time.perf_counter()
        wh.load_batch(frames, empty_frame("rejects"))
        times.append(time.perf_counter() - t0)
    rss_new = rss_mb()
    frames = _frames(scratch, 1000, 1000 + BATCH)  # stored articles again: their rows are replaced
    t0 = time.perf_counter()
    wh.load_batch(frames, empty_frame("rejects"))
    replace_ms = (time.perf_counter() - t0) * 1000
    duck = dict(wh.con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory()").fetchall())
    counts = wh.table_counts()
    wh.close()
    return {
        "rss_mib": {
            "before_open": round(rss_start),
            "after_open": round(rss_open),
            "after_new_batches": round(rss_new),
            "after_replace": round(rss_mb()),
        },  # fmt: skip
        "duckdb_memory_mib": {k: round(v / 2**20, 1) for k, v in duck.items() if v},
        "new_batch_ms": round(sum(times) / len(times) * 1000, 1),
        "replace_batch_ms": round(replace_ms, 1),
        "file_mib": round(path.stat().st_size / 2**20),
        "rows": counts,
    }


def main(argv: list[str] | None = None) -> int:
    from warehouse.ddl import migrations

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=250_000)
    ap.add_argument(
        "--schema", type=int, default=len(migrations()), help="apply migrations up to this version"
    )
    ap.add_argument("--batches", type=int, default=4, help="batches of 500 new articles to load")
    a = ap.parse_args(argv)
    path = CORPUS_DIR / f"warehouse-{a.articles}-v{a.schema}.duckdb"
    path.parent.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"articles": a.articles, "schema": a.schema, "per_article": PER_ARTICLE}
    result["build_s"] = round(build(path, a.articles, a.schema), 1)
    try:
        result.update(measure(path, a.articles, a.batches))
    except duckdb.OutOfMemoryException as e:  # the finding, not a crash of the bench
        result["error"] = str(e).splitlines()[0]
        result["rss_mib"] = {"at_error": round(rss_mb())}
    for p in (path, Path(f"{path}.wal")):
        p.unlink(missing_ok=True)
    out = RESULTS.parent / f"warehouse-{a.articles}-v{a.schema}.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result), file=sys.stdout)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    sys.exit(main())
