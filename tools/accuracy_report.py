"""Write the accuracy tables of docs/accuracy.md from the gold sets that are present.

usage: python tools/accuracy_report.py [--print]

Scores the extractors (`tools/scoring.py`) on tests/gold (own), ../shared/eval/dev (dev) and both
halves of ../shared/eval/dev-real (real:odd, real:even) and the whole of it (real), and rewrites
the part of docs/accuracy.md between the `accuracy:begin` and `accuracy:end` markers: one table per
extracted table with precision, recall, F1 and every scored field, one column per set. The prose
around the markers is kept. With --print the tables go to stdout and nothing is written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.scoring import TABLES, load_scorer, score_gold_set, set_dir  # noqa: E402

DOC = ROOT / "docs" / "accuracy.md"
BEGIN, END = "<!-- accuracy:begin -->", "<!-- accuracy:end -->"
SETS = ("own", "dev", "real:odd", "real:even", "real")


def _cell(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def tables(results: dict[str, dict[str, Any]]) -> str:
    sets = [s for s in SETS if s in results]
    out: list[str] = []
    head = "| | " + " | ".join(f"`{s}`" for s in sets) + " |"
    rule = "|---|" + "---:|" * len(sets)
    for t in TABLES:
        out += [f"### {t}", "", head, rule]
        counts = " | ".join("tp {tp} · fp {fp} · fn {fn}".format(**results[s]["tables"][t]) for s in sets)
        out.append(f"| items | {counts} |")
        for m in ("precision", "recall", "f1"):
            out.append(f"| **{m}** | " + " | ".join(_cell(results[s]["tables"][t][m]) for s in sets) + " |")
        fields = sorted({f for s in sets for f in results[s]["tables"][t]["fields"]})
        for f in fields:
            out.append(
                f"| {f} | " + " | ".join(_cell(results[s]["tables"][t]["fields"].get(f)) for s in sets) + " |"
            )
        out.append("")
    macro = " | ".join(f"{results[s]['macro_f1']:.3f}" for s in sets)
    acc = " | ".join(f"{results[s]['field_accuracy']:.3f}" for s in sets)
    out += ["### all tables", "", head, rule, f"| macro F1 | {macro} |", f"| field accuracy | {acc} |", ""]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    if load_scorer() is None:
        print("the shared scorer (../shared/eval/score.py) is not present", file=sys.stderr)
        return 1
    results: dict[str, dict[str, Any]] = {}
    for name in SETS:
        folder, half = set_dir(name)
        if (folder / "articles.jsonl").is_file():
            results[name] = score_gold_set(folder, half)
    body = tables(results)
    if "--print" in argv:
        print(body)
        return 0
    text = DOC.read_text(encoding="utf-8") if DOC.is_file() else f"# Accuracy\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{DOC.relative_to(ROOT)} lacks the {BEGIN} / {END} markers")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{BEGIN}\n{body}\n{END}{tail}", encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
