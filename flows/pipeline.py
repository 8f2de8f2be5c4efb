"""The `sitrep_pipeline` flow: read → parse → extract → validate → load → publish.

Tasks work on batches of articles (Prefect costs milliseconds per task run),
and the warehouse connection stays in this process: it is the single writer.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context

from flows.extract import Extracted, extract_batch, extractor_version
from flows.sources import RawRecord, iter_records
from schemas import SCHEMAS, polars_schema, validate_frame
from transforms.errors import BadInput
from transforms.ingest import ParsedArticle, parse_html_article, parse_json_record, parse_plain_text
from transforms.normalize import stable_id
from transforms.records import Reject
from warehouse import Warehouse, publish_parquet

PROGRESS: ContextVar[Callable[[RunStats], None] | None] = ContextVar("sitrep_progress", default=None)


@dataclass
class RunStats:
    """What a run did, stage by stage; ends in the ``runs`` table and the CLI summary."""

    run_id: str
    records_read: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    rows: Counter[str] = field(default_factory=Counter)
    rejects: list[Reject] = field(default_factory=list)
    published: dict[str, int] = field(default_factory=dict)
    batches: int = 0

    def reject_reasons(self) -> Counter[str]:
        """Rejects grouped by the reason's leading words ("invalid JSON", "not UTF-8"...)."""
        return Counter(re.split(r"[:(]", r.reason, maxsplit=1)[0].strip() for r in self.rejects)

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "records_read": self.records_read,
            "articles_new": self.articles_new,
            "articles_updated": self.articles_updated,
            "articles_unchanged": self.articles_unchanged,
            "rows": dict(self.rows),
            "rejects": len(self.rejects),
            "reject_reasons": dict(self.reject_reasons()),
            "published": self.published,
        }


