"""flows.heap: a landed batch held only by a reference cycle (as Prefect's futures hold their
results) is freed by ``release()``, and ``settle()`` freezes the heap once per process."""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref

from flows import heap


class _Payload:
    """Stands in for a batch's frames."""


def test_release_frees_a_result_held_in_a_cycle() -> None:
    payload = _Payload()
    alive = weakref.ref(payload)
    holder: dict[str, object] = {"result": payload}
    holder["self"] = holder  # the cycle: only the cyclic collector can free it
    was_enabled = gc.isenabled()
    gc.disable()  # no automatic pass may free it first
    try:
        del payload, holder
        assert alive() is not None  # reference counting alone keeps the cycle
        assert heap.release() > 0
        assert alive() is None
    finally:
        if was_enabled:
            gc.enable()


def test_settle_freezes_once_per_process() -> None:
    code = (
        "import gc; from flows import heap; "
        "first = heap.settle(('json',)); n = gc.get_freeze_count(); x = [[] for _ in range(1000)]; "
        "second = heap.settle(); print(first, second, n > 0, gc.get_freeze_count() == n)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False", "True", "True"]
