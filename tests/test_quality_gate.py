"""Quality gate: the real extractors, scored against annotated gold sets, must not fall below pinned floors.

Runs the pure extractors over every article of a gold set with the pipeline's own parsing and row
shaping, and scores the rows with the shared scorer (`../shared/eval/score.py`, imported by path;
see `tools/scoring.py`). One test case per (gold set, table, precision|recall), and one per
(gold set, table, field) that has a pinned field-accuracy floor:

* `own` — `tests/gold`, the project's own hand-annotated articles (fictional people, invented quotes,
  grammar deliberately unlike the dev set);
* `dev` — the shared written dev set `../shared/eval/dev`;
* `real` — the shared real-news dev set `../shared/eval/dev-real` (excerpts from many outlets),
  the proxy for the unseen real articles the project is also measured on;
* `own-local` — `tests/gold` again, scored by sitrep's own scorer (`tools/local_scorer.py`), so the
  gate holds wherever the repository is, CI included.

Sets scored by the shared scorer are skipped when `../shared` is absent (never copied into the repo). The floors live
in `tests/quality_floors.toml`; they only go up (see its header and `tools/raise_floors.py`).
"""

from __future__ import annotations

import functools
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.scoring import GOLD_SETS, SCORER, TABLES, score_gold_set  # noqa: E402

FLOORS_FILE = ROOT / "tests" / "quality_floors.toml"
METRICS = ("precision", "recall")
# floor section → (gold set, scorer)
SCORED: dict[str, tuple[str, str]] = {s: (s, "shared") for s in GOLD_SETS} | {"own-local": ("own", "local")}


def load_floors(path: Path = FLOORS_FILE) -> dict[str, dict[str, dict[str, Any]]]:
    """{gold set: {table: {metric: floor, "fields": {field: floor}}}}; missing entries mean no floor."""
    if not path.is_file():
        return {}
    with path.open("rb") as f:
        return tomllib.load(f)


@functools.cache
def _scores(section: str) -> dict[str, Any]:
    gold_set, scorer = SCORED[section]
    return score_gold_set(GOLD_SETS[gold_set], scorer=scorer)


def _skip_unless_present(section: str) -> None:
    gold_set, scorer = SCORED[section]
    if scorer == "shared" and not SCORER.is_file():
        pytest.skip(f"shared scorer not found at {SCORER}")
    if not (GOLD_SETS[gold_set] / "articles.jsonl").is_file():
        pytest.skip(f"gold set {gold_set!r} not found at {GOLD_SETS[gold_set]}")


CASES = [(s, t, m) for s in SCORED for t in TABLES for m in METRICS]
FIELD_CASES = [
    (s, t, f)
    for s, tables in load_floors().items()
    for t, metrics in tables.items()
    for f in sorted(metrics.get("fields", {}))
]


@pytest.mark.parametrize(("gold_set", "table", "metric"), CASES, ids=["-".join(c) for c in CASES])
def test_quality_floor(gold_set: str, table: str, metric: str) -> None:
    _skip_unless_present(gold_set)
    floor = float(load_floors().get(gold_set, {}).get(table, {}).get(metric, 0.0))
    got = _scores(gold_set)["tables"][table]
    assert got[metric] >= floor, (
        f"{gold_set} {table} {metric} fell to {got[metric]:.3f}, below the floor {floor:.3f} "
        f"(tp={got['tp']} fp={got['fp']} fn={got['fn']}); see `python tools/dev_eval.py "
        f"{gold_set} --details` for the misses"
    )


@pytest.mark.parametrize(("gold_set", "table", "field"), FIELD_CASES, ids=["-".join(c) for c in FIELD_CASES])
def test_field_floor(gold_set: str, table: str, field: str) -> None:
    _skip_unless_present(gold_set)
    floor = float(load_floors()[gold_set][table]["fields"][field])
    got = _scores(gold_set)["tables"][table]["fields"]
    assert field in got, f"{gold_set} {table}: the scorer no longer reports field {field!r}"
    assert got[field] >= floor, (
        f"{gold_set} {table} {field} accuracy fell to {got[field]:.3f}, below the floor {floor:.3f}; "
        f"see `python tools/dev_eval.py {gold_set} --details` for the wrong fields"
    )


def test_floors_file_is_well_formed() -> None:
    floors = load_floors()
    assert FLOORS_FILE.is_file(), "tests/quality_floors.toml is missing"
    for gold_set, tables in floors.items():
        assert gold_set in SCORED, f"unknown gold set {gold_set!r} in {FLOORS_FILE.name}"
        for table, metrics in tables.items():
            assert table in TABLES, f"unknown table {gold_set}.{table}"
            for metric, value in metrics.items():
                if metric == "fields":
                    assert isinstance(value, dict), f"{gold_set}.{table}.fields is not a table"
                    values = list(value.values())
                else:
                    assert metric in METRICS, f"unknown metric {gold_set}.{table}.{metric}"
                    values = [value]
                for v in values:
                    assert 0.0 <= float(v) <= 1.0, f"{gold_set}.{table}.{metric} = {v} is not in [0, 1]"
