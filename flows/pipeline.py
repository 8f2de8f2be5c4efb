"""The `sitrep_pipeline` flow: read/fetch → parse → extract → validate → load → publish.

Tasks work on batches of articles (Prefect costs milliseconds per task run),
and the warehouse connection stays in this process: it is the single writer.
"""

# No `from __future__ import annotations`: Prefect builds the flow parameter model from these
# annotations in scheduled runs, where string annotations cannot be resolved.

import contextlib
import datetime as dt
import itertools
import json
import time
import uuid
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from flows import heap, progress
from flows.artifacts import publish_artifacts
from flows.config import SourceConfig
from flows.extract_task import extract_task
from flows.fetch import (
    FetchPolicy,
    dedupe_task,
    fetch_batch,
    fetch_task,
    from_web,
    needs_fetch,
    remember_task,
)
from flows.publishing import PublishClock
from flows.sources import FileLedger, RawRecord, SkippedFile, WebTarget, iter_records
from flows.stats import RunStats
from flows.version import extractor_version
from transforms.errors import BadInput
from transforms.feeds import parse_feed_entry, parse_web_page
from transforms.ingest import ParsedArticle, parse_html_article, parse_json_record, parse_plain_text
from transforms.normalize import stable_id
from transforms.records import Reject
from warehouse import PUBLISHED_TABLES, Warehouse, digests, publish_parquet, snapshot
from warehouse.publish import published_is_current

if TYPE_CHECKING:
    from flows.extracted import Extracted

T = TypeVar("T")


def _as_is(value: T) -> T:
    """``quote(value)``, typed as the value: Prefect passes it to the task without walking it for
    futures (it would visit every article of a batch), and unwraps it before the call."""
    return cast(T, quote(value))


# `flows.extract` (the extractors' patterns) and `schemas` (pandera, pandas) are imported where
# they are used: together about 2 s at start-up, which a run whose batches are all unchanged
# (skipped by their record digests) never needs.


