"""Guards scheduled operation: `sitrep serve` starts its own Prefect server, a scheduled run
lands rows with the task runner `--runner` named, everything stops on SIGTERM; and two concurrent
runs keep one writer at a time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from flows.serve import free_port

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]


def env_for(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_LOGGING_LEVEL="WARNING", **extra)
    return env


def completed_runs(db: Path) -> int | None:
    """Completed runs in the warehouse, or None while a writer holds it."""
    if not db.exists():
        return 0
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return None
    try:
        return con.execute("SELECT count(*) FROM runs WHERE status = 'completed'").fetchall()[0][0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


def test_serve_runs_on_schedule_and_stops_cleanly(tmp_path: Path) -> None:
    db, out = tmp_path / "data" / "w.duckdb", tmp_path / "data" / "pq"
    # the runner looks for due runs every 2 s instead of Prefect's default 10 s
    env = env_for(tmp_path / "prefect-client", PREFECT_RUNNER_POLL_FREQUENCY="2")
    env.pop("PREFECT_API_URL", None)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", str(ROOT / "examples"), "--interval", "5",
         "--db", str(db), "--out", str(out), "--runner", "processes", "--workers", "2", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not (completed_runs(db) or 0) >= 1:
            assert proc.poll() is None, proc.communicate()[0][-3000:]
            time.sleep(1)
        assert (completed_runs(db) or 0) >= 1, "no scheduled run completed within 300 s"
        # the scheduled run got the runner: the deployment's parameters are the run's parameters
        runs = httpx.post(f"http://127.0.0.1:{port}/api/flow_runs/filter", json={}, timeout=30).json()
        done = [r for r in runs if r["state_type"] == "COMPLETED"]
        assert done and all(r["parameters"]["runner"] == "processes" for r in done), runs
        assert all(r["parameters"]["workers"] == 2 for r in done)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            output, _ = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            output, _ = proc.communicate()
    assert proc.returncode is not None
    # the server it started lived under the data directory and is gone with it
    assert (tmp_path / "data" / "prefect-server" / "server.log").exists()
    server_alive = (
        subprocess.run(["pgrep", "-f", f"PREFECT_HOME={tmp_path}"], capture_output=True).returncode == 0
    )
    assert not server_alive
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(5,)]
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/articles/**/*.parquet')").fetchall() == [
        (5,)
    ]


def _run(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip


def test_concurrent_runs_take_turns(prefect_api: str, tmp_path: Path) -> None:
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    env = env_for(tmp_path / "home", PREFECT_API_URL=prefect_api, SITREP_LOCK_WAIT_SECONDS="120")
    args = ["run", str(ROOT / "examples"), "--db", str(db), "--out", str(out)]
    procs = [_run(args, env), _run(args, env)]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchall() == [(5, 5)]
    assert con.execute("SELECT status FROM runs").fetchall() == [("completed",), ("completed",)]
    for t, key in (
        ("statements", "statement_id"),
        ("incidents", "incident_id"),
        ("refugee_counts", "count_id"),
    ):
        n, distinct = con.execute(f"SELECT count(*), count(DISTINCT {key}) FROM {t}").fetchall()[0]
        assert n == distinct


def test_second_writer_without_patience_exits_with_clear_message(prefect_api: str, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb,sys; c=duckdb.connect({str(db)!r}); "
                               "print('ready', flush=True); sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        env = env_for(tmp_path / "home", PREFECT_API_URL=prefect_api, SITREP_LOCK_WAIT_SECONDS="1")
        proc = _run(["run", str(ROOT / "examples"), "--db", str(db), "--out", str(tmp_path / "pq")], env)
        output = proc.communicate(timeout=300)[0]
    finally:
        holder.communicate("", timeout=30)
    assert proc.returncode == 1
    assert "another sitrep process is writing" in output
