"""The real-text bench corpus: distinct articles whose extraction equals the originals', and the
bench's results keys for it (so a real-text size never overwrites a synthetic one)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.corpus import neutral_line, real_articles, real_corpus_path, write_real_corpus
from bench.report import render
from bench.run import size_key
from flows.extract import EXTRACTORS
from transforms.ingest import parse_json_record

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles.jsonl"  # our own fictional articles stand in for the shared set


def test_copies_are_distinct_articles() -> None:
    recs = list(real_articles(10, EXAMPLES))
    base = [json.loads(x) for x in EXAMPLES.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert [r["title"] for r in recs] == [base[i % len(base)]["title"] for i in range(10)]
    parsed = [parse_json_record(json.dumps(r), f"t#{i}") for i, r in enumerate(recs)]
    assert len({a.article_id for a in parsed}) == 10
    assert len({a.content_sha256 for a in parsed}) == 10


def test_neutral_lines_differ_and_carry_no_digits() -> None:
    lines = [neutral_line(i) for i in range(2000)]
    assert len(set(lines)) == 2000
    assert not any(ch.isdigit() for line in lines for ch in line)


@pytest.mark.parametrize("table", list(EXTRACTORS), ids=list(EXTRACTORS))
def test_a_copy_extracts_the_rows_of_its_original(table: str) -> None:
    fn = EXTRACTORS[table][0]
    base = [x for x in EXAMPLES.read_text(encoding="utf-8").splitlines() if x.strip()]
    copies = list(real_articles(2 * len(base), EXAMPLES))
    found = 0
    for i, rec in enumerate(copies):
        orig = parse_json_record(base[i % len(base)], "orig")
        copy = parse_json_record(json.dumps(rec), "copy")
        want = list(fn(orig.text, orig.published_date))
        assert list(fn(copy.text, copy.published_date)) == want
        found += len(want)
    assert found  # the examples hold rows of every table


def test_written_corpus_is_named_by_size_and_source(tmp_path: Path) -> None:
    path = real_corpus_path(7, EXAMPLES, tmp_path)
    assert path.name.startswith("real-7-")
    write_real_corpus(path, 7, EXAMPLES)
    assert len(path.read_text(encoding="utf-8").splitlines()) == 7
    other = tmp_path / "other.jsonl"
    other.write_text(EXAMPLES.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert real_corpus_path(7, other, tmp_path) != path


def test_real_sizes_have_keys_and_columns_of_their_own() -> None:
    assert size_key(10_000) == "10000"
    assert size_key(10_000, "real") == "real:10000"
    t = {"wall_s": 1.0, "cpu_s": 1.0}
    st = {"articles": 100, "text_mb": 0.2, "process_wall_s": 3.0, "process_cpu_s": 3.0, "rows": {},
          "rss_by_batch": [(100, 300.0)], "peak_rss_mb": 300.0,
          "stages": {"read": t, "parse": t, "extract": {"wall_s": 4.0, "cpu_s": 4.0}}}  # fmt: skip
    base = {"articles": 100, "every": 1, "text_mb": 0.2, "regex": "x", "spacy": "3", "counts": {},
            "stages": {"regex": t, "spacy_blank_sentencizer": {"wall_s": 2.0, "cpu_s": 2.0}}}  # fmt: skip
    sizes = {"100": {"mode": "full", "stages": st, "baselines": base},
             "real:100": {"mode": "full", "stages": st | {"articles": 100}, "baselines": base}}  # fmt: skip
    text = render({"sizes": sizes})
    assert "| articles/s per CPU-second unless stated | 100 | 100 real-text |" in text
    assert "### Stages, 100 real-text articles" in text
    assert "| extraction per core, articles/s (CPU time) | 100 real-text | 25.0 |" in text


@pytest.mark.parametrize(
    ("first", "sizes"),
    [(0, [72, 72, 72, 72, 72, 72, 68]), (500, [4, 72, 72, 72, 72, 72, 72, 64])],
    ids=["first-batch", "second-batch"],
)
def test_spacy_cache_is_flushed_where_each_repetition_begins(first: int, sizes: list[int]) -> None:
    from bench.run import _cycles

    parts = list(_cycles([str(i) for i in range(first, first + 500)], first, 72))
    assert [len(p) for _, p in parts] == sizes
    # every part after the first starts a repetition: record number divisible by 72
    assert all(int(p[0]) % 72 == 0 for _, p in parts[1:])
