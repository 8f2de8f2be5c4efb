"""Shared fixtures: an isolated Prefect home and one real Prefect server per test run.

`make test` runs the suite on several pytest-xdist workers. The controller process starts one
`prefect server start` when the run begins (`pytest_configure`) and every worker reports to it
(`prefect_api`, `prefect_server`), so the run pays one server start-up, not one or two per worker.
Run without xdist (`-n 0`, `-p no:xdist`), the first test that needs the server starts it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Before anything imports prefect: an isolated, offline Prefect home for the whole session.
_PREFECT_HOME = Path(tempfile.mkdtemp(prefix="sitrep-test-prefect-"))
os.environ["PREFECT_HOME"] = str(_PREFECT_HOME)
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# The API URL of the run's shared server, set by the xdist controller for its workers.
_SHARED_API_ENV = "SITREP_TEST_PREFECT_API"

# The slowest tests go first, so that the workers are not left waiting on one long test at the end.
# Only the order changes; a test missing from this list runs after these, in collection order.
_SLOW_FIRST = (
    "test_schedule.py::test_serve",
    "test_pipeline.py::test_run_without_an_api_url",
    "test_faults.py::test_full_disk",
    "test_crash.py::",
    "test_readers.py::test_queries_and_reports_answer_consistently_during_a_run",
    "test_runners.py::",
    "test_schedule.py::",
    "test_faults.py::",
    "test_bad_inputs.py::test_whole_corpus",
    "test_report.py::test_examples_report_via_cli",
    "test_report.py::test_known_report",
    "test_report.py::test_empty_report",
    "test_report.py::test_report_generation",
    "test_report.py::test_a_year_of_data",
    "test_pipeline.py::",
    "test_web.py::test_faults_end",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        nodeid = item.nodeid.rsplit("/", 1)[-1]
        return next(
            (i for i, prefix in enumerate(_SLOW_FIRST) if nodeid.startswith(prefix)), len(_SLOW_FIRST)
        )

    items.sort(key=rank)  # stable: collection order within each rank


# -- one real Prefect server per run ------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(home: Path) -> tuple[subprocess.Popen, str]:
    """Start `prefect server start` on 127.0.0.1 with its own PREFECT_HOME (not waiting for it)."""
    port = _free_port()
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_UI_ENABLED="false")  # fmt: skip
    env.pop("PREFECT_API_URL", None)
    with (home / "server.log").open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    return proc, f"http://127.0.0.1:{port}/api"


def _stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _wait_healthy(url: str, proc: subprocess.Popen | None, log: Path | None, timeout: float = 180) -> None:
    from flows.serve import wait_healthy  # imported late: PREFECT_HOME is set above first

    wait_healthy(url, proc, timeout, log)


def pytest_configure(config: pytest.Config) -> None:
    """On the xdist controller: start the run's server now, while the workers start and collect."""
    if hasattr(config, "workerinput") or os.environ.get(_SHARED_API_ENV):
        return
    if not config.getoption("numprocesses", None) or config.getoption("dist", "no") == "no":
        return
    home = Path(tempfile.mkdtemp(prefix="sitrep-test-prefect-server-"))
    proc, url = _start_server(home)
    os.environ[_SHARED_API_ENV] = url  # the workers inherit the controller's environment
    config.stash[_server_key] = (proc, home)


_server_key = pytest.StashKey[tuple[subprocess.Popen, Path]]()


def pytest_unconfigure(config: pytest.Config) -> None:
    started = config.stash.get(_server_key, None)
    if started is not None:
        proc, home = started
        _stop_server(proc)
        os.environ.pop(_SHARED_API_ENV, None)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def prefect_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `prefect server start` on 127.0.0.1 (the run's shared one under xdist); yields its API URL."""
    shared = os.environ.get(_SHARED_API_ENV)
    if shared:
        _wait_healthy(shared, None, None)
        yield shared
        return
    home = tmp_path_factory.mktemp("prefect-server-home")
    proc, url = _start_server(home)
    try:
        _wait_healthy(url, proc, home / "server.log")
        yield url
    finally:
        _stop_server(proc)


@pytest.fixture(scope="session")
def prefect_server(prefect_api: str) -> Iterator[None]:
    """In-process flow tests report to the run's real Prefect server too (no temporary server each)."""
    import prefect.context
    from prefect.settings import PREFECT_API_URL, temporary_settings

    # the global settings context too, for code running in a context copied earlier (as prefect_test_harness does)
    with (
        temporary_settings(updates={PREFECT_API_URL: prefect_api}),
        prefect.context._temporary_global_settings_context(prefect.context.get_settings_context()),
    ):
        yield
        _drain_prefect_workers()


def _drain_prefect_workers() -> None:
    """Send the buffered logs and events before the server may go away."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.utilities.asyncutils import run_coro_as_sync

    async def drain() -> None:
        with contextlib.suppress(RuntimeError):  # the log worker may never have started
            result = APILogWorker.instance().drain()
            if hasattr(result, "__await__"):
                await result
        result = EventsWorker.drain_all()
        if hasattr(result, "__await__"):
            await result

    run_coro_as_sync(drain())


# -- expensive set-ups built once per run, shared by the xdist workers -------------------------------


@pytest.fixture(scope="session")
def build_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, Callable[[Path], None]], Path]:
    """``build_once(name, build)``: the folder ``build`` filled, built by the first worker that asks
    (under a file lock) and reused read-only by the others. Copy it before changing anything in it."""
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base

    def get(name: str, build: Callable[[Path], None]) -> Path:
        folder, done = root / f"shared-{name}", root / f"shared-{name}.done"
        with (root / f"shared-{name}.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                if not done.exists():
                    shutil.rmtree(folder, ignore_errors=True)
                    folder.mkdir()
                    build(folder)
                    done.touch()
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
        return folder

    return get


@pytest.fixture
def examples_dir() -> Path:
    return ROOT / "examples"
