"""Benchmark sitrep: per-stage throughput, end to end under Prefect, memory, re-run and start-up cost.

    python -m bench.run                         # 10k articles (the default), writes bench/results/results.json
    python -m bench.run --sizes 10000,100000    # several sizes; results merge into the same file
    python -m bench.run --report-only           # regenerate the tables in BENCHMARKS.md from the JSON

Every measurement runs in its own child process so that its peak RSS is its own
(``os.wait4`` reports the child's ``ru_maxrss`` and CPU time):

* ``stages``    the flow's own functions in a plain loop, no Prefect engine: read, parse,
                skip check, extract (per table), validate, load, publish;
* ``baselines`` the same article texts through one regular expression and through spaCy's
                blank English tokenizer + sentencizer;
* ``e2e``       ``sitrep run`` against a ``prefect server start`` launched here on 127.0.0.1,
                then the same command again (a no-op re-run: everything is loaded);
* ``startup``   ``sitrep run`` on a one-article file, with that server and with Prefect's
                temporary server (cold: new PREFECT_HOME; warm: second run);
* ``profile``   pyinstrument over ``extract_batch`` for a slice of the corpus.

Sizes above ``--full-max`` are not extracted in full (hours at the current extractor speed):
their warehouse is primed with the article rows and record digests only, which is all the
no-op re-run reads, so read/parse/validate/load/publish, the no-op re-run and memory are
measured over the whole corpus, and extraction and the baselines over an evenly spread
sample of it (``--sample-articles``, every k-th record of the same file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CODE = Path(__file__).resolve().parent.parent  # the packages under test (a snapshot in children)
ROOT = Path(os.environ.get("SITREP_BENCH_ROOT") or CODE)  # the checkout: corpora, results, BENCHMARKS.md
CORPUS_DIR = ROOT / "bench" / "corpus"
RESULTS = ROOT / "bench" / "results" / "results.json"
REPORT = ROOT / "BENCHMARKS.md"
PY = sys.executable
SITREP = str(Path(PY).with_name("sitrep"))
MB = 1e6  # corpus and text sizes (MB/s)
MIB = 2**20  # memory
# one pass of one pattern: quoted spans, numbers and capitalised words (what the extractors look for first)
BASELINE_RE = r'"[^"\n]{1,400}"|\d[\d,.]*|[A-Z][\w-]+'


# -- helpers ---------------------------------------------------------------------------------------


def rss_mb() -> float:
    """Current resident set size of this process, in MiB."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MIB


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class Clock:
    """Wall and CPU seconds per key (CPU: the whole process, so DuckDB's threads count too).

    On a shared machine wall time includes waiting for a core; CPU time does not.
    """

    def __init__(self) -> None:
        self.wall: Counter[str] = Counter()
        self.cpu: Counter[str] = Counter()

    @contextmanager
    def __call__(self, key: str) -> Iterator[None]:
        w, c = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall[key] += time.perf_counter() - w
            self.cpu[key] += time.process_time() - c

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {
            k: {"wall_s": round(self.wall[k], 3), "cpu_s": round(self.cpu[k], 3)} for k in sorted(self.wall)
        }


def cpu_s() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def run_child_rusage(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``cmd``; wall and CPU seconds, peak RSS in MB (``os.wait4``: the child's own), stdout, stderr."""
    t0 = time.perf_counter()
    # with a snapshot, run from it: `python -m` puts the working directory before PYTHONPATH
    cwd = SNAPSHOT if _use_snapshot else CODE
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    bufs: dict[str, bytes] = {}

    def drain(name: str, stream: Any) -> None:  # threads, so a chatty child never blocks on a full pipe
        bufs[name] = stream.read()

    threads = [
        threading.Thread(target=drain, args=(n, s)) for n, s in (("out", proc.stdout), ("err", proc.stderr))
    ]
    for t in threads:
        t.start()
    _pid, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    for t in threads:
        t.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "cmd": [str(c) for c in cmd],
        "returncode": proc.returncode,
        "wall_s": round(wall, 3),
        "cpu_s": round(ru.ru_utime + ru.ru_stime, 3),
        "peak_rss_mb": round(ru.ru_maxrss / 1024, 1),
        "stdout": bufs.get("out", b"").decode(errors="replace"),
        "stderr": bufs.get("err", b"").decode(errors="replace")[-3000:],
    }


def child_json(res: dict[str, Any]) -> dict[str, Any]:
    if res["returncode"] != 0:
        raise RuntimeError(f"{' '.join(res['cmd'])} failed ({res['returncode']}):\n{res['stderr']}")
    return json.loads(res["stdout"].strip().splitlines()[-1])


SNAPSHOT = CORPUS_DIR / "code"  # a copy of the packages, so edits made during a run change nothing
PACKAGES = ("flows", "transforms", "schemas", "warehouse", "bench")
_use_snapshot = False


def relative_paths(text: str) -> str:
    """``text`` (a profile) with this checkout's and the snapshot's absolute paths made relative."""
    for root in sorted({str(SNAPSHOT), str(ROOT), str(CODE)}, key=len, reverse=True):
        text = text.replace(root + os.sep, "")
    return text


def take_snapshot() -> None:
    """Copy the packages under test to ``SNAPSHOT``; children import them from there (PYTHONPATH
    comes before the editable install), so an extractor edited mid-run cannot make the no-op
    re-run re-extract or mix two versions in one result."""
    global _use_snapshot
    shutil.rmtree(SNAPSHOT, ignore_errors=True)
    for pkg in PACKAGES:
        shutil.copytree(
            CODE / pkg, SNAPSHOT / pkg, ignore=shutil.ignore_patterns("__pycache__", "corpus", "results")
        )
    _use_snapshot = True


def base_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1", PREFECT_LOGGING_LEVEL="WARNING")
    env.pop("PREFECT_API_URL", None)
    env["SITREP_BENCH_ROOT"] = str(ROOT)
    if _use_snapshot:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SNAPSHOT), env.get("PYTHONPATH")]))
    return env


