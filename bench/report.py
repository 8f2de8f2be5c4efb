"""Render bench/results/results.json as the tables in BENCHMARKS.md (between the bench markers).

    python -m bench.run --report-only

Everything between ``<!-- bench:begin -->`` and ``<!-- bench:end -->`` is regenerated;
the prose around it is left alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
STAGES = ("read", "parse", "skip_check", "extract", "extract:statements", "extract:incidents",
          "extract:refugee_counts", "extract:shaping", "validate", "load", "publish")  # fmt: skip
TARGETS = {
    "e2e": 2000.0,  # articles/s end to end
    "vs_spacy": 1.0,  # extraction per core / spaCy blank+sentencizer
    "vs_regex": 0.10,  # extraction per core / one regex pass
    "rss_mib": 1024.0,  # peak RSS at 1M
    "noop_100k_s": 3.0,
    "prefect_share": 0.05,
}


def _f(x: float | None, nd: int = 1) -> str:
    if x is None:
        return "–"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:,.{nd}f}"


def _rate(n: float, s: float | None) -> float | None:
    return n / s if s else None


def _n(key: str) -> int:
    """Articles of a results key: ``"10000"`` (synthetic corpus) or ``"real:10000"`` (real-text corpus)."""
    return int(key.rpartition(":")[2])


def _kind(key: str) -> str:
    return key.partition(":")[0] if ":" in key else "synthetic"


def _order(key: str) -> tuple[bool, int]:
    """Synthetic sizes first (the tables of earlier runs keep their order), then the real-text ones."""
    return _kind(key) != "synthetic", _n(key)


def _label(key: str) -> str:
    """``10,000`` or ``10,000 real-text``."""
    return f"{_n(key):,}" + ("" if _kind(key) == "synthetic" else f" {_kind(key)}-text")


def _items(sizes: dict[str, Any]) -> list[tuple[str, Any]]:
    return sorted(sizes.items(), key=lambda kv: _order(kv[0]))


def _ok(good: bool | None) -> str:
    return "–" if good is None else ("met" if good else "**missed**")


def extraction(r: dict[str, Any]) -> tuple[int, dict[str, Any], int] | None:
    """(articles, timings with the ``extract*`` keys, 1 in how many records) of a size's extraction.

    Full sizes time extraction in the stages loop over every article; larger sizes time it in
    the baselines child over an evenly spread sample of the same corpus.
    """
    b = r.get("baselines") or {}
    if r["mode"] == "full":
        return r["stages"]["articles"], r["stages"]["stages"], 1
    if "extract" in b.get("stages", {}):
        return b["articles"], b["stages"], int(b.get("every", 1))
    return None


def ratios(r: dict[str, Any]) -> tuple[float | None, float | None, float | None]:
    """(extraction articles per CPU-s, ÷ spaCy blank+sentencizer, ÷ one regex pass) on the same texts."""
    got = extraction(r)
    b = r.get("baselines")
    if got is None or not b:
        return None, None, None
    arts, st, _ = got
    ext = _rate(arts, st["extract"]["cpu_s"])
    spacy = _rate(b["articles"], b["stages"]["spacy_blank_sentencizer"]["cpu_s"])
    regex = _rate(b["articles"], b["stages"]["regex"]["cpu_s"])
    return ext, (ext / spacy if ext and spacy else None), (ext / regex if ext and regex else None)


def _sampled(r: dict[str, Any]) -> str:
    got = extraction(r)
    if got is None or got[2] == 1:
        return ""
    return f" (sample: 1 in {got[2]}, {got[0]:,} articles)"


def headline(sizes: dict[str, Any], startup: dict[str, Any] | None) -> list[str]:
    out = ["| measure | size | measured | target | |", "|---|---|---|---|---|"]
    for key, r in _items(sizes):
        n = _n(key)
        ext, vs_spacy, vs_regex = ratios(r)
        if ext is not None:
            size = f"{_label(key)}{_sampled(r)}"
            out.append(f"| extraction per core ÷ spaCy blank+sentencizer (CPU time) | {size} | {_f(vs_spacy, 3)} "
                       f"| ≥ 1 | {_ok(vs_spacy >= TARGETS['vs_spacy'] if vs_spacy else None)} |")  # fmt: skip
            out.append(f"| extraction per core ÷ one regex pass (CPU time) | {size} | {_f(vs_regex, 4)} "
                       f"| ≥ 0.10 | {_ok(vs_regex >= TARGETS['vs_regex'] if vs_regex else None)} |")  # fmt: skip
            out.append(f"| extraction per core, articles/s (CPU time) | {size} | {_f(ext)} | – | |")
        if "e2e" in r:
            rate = _rate(n, r["e2e"]["wall_s"])
            out.append(f"| end to end `sitrep run`, articles/s (wall) | {n:,} | {_f(rate)} | ≥ 2,000 "
                       f"| {_ok(rate >= TARGETS['e2e'] if rate else None)} |")  # fmt: skip
        if "e2e_processes" in r:
            p = r["e2e_processes"]
            prate = _rate(n, p["wall_s"])
            out.append(f"| end to end `sitrep run --runner processes --workers 2`, articles/s (wall) | {n:,} "
                       f"| {_f(prate)} | ≥ 2,000 | {_ok(prate >= TARGETS['e2e'] if prate else None)} |")  # fmt: skip
            if "e2e" not in r:
                out.append(f"| peak RSS of `sitrep run --runner processes` (largest process), MiB | {n:,} "
                           f"| {_f(p['peak_rss_mb'], 0)} | ≤ 1,024 at 1M | {_ok(p['peak_rss_mb'] <= TARGETS['rss_mib'])} (at {n:,}) |")  # fmt: skip
        if "e2e" in r:
            e = r["e2e"]
            cpu_rate = _rate(n, e["cpu_s"] + e.get("server_cpu_s", 0))
            out.append(
                f"| end to end, articles per CPU-second (client + server) | {n:,} | {_f(cpu_rate)} | – | |"
            )
            for run, label in SHARE_RUNS:
                share = prefect_share(r, run)
                if share is None:
                    continue
                out.append(f"| Prefect's share of CPU time, {label} | {n:,} | {share:.1%} | ≤ 5% "
                           f"| {_ok(share <= TARGETS['prefect_share'])} |")  # fmt: skip
                busy = prefect_share(r, run, without_idle=True)
                if busy is not None:
                    idle = r[run]["server_idle_cpu_per_s"] * r[run]["wall_s"]
                    out.append(f"| the same, less the server's idle background ({_f(idle, 1)} CPU-s over the run) "
                               f"| {n:,} | {busy:.1%} | ≤ 5% | {_ok(busy <= TARGETS['prefect_share'])} |")  # fmt: skip
                if run != "e2e_threads1":
                    continue
                for idle_too in (False, True):
                    beyond = share_beyond_start(r, without_idle=idle_too)
                    if beyond is not None:
                        what = "the same less its fixed part" + (
                            ", and less the idle server" if idle_too else ""
                        )
                        out.append(f"| {what} (its pair on 1 article taken off both sides) | {n:,} | {beyond:.1%} "
                                   f"| ≤ 5% | {_ok(beyond <= TARGETS['prefect_share'])} |")  # fmt: skip
            out.append(f"| peak RSS of `sitrep run`, MiB | {n:,} | {_f(e['peak_rss_mb'], 0)} | ≤ 1,024 at 1M "
                       f"| {_ok(e['peak_rss_mb'] <= TARGETS['rss_mib'])} (at {n:,}) |")  # fmt: skip
        if "noop" in r:
            w = r["noop"]["wall_s"]
            target = "≤ 3 s at 100k" if n == 100_000 else "(3 s at 100k)"
            good = w <= TARGETS["noop_100k_s"] if n >= 100_000 else None
            out.append(f"| no-op re-run (all loaded), s wall | {n:,} | {_f(w)} | {target} | {_ok(good)} |")
            small = sizes.get("10000", {}).get("noop")
            if small and n > 10_000:  # what each further record costs a no-op re-run, start-up aside
                per = (r["noop"]["cpu_s"] - small["cpu_s"]) / (n - 10_000) * 100_000
                fixed = small["cpu_s"] - per / 10
                out.append(f"| no-op re-run: CPU-s per 100k records beyond 10k / fixed CPU-s (fit of 10k and {n:,}) "
                           f"| {n:,} | {_f(per, 2)} / {_f(fixed, 2)} | (3 s at 100k) | – |")  # fmt: skip
            rss = r["noop"]["peak_rss_mb"]
            out.append(f"| peak RSS of the no-op re-run, MiB | {n:,} | {_f(rss, 0)} | ≤ 1,024 at 1M "
                       f"| {_ok(rss <= TARGETS['rss_mib'])} (at {n:,}) |")  # fmt: skip
            peak = r["stages"]["peak_rss_mb"]
            out.append(f"| peak RSS of the plain loop, MiB | {_label(key)} | {_f(peak, 0)} | ≤ 1,024 at 1M "
                       f"| {_ok(peak <= TARGETS['rss_mib'])} (at {n:,}) |")  # fmt: skip
        if "noop_read" in r:  # a primed warehouse's first re-run: every record read and hashed
            e = r["noop_read"]
            out.append(f"| re-run reading every record (no file ledger yet), s wall / CPU-s | {n:,} "
                       f"| {_f(e['wall_s'])} / {_f(e['cpu_s'])} | – | |")  # fmt: skip
    if startup:
        out.append(f"| fixed start-up: `sitrep run` of 1 article, server running, s wall | – "
                   f"| {_f(startup['server']['wall_s'])} | – | |")  # fmt: skip
    return out


# The end-to-end runs that have a plain twin (the same work with the same parallelism, no Prefect).
SHARE_RUNS = (
    ("e2e_threads1", "one extraction thread (`--runner threads --workers 1` vs the same work on one thread)"),
    ("e2e_processes", "two worker processes (`--runner processes --workers 2` vs the same work on two plain "
                      "processes)"),
)  # fmt: skip


def plain_cpu(twin: dict[str, Any]) -> float:
    """The plain twin's CPU (its process and the workers it reaped), less its ``import prefect``:
    the flow's modules import prefect, which a loop without Prefect would not."""
    return float(twin["process_cpu_s"] - twin.get("prefect_import_cpu_s", 0.0))


