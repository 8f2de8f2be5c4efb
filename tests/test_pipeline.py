"""Guards the whole flow under Prefect: examples land in DuckDB and Parquet, reruns change
nothing, bad records end in `rejects` while good ones land, and `sitrep query` cannot write."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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
    # what `make demo` publishes passes Frictionless as a downstream user runs it
    res = subprocess.run([str(Path(sys.executable).with_name("frictionless")), "validate", "--json",
                          str(out / "datapackage.json")], capture_output=True, text=True, timeout=300)  # fmt: skip
    report = json.loads(res.stdout)
    assert report["valid"] and res.returncode == 0, [t["errors"][:3] for t in report["tasks"] if t["errors"]]


def test_run_without_an_api_url_uses_a_temporary_server(examples_dir: Path, tmp_path: Path) -> None:
    """The default path (`make demo`): no PREFECT_API_URL, so `sitrep run` boots Prefect's temporary
    server for the run. Every other flow test reports to the test run's real server instead."""
    home, db, out = tmp_path / "home", tmp_path / "w.duckdb", tmp_path / "pq"
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_LOGGING_LEVEL="ERROR")
    env.pop("PREFECT_API_URL", None)
    res = subprocess.run([sys.executable, "-m", "flows.cli", "run", str(examples_dir), "--db", str(db), "--out", str(out)],
                         cwd=examples_dir.parent, env=env, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert res.returncode == 0, res.stdout + res.stderr
    assert (home / "prefect.db").is_file()  # the temporary server's database, under this run's PREFECT_HOME
    snap = snapshot(db)
    assert len(snap["articles"]) == 5 and snap["rejects"] == []
    assert len(parquet_rows(out, "articles")) == 5


def test_rerun_changes_no_row(prefect_server, examples_dir: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    run([examples_dir], db, out)
    before = snapshot(db)
    second = run([examples_dir], db, out)
    assert second["articles_unchanged"] == 5 and second["articles_new"] == second["articles_updated"] == 0
    assert second["skipped_unparsed"] == 5  # known by their raw digests: not even parsed
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
    rejects = con.execute(
        "SELECT source, location, stage, reason FROM rejects ORDER BY source, location"
    ).fetchall()
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
    res = runner.invoke(
        app, ["query", "SELECT count(*) AS n FROM articles", "--db", str(db), "--format", "json"]
    )
    assert res.exit_code == 0 and json.loads(res.stdout) == [{"n": 5}]
    res = runner.invoke(
        app, ["query", "SELECT url FROM articles ORDER BY url", "--db", str(db), "--format", "csv"]
    )
    assert res.exit_code == 0 and res.stdout.splitlines()[0] == "url" and len(res.stdout.splitlines()) == 6
    missing = runner.invoke(app, ["query", "SELECT 1", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no warehouse" in missing.output


def test_run_attaches_summary_artifacts(prefect_server, examples_dir: Path, tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    db = tmp_path / "w.duckdb"
    summary = run([examples_dir], db, tmp_path / "pq")
    flow_run_id = (
        duckdb.connect(str(db), read_only=True)
        .execute("SELECT flow_run_id FROM runs WHERE run_id = ?", [summary["run_id"]])
        .fetchall()[0][0]
    )
    assert flow_run_id
    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=["sitrep-run-summary", "sitrep-run-counts"]),
            flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]),
        ))  # fmt: skip
    by_key = {a.key: a for a in arts}
    assert set(by_key) == {"sitrep-run-summary", "sitrep-run-counts"}
    markdown = str(by_key["sitrep-run-summary"].data)
    assert f"| articles new | {summary['articles_new']} |" in markdown
    assert "New incidents, largest tolls first" in markdown and "Bannu" in markdown
    table = (
        json.loads(by_key["sitrep-run-counts"].data)
        if isinstance(by_key["sitrep-run-counts"].data, str)
        else by_key["sitrep-run-counts"].data
    )
    assert {"stage": "articles_new", "count": 5} in table


