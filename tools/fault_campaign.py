"""Fuzz the transforms and SIGKILL real runs at random moments; print a TESTING.md table row set.

usage: python tools/fault_campaign.py [--fuzz N] [--kills N] [--seed S]

Fuzzing feeds N generated inputs (random Unicode, mutated article texts, broken
JSON records) through normalize_text, parse_json_record and the three
extractors, and checks that nothing raises except BadInput, every span lies
inside the text, counts are non-negative, dates are valid and a second
extraction gives identical records. The kill campaign runs `sitrep run` on a
600-article corpus against a local Prefect server, sends SIGKILL after a random
delay, reruns to completion and compares every table with an uninterrupted
reference run: duplicated or lost rows are counted.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.errors import BadInput  # noqa: E402
from transforms.incidents import extract_incidents  # noqa: E402
from transforms.ingest import parse_json_record  # noqa: E402
from transforms.normalize import normalize_text  # noqa: E402
from transforms.refugees import extract_refugee_counts  # noqa: E402
from transforms.statements import extract_statements  # noqa: E402

EXTRACTORS = (extract_statements, extract_incidents, extract_refugee_counts)
SNIPPETS = ["“", "”", '"', "said", "at least", "killed", "wounded", "refugees", "families", "1,000", "4,02,312",
            "on Tuesday", "last year", "Torkham", "Kerman", "Taliban", "—", "\n\n", "Gen.", "U.S.", "dozens",
            "half a million", "between 20 and 30", "according to", "he added", "¿", "\u200b", "\ud800"]  # fmt: skip


def mutate(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 12)):
        op = rng.random()
        pos = rng.randrange(len(chars) + 1)
        if op < 0.4:
            chars[pos:pos] = list(rng.choice(SNIPPETS))
        elif op < 0.7 and chars:
            del chars[pos : pos + rng.randint(1, 40)]
        else:
            chars[pos:pos] = [chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 8))]
    return "".join(chars)


def check_records(text: str, published: dt.date | None) -> None:
    for fn in EXTRACTORS:
        first = fn(text, published)
        assert first == fn(text, published), f"{fn.__name__} not deterministic"
        for rec in first:
            assert 0 <= rec.start_char < rec.end_char <= len(text), (fn.__name__, rec)
            row = dataclasses.asdict(rec)
            for k in ("killed", "wounded", "count"):
                if row.get(k) is not None:
                    assert row[k] >= 0, (k, row)
            for k in ("occurred_on", "period_start", "period_end"):
                if row.get(k) is not None:
                    assert isinstance(row[k], dt.date)
            if row.get("period_start") and row.get("period_end"):
                assert row["period_start"] <= row["period_end"], row


def fuzz(n: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    bases = [json.loads(x)["text"] for x in (ROOT / "examples" / "articles.jsonl").read_text().splitlines()]
    bases.append((ROOT / "examples" / "seed-iran-pakistan-afghanistan.txt").read_text())
    stats = {"inputs": 0, "bad_input": 0, "articles": 0}
    for i in range(n):
        kind = i % 3
        published = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(12000))
        if kind == 0:
            raw = "".join(chr(rng.randint(1, 0x10FFFF)) if rng.random() < 0.2 else rng.choice("ab .,\n\"“”0123456789")
                          for _ in range(rng.randint(0, 400)))  # fmt: skip
            raw = raw.encode("utf-8", "replace").decode("utf-8", "replace")
        elif kind == 1:
            raw = mutate(rng, rng.choice(bases))
        else:
            rec = {"url": f"https://example.net/f{i}", "text": mutate(rng, rng.choice(bases))[:3000],
                   "published": published.isoformat()}  # fmt: skip
            line = json.dumps(rec)
            if rng.random() < 0.3:
                line = line[: rng.randrange(len(line))]
            stats["inputs"] += 1
            try:
                art = parse_json_record(line, "file:///fuzz.jsonl")
            except BadInput:
                stats["bad_input"] += 1
                continue
            check_records(art.text, art.published_date)
            stats["articles"] += 1
            continue
        stats["inputs"] += 1
        text = normalize_text(raw)
        if text:
            check_records(text, published if rng.random() < 0.8 else None)
            stats["articles"] += 1
    return stats


def kills(n: int, seed: int) -> dict[str, int]:
    from flows.serve import local_prefect_server

    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="sitrep-kills-"))
    base = [json.loads(x) for x in (ROOT / "examples" / "articles.jsonl").read_text().splitlines()]
    corpus = work / "corpus.jsonl"
    with corpus.open("w") as fh:
        for i in range(600):
            rec = dict(base[i % len(base)], url=f"{base[i % len(base)]['url']}?copy={i}")
            rec["text"] += f"\n\nFiled {i}."
            fh.write(json.dumps(rec) + "\n")

    def snapshot(db: Path) -> dict[str, list[tuple]]:
        import duckdb

        con = duckdb.connect(str(db), read_only=True)
        try:
            keys = {"articles": "article_id", "statements": "statement_id", "incidents": "incident_id",
                    "refugee_counts": "count_id"}  # fmt: skip
            return {t: con.execute(f"SELECT {k} FROM {t} ORDER BY 1").fetchall() for t, k in keys.items()}
        finally:
            con.close()

    stats = {
        "kills": 0,
        "killed_mid_run": 0,
        "consistent_after_rerun": 0,
        "lost_rows": 0,
        "duplicated_rows": 0,
    }
    with local_prefect_server(work / "prefect-server") as api:
        env = dict(
            os.environ, PREFECT_API_URL=api, PREFECT_HOME=str(work / "home"), PREFECT_LOGGING_LEVEL="ERROR"
        )

        def cmd(d: Path) -> list[str]:
            return [sys.executable, "-m", "flows.cli", "run", str(corpus), "--db", str(d / "w.duckdb"),
                    "--out", str(d / "pq"), "--batch-size", "50"]  # fmt: skip

        ref = work / "ref"
        t0 = time.monotonic()
        subprocess.run(cmd(ref), env=env, cwd=ROOT, check=True, capture_output=True)
        duration = time.monotonic() - t0
        reference = snapshot(ref / "w.duckdb")
        for i in range(n):
            d = work / f"k{i}"
            if rng.random() < 0.3:  # a third of the kills hit a rerun that republishes a loaded warehouse
                subprocess.run(cmd(d), env=env, cwd=ROOT, check=True, capture_output=True)
                (d / "pq" / "datapackage.json").unlink()
            proc = subprocess.Popen(
                cmd(d), env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            time.sleep(rng.uniform(0.2, 0.85) * duration)  # most kills land mid-run; the count says how many
            stats["kills"] += 1
            if proc.poll() is None:
                stats["killed_mid_run"] += 1
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            subprocess.run(cmd(d), env=env, cwd=ROOT, check=True, capture_output=True)
            got = snapshot(d / "w.duckdb")
            lost = sum(len(set(reference[t]) - set(got[t])) for t in reference)
            dup = sum(len(got[t]) - len(set(got[t])) for t in got)
            stats["lost_rows"] += lost
            stats["duplicated_rows"] += dup
            stats["consistent_after_rerun"] += int(got == reference)
            print(f"kill {i + 1}/{n}: lost={lost} duplicated={dup}", file=sys.stderr, flush=True)
    return stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fuzz", type=int, default=10_000)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    t = time.monotonic()
    f = fuzz(args.fuzz, args.seed)
    print(json.dumps({"fuzz": f, "fuzz_seconds": round(time.monotonic() - t, 1)}), flush=True)
    t = time.monotonic()
    k = kills(args.kills, args.seed) if args.kills else {}
    print(json.dumps({"kills": k, "kill_seconds": round(time.monotonic() - t, 1)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