def prefect_share(r: dict[str, Any], run: str = "e2e_threads1", without_idle: bool = False) -> float | None:
    """(CPU of ``run``'s process tree + the server's − its plain twin's CPU) ÷ the former.

    ``run`` is an end-to-end run with a plain twin (``SHARE_RUNS``): the same stages over the same
    corpus, extraction on as many threads or processes, landed in order by one process. None
    without one. ``without_idle``: less what the server uses with no flow running (its background
    services), measured before the runs; None when that was not measured.
    """
    e = r.get(run)
    if not e or "plain" not in e:
        return None
    total = e["cpu_s"] + e.get("server_cpu_s", 0)
    if without_idle:
        if "server_idle_cpu_per_s" not in e:
            return None
        total -= e["server_idle_cpu_per_s"] * e["wall_s"]
    return (total - plain_cpu(e["plain"])) / total if total else None


def _run_cpu(e: dict[str, Any], without_idle: bool) -> float:
    return float(
        e["cpu_s"]
        + e.get("server_cpu_s", 0)
        - (e["server_idle_cpu_per_s"] * e["wall_s"] if without_idle else 0)
    )


def share_beyond_start(r: dict[str, Any], without_idle: bool = False) -> float | None:
    """Prefect's share of what the articles cost beyond a run's fixed part: the one-thread pair
    less the same pair on one article (``e2e_threads1_one``: start-up, imports, the first batch)
    on both sides. What the share tends to as the corpus grows. None without both pairs."""
    e, one = r.get("e2e_threads1"), r.get("e2e_threads1_one")
    if not e or not one or "plain" not in e or "plain" not in one:
        return None
    if without_idle and not ("server_idle_cpu_per_s" in e and "server_idle_cpu_per_s" in one):
        return None
    run = _run_cpu(e, without_idle) - _run_cpu(one, without_idle)
    plain = plain_cpu(e["plain"]) - plain_cpu(one["plain"])
    return (run - plain) / run if run else None


