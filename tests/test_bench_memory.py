"""bench.memory: one sample per landed batch of a real flow run, with DuckDB's memory and the cost
of the per-batch collection (flows.heap.release) that keeps the main process flat."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from bench.memory import children_rss_mib, measure


def test_samples_every_batch_and_releases_after_each(prefect_server, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 60, seed=5)
    res = measure(corpus, tmp_path / "work", "threads", 1, batch_size=10, objects=True)
    samples = res["samples"]
    assert len(samples) == 6 and samples[-1]["records"] == 60  # records read when each batch landed
    assert all(s["rss_mib"] > 0 and s["duckdb_mb"] for s in samples)
    # release() runs after a batch lands, so each sample sees the ones before it
    calls = [s["release"]["calls"] for s in samples]
    assert calls == sorted(calls) and calls[-1] - calls[0] == 5
    # a landed batch's frames (5 per batch) do not outlive it: the count does not grow with the input
    frames = [s["frames"] for s in samples]
    assert max(frames[3:]) <= max(frames[:3]) + 2, frames
    assert sum(res["rows"].values()) > 0
    # the tree: this process plus any multiprocessing children (none of the threads runner's own)
    assert all(s["tree_rss_mib"] >= s["rss_mib"] for s in samples)
    assert res["peak_tree_rss_mib"] == max(s["tree_rss_mib"] for s in samples)


def test_traced_run_reports_the_heap_and_what_grew(prefect_server, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 12, seed=5)
    res = measure(corpus, tmp_path / "work", "threads", 1, batch_size=3, traced=True)
    samples = res["samples"]
    assert len(samples) == 4 and all(s["traced_mib"] > 0 for s in samples)
    # the source lines whose live allocations changed most between the second batch and the end
    growth = res["tracemalloc_growth"]
    assert growth and all(g["where"].rsplit(":", 1)[1].isdigit() for g in growth)
    assert [g["grew_kib"] for g in growth] == sorted((g["grew_kib"] for g in growth), key=abs, reverse=True)


def test_children_rss_counts_multiprocessing_children_only() -> None:
    pytest.importorskip("psutil")
    before = children_rss_mib()
    other = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    worker = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(60,))
    worker.start()
    try:
        deadline = time.monotonic() + 30
        while (during := children_rss_mib()) is not None and len(during) <= len(before or []):
            assert time.monotonic() < deadline, "the spawned worker never showed up"
            time.sleep(0.1)
    finally:
        worker.terminate()
        worker.join()
        other.communicate(b"")
    assert before is not None and during is not None
    # the spawned worker (and multiprocessing's resource tracker, if new) count; the plain child does not
    assert len(before) < len(during) <= len(before) + 2 and min(during) > 1