# -- child: the stages in a plain loop -------------------------------------------------------------


def _timed_iter(it: Iterator[Any], clock: Clock, key: str) -> Iterator[Any]:
    while True:
        with clock(key):
            item = next(it, _END)
        if item is _END:
            return
        yield item


_END = object()


def _time_extractors(fx: Any, t: Clock) -> None:
    """Per-table extractor time: wrap the functions the flow's ``extract_rows`` looks up in EXTRACTORS."""
    for table, (fn, id_col, keys) in list(fx.EXTRACTORS.items()):

        def timed(*a: Any, _fn: Any = fn, _t: str = table, **k: Any) -> list[Any]:
            with t(f"extract:{_t}"):
                return list(_fn(*a, **k))

        fx.EXTRACTORS[table] = (timed, id_col, keys)


def _shaping(t: Clock) -> None:
    """``extract:shaping``: the rest of ``extract_batch`` (ids, row dicts, frames)."""
    for clk in (t.wall, t.cpu):
        clk["extract:shaping"] = clk["extract"] - sum(v for k, v in clk.items() if k.startswith("extract:"))


def child_stages(corpus: Path, work: Path, batch_size: int, extract: bool) -> dict[str, Any]:
    """The flow's stage functions over ``corpus`` in a plain loop; seconds per stage and RSS per batch.

    With ``extract=False`` the articles are loaded without derived rows (priming a warehouse for
    the no-op re-run of sizes too large to extract).
    """
    import itertools
    import uuid

    import flows.extract as fx
    from flows.config import Settings
    from flows.fetch import FetchPolicy, dedupe_task, fetch_batch
    from flows.pipeline import digest_rows, parse_batch, rejects_frame, validate_batch
    from flows.sources import RawRecord, iter_records
    from schemas import empty_frame
    from warehouse import Warehouse, digests, publish_parquet

    t = Clock()
    _time_extractors(fx, t)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    db, out = work / "stages.duckdb", work / "parquet"
    cpu0, wall0 = cpu_s(), time.perf_counter()
    with t("open"):
        wh = Warehouse.open(db, memory_limit=Settings().memory_limit)  # as `sitrep run` opens it
        version = fx.extractor_version()
    run_id = uuid.uuid4().hex
    n_records = n_articles = n_bytes = 0
    rows: Counter[str] = Counter()
    rss: list[tuple[int, float]] = []
    records = _timed_iter(iter(iter_records([str(corpus)])), t, "read")
    while chunk := list(itertools.islice(records, batch_size)):
        with t("read"):
            items = fetch_batch(chunk, FetchPolicy()).items  # local records pass through
        n_records += sum(1 for r in items if isinstance(r, RawRecord))
        with t("parse"):
            articles, origins, rejects = parse_batch(items)
            remembered = digest_rows(items, articles, origins)
        n_articles += len(articles)
        n_bytes += sum(len(a.text.encode()) for a in articles)
        with t("skip_check"):
            articles, origins, _aliases = dedupe_task.fn(wh, articles, origins)
            known = wh.known_articles([a.article_id for a in articles])
            fresh = [
                i for i, a in enumerate(articles) if known.get(a.article_id) != (a.content_sha256, version)
            ]
            articles, origins = [articles[i] for i in fresh], [origins[i] for i in fresh]
        with t("extract"):
            if extract:
                extracted = fx.extract_batch(articles, origins, version)
            else:
                frames = {"articles": fx.article_rows(articles, origins, version)}
                frames |= {tb: empty_frame(tb) for tb in fx.EXTRACTORS}
                extracted = fx.Extracted(frames, [])
        with t("validate"):
            frames, more = validate_batch(extracted)
        with t("load"):
            wh.load_batch(frames, rejects_frame(rejects + more, run_id), run_id=run_id)
            digests.remember(wh.con, remembered, version)
        for tb in fx.EXTRACTORS:
            rows[tb] += frames[tb].height
        rss.append((n_records, round(rss_mb(), 1)))
    with t("publish"):
        published = publish_parquet(wh.con, out)
    wh.close()
    if extract:
        _shaping(t)
    return {
        "mode": "full" if extract else "primed",
        "records": n_records,
        "articles": n_articles,
        "text_mb": round(n_bytes / MB, 2),
        "corpus_mb": round(corpus.stat().st_size / MB, 2),
        "stages": t.as_dict(),
        "loop_wall_s": round(time.perf_counter() - wall0, 3),
        "loop_cpu_s": round(cpu_s() - cpu0, 3),
        "rows": dict(rows),
        "published": published,
        "rss_by_batch": rss,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


# -- child: the same work with the flow's parallelism, no Prefect -------------------------------------


def plain_inflight(runner: str, workers: int) -> int:
    """Extraction batches in flight at once: what ``flows.cli.runner_parameters`` gives the flow."""
    return 2 if runner == "threads" else 2 * workers


# The extractors' tables, as ``flows.extract.EXTRACTORS`` names them (not imported where the flow
# does not import it).
TABLES = ("statements", "incidents", "refugee_counts")


def _extract_batch(articles: list[Any], origins: list[str], version: str) -> Any:
    """``flows.extract.extract_batch``, imported where it runs: with ``--runner processes`` the flow's
    process never imports the extractors (its workers do), and neither does its twin's."""
    from flows.extract import extract_batch

    return extract_batch(articles, origins, version)


def child_plain(corpus: Path, work: Path, batch_size: int, runner: str, workers: int) -> dict[str, Any]:
    """The work of ``sitrep run --runner R --workers N`` without Prefect: the Prefect share's twin.

    The stages of ``child_stages`` (read, parse, skip check, extract, validate, load, publish),
    with extraction submitted to a ``ThreadPoolExecutor`` or a spawn ``ProcessPoolExecutor`` of
    ``workers`` and landed in order as the flow lands its batches: the next batch is read and
    parsed while extraction runs, at most ``plain_inflight`` batches are in flight, and this
    process validates and loads each one (the single writer). So the GIL contention of threads,
    the pickling between processes and the workers' own imports are in the twin as they are in
    the flow's run, and what the run costs beyond the twin is Prefect's. No per-stage timing: with
    extraction beside the main thread, a stage's CPU time cannot be told apart.

    The flow's modules import prefect (its tasks are defined there); that import is timed first
    and reported as ``prefect_import_cpu_s``, so the share can count it as Prefect's.
    """
    c0 = cpu_s()
    import prefect  # noqa: F401  (timed: flows.fetch and flows.pipeline import it anyway)

    prefect_import = cpu_s() - c0
    import itertools
    import multiprocessing
    import uuid
    from collections import deque
    from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

    from flows.config import Settings
    from flows.fetch import FetchPolicy, fetch_batch
    from flows.pipeline import digest_rows, parse_batch, rejects_frame, validate_batch
    from flows.publishing import PublishClock
    from flows.sources import RawRecord, iter_records
    from flows.version import extractor_version
    from warehouse import Warehouse, digests, publish_parquet

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    executor: Executor = (
        ThreadPoolExecutor(max_workers=workers)
        if runner == "threads"
        else ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    )  # fmt: skip
    cpu0, wall0 = cpu_s(), time.perf_counter()
    wh = Warehouse.open(work / "plain.duckdb", memory_limit=Settings().memory_limit)
    version = extractor_version()
    run_id = uuid.uuid4().hex
    n_records = 0
    rows: Counter[str] = Counter()
    inflight: deque[tuple[Any, list[Any], list[Any]]] = deque()  # (future, rejects, digest rows)

    # The flow publishes a readers' snapshot between batches when its clock says so (the first
    # batch at once, then every `publish_every` seconds at most): flow work, so the twin does it too.
    clock = PublishClock(Settings().publish_interval)
    landed = 0

    def land() -> None:
        nonlocal landed
        future, rejects, remembered = inflight.popleft()
        frames, more = validate_batch(future.result())
        wh.load_batch(frames, rejects_frame(rejects + more, run_id), run_id=run_id)
        digests.remember(wh.con, remembered, version)
        for tb in TABLES:
            rows[tb] += frames[tb].height
        landed += 1
        if clock.due(landed > 1):
            started = time.monotonic()
            publish_parquet(wh.con, work / "parquet", {"batches": landed})
            clock.record(started, time.monotonic())

    records = iter(iter_records([str(corpus)]))
    while chunk := list(itertools.islice(records, batch_size)):
        items = fetch_batch(chunk, FetchPolicy()).items
        n_records += sum(1 for r in items if isinstance(r, RawRecord))
        articles, origins, rejects = parse_batch(items)
        remembered = digest_rows(items, articles, origins)
        known = wh.known_articles([a.article_id for a in articles])
        fresh = [i for i, a in enumerate(articles) if known.get(a.article_id) != (a.content_sha256, version)]
        future = executor.submit(
            _extract_batch, [articles[i] for i in fresh], [origins[i] for i in fresh], version
        )
        inflight.append((future, rejects, remembered))
        while len(inflight) >= plain_inflight(runner, workers):
            land()
    while inflight:
        land()
    executor.shutdown(wait=True)  # process workers are reaped here: their CPU joins this process's
    published = publish_parquet(wh.con, work / "parquet")
    wh.close()
    return {
        "runner": runner,
        "workers": workers,
        "records": n_records,
        "rows": dict(rows),
        "published": published,
        "loop_wall_s": round(time.perf_counter() - wall0, 3),
        "loop_cpu_s": round(cpu_s() - cpu0, 3),  # this process only: the workers' CPU is in process_cpu_s
        "prefect_import_cpu_s": round(prefect_import, 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


# -- child: baselines on the same text -------------------------------------------------------------


def _articles(corpus: Path, batch_size: int, every: int = 1) -> Iterator[list[Any]]:
    """The parsed articles (every ``every``-th record) in batches; parsing is not timed."""
    from transforms.ingest import parse_json_record

    batch: list[Any] = []
    with corpus.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % every:
                continue
            batch.append(parse_json_record(line, f"{corpus.as_uri()}#{i + 1}"))
            if len(batch) == batch_size:
                yield batch
                batch = []
    if batch:
        yield batch


def child_baselines(
    corpus: Path, batch_size: int, every: int = 1, extract: bool = False, cold_every: int = 0
) -> dict[str, Any]:
    """The baselines over the article texts; with ``extract``, sitrep's extraction on the same texts.

    ``every`` > 1 takes every ``every``-th record, evenly spread through the corpus: a sample of
    the same bytes for sizes whose full extraction takes hours (extraction is per article, so its
    cost per article does not depend on how many articles the corpus holds).

    ``cold_every`` > 0 (the real-text corpus, which repeats that many articles): spaCy's tokenizer
    cache, which maps each whitespace-separated chunk it has seen to its tokens, is flushed before
    every repetition, so that spaCy reads each copy as the new text it stands for (with the cache
    kept, it ran 4-5x faster on the second pass over the same 72 articles than on the first).
    """
    import spacy

    import flows.extract as fx

    pattern = re.compile(BASELINE_RE)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp("Warm up. The tokenizer builds its caches here.")
    t = Clock()
    if extract:
        # like spaCy's warm-up above: the gazetteers and lexicons build on first use, which the
        # stages loop of a full size pays once in 10,000+ articles, the sample here once in fewer
        for fn, _, _ in fx.EXTRACTORS.values():
            fn(
                'KABUL, Jan. 2 — A bomb killed 3 people, police said. "We fled," one said. '
                "About 1,000 refugees crossed into Pakistan last week.",
                None,
            )
        _time_extractors(fx, t)
        version = fx.extractor_version()
    n = n_bytes = matches = sents = tokens = 0
    rows: Counter[str] = Counter()
    for arts in _articles(corpus, batch_size, every):
        texts = [a.text for a in arts]
        n += len(texts)
        n_bytes += sum(len(x.encode()) for x in texts)
        with t("regex"):
            for x in texts:
                for _m in pattern.finditer(x):
                    matches += 1
        with t("spacy_blank_sentencizer"):
            for part in _cycles(texts, n - len(texts), cold_every):
                if cold_every and (n - len(texts) + part[0]) % cold_every == 0:
                    nlp.tokenizer._flush_cache()
                for doc in nlp.pipe(part[1], batch_size=256):
                    tokens += len(doc)
                    sents += sum(1 for _ in doc.sents)
        if extract:
            with t("extract"):
                got = fx.extract_batch(arts, [corpus.as_uri()] * len(arts), version)
            for tb in fx.EXTRACTORS:
                rows[tb] += got.frames[tb].height
    if extract:
        _shaping(t)
    return {
        "articles": n,
        "every": every,
        "text_mb": round(n_bytes / MB, 2),
        "stages": t.as_dict(),
        "counts": {"regex_matches": matches, "spacy_tokens": tokens, "spacy_sentences": sents},
        "rows": dict(rows),
        "regex": BASELINE_RE,
        "spacy": spacy.__version__,
        "spacy_cache_flushed_every": cold_every,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def _cycles(texts: list[str], first: int, cycle: int) -> Iterator[tuple[int, list[str]]]:
    """``texts`` (records ``first``, ``first + 1``, ...) cut where a new repetition of ``cycle``
    records begins: (offset in ``texts``, part); the whole list when ``cycle`` is 0."""
    if not cycle:
        yield 0, texts
        return
    i = 0
    while i < len(texts):
        j = min(len(texts), i + cycle - (first + i) % cycle)
        yield i, texts[i:j]
        i = j


# -- child: profile of extraction ------------------------------------------------------------------


def child_profile(corpus: Path, articles: int, top: int = 15, out: str = "profile.txt") -> dict[str, Any]:
    """pyinstrument over ``extract_batch`` for the first ``articles`` articles: top functions."""
    from pyinstrument import Profiler

    from flows.extract import extract_batch, extractor_version
    from transforms.ingest import parse_json_record

    arts = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            arts.append(parse_json_record(line, corpus.as_uri()))
            if len(arts) >= articles:
                break
    version = extractor_version()
    extract_batch(arts[:3], ["bench"] * 3, version)  # lexicons and regexes compiled outside the profile
    prof = Profiler(interval=0.001)
    prof.start()
    extract_batch(arts, ["bench"] * len(arts), version)
    prof.stop()
    session = prof.last_session
    root = session.root_frame() if session else None
    cum: Counter[str] = Counter()
    own: Counter[str] = Counter()

    def name(fr: Any) -> str:
        path = fr.file_path or "?"
        if "/site-packages/" in path:
            rel = path.split("/site-packages/")[-1]
        elif re.search(r"/lib/python3\.\d+/", path):
            rel = re.split(r"/lib/python3\.\d+/", path)[-1]
        else:
            rel = os.path.relpath(path, CODE)
        return f"{fr.function} ({rel}:{fr.line_no})"

    def walk(fr: Any, stack: frozenset[str]) -> None:
        key = name(fr)
        if key not in stack:  # count a recursive function once per stack
            cum[key] += fr.time
        own[key] += fr.total_self_time
        for ch in fr.children:
            walk(ch, stack | {key})

    if root is not None:
        walk(root, frozenset())
    total = root.time if root is not None else 0.0
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    text = prof.output_text(unicode=False, color=False, show_all=False)
    (RESULTS.parent / out).write_text(relative_paths(text))

    def table(c: Counter[str]) -> list[dict[str, Any]]:
        skip = ("<module>", "extract_batch", "child_profile", "main", "<dictcomp> (flows/extract.py")
        return [
            {"function": k, "seconds": round(v, 3), "share": round(v / total, 3) if total else 0.0}
            for k, v in c.most_common(top + 10)
            if not k.startswith(skip) and "bench/run.py" not in k and "[self]" not in k
        ][:top]

    return {"articles": len(arts), "total_s": round(total, 3), "cumulative": table(cum), "self": table(own),
            "tree": f"bench/results/{out}"}  # fmt: skip


# -- the Prefect server for the end-to-end runs -----------------------------------------------------


class PrefectServer:
    """``prefect server start`` on 127.0.0.1 with its own PREFECT_HOME; SIGTERM on exit."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = ""
        self.start_s = 0.0
        self.idle_cpu_per_s = 0.0

    def __enter__(self) -> PrefectServer:
        self.home.mkdir(parents=True, exist_ok=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = base_env() | {"PREFECT_HOME": str(self.home)}
        t0 = time.perf_counter()
        log = (self.home / "server.log").open("wb")
        self.proc = subprocess.Popen(
            [str(Path(PY).with_name("prefect")), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        self.url = f"http://127.0.0.1:{port}/api"
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"prefect server exited; see {self.home / 'server.log'}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("prefect server not healthy after 180 s")
        self.start_s = round(time.perf_counter() - t0, 2)
        # The server's background services (schedulers, event loops) use CPU with no flow running;
        # measured here so the Prefect share can be given with and without that idle cost.
        time.sleep(5)
        c0, w0 = self.cpu_s(), time.perf_counter()
        time.sleep(30)
        self.idle_cpu_per_s = round((self.cpu_s() - c0) / (time.perf_counter() - w0), 4)
        return self

    def cpu_s(self) -> float:
        """CPU seconds used so far by the server and its children (0 without psutil)."""
        try:
            import psutil
        except ImportError:
            return 0.0
        assert self.proc is not None
        try:
            p = psutil.Process(self.proc.pid)
            procs = [p, *p.children(recursive=True)]
            return sum(sum(q.cpu_times()[:2]) for q in procs if q.is_running())
        except psutil.Error:
            return 0.0

    def __exit__(self, *exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def sitrep_run(
    sources: list[str], db: Path, out: Path, env: dict[str, str], args: list[str]
) -> dict[str, Any]:
    res = run_child_rusage(
        [SITREP, "run", *sources, "--db", str(db), "--out", str(out), "--json", *args], env
    )
    if res["returncode"] != 0:
        raise RuntimeError(f"sitrep run failed:\n{res['stderr']}")
    summary = json.loads(res["stdout"])
    keep = (
        "records_read",
        "articles_new",
        "articles_updated",
        "articles_unchanged",
        "skipped_unparsed",
        "files_skipped",
        "flow_run",
        "rows",
        "rejects",
        "published",
    )
    return {k: res[k] for k in ("wall_s", "cpu_s", "peak_rss_mb")} | {
        "summary": {k: summary.get(k) for k in keep}
    }


# -- the driver -------------------------------------------------------------------------------------


CORPORA = ("synthetic", "real")


def real_source() -> Path:
    """The shared dev articles the real-text corpus is made of (beside the checkout under test)."""
    return ROOT.parent / "shared" / "eval" / "dev-real" / "articles.jsonl"


def size_key(n: int, corpus: str = "synthetic") -> str:
    """The results key of a size: ``"10000"`` for the synthetic corpus, ``"real:10000"`` for the real one."""
    return str(n) if corpus == "synthetic" else f"{corpus}:{n}"


def ensure_corpus(n: int, seed: int, corpus: str = "synthetic") -> tuple[Path, float | None]:
    """The corpus file of ``n`` articles (written on first use) and the seconds it took to write."""
    from bench.corpus import corpus_path, real_corpus_path, write_corpus, write_real_corpus

    if corpus == "real":
        path = real_corpus_path(n, real_source(), CORPUS_DIR)
        write: Any = lambda: write_real_corpus(path, n, real_source())  # noqa: E731
    else:
        path = corpus_path(n, seed, CORPUS_DIR)
        write = lambda: write_corpus(path, n, seed)  # noqa: E731
    if path.exists():
        return path, None
    t0 = time.perf_counter()
    write()
    return path, round(time.perf_counter() - t0, 2)


def bench_size(
    n: int, a: argparse.Namespace, server: PrefectServer | None, corpus_kind: str = "synthetic"
) -> dict[str, Any]:
    corpus, gen_s = ensure_corpus(n, a.seed, corpus_kind)
    work = CORPUS_DIR / f"work-{size_key(n, corpus_kind).replace(':', '-')}"
    full = n <= a.full_max
    res: dict[str, Any] = {"articles": n, "seed": a.seed, "mode": "full" if full else "primed",
                           "corpus": corpus_kind, "corpus_file": corpus.name,
                           "corpus_mb": round(corpus.stat().st_size / MB, 2), "generate_s": gen_s}  # fmt: skip
    me = [PY, "-m", "bench.run"]
    if a.noop_only:  # a primed warehouse and its re-runs, nothing else (see --noop-only)
        full = False
        res |= {"mode": "primed", "noop_only": True}
    cmd = [*me, "_baselines", str(corpus), "--batch-size", str(a.batch_size)]
    if corpus_kind == "real":  # spaCy reads every copy cold (see child_baselines)
        unique = sum(1 for line in real_source().read_text(encoding="utf-8").splitlines() if line.strip())
        cmd += ["--cold-every", str(unique)]
    if a.noop_only:
        pass
    elif full:  # extraction itself is timed in the stages loop below
        log(f"[{size_key(n, corpus_kind)}] baselines")
    else:  # extraction and the baselines on the same evenly spread sample of this corpus
        every = max(1, n // a.sample_articles)
        log(f"[{size_key(n, corpus_kind)}] extraction and baselines on every {every}th article")
        cmd += ["--every", str(every), "--extract"]
    if not a.noop_only:
        r = run_child_rusage(cmd, base_env())
        res["baselines"] = child_json(r) | {"wall_s": r["wall_s"], "cpu_s": r["cpu_s"]}
    log(f"[{size_key(n, corpus_kind)}] stages ({'with' if full else 'without'} extraction)")
    args = ["_stages", str(corpus), str(work / "stages"), "--batch-size", str(a.batch_size)]
    r = run_child_rusage([*me, *args, *([] if full else ["--no-extract"])], base_env())
    res["stages"] = child_json(r) | {"process_wall_s": r["wall_s"], "process_cpu_s": r["cpu_s"]}
    if server is not None:
        env = base_env() | {"PREFECT_API_URL": server.url, "PREFECT_HOME": str(server.home)}
        extra = ["--batch-size", str(a.batch_size), "--runner", a.runner]
        db, out = work / "e2e.duckdb", work / "e2e-parquet"
        pdb, pout = work / "e2e-processes.duckdb", work / "e2e-processes-parquet"
        pextra = ["--batch-size", str(a.batch_size), "--runner", "processes", "--workers", "2"]
        t1db, t1out = work / "e2e-threads1.duckdb", work / "e2e-threads1-parquet"
        t1extra = ["--batch-size", str(a.batch_size), "--runner", "threads", "--workers", "1"]
        # (result key, warehouse, published set, flags, the plain twin's runner and workers or None)
        runs: list[tuple[str, Path, Path, list[str], tuple[str, int] | None]] = []
        if full:
            runs.append(("e2e", db, out, extra, None))
            # Prefect's share: one extraction thread, against the same work on one thread without Prefect
            runs.append(("e2e_threads1", t1db, t1out, t1extra, ("threads", 1)))
        if (full and a.also_processes) or (not full and n <= a.e2e_max and not a.noop_only):
            # the same run with extraction in worker processes (both cores); the only full run of a
            # size above --full-max, where the threads runner would take about twice as long. At full
            # sizes it gets a twin too: the same work on two plain worker processes
            runs.append(("e2e_processes", pdb, pout, pextra, ("processes", 2) if full else None))
        if full:  # the same pair on one article: the fixed part of the share (start-up, imports)
            from bench.corpus import write_corpus

            one = write_corpus(work / "one.jsonl", 1, a.seed)
            res["e2e_threads1_one"] = share_pair(
                one, work / "one", server, env, t1extra, ("threads", 1), "1 article"
            )
        for key, d, o, flags, twin in runs:
            res[key] = share_pair(corpus, work, server, env, flags, twin, str(n), (d, o))
            if key == "e2e_threads1":  # only the default run's warehouse is kept for the no-op re-run
                shutil.rmtree(o, ignore_errors=True)
                d.unlink(missing_ok=True)
        if not full and runs:  # the no-op re-run reads the warehouse that full run made
            db, out = pdb, pout
        elif not full:  # the stages child primed its own warehouse: re-run against a copy of it
            db.unlink(missing_ok=True)
            shutil.copy(work / "stages" / "stages.duckdb", db)
            shutil.rmtree(out, ignore_errors=True)  # and its published set, as a finished run leaves it
            shutil.copytree(work / "stages" / "parquet", out)
        # A run that loaded a file leaves it in the file ledger (`source_files`), and re-running an
        # unchanged file then costs a `stat`: that is the no-op re-run. The primed warehouse has
        # record digests but no ledger (the stages loop is not a run), so there the first re-run
        # reads and hashes every record (kept as `noop_read`) and leaves the ledger the second uses.
        passes = ["noop"] if runs or full else ["noop_read", "noop"]
        for what in passes:
            log(f"[{n}] {'re-run reading every record' if what == 'noop_read' else 'no-op re-run'}")
            c0 = server.cpu_s()
            res[what] = sitrep_run([str(corpus)], db, out, env, extra) | {
                "server_cpu_s": round(server.cpu_s() - c0, 2)
            }
    if not a.keep_work:
        shutil.rmtree(work, ignore_errors=True)
    return res


def share_pair(
    corpus: Path,
    work: Path,
    server: PrefectServer,
    env: dict[str, str],
    flags: list[str],
    twin: tuple[str, int] | None,
    label: str,
    where: tuple[Path, Path] | None = None,
) -> dict[str, Any]:
    """``sitrep run corpus flags`` into a new warehouse (``where``: its file and published folder),
    with the server's CPU over the run; with ``twin`` (runner, workers), its plain twin first
    (``child_plain``, right before it, so that both see the same load) under ``"plain"``."""
    d, o = where or (work / "e2e.duckdb", work / "e2e-parquet")
    d.parent.mkdir(parents=True, exist_ok=True)
    plain = None
    if twin is not None:
        log(f"[{label}] plain twin: {twin[0]} x {twin[1]}, no Prefect")
        args = ["_plain", str(corpus), str(work / "plain"), "--batch-size", flags[flags.index("--batch-size") + 1],
                "--runner", twin[0], "--workers", str(twin[1])]  # fmt: skip
        r = run_child_rusage([PY, "-m", "bench.run", *args], base_env())
        plain = child_json(r) | {"process_wall_s": r["wall_s"], "process_cpu_s": r["cpu_s"]}
        shutil.rmtree(work / "plain", ignore_errors=True)
    shutil.rmtree(o, ignore_errors=True)
    d.unlink(missing_ok=True)
    log(f"[{label}] e2e: sitrep run {' '.join(flags)}")
    c0 = server.cpu_s()
    res = sitrep_run([str(corpus)], d, o, env, flags) | {
        "server_cpu_s": round(server.cpu_s() - c0, 2),
        "server_idle_cpu_per_s": server.idle_cpu_per_s,
    }
    if plain is not None:  # the twin did the same work: the same rows landed
        got = {t: res["summary"]["rows"].get(t, 0) for t in plain["rows"]}
        res["plain"] = plain | {"same_rows": got == plain["rows"]}
    return res


def merge(sizes: dict[str, Any], key: str, new: dict[str, Any]) -> None:
    """A primed result for a size that has a full one only brings its no-op re-run (and its stages
    as ``primed_stages``); anything else replaces the size. A re-run that was not a no-op (the
    extractors changed between the runs) is kept as ``rerun_reextracted``."""
    old = sizes.get(key)
    if old and new.get("noop_only"):  # only the re-runs are new: the size's other figures stay
        for what in ("noop", "noop_read"):
            old.pop(what, None)
            if what in new:
                old[what] = new[what] | {"primed": True, "run_started": new.get("run_started")}
        return
    if old and old.get("mode") == "full" and new["mode"] == "primed":
        if "noop" in old and old["noop"]["summary"].get("articles_unchanged") != old["articles"]:
            old["rerun_reextracted"] = old["noop"]
        if "noop" in new:
            old["noop"] = new["noop"] | {"primed": True}
        old["primed_stages"] = new["stages"]
        return
    if old and "noop" in old and old["noop"]["summary"].get("articles_unchanged") != old["articles"]:
        new.setdefault("rerun_reextracted", old["noop"])  # worth keeping: what an extractor change costs
    sizes[key] = new


def bench_startup(server: PrefectServer) -> dict[str, Any]:
    """Fixed cost: ``sitrep run`` on a one-article file (server; temporary server cold and warm)."""
    from bench.corpus import write_corpus

    work = CORPUS_DIR / "work-startup"
    shutil.rmtree(work, ignore_errors=True)
    one = write_corpus(work / "one.jsonl", 1, 1)
    out: dict[str, Any] = {}
    r = run_child_rusage([SITREP, "--help"], base_env())
    out["cli_help"] = {k: r[k] for k in ("wall_s", "cpu_s", "peak_rss_mb")}
    env = base_env() | {"PREFECT_API_URL": server.url, "PREFECT_HOME": str(server.home)}
    out["server"] = sitrep_run([str(one)], work / "a.duckdb", work / "a", env, [])
    env = base_env() | {"PREFECT_HOME": str(work / "prefect-home")}
    out["temporary_cold"] = sitrep_run([str(one)], work / "b.duckdb", work / "b", env, [])
    out["temporary_warm"] = sitrep_run([str(one)], work / "c.duckdb", work / "c", env, [])
    out["server_start_s"] = server.start_s
    # where the fixed cost goes: the same one-article run under pyinstrument (text tree, kept with the results)
    env = base_env() | {"PREFECT_API_URL": server.url, "PREFECT_HOME": str(server.home)}
    prof = RESULTS.parent / "startup-profile.txt"
    cmd = [PY, "-m", "pyinstrument", "-r", "text", "-o", str(prof), SITREP, "run", str(one),
           "--db", str(work / "d.duckdb"), "--out", str(work / "d"), "--json"]  # fmt: skip
    r = run_child_rusage(cmd, env)
    if prof.exists():
        prof.write_text(relative_paths(prof.read_text()))
    out["profiled"] = {k: r[k] for k in ("returncode", "wall_s", "cpu_s")} | {
        "profile": str(prof.relative_to(ROOT))
    }
    shutil.rmtree(work, ignore_errors=True)
    return out


def machine() -> dict[str, Any]:
    rev = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=CODE, capture_output=True, text=True
    ).stdout
    dirty = subprocess.run(["git", "status", "--porcelain", "transforms", "flows", "warehouse"], cwd=CODE,
                           capture_output=True, text=True).stdout  # fmt: skip
    code = f"import sys; sys.path.insert(0, {str(SNAPSHOT)!r}) if {_use_snapshot} else None; " + (
        "from flows.extract import extractor_version as v; print(v())"
    )
    version = subprocess.run([PY, "-c", code], cwd=CODE, capture_output=True, text=True).stdout.strip()
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "git": rev.strip() + ("+dirty" if dirty.strip() else ""),
        "extractor_version": version,
        "snapshot": _use_snapshot,
    }


def log(msg: str) -> None:
    print(f"{dt.datetime.now():%H:%M:%S} {msg}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].startswith("_"):  # internal: one measurement in this child process
        return _child(argv)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000", help="comma-separated article counts [10000]")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpora", default=",".join(CORPORA),
                    help="synthetic (generated) and/or real (the shared dev-real articles, replicated; stages, "
                         "baselines and profile only, no Prefect runs) [synthetic,real]")  # fmt: skip
    ap.add_argument("--batch-size", type=int, default=500)
    ap.add_argument(
        "--runner", default="threads", help="sitrep run --runner for the end-to-end run [threads]"
    )
    ap.add_argument("--full-max", type=int, default=10_000,
                    help="largest size that is extracted; larger sizes are primed (no extraction) [10000]")  # fmt: skip
    ap.add_argument(
        "--profile-articles", type=int, default=500, help="articles in the extraction profile (0: none)"
    )
    ap.add_argument("--e2e-max", type=int, default=100_000,
                    help="sizes above --full-max up to this one still get a full end-to-end run "
                         "(--runner processes --workers 2), and their no-op re-run uses its warehouse [100000]")  # fmt: skip
    ap.add_argument("--sample-articles", type=int, default=10_000,
                    help="for sizes above --full-max: extraction and the baselines run on about this many "
                         "articles, evenly spread through the corpus [10000]")  # fmt: skip
    ap.add_argument("--no-e2e", action="store_true", help="skip the Prefect runs (stages and baselines only)")
    ap.add_argument("--no-startup", action="store_true", help="skip the start-up measurements")
    ap.add_argument("--also-processes", action="store_true",
                    help="for full sizes, a second end-to-end run with --runner processes --workers 2")  # fmt: skip
    ap.add_argument("--noop-only", action="store_true",
                    help="only the re-runs: prime a warehouse (the stages loop without extraction), then "
                         "`sitrep run` on it twice: the first reads and hashes every record (no file ledger "
                         "yet), the second is the no-op (the file unchanged); the size's other figures stay")  # fmt: skip
    ap.add_argument("--keep-work", action="store_true", help="keep the warehouses under bench/corpus/work-N")
    ap.add_argument(
        "--report-only", action="store_true", help="only regenerate BENCHMARKS.md from the results"
    )
    ap.add_argument("--results", type=Path, default=RESULTS)
    ap.add_argument("--prefect-home", type=Path, default=CORPUS_DIR / "prefect-home",
                    help="PREFECT_HOME of the bench's Prefect server [bench/corpus/prefect-home]")  # fmt: skip
    ap.add_argument("--no-snapshot", action="store_true", help="run the working tree, not a copy of it")
    a = ap.parse_args(argv)
    if not a.report_only:
        if not a.no_snapshot:
            take_snapshot()
        # what this invocation measured; save() merges it into the file as it is on disk then
        done: list[tuple[str, dict[str, Any]]] = []
        results: dict[str, Any] = {}
        run = {"command": "python -m bench.run " + " ".join(argv), "machine_start": machine()}
        sizes = [int(s) for s in a.sizes.split(",") if s]
        corpora = [c for c in a.corpora.split(",") if c]
        if unknown := set(corpora) - set(CORPORA):
            ap.error(f"unknown corpus {', '.join(sorted(unknown))}; choose from {', '.join(CORPORA)}")
        if a.noop_only:  # the Prefect runs are for the synthetic corpus only
            if a.no_e2e:
                ap.error("--noop-only measures Prefect runs: drop --no-e2e")
            corpora = ["synthetic"]
        if "real" in corpora and not real_source().is_file():
            log("real-text corpus skipped: the shared dev-real articles are not beside this checkout")
            corpora.remove("real")
        CORPUS_DIR.mkdir(parents=True, exist_ok=True)
        a.results.parent.mkdir(parents=True, exist_ok=True)

        def save() -> None:
            disk = json.loads(a.results.read_text()) if a.results.exists() else {}
            disk.setdefault("sizes", {})
            for key, res in done:
                merge(disk["sizes"], key, json.loads(json.dumps(res)))
            disk.update(results)
            runs = [r for r in disk.get("runs", []) if r["machine_start"] != run["machine_start"]]
            # only the runs some size's figures still come from (older results name no run)
            used = {v.get("run_started") for v in disk["sizes"].values()}
            used |= {v[w]["run_started"] for v in disk["sizes"].values()
                     for w in ("noop", "noop_read") if w in v and "run_started" in v[w]}  # fmt: skip
            if None not in used:
                runs = [r for r in runs if r["machine_start"]["date"] in used]
            disk["runs"] = [*runs, run]
            tmp = a.results.with_suffix(".json.tmp")
            tmp.write_text(json.dumps(disk, indent=1) + "\n")
            tmp.replace(a.results)

        server_ctx = PrefectServer(a.prefect_home.resolve()) if not a.no_e2e else None
        try:
            server = server_ctx.__enter__() if server_ctx else None
            if server:
                log(
                    f"prefect server healthy in {server.start_s} s at {server.url}; "
                    f"idle, it uses {server.idle_cpu_per_s} CPU-s per s"
                )
            for kind in corpora:  # the Prefect runs are for the synthetic corpus only
                for n in sizes:
                    started = run["machine_start"]["date"]
                    res = bench_size(n, a, server if kind == "synthetic" else None, kind)
                    done.append((size_key(n, kind), res | {"run": run["command"], "run_started": started}))
                    save()
            if server and not a.no_startup and not a.noop_only:
                log("start-up")
                results["startup"] = bench_startup(server)
                save()
        finally:
            if server_ctx:
                server_ctx.__exit__(None, None, None)
        for kind in corpora if a.profile_articles and not a.noop_only else ():
            log(f"profile over {a.profile_articles} articles of the {kind} corpus")
            corpus, _ = ensure_corpus(min(sizes), a.seed, kind)
            name = "profile" if kind == "synthetic" else f"profile_{kind}"
            r = run_child_rusage([PY, "-m", "bench.run", "_profile", str(corpus), "--articles", str(a.profile_articles),
                                  "--out", f"{name.replace('_', '-')}.txt"], base_env())  # fmt: skip
            results[name] = child_json(r) | {"corpus": kind}
        run["machine_end"] = machine()
        save()
    from bench.report import write_report

    write_report(json.loads(a.results.read_text()), REPORT)
    log(f"wrote {REPORT} from {a.results}")
    return 0


def _child(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="bench.run (child)")
    ap.add_argument("what", choices=["_stages", "_plain", "_baselines", "_profile"])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("work", type=Path, nargs="?")
    ap.add_argument("--batch-size", type=int, default=500)
    ap.add_argument("--no-extract", action="store_true")
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--extract", action="store_true")
    ap.add_argument("--cold-every", type=int, default=0)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--out", default="profile.txt", help="_profile: the tree's file under bench/results")
    ap.add_argument("--runner", choices=["threads", "processes"], default="threads", help="_plain")
    ap.add_argument("--workers", type=int, default=1, help="_plain")
    a = ap.parse_args(argv)
    if a.what == "_stages":
        out = child_stages(a.corpus, a.work, a.batch_size, not a.no_extract)
    elif a.what == "_plain":
        out = child_plain(a.corpus, a.work, a.batch_size, a.runner, a.workers)
    elif a.what == "_baselines":
        out = child_baselines(a.corpus, a.batch_size, a.every, a.extract, a.cold_every)
    else:
        out = child_profile(a.corpus, a.articles, out=a.out)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
