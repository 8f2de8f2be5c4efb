"""Memory of a run's main process, batch by batch: does it stay flat as the input grows?

    python -m bench.memory --articles 20000                      # synthetic corpus, --runner processes --workers 2
    python -m bench.memory --articles 20000 --runner threads
    python -m bench.memory --articles 4000 --objects             # also count live polars frames (slow)
    python -m bench.memory --articles 6000 --tracemalloc         # which source lines' memory grew (slow)

Runs the ``sitrep_pipeline`` flow in this process on the first N articles of the bench corpus
(``bench/corpus``, written on first use) into a new warehouse under ``bench/corpus/work-memory``,
and after every batch that lands records this process's RSS (``/proc/self/statm``), DuckDB's own
memory by tag (``duckdb_memory()``), what ``flows.heap.release`` has cost so far, and with
``--objects`` the number of live ``polars.DataFrame`` objects (a batch's frames that outlive it
show up there), the RSS of the processes runner's workers and the whole tree's sum, and with
``--tracemalloc`` Python's traced heap per batch and the lines whose live allocations grew most.
Writes ``bench/results/memory-N-RUNNER.json``; prints a summary line per 10% of the input. Prefect: set ``PREFECT_API_URL`` to a running server, or the flow starts a temporary one.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bench.run import CODE, CORPUS_DIR, RESULTS, ensure_corpus, rss_mb


def relative(path: str) -> str:
    """A source path as the part after site-packages or this checkout."""
    for sep in ("site-packages/", f"{CODE}/"):
        if sep in path:
            return path.split(sep, 1)[1]
    return path


def children_rss_mib() -> list[float] | None:
    """RSS of each live multiprocessing descendant of this process (the processes runner's workers
    and multiprocessing's resource tracker), or None without psutil. A Prefect server this process
    started is not counted: it is not part of the run. Summed with this process's own RSS it
    overstates the tree a little (shared pages count once per process), erring on the safe side."""
    try:
        import psutil
    except ImportError:
        return None
    out = []
    for child in psutil.Process().children(recursive=True):
        try:
            if any("multiprocessing" in part for part in child.cmdline()):
                out.append(round(child.memory_info().rss / 2**20, 1))
        except psutil.Error:
            continue
    return out


def measure(
    corpus: Path,
    work: Path,
    runner: str,
    workers: int,
    batch_size: int,
    objects: bool = False,
    traced: bool = False,
) -> dict[str, Any]:
    """Run the flow on ``corpus`` into ``work``; one sample per landed batch.

    ``traced``: trace this process's Python allocations (tracemalloc) and report, per sample, the
    traced total, and at the end the source lines whose live allocations grew most between the
    second landed batch and the last (what the main process keeps as the input grows)."""
    from flows import heap, progress
    from flows.cli import runner_parameters
    from flows.pipeline import sitrep_pipeline
    from warehouse import db as whdb

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    opened: list[Any] = []
    real_open = whdb.Warehouse.open

    def open_and_keep(*a: Any, **k: Any) -> Any:
        wh = real_open(*a, **k)
        opened.append(wh)
        return wh

    samples: list[dict[str, Any]] = []
    marks: list[Any] = []  # the tracemalloc snapshot taken at the second sample
    if traced:
        tracemalloc.start(5)
    t0 = time.perf_counter()

    def sample(stats: Any) -> None:
        s: dict[str, Any] = {"records": stats.records_read, "batches": stats.batches,
                             "wall_s": round(time.perf_counter() - t0, 1), "rss_mib": round(rss_mb(), 1)}  # fmt: skip
        workers = children_rss_mib()
        if workers is not None:  # the task runner's worker processes: the whole tree is the target
            s["workers_rss_mib"] = workers
            s["tree_rss_mib"] = round(s["rss_mib"] + sum(workers), 1)
        if opened:
            rows = (
                opened[-1]
                .con.execute(
                    "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0"
                )
                .fetchall()
            )
            s["duckdb_mb"] = {tag: round(b / 1e6, 1) for tag, b in rows}
        s["release"] = dict(heap.spent)
        if traced:
            s["traced_mib"] = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
            if len(samples) == 1:
                marks.append(tracemalloc.take_snapshot())
        if objects:
            import polars as pl

            s["frames"] = sum(1 for o in gc.get_objects() if isinstance(o, pl.DataFrame))
        samples.append(s)

    whdb.Warehouse.open = open_and_keep  # type: ignore[method-assign]
    progress.HOOKS.append(sample)
    try:
        summary = sitrep_pipeline(
            sources=[str(corpus)], db=str(work / "memory.duckdb"), out=str(work / "parquet"),
            batch_size=batch_size, memory_limit="512MB", **runner_parameters(runner, workers, None),
        )  # fmt: skip
    finally:
        progress.HOOKS.remove(sample)
        whdb.Warehouse.open = real_open  # type: ignore[method-assign]
    growth: list[dict[str, Any]] = []
    if traced:
        end = tracemalloc.take_snapshot()
        tracemalloc.stop()
        if marks:
            for st in end.compare_to(marks[0], "lineno")[:15]:
                frame = st.traceback[0]
                growth.append({"where": f"{relative(frame.filename)}:{frame.lineno}",
                               "grew_kib": round(st.size_diff / 1024, 1), "count_diff": st.count_diff})  # fmt: skip
    return {
        "tracemalloc_growth": growth,
        "runner": runner,
        "workers": workers,
        "batch_size": batch_size,
        "samples": samples,
        "rows": summary.get("rows"),
        "rss_after_mib": round(rss_mb(), 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_tree_rss_mib": max((s["tree_rss_mib"] for s in samples if "tree_rss_mib" in s), default=None),
        "wall_s": round(time.perf_counter() - t0, 1),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--runner", default="processes", choices=["threads", "processes"])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--objects", action="store_true", help="count live polars frames after each batch")
    ap.add_argument("--tracemalloc", action="store_true",
                    help="trace Python allocations; report the lines whose live memory grew most")  # fmt: skip
    ap.add_argument("--out", type=Path, help="default: bench/results/memory-N-RUNNER.json")
    a = ap.parse_args(argv)
    corpus, _ = ensure_corpus(a.articles, a.seed)
    work = CORPUS_DIR / "work-memory"
    res = measure(corpus, work, a.runner, a.workers, a.batch_size, a.objects, a.tracemalloc)
    shutil.rmtree(work, ignore_errors=True)
    out = a.out or RESULTS.parent / f"memory-{a.articles}-{a.runner}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=1) + "\n")
    step = max(1, len(res["samples"]) // 10)
    for s in res["samples"][step - 1 :: step]:
        duck = sum(s.get("duckdb_mb", {}).values())
        tree = f"  tree {s['tree_rss_mib']:7.1f} MiB" if "tree_rss_mib" in s else ""
        print(
            f"{s['records']:>9,} articles  RSS {s['rss_mib']:7.1f} MiB  DuckDB {duck:6.1f} MB{tree}",
            file=sys.stderr,
        )
    for g in res["tracemalloc_growth"][:10]:
        print(
            f"  grew {g['grew_kib']:>9,.1f} KiB  {g['count_diff']:>+8,} blocks  {g['where']}", file=sys.stderr
        )
    print(
        f"peak {res['peak_rss_mib']} MiB, after the run {res['rss_after_mib']} MiB -> {out}", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