def _batched(items: Iterator[RawRecord | Reject], size: int) -> Iterator[list[RawRecord | Reject]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _parse_one(rec: RawRecord) -> ParsedArticle:
    if rec.kind == "jsonl":
        return parse_json_record(rec.payload, rec.url)
    if rec.kind == "html":
        return parse_html_article(rec.payload, rec.url)
    return parse_plain_text(rec.payload, rec.url)


@task(name="parse", cache_policy=NO_CACHE)
def parse_batch(records: list[RawRecord | Reject]) -> tuple[list[ParsedArticle], list[str], list[Reject]]:
    """Raw records → articles (last one wins per article id), their origins, and rejects."""
    by_id: dict[str, tuple[ParsedArticle, str]] = {}
    rejects: list[Reject] = []
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
        origin = rec.source if rec.location is None else f"{rec.source}:{rec.location}"
        by_id.pop(art.article_id, None)
        by_id[art.article_id] = (art, origin)
    return [a for a, _ in by_id.values()], [o for _, o in by_id.values()], rejects


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(articles: list[ParsedArticle], origins: list[str], version: str) -> Extracted:
    return extract_batch(articles, origins, version)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(extracted: Extracted) -> tuple[dict[str, pl.DataFrame], list[Reject]]:
    """Quarantine rows that break their table's schema; drop the rows of a rejected article."""
    frames = dict(extracted.frames)
    rejects = list(extracted.rejects)
    good, bad = validate_frame(frames["articles"], SCHEMAS["articles"])
    for row, reason in zip(bad.rows.iter_rows(named=True), bad.reasons, strict=True):
        rejects.append(Reject(row["origin"], row["url"], "validate", f"articles: {reason}", row["text"][:200]))
    frames["articles"] = good
    kept = good.get_column("article_id")
    origin_of = dict(zip(good["article_id"], good["origin"], strict=True))
    for t in ("statements", "incidents", "refugee_counts"):
        df = frames[t].filter(pl.col("article_id").is_in(kept.implode()))
        ok, bad = validate_frame(df, SCHEMAS[t])
        for row, reason in zip(bad.rows.iter_rows(named=True), bad.reasons, strict=True):
            excerpt = json.dumps({k: v for k, v in row.items() if k != "extractor_version"}, default=str)
            rejects.append(
                Reject(origin_of.get(row["article_id"], "?"), row["article_id"], "validate",
                       f"{t}: {reason}", excerpt[:200])
            )
        frames[t] = ok
    return frames, rejects


def rejects_frame(rejects: list[Reject], run_id: str) -> pl.DataFrame:
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


@task(name="load", cache_policy=NO_CACHE)
def load_task(wh: Warehouse, frames: dict[str, pl.DataFrame], rejects: pl.DataFrame) -> Any:
    return wh.load_batch(frames, rejects)


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(wh: Warehouse, out: str) -> dict[str, int]:
    return publish_parquet(wh.con, Path(out))


def _current_flow_run_id() -> str | None:
    try:
        ctx = get_run_context()
    except Exception:  # called outside a run (tests of helpers)
        return None
    fr = getattr(ctx, "flow_run", None)
    return str(fr.id) if fr is not None else None


@flow(name="sitrep_pipeline", log_prints=False)
def sitrep_pipeline(
    sources: list[str],
    db: str = "data/sitrep.duckdb",
    out: str = "data/parquet",
    batch_size: int = 500,
    lock_wait_seconds: float = 30.0,
) -> dict[str, Any]:
    """Ingest ``sources`` into the warehouse at ``db`` and publish Parquet under ``out``."""
    log = get_run_logger()
    version = extractor_version()
    stats = RunStats(run_id=uuid.uuid4().hex)
    started = dt.datetime.now(dt.UTC)
    progress = PROGRESS.get()
    with Warehouse.open(db, wait_seconds=lock_wait_seconds) as wh:
        run = {
            "run_id": stats.run_id,
            "flow_run_id": _current_flow_run_id(),
            "started_at": started,
            "status": "running",
            "sources": list(sources),
            "extractor_version": version,
        }
        wh.record_run(run)
        try:
            for chunk in _batched(iter_records(sources), batch_size):
                stats.batches += 1
                stats.records_read += sum(1 for r in chunk if isinstance(r, RawRecord))
                articles, origins, rejects = parse_batch(chunk)
                known = wh.known_articles([a.article_id for a in articles])
                fresh = [
                    i for i, a in enumerate(articles)
                    if known.get(a.article_id) != (a.content_sha256, version)
                ]  # fmt: skip
                stats.articles_unchanged += len(articles) - len(fresh)
                extracted = extract_task([articles[i] for i in fresh], [origins[i] for i in fresh], version)
                frames, more = validate_task(extracted)
                rejects += more
                for r in rejects:
                    log.warning(r.message())
                counts = load_task(wh, frames, rejects_frame(rejects, stats.run_id))
                stats.articles_new += counts.articles_new
                stats.articles_updated += counts.articles_updated
                for t in ("statements", "incidents", "refugee_counts"):
                    stats.rows[t] += getattr(counts, t)
                stats.rejects += rejects
                if progress:
                    progress(stats)
            stats.published = publish_task(wh, out)
        except BaseException as e:
            wh.record_run({**run, "finished_at": dt.datetime.now(dt.UTC), "status": "failed", "message": str(e)[:500]})
            raise
        wh.record_run(
            {
                **run,
                "finished_at": dt.datetime.now(dt.UTC),
                "status": "completed",
                "records_read": stats.records_read,
                "articles_new": stats.articles_new,
                "articles_updated": stats.articles_updated,
                "articles_unchanged": stats.articles_unchanged,
                "statements": stats.rows["statements"],
                "incidents": stats.rows["incidents"],
                "refugee_counts": stats.rows["refugee_counts"],
                "rejects": len(stats.rejects),
            }
        )
    log.info(
        "run %s: %d records, %d new, %d updated, %d unchanged articles; %d rejects",
        stats.run_id, stats.records_read, stats.articles_new, stats.articles_updated,
        stats.articles_unchanged, len(stats.rejects),
    )  # fmt: skip
    return stats.as_dict()