def test_reprocess_restores_rows_and_reports_changes(
    prefect_server, examples_dir: Path, tmp_path: Path
) -> None:
    from flows.pipeline import sitrep_reprocess

    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    run([examples_dir], db, out)
    before = snapshot(db)
    con = duckdb.connect(str(db))
    # what an older extractor might have left: a missing statement, a wrong toll, an extra count
    con.execute("DELETE FROM statements WHERE statement_id = (SELECT min(statement_id) FROM statements)")
    con.execute(
        "UPDATE incidents SET killed = 999 WHERE incident_id = (SELECT min(incident_id) FROM incidents)"
    )
    con.execute(
        "INSERT INTO refugee_counts SELECT * REPLACE ('stale' AS count_id) FROM refugee_counts LIMIT 1"
    )
    con.close()
    result = sitrep_reprocess(db=str(db), out=str(out))
    assert result["articles"] == 5
    assert result["changes"]["statements"] == {"added": 1, "removed": 0, "changed": 0}
    assert result["changes"]["incidents"] == {"added": 0, "removed": 0, "changed": 1}
    assert result["changes"]["refugee_counts"] == {"added": 0, "removed": 1, "changed": 0}
    after = snapshot(db)
    for t in ("statements", "incidents", "refugee_counts"):
        assert after[t] == before[t]
    assert len(parquet_rows(out, "statements")) == len(before["statements"])