def stage_table(r: dict[str, Any]) -> list[str]:
    s = r["stages"]
    st = s["stages"]
    arts, mb = s["articles"], s["text_mb"]
    cpu_total = sum(v["cpu_s"] for k, v in st.items() if ":" not in k)
    out = [
        "| stage | wall s | CPU s | articles/s (CPU) | MB/s (CPU) | share of loop CPU |",
        "|---|---|---|---|---|---|",
    ]
    for k in ("open", *STAGES):
        if k not in st:
            continue
        v = st[k]
        name = f"&nbsp;&nbsp;{k}" if ":" in k else k
        out.append(f"| {name} | {_f(v['wall_s'], 2)} | {_f(v['cpu_s'], 2)} | {_f(_rate(arts, v['cpu_s']))} "
                   f"| {_f(_rate(mb, v['cpu_s']), 2)} | {v['cpu_s'] / cpu_total:.1%} |")  # fmt: skip
    out.append(f"| **all stages** | {_f(sum(v['wall_s'] for k, v in st.items() if ':' not in k), 2)} "
               f"| {_f(cpu_total, 2)} | {_f(_rate(arts, cpu_total))} | {_f(_rate(mb, cpu_total), 2)} | 100% |")  # fmt: skip
    out.append(f"| child process (with imports) | {_f(s['process_wall_s'], 2)} | {_f(s['process_cpu_s'], 2)} "
               f"| | | |")  # fmt: skip
    return out


