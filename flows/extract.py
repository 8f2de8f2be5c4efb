"""Run the extractors over a batch of articles and shape the rows as frames.

This is the one place that turns transform records into table rows: it adds
the stable ids, the article key and the extractor version, and quarantines an
article whose extractor raised instead of losing the batch.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import polars as pl

from flows.extracted import Extracted
from flows.version import extractor_version  # noqa: F401  (re-exported: the flow imports it from here lazily)
from schemas.dtypes import FRAME_DTYPES, empty_frame
from transforms.incidents import extract_incidents
from transforms.ingest import ParsedArticle
from transforms.normalize import stable_id
from transforms.records import Reject
from transforms.refugees import extract_refugee_counts
from transforms.statements import extract_statements

Extractor = Callable[..., Sequence[Any]]

# table → (extractor, id column, fields that identify a row within its article)
EXTRACTORS: dict[str, tuple[Extractor, str, tuple[str, ...]]] = {
    "statements": (extract_statements, "statement_id", ("start_char", "end_char", "speaker", "verb")),
    "incidents": (extract_incidents, "incident_id", ("start_char", "end_char", "event_type")),
    "refugee_counts": (extract_refugee_counts, "count_id", ("start_char", "end_char", "count", "unit")),
}


@cache
@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def article_rows(articles: Sequence[ParsedArticle], origins: Sequence[str], version: str) -> pl.DataFrame:
    rows = [
        {
            "article_id": a.article_id,
            "url": a.url,
            "title": a.title,
            "source": a.source,
            "published_at": a.published_at,
            "text": a.text,
            "content_sha256": a.content_sha256,
            "extra": json.dumps(a.extra, ensure_ascii=False, sort_keys=True, default=str)
            if a.extra
            else None,
            "origin": origin,
            "extractor_version": version,
        }
        for a, origin in zip(articles, origins, strict=True)
    ]
    return pl.DataFrame(rows, schema=FRAME_DTYPES["articles"])


def extract_rows(article: ParsedArticle, table: str, version: str) -> list[dict[str, Any]]:
    """The rows of one table for one article, with stable ids (raises what the extractor raises)."""
    fn, id_col, key_fields = EXTRACTORS[table]
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for rec in fn(article.text, article.published_date):
        # a shallow copy: asdict() deep-copies every value and cost ~7% of extraction
        row = {f: getattr(rec, f) for f in _field_names(rec.__class__)}
        if "location_iso3" in row:
            row["location_iso3"] = list(row["location_iso3"] or ())
        parts: list[object] = [table, article.article_id, *(row[k] for k in key_fields)]
        rid = stable_id(*parts)
        n = 1
        while rid in seen:  # two records at the same place: keep both, ids stay stable by order
            n += 1
            rid = stable_id(*parts, n)
        seen.add(rid)
        rows.append({id_col: rid, "article_id": article.article_id, **row, "extractor_version": version})
    return rows


def extract_batch(articles: Sequence[ParsedArticle], origins: Sequence[str], version: str) -> Extracted:
    """Every table's rows for ``articles``; an article whose extractor fails is rejected whole."""
    per_table: dict[str, list[dict[str, Any]]] = {t: [] for t in EXTRACTORS}
    kept: list[int] = []
    rejects: list[Reject] = []
    for i, art in enumerate(articles):
        try:
            rows = {t: extract_rows(art, t, version) for t in EXTRACTORS}
        except Exception as e:  # an extractor bug must cost one article, not the run
            rejects.append(Reject(origins[i], art.url, "extract", f"{type(e).__name__}: {e}", art.text[:200]))
            continue
        kept.append(i)
        for t, r in rows.items():
            per_table[t].extend(r)
    frames = {"articles": article_rows([articles[i] for i in kept], [origins[i] for i in kept], version)}
    for t, table_rows in per_table.items():
        frames[t] = pl.DataFrame(table_rows, schema=FRAME_DTYPES[t]) if table_rows else empty_frame(t)
    return Extracted(frames, rejects)
