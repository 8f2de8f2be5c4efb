"""Score the pure extractors on an annotated gold set with the shared scorer.

One implementation for the quality gate (`tests/test_quality_gate.py`), the fast loop
(`tools/dev_eval.py`), the floor raiser (`tools/raise_floors.py`) and the accuracy report
(`tools/accuracy_report.py`): run the pipeline's own parsing and row shaping over a gold set's
`articles.jsonl`, write the rows as Parquet to a temporary folder and hand it to
`../shared/eval/score.py` (imported by path; it is never copied into the repository).

A gold set may be split in two by the number at the end of its gold file names (``r4-07.json``
is odd): develop on one half, check on the other. A half is assembled as a temporary folder of
links to the gold files, so nothing from the set is copied either.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
SCORER = SHARED_EVAL / "score.py"
TABLES = ("statements", "incidents", "refugee_counts")
# name → folder; a "name:half" entry (odd|even) is that half of the folder
GOLD_SETS: dict[str, Path] = {
    "own": ROOT / "tests" / "gold",
    "dev": SHARED_EVAL / "dev",
    "real": SHARED_EVAL / "dev-real",
}
HALVES = ("odd", "even")


def load_scorer() -> ModuleType | None:
    """The shared scorer module, or None when it is not installed next to the repo."""
    if not SCORER.is_file():
        return None
    spec = importlib.util.spec_from_file_location("sitrep_shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def in_half(gold_file: str, half: str | None) -> bool:
    """Whether gold file ``gold_file`` (``r4-07.json``) belongs to ``half`` (None: the whole set)."""
    if half is None:
        return True
    if half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, not {half!r}")
    digits = Path(gold_file).stem.rsplit("-", 1)[-1]
    return digits.isdigit() and (int(digits) % 2 == 1) == (half == "odd")


def _norm_url(url: str) -> str:
    return url.strip().rstrip("/").lower()


def _half_folder(gold_dir: Path, half: str, tmp: Path) -> tuple[Path, set[str]]:
    """A gold folder of links to the files of ``half``, and the article URLs they cover."""
    sub = tmp / f"gold-{half}"
    (sub / "gold").mkdir(parents=True)
    urls: set[str] = set()
    for f in sorted((gold_dir / "gold").glob("*.json")):
        if in_half(f.name, half):
            (sub / "gold" / f.name).symlink_to(f.resolve())
            urls.add(_norm_url(json.loads(f.read_text(encoding="utf-8"))["url"]))
    (sub / "articles.jsonl").symlink_to((gold_dir / "articles.jsonl").resolve())
    return sub, urls


def extract_tables(
    gold_dir: Path, urls: set[str] | None = None
) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Articles and extracted rows for the articles of ``gold_dir/articles.jsonl`` (only ``urls``)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    # the pipeline's own parsing and row shaping, so the scores are those of what `sitrep run` publishes
    from flows.extract import EXTRACTORS, extract_rows
    from transforms.ingest import parse_json_record

    arts: list[dict[str, Any]] = []
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in EXTRACTORS}
    for n, line in enumerate((gold_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        art = parse_json_record(line, f"{gold_dir}#line={n}")
        if urls is not None and _norm_url(art.url) not in urls:
            continue
        arts.append({"article_id": art.article_id, "url": art.url, "text": art.text})
        for name in EXTRACTORS:
            tables[name].extend(extract_rows(art, name, "score"))
    return arts, tables


def write_tables(out: Path, arts: list[dict[str, Any]], tables: dict[str, list[dict[str, Any]]]) -> None:
    import polars as pl

    pl.DataFrame(arts).write_parquet(out / "articles.parquet")
    for name, rows in tables.items():
        if rows:
            pl.DataFrame(rows, infer_schema_length=None).write_parquet(out / f"{name}.parquet")


def score_gold_set(
    gold_dir: Path, half: str | None = None, details: bool = False, scorer: str = "shared"
) -> dict[str, Any]:
    """The extractors' scores on ``gold_dir`` (or one ``half`` of it), by the shared scorer or, with
    ``scorer="local"``, by sitrep's own (`tools/local_scorer.py`, which needs nothing outside the repo)."""
    if scorer == "local":
        from tools import local_scorer

        files = [f for f in sorted((gold_dir / "gold").glob("*.json")) if in_half(f.name, half)]
        urls = {_norm_url(json.loads(f.read_text(encoding="utf-8"))["url"]) for f in files}
        result = local_scorer.score(*extract_tables(gold_dir, urls), files)
        if not details:
            result.pop("details", None)
        return result
    shared = load_scorer()
    if shared is None:
        raise FileNotFoundError(SCORER)
    with tempfile.TemporaryDirectory(prefix="sitrep-score-") as tmp:
        out = Path(tmp)
        gold, urls = (gold_dir, None) if half is None else _half_folder(gold_dir, half, out)
        write_tables(out, *extract_tables(gold_dir, urls))
        result: dict[str, Any] = shared.score(out, [gold])
    if not details:
        result.pop("details", None)
    return result


def set_dir(name: str) -> tuple[Path, str | None]:
    """(folder, half) of a gold set named ``own``, ``real``, ``real:odd``... or given as a path."""
    base, _, half = name.partition(":")
    folder = GOLD_SETS.get(base, Path(base))
    return folder, (half or None)
