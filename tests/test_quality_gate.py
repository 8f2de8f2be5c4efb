"""Quality gate: the real extractors, scored against annotated gold sets, must not fall below pinned floors.

Runs the pure extractors (`extract_statements`, `extract_incidents`, `extract_refugee_counts` over
`normalize_text(text)` with the published date) on every article of a gold set, writes the rows as
Parquet the way `tools/dev_eval.py` does, and scores them with the shared scorer
(`../shared/eval/score.py`, imported by path). One test case per (gold set, table, metric):

* `own` — `tests/gold`, the project's own hand-annotated articles (fictional people, invented quotes,
  grammar deliberately unlike the dev set), the proxy for unseen articles;
* `dev` — the shared dev set `../shared/eval/dev` (skipped when that folder is absent; never copied
  into the repo).

The floors live in `tests/quality_floors.toml`; they only go up (see its header and
`tools/raise_floors.py`). The whole module is skipped when the shared scorer is absent.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
import tempfile
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
SCORER = SHARED_EVAL / "score.py"
FLOORS_FILE = ROOT / "tests" / "quality_floors.toml"
GOLD_SETS: dict[str, Path] = {"own": ROOT / "tests" / "gold", "dev": SHARED_EVAL / "dev"}
TABLES = ("statements", "incidents", "refugee_counts")
METRICS = ("precision", "recall")


def load_scorer() -> ModuleType | None:
    """The shared scorer module, or None when it is not installed next to the repo."""
    if not SCORER.is_file():
        return None
    spec = importlib.util.spec_from_file_location("sitrep_shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract_tables(gold_dir: Path) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Articles and extracted rows for every article in `gold_dir/articles.jsonl`."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    # the pipeline's own parsing and row shaping, so the gate scores what `sitrep run` publishes
    from flows.extract import EXTRACTORS, extract_rows
    from transforms.ingest import parse_json_record

    arts: list[dict[str, Any]] = []
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in EXTRACTORS}
    for n, line in enumerate((gold_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        art = parse_json_record(line, f"{gold_dir}#line={n}")
        arts.append({"article_id": art.article_id, "url": art.url, "text": art.text})
        for name in EXTRACTORS:
            tables[name].extend(extract_rows(art, name, "gate"))
    return arts, tables


def score_gold_set(gold_dir: Path, details: bool = False) -> dict[str, Any]:
    """Run the extractors on `gold_dir` and return the shared scorer's result dict."""
    import polars as pl

    scorer = load_scorer()
    if scorer is None:
        raise FileNotFoundError(SCORER)
    arts, tables = extract_tables(gold_dir)
    with tempfile.TemporaryDirectory(prefix="sitrep-gate-") as tmp:
        out = Path(tmp)
        pl.DataFrame(arts).write_parquet(out / "articles.parquet")
        for name, rows in tables.items():
            if rows:
                pl.DataFrame(rows, infer_schema_length=None).write_parquet(out / f"{name}.parquet")
        result: dict[str, Any] = scorer.score(out, [gold_dir])
    if not details:
        result.pop("details", None)
    return result


def load_floors(path: Path = FLOORS_FILE) -> dict[str, dict[str, dict[str, float]]]:
    """{gold set: {table: {metric: floor}}}; missing entries mean no floor (0.0)."""
    if not path.is_file():
        return {}
    with path.open("rb") as f:
        return tomllib.load(f)


@functools.cache
def _scores(gold_set: str) -> dict[str, Any]:
    return score_gold_set(GOLD_SETS[gold_set])


CASES = [(s, t, m) for s in GOLD_SETS for t in TABLES for m in METRICS]


@pytest.mark.parametrize(("gold_set", "table", "metric"), CASES, ids=["-".join(c) for c in CASES])
def test_quality_floor(gold_set: str, table: str, metric: str) -> None:
    if not SCORER.is_file():
        pytest.skip(f"shared scorer not found at {SCORER}")
    gold_dir = GOLD_SETS[gold_set]
    if not (gold_dir / "articles.jsonl").is_file():
        pytest.skip(f"gold set {gold_set!r} not found at {gold_dir}")
    floor = float(load_floors().get(gold_set, {}).get(table, {}).get(metric, 0.0))
    got = _scores(gold_set)["tables"][table]
    assert got[metric] >= floor, (
        f"{gold_set} {table} {metric} fell to {got[metric]:.3f}, below the floor {floor:.3f} "
        f"(tp={got['tp']} fp={got['fp']} fn={got['fn']}); see `python tools/dev_eval.py "
        f"{gold_dir} --details` for the misses"
    )


def test_floors_file_is_well_formed() -> None:
    floors = load_floors()
    assert FLOORS_FILE.is_file(), "tests/quality_floors.toml is missing"
    for gold_set, tables in floors.items():
        assert gold_set in GOLD_SETS, f"unknown gold set {gold_set!r} in {FLOORS_FILE.name}"
        for table, metrics in tables.items():
            assert table in TABLES, f"unknown table {gold_set}.{table}"
            for metric, value in metrics.items():
                assert metric in METRICS, f"unknown metric {gold_set}.{table}.{metric}"
                assert 0.0 <= float(value) <= 1.0, f"{gold_set}.{table}.{metric} = {value} is not in [0, 1]"
