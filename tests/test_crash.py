"""Guards crash safety: a real `sitrep run` killed with SIGKILL while loading or publishing leaves
a consistent warehouse, and the next run completes with no duplicate and no lost row."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
TABLES = {"articles": "article_id", "statements": "statement_id", "incidents": "incident_id",
          "refugee_counts": "count_id"}  # fmt: skip
# Long enough that a run is still loading well after its first batch (about 5 s here, and the kill
# comes at most 0.5 s after the first WAL write); publishing takes the same ~0.1 s at any size.
N_ARTICLES = 200


@pytest.fixture(scope="module")
def corpus(build_once) -> Path:
    """Many distinct articles made from the examples (new URLs, shifted figures)."""
    base = [json.loads(line) for line in (ROOT / "examples" / "articles.jsonl").read_text().splitlines()]

    def build(d: Path) -> None:
        with (d / "many.jsonl").open("w", encoding="utf-8") as fh:
            for i in range(N_ARTICLES):
                rec = dict(base[i % len(base)])
                rec["url"] = f"{rec['url']}?copy={i}"
                rec["text"] = rec["text"].replace("seven", str(7 + i % 5)) + f"\n\nFiled {i}."
                fh.write(json.dumps(rec) + "\n")

    return build_once(f"crash-corpus-{N_ARTICLES}", build) / "many.jsonl"


def sitrep(args: list[str], api: str, home: Path) -> subprocess.Popen:
    env = dict(os.environ, PREFECT_API_URL=api, PREFECT_HOME=str(home), PREFECT_LOGGING_LEVEL="ERROR")
    return subprocess.Popen([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip


def run_to_end(corpus: Path, db: Path, out: Path) -> None:
    """An uninterrupted run: the flow `sitrep run` calls, with the same arguments, in this process
    (only the killed runs need a process of their own; this saves a Prefect and sitrep start-up)."""
    from flows.pipeline import sitrep_pipeline

    sitrep_pipeline(sources=[str(corpus)], db=str(db), out=str(out), batch_size=50, max_inflight=2)


def snapshot(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * EXCLUDE (extractor_version) FROM {t} ORDER BY {k}").fetchall()
                if t != "articles" else
                con.execute("SELECT article_id, url, text, content_sha256 FROM articles ORDER BY 1").fetchall()
                for t, k in TABLES.items()}  # fmt: skip
    finally:
        con.close()


def parquet_counts(out: Path) -> dict[str, int]:
    return {t: duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/{t}/**/*.parquet')").fetchall()[0][0]
            for t in TABLES}  # fmt: skip


def snapshot_counts(out: Path, from_manifest: bool = False) -> dict[str, int]:
    """Rows per table in the snapshot that `sitrep query` reads while a run holds the warehouse."""
    from warehouse.reader import open_snapshot

    with open_snapshot(out) as reader:
        if from_manifest:
            return {t: reader.source.rows[t] for t in TABLES}
        return {t: reader.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}


@pytest.fixture(scope="module")
def reference_run(corpus: Path, prefect_server, build_once) -> Path:
    """One uninterrupted run (its warehouse and Parquet), made once per test run and shared by the workers."""

    def build(d: Path) -> None:
        run_to_end(corpus, d / "w.duckdb", d / "pq")

    return build_once(f"crash-reference-{N_ARTICLES}", build)


@pytest.fixture(scope="module")
def reference(reference_run: Path) -> dict:
    return snapshot(reference_run / "w.duckdb")


def wait_for(cond, proc: subprocess.Popen, timeout: float = 180) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if cond():
            return True
        time.sleep(0.005)
    return False


@pytest.mark.parametrize(
    ("stage", "seed"),
    [pytest.param("load", 1, id="load-1"), pytest.param("load", 2, id="load-2"),
     pytest.param("publish", 3, id="publish-1"), pytest.param("publish", 4, id="publish-2")],
)  # fmt: skip
def test_sigkill_then_rerun_restores_every_row(
    stage: str,
    seed: int,
    corpus: Path,
    reference_run: Path,
    reference: dict,
    prefect_api: str,
    prefect_server,
    tmp_path: Path,
) -> None:
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    args = ["run", str(corpus), "--db", str(db), "--out", str(out), "--batch-size", "50"]
    rng = random.Random(seed)
    if stage == "publish":
        # loaded and published once: a copy of the uninterrupted reference run (same corpus, same arguments)
        shutil.copy2(reference_run / "w.duckdb", db)
        shutil.copytree(reference_run / "pq", out)
        assert snapshot(db) == reference
        (out / "datapackage.json").unlink()  # an incomplete published set: the next run republishes it
    proc = sitrep(args, prefect_api, tmp_path)
    wal = Path(f"{db}.wal")
    if stage == "load":
        hit = wait_for(lambda: wal.exists() and wal.stat().st_size > 0, proc)
        time.sleep(rng.uniform(0, 0.5))
    else:
        hit = wait_for(lambda: any(out.glob("_snapshots/.partial-*/*")), proc)
        time.sleep(rng.uniform(0, 0.05))
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert hit, f"the run ended before reaching the {stage} stage"
    assert proc.returncode == -signal.SIGKILL, (
        f"the run ended (exit {proc.returncode}) before the kill landed"
    )
    # whatever the kill left, every published table is still a readable, complete Parquet set
    if out.exists():
        for table in TABLES:
            if (out / table).exists():
                duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/{table}/**/*.parquet')").fetchall()
        if (out / "_snapshots" / "CURRENT").exists():  # ...and the snapshot readers follow is whole
            assert snapshot_counts(out) == snapshot_counts(out, from_manifest=True)
    run_to_end(corpus, db, out)  # the next run
    assert snapshot(db) == reference
    assert parquet_counts(out) == {t: len(rows) for t, rows in reference.items()}
    assert snapshot_counts(out) == parquet_counts(out)
    assert not list(out.glob(".staging-*")) and not list(out.glob("_snapshots/.partial-*"))
