"""Web documents as values: charset sniffing, RSS/Atom feeds → entries, fetched pages → articles.

Pure functions over bytes and strings (no network: feedparser only ever gets a
byte stream here). The fetcher in ``flows/fetch.py`` does the I/O.
"""

from __future__ import annotations

import calendar
import codecs
import datetime as dt
import html as html_lib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass

from transforms.errors import BadInput
from transforms.ingest import ParsedArticle, build_article, parse_html, parse_published
from transforms.urls import canonical_url, is_web_url

FEED_SUFFIXES = (".xml", ".rss", ".atom")
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
     "text/xml", "application/feed+json"}
)  # fmt: skip
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

_CT_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']""", re.IGNORECASE)
_ROOT = re.compile(rb"<(?![?!])([A-Za-z][\w:.-]*)")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# WHATWG: labels that browsers read as windows-1252, a superset that never fails on a byte.
_AS_1252 = frozenset({"iso-8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "iso8859-1", "cp819"})
SNIFF_BYTES = 4096


# -- charsets ------------------------------------------------------------------


def media_type(content_type: str | None) -> str:
    """``text/html; charset=x`` → ``text/html`` (lower case, "" when absent)."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in _AS_1252:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The codec named by an HTTP ``Content-Type`` header, or None (absent or unknown)."""
    m = _CT_CHARSET.search(content_type or "")
    return _codec(m.group(1)) if m else None


def charset_from_document(body: bytes) -> str | None:
    """The codec a document declares in its first bytes: BOM, ``<?xml encoding>``, ``<meta charset>``."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    head = body[:SNIFF_BYTES]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return _codec(m.group(1).decode("ascii", "replace")) if m else None


def decode_document(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Bytes of a fetched document → (text, codec used).

    Order: byte-order mark; strict UTF-8 when the bytes hold non-ASCII and are
    valid UTF-8 (mislabelled UTF-8 is common, and text in a legacy charset is
    almost never valid UTF-8); the HTTP charset; the in-document declaration;
    then windows-1252. A declared charset that does not fit the bytes falls
    through to the next candidate.
    """
    bom = next((name for mark, name in _BOMS if body.startswith(mark)), None)
    utf8 = "utf-8" if not body.isascii() else None
    candidates = [bom, utf8, charset_from_content_type(content_type), charset_from_document(body), "utf-8"]
    for name in candidates:
        if name is None:
            continue
        try:
            return body.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode("cp1252", "replace"), "cp1252"


# -- what a document is -----------------------------------------------------------


def sniff_kind(body: bytes, content_type: str | None = None) -> str | None:
    """``"feed"``, ``"html"`` or None (neither) from the first element and the media type."""
    head = body[:SNIFF_BYTES]
    for bom, _ in _BOMS:
        head = head.removeprefix(bom)
    # Skip comments and doctype before the first element.
    stripped = re.sub(rb"<!--.*?-->", b"", head, flags=re.DOTALL)
    m = _ROOT.search(stripped)
    root = m.group(1).decode("ascii", "replace").lower() if m else ""
    if root in ("rss", "feed", "rdf:rdf", "rdf"):
        return "feed"
    mt = media_type(content_type)
    if root == "html" or mt in HTML_TYPES or re.search(rb"<!doctype\s+html", stripped, re.IGNORECASE):
        return "html"
    if mt in FEED_TYPES:
        return "feed"
    return None


# -- feeds -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str | None
    title: str | None
    published: str | None  # ISO 8601, UTC
    summary: str | None
    author: str | None
    content: str | None = None  # the entry's full content (Atom <content>, RSS content:encoded), HTML


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    link: str | None
    entries: tuple[FeedEntry, ...]


def _iso(struct: object) -> str | None:
    if not struct:
        return None
    try:
        ts = calendar.timegm(struct)  # type: ignore[arg-type]  # feedparser gives time.struct_time in UTC
        return dt.datetime.fromtimestamp(ts, dt.UTC).isoformat()
    except (TypeError, ValueError, OverflowError):
        return None


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    v = value.strip()
    return v or None


def parse_feed(data: bytes, base_url: str | None = None, content_type: str | None = None) -> Feed:
    """RSS/Atom/RDF bytes → feed title and entries (link, title, date, summary, author).

    Raises ``BadInput`` when the bytes are not a feed, or are broken XML from
    which no linked entry can be recovered; a feed with recoverable errors (an
    undefined entity, a wrong declared charset) keeps the entries the lenient
    parser found. Relative links resolve against ``base_url``.
    """
    import feedparser  # lazily: ~0.1 s and only web runs need it

    headers = {"content-type": content_type or "application/xml"}
    if base_url:
        headers["content-location"] = base_url
    # A BytesIO, never bytes or str: feedparser would try those as a path or URL.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True)
    entries = []
    for e in parsed.entries:
        link = _text(e.get("link"))
        if not link:
            link = next((_text(x.get("href")) for x in e.get("links", ()) if _text(x.get("href"))), None)
        entries.append(
            FeedEntry(
                link=link,
                title=_text(e.get("title")),
                published=_iso(e.get("published_parsed") or e.get("updated_parsed")),
                summary=_text(e.get("summary")),
                author=_text(e.get("author")),
                content=next(
                    (_text(c.get("value")) for c in e.get("content", ()) if _text(c.get("value"))), None
                ),
            )
        )
    if not entries and not parsed.get("version"):
        raise BadInput("not an RSS or Atom feed", data[:200].decode("utf-8", "replace"))
    if parsed.get("bozo") and not any(e.link for e in entries):
        err = parsed.get("bozo_exception")
        detail = f": {str(err).splitlines()[0]}" if err else ""
        raise BadInput(f"malformed feed{detail}", data[:200].decode("utf-8", "replace"))
    feed = parsed.get("feed", {})
    return Feed(title=_text(feed.get("title")), link=_text(feed.get("link")), entries=tuple(entries))


# -- fetched pages -----------------------------------------------------------------


def parse_web_page(html: str, url: str, hints: Mapping[str, str] | None = None) -> ParsedArticle:
    """A fetched article page → article keyed on its canonical URL.

    ``url`` is the URL the page was fetched from; the page's canonical link wins
    when it is http(s). ``hints`` come from the feed entry that linked the page
    (``published``, ``title``, ``source``, ``feed``): they fill what the page lacks.
    """
    h = dict(hints or {})
    page = parse_html(html, url)
    canon = canonical_url(page.url) if page.url and is_web_url(page.url) else canonical_url(url)
    published: str | None = page.published
    try:
        if parse_published(published) is None:
            published = None
    except BadInput:
        published = None  # an unreadable page date is not worth rejecting the page for
    extra: dict[str, str] = {}
    if page.author or h.get("author"):
        extra["author"] = page.author or h["author"]
    extra["fetched_url"] = url  # marks a web article: only those are merged with same-text copies
    for key in ("feed", "language"):
        if h.get(key):
            extra[key] = h[key]
    if published is None and h.get("published"):
        published = h["published"]
        extra["published_from"] = "feed"
    return build_article(
        url=canon,
        title=page.title or h.get("title"),
        source=page.source or h.get("source"),
        published=published,
        text=page.text,
        extra=extra,
    )


# -- feed entries standing in for their pages ----------------------------------------------------

# An entry's own text stands in for a page that cannot be fetched only when it is an article's worth:
# most feeds carry a one-sentence teaser, which is not worth extracting from.
ENTRY_TEXT_MIN_CHARS = 400
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|tr|section|article)\s*>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def entry_html(entry: FeedEntry) -> str | None:
    """The entry's fullest text as the feed gives it: its content, else its summary (HTML or plain)."""
    return entry.content or entry.summary


def entry_text(fragment: str) -> str:
    """An entry's HTML (already sanitized by the feed parser) → plain text, one paragraph per block."""
    text = _BLOCK_END.sub("\n\n", fragment)
    text = html_lib.unescape(_TAG.sub("", text))
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def parse_feed_entry(fragment: str, url: str, hints: Mapping[str, str] | None = None) -> ParsedArticle:
    """A feed entry's own text → article at the entry's link, for a page that could not be fetched.

    ``hints`` are the entry's title, date, author and feed (as for ``parse_web_page``), plus
    ``page_error``, why the page did not come. ``extra.text_from = "feed_entry"`` marks the article.
    Raises ``BadInput`` when the text is shorter than ``ENTRY_TEXT_MIN_CHARS``.
    """
    h = dict(hints or {})
    text = entry_text(fragment)
    if len(text) < ENTRY_TEXT_MIN_CHARS:
        raise BadInput(f"feed entry text too short to stand in for its page ({len(text)} characters)")
    extra: dict[str, str] = {"text_from": "feed_entry"}
    for key in ("feed", "language", "author", "page_error"):
        if h.get(key):
            extra[key] = h[key]
    return build_article(
        url=canonical_url(url),
        title=h.get("title"),
        source=h.get("source"),
        published=h.get("published"),
        text=text,
        extra=extra,
    )
