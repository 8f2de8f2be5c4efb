"""Choose the Prefect task runner that executes extraction batches.

``threads`` (default) overlaps extraction with loading in one process;
``processes`` uses every core of this machine; ``dask`` sends batches to a
Dask cluster (an existing one at ``dask_address``, else a local one). The
warehouse stays single-writer whatever the runner: workers return frames to
the flow, and the flow loads them.

``processes`` is ``ProcessExtractionRunner``: each batch's task run lives in a thread of the flow's
process, as with ``threads``, and only the extraction itself goes to a pool of worker processes.
Prefect's own ``ProcessPoolTaskRunner`` runs its task engine in the worker instead, and per task run
that cost more than the work it moved: the whole settings and flow-run context serialized in the
flow's process and rebuilt in the worker (pydantic models, a new API client), the task's events
forwarded back through a queue, the flow's module graph imported in every worker (BENCHMARKS.md).
"""

from __future__ import annotations

import contextvars
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any

from prefect.task_runners import ThreadPoolTaskRunner

RUNNERS = ("threads", "processes", "dask")

# the worker pool of the ProcessExtractionRunner whose task run is running in this thread, if any
_POOL: contextvars.ContextVar[Executor | None] = contextvars.ContextVar(
    "sitrep_extraction_pool", default=None
)


def extraction_pool() -> Executor | None:
    """The process pool an extraction task run should hand its batch to; None: extract here."""
    return _POOL.get()


class ProcessExtractionRunner(ThreadPoolTaskRunner):
    """Task runs in ``max_workers`` threads of this process; their extraction in as many spawned
    worker processes (``extraction_pool()`` inside a task run submitted here).

    Prefect records, orchestrates and reports every task run as the thread runner does; the workers
    run no Prefect code: they receive a batch and return its frames (plain pickle both ways).
    """

    def __init__(self, max_workers: int | None = None):
        super().__init__(max_workers=max_workers or os.cpu_count() or 2)
        self._pool: ProcessPoolExecutor | None = None

    def duplicate(self) -> ProcessExtractionRunner:
        return type(self)(max_workers=self._max_workers)

    def __enter__(self) -> ProcessExtractionRunner:
        super().__enter__()
        # spawn, not fork: the flow's process holds DuckDB's and Prefect's threads
        self._pool = ProcessPoolExecutor(
            max_workers=self._max_workers, mp_context=multiprocessing.get_context("spawn")
        )
        return self

    def submit(
        self, task: Any, parameters: dict[str, Any], wait_for: Any = None, dependencies: Any = None
    ) -> Any:
        token = _POOL.set(self._pool)  # the thread runner runs the task run in a copy of this context
        try:
            return super().submit(task, parameters, wait_for, dependencies)
        finally:
            _POOL.reset(token)

    def cancel_all(self) -> None:
        super().cancel_all()
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __exit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        pool, self._pool = self._pool, None
        try:
            super().__exit__(exc_type, exc_value, traceback)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)  # the workers are reaped here

    def __eq__(self, value: object) -> bool:
        return type(value) is type(self) and super().__eq__(value)

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        state["_pool"] = None
        return state


def make_task_runner(
    kind: str = "threads", workers: int | None = None, dask_address: str | None = None
) -> Any:
    """A task runner instance for ``kind``; raises ``ValueError`` for an unknown kind."""
    n = workers or os.cpu_count() or 2
    if kind == "threads":
        return ThreadPoolTaskRunner(max_workers=n)
    if kind == "processes":
        return ProcessExtractionRunner(max_workers=n)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": n, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})  # fmt: skip
    raise ValueError(f"unknown runner {kind!r}; choose from {', '.join(RUNNERS)}")
