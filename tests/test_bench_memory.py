"""bench.memory: one sample per landed batch of a real flow run, with DuckDB's memory and the cost
of the per-batch collection (flows.heap.release) that keeps the main process flat."""

from __future__ import annotations

from pathlib import Path

from bench.corpus import write_corpus
from bench.memory import measure


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
