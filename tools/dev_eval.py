"""Score the extractors on a gold set without Prefect or DuckDB (fast loop).

usage: python tools/dev_eval.py [GOLD_DIR] [--half odd|even] [--details] [--json]

Runs the pure extractors over GOLD_DIR/articles.jsonl, writes the tables as
Parquet to a temporary folder and runs the shared scorer on it. The pipeline
(`sitrep run`) produces the same rows; this is only the quick loop.

``--half odd`` (or ``even``) scores only the gold files whose number (the
digits after the last ``-``) is odd (or even): develop on one half of a set,
check on the other. The subset is assembled in a temporary folder of links;
nothing from the gold set is copied.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.extract import EXTRACTORS, extract_rows  # noqa: E402
from transforms.ingest import parse_json_record  # noqa: E402


def _in_half(name: str, half: str | None) -> bool:
    if half is None:
        return True
    digits = Path(name).stem.rsplit("-", 1)[-1]
    return digits.isdigit() and (int(digits) % 2 == 1) == (half == "odd")


def _subset(gold: Path, half: str | None, tmp: Path) -> tuple[Path, set[str] | None]:
    """A gold folder holding only ``half`` (links into ``gold``), and the URLs it covers."""
    if half is None:
        return gold, None
    sub = tmp / f"gold-{half}"
    (sub / "gold").mkdir(parents=True)
    urls: set[str] = set()
    for f in sorted((gold / "gold").glob("*.json")):
        if _in_half(f.name, half):
            (sub / "gold" / f.name).symlink_to(f.resolve())
            urls.add(json.loads(f.read_text(encoding="utf-8"))["url"].strip().rstrip("/").lower())
    (sub / "articles.jsonl").symlink_to((gold / "articles.jsonl").resolve())
    return sub, urls


def main(argv: list[str]) -> int:
    half = None
    if "--half" in argv:
        half = argv[argv.index("--half") + 1]
        if half not in ("odd", "even"):
            print("--half takes odd or even", file=sys.stderr)
            return 2
        argv = [a for i, a in enumerate(argv) if a != "--half" and (i == 0 or argv[i - 1] != "--half")]
    args = [a for a in argv if not a.startswith("--")]
    gold = Path(args[0]) if args else ROOT.parent / "shared" / "eval" / "dev"
    out = Path(tempfile.mkdtemp(prefix="sitrep-eval-"))
    gold_dir, urls = _subset(gold, half, out)
    arts, tables = [], {t: [] for t in EXTRACTORS}
    lines = (gold / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        art = parse_json_record(line, f"{gold}#line={n}")  # the pipeline's parsing and row shaping
        if urls is not None and art.url.strip().rstrip("/").lower() not in urls:
            continue
        arts.append({"article_id": art.article_id, "url": art.url, "text": art.text})
        for name in EXTRACTORS:
            tables[name].extend(extract_rows(art, name, "dev-eval"))
    pl.DataFrame(arts).write_parquet(out / "articles.parquet")
    for name, rows in tables.items():
        if rows:
            pl.DataFrame(rows, infer_schema_length=None).write_parquet(out / f"{name}.parquet")
    cmd = [sys.executable, str(ROOT.parent / "shared" / "eval" / "score.py"), str(out), str(gold_dir)]
    cmd += [a for a in argv if a in ("--details", "--json")]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