def baseline_table(r: dict[str, Any]) -> list[str]:
    b = r["baselines"]
    got = extraction(r)
    st = got[1] if got else {}
    arts, mb = b["articles"], b["text_mb"]
    rows = [*((("sitrep extraction (3 tables)", st["extract"]),) if "extract" in st else ()),
            *((f"&nbsp;&nbsp;{k[8:]}", st[k]) for k in STAGES if k.startswith("extract:") and k in st),
            ("one regex pass", b["stages"]["regex"]),
            ("spaCy blank `en` + sentencizer", b["stages"]["spacy_blank_sentencizer"])]  # fmt: skip
    out = ["| on the same text | wall s | CPU s | articles/s (CPU) | MB/s (CPU) |", "|---|---|---|---|---|"]
    for name, v in rows:
        out.append(f"| {name} | {_f(v['wall_s'], 2)} | {_f(v['cpu_s'], 2)} | {_f(_rate(arts, v['cpu_s']))} "
                   f"| {_f(_rate(mb, v['cpu_s']), 2)} |")  # fmt: skip
    return out


def side_by_side(sizes: dict[str, Any]) -> list[str]:
    """One row per measure, one column per size: the baselines next to sitrep at every size."""
    keys = sorted(sizes, key=_order)
    if not keys:
        return []

    def row(label: str, cell: Any) -> str:
        return f"| {label} | " + " | ".join(cell(sizes[k], _n(k)) for k in keys) + " |"

    def stage_rate(stage: str) -> Any:
        def cell(r: dict[str, Any], n: int) -> str:
            v = r["stages"]["stages"].get(stage)
            return _f(_rate(r["stages"]["articles"], v["cpu_s"])) if v else "–"

        return cell

    def ext_rate(stage: str) -> Any:
        def cell(r: dict[str, Any], n: int) -> str:
            got = extraction(r)
            if got is None or stage not in got[1]:
                return "–"
            return _f(_rate(got[0], got[1][stage]["cpu_s"]))

        return cell

    def base_rate(stage: str) -> Any:
        def cell(r: dict[str, Any], n: int) -> str:
            b = r.get("baselines")
            return _f(_rate(b["articles"], b["stages"][stage]["cpu_s"])) if b else "–"

        return cell

    def ratio(i: int, nd: int) -> Any:
        return lambda r, n: _f(ratios(r)[i], nd)

    def loop(r: dict[str, Any], n: int) -> str:
        """Articles per CPU-s of every stage; for primed sizes the sampled extraction is added."""
        s = r["stages"]
        cpu = sum(v["cpu_s"] for k, v in s["stages"].items() if ":" not in k)
        if r["mode"] != "full":
            got = extraction(r)
            if got is None:
                return "–"
            cpu += got[1]["extract"]["cpu_s"] / got[0] * s["articles"]
            return f"{_f(_rate(s['articles'], cpu))} (projected)"
        return _f(_rate(s["articles"], cpu))

    def run_rate(what: str) -> Any:
        return lambda r, n: _f(_rate(n, r[what]["wall_s"])) if what in r else "–"

    def noop(r: dict[str, Any], n: int) -> str:
        return _f(r["noop"]["wall_s"], 2) if "noop" in r else "–"

    def rss(path: tuple[str, ...]) -> Any:
        def cell(r: dict[str, Any], n: int) -> str:
            v: Any = r
            for p in path:
                v = v.get(p) if isinstance(v, dict) else None
            return _f(v, 0) if v is not None else "–"

        return cell

    def mode(r: dict[str, Any], n: int) -> str:
        got = extraction(r)
        if r["mode"] == "full":
            return "full"
        return f"primed; extraction on 1 in {got[2]}" if got else "primed"

    head = "| articles/s per CPU-second unless stated | " + " | ".join(_label(k) for k in keys) + " |"
    return [
        head,
        "|---|" + "---|" * len(keys),
        row("how measured", mode),
        row("**one regex pass** (baseline)", base_rate("regex")),
        row("**spaCy blank `en` + sentencizer** (baseline)", base_rate("spacy_blank_sentencizer")),
        row("sitrep extraction, 3 tables", ext_rate("extract")),
        row("&nbsp;&nbsp;statements", ext_rate("extract:statements")),
        row("&nbsp;&nbsp;incidents", ext_rate("extract:incidents")),
        row("&nbsp;&nbsp;refugee_counts", ext_rate("extract:refugee_counts")),
        row("extraction ÷ spaCy (target ≥ 1)", ratio(1, 3)),
        row("extraction ÷ regex pass (target ≥ 0.10)", ratio(2, 4)),
        row("read", stage_rate("read")),
        row("parse", stage_rate("parse")),
        row("skip check", stage_rate("skip_check")),
        row("validate", stage_rate("validate")),
        row("load", stage_rate("load")),
        row("publish", stage_rate("publish")),
        row("all stages, plain loop", loop),
        row("end to end `sitrep run`, articles/s wall", run_rate("e2e")),
        row("end to end `--runner processes --workers 2`, articles/s wall", run_rate("e2e_processes")),
        row("no-op re-run, s wall", noop),
        row("peak RSS, plain loop, MiB", rss(("stages", "peak_rss_mb"))),
        row("peak RSS, `sitrep run`, MiB", rss(("e2e", "peak_rss_mb"))),
        row("peak RSS, `sitrep run --runner processes`, MiB", rss(("e2e_processes", "peak_rss_mb"))),
        row("peak RSS, no-op re-run, MiB", rss(("noop", "peak_rss_mb"))),
    ]


