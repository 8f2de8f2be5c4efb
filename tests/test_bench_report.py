"""The bench report's arithmetic: ratios on the same texts, sampled extraction at primed sizes."""

from __future__ import annotations

from typing import Any

from bench.report import extraction, prefect_share, ratios, render, side_by_side


def _t(cpu: float) -> dict[str, float]:
    return {"wall_s": cpu * 1.5, "cpu_s": cpu}


def _stages(articles: int, extract: dict[str, float] | None) -> dict[str, Any]:
    st = {"read": _t(0.1), "parse": _t(1.0), "validate": _t(0.5), "load": _t(0.5), "publish": _t(0.1)}
    st |= {k: _t(v) for k, v in (extract or {}).items()}
    return {"articles": articles, "text_mb": 2.0, "stages": st, "process_wall_s": 9.0, "process_cpu_s": 8.0,
            "rows": {}, "rss_by_batch": [(articles, 300.0)], "peak_rss_mb": 310.0}  # fmt: skip


def _baselines(articles: int, every: int, extract: dict[str, float] | None = None) -> dict[str, Any]:
    st = {"regex": _t(0.05), "spacy_blank_sentencizer": _t(2.0)} | {
        k: _t(v) for k, v in (extract or {}).items()
    }
    return {"articles": articles, "every": every, "text_mb": 0.2, "stages": st, "regex": "x", "spacy": "3",
            "counts": {}, "rows": {"statements": 7}}  # fmt: skip


def _plain(runner: str, workers: int, cpu: float, prefect_import: float) -> dict[str, Any]:
    return {"runner": runner, "workers": workers, "process_wall_s": cpu, "process_cpu_s": cpu,
            "prefect_import_cpu_s": prefect_import, "peak_rss_mb": 300.0, "rows": {}, "same_rows": True}  # fmt: skip


def results() -> dict[str, Any]:
    full_ext = {
        "extract": 10.0,
        "extract:statements": 4.0,
        "extract:incidents": 5.0,
        "extract:refugee_counts": 1.0,
    }
    return {
        "sizes": {
            "1000": {
                "mode": "full",
                "stages": _stages(1000, full_ext),
                "baselines": _baselines(1000, 1),
                "e2e": {
                    "wall_s": 20.0,
                    "cpu_s": 9.0,
                    "server_cpu_s": 1.0,
                    "server_idle_cpu_per_s": 0.01,
                    "peak_rss_mb": 400.0,
                    "summary": {},
                },
                # one extraction thread: 9.5 CPU-s of client and 0.5 of server against a twin of 9.0,
                # 0.5 of which its `import prefect`
                "e2e_threads1": {
                    "wall_s": 20.0,
                    "cpu_s": 9.5,
                    "server_cpu_s": 0.5,
                    "server_idle_cpu_per_s": 0.01,
                    "peak_rss_mb": 400.0,
                    "summary": {},
                    "plain": _plain("threads", 1, 9.0, 0.5),
                },
            },
            # 500 of 100,000 articles sampled (every 200th): 5 CPU-s of extraction for those 500
            "100000": {
                "mode": "primed",
                "stages": _stages(100_000, None),
                "baselines": _baselines(500, 200, {"extract": 5.0, "extract:statements": 2.0}),
            },
            "200000": {"mode": "primed", "stages": _stages(200_000, None)},  # no sample: nothing to compare
        }
    }


def test_ratios_use_the_same_texts_and_the_sample_at_primed_sizes() -> None:
    sizes = results()["sizes"]
    ext, vs_spacy, vs_regex = ratios(sizes["1000"])
    assert ext == 100.0  # 1,000 articles in 10 CPU-s
    assert vs_spacy == 100.0 / 500.0  # spaCy: 1,000 in 2 CPU-s
    assert vs_regex == 100.0 / 20_000.0
    ext, vs_spacy, _ = ratios(sizes["100000"])
    assert ext == 100.0  # 500 sampled articles in 5 CPU-s, not 100,000 in 5
    assert vs_spacy == 100.0 / 250.0  # spaCy on the same 500: 500 in 2 CPU-s
    assert extraction(sizes["100000"]) is not None and extraction(sizes["100000"])[2] == 200
    assert ratios(sizes["200000"]) == (None, None, None)


def test_prefect_share_compares_a_run_with_its_plain_twin() -> None:
    r = results()["sizes"]["1000"]
    # (9.5 + 0.5) CPU-s of run and server against the twin's 9.0 less its 0.5 of `import prefect`
    assert prefect_share(r, "e2e_threads1") == (10.0 - 8.5) / 10.0
    assert prefect_share(r, "e2e_threads1", without_idle=True) == (9.8 - 8.5) / 9.8  # 0.01 CPU-s/s over 20 s
    assert prefect_share(r, "e2e") is None  # the default run (two threads) has no twin: no share
    del r["e2e_threads1"]["server_idle_cpu_per_s"]
    assert prefect_share(r, "e2e_threads1", without_idle=True) is None


