"""Callbacks told after every batch of a run (the CLI's progress line).

They live in their own module, not in ``flows.pipeline``: Prefect pickles the flow function by
value with the globals it refers to (``flow.serve``, the processes task runner), and a hook
holding a terminal console cannot be pickled. From here they are pickled by reference.
A plain list, not a ContextVar, for the same reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

HOOKS: list[Callable[[Any], None]] = []


def notify(stats: Any) -> None:
    """Tell every hook how the run stands."""
    for hook in HOOKS:
        hook(stats)
