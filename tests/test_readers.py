"""Guards what readers see while a run writes: published snapshots read exactly like the
warehouse (tables, analyst views, types), a reader falls back to the newest snapshot when the
warehouse is locked and says so, a sandboxed snapshot reader touches no file, snapshots held by a
reader survive later publishes, the year/month layout reads in pandas, Polars and DuckDB, and the
mid-run publish schedule."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import duckdb
import pytest

from flows.publishing import PublishClock
from warehouse import Warehouse, WarehouseBusy, publish_parquet
from warehouse.publish import published_state
from warehouse.reader import open_reader, open_snapshot

ROOT = Path(__file__).resolve().parents[1]
NAMES = ("articles", "statements", "incidents", "refugee_counts", "rejects", "runs",
         "incident_events", "incident_reports", "refugee_flows_monthly", "statements_by_speaker")  # fmt: skip


def load_examples(db: Path) -> None:
    """The examples and two bad records through the flow's own stage functions (no Prefect), and
    one runs row."""
    from flows.extract import extract_batch
    from flows.fetch import FetchPolicy, fetch_batch
    from flows.pipeline import parse_batch, rejects_frame, validate_batch
    from flows.sources import iter_records
    from flows.version import extractor_version

    run_id = uuid.uuid4().hex
    bad = db.with_name("bad.jsonl")
    bad.write_text('not json\n{"url": "https://example.org/empty", "title": "No body"}\n', encoding="utf-8")
    items = fetch_batch(list(iter_records([str(ROOT / "examples"), str(bad)])), FetchPolicy()).items
    articles, origins, rejects = parse_batch(items)
    frames, more = validate_batch(extract_batch(articles, origins, extractor_version()))
    with Warehouse.open(db) as wh:
        wh.load_batch(frames, rejects_frame(rejects + more, run_id), run_id=run_id)
        now = dt.datetime.now(dt.UTC)
        wh.record_run({"run_id": run_id, "started_at": now, "finished_at": now, "status": "completed",
                       "articles_new": frames["articles"].height})  # fmt: skip


@pytest.fixture(scope="module")
def published(build_once) -> Path:
    """A warehouse of the examples and one publish of it (shared; copy before changing)."""

    def build(d: Path) -> None:
        load_examples(d / "w.duckdb")
        with Warehouse.open(d / "w.duckdb") as wh:
            publish_parquet(wh.con, d / "pq")

    return build_once("readers-examples", build)


def rows_of(con: duckdb.DuckDBPyConnection, name: str) -> tuple[list[str], list[str], list[str]]:
    rel = con.sql(f"SELECT * FROM {name}")
    return rel.columns, [str(t) for t in rel.types], sorted(map(repr, rel.fetchall()))


@pytest.mark.parametrize("sandbox", [False, True], ids=["duckdb-reads-parquet", "sandbox-arrow"])
@pytest.mark.parametrize("name", NAMES)
def test_snapshot_reads_like_the_warehouse(published: Path, name: str, sandbox: bool) -> None:
    warehouse = duckdb.connect(str(published / "w.duckdb"), read_only=True)
    with open_snapshot(published / "pq", sandbox=sandbox) as reader:
        got = rows_of(reader.con, name)
    want = rows_of(warehouse, name)
    warehouse.close()
    assert want[2], f"{name} is empty in the fixture: the comparison would prove nothing"
    assert got == want


def test_snapshot_keeps_comments_and_names_its_run(published: Path) -> None:
    with open_snapshot(published / "pq") as reader:
        comments = dict(reader.con.execute(
            "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal AND comment IS NOT NULL"
        ).fetchall())  # fmt: skip
        run = reader.con.execute("SELECT run_id, status FROM runs").fetchall()
        source = reader.source
    assert comments["incidents"].startswith("One row per specific violent event")
    assert "Canonical violent events" in comments["incident_events"]
    assert source.kind == "snapshot" and not source.latest
    assert [(source.run_id, source.run_status)] == run
    assert source.rows["statements"] > 0 and source.snapshot_id in source.describe()


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv('/etc/hostname')",
        "COPY (SELECT 1) TO '{dir}/leak.csv'",
        "COPY (SELECT * FROM articles) TO '{pq}/articles/x.parquet' (FORMAT parquet, USE_TMP_FILE false)",
        "ATTACH '{dir}/other.duckdb'",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET enable_external_access = true",
        "SELECT * FROM read_parquet('{pq}/articles/**/*.parquet')",
        "CREATE TABLE t AS SELECT 1",
    ],
    ids=["read_csv", "copy-to", "overwrite-published", "attach", "install", "load", "set", "read_parquet",
         "create"],
)  # fmt: skip
def test_sandboxed_snapshot_reader_touches_no_file(published: Path, tmp_path: Path, sql: str) -> None:
    before = sorted(p for p in tmp_path.rglob("*"))
    with open_snapshot(published / "pq", sandbox=True) as reader:
        with pytest.raises(duckdb.Error):
            reader.con.execute(sql.format(dir=tmp_path, pq=published / "pq"))
        # and it still answers from the snapshot afterwards
        assert reader.con.execute("SELECT count(*) FROM incident_events").fetchall()[0][0] > 0
    assert sorted(p for p in tmp_path.rglob("*")) == before


@pytest.mark.parametrize(
    "sql",
    ["DELETE FROM articles", "UPDATE statements SET speaker = 'x'", "INSERT INTO runs (run_id) VALUES ('x')",
     "DROP VIEW incident_events", "CREATE TABLE t (i INTEGER)", "COMMENT ON VIEW articles IS 'x'"],
    ids=["delete", "update", "insert", "drop", "create", "comment"],
)  # fmt: skip
def test_snapshot_refuses_writes(published: Path, sql: str) -> None:
    with open_snapshot(published / "pq") as reader:
        before = {n: rows_of(reader.con, n) for n in ("articles", "statements", "runs", "incident_events")}
        with pytest.raises(duckdb.Error):
            reader.con.execute(sql)
    with open_snapshot(published / "pq") as reader:
        assert {n: rows_of(reader.con, n) for n in before} == before


def hold(path: Path, read_only: bool) -> subprocess.Popen:
    """Another process holding ``path`` open in DuckDB until its stdin closes."""
    code = ("import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == '1'); "
            "print('open', flush=True); sys.stdin.read()")  # fmt: skip
    proc = subprocess.Popen([sys.executable, "-c", code, str(path), "1" if read_only else "0"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    return proc


def test_reader_falls_back_to_the_snapshot_while_a_run_holds_the_warehouse(
    published: Path, tmp_path: Path
) -> None:
    # A copy: holding the shared fixture's file for writing would lock out other workers' readers.
    published = Path(shutil.copytree(published, tmp_path / "copy"))
    with open_reader(published / "w.duckdb", published / "pq") as reader:
        assert reader.source.kind == "warehouse" and reader.source.latest
    writer = hold(published / "w.duckdb", read_only=False)
    try:
        with open_reader(published / "w.duckdb", published / "pq") as reader:
            assert reader.source.kind == "snapshot"
            got = reader.con.execute("SELECT count(*) FROM statements").fetchall()[0][0]
            assert got == reader.source.rows["statements"] > 0
        with pytest.raises(WarehouseBusy, match="has published nothing under"):
            open_reader(published / "w.duckdb", published / "nothing-here")
    finally:
        writer.communicate("", timeout=30)


def test_a_snapshot_in_use_survives_later_publishes(published: Path, tmp_path: Path) -> None:
    load_examples(tmp_path / "w.duckdb")
    out = tmp_path / "pq"
    with Warehouse.open(tmp_path / "w.duckdb") as wh:
        publish_parquet(wh.con, out)
        first = (out / "_snapshots" / "CURRENT").read_text().strip()
        reader = hold(out / "_snapshots" / first / "catalog.duckdb", read_only=True)
        try:
            publish_parquet(wh.con, out)
            assert (out / "_snapshots" / first / "catalog.duckdb").is_file()  # still being read
        finally:
            reader.communicate("", timeout=30)
        publish_parquet(wh.con, out)
    snaps = sorted(p.name for p in (out / "_snapshots").iterdir())
    current = (out / "_snapshots" / "CURRENT").read_text().strip()
    assert first not in snaps and snaps == sorted(["CURRENT", current])
    # the public tree is hard links to the current snapshot's files: no second copy on disk
    public = next((out / "articles").rglob("*.parquet"))
    assert public.stat().st_nlink == 2


def test_published_state_needs_a_complete_publish(published: Path, tmp_path: Path) -> None:
    state = published_state(published / "pq")
    assert state is not None and state["rows"]["articles"] > 0
    package = json.loads((published / "pq" / "datapackage.json").read_text())
    assert package["sitrep"]["snapshot_id"] == state["snapshot_id"]
    # a publish cut short after CURRENT moved but before datapackage.json: not complete
    shutil.copytree(published / "pq", tmp_path / "pq")
    (tmp_path / "pq" / "_snapshots" / "CURRENT").write_text("20990101T000000Z-00000000\n")
    assert published_state(tmp_path / "pq") is None


def test_month_partitions_read_in_pandas_polars_and_duckdb(published: Path) -> None:
    import pandas as pd
    import polars as pl

    table = published / "pq" / "articles"
    paths = sorted(p.relative_to(table).parent.as_posix() for p in table.rglob("*.parquet"))
    assert "published_year=unknown/published_month=unknown" in paths
    assert all(p.split("/")[1].startswith(f"published_month={p.split('/')[0].split('=')[1]}") for p in paths)
    warehouse = duckdb.connect(str(published / "w.duckdb"), read_only=True)
    by_month = dict(warehouse.execute(
        "SELECT coalesce(strftime(timezone('UTC', published_at), '%Y-%m'), 'unknown'), count(*) "
        "FROM articles GROUP BY ALL"
    ).fetchall())  # fmt: skip
    warehouse.close()
    # a reader of the year level (pyarrow dataset) still filters by year, and sees the month too
    df = pd.read_parquet(table, filters=[("published_year", "=", "2025")])
    assert len(df) == sum(n for m, n in by_month.items() if m.startswith("2025"))
    assert df.groupby("published_month", observed=True).size().to_dict() == {
        m: n for m, n in by_month.items() if m.startswith("2025")
    }
    lf = pl.scan_parquet(table / "**/*.parquet", hive_partitioning=True)
    got = dict(lf.group_by("published_month").len().collect().iter_rows())
    assert {str(k): v for k, v in got.items()} == by_month
    rows = duckdb.sql(f"SELECT published_month, count(*) FROM read_parquet('{table}/**/*.parquet', "
                      "hive_partitioning = true) GROUP BY ALL").fetchall()  # fmt: skip
    assert dict(rows) == by_month


@pytest.mark.parametrize(
    ("every", "published", "since_last", "last_cost", "due"),
    [
        pytest.param(None, False, 1e9, 0.0, False, id="off"),
        pytest.param(300.0, False, 0.0, 0.0, True, id="first-batch-when-nothing-published"),
        pytest.param(300.0, True, 299.0, 1.0, False, id="before-the-interval"),
        pytest.param(300.0, True, 300.0, 1.0, True, id="at-the-interval"),
        pytest.param(1.0, True, 50.0, 10.0, False, id="costly-publish-waits-nine-times-its-cost"),
        pytest.param(1.0, True, 90.0, 10.0, True, id="after-nine-times-its-cost"),
    ],
)  # fmt: skip
def test_publish_clock(every: float | None, published: bool, since_last: float, last_cost: float,
                       due: bool) -> None:  # fmt: skip
    clock = PublishClock(every)
    clock.record(100.0, 100.0 + last_cost)
    assert clock.due(published, now=100.0 + last_cost + since_last) is due


# -- a real run, with queries and reports beside it ------------------------------------------------

# enough to overlap queries with a real run on a busy 2-core machine (20 batches), and no more
N_ARTICLES, BATCH = 1000, 50
CONSISTENCY = """
SELECT (SELECT count(*) FROM articles) AS articles,
       (SELECT count(*) FROM statements) AS statements,
       (SELECT count(*) FROM incidents) AS incidents,
       (SELECT count(*) FROM refugee_counts) AS refugee_counts,
       (SELECT count(*) FROM statements ANTI JOIN articles USING (article_id))
     + (SELECT count(*) FROM incidents ANTI JOIN articles USING (article_id))
     + (SELECT count(*) FROM refugee_counts ANTI JOIN articles USING (article_id)) AS orphans,
       (SELECT coalesce(sum(reports), 0) FROM incident_events) AS event_reports,
       (SELECT coalesce(sum(statements), 0) FROM statements_by_speaker) AS speaker_statements,
       r.run_id, r.status, r.articles_new, r.statements AS run_statements, r.incidents AS run_incidents,
       r.refugee_counts AS run_refugee_counts
