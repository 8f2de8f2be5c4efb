"""Print the current quality-gate scores and raise the pinned floors (never lower them).

usage: python tools/raise_floors.py [--dry-run]

Scores the extractors on every gold set of `tools/scoring.py` that is present (own: tests/gold;
dev: ../shared/eval/dev; real: ../shared/eval/dev-real; own-local: tests/gold by sitrep's own
scorer), prints P/R/F1 and field accuracies per
table, and rewrites tests/quality_floors.toml so that each precision/recall floor becomes
`current - 0.02` and each field-accuracy floor `current - 0.03` (a field is scored on matched rows
only, so it moves when recall adds harder rows), but only where that is higher than the floor
already pinned. Floors are never lowered; a set or table that cannot be scored keeps its old
floors. With --dry-run nothing is written.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.scoring import GOLD_SETS, TABLES, load_scorer, score_gold_set  # noqa: E402

MARGIN = 0.02
FIELD_MARGIN = 0.03


def _gate() -> ModuleType:
    path = ROOT / "tests" / "test_quality_gate.py"
    spec = importlib.util.spec_from_file_location("sitrep_quality_gate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _header(path: Path) -> list[str]:
    """The leading comment block of the floors file (kept verbatim)."""
    if not path.is_file():
        return []
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or (not line.strip() and out):
            out.append(line)
        else:
            break
    while out and not out[-1].strip():
        out.pop()
    return out


def render(
    header: list[str],
    floors: dict[str, dict[str, dict[str, Any]]],
    order: list[str],
    tables: tuple[str, ...],
    metrics: tuple[str, ...],
) -> str:
    lines = list(header)
    for gold_set in order + sorted(set(floors) - set(order)):
        for table in tables:
            values = floors.get(gold_set, {}).get(table)
            if not values:
                continue
            lines += ["", f"[{gold_set}.{table}]"]
            lines += [f"{m} = {float(values[m])!r}" for m in metrics if m in values]
            fields = values.get("fields") or {}
            if fields:
                lines += ["", f"[{gold_set}.{table}.fields]"]
                lines += [f"{f} = {float(v)!r}" for f, v in sorted(fields.items())]
    return "\n".join(lines) + "\n"


def _raise(
    pinned: dict[str, Any], key: str, value: float, margin: float, where: str, changed: list[str]
) -> None:
    old = float(pinned.get(key, 0.0))
    new = round(max(0.0, value - margin), 3)
    if new > old:
        pinned[key] = new
        changed.append(f"{where}.{key}: {old:.3f} -> {new:.3f}")
    else:
        pinned[key] = old


def main(argv: list[str]) -> int:
    gate = _gate()
    shared = load_scorer() is not None
    floors = gate.load_floors()
    changed: list[str] = []
    for gold_set, (name, scorer) in gate.SCORED.items():
        gold_dir = GOLD_SETS[name]
        if not (gold_dir / "articles.jsonl").is_file() or (scorer == "shared" and not shared):
            print(f"{gold_set}: {gold_dir} or the shared scorer not found, floors kept")
            continue
        res = score_gold_set(gold_dir, scorer=scorer)
        print(
            f"{gold_set} ({gold_dir}): macro F1 {res['macro_f1']:.3f}, field accuracy {res['field_accuracy']:.3f}"
        )
        for table in TABLES:
            x = res["tables"][table]
            fields = " ".join(f"{k}={v:.2f}" for k, v in x["fields"].items())
            print(
                f"  {table:15s} P={x['precision']:.3f} R={x['recall']:.3f} F1={x['f1']:.3f} "
                f"(tp={x['tp']} fp={x['fp']} fn={x['fn']})  {fields}"
            )
            pinned = floors.setdefault(gold_set, {}).setdefault(table, {})
            for metric in gate.METRICS:
                _raise(pinned, metric, x[metric], MARGIN, f"{gold_set}.{table}", changed)
            pinned_fields = pinned.setdefault("fields", {})
            for name, acc in x["fields"].items():
                _raise(pinned_fields, name, acc, FIELD_MARGIN, f"{gold_set}.{table}.fields", changed)
    for c in changed:
        print("raise", c)
    if not changed:
        print("no floor raised")
    if "--dry-run" in argv:
        return 0
    text = render(_header(gate.FLOORS_FILE), floors, list(gate.SCORED), TABLES, gate.METRICS)
    gate.FLOORS_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {gate.FLOORS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
