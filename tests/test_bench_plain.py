"""bench.run's plain twin of `sitrep run`, which Prefect's share is measured against: the same work
with the flow's parallelism and no Prefect, landing the same rows as the one-thread stages loop."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import write_corpus
from bench.run import child_plain, child_stages, plain_inflight
from flows.cli import runner_parameters


@pytest.mark.parametrize(("runner", "workers"), [("threads", 1), ("threads", 2), ("processes", 2)])
def test_twin_keeps_as_many_batches_in_flight_as_the_flow(runner: str, workers: int) -> None:
    assert plain_inflight(runner, workers) == runner_parameters(runner, workers, None)["max_inflight"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("runner", "workers"), [("threads", 1), ("processes", 2)], ids=["threads", "processes"]
)
def test_twin_lands_what_the_stages_loop_lands(runner: str, workers: int, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 24, seed=7)
    loop = child_stages(corpus, tmp_path / "loop", 5, extract=True)
    twin = child_plain(corpus, tmp_path / "twin", 5, runner, workers)
    assert sum(loop["rows"].values()) > 24
    assert (twin["records"], twin["rows"], twin["published"]) == (24, loop["rows"], loop["published"])
    assert twin["prefect_import_cpu_s"] >= 0 and (twin["runner"], twin["workers"]) == (runner, workers)
