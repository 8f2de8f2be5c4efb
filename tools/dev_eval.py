"""Score the extractors on a gold set without Prefect or DuckDB (fast loop).

usage: python tools/dev_eval.py [GOLD_DIR | own | dev | real] [--half odd|even] [--details] [--json]

Runs the pure extractors over the set's `articles.jsonl` and scores the rows with the shared
scorer (see `tools/scoring.py`). The pipeline (`sitrep run`) produces the same rows; this is
only the quick loop. ``--half odd`` (or ``even``) scores only the gold files whose number (the
digits after the last ``-``) is odd (or even): develop on one half of a set, check on the other.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.scoring import GOLD_SETS, HALVES, score_gold_set, set_dir  # noqa: E402


def _print(res: dict) -> None:
    for d in res.get("details", []):
        print(json.dumps(d, ensure_ascii=False, default=str))
    print(f"articles found: {res['articles']['found']}/{res['articles']['gold']}")
    for t, x in res["tables"].items():
        print(
            f"{t:15s} P={x['precision']:.3f} R={x['recall']:.3f} F1={x['f1']:.3f} "
            f"(tp={x['tp']} fp={x['fp']} fn={x['fn']})"
        )
        for k, v in x["fields"].items():
            print(f"    {k:18s} {v:.3f}")
    print(f"macro F1 {res['macro_f1']:.3f}  field accuracy {res['field_accuracy']:.3f}")


def main(argv: list[str]) -> int:
    half = None
    if "--half" in argv:
        i = argv.index("--half")
        half = argv[i + 1] if i + 1 < len(argv) else ""
        if half not in HALVES:
            print("--half takes odd or even", file=sys.stderr)
            return 2
        argv = argv[:i] + argv[i + 2 :]
    args = [a for a in argv if not a.startswith("--")]
    folder, named_half = set_dir(args[0]) if args else (GOLD_SETS["dev"], None)
    res = score_gold_set(folder, half or named_half, details="--details" in argv)
    if "--json" in argv:
        print(json.dumps(res, indent=1, default=str))
    else:
        _print(res)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