def _batched(items: Iterator[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _chunks(
    items: Iterator[RawRecord | WebTarget | Reject | SkippedFile], size: int, ledger: FileLedger
) -> Iterator[list[RawRecord | WebTarget | Reject | SkippedFile]]:
    """``_batched``, telling ``ledger`` where each batch begins (a file is skipped only while no
    record of its batch was read before it: that record could be one of its articles)."""
    for chunk in _batched(items, size):
        yield chunk
        ledger.new_chunk()  # resumed once the loop has parsed this batch and asks for the next


def _origin(rec: RawRecord) -> str:
    return rec.source if rec.location is None else f"{rec.source}:{rec.location}"


def _parse_one(rec: RawRecord) -> ParsedArticle:
    if rec.kind == "jsonl":
        return parse_json_record(rec.payload, rec.url)
    if rec.kind == "html":
        return parse_html_article(rec.payload, rec.url)
    if rec.kind == "page":
        return parse_web_page(rec.payload, rec.url, dict(rec.hints))
    if rec.kind == "entry":  # a feed entry's own text, for a page that could not be fetched
        return parse_feed_entry(rec.payload, rec.url, dict(rec.hints))
    return parse_plain_text(rec.payload, rec.url)


def parse_batch(records: list[RawRecord | Reject]) -> tuple[list[ParsedArticle], list[str], list[Reject]]:
    """Raw records → articles (last one wins per article id), their origins, and rejects.

    A plain function the flow calls, not a task: see ``PER_BATCH_TASKS``."""
    by_id: dict[str, tuple[ParsedArticle, str, RawRecord]] = {}
    rejects: list[Reject] = []
    latest = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)  # time zones and early wire stamps
    for rec in records:
        if isinstance(rec, Reject):
            rejects.append(rec)
            continue
        try:
            art = _parse_one(rec)
        except BadInput as e:
            excerpt = rec.payload[:200] if rec.payload else None
            rejects.append(Reject(rec.source, rec.location, "parse", e.reason, excerpt))
            continue
        origin = _origin(rec)
        if art.published_at is not None and art.published_at > latest:
            rejects.append(
                Reject(
                    rec.source,
                    rec.location,
                    "parse",
                    f"published date {art.published_at.date()} is in the future",
                    rec.payload[:200],
                )
            )
            continue
        earlier = by_id.pop(art.article_id, None)
        if earlier is not None:  # say so rather than drop the earlier record silently
            rejects.append(
                Reject(
                    earlier[2].source,
                    earlier[2].location,
                    "parse",
                    f"duplicate article: {art.url} again at {origin}, which replaces it",
                )
            )
        by_id[art.article_id] = (art, origin, rec)
    return [a for a, _, _ in by_id.values()], [o for _, o, _ in by_id.values()], rejects


# The task run of one batch of new articles: its extraction, on the run's task runner. Parsing,
# validation and the load (the warehouse write, one transaction per batch in this process) are
# plain calls in the flow: a task run costs the client ≈ 6 ms of CPU and the Prefect server
# ≈ 40 ms for the events and rows it records (BENCHMARKS.md), and a parse, validate or load task
# run told an operator nothing that the batch's extract run, the `runs` row and the run's summary
# do not: a failure in any of them still fails the run, and a failed load still rolls back.
PER_BATCH_TASKS = ("extract",)


def digest_rows(
    chunk: list[RawRecord | Reject], articles: list[ParsedArticle], origins: list[str]
) -> list[tuple[bytes, str, str]]:
    """(record digest, article id, text hash) of the file records ``parse_batch`` made articles of."""
    digest_of = {_origin(r): r.digest for r in chunk if isinstance(r, RawRecord) and r.digest}
    return [(digest_of[o], a.article_id, a.content_sha256) for a, o in zip(articles, origins, strict=True)
            if o in digest_of]  # fmt: skip


def validate_batch(extracted: "Extracted") -> tuple[dict[str, pl.DataFrame], list[Reject]]:
    """Quarantine rows that break their table's schema; drop the rows of a rejected article.

    A plain function the flow calls, not a task: see ``PER_BATCH_TASKS``."""
    from schemas import SCHEMAS, validate_frame

    frames = dict(extracted.frames)
    rejects = list(extracted.rejects)
    good, bad = validate_frame(frames["articles"], SCHEMAS["articles"])
    for row, reason in zip(bad.rows.iter_rows(named=True), bad.reasons, strict=True):
        rejects.append(
            Reject(row["origin"], row["url"], "validate", f"articles: {reason}", row["text"][:200])
        )
    frames["articles"] = good
    kept = good.get_column("article_id")
    origin_of = dict(zip(good["article_id"], good["origin"], strict=True))
    for t in ("statements", "incidents", "refugee_counts"):
        df = frames[t].filter(pl.col("article_id").is_in(kept.implode()))
        ok, bad = validate_frame(df, SCHEMAS[t])
        for row, reason in zip(bad.rows.iter_rows(named=True), bad.reasons, strict=True):
            excerpt = json.dumps({k: v for k, v in row.items() if k != "extractor_version"}, default=str)
            rejects.append(
                Reject(
                    origin_of.get(row["article_id"], "?"),
                    row["article_id"],
                    "validate",
                    f"{t}: {reason}",
                    excerpt[:200],
                )
            )
        frames[t] = ok
    return frames, rejects


def rejects_frame(rejects: list[Reject], run_id: str) -> pl.DataFrame:
    from schemas import SCHEMAS, polars_schema, validate_frame

    rows = [
        {
            "reject_id": stable_id("reject", r.source, r.location, r.stage, r.reason, r.raw_excerpt),
            "run_id": run_id,
            "source": r.source,
            "location": r.location,
            "stage": r.stage,
            "reason": r.reason,
            "raw_excerpt": r.raw_excerpt,
        }
        for r in rejects
    ]
    df = pl.DataFrame(rows, schema=polars_schema(SCHEMAS["rejects"])).unique("reject_id", keep="first")
    ok, _ = validate_frame(df, SCHEMAS["rejects"])
    return ok


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(wh: Warehouse, out: str, progress: dict[str, Any] | None = None) -> dict[str, int]:
    return publish_parquet(wh.con, Path(out), progress)


def _current_flow_run_id() -> str | None:
    try:
        ctx = get_run_context()
    except Exception:  # called outside a run (tests of helpers)
        return None
    fr = getattr(ctx, "flow_run", None)
    return str(fr.id) if fr is not None else None


@dataclass
class _Batch:
    """One batch between its parse step and its load step."""

    fetched: Any
    rejects: list[Reject]
    aliases: Any
    future: Any  # PrefectFuture[Extracted], or None when every article was unchanged
    digest_rows: list[tuple[bytes, str, str]] = field(default_factory=list)  # (digest, article, sha)
    number: int = 0
    article_ids: list[str] = field(default_factory=list)


@task(name="top-incidents", cache_policy=NO_CACHE)
def top_incidents_task(wh: Warehouse, run_id: str, limit: int = 10) -> list[dict[str, Any]]:
    return wh.top_incidents(run_id, limit)


@task(name="report", cache_policy=NO_CACHE)
def report_task(wh: Warehouse, path: str) -> None:
    """Write the HTML brief through the run's own connection (the single writer)."""
    from flows.report import write_report
    from warehouse.reader import warehouse_source

    try:
        write_report(wh.con, Path(path), source=warehouse_source(wh.con))
    except OSError as e:
        get_run_logger().warning("report %s not written: %s", path, e)


@contextlib.contextmanager
def _extraction_runner(kind: str | None, workers: int | None, dask_address: str | None) -> Iterator[Any]:
    """The task runner named by the flow's parameters, started for the run; None: the flow's own."""
    if kind is None:
        yield None
        return
    from flows.runners import make_task_runner

    with make_task_runner(kind, workers, dask_address) as started:
        yield started


# Imported before the heap is settled (flows.heap): validation runs in this process, and with the
# threads runner (or the flow's own) extraction does too.
_SETTLE_MODULES = {
    "threads": ("schemas.tables", "schemas.validate", "flows.extract"),
    "processes": ("schemas.tables", "schemas.validate", "flows.extract"),  # its frames' classes
    "dask": ("schemas.tables", "schemas.validate"),
}


def _submit_extract(own_runner: Any, articles: list[ParsedArticle], origins: list[str], version: str) -> Any:
    """``extract_task.submit`` on the run's own runner when the parameters name one.

    The batch goes ``quote()``d to the thread and process runners: unquoted, Prefect walks every
    article of it looking for futures, twice per batch (resolving the inputs and recording them),
    ≈ 70 ms of CPU per batch of 500 here. prefect-dask hands the annotation itself to its worker
    instead of the value, so a Dask runner gets the batch as it is.
    """
    runner = own_runner
    if runner is None:
        from prefect.context import FlowRunContext

        ctx = FlowRunContext.get()
        runner = ctx.task_runner if ctx is not None else None
    wrap = (lambda v: v) if type(runner).__module__.startswith("prefect_dask") else _as_is
    if own_runner is None:
        return extract_task.submit(wrap(articles), wrap(origins), version)
    return own_runner.submit(
        extract_task, {"articles": wrap(articles), "origins": wrap(origins), "version": version}
    )


@flow(name="sitrep_pipeline", log_prints=False, task_runner=ThreadPoolTaskRunner(max_workers=2))  # type: ignore[arg-type]
def sitrep_pipeline(
    sources: list[str | SourceConfig],
    db: str = "data/sitrep.duckdb",
    out: str = "data/parquet",
    batch_size: int = 500,
    lock_wait_seconds: float = 30.0,
    memory_limit: str = "512MB",
    fetch_policy: FetchPolicy | None = None,
    report: str | None = None,
    max_inflight: int = 2,
    runner: str | None = None,
    workers: int | None = None,
    dask_address: str | None = None,
    publish_every: float | None = 300.0,
) -> dict[str, Any]:
    """Ingest ``sources`` into the warehouse at ``db`` and publish Parquet under ``out``.

    A source is a path, glob, page or feed URL, or a ``SourceConfig`` with per-source options.
    Extraction batches run on ``runner`` (threads, processes or dask, with ``workers`` and
    ``dask_address``; see ``flows.runners``), else on the flow's task runner, at most
    ``max_inflight`` at a time; this process loads their results in order, so the warehouse keeps
    one writer. The runner is a parameter, not only a flow option, so that it reaches scheduled
    runs: a deployment stores parameters. Between batches the run publishes a snapshot for readers
    every ``publish_every`` seconds (see ``flows.publishing``; None: only at the end).
    """
    log = get_run_logger()
    version = extractor_version()
    stats = RunStats(run_id=uuid.uuid4().hex)
    started = dt.datetime.now(dt.UTC)
    with (
        Warehouse.open(db, wait_seconds=lock_wait_seconds, memory_limit=memory_limit) as wh,
        _extraction_runner(runner, workers, dask_address) as own_runner,
    ):
        run = {
            "run_id": stats.run_id,
            "flow_run_id": _current_flow_run_id(),
            "started_at": started,
            "status": "running",
            "sources": [s if isinstance(s, str) else s.location for s in sources],
            "extractor_version": version,
        }
        wh.record_run(run)

        new_rejects = 0
        clock = PublishClock(publish_every)

        def progress_row(status: str, **more: Any) -> dict[str, Any]:
            """The ``runs`` row with what has landed so far."""
            return {
                **run,
                "status": status,
                "records_read": stats.records_read,
                "articles_new": stats.articles_new,
                "articles_updated": stats.articles_updated,
                "articles_unchanged": stats.articles_unchanged,
                "statements": stats.rows["statements"],
                "incidents": stats.rows["incidents"],
                "refugee_counts": stats.rows["refugee_counts"],
                "rejects": len(stats.rejects),
                **more,
            }

        def finish(batch: _Batch) -> None:
            """Validate, load and account for one extracted batch (runs in this process, in order)."""
            nonlocal new_rejects
            rejects = batch.rejects
            if batch.future is not None:  # a batch of unchanged articles has nothing to validate or load
                frames, more = validate_batch(batch.future.result())
                rejects = rejects + more
            for r in rejects:
                log.warning(r.message())
            if batch.future is not None or rejects:
                if batch.future is None:
                    from schemas import empty_frame

                    frames = {
                        t: empty_frame(t) for t in ("articles", "statements", "incidents", "refugee_counts")
                    }
                counts = wh.load_batch(frames, rejects_frame(rejects, stats.run_id), run_id=stats.run_id)
                stats.articles_new += counts.articles_new
                stats.articles_updated += counts.articles_updated
                for t in ("statements", "incidents", "refugee_counts"):
                    stats.rows[t] += getattr(counts, t)
                new_rejects += counts.rejects
            if batch.fetched.fetches or batch.fetched.robots or batch.aliases:  # web batches only
                remember_task(
                    wh, _as_is(batch.fetched), _as_is(batch.aliases)
                )  # validators once it has landed
            digests.remember(wh.con, batch.digest_rows, version)  # the next run skips these records unparsed
            for aid in batch.article_ids:  # landed: the warehouse itself now answers for them
                if pending.get(aid, ("", -1))[1] == batch.number:
                    del pending[aid]
            stats.rejects += rejects
            progress.notify(stats)
            if batch.future is not None or rejects:
                publish_between(batch.number)

        def land_next() -> None:
            """``finish`` the oldest batch in flight, then free its frames: they are garbage now, but
            Prefect's future holds them in a reference cycle that only a full collection frees (see
            ``flows.heap``; no local here or in ``finish`` still refers to them by then)."""
            extracted = inflight[0].future is not None
            finish(inflight.popleft())
            if extracted:
                heap.release()

        def publish_between(loaded: int) -> None:
            """Publish a snapshot at this batch boundary when it is due (readers see batches 1..loaded)."""
            if not clock.due(snapshot.current_id(Path(out)) is not None):
                return
            started = time.monotonic()
            wh.record_run(progress_row("running"))  # the snapshot's runs row counts what it holds
            publish_task(wh, out, {"batches": loaded})
            clock.record(started, time.monotonic())

        inflight: deque[_Batch] = deque()
        index: digests.DigestIndex | None = None  # loaded when the first record is read, not skipped
        # article → (text hash, batch) parsed by a batch not yet loaded: later batches compare with it
        pending: dict[str, tuple[str, int]] = {}
        touched: set[int] = set()  # articles this run has parsed: their stored text may change under a digest
        ledger = FileLedger(digests.skippable_files(wh.con, version))
        try:
            for chunk_items in _chunks(iter_records(sources, ledger), batch_size, ledger):
                stats.batches += 1
                skipped = [x for x in chunk_items if isinstance(x, SkippedFile)]
                items = [x for x in chunk_items if not isinstance(x, SkippedFile)]
                if skipped:  # whole files unchanged since every record of them was loaded: not even read
                    n = sum(x.records for x in skipped)
                    stats.records_read += n
                    stats.articles_unchanged += n
                    stats.skipped_unparsed += n
                    stats.files_skipped += len(skipped)
                    if not items:
                        progress.notify(stats)
                        continue
                if index is None:
                    index = digests.DigestIndex.load(wh.con, version)
                raw = [r.digest for r in items if isinstance(r, RawRecord)]
                if len(raw) == len(items) and digests.covered(index, raw, touched):
                    # every record already loaded as it is: the ordinary path would find them all unchanged
                    stats.records_read += len(items)
                    stats.articles_unchanged += len(items)
                    stats.skipped_unparsed += len(items)
                    progress.notify(stats)
                    continue
                # quote(): Prefect would otherwise walk every article of a batch looking for futures
                fetched = (
                    fetch_task(wh, _as_is(items), fetch_policy or FetchPolicy())
                    if any(map(needs_fetch, items))
                    else fetch_batch(items, fetch_policy or FetchPolicy())  # files pass through
                )  # fmt: skip
                chunk = fetched.items
                stats.fetch.update(
                    requests=fetched.requests, not_modified=fetched.not_modified, failed=fetched.failed
                )
                stats.records_read += sum(1 for r in chunk if isinstance(r, RawRecord))
                articles, origins, rejects = parse_batch(chunk)
                remembered = digest_rows(chunk, articles, origins)
                if len(index):  # with no digests to trust (a first load) nothing needs tracking
                    touched.update(digests.article_key(a.article_id) for a in articles)
                articles, origins, aliases = (
                    dedupe_task(wh, _as_is(articles), _as_is(origins))
                    if any(map(from_web, articles))
                    else (articles, origins, [])
                )  # fmt: skip
                ids = [a.article_id for a in articles]
                known = wh.known_articles(ids)
                for aid in ids:  # an earlier batch still in flight holds newer text for this article
                    if aid in pending:
                        known[aid] = (pending[aid][0], version)
                fresh = [
                    i for i, a in enumerate(articles)
                    if known.get(a.article_id) != (a.content_sha256, version)
                ]  # fmt: skip
                if any(known.get(articles[i].article_id, (articles[i].content_sha256,))[0]
                       != articles[i].content_sha256 for i in fresh):  # fmt: skip
                    ledger.allow = False  # a stored article gets another text: read every file from here on
                for a in articles:  # what the warehouse will hold once this batch lands
                    pending[a.article_id] = (a.content_sha256, stats.batches)
                stats.articles_unchanged += len(articles) - len(fresh)
                if fresh and not inflight:  # nothing in flight: what is alive now lives for the whole run
                    heap.settle(_SETTLE_MODULES[runner or "threads"])
                future = (
                    _submit_extract(own_runner, [articles[i] for i in fresh], [origins[i] for i in fresh], version)
                    if fresh else None
                )  # fmt: skip
                inflight.append(_Batch(fetched, rejects, aliases, future, remembered, stats.batches, ids))
                while len(inflight) >= max(1, max_inflight):
                    land_next()
            while inflight:
                land_next()
            if ledger.allow:  # files read in full, every record loaded or unchanged: the next run skips them
                # a file with a rejected record is read again next time: its reject is reported every run
                sources_rejected = [r.source for r in stats.rejects]
                clean = [f for name, f in ledger.read
                         if not any(src == name or src.startswith(f"{name}:") for src in sources_rejected)]  # fmt: skip
                digests.record_files(wh.con, clean, version)
            changed = stats.articles_new + stats.articles_updated + new_rejects
            # recorded before the final publish, so that its snapshot shows the run completed
            wh.record_run(progress_row("completed", finished_at=dt.datetime.now(dt.UTC)))
            if changed or not published_is_current(wh, out):
                stats.published = publish_task(wh, out, {"batches": stats.batches})
            else:  # a no-op run: the published set is already this warehouse's content
                stats.published = {t: n for t, n in wh.table_counts().items() if t in PUBLISHED_TABLES}
            if report:
                report_task(wh, report)
        except BaseException as e:
            wh.record_run(progress_row("failed", finished_at=dt.datetime.now(dt.UTC), message=str(e)[:500]))
            raise
        top = top_incidents_task(wh, stats.run_id)
    summary = stats.as_dict()
    publish_artifacts(summary, top)
    log.info(
        "run %s: %d records, %d new, %d updated, %d unchanged articles; %d rejects",
        stats.run_id, stats.records_read, stats.articles_new, stats.articles_updated,
        stats.articles_unchanged, len(stats.rejects),
    )  # fmt: skip
    return summary


def _stored_article(row: dict[str, Any]) -> ParsedArticle:
    return ParsedArticle(
        article_id=row["article_id"],
        url=row["url"],
        title=row["title"],
        source=row["source"],
        published_at=row["published_at"],
        text=row["text"],
        content_sha256=row["content_sha256"],
        extra=json.loads(row["extra"]) if row["extra"] else {},
    )


@task(name="diff", cache_policy=NO_CACHE)
def diff_task(wh: Warehouse, frames: dict[str, pl.DataFrame]) -> dict[str, dict[str, int]]:
    return wh.diff_derived(frames)


@flow(name="sitrep_reprocess", log_prints=False)
def sitrep_reprocess(
    db: str = "data/sitrep.duckdb",
    out: str = "data/parquet",
    since: dt.date | None = None,
    batch_size: int = 500,
    lock_wait_seconds: float = 30.0,
    memory_limit: str = "512MB",
    publish_every: float | None = 300.0,
) -> dict[str, Any]:
    """Re-extract stored articles (published on or after ``since``) with the current extractors.

    Nothing is fetched or read from the sources: the stored text is the input.
    Returns, per derived table, how many rows were added, removed and changed.
    Publishes snapshots between batches as ``sitrep_pipeline`` does.
    """
    version = extractor_version()
    run_id = uuid.uuid4().hex
    changes: dict[str, Counter[str]] = {t: Counter() for t in ("statements", "incidents", "refugee_counts")}
    rejected: list[Reject] = []
    with Warehouse.open(db, wait_seconds=lock_wait_seconds, memory_limit=memory_limit) as wh:
        run = {
            "run_id": run_id,
            "flow_run_id": _current_flow_run_id(),
            "started_at": dt.datetime.now(dt.UTC),
            "status": "running",
            "sources": [f"reprocess since {since}" if since else "reprocess all"],
            "extractor_version": version,
        }
        wh.record_run(run)
        ids = wh.article_ids(since)
        clock = PublishClock(publish_every)
        for number, start in enumerate(range(0, len(ids), batch_size), 1):
            rows = wh.fetch_articles(ids[start : start + batch_size])
            articles = [_stored_article(r) for r in rows]
            extracted = extract_task(
                _as_is(articles), _as_is([r["origin"] or r["url"] for r in rows]), version
            )
            frames, rejects = validate_batch(extracted)
            for table, diff in diff_task(wh, _as_is(frames)).items():
                changes[table].update(diff)
            wh.load_batch(frames, rejects_frame(rejects, run_id), run_id=run_id)
            rejected += rejects
            if clock.due(snapshot.current_id(Path(out)) is not None):
                began = time.monotonic()
                wh.record_run(
                    {**run, "records_read": start + len(rows), "articles_updated": start + len(rows)}
                )
                publish_task(wh, out, {"batches": number})
                clock.record(began, time.monotonic())
        wh.record_run(
            {
                **run,
                "finished_at": dt.datetime.now(dt.UTC),
                "status": "completed",
                "records_read": len(ids),
                "articles_updated": len(ids),
                "statements": changes["statements"]["added"] + changes["statements"]["changed"],
                "incidents": changes["incidents"]["added"] + changes["incidents"]["changed"],
                "refugee_counts": changes["refugee_counts"]["added"] + changes["refugee_counts"]["changed"],
                "rejects": len(rejected),
            }
        )
        published = publish_task(wh, out, {"batches": -(-len(ids) // batch_size)})
    return {
        "run_id": run_id,
        "articles": len(ids),
        "extractor_version": version,
        "changes": {t: dict(c) for t, c in changes.items()},
        "rejects": len(rejected),
        "published": published,
    }
