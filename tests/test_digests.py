"""Guards the digest shortcuts: a record counts as already loaded only while its article still
holds its text under the current extractor version, a batch is skipped only whole, and a whole file
is skipped unread only while it, the extractor version and every stored article's text are unchanged."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from flows.sources import FileLedger, RawRecord, SkippedFile, read_file, record_digest
from schemas import SCHEMAS, empty_frame, polars_schema
from warehouse import Warehouse
from warehouse.digests import (
    DigestIndex,
    SourceFile,
    article_key,
    articles_generation,
    covered,
    record_files,
    remember,
    skippable_files,
    split,
)


def _load_article(wh: Warehouse, aid: str, sha: str, version: str) -> None:
    row = {"article_id": aid, "url": f"https://example.net/{aid}", "title": "t", "source": "s",
           "published_at": None, "text": "Some text.", "content_sha256": sha, "extra": None,
           "origin": "test", "extractor_version": version}  # fmt: skip
    frames = {"articles": pl.DataFrame([row], schema=polars_schema(SCHEMAS["articles"]))}
    frames |= {t: empty_frame(t) for t in ("statements", "incidents", "refugee_counts")}
    wh.load_batch(frames, empty_frame("rejects"))


def _digest(n: int) -> bytes:
    return record_digest("jsonl", f"file:///in.jsonl#line={n}", f'{{"n": {n}}}'.encode())


def test_a_digest_holds_only_while_text_and_version_hold(tmp_path: Path) -> None:
    a, b, c = "00000000000000a1", "00000000000000b2", "00000000000000c3"
    with Warehouse.open(tmp_path / "w.duckdb") as wh:
        for aid in (a, b, c):
            _load_article(wh, aid, "1" * 64, "v1")
        rows = [(_digest(1), a, "1" * 64), (_digest(2), b, "1" * 64), (_digest(3), c, "1" * 64)]
        assert remember(wh.con, rows, "v1") == 3
        _load_article(wh, b, "2" * 64, "v1")  # b's text changed since its record was read
        _load_article(wh, c, "1" * 64, "v2")  # c was re-extracted by another version
        index = DigestIndex.load(wh.con, "v1")
        assert len(index) == 1
        assert index.articles_of([_digest(1)]).tolist() == [article_key(a)]
        assert index.articles_of([_digest(1), _digest(2)]) is None
        assert DigestIndex.load(wh.con, "v2").articles_of([_digest(3)]) is None  # digest read by v1


def test_remembering_again_replaces_the_row(tmp_path: Path) -> None:
    a = "00000000000000a1"
    with Warehouse.open(tmp_path / "w.duckdb") as wh:
        _load_article(wh, a, "2" * 64, "v1")
        remember(wh.con, [(_digest(1), a, "1" * 64)], "v1")
        assert len(DigestIndex.load(wh.con, "v1")) == 0
        remember(wh.con, [(_digest(1), a, "2" * 64)], "v1")
        assert len(DigestIndex.load(wh.con, "v1")) == 1
        assert wh.con.execute("SELECT count(*) FROM record_digests").fetchall() == [(1,)]


def test_lookup_tells_apart_digests_sharing_their_first_half() -> None:
    d1, d2, d3 = b"\x01" * 8 + b"\x05" * 8, b"\x01" * 8 + b"\x09" * 8, b"\x02" * 16
    pairs = sorted([split(d1), split(d2), split(d3)])
    index = DigestIndex(*(np.array(col, dtype=np.uint64) for col in zip(*pairs, strict=True)),
                        article=np.array([11, 12, 13], dtype=np.uint64))  # fmt: skip
    assert index.articles_of([d2, d1, d3]).tolist() == [12, 11, 13]
    assert index.articles_of([b"\x01" * 8 + b"\x07" * 8]) is None  # same first half, unknown second
    assert index.articles_of([b"\x03" * 16]) is None
    assert index.articles_of([]) is None
    assert index.articles_of([b"short"]) is None


def test_a_batch_is_covered_only_with_distinct_untouched_articles() -> None:
    ds = [_digest(n) for n in range(3)]
    pairs = sorted((*split(d), k) for k, d in zip((7, 8, 7), ds, strict=True))
    index = DigestIndex(*(np.array(col, dtype=np.uint64) for col in zip(*pairs, strict=True)))
    by_digest = {split(d): k for d, k in zip(ds, (7, 8, 7), strict=True)}
    assert [by_digest[split(d)] for d in ds] == index.articles_of(ds).tolist()
    assert covered(index, ds[:2], set())
    assert not covered(index, ds, set())  # two records of article 7 in one batch: the parse decides
    assert not covered(index, ds[:2], {8})  # article 8 already parsed in this run
    assert not covered(DigestIndex.empty(), ds[:1], set())


def test_file_records_carry_digests_of_their_bytes_and_place(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_bytes(b'{"url": "u", "text": "a"}\n{"url": "u", "text": "a"}\n')
    r1, r2 = list(read_file(str(f), f))
    assert len(r1.digest) == len(r2.digest) == 16 and r1.digest != r2.digest  # same bytes, other line
    f.write_bytes(b'{"url": "u", "text": "b"}\n{"url": "u", "text": "a"}\n')
    s1, s2 = list(read_file(str(f), f))
    assert s1.digest != r1.digest and s2.digest == r2.digest
    t = tmp_path / "a.txt"
    t.write_text("Title\n\nBody.")
    (rec,) = list(read_file(str(t), t))
    assert rec.digest == record_digest("txt", t.resolve().as_uri(), t.read_bytes())


def test_recorded_files_hold_only_under_their_version_and_generation(tmp_path: Path) -> None:
    a = "00000000000000a1"
    f = SourceFile("file:///in.jsonl", 120, 7, 2)
    with Warehouse.open(tmp_path / "w.duckdb") as wh:
        _load_article(wh, a, "1" * 64, "v1")
        assert record_files(wh.con, [f], "v1") == 1
        assert skippable_files(wh.con, "v1") == {f.uri: f}
        assert skippable_files(wh.con, "v2") == {}  # other extractors: every file is read again
        _load_article(wh, a, "1" * 64, "v2")  # re-extracted, same text: the generation holds
        assert articles_generation(wh.con) == 0 and skippable_files(wh.con, "v1") == {f.uri: f}
        _load_article(wh, a, "2" * 64, "v1")  # a stored article got another text
        assert articles_generation(wh.con) == 1 and skippable_files(wh.con, "v1") == {}


def test_ledger_skips_only_unchanged_files_at_the_start_of_a_batch(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_bytes(b'{"url": "u", "text": "a"}\n')
    st, uri = f.stat(), f.resolve().as_uri()
    known = SourceFile(uri, st.st_size, st.st_mtime_ns, 1)
    ledger = FileLedger({uri: known})
    assert list(read_file(str(f), f, ledger=ledger)) == [SkippedFile(str(f), str(f), 1)]
    ledger.pulled = 1  # a record of this batch was read before the file: it could be one of its articles
    assert [type(r) for r in read_file(str(f), f, ledger=ledger)] == [RawRecord]
    assert ledger.read == [(str(f), known)]  # read to its end, every record with a digest
    ledger.new_chunk()
    ledger.allow = False  # this run changed a stored article's text
    assert [type(r) for r in read_file(str(f), f, ledger=ledger)] == [RawRecord]
    ledger = FileLedger({uri: SourceFile(uri, st.st_size + 1, st.st_mtime_ns, 1)})  # the file changed
    assert [type(r) for r in read_file(str(f), f, ledger=ledger)] == [RawRecord]