def _articles_text(db: Path) -> list[tuple[str, str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT article_id, url, text FROM articles ORDER BY article_id").fetchall()
    finally:
        con.close()


def test_rerun_parses_only_changed_batches(prefect_server, tmp_path: Path) -> None:
    recs = [{"url": f"https://example.net/r{i}", "title": f"R{i}", "published": "2025-03-01",
             "text": f"Police chief Omar Haidari said {i + 3} people were killed in Bannu on Friday."}
            for i in range(3)]  # fmt: skip
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    first = run([src], db, out, batch_size=1)
    assert first["articles_new"] == 3 and first["skipped_unparsed"] == 0
    recs[1]["text"] = recs[1]["text"].replace("Friday", "Saturday")
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    second = run([src], db, out, batch_size=1)
    assert (second["skipped_unparsed"], second["articles_updated"], second["articles_unchanged"]) == (2, 1, 2)
    assert any("Saturday" in t for _, _, t in _articles_text(db))
    third = run([src], db, out, batch_size=1)
    assert third["skipped_unparsed"] == 3 and third["articles_updated"] == 0


def test_digest_skip_keeps_the_last_record_of_an_article(prefect_server, tmp_path: Path) -> None:
    """A URL twice in one input: a rerun must end on the later record, as the first run did."""

    def rec(url: str, n: int) -> str:
        return json.dumps({"url": url, "title": "T", "published": "2025-03-01",
                           "text": f"Police chief Omar Haidari said {n} people were killed in Bannu."}) + "\n"  # fmt: skip

    u, v = "https://example.net/u", "https://example.net/v"
    src = tmp_path / "a.jsonl"
    src.write_text(rec(u, 4) + rec(v, 5) + rec(u, 6))
    for batch_size in (1, 500):  # the two records in different batches, then in one
        db, out = tmp_path / f"w{batch_size}.duckdb", tmp_path / f"pq{batch_size}"
        run([src], db, out, batch_size=batch_size)
        after_first = _articles_text(db)
        assert any("said 6 people" in t for _, _, t in after_first)
        second = run([src], db, out, batch_size=batch_size)
        assert _articles_text(db) == after_first
        assert second["skipped_unparsed"] == (1 if batch_size == 1 else 0)  # only v's batch is skipped


def _record(url: str, n: int) -> str:
    return json.dumps({"url": url, "title": "T", "published": "2025-03-01",
                       "text": f"Police chief Omar Haidari said {n} people were killed in Bannu."}) + "\n"  # fmt: skip


def test_unchanged_file_is_not_read_again(prefect_server, tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text("".join(_record(f"https://example.net/f{i}", i + 2) for i in range(3)))
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    first = run([src], db, out)
    assert first["articles_new"] == 3 and first["files_skipped"] == 0
    before = _articles_text(db)
    second = run([src], db, out)
    assert (second["files_skipped"], second["records_read"], second["skipped_unparsed"]) == (1, 3, 3)
    assert _articles_text(db) == before
    st = src.stat()
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # touched: read it again
    third = run([src], db, out)
    assert (third["files_skipped"], third["skipped_unparsed"], third["articles_unchanged"]) == (0, 3, 3)
    assert run([src], db, out)["files_skipped"] == 1  # read in full again, so skipped next time


def test_skipping_a_file_keeps_the_later_text_of_an_article(prefect_server, tmp_path: Path) -> None:
    """An article in two files ends with the later file's text, whether that file is read or skipped."""
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(_record("https://example.net/x", 4))
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    run([a], db, out)
    assert run([a], db, out)["files_skipped"] == 1
    b.write_text(_record("https://example.net/x", 9))  # the same article with another text...
    for batch_size in (1, 500):  # ...read before a, in its own batch and in a's batch
        summary = run([b, a], db, out, batch_size=batch_size)
        assert summary["files_skipped"] == 0
        assert [t for _, _, t in _articles_text(db)] == [json.loads(_record("", 4))["text"]]


def test_a_file_with_a_rejected_record_is_read_every_run(prefect_server, tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(_record("https://example.net/y", 3) + "{not json\n")
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    run([src], db, out)
    second = run([src], db, out)
    assert second["files_skipped"] == 0 and second["rejects"] == 1  # the bad line is reported again


def test_cli_run_with_nothing_to_do_starts_no_flow(prefect_server, tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text("".join(_record(f"https://example.net/n{i}", i + 2) for i in range(2)))
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    args = ["run", str(src), "--db", str(db), "--out", str(out), "--json"]
    runner = CliRunner()

    def cli(*extra: str) -> dict[str, Any]:
        res = runner.invoke(app, [*args, *extra])
        assert res.exit_code == 0, res.output
        return json.loads(res.stdout)

    first = cli()
    assert first["articles_new"] == 2 and "flow_run" not in first
    second = cli()  # the file is unchanged and was loaded in full: nothing to do, no flow
    assert second["flow_run"] is False
    assert (second["records_read"], second["articles_unchanged"], second["files_skipped"]) == (2, 2, 1)
    assert second["published"] == first["published"]
    con = duckdb.connect(str(db), read_only=True)
    try:
        runs = con.execute(
            "SELECT flow_run_id IS NULL, status, message FROM runs ORDER BY started_at"
        ).fetchall()
    finally:
        con.close()
    assert [r[:2] for r in runs] == [(False, "completed"), (True, "completed")]
    assert "no flow run" in runs[1][2]
    assert "flow_run" not in cli("--always-flow")  # asked for: the flow runs (and skips the file itself)
    src.write_text(src.read_text() + _record("https://example.net/n9", 9))
    third = cli()  # a changed file: the flow reads it
    assert "flow_run" not in third and third["articles_new"] == 1


def test_a_batch_costs_one_task_run(prefect_server, examples_dir: Path, tmp_path: Path) -> None:
    """Parsing, validation and the load run in the flow itself: per batch only its extract task run
    reaches the Prefect server (each costs it tens of milliseconds of CPU; see BENCHMARKS.md)."""
    import time

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from flows.pipeline import PER_BATCH_TASKS

    db = tmp_path / "w.duckdb"
    summary = run([examples_dir], db, tmp_path / "pq", batch_size=2)  # 5 articles: 3 batches
    assert summary["articles_new"] == 5
    con = duckdb.connect(str(db), read_only=True)
    try:
        flow_run_id = con.execute("SELECT flow_run_id FROM runs").fetchall()[0][0]
    finally:
        con.close()
    names: dict[str, int] = {}
    deadline = time.monotonic() + 60  # the server records task runs from their events, a little later
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            runs = client.read_task_runs(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
            )
            names = {}
            for tr in runs:
                base = tr.name.rsplit("-", 1)[0]  # "extract-a1b" -> "extract"
                names[base] = names.get(base, 0) + 1
            if names.get("top-incidents"):
                break
            time.sleep(0.5)
    assert PER_BATCH_TASKS == ("extract",)
    assert names.pop("publish") >= 1  # the final publish, and a snapshot between batches when one is due
    assert names == {"extract": 3, "top-incidents": 1}
