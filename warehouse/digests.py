"""Skip raw records already loaded as they are, before parsing them.

A re-run of the same archive used to parse, normalize and hash every record to
learn that nothing changed. Each record read from a local file carries a digest
of its raw bytes (``flows.sources.record_digest``); after a batch lands, the
digests of its records are stored with the article they parsed to. The next run
loads the digests that still hold — the article still has that text and was
extracted by the current extractor version — into sorted arrays (24 bytes per
record, so a million records cost ~24 MB) and drops a whole batch when every
record in it is covered.

A batch is dropped only whole, and only when its articles are distinct and none
was touched earlier in the same run: then parsing it would find every article
unchanged, which is exactly what skipping it records. Anything else (a reject,
a URL to fetch, a new or changed record, two records of one article) takes the
ordinary path, so the outcome never depends on the shortcut.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import duckdb
import numpy as np
import polars as pl

_EMPTY = np.zeros(0, dtype=np.uint64)


def split(digest: bytes) -> tuple[int, int]:
    """A 16-byte digest as two unsigned 64-bit halves."""
    return int.from_bytes(digest[:8], "big"), int.from_bytes(digest[8:16], "big")


def article_key(article_id: str) -> int:
    """The 16-hex-digit article id as an unsigned 64-bit integer."""
    return int(article_id, 16)


@dataclass
class DigestIndex:
    """The record digests that still hold, sorted by (hi, lo), with their article keys."""

    hi: np.ndarray
    lo: np.ndarray
    article: np.ndarray

    @classmethod
    def empty(cls) -> DigestIndex:
        return cls(_EMPTY, _EMPTY, _EMPTY)

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, version: str) -> DigestIndex:
        arrays = con.execute(
            "SELECT d.digest_hi AS hi, d.digest_lo AS lo, ('0x' || d.article_id)::UBIGINT AS article "
            "FROM record_digests d JOIN articles a USING (article_id) "
            "WHERE a.content_sha256 = d.content_sha256 AND a.extractor_version = ? AND d.extractor_version = ? "
            "ORDER BY hi, lo",
            [version, version],
        ).fetchnumpy()
        return cls(*(np.asarray(arrays[k], dtype=np.uint64) for k in ("hi", "lo", "article")))

    def __len__(self) -> int:
        return int(self.hi.size)

    def articles_of(self, digests: Sequence[bytes]) -> np.ndarray | None:
        """The article keys of ``digests`` in order, or None unless every one is known."""
        if not digests or not self.hi.size or any(len(d) != 16 for d in digests):
            return None
        halves = np.array([split(d) for d in digests], dtype=np.uint64)
        hi, lo = halves[:, 0], halves[:, 1]
        at = np.minimum(np.searchsorted(self.hi, hi, side="left"), self.hi.size - 1)
        same_hi = self.hi[at] == hi
        if not same_hi.all():
            return None
        for k in np.nonzero(self.lo[at] != lo)[0]:  # equal first halves, other low half: a 2^-64 accident
            end = int(np.searchsorted(self.hi, hi[k], side="right"))
            run = np.nonzero(self.lo[at[k] : end] == lo[k])[0]
            if not run.size:
                return None
            at[k] += run[0]
        return self.article[at]


def covered(index: DigestIndex, digests: Sequence[bytes], touched: set[int]) -> bool:
    """Whether a batch of records with ``digests`` can be skipped (see the module docstring)."""
    keys = index.articles_of(digests)
    if keys is None:
        return False
    as_ints = keys.tolist()
    return len(set(as_ints)) == len(as_ints) and touched.isdisjoint(as_ints)


def remember(con: duckdb.DuckDBPyConnection, rows: Iterable[tuple[bytes, str, str]], version: str) -> int:
    """Store (digest, article_id, content_sha256) of records whose batch has landed; returns the count."""
    data = [(*split(d), aid, sha) for d, aid, sha in rows if len(d) == 16]
    if not data:
        return 0
    df = pl.DataFrame(
        data,
        schema={
            "digest_hi": pl.UInt64,
            "digest_lo": pl.UInt64,
            "article_id": pl.Utf8,
            "content_sha256": pl.Utf8,
        },
        orient="row",
    ).unique(["digest_hi", "digest_lo"], keep="last")
    con.register("_digests", df)
    try:
        con.execute(
            "INSERT OR REPLACE INTO record_digests BY NAME "
            "SELECT *, CAST(? AS VARCHAR) AS extractor_version FROM _digests",
            [version],
        ).fetchall()  # drained: DuckDB 2.0 refuses register() beside an unfinished result
    finally:
        con.unregister("_digests")
    return df.height


# -- whole files ---------------------------------------------------------------------------------
# A run that finds every record of a local file covered (or loads the ones that were not) records
# the file's size and modification time; the next run skips the file unread while those, the
# extractor version and the articles generation (``warehouse_state``: it goes up whenever a stored
# article gets another text, which could make one of the file's records stale) are unchanged.


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A local input file as a run read it: every one of its ``records`` loaded or unchanged."""

    uri: str
    size: int
    mtime_ns: int
    records: int


def articles_generation(con: duckdb.DuckDBPyConnection) -> int:
    rows = con.execute("SELECT max(articles_generation) FROM warehouse_state").fetchall()
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def skippable_files(con: duckdb.DuckDBPyConnection, version: str) -> dict[str, SourceFile]:
    """The files recorded under ``version`` and the current articles generation, by URI."""
    rows = con.execute(
        "SELECT file_uri, size, mtime_ns, records FROM source_files "
        "WHERE extractor_version = ? AND articles_generation = ?",
        [version, articles_generation(con)],
    ).fetchall()
    return {uri: SourceFile(uri, int(size), int(mtime), int(n)) for uri, size, mtime, n in rows}


def record_files(con: duckdb.DuckDBPyConnection, files: Iterable[SourceFile], version: str) -> int:
    """Record ``files`` as read in full under ``version`` at the current generation; returns the count."""
    rows = [(f.uri, f.size, f.mtime_ns, f.records) for f in files]
    if not rows:
        return 0
    # a statement first (not register()): DuckDB 2.0 refuses register() beside an unfinished result
    generation = articles_generation(con)
    df = pl.DataFrame(
        rows,
        schema={"file_uri": pl.Utf8, "size": pl.Int64, "mtime_ns": pl.Int64, "records": pl.Int64},
        orient="row",
    ).unique("file_uri", keep="last")
    con.register("_files", df)
    try:
        con.execute(
            "INSERT OR REPLACE INTO source_files BY NAME SELECT *, CAST(? AS VARCHAR) AS extractor_version, "
            "? AS articles_generation, now() AS read_at FROM _files",
            [version, generation],
        ).fetchall()
    finally:
        con.unregister("_files")
    return df.height