FROM (SELECT * FROM runs ORDER BY started_at DESC LIMIT 1) r
"""


@pytest.fixture(scope="module")
def short_corpus(build_once) -> Path:
    """Invented wire stories from the bench generator, cut to two paragraphs (faster to extract)
    and dated within three months (fewer partitions: each publish costs less, so there are more)."""
    from bench.corpus import articles

    def build(d: Path) -> None:
        with (d / "wire.jsonl").open("w", encoding="utf-8") as fh:
            for i, rec in enumerate(articles(N_ARTICLES, seed=20)):
                rec["text"] = "\n\n".join(rec["text"].split("\n\n")[:2])
                rec["published"] = (dt.date(2024, 1, 1) + dt.timedelta(days=i % 90)).isoformat()
                fh.write(json.dumps(rec) + "\n")

    return build_once(f"readers-corpus-{N_ARTICLES}", build) / "wire.jsonl"


def sitrep(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)  # fmt: skip


def check_answer(answer: dict) -> dict:
    """One `sitrep query --json` answer: the tables agree with each other and with the runs row."""
    source, [row] = answer["source"], answer["rows"]
    assert row["orphans"] == 0, row
    assert row["articles"] == row["articles_new"], row  # one fresh run: it loaded every article
    for t in ("statements", "incidents", "refugee_counts"):
        assert row[t] == row[f"run_{t}"], (t, row)
    assert row["event_reports"] == row["incidents"] and row["speaker_statements"] == row["statements"], row
    assert source["run_id"] == row["run_id"] and source["run_status"] == row["status"]
    if source["kind"] == "snapshot":  # what the writer published is what the views read
        assert {t: row[t] for t in ("articles", "statements", "incidents", "refugee_counts")} == {
            t: source["rows"][t] for t in ("articles", "statements", "incidents", "refugee_counts")
        }
        assert row["articles"] <= source["batches"] * BATCH
    return row


@pytest.mark.slow
def test_queries_and_reports_answer_consistently_during_a_run(
    short_corpus: Path, prefect_api: str, tmp_path: Path
) -> None:
    import os
    import re
    import time

    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    env = dict(os.environ, PREFECT_API_URL=prefect_api, PREFECT_HOME=str(tmp_path), SITREP_DB=str(db),
               SITREP_OUT=str(out), SITREP_PUBLISH_EVERY="1")  # fmt: skip
    run = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", str(short_corpus), "--batch-size",
                            str(BATCH), "--json"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)  # fmt: skip
    answers, reports = [], []
    deadline = time.monotonic() + 600  # a bound against a hang, not a speed check
    try:
        while run.poll() is None and time.monotonic() < deadline:
            if not db.exists():
                time.sleep(0.2)
                continue
            q = sitrep("query", "--json", CONSISTENCY, env=env)
            if "has published nothing" in q.stderr:  # before the first batch lands
                continue
            assert q.returncode == 0, q.stderr
            answers.append({**json.loads(q.stdout), "stderr": q.stderr})
            if len(answers) % 4 == 2:
                html = tmp_path / "brief.html"
                r = sitrep("report", "--out", str(html), env=env)
                assert r.returncode == 0, r.stderr
                reports.append((r.stdout, html.read_text(encoding="utf-8")))
        stdout, stderr = run.communicate(timeout=600)
    finally:
        if run.poll() is None:
            run.kill()
            run.communicate()
    assert run.returncode == 0, stderr[-2000:]
    summary = json.loads(stdout)
    final = sitrep("query", "--json", CONSISTENCY, env=env)
    assert final.returncode == 0 and "answering from" not in final.stderr
    last = check_answer(json.loads(final.stdout))
    assert json.loads(final.stdout)["source"]["kind"] == "warehouse" and last["status"] == "completed"
    assert last["articles"] == summary["articles_new"] == N_ARTICLES

    mid_run = [
        a for a in answers if a["source"]["kind"] == "snapshot" and a["source"]["run_status"] == "running"
    ]
    assert mid_run, f"no query overlapped the run's loading ({len(answers)} answers)"
    counts = [check_answer(a)["articles"] for a in answers]
    assert counts == sorted(counts) and 0 < counts[0] <= last["articles"]
    for a in answers:  # --json carries the snapshot, and one line on stderr names it
        assert a["source"]["latest"] is (a["source"]["kind"] == "warehouse")
        named = f"answering from the published snapshot {a['source']['snapshot_id']}" in a["stderr"]
        assert named is (a["source"]["kind"] == "snapshot"), a["stderr"]

    assert reports, "no report was written during the run"
    for printed, html in reports:
        meta = re.search(r'<meta name="sitrep-data-source" content="([^"]*)">', html)
        assert meta is not None
        source = json.loads(meta.group(1).replace("&#34;", '"'))
        statements = int(re.search(r"(\d+) statements", printed).group(1))
        if source["kind"] == "snapshot":
            assert statements == source["rows"]["statements"], (printed, source)
            assert f"published snapshot {source['snapshot_id']}" in html


@pytest.mark.parametrize(
    ("environ", "interval"),
    [({}, 300.0), ({"SITREP_PUBLISH_EVERY": "60"}, 60.0), ({"SITREP_PUBLISH_EVERY": "0"}, None)],
    ids=["default", "env", "zero-means-only-at-the-end"],
)
def test_publish_every_setting(environ: dict[str, str], interval: float | None) -> None:
    from flows.config import load_settings

    assert load_settings(None, environ=environ).publish_interval == interval


def test_publish_every_refuses_a_negative_interval() -> None:
    from flows.config import ConfigError, load_settings

    with pytest.raises(ConfigError, match="SITREP_PUBLISH_EVERY: publish_every must be >= 0"):
        load_settings(None, environ={"SITREP_PUBLISH_EVERY": "-5"})
