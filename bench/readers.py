"""Readers during a run: what a publish costs, and what a query costs from a snapshot vs the warehouse.

    python -m bench.readers --articles 300000     # about 5 minutes here; writes bench/results/readers.json

A synthetic warehouse (articles of ~2 KB over three years, 9 statements, 3 incidents and 4
refugee figures each; made in SQL, no extraction) is published once (CPU and peak RSS of the
publishing process, under the runs' 512 MB memory cap). Then each query runs as `sitrep query`
twice: against the free warehouse, and while another process holds the warehouse open for
writing, as a run does, so that it answers from the snapshot. CPU, not wall: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

QUERIES = (
    "SELECT 1",
    "SELECT count(*) FROM articles",
    "SELECT count(*), sum(length(text)) FROM articles",
    "SELECT count(*) FROM statements_by_speaker",
    "SELECT count(*) FROM incident_events",
)


def make_warehouse(db: Path, n: int) -> None:
    from warehouse import Warehouse

    with Warehouse.open(db) as wh:
        c = wh.con
        c.execute(f"""INSERT INTO articles SELECT md5(i::VARCHAR)[:16], 'https://bench.example/' || i, 'title ' || i,
            'src', CASE WHEN i % 50 = 0 THEN NULL ELSE TIMESTAMPTZ '2022-01-01 00:00:00+00'
                 + to_seconds((hash(i) % (3 * 365 * 86400))::BIGINT) END,
            (SELECT string_agg(md5((i * 31 + j)::VARCHAR), ' ') FROM range(60) r(j)), md5(i::VARCHAR), NULL,
            'bench', 'v', 'run1' FROM range({n}) t(i)""")
        c.execute(f"""INSERT INTO statements SELECT md5((i * 10 + k)::VARCHAR), md5(i::VARCHAR)[:16],
            'Speaker ' || (i % 997), NULL, 'person', 'AFG', 'say', 'direct',
            'content ' || md5((i * 7 + k)::VARCHAR) || md5(k::VARCHAR), 0, 10, 'v'
            FROM range({n}) t(i), range(9) s(k)""")
        c.execute(f"""INSERT INTO incidents SELECT md5((i * 10 + k)::VARCHAR || 'i'), md5(i::VARCHAR)[:16], 'bombing',
            NULL, 'Quetta', NULL, 'PAK', 30.2, 67.0, DATE '2023-01-01' + (i % 900)::INT, 3, 'exact', NULL, NULL, 0, 10,
            'v' FROM range({n}) t(i), range(3) s(k)""")
        c.execute(f"""INSERT INTO refugee_counts BY NAME SELECT md5((i * 10 + k)::VARCHAR || 'r') AS count_id,
            md5(i::VARCHAR)[:16] AS article_id, 'refugees' AS population, 'returned' AS movement, 100 AS count,
            'exact' AS qualifier, 'persons' AS unit, 'AFG' AS origin_iso3, ['PAK'] AS location_iso3,
            0 AS start_char, 10 AS end_char, 'v' AS extractor_version FROM range({n}) t(i), range(4) s(k)""")
        c.execute(
            "INSERT INTO runs (run_id, started_at, finished_at, status) VALUES ('run1', now(), now(), 'completed')"
        )


def child_publish(db: Path, out: Path) -> dict[str, Any]:
    import duckdb

    from warehouse import publish_parquet

    con = duckdb.connect(str(db), read_only=True)
    con.execute("SET memory_limit = '512MB'")
    t = time.perf_counter()
    rows = publish_parquet(con, out)
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return {"wall_s": round(time.perf_counter() - t, 2), "cpu_s": round(ru.ru_utime + ru.ru_stime, 2),
            "peak_rss_mib": ru.ru_maxrss // 1024, "rows": rows}  # fmt: skip


def timed(cmd: list[str]) -> dict[str, Any]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd}: {proc.stderr.strip()}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {"wall_s": round(time.perf_counter() - t, 2), "cpu_s": round(cpu, 2),
            "snapshot": "answering from the published snapshot" in proc.stderr}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300_000)
    ap.add_argument("--work", type=Path, default=Path("bench/corpus/readers"))
    ap.add_argument("--results", type=Path, default=Path("bench/results/readers.json"))
    ap.add_argument("--child-publish", nargs=2, type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--child-make", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child_publish:
        print(json.dumps(child_publish(*a.child_publish)))
        return 0
    if a.child_make:
        make_warehouse(a.child_make, a.articles)
        return 0
    shutil.rmtree(a.work, ignore_errors=True)
    a.work.mkdir(parents=True)
    db, out = a.work / "w.duckdb", a.work / "parquet"
    # in a child: a forked child's peak RSS starts at its parent's, so this process stays small
    subprocess.run([sys.executable, "-m", "bench.readers", "--articles", str(a.articles), "--child-make", str(db)],
                   check=True, capture_output=True)  # fmt: skip
    pub = subprocess.run([sys.executable, "-m", "bench.readers", "--child-publish", str(db), str(out)],
                         capture_output=True, text=True, check=True)  # fmt: skip
    result: dict[str, Any] = {"articles": a.articles, "publish": json.loads(pub.stdout), "queries": {}}
    sitrep = [sys.executable, "-m", "flows.cli"]
    where = ["--db", str(db), "--published", str(out)]
    result["cli_help"] = timed([*sitrep, "--help"])
    for q in QUERIES:
        result["queries"][q] = {"warehouse": timed([*sitrep, "query", q, *where])}
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); sys.stdin.read()", str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        for q in QUERIES:
            result["queries"][q]["snapshot"] = timed([*sitrep, "query", q, *where])
    finally:
        holder.communicate("")
    a.results.parent.mkdir(parents=True, exist_ok=True)
    a.results.write_text(json.dumps(result, indent=2) + "\n")
    p = result["publish"]
    print(
        f"publish of {a.articles:,} articles: {p['cpu_s']} CPU-s, {p['wall_s']} s wall, {p['peak_rss_mib']} MiB peak"
    )
    print("| query | warehouse CPU-s | snapshot CPU-s |\n|---|---|---|")
    for q, r in result["queries"].items():
        assert r["snapshot"]["snapshot"] and not r["warehouse"]["snapshot"]
        print(f"| `{q}` | {r['warehouse']['cpu_s']} | {r['snapshot']['cpu_s']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
