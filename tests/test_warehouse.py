"""Guards the warehouse: idempotent migrations, all-or-nothing batches, single writer, atomic publish."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import polars as pl
import pytest

from schemas import SCHEMAS, empty_frame, polars_schema
from warehouse import Warehouse, WarehouseBusy, WarehouseError, publish_parquet
from warehouse.db import DuplicateKey
from warehouse.ddl import DERIVED_TABLES, SCHEMA_VERSION_DDL, migrations


def _article(aid: str, text: str = "Some text.") -> dict:
    return {
        "article_id": aid, "url": f"https://example.net/{aid}", "title": "t", "source": "s",
        "published_at": None, "text": text, "content_sha256": "0" * 64, "extra": None,
        "origin": "test", "extractor_version": "v1",
    }  # fmt: skip


def _statement(sid: str, aid: str) -> dict:
    return {
        "statement_id": sid, "article_id": aid, "speaker": "Farid Almasi", "speaker_title": None,
        "speaker_kind": "person", "speaker_country": "AFG", "verb": "say", "mode": "indirect",
        "content": "x", "start_char": 0, "end_char": 4, "extractor_version": "v1",
    }  # fmt: skip


def _frames(articles: list[dict], statements: list[dict]) -> dict[str, pl.DataFrame]:
    return {
        "articles": pl.DataFrame(articles, schema=polars_schema(SCHEMAS["articles"])),
        "statements": pl.DataFrame(statements, schema=polars_schema(SCHEMAS["statements"])),
        "incidents": empty_frame("incidents"),
        "refugee_counts": empty_frame("refugee_counts"),
    }


def test_migrations_apply_once(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Warehouse.open(db) as wh:
        assert wh.schema_version() == migrations()[-1][0]
    with Warehouse.open(db) as wh:
        assert wh.migrate() == []
        rows = wh.con.execute("SELECT count(*) FROM schema_version").fetchone()
        assert rows == (len(migrations()),)


def test_reloading_an_article_replaces_its_rows(tmp_path: Path) -> None:
    with Warehouse.open(tmp_path / "w.duckdb") as wh:
        wh.load_batch(
            _frames([_article("a1")], [_statement("s1", "a1"), _statement("s2", "a1")]),
            empty_frame("rejects"),
        )
        counts = wh.load_batch(
            _frames([_article("a1", "New text.")], [_statement("s3", "a1")]), empty_frame("rejects")
        )
        assert counts.articles_updated == 1 and counts.articles_new == 0
        assert wh.con.execute("SELECT list(statement_id) FROM statements").fetchone() == (["s3"],)
        assert wh.con.execute("SELECT text FROM articles").fetchall() == [("New text.",)]


_BAD_BATCHES = {
    # refused before the transaction: the derived tables have no primary-key index to catch them
    "repeated id": ([_statement("s9", "a2"), _statement("s9", "a2")], DuplicateKey, "appears 2 times"),
    "row of another article": ([_statement("s8", "a1")], DuplicateKey, "not in the batch"),
    # refused by DuckDB inside the transaction, after the article row went in
    "null speaker": ([{**_statement("s7", "a2"), "speaker": None}], duckdb.Error, "NOT NULL"),
}


@pytest.mark.parametrize("case", list(_BAD_BATCHES), ids=list(_BAD_BATCHES))
def test_failed_batch_leaves_nothing_behind(tmp_path: Path, case: str) -> None:
    statements, error, message = _BAD_BATCHES[case]
    with Warehouse.open(tmp_path / "w.duckdb") as wh:
        wh.load_batch(_frames([_article("a1")], [_statement("s1", "a1")]), empty_frame("rejects"))
        frames = _frames([_article("a2")], [])
        frames["statements"] = pl.DataFrame(statements, schema=polars_schema(SCHEMAS["statements"]))
        with pytest.raises(error, match=message):
            wh.load_batch(frames, empty_frame("rejects"))
        assert wh.table_counts()["articles"] == 1
        assert wh.con.execute("SELECT list(statement_id) FROM statements").fetchone() == (["s1"],)


def test_migration_7_keeps_rows_and_comments_and_drops_the_derived_indexes(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute(SCHEMA_VERSION_DDL)
    for version, description, sql in migrations()[:6]:  # a warehouse as release 6 left it
        con.execute(sql)
        con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", [version, description])
    con.execute("INSERT INTO articles (article_id, url, text, content_sha256, extractor_version) "
                "VALUES ('a1', 'https://example.net/a1', 'Some text.', 'x', 'v1')")  # fmt: skip
    row = _statement("s1", "a1")
    con.execute(
        f"INSERT INTO statements ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
    )
    con.execute("INSERT INTO refugee_counts (count_id, article_id, population, movement, count, qualifier, unit, "
                "location_iso3, start_char, end_char, extractor_version) VALUES "
                "('c1', 'a1', 'refugees', 'hosted', 5, 'exact', 'persons', ['PAK', 'IRN'], 0, 4, 'v1')")  # fmt: skip
    assert con.execute(
        "SELECT count(*) FROM duckdb_indexes() WHERE index_name LIKE '%_article'"
    ).fetchone() == (4,)
    con.close()
    with Warehouse.open(db) as wh:
        assert wh.schema_version() == migrations()[-1][0]
        con = wh.con
        assert con.execute("SELECT statement_id, speaker FROM statements").fetchall() == [
            ("s1", "Farid Almasi")
        ]
        assert con.execute("SELECT location_iso3 FROM refugee_counts").fetchall() == [(["PAK", "IRN"],)]
        indexed = {r[0] for r in con.execute("SELECT table_name FROM duckdb_indexes()").fetchall()}
        assert indexed.isdisjoint(DERIVED_TABLES)
        keyed = {r[0] for r in con.execute("SELECT table_name FROM duckdb_constraints() "
                                            "WHERE constraint_type = 'PRIMARY KEY'").fetchall()}  # fmt: skip
        assert keyed.isdisjoint(DERIVED_TABLES) and "articles" in keyed
        comments = dict(con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
        assert all(comments[t] and "contract v1" in comments[t] for t in DERIVED_TABLES)
        # the analyst views read the new tables
        assert con.execute("SELECT count(*) FROM statements_by_speaker").fetchone() == (1,)
        # and a batch loads into them as before
        wh.load_batch(_frames([_article("a2")], [_statement("s2", "a2")]), empty_frame("rejects"))
        assert con.execute("SELECT list(statement_id ORDER BY statement_id) FROM statements").fetchone() == (
            ["s1", "s2"],
        )


def test_second_writer_waits_then_reports_busy(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    Warehouse.open(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(db)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(WarehouseBusy, match="another sitrep process is writing"):
            Warehouse.open(db, wait_seconds=0.3)
    finally:
        holder.communicate("", timeout=30)
    Warehouse.open(db, wait_seconds=5).close()  # free again once the holder exits


def test_publish_replaces_tables_and_leaves_no_staging(tmp_path: Path) -> None:
    out = tmp_path / "pq"
    with Warehouse.open(tmp_path / "w.duckdb") as wh:
        wh.load_batch(_frames([_article("a1")], [_statement("s1", "a1")]), empty_frame("rejects"))
        first = publish_parquet(wh.con, out)
        wh.load_batch(_frames([_article("a2")], [_statement("s2", "a2")]), empty_frame("rejects"))
        second = publish_parquet(wh.con, out)
    assert first["statements"] == 1 and second["statements"] == 2
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["_snapshots", "articles", "datapackage.json", "incidents", "refugee_counts", "rejects", "statements"]
    )
    # the first snapshot, which no reader holds, is gone; the current one stays
    current = (out / "_snapshots" / "CURRENT").read_text().strip()
    assert sorted(p.name for p in (out / "_snapshots").iterdir()) == sorted(["CURRENT", current])
    got = duckdb.sql(
        f"SELECT statement_id FROM read_parquet('{out}/statements/**/*.parquet') ORDER BY 1"
    ).fetchall()
    assert got == [("s1",), ("s2",)]
    empty = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/incidents/**/*.parquet')").fetchall()
    assert empty == [(0,)]


def test_memory_limit_is_applied_or_refused_with_the_file_named(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Warehouse.open(db, memory_limit="300MB") as wh:
        (limit,) = wh.con.execute("SELECT current_setting('memory_limit')").fetchall()[0]
    assert limit.endswith("MiB") and 280 < float(limit.split()[0]) < 300
    with pytest.raises(WarehouseError, match="memory_limit 'lots; DROP") as err:
        Warehouse.open(db, memory_limit="lots; DROP TABLE articles")
    assert str(db) in str(err.value)
    with Warehouse.open(db) as wh:  # the refused open left the warehouse intact and unlocked
        assert wh.con.execute("SELECT count(*) FROM articles").fetchall() == [(0,)]


def test_known_articles_answers_for_stored_ids_only(tmp_path: Path) -> None:
    with Warehouse.open(tmp_path / "w.duckdb") as wh:
        wh.load_batch(_frames([_article("a1"), _article("a2", "Other text.")], []), empty_frame("rejects"))
        assert wh.known_articles([]) == {}
        got = wh.known_articles(["a2", "zz", "a1", "a1"])
    assert got == {"a1": ("0" * 64, "v1"), "a2": ("0" * 64, "v1")}


def test_schemas_are_built_once_and_shared_by_threads() -> None:
    # pandera builds a model's schema once per thread, deep-copying check tables that another
    # thread may be registering into; the pipeline builds each schema once, under a lock.
    from concurrent.futures import ThreadPoolExecutor

    from schemas import built_schema

    with ThreadPoolExecutor(8) as pool:
        built = list(pool.map(lambda _: built_schema(SCHEMAS["incidents"]), range(32)))
    assert len({id(s) for s in built}) == 1
    assert list(built[0].columns) == list(polars_schema(SCHEMAS["incidents"]))
