"""Serve the pipeline on a schedule, starting a local Prefect server when none is configured.

Schedules need a real Prefect API: the temporary server that `sitrep run` uses
cannot schedule. Without ``PREFECT_API_URL``, ``serve_pipeline`` starts
``prefect server start`` on 127.0.0.1 (SQLite under the data directory), waits
until it is healthy, and stops it on exit.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from transforms.errors import SitrepError


class ServerError(SitrepError):
    """The local Prefect server could not be started."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(
    url: str, proc: subprocess.Popen[bytes] | None, timeout: float, log: Path | None = None
) -> None:
    """Poll ``{url}/health`` until it answers 200; raise ``ServerError`` on exit or timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise ServerError(f"prefect server exited with code {proc.returncode}; see {log}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise ServerError(f"prefect server at {url} not healthy after {timeout:g} s; see {log}")


@contextmanager
def local_prefect_server(home: Path, port: int | None = None, timeout: float = 120.0) -> Iterator[str]:
    """Run ``prefect server start`` on 127.0.0.1 with its own PREFECT_HOME; yield its API URL."""
    home.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    env.pop("PREFECT_API_URL", None)
    log_path = home / "server.log"
    with log_path.open("ab") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}/api"
        try:
            wait_healthy(url, proc, timeout, log_path)
            yield url
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def serve_pipeline(
    parameters: dict[str, Any],
    *,
    cron: str | None,
    interval: float | None,
    name: str = "sitrep",
    server_home: Path,
    port: int | None = None,
) -> None:
    """Serve ``sitrep_pipeline`` with one schedule until interrupted (SIGINT/SIGTERM)."""
    if os.environ.get("PREFECT_API_URL"):
        _serve(parameters, cron=cron, interval=interval, name=name)
        return
    with local_prefect_server(server_home, port) as url:
        os.environ["PREFECT_API_URL"] = url
        try:
            _serve(parameters, cron=cron, interval=interval, name=name)
        finally:
            os.environ.pop("PREFECT_API_URL", None)


def _serve(parameters: dict[str, Any], *, cron: str | None, interval: float | None, name: str) -> None:
    from prefect.deployments.runner import EntrypointType

    from flows.pipeline import sitrep_pipeline

    # Prefect's runner stops gracefully on SIGTERM by itself; Ctrl-C arrives as KeyboardInterrupt
    with contextlib.suppress(KeyboardInterrupt):
        sitrep_pipeline.serve(
            name=name,
            cron=cron,
            interval=interval,
            parameters=parameters,
            description="Ingest the configured sources into the sitrep warehouse and publish Parquet.",
            tags=["sitrep"],
            entrypoint_type=EntrypointType.MODULE_PATH,
            pause_on_shutdown=False,
            limit=1,  # one run at a time: the warehouse has one writer anyway
        )
