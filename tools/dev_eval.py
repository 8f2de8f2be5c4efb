"""Score the extractors on a gold set without Prefect or DuckDB (fast loop).

usage: python tools/dev_eval.py [GOLD_DIR] [--details] [--table NAME]

Runs the pure extractors over GOLD_DIR/articles.jsonl, writes the tables as
Parquet to a temporary folder and runs the shared scorer on it. The pipeline
(`sitrep run`) produces the same rows; this is only the quick loop.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.extract import EXTRACTORS, extract_rows  # noqa: E402
from transforms.ingest import parse_json_record  # noqa: E402


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    gold = Path(args[0]) if args else ROOT.parent / "shared" / "eval" / "dev"
    out = Path(tempfile.mkdtemp(prefix="sitrep-eval-"))
    arts, tables = [], {t: [] for t in EXTRACTORS}
    lines = (gold / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        art = parse_json_record(line, f"{gold}#line={n}")  # the pipeline's parsing and row shaping
        arts.append({"article_id": art.article_id, "url": art.url, "text": art.text})
        for name in EXTRACTORS:
            tables[name].extend(extract_rows(art, name, "dev-eval"))
    pl.DataFrame(arts).write_parquet(out / "articles.parquet")
    for name, rows in tables.items():
        if rows:
            pl.DataFrame(rows, infer_schema_length=None).write_parquet(out / f"{name}.parquet")
    cmd = [sys.executable, str(ROOT.parent / "shared" / "eval" / "score.py"), str(out), str(gold)]
    if "--details" in argv:
        cmd.append("--details")
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
