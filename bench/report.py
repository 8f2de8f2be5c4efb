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


def _ok(good: bool | None) -> str:
    return "–" if good is None else ("met" if good else "**missed**")


def headline(sizes: dict[str, Any], startup: dict[str, Any] | None) -> list[str]:
    out = ["| measure | size | measured | target | |", "|---|---|---|---|---|"]
    for key, r in sorted(sizes.items(), key=lambda kv: int(kv[0])):
        n = int(key)
        st = r["stages"]["stages"]
        arts = r["stages"]["articles"]
        if r["mode"] == "full":
            ext = _rate(arts, st["extract"]["cpu_s"])
            b = r["baselines"]["stages"]
            spacy = _rate(arts, b["spacy_blank_sentencizer"]["cpu_s"])
            regex = _rate(arts, b["regex"]["cpu_s"])
            vs_spacy = ext / spacy if ext and spacy else None
            vs_regex = ext / regex if ext and regex else None
            out.append(f"| extraction per core ÷ spaCy blank+sentencizer (CPU time) | {n:,} | {_f(vs_spacy, 3)} "
                       f"| ≥ 1 | {_ok(vs_spacy >= TARGETS['vs_spacy'] if vs_spacy else None)} |")  # fmt: skip
            out.append(f"| extraction per core ÷ one regex pass (CPU time) | {n:,} | {_f(vs_regex, 4)} "
                       f"| ≥ 0.10 | {_ok(vs_regex >= TARGETS['vs_regex'] if vs_regex else None)} |")  # fmt: skip
            out.append(f"| extraction per core, articles/s (CPU time) | {n:,} | {_f(ext)} | – | |")
        if "e2e" in r:
            e = r["e2e"]
            rate = _rate(n, e["wall_s"])
            out.append(f"| end to end `sitrep run`, articles/s (wall) | {n:,} | {_f(rate)} | ≥ 2,000 "
                       f"| {_ok(rate >= TARGETS['e2e'] if rate else None)} |")  # fmt: skip
            if "e2e_processes" in r:
                prate = _rate(n, r["e2e_processes"]["wall_s"])
                out.append(f"| end to end `sitrep run --runner processes --workers 2`, articles/s (wall) | {n:,} "
                           f"| {_f(prate)} | ≥ 2,000 | {_ok(prate >= TARGETS['e2e'] if prate else None)} |")  # fmt: skip
            cpu_rate = _rate(n, e["cpu_s"] + e.get("server_cpu_s", 0))
            out.append(
                f"| end to end, articles per CPU-second (client + server) | {n:,} | {_f(cpu_rate)} | – | |"
            )
            share = prefect_share(r)
            if share is not None:
                out.append(f"| Prefect's share of CPU time (e2e − plain loop) | {n:,} | {share:.1%} | ≤ 5% "
                           f"| {_ok(share <= TARGETS['prefect_share'])} |")  # fmt: skip
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
            out.append(f"| peak RSS of the plain loop, MiB | {n:,} | {_f(peak, 0)} | ≤ 1,024 at 1M "
                       f"| {_ok(peak <= TARGETS['rss_mib'])} (at {n:,}) |")  # fmt: skip
    if startup:
        out.append(f"| fixed start-up: `sitrep run` of 1 article, server running, s wall | – "
                   f"| {_f(startup['server']['wall_s'])} | – | |")  # fmt: skip
    return out


def prefect_share(r: dict[str, Any]) -> float | None:
    """(e2e CPU incl. server − plain-loop process CPU) ÷ e2e CPU incl. server."""
    if "e2e" not in r or r["mode"] != "full":
        return None
    e = r["e2e"]
    total = e["cpu_s"] + e.get("server_cpu_s", 0)
    return (total - r["stages"]["process_cpu_s"]) / total if total else None


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
    st = r["stages"]["stages"]
    arts, mb = b["articles"], b["text_mb"]
    rows = [("sitrep extraction (3 tables)", st["extract"]), *((f"&nbsp;&nbsp;{k[8:]}", st[k]) for k in STAGES
            if k.startswith("extract:") and k in st),  # fmt: skip
            ("one regex pass", b["stages"]["regex"]),
            ("spaCy blank `en` + sentencizer", b["stages"]["spacy_blank_sentencizer"])]  # fmt: skip
    out = ["| on the same text | wall s | CPU s | articles/s (CPU) | MB/s (CPU) |", "|---|---|---|---|---|"]
    for name, v in rows:
        out.append(f"| {name} | {_f(v['wall_s'], 2)} | {_f(v['cpu_s'], 2)} | {_f(_rate(arts, v['cpu_s']))} "
                   f"| {_f(_rate(mb, v['cpu_s']), 2)} |")  # fmt: skip
    return out


