"""Parse raw input records (JSON Lines, plain text, HTML) into articles.

Pure functions: the caller reads bytes and names the origin; these return a
``ParsedArticle`` or raise ``BadInput`` with a one-line reason.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from transforms.errors import BadInput
from transforms.normalize import article_id, normalize_text, sha256_hex

# Keys of a JSON Lines record that map onto article columns; others go to `extra`.
KNOWN_KEYS = frozenset({"url", "title", "published", "source", "text", "html"})

_CREDIT = re.compile(
    r"^\s*(photo|image|picture|credit|photograph|file photo|caption)s?\b\s*[:\-–—|]?",
    re.IGNORECASE,
)
EARLIEST_YEAR = 1900  # news archives start later; an earlier date is a broken field
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    article_id: str
    url: str
    title: str | None
    source: str | None
    published_at: dt.datetime | None
    text: str
    content_sha256: str
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def published_date(self) -> dt.date | None:
        return self.published_at.date() if self.published_at else None


def parse_published(value: object) -> dt.datetime | None:
    """ISO 8601 date or datetime → aware UTC datetime; None/"" → None.

    A bare date is taken as midnight UTC; a naive datetime is taken as UTC.
    Raises ``BadInput`` for anything else.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadInput(f"published is not a string: {value!r}", value)
    s = value.strip()
    try:
        if _DATE_ONLY.match(s):
            d = dt.date.fromisoformat(s)
            ts = dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC)
        else:
            ts = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        raise BadInput(f"unparseable published date {s!r}", value) from None
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=dt.UTC)
    if ts.year < EARLIEST_YEAR:
        raise BadInput(f"published date {s!r} is before {EARLIEST_YEAR}", value)
    return ts.astimezone(dt.UTC)


def _optional_str(rec: dict[str, Any], key: str) -> str | None:
    v = rec.get(key)
    if v is None:
        return None
    if not isinstance(v, str):
        raise BadInput(f"{key} is not a string: {type(v).__name__}", v)
    v = v.strip()
    return v or None


def build_article(
    *,
    url: str,
    title: str | None,
    source: str | None,
    published: object,
    text: str,
    extra: dict[str, Any] | None = None,
) -> ParsedArticle:
    """Normalize the text and assemble an article; raises ``BadInput`` on an empty body."""
    body = normalize_text(text)
    if not body:
        raise BadInput("empty body")
    digest = sha256_hex(body)
    return ParsedArticle(
        article_id=article_id(url),
        url=url,
        title=normalize_text(title) if title else None,
        source=source,
        published_at=parse_published(published),
        text=body,
        content_sha256=digest,
        extra=dict(extra or {}),
    )


def parse_json_record(line: str, fallback_url: str) -> ParsedArticle:
    """One JSON Lines record → article. ``fallback_url`` names the line when it has no url."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        raise BadInput(f"invalid JSON: {e.msg} at column {e.colno}", line[:200]) from None
    except RecursionError:
        raise BadInput("invalid JSON: nested too deeply", line[:200]) from None
    if not isinstance(rec, dict):
        raise BadInput(f"JSON record is a {type(rec).__name__}, not an object", line[:200])
    url = _optional_str(rec, "url") or fallback_url
    text = _optional_str(rec, "text")
    html = _optional_str(rec, "html")
    title = _optional_str(rec, "title")
    if text is None and html is not None:
        page = parse_html(html, url)
        text, title = page.text, title or page.title
    if text is None:
        present = "text" in rec or "html" in rec
        raise BadInput("empty body" if present else "missing field: text (or html)", line[:200])
    extra = {k: v for k, v in rec.items() if k not in KNOWN_KEYS}
    return build_article(
        url=url,
        title=title,
        source=_optional_str(rec, "source"),
        published=rec.get("published"),
        text=text,
        extra=extra,
    )


def split_plain_text(content: str) -> tuple[str | None, str]:
    """Plain-text article → (title, body).

    The title is the first non-empty line that is not a photo or image credit;
    the body is everything after it.
    """
    lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, line in enumerate(lines):
        if not line.strip() or _CREDIT.match(line):
            continue
        return line.strip(), "\n".join(lines[i + 1 :])
    return None, ""


def parse_plain_text(content: str, url: str, source: str | None = None) -> ParsedArticle:
    """A ``.txt`` file's content → article (title from the first real line)."""
    title, body = split_plain_text(content)
    return build_article(url=url, title=title, source=source, published=None, text=body)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    text: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    author: str | None


def parse_html(html: str, url: str | None = None) -> HtmlPage:
    """Main text and metadata of an article page (trafilatura); ``BadInput`` if none."""
    import trafilatura  # imported lazily: it costs ~0.5 s and most runs read JSONL

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise BadInput("no article text found in HTML", url)
    return HtmlPage(
        text=text,
        title=getattr(doc, "title", None),
        published=getattr(doc, "date", None),
        source=getattr(doc, "sitename", None),
        url=getattr(doc, "url", None),
        author=getattr(doc, "author", None),
    )


def parse_html_article(html: str, url: str) -> ParsedArticle:
    """An HTML article page → article, keeping its canonical URL when it declares one."""
    page = parse_html(html, url)
    published: object = page.published
    try:
        parse_published(published)
    except BadInput:
        published = None  # a page date we cannot read is not worth rejecting the page for
    return build_article(
        url=page.url or url,
        title=page.title,
        source=page.source,
        published=published,
        text=page.text,
        extra={"author": page.author} if page.author else None,
    )
