"""Guards scale-out: extraction batches on a process pool or a Dask LocalCluster produce exactly
the tables the default thread runner produces, with the warehouse still written by one process."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest
from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from typer.testing import CliRunner

from flows.cli import app
from flows.pipeline import sitrep_pipeline
from flows.runners import extraction_pool, make_task_runner

pytestmark = pytest.mark.slow

TABLES = {"articles": "article_id", "statements": "statement_id", "incidents": "incident_id",
          "refugee_counts": "count_id"}  # fmt: skip


def tables(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * EXCLUDE (loaded_run_id) FROM {t} ORDER BY {k}").fetchall()
                if t == "articles" else con.execute(f"SELECT * FROM {t} ORDER BY {k}").fetchall()
                for t, k in TABLES.items()}  # fmt: skip
    finally:
        con.close()


@pytest.fixture(scope="module")
def reference(prefect_server, examples_dir_module: Path, build_once) -> dict:
    """The thread runner's tables, made once per test run (the two runner tests may run on two workers)."""

    def build(d: Path) -> None:
        sitrep_pipeline(
            sources=[str(examples_dir_module)], db=str(d / "w.duckdb"), out=str(d / "pq"), batch_size=2
        )

    return tables(build_once("runners-threads", build) / "w.duckdb")


@pytest.fixture(scope="module")
def examples_dir_module() -> Path:
    return Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize("kind", [pytest.param("processes", id="processes"), pytest.param("dask", id="dask")])
def test_runner_produces_the_same_tables(
    kind: str, reference: dict, examples_dir_module: Path, tmp_path: Path
) -> None:
    db, out = tmp_path / "w.duckdb", tmp_path / "pq"
    if kind == "processes":  # through the CLI, whose progress hook must not ride along to the workers
        res = CliRunner().invoke(app, ["run", str(examples_dir_module), "--db", str(db), "--out", str(out),
                                       "--batch-size", "2", "--runner", "processes", "--workers", "2", "--json"])  # fmt: skip
        assert res.exit_code == 0, res.output
        summary = json.loads(res.stdout)
    else:
        runner = make_task_runner(kind, workers=2)
        summary = sitrep_pipeline.with_options(task_runner=runner)(
            sources=[str(examples_dir_module)], db=str(db), out=str(out), batch_size=2, max_inflight=4
        )  # fmt: skip
    assert summary["articles_new"] == len(reference["articles"]) == 5
    assert tables(tmp_path / "w.duckdb") == reference


@task(cache_policy=NO_CACHE)
def _where_extraction_runs() -> tuple[int, int | None]:
    pool = extraction_pool()
    return os.getpid(), None if pool is None else pool.submit(os.getpid).result()


@flow
def _probe(runner: str) -> tuple[int, int | None]:
    with make_task_runner(runner, workers=1) as started:
        return started.submit(_where_extraction_runs, {}).result()


@pytest.mark.parametrize(("runner", "elsewhere"), [("processes", True), ("threads", False)])
def test_processes_runner_extracts_in_a_worker_process(prefect_server, runner: str, elsewhere: bool) -> None:
    """The task run stays in the flow's process (Prefect's engine and events there); only the
    extraction is handed to a worker process, and only by the processes runner."""
    task_pid, worker_pid = _probe(runner)
    assert task_pid == os.getpid()
    assert (worker_pid is not None and worker_pid != os.getpid()) is elsewhere


def test_unknown_runner_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown runner 'gpu'"):
        make_task_runner("gpu")
