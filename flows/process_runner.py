"""``--runner processes``: Prefect task runs in threads of the flow's process, extraction in worker
processes (see ``flows.runners``, which imports this only when that runner is chosen)."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from prefect.task_runners import ThreadPoolTaskRunner

from flows.runners import _POOL


class ProcessExtractionRunner(ThreadPoolTaskRunner):
    """Task runs in ``max_workers`` threads of this process; their extraction in as many spawned
    worker processes (``extraction_pool()`` inside a task run submitted here).

    Prefect records, orchestrates and reports every task run as the thread runner does; the workers
    run no Prefect code: they receive a batch and return its frames (plain pickle both ways).
    """

    def __init__(self, max_workers: int | None = None):
        super().__init__(max_workers=max_workers or multiprocessing.cpu_count())
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