def e2e_table(sizes: dict[str, Any]) -> list[str]:
    out = ["| run | articles | wall s | CPU s (client) | CPU s (server) | articles/s (wall) | peak RSS MiB |",
           "|---|---|---|---|---|---|---|"]  # fmt: skip
    for key, r in _items(sizes):
        n = _n(key)
        runs = (("e2e", "`sitrep run` (new warehouse)"),
                ("e2e_threads1", "`sitrep run --runner threads --workers 1` (new warehouse)"),
                ("e2e_processes", "`sitrep run --runner processes --workers 2` (new warehouse)"),
                ("noop_read", "re-run reading every record (all loaded, no file ledger yet)"),
                ("noop", "no-op re-run (all loaded)"),
                ("rerun_reextracted", "re-run after the extractors changed (re-extracts every article)"))  # fmt: skip
        for what, label in runs:
            if what in r:
                e = r[what]
                if what.startswith("noop") and e.get("primed"):
                    label += ", primed warehouse"
                if what == "noop" and e["summary"].get("flow_run") is False:
                    label += ", no flow started"
                if what.startswith("noop") and e["summary"].get("articles_unchanged") != n:
                    label += f" — **not a no-op: {e['summary'].get('articles_unchanged')} unchanged**"
                out.append(f"| {label} | {n:,} | {_f(e['wall_s'], 2)} | {_f(e['cpu_s'], 2)} "
                           f"| {_f(e.get('server_cpu_s'), 2)} | {_f(_rate(n, e['wall_s']))} | {_f(e['peak_rss_mb'], 0)} |")  # fmt: skip
                if "plain" in e:  # its twin: the same work, as many threads or processes, no Prefect
                    p = e["plain"]
                    out.append(f"| &nbsp;&nbsp;its plain twin: {p['runner']} × {p['workers']}, no Prefect "
                               f"(of its CPU, `import prefect` {_f(p.get('prefect_import_cpu_s'), 2)}) | {n:,} "
                               f"| {_f(p['process_wall_s'], 2)} | {_f(p['process_cpu_s'], 2)} | – "
                               f"| {_f(_rate(n, p['process_wall_s']))} | {_f(p['peak_rss_mb'], 0)} |")  # fmt: skip
        if "e2e_threads1_one" in r:  # the share's fixed part: the one-thread pair on one article
            e, p = r["e2e_threads1_one"], r["e2e_threads1_one"].get("plain", {})
            out.append(f"| `sitrep run --runner threads --workers 1` of 1 article / its plain twin | 1 "
                       f"| {_f(e['wall_s'], 2)} / {_f(p.get('process_wall_s'), 2)} | {_f(e['cpu_s'], 2)} / {_f(p.get('process_cpu_s'), 2)} "
                       f"| {_f(e.get('server_cpu_s'), 2)} | – | {_f(e['peak_rss_mb'], 0)} / {_f(p.get('peak_rss_mb'), 0)} |")  # fmt: skip
        out.append(f"| plain loop, same stages, no Prefect (child process) | {_label(key)} | {_f(r['stages']['process_wall_s'], 2)} "
                   f"| {_f(r['stages']['process_cpu_s'], 2)} | – | {_f(_rate(n, r['stages']['process_wall_s']))} "
                   f"| {_f(r['stages']['peak_rss_mb'], 0)} |")  # fmt: skip
    return out


