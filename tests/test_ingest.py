"""Guards input parsing: JSON Lines records, plain-text titles, dates and bad records."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.errors import BadInput
from transforms.ingest import (
    parse_html_article,
    parse_json_record,
    parse_plain_text,
    parse_published,
    split_plain_text,
)
from transforms.normalize import normalize_text

GOOD = {
    "url": "https://example.net/a",
    "title": "A title",
    "published": "2024-01-30",
    "source": "Example",
    "text": "Body text.\r\n\r\n\r\nSecond   paragraph.",
}


def test_json_record_maps_columns_and_keeps_unknown_keys() -> None:
    rec = dict(GOOD, lang="en", tags=["x"])
    art = parse_json_record(json.dumps(rec), "file:///in.jsonl#line=1")
    assert art.url == "https://example.net/a"
    assert art.text == "Body text.\n\nSecond paragraph."
    assert art.published_at == dt.datetime(2024, 1, 30, tzinfo=dt.UTC)
    assert art.extra == {"lang": "en", "tags": ["x"]}
    assert len(art.content_sha256) == 64


def test_same_url_gives_same_id_and_text_change_keeps_it() -> None:
    a = parse_json_record(json.dumps(GOOD), "f")
    b = parse_json_record(json.dumps(dict(GOOD, text="Other body.")), "f")
    assert a.article_id == b.article_id
    assert a.content_sha256 != b.content_sha256


def test_missing_url_falls_back_to_the_input_location() -> None:
    rec = {k: v for k, v in GOOD.items() if k != "url"}
    art = parse_json_record(json.dumps(rec), "file:///in.jsonl#line=7")
    assert art.url == "file:///in.jsonl#line=7"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        pytest.param('{"url": "u", "text": ', "invalid JSON", id="truncated-json"),
        pytest.param("[1, 2]", "not an object", id="array"),
        pytest.param(json.dumps({"url": "u", "title": "t"}), "missing field: text", id="no-text"),
        pytest.param(json.dumps({"url": "u", "text": "  \n "}), "empty body", id="empty-body"),
        pytest.param(
            json.dumps({"url": "u", "text": "x", "published": "30/01/2024"}),
            "unparseable published",
            id="bad-date",
        ),
        pytest.param(json.dumps({"url": "u", "text": 5}), "text is not a string", id="text-wrong-type"),
        pytest.param(
            json.dumps({"url": "u", "text": "x", "published": 20240130}),
            "published is not a string",
            id="date-wrong-type",
        ),
    ],
)
def test_bad_records_raise_bad_input_with_reason(line: str, reason: str) -> None:
    with pytest.raises(BadInput) as exc:
        parse_json_record(line, "f")
    assert reason in exc.value.reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2024-01-30", dt.datetime(2024, 1, 30, tzinfo=dt.UTC), id="date"),
        pytest.param("2024-01-30T10:00:00Z", dt.datetime(2024, 1, 30, 10, tzinfo=dt.UTC), id="zulu"),
        pytest.param("2024-01-30T10:00:00+05:00", dt.datetime(2024, 1, 30, 5, tzinfo=dt.UTC), id="offset"),
        pytest.param("2024-01-30T10:00:00", dt.datetime(2024, 1, 30, 10, tzinfo=dt.UTC), id="naive-is-utc"),
        pytest.param(None, None, id="none"),
        pytest.param("", None, id="empty"),
    ],
)
def test_parse_published(value: str | None, expected: dt.datetime | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("content", "title", "body_start"),
    [
        pytest.param(
            "Photo: Someone via X\n\nThe Title \n\nBody.", "The Title", "Body.", id="credit-skipped"
        ),
        pytest.param("\n\nImage credit - AFP\nTitle\nBody", "Title", "Body", id="image-credit"),
        pytest.param("Title only first\nbody line", "Title only first", "body line", id="plain"),
        pytest.param("Photographer's notes\nbody", "Photographer's notes", "body", id="not-a-credit"),
    ],
)
def test_plain_text_title_skips_credits(content: str, title: str, body_start: str) -> None:
    got_title, body = split_plain_text(content)
    assert got_title == title
    assert body.strip().startswith(body_start)


def test_seed_article_title_and_body(examples_dir) -> None:
    content = (examples_dir / "seed-iran-pakistan-afghanistan.txt").read_text(encoding="utf-8")
    art = parse_plain_text(content, "file:///seed.txt")
    assert art.title == "Iran and Pakistan Officials Meet to Discuss Afghanistan"
    assert art.text.startswith("Iran’s Special Envoy for Afghanistan, Hassan Kazemi Qomi")


def test_html_page_uses_canonical_url_and_metadata(examples_dir) -> None:
    html = (examples_dir / "zahedan-ambush.html").read_text(encoding="utf-8")
    art = parse_html_article(html, "file:///zahedan.html")
    assert art.url == "https://example.net/sitrep-examples/zahedan-ambush"
    assert "Jaish al-Adl" in art.text
    assert "All rights reserved" not in art.text
    assert art.published_at is not None and art.published_at.date() == dt.date(2025, 10, 2)


def test_html_without_text_is_bad_input() -> None:
    with pytest.raises(BadInput):
        parse_html_article(
            "<html><head><script>var a = 1;</script></head><body></body></html>", "file:///x.html"
        )


@given(st.text())
def test_normalize_is_idempotent(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once


def _normalize_by_definition(raw: str) -> str:
    """normalize_text as its docstring defines it, one plain step at a time (slow, obviously right)."""
    text = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in raw)
    text = unicodedata.normalize("NFC", text)
    invisible = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")
    text = "".join(c for c in text if c not in invisible and not _is_dropped_control(c))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    spaces = set(" \t\u00a0\u202f\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200B)}
    lines = []
    for line in text.split("\n"):
        out: list[str] = []
        for c in line:
            if c in spaces:
                if not out or out[-1] != " ":
                    out.append(" ")
            else:
                out.append(c)
        lines.append("".join(out).strip())
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def _is_dropped_control(c: str) -> bool:
    o = ord(c)
    return (o <= 0x1F and c not in "\t\n\r") or 0x7F <= o <= 0x9F


_AWKWARD = st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u200a\u200b\u200d\u2028\u2029"
                                "\u202f\u205f\u2060\u3000\ufeff\u00ad\ud800\udfff\u0301e.Aé"))  # fmt: skip


@given(st.one_of(st.text(), st.lists(_AWKWARD, max_size=40).map("".join)))
def test_normalize_matches_its_definition(raw: str) -> None:
    assert normalize_text(raw) == _normalize_by_definition(raw)
