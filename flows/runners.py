"""Choose the Prefect task runner that executes extraction batches.

``threads`` (default) overlaps extraction with loading in one process;
``processes`` uses every core of this machine; ``dask`` sends batches to a
Dask cluster (an existing one at ``dask_address``, else a local one). The
warehouse stays single-writer whatever the runner: workers return frames to
the flow, and the flow loads them.

``processes`` is ``flows.process_runner.ProcessExtractionRunner``: each batch's task run lives in a thread of the flow's
process, as with ``threads``, and only the extraction itself goes to a pool of worker processes.
Prefect's own ``ProcessPoolTaskRunner`` runs its task engine in the worker instead, and per task run
that cost more than the work it moved: the whole settings and flow-run context serialized in the
flow's process and rebuilt in the worker (pydantic models, a new API client), the task's events
forwarded back through a queue, the flow's module graph imported in every worker (BENCHMARKS.md).

This module imports no Prefect at import time: ``sitrep serve`` imports it before it points Prefect
at the server it starts, and Prefect's settings are read when Prefect is first imported.
"""

from __future__ import annotations

import contextvars
import os
from concurrent.futures import Executor
from typing import Any

RUNNERS = ("threads", "processes", "dask")

# the worker pool of the ProcessExtractionRunner whose task run is running in this thread, if any
_POOL: contextvars.ContextVar[Executor | None] = contextvars.ContextVar(
    "sitrep_extraction_pool", default=None
)


def extraction_pool() -> Executor | None:
    """The process pool an extraction task run should hand its batch to; None: extract here."""
    return _POOL.get()


def make_task_runner(
    kind: str = "threads", workers: int | None = None, dask_address: str | None = None
) -> Any:
    """A task runner instance for ``kind``; raises ``ValueError`` for an unknown kind."""
    n = workers or os.cpu_count() or 2
    if kind == "threads":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=n)
    if kind == "processes":
        from flows.process_runner import ProcessExtractionRunner

        return ProcessExtractionRunner(max_workers=n)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": n, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})  # fmt: skip
    raise ValueError(f"unknown runner {kind!r}; choose from {', '.join(RUNNERS)}")