def e2e_table(sizes: dict[str, Any]) -> list[str]:
    out = ["| run | articles | wall s | CPU s (client) | CPU s (server) | articles/s (wall) | peak RSS MiB |",
           "|---|---|---|---|---|---|---|"]  # fmt: skip
    for key, r in sorted(sizes.items(), key=lambda kv: int(kv[0])):
        n = int(key)
        runs = (("e2e", "`sitrep run` (new warehouse)"),
                ("e2e_processes", "`sitrep run --runner processes --workers 2` (new warehouse)"),
                ("noop", "no-op re-run (all loaded)"),
                ("rerun_reextracted", "re-run after the extractors changed (re-extracts every article)"))  # fmt: skip
        for what, label in runs:
            if what in r:
                e = r[what]
                if what == "noop" and e.get("primed"):
                    label += ", primed warehouse"
                if what == "noop" and e["summary"].get("articles_unchanged") != n:
                    label += f" — **not a no-op: {e['summary'].get('articles_unchanged')} unchanged**"
                out.append(f"| {label} | {n:,} | {_f(e['wall_s'], 2)} | {_f(e['cpu_s'], 2)} "
                           f"| {_f(e.get('server_cpu_s'), 2)} | {_f(_rate(n, e['wall_s']))} | {_f(e['peak_rss_mb'], 0)} |")  # fmt: skip
        out.append(f"| plain loop, same stages, no Prefect (child process) | {n:,} | {_f(r['stages']['process_wall_s'], 2)} "
                   f"| {_f(r['stages']['process_cpu_s'], 2)} | – | {_f(_rate(n, r['stages']['process_wall_s']))} "
                   f"| {_f(r['stages']['peak_rss_mb'], 0)} |")  # fmt: skip
    return out


def memory_table(sizes: dict[str, Any]) -> list[str]:
    out = ["| size | mode | RSS after first batch | at the middle | after last batch | peak (stages) |",
           "|---|---|---|---|---|---|"]  # fmt: skip
    for key, r in sorted(sizes.items(), key=lambda kv: int(kv[0])):
        rss = r["stages"]["rss_by_batch"]
        if not rss:
            continue
        mid = rss[len(rss) // 2]
        out.append(f"| {int(key):,} | {r['mode']} | {_f(rss[0][1], 0)} MiB | {_f(mid[1], 0)} MiB at {mid[0]:,} "
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
            f"{int(k):,} ({'full' if v['mode'] == 'full' else 'primed: no extraction'})"
            for k, v in sorted(sizes.items(), key=lambda kv: int(kv[0]))
        )  # fmt: skip
        + ".",
        "",
        "### Headline",
        "",
        *headline(sizes, res.get("startup")),
        "",
    ]
    for key, r in sorted(sizes.items(), key=lambda kv: int(kv[0])):
        n = int(key)
        lines += [f"### Stages, {n:,} articles ({r['stages']['text_mb']} MB of text; {r['mode']})", "",
                  *stage_table(r), ""]  # fmt: skip
        if r["mode"] == "full":
            lines += [f"Rows extracted: {r['stages']['rows']}.", ""]
        if "baselines" in r:
            lines += [f"### Baselines, {n:,} articles (spaCy {r['baselines']['spacy']}; regex `{r['baselines']['regex']}`)",
                      "", *baseline_table(r), ""]  # fmt: skip
    lines += ["### End to end and no-op re-run", "", *e2e_table(sizes), ""]
    if res.get("startup"):
        lines += ["### Fixed start-up cost", "", *startup_table(res["startup"]), ""]
    lines += [
        "### Memory as the input grows (stages loop, RSS after each batch)",
        "",
        *memory_table(sizes),
        "",
    ]
    if res.get("profile"):
        p = res["profile"]
        lines += [f"### Extraction hot spots (pyinstrument, {p['articles']} articles, {p['total_s']} s sampled)", "",
                  "Top 15 by cumulative time:", "", *profile_table(p, "cumulative"), "",
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
