"""Web fetch state in the warehouse: HTTP validators, fetch log, robots.txt, alternate URLs.

Small functions over an open DuckDB connection (a ``Warehouse.con``). Writes
are keyed upserts, so recording the same fetch twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import duckdb
import polars as pl

FETCH_COLUMNS: dict[str, Any] = {
    "url": pl.Utf8, "source": pl.Utf8, "kind": pl.Utf8, "final_url": pl.Utf8, "etag": pl.Utf8,
    "last_modified": pl.Utf8, "status": pl.Int32, "fetched_at": pl.Datetime("us", "UTC"),
    "attempts": pl.Int32, "error": pl.Utf8, "items": pl.Int32,
}  # fmt: skip


def _select_in(con: duckdb.DuckDBPyConnection, sql: str, key: str, values: Iterable[str]) -> list[tuple]:
    keys = sorted(set(values))
    if not keys:
        return []
    con.register("_keys", pl.DataFrame({key: keys}, schema={key: pl.Utf8}))
    try:
        return con.execute(sql).fetchall()
    finally:
        con.unregister("_keys")


def validators(
    con: duckdb.DuckDBPyConnection, urls: Iterable[str]
) -> dict[str, tuple[str | None, str | None]]:
    """url → (etag, last_modified) for the URLs that have at least one validator."""
    rows = _select_in(
        con,
        "SELECT url, etag, last_modified FROM http_cache JOIN _keys USING (url) "
        "WHERE etag IS NOT NULL OR last_modified IS NOT NULL",
        "url",
        urls,
    )
    return {r[0]: (r[1], r[2]) for r in rows}


def record_fetches(con: duckdb.DuckDBPyConnection, rows: Sequence[Mapping[str, Any]]) -> int:
    """Upsert one ``http_cache`` row per fetched URL (the last fetch wins); returns the row count."""
    if not rows:
        return 0
    df = pl.DataFrame([{k: r.get(k) for k in FETCH_COLUMNS} for r in rows], schema=FETCH_COLUMNS)
    df = df.unique("url", keep="last")
    con.register("_fetches", df)
    try:
        con.execute("INSERT OR REPLACE INTO http_cache BY NAME SELECT * FROM _fetches").fetchall()
    finally:
        con.unregister("_fetches")
    return df.height


def fetch_log(con: duckdb.DuckDBPyConnection, urls: Iterable[str]) -> dict[str, dict[str, Any]]:
    """url → its ``http_cache`` row, for the URLs fetched at least once."""
    rows = _select_in(con, "SELECT h.* FROM http_cache h JOIN _keys USING (url)", "url", urls)
    return {r[0]: dict(zip(FETCH_COLUMNS, r, strict=True)) for r in rows}


def robots(
    con: duckdb.DuckDBPyConnection, max_age: dt.timedelta, now: dt.datetime | None = None
) -> dict[str, tuple[int | None, str]]:
    """origin → (status, body) of every robots.txt fetched less than ``max_age`` ago."""
    since = (now or dt.datetime.now(dt.UTC)) - max_age
    rows = con.execute(
        "SELECT origin, status, body FROM robots_cache WHERE fetched_at >= ?", [since]
    ).fetchall()
    return {r[0]: (r[1], r[2] or "") for r in rows}


def record_robots(con: duckdb.DuckDBPyConnection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Upsert robots.txt bodies: dicts with origin, status, body, fetched_at."""
    if not rows:
        return
    schema: dict[str, Any] = {
        "origin": pl.Utf8,
        "status": pl.Int32,
        "body": pl.Utf8,
        "fetched_at": pl.Datetime("us", "UTC"),
    }
    df = pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema).unique(
        "origin", keep="last"
    )
    con.register("_robots", df)
    try:
        con.execute("INSERT OR REPLACE INTO robots_cache BY NAME SELECT * FROM _robots").fetchall()
    finally:
        con.unregister("_robots")


def articles_by_hash(con: duckdb.DuckDBPyConnection, hashes: Iterable[str]) -> dict[str, tuple[str, str]]:
    """content_sha256 → (article_id, url) of a stored article with that text (the oldest id wins)."""
    rows = _select_in(
        con,
        "SELECT content_sha256, min(article_id), arg_min(url, article_id) "
        "FROM articles JOIN _keys USING (content_sha256) GROUP BY content_sha256",
        "content_sha256",
        hashes,
    )
    return {r[0]: (r[1], r[2]) for r in rows}


def record_article_urls(
    con: duckdb.DuckDBPyConnection, rows: Sequence[tuple[str, str, str]], now: dt.datetime | None = None
) -> int:
    """Remember (url, article_id, reason) pairs: another URL under which an article was seen.

    The first sighting of a URL is kept; returns how many URLs were new.
    """
    if not rows:
        return 0
    df = pl.DataFrame(
        [
            {"url": u, "article_id": a, "reason": r, "first_seen_at": now or dt.datetime.now(dt.UTC)}
            for u, a, r in rows
        ],
        schema={
            "url": pl.Utf8,
            "article_id": pl.Utf8,
            "reason": pl.Utf8,
            "first_seen_at": pl.Datetime("us", "UTC"),
        },
    ).unique("url", keep="first")
    con.register("_urls", df)
    try:
        # fetchall, not fetchone: DuckDB 2.0 refuses unregister() while a result is unfinished
        before = con.execute("SELECT count(*) FROM article_urls").fetchall()
        con.execute("INSERT OR IGNORE INTO article_urls BY NAME SELECT * FROM _urls").fetchall()
        after = con.execute("SELECT count(*) FROM article_urls").fetchall()
    finally:
        con.unregister("_urls")
    return int(after[0][0]) - int(before[0][0])


def articles_per_origin(con: duckdb.DuckDBPyConnection, sources: Iterable[str]) -> dict[str, int]:
    """source label → stored articles whose ``origin`` is that source (``source`` or ``source:...``)."""
    rows = _select_in(
        con,
        "SELECT k.source, count(a.article_id) FROM _keys k LEFT JOIN articles a "
        "ON a.origin = k.source OR starts_with(a.origin, k.source || ':') GROUP BY k.source",
        "source",
        sources,
    )
    return {r[0]: int(r[1]) for r in rows}
