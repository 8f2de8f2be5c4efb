"""Score the extractors on a gold set without Prefect or DuckDB (fast loop).

usage: python tools/dev_eval.py [GOLD_DIR] [--details] [--table NAME]

Runs the pure extractors over GOLD_DIR/articles.jsonl, writes the tables as
Parquet to a temporary folder and runs the shared scorer on it. The pipeline
(`sitrep run`) produces the same rows; this is only the quick loop.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.incidents import extract_incidents  # noqa: E402
from transforms.normalize import article_id, normalize_text  # noqa: E402
from transforms.refugees import extract_refugee_counts  # noqa: E402
from transforms.statements import extract_statements  # noqa: E402

EXTRACTORS = {
    "statements": extract_statements,
    "incidents": extract_incidents,
    "refugee_counts": extract_refugee_counts,
}


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    gold = Path(args[0]) if args else ROOT.parent / "shared" / "eval" / "dev"
    out = Path(tempfile.mkdtemp(prefix="sitrep-eval-"))
    arts, tables = [], {t: [] for t in EXTRACTORS}
    for line in (gold / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        text = normalize_text(rec["text"])
        aid = article_id(rec["url"])
        pub = dt.date.fromisoformat(rec["published"][:10]) if rec.get("published") else None
        arts.append({"article_id": aid, "url": rec["url"], "text": text})
        for name, fn in EXTRACTORS.items():
            for r in fn(text, pub):
                row = dataclasses.asdict(r)
                if "location_iso3" in row:
                    row["location_iso3"] = list(row["location_iso3"])
                tables[name].append({"article_id": aid, **row})
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