def memory_table(sizes: dict[str, Any]) -> list[str]:
    out = ["| size | mode | RSS after first batch | at the middle | after last batch | peak (stages) |",
           "|---|---|---|---|---|---|"]  # fmt: skip
    for key, r in _items(sizes):
        rss = r["stages"]["rss_by_batch"]
        if not rss:
            continue
        mid = rss[len(rss) // 2]
        out.append(f"| {_label(key)} | {r['mode']} | {_f(rss[0][1], 0)} MiB | {_f(mid[1], 0)} MiB at {mid[0]:,} "
                   f"| {_f(rss[-1][1], 0)} MiB | {_f(r['stages']['peak_rss_mb'], 0)} MiB |")  # fmt: skip
    return out


def startup_table(s: dict[str, Any]) -> list[str]:
    out = ["| one-article `sitrep run` | wall s | CPU s | peak RSS MiB |", "|---|---|---|---|"]
    for key, label in (("cli_help", "`sitrep --help` (imports only)"),
                       ("server", "with `PREFECT_API_URL` → running `prefect server start`"),
                       ("temporary_cold", "temporary server, new `PREFECT_HOME`"),
                       ("temporary_warm", "temporary server, existing `PREFECT_HOME`")):  # fmt: skip
        v = s[key]
        out.append(f"| {label} | {_f(v['wall_s'], 2)} | {_f(v['cpu_s'], 2)} | {_f(v['peak_rss_mb'], 0)} |")
    out.append(
        f"| (`prefect server start` until healthy, not part of a run) | {_f(s['server_start_s'], 1)} | | |"
    )
    return out


def profile_table(p: dict[str, Any], key: str) -> list[str]:
    out = ["| # | function | seconds | share |", "|---|---|---|---|"]
    for i, row in enumerate(p[key], 1):
        out.append(f"| {i} | `{row['function']}` | {_f(row['seconds'], 2)} | {row['share']:.1%} |")
    return out


def render(res: dict[str, Any]) -> str:
    sizes = res.get("sizes", {})
    runs = list(res.get("runs", []))
    if "command" in res:  # results written before per-run records
        runs.insert(0, {k: res.get(k) for k in ("command", "machine_start", "machine_end")})
    lines = [
        BEGIN,
        "<!-- generated by `python -m bench.run` / `--report-only` from bench/results/results.json; edits here are lost -->",
        "",
        "| runs behind these tables | started | ended | load avg at start → end | git | extractor version | code |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        m0, m1 = r.get("machine_start") or {}, r.get("machine_end") or {}
        lines.append(
            f"| `{r.get('command')}` | {m0.get('date')} | {m1.get('date', '–')} "
            f"| {m0.get('loadavg')} → {m1.get('loadavg', '–')} | `{m0.get('git')}` | `{m0.get('extractor_version')}` "
            f"| {'snapshot copy' if m0.get('snapshot') else 'working tree'} |"
        )
    m0 = (runs[0].get("machine_start") or {}) if runs else {}
    lines += [
        "",
        f"Python {m0.get('python')}, {m0.get('cpus')} CPUs shared with other work.",
        "",
        "Sizes in the results: "
        + ", ".join(
            f"{_label(k)} ({'full' if v['mode'] == 'full' else 'primed' + _sampled(v).replace(' (', ', extraction on a ').rstrip(')')})"
            for k, v in _items(sizes)
        )  # fmt: skip
        + ".",
        "",
        "### Headline",
        "",
        *headline(sizes, res.get("startup")),
        "",
        "### Sizes and corpora side by side",
        "",
        *side_by_side(sizes),
        "",
    ]
    for key, r in _items(sizes):
        lines += [f"### Stages, {_label(key)} articles ({r['stages']['text_mb']} MB of text; {r['mode']})", "",
                  *stage_table(r), ""]  # fmt: skip
        if r["mode"] == "full":
            lines += [f"Rows extracted: {r['stages']['rows']}.", ""]
        if "baselines" in r:
            b = r["baselines"]
            sample = (
                f"; every {b['every']}th article, {b['articles']:,} in all" if b.get("every", 1) > 1 else ""
            )
            lines += [f"### Baselines, {_label(key)} articles (spaCy {b['spacy']}; regex `{b['regex']}`{sample})",
                      "", *baseline_table(r), ""]  # fmt: skip
            if b.get("rows"):
                lines += [f"Rows extracted from the sample: {b['rows']}.", ""]
    lines += ["### End to end and no-op re-run", "", *e2e_table(sizes), ""]
    if res.get("startup"):
        lines += ["### Fixed start-up cost", "", *startup_table(res["startup"]), ""]
    lines += [
        "### Memory as the input grows (stages loop, RSS after each batch)",
        "",
        *memory_table(sizes),
        "",
    ]
    for key, corpus in (("profile", ""), ("profile_real", "real-text corpus, ")):
        if not res.get(key):
            continue
        p = res[key]
        lines += [f"### Extraction hot spots ({corpus}pyinstrument, {p['articles']} articles, {p['total_s']} s sampled)",
                  "", "Top 15 by cumulative time:", "", *profile_table(p, "cumulative"), "",
                  "Top 15 by own (self) time:", "", *profile_table(p, "self"), ""]  # fmt: skip
    lines.append(END)
    return "\n".join(lines)


def write_report(res: dict[str, Any], path: Path) -> None:
    """Replace the generated block of ``path`` (or append one) with the tables for ``res``."""
    text = path.read_text() if path.exists() else "# Benchmarks\n\n"
    block = render(res)
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)
