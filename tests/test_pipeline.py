"""Guards the whole flow under Prefect: examples land in DuckDB and Parquet, reruns change
nothing, bad records end in `rejects` while good ones land, and `sitrep query` cannot write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.pipeline import sitrep_pipeline

TABLES = ("articles", "statements", "incidents", "refugee_counts", "rejects")
KEYS = {"articles": "article_id", "statements": "statement_id", "incidents": "incident_id",
        "refugee_counts": "count_id", "rejects": "reject_id"}  # fmt: skip

pytestmark = pytest.mark.slow


def run(sources: list[Path], db: Path, out: Path, **kw: Any) -> dict[str, Any]:
    return sitrep_pipeline(sources=[str(s) for s in sources], db=str(db), out=str(out), **kw)


def snapshot(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY {KEYS[t]}").fetchall() for t in TABLES}
    finally:
        con.close()


def parquet_rows(out: Path, table: str) -> list[dict]:
    rel = duckdb.sql(f"SELECT * FROM read_parquet('{out}/{table}/**/*.parquet', hive_partitioning=true)")
    cols = rel.columns
    return [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]


def test_examples_land_in_warehouse_and_parquet(prefect_server, examples_dir: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    summary = run([examples_dir], db, out)
    snap = snapshot(db)
    assert summary["articles_new"] == len(snap["articles"]) == 5
    assert summary["rejects"] == 0
    for table in TABLES:
        assert len(parquet_rows(out, table)) == len(snap[table]) == summary["published"][table]
    articles = {a["article_id"]: a for a in parquet_rows(out, "articles")}
    urls = {a["url"] for a in articles.values()}
    assert "https://example.net/sitrep-examples/zahedan-ambush" in urls  # canonical link of the HTML page
    for table in ("statements", "incidents", "refugee_counts"):
        for row in parquet_rows(out, table):
            text = articles[row["article_id"]]["text"]
            assert 0 <= row["start_char"] < row["end_char"] <= len(text)
    seed = next(a for a in articles.values() if a["url"].endswith("seed-iran-pakistan-afghanistan.txt"))
    assert seed["title"] == "Iran and Pakistan Officials Meet to Discuss Afghanistan"


def test_rerun_changes_no_row(prefect_server, examples_dir: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    run([examples_dir], db, out)
    before = snapshot(db)
    second = run([examples_dir], db, out)
    assert second["articles_unchanged"] == 5 and second["articles_new"] == second["articles_updated"] == 0
    assert snapshot(db) == before
    runs = duckdb.connect(str(db), read_only=True).execute("SELECT status FROM runs").fetchall()
    assert runs == [("completed",), ("completed",)]


def test_bad_records_are_rejected_and_good_ones_land(prefect_server, tmp_path: Path) -> None:
    good = {"url": "https://example.net/good", "title": "Good", "published": "2025-01-02",
            "text": "Interior Minister Farid Almasi said on Monday that the border would reopen."}  # fmt: skip
    lines = [
        json.dumps(good).encode(),
        b'{"url": "https://example.net/truncated", "text": "abc',
        json.dumps({"url": "https://example.net/notext", "title": "No body"}).encode(),
        json.dumps({"url": "https://example.net/date", "text": "Body.", "published": "yesterday"}).encode(),
        b'{"url": "https://example.net/latin1", "text": "caf\xe9"}',
        json.dumps(dict(good, url="https://example.net/good2")).encode(),
    ]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    summary = run([src, empty, tmp_path / "missing.jsonl"], db, out)
    con = duckdb.connect(str(db), read_only=True)
    urls = sorted(r[0] for r in con.execute("SELECT url FROM articles").fetchall())
    assert urls == ["https://example.net/good", "https://example.net/good2"]
    rejects = con.execute("SELECT source, location, stage, reason FROM rejects ORDER BY source, location").fetchall()
    expected = [
        (str(empty), None, "read", "empty file"),
        (str(src), "line 2", "parse", "invalid JSON"),
        (str(src), "line 3", "parse", "missing field: text (or html)"),
        (str(src), "line 4", "parse", "unparseable published date"),
        (str(src), "line 5", "read", "not UTF-8"),
        (str(tmp_path / "missing.jsonl"), None, "read", "no such file"),
    ]
    assert len(rejects) == len(expected) == summary["rejects"]
    for got, want in zip(sorted(rejects, key=str), sorted(expected, key=str), strict=True):
        assert got[:3] == want[:3] and got[3].startswith(want[3])


def test_changed_text_at_same_url_updates_in_place(prefect_server, tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    rec = {"url": "https://example.net/x", "title": "T", "published": "2025-03-01",
           "text": "Police chief Omar Haidari said 12 people were killed in Bannu on Friday."}  # fmt: skip
    src.write_text(json.dumps(rec) + "\n")
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    run([src], db, out)
    rec["text"] = "Police chief Omar Haidari said 14 people were killed in Bannu on Friday."
    src.write_text(json.dumps(rec) + "\n")
    second = run([src], db, out)
    assert second["articles_updated"] == 1
    snap = snapshot(db)
    assert len(snap["articles"]) == 1 and "14 people" in snap["articles"][0][5]
    ids = [r[0] for t in ("statements", "incidents", "refugee_counts") for r in snap[t]]
    assert len(ids) == len(set(ids))


def test_query_is_read_only_and_formats(prefect_server, examples_dir: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    run([examples_dir], db, out)
    runner = CliRunner()
    refused = runner.invoke(app, ["query", "DELETE FROM articles", "--db", str(db)])
    assert refused.exit_code == 1 and "read-only" in refused.output
    res = runner.invoke(app, ["query", "SELECT count(*) AS n FROM articles", "--db", str(db), "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout) == [{"n": 5}]
    res = runner.invoke(app, ["query", "SELECT url FROM articles ORDER BY url", "--db", str(db), "--format", "csv"])
    assert res.exit_code == 0 and res.stdout.splitlines()[0] == "url" and len(res.stdout.splitlines()) == 6
    missing = runner.invoke(app, ["query", "SELECT 1", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no warehouse" in missing.output
