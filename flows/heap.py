"""Keep a run's memory flat: free each batch's frames as soon as the batch has landed.

Prefect's futures sit in a reference cycle with the concurrent future they wrap (the done
callback they register on it points back at them), and the final state a future keeps holds the
task's result: for an extraction batch, its ``Extracted`` frames, whose buffers are Arrow memory
outside Python's own accounting (tracemalloc does not see them). Reference counting never frees
a cycle; only the cyclic collector's full pass does, and that pass is scheduled by counts of
Python objects, not by bytes, so it came rarely: a ``--runner processes`` run kept every landed
batch's frames until a full pass happened, and its main process grew by ~17 MiB per 1,000
articles in a saw-tooth with a rising floor (20k articles peaked at ~660 MiB; see BENCHMARKS.md).

So the flow calls ``release()`` after every landed batch: one full collection. To keep it cheap,
``settle()`` first moves everything alive before the first extraction batch (modules, lexicons,
pandera's schemas, the run's own long-lived objects) into the permanent generation once per
process (``gc.freeze``), so each pass walks only what the run has made since.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import gc
import importlib
import os
import time
from collections.abc import Callable

_settled = False


def settle(modules: tuple[str, ...] = ()) -> bool:
    """Import ``modules``, collect, and freeze what is alive; once per process. True if it froze now.

    Call it while no batch is in flight: a frozen cycle is never collected.
    """
    global _settled
    if _settled:
        return False
    for name in modules:
        importlib.import_module(name)
    gc.collect()
    gc.freeze()
    # back at exit: frozen objects are never collected, and extension modules (DuckDB's nanobind
    # types) would report them as leaked on stderr
    atexit.register(gc.unfreeze)
    _settled = True
    return True


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None elsewhere (musl, macOS) or when SITREP_MALLOC_TRIM=0."""
    if os.environ.get("SITREP_MALLOC_TRIM", "1") == "0":
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
        return trim
    except (OSError, AttributeError):
        return None


_trim = _malloc_trim()
# what release() has cost this process: calls and CPU seconds (the bench reads them)
spent = {"calls": 0, "cpu_s": 0.0}


def release() -> int:
    """A full collection (what the cycles of a landed batch need), then the freed heap handed back
    to the system; the number of objects freed."""
    started = time.process_time()
    freed = gc.collect()
    if _trim is not None:
        _trim(0)
    spent["calls"] += 1
    spent["cpu_s"] += time.process_time() - started
    return freed
