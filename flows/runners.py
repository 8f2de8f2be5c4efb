"""Choose the Prefect task runner that executes extraction batches.

``threads`` (default) overlaps extraction with loading in one process;
``processes`` uses every core of this machine; ``dask`` sends batches to a
Dask cluster (an existing one at ``dask_address``, else a local one). The
warehouse stays single-writer whatever the runner: workers return frames to
the flow, and the flow loads them.
"""

from __future__ import annotations

import os
from typing import Any

RUNNERS = ("threads", "processes", "dask")


def make_task_runner(
    kind: str = "threads", workers: int | None = None, dask_address: str | None = None
) -> Any:
    """A task runner instance for ``kind``; raises ``ValueError`` for an unknown kind."""
    n = workers or os.cpu_count() or 2
    if kind == "threads":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=n)
    if kind == "processes":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=n)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": n, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})  # fmt: skip
    raise ValueError(f"unknown runner {kind!r}; choose from {', '.join(RUNNERS)}")