def test_share_beyond_start_takes_the_one_article_pair_off_both_sides() -> None:
    from bench.report import share_beyond_start

    r = results()["sizes"]["1000"]
    assert share_beyond_start(r) is None  # no one-article pair
    # one article: 4.0 + 0.3 CPU-s of run and server (0.01 CPU-s/s idle over 5 s), twin 3.0 less 0.5
    r["e2e_threads1_one"] = {"wall_s": 5.0, "cpu_s": 4.0, "server_cpu_s": 0.3, "server_idle_cpu_per_s": 0.01,
                             "peak_rss_mb": 200.0, "summary": {}, "plain": _plain("threads", 1, 3.0, 0.5)}  # fmt: skip
    # run 10.0 - 4.3 = 5.7, twin 8.5 - 2.5 = 6.0: the articles cost Prefect nothing beyond the start
    assert share_beyond_start(r) == (5.7 - 6.0) / 5.7
    assert share_beyond_start(r, without_idle=True) == ((9.8 - 4.25) - 6.0) / (9.8 - 4.25)
    assert "(its pair on 1 article taken off both sides) | 1,000 | -5.3% |" in render({"sizes": {"1000": r}})


def test_render_gives_the_share_of_each_run_with_a_twin() -> None:
    sizes = results()["sizes"]
    sizes["1000"]["e2e_processes"] = sizes["1000"]["e2e_threads1"] | {
        "cpu_s": 12.0, "plain": _plain("processes", 2, 11.0, 0.0)}  # fmt: skip
    text = render({"sizes": sizes})
    shares = [line.split(" | ")[2] for line in text.splitlines() if "Prefect's share of CPU time" in line]
    assert shares == ["15.0%", f"{(12.5 - 11.0) / 12.5:.1%}"]
    assert "its plain twin: processes × 2, no Prefect" in text
    assert text.count("the same, less the server's idle background (0.2 CPU-s over the run)") == 2


def test_side_by_side_has_a_column_per_size_and_projects_primed_totals() -> None:
    table = side_by_side(results()["sizes"])
    assert table[0].split("|")[2:-1] == [" 1,000 ", " 100,000 ", " 200,000 "]
    rows = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[2:-1]] for line in table[2:]}
    assert rows["sitrep extraction, 3 tables"] == ["100", "100", "–"]
    assert rows["extraction ÷ spaCy (target ≥ 1)"] == ["0.200", "0.400", "–"]
    assert rows["how measured"] == ["full", "primed; extraction on 1 in 200", "primed"]
    # primed: 2.2 CPU-s of stages for 100,000 articles + 0.01 CPU-s of extraction per article
    assert rows["all stages, plain loop"][1] == f"{100_000 / (2.2 + 1000.0):.1f} (projected)"


def test_render_names_the_sample() -> None:
    text = render(results())
    assert "every 200th article, 500 in all" in text
    assert "100,000 (sample: 1 in 200, 500 articles)" in text


def _rerun(wall: float, cpu: float, flow_run: bool | None, n: int = 100_000) -> dict[str, Any]:
    return {"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": 120.0, "server_cpu_s": 0.1,
            "summary": {"articles_unchanged": n, "flow_run": flow_run}}  # fmt: skip


def test_noop_only_results_replace_the_reruns_and_keep_the_rest() -> None:
    from bench.run import merge

    sizes = results()["sizes"]
    sizes["100000"]["noop"] = _rerun(8.3, 7.9, None)
    new = {"mode": "primed", "noop_only": True, "stages": _stages(100_000, None),
           "noop_read": _rerun(14.3, 5.9, None), "noop": _rerun(1.5, 0.9, False), "run_started": "T"}  # fmt: skip
    merge(sizes, "100000", new)
    r = sizes["100000"]
    assert r["baselines"]["every"] == 200 and "noop_only" not in r  # the sample and its run stay
    assert (r["noop"]["wall_s"], r["noop_read"]["wall_s"]) == (1.5, 14.3)
    assert r["noop"]["primed"] and r["noop"]["run_started"] == "T"
    text = render(results() | {"sizes": sizes})
    assert (
        "| re-run reading every record (no file ledger yet), s wall / CPU-s | 100,000 | 14.3 / 5.9 |" in text
    )
    assert "| no-op re-run (all loaded), primed warehouse, no flow started | 100,000 | 1.50 |" in text
    assert "| no-op re-run (all loaded), s wall | 100,000 | 1.5 | ≤ 3 s at 100k | met |" in text
