"""The fetch step: URLs and feeds → fetched pages, politely and within bounds.

One asyncio event loop per batch (``fetch_batch``) over one httpx client:

* per-host concurrency limit and a delay between requests to the same host
  (raised to the host's robots.txt ``Crawl-delay``);
* connect/read timeouts plus a deadline per attempt; retries with a backoff
  list and jitter on connection errors, timeouts, 5xx and 429 (waiting at
  least ``Retry-After``, giving up when it asks for more than the cap);
* redirects followed by hand: a cap, loop detection, http/https only;
* body capped on the wire and after decompression (gzip bombs);
* robots.txt honoured (cached in the warehouse for ``robots_max_age``);
* conditional GET from the validators kept in ``http_cache``;
* the private-network guard (``flows/netguard.py``): hosts resolved once, non-public addresses
  refused unless the origin is a configured source, connections made to the checked addresses.

A URL that fails becomes one ``Reject`` (stage ``fetch``) and the batch goes
on. Feeds are parsed here only to find their entries' pages, which are
fetched in the same loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import email.utils
import random
import time
import urllib.robotparser
import zlib
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.fetch_policy import FetchPolicy
from flows.netguard import AddressGuard, AddressRefused, Resolver, guarded_transport
from flows.sources import RawRecord, WebTarget
from transforms.errors import BadInput, TransientError
from transforms.feeds import (
    ENTRY_TEXT_MIN_CHARS,
    Feed,
    decode_document,
    entry_html,
    entry_text,
    parse_feed,
    sniff_kind,
)
from transforms.ingest import ParsedArticle
from transforms.records import Reject
from transforms.urls import canonical_url, host_key, is_web_url, syndication_aliases
from warehouse import Warehouse, http_cache

ROBOTS_AGENT = "sitrep"  # the product token robots.txt rules are matched against
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429}) | frozenset(range(500, 600))


class FetchFailed(Exception):
    """One URL could not be fetched; ``reason`` is the line that goes to ``rejects``."""

    def __init__(
        self, reason: str, status: int | None = None, attempts: int = 0, retryable: bool = False
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.attempts = attempts
        self.retryable = retryable


@dataclass(frozen=True)
class Response:
    """What one fetch ended with: a body, a 304, or an error (``error`` set)."""

    url: str  # as requested
    final_url: str
    status: int | None
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 0
    error: str | None = None
    retry_after: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class FetchedBatch:
    """The fetch step's output: records for the parse step, and what to remember after loading."""

    items: list[RawRecord | Reject]
    fetches: list[dict[str, Any]] = field(default_factory=list)  # http_cache rows
    robots: list[dict[str, Any]] = field(default_factory=list)  # robots_cache rows
    requests: int = 0
    not_modified: int = 0
    failed: int = 0


# -- helpers ----------------------------------------------------------------------------


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` (delta-seconds or HTTP-date) → seconds to wait, or None when absent or unreadable."""
    if not value:
        return None
    v = value.strip()
    if v.isdigit():
        return float(v)
    try:
        when = email.utils.parsedate_to_datetime(v)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError | httpx.TimeoutException):
        names: dict[type[BaseException], str] = {
            httpx.ConnectTimeout: "connect timeout", httpx.ReadTimeout: "read timeout",
            httpx.WriteTimeout: "write timeout", httpx.PoolTimeout: "pool timeout",
        }  # fmt: skip
        return names.get(type(exc), "timeout")
    if isinstance(exc, httpx.ConnectError):
        return "connection failed"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "protocol error"
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class _Decoder:
    """Content-Encoding decoder that refuses to grow past ``limit`` bytes."""

    def __init__(self, encoding: str | None, limit: int) -> None:
        enc = (encoding or "identity").strip().lower()
        if enc in ("identity", ""):
            self._z = None
        elif enc in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self._z = zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib or gzip header; raw deflate below
        else:
            raise FetchFailed(f"unsupported Content-Encoding {enc!r}")
        self._deflate_raw = enc == "deflate"
        self._limit = limit
        self.size = 0
        self.parts: list[bytes] = []

    def _take(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self._limit:
            raise FetchFailed(f"body over the cap of {self._limit} bytes after decompression")
        self.parts.append(data)

    def feed(self, chunk: bytes) -> None:
        if self._z is None:
            self._take(chunk)
            return
        try:
            out = self._z.decompress(chunk, self._limit - self.size + 1)
        except zlib.error:
            if not (self._deflate_raw and self.size == 0):
                raise FetchFailed("corrupt compressed body") from None
            self._z, self._deflate_raw = zlib.decompressobj(-zlib.MAX_WBITS), False
            out = self._z.decompress(chunk, self._limit - self.size + 1)
        self._take(out)
        if self._z.unconsumed_tail:
            raise FetchFailed(f"body over the cap of {self._limit} bytes after decompression")

    def finish(self) -> bytes:
        if self._z is not None:
            self._take(self._z.flush())
        return b"".join(self.parts)


# -- the fetcher --------------------------------------------------------------------------


class Fetcher:
    """An httpx client with politeness, retries, caps and robots.txt; use ``async with``."""

    def __init__(
        self,
        policy: FetchPolicy,
        robots_cache: dict[str, tuple[int | None, str]] | None = None,
        rng: random.Random | None = None,
        guard: AddressGuard | None = None,
    ) -> None:
        self.policy = policy
        self.rng = rng or random.Random()
        self.guard = guard or AddressGuard(allow_private=policy.allow_private_networks)
        self.requests = 0
        self.robots_fetched: list[dict[str, Any]] = []
        self._sems: dict[str, asyncio.Semaphore] = {}
        self._all = asyncio.Semaphore(policy.max_connections)  # wait here, not in the pool's timeout
        self._host_locks: dict[str, asyncio.Lock] = {}
        self._next_start: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._client: httpx.AsyncClient | None = None
        for origin, (status, body) in (robots_cache or {}).items():
            self._install_robots(origin, status, body)

    async def __aenter__(self) -> Fetcher:
        p = self.policy
        limits = httpx.Limits(max_connections=p.max_connections, max_keepalive_connections=p.max_connections)
        self._client = httpx.AsyncClient(
            headers={"User-Agent": p.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout, pool=p.attempt_timeout),
            transport=guarded_transport(self.guard, limits),  # every connection passes the guard
            follow_redirects=False,
            trust_env=False,  # no proxy or netrc from the environment: fetches behave the same everywhere
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()

    # politeness

    @contextlib.asynccontextmanager
    async def _slot(self, url: str) -> AsyncIterator[None]:
        host = host_key(url)
        sem = self._sems.setdefault(host, asyncio.Semaphore(self.policy.per_host))
        lock = self._host_locks.setdefault(host, asyncio.Lock())
        async with sem, self._all:
            async with lock:  # request starts to one host are spaced by its delay
                loop = asyncio.get_running_loop()
                wait = self._next_start.get(host, 0.0) - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                self._next_start[host] = loop.time() + self._delays.get(host, self.policy.host_delay)
            yield

    # one request

    async def _get(self, url: str, headers: dict[str, str]) -> Response:
        """One attempt: status, headers and a capped body (none for redirects and errors)."""
        assert self._client is not None
        p = self.policy
        async with self._slot(url), asyncio.timeout(p.attempt_timeout):  # the deadline starts with the slot
            self.requests += 1
            try:
                return await self._stream(url, headers)
            except AddressRefused as e:  # the connect-time check, on the addresses actually dialled
                raise FetchFailed(e.reason) from None

    async def _stream(self, url: str, headers: dict[str, str]) -> Response:
        """Status, headers and a capped body of one GET (none for redirects and errors)."""
        assert self._client is not None
        p = self.policy
        async with self._client.stream("GET", url, headers=headers) as r:
            base = Response(
                url=url, final_url=url, status=r.status_code, content_type=r.headers.get("content-type"),
                etag=r.headers.get("etag"), last_modified=r.headers.get("last-modified"),
            )  # fmt: skip
            if r.status_code in REDIRECTS:
                return replace(base, final_url=r.headers.get("location", ""))
            if r.status_code in RETRY_STATUSES:
                return replace(base, retry_after=r.headers.get("retry-after"))
            if r.status_code == 304 or r.status_code >= 400:
                return base
            length = r.headers.get("content-length", "")
            if length.isdigit() and int(length) > p.max_bytes:
                raise FetchFailed(f"body over the cap of {p.max_bytes} bytes (Content-Length {length})")
            decoder = _Decoder(r.headers.get("content-encoding"), p.max_decoded_bytes)
            wire = 0
            async for chunk in r.aiter_raw():
                wire += len(chunk)
                if wire > p.max_bytes:
                    raise FetchFailed(f"body over the cap of {p.max_bytes} bytes")
                decoder.feed(chunk)
            return replace(base, body=decoder.finish())

    async def _get_with_retries(self, url: str, headers: dict[str, str]) -> tuple[Response, int]:
        """Retry connection errors, timeouts, 5xx and 429 along the backoff list."""
        p = self.policy
        attempt = 0
        while True:
            attempt += 1
            retry_after: float | None = None
            try:
                resp = await self._get(url, headers)
            except FetchFailed as e:
                e.attempts = attempt
                raise
            except (httpx.TransportError, TimeoutError) as e:
                problem, status = _describe(e), None
            else:
                if resp.status not in RETRY_STATUSES:
                    return resp, attempt
                problem, status = f"HTTP {resp.status}", resp.status
                retry_after = retry_after_seconds(resp.retry_after)
            if attempt >= p.attempts:
                raise FetchFailed(problem, status, attempt, retryable=True)
            wait = p.backoff[attempt - 1] * (1 + self.rng.uniform(-p.jitter, p.jitter))
            if retry_after is not None:
                if retry_after > p.max_retry_after:
                    raise FetchFailed(
                        f"{problem} with Retry-After {retry_after:g} s, over the {p.max_retry_after:g} s cap",
                        status, attempt, retryable=True,
                    )  # fmt: skip
                wait = max(wait, retry_after)
            await asyncio.sleep(wait)

    # robots.txt

    def _robots_parser(self, status: int | None, body: str) -> urllib.robotparser.RobotFileParser | str:
        """A parser for a fetched robots.txt, or the reason every URL of the origin is refused."""
        rp = urllib.robotparser.RobotFileParser()
        if status is not None and 500 <= status < 600:
            return f"robots.txt unavailable (HTTP {status})"
        # 4xx (or unreachable): no rules, RFC 9309 §2.3.1.3; an empty file allows everything.
        ok = status is not None and 200 <= status < 300
        rp.parse(body.splitlines() if ok else [])
        return rp

    def _install_robots(self, origin: str, status: int | None, body: str) -> None:
        parsed = self._robots_parser(status, body)
        self._robots[origin] = parsed
        if isinstance(parsed, urllib.robotparser.RobotFileParser):
            delay = parsed.crawl_delay(ROBOTS_AGENT)
            if delay:
                p = self.policy
                self._delays[origin] = min(max(float(delay), p.host_delay), p.max_crawl_delay)

    async def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | str:
        origin = host_key(url)
        async with self._robots_locks.setdefault(origin, asyncio.Lock()):
            if origin not in self._robots:
                status: int | None
                try:
                    resp, _ = await self._follow(origin + "/robots.txt", {}, robots=False, retries=False)
                    status, body = resp.status, decode_document(resp.body, resp.content_type)[0][:500_000]
                except FetchFailed as e:
                    status, body = e.status, ""
                if status is not None and not 500 <= status < 600:  # remember answers, not outages
                    now = dt.datetime.now(dt.UTC)
                    self.robots_fetched.append(
                        {"origin": origin, "status": status, "body": body, "fetched_at": now}
                    )
                self._install_robots(origin, status, body)
            return self._robots[origin]

    async def _check_robots(self, url: str) -> None:
        rules = await self._robots_for(url)
        if isinstance(rules, str):
            raise FetchFailed(rules)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchFailed("disallowed by robots.txt")

    # one URL, redirects included

    async def _follow(
        self, url: str, headers: dict[str, str], robots: bool = True, retries: bool = True
    ) -> tuple[Response, int]:
        attempts = 0
        seen = {canonical_url(url)}
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            try:  # before robots.txt or any request: nothing connects to a refused host
                await self.guard.check(current)
            except AddressRefused as e:
                raise FetchFailed(e.reason, None, attempts) from None
            if robots and self.policy.robots:
                try:
                    await self._check_robots(current)
                except FetchFailed as e:
                    e.attempts = attempts
                    raise
            try:
                if retries:
                    resp, n = await self._get_with_retries(current, headers)
                else:
                    try:
                        resp, n = await self._get(current, headers), 1
                    except (httpx.TransportError, TimeoutError) as e:
                        raise FetchFailed(_describe(e), None, 1) from None
            except FetchFailed as e:
                e.attempts += attempts
                raise
            attempts += n
            if resp.status not in REDIRECTS:
                return replace(resp, url=url, final_url=current), attempts
            if not resp.final_url:
                raise FetchFailed(f"HTTP {resp.status} redirect without Location", resp.status, attempts)
            target = urljoin(current, resp.final_url)
            scheme = urlsplit(target).scheme.lower()
            if scheme not in ("http", "https"):
                raise FetchFailed(
                    f"redirect to a non-http(s) URL ({scheme or 'no'} scheme)", resp.status, attempts
                )
            if canonical_url(target) in seen:
                raise FetchFailed(f"redirect loop (back to {target})", resp.status, attempts)
            seen.add(canonical_url(target))
            current = target
            headers = {}  # validators belong to the first URL
        raise FetchFailed(f"more than {self.policy.max_redirects} redirects", None, attempts)

    async def fetch(self, url: str, validators: tuple[str | None, str | None] | None = None) -> Response:
        """GET ``url`` in canonical form (conditionally when ``validators`` are known).

        Never raises on a per-URL failure: the ``Response`` then carries ``error``.
        """
        if not is_web_url(url):
            return Response(url, url, None, error="not an http(s) URL")
        headers = {}
        etag, modified = validators or (None, None)
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        try:  # tracking parameters and fragments are never sent
            resp, attempts = await self._follow(canonical_url(url), headers)
        except FetchFailed as e:
            return Response(url, url, e.status, attempts=e.attempts, error=e.reason)
        resp = replace(resp, url=url)
        if resp.status is not None and resp.status >= 400:
            return replace(resp, attempts=attempts, error=f"HTTP {resp.status}")
        if resp.not_modified:  # keep the validators we sent when the 304 repeats none
            resp = replace(resp, etag=resp.etag or etag, last_modified=resp.last_modified or modified)
        return replace(resp, attempts=attempts)


# -- a batch --------------------------------------------------------------------------------

ValidatorLookup = Callable[[list[str]], dict[str, tuple[str | None, str | None]]]


def _log_row(
    source: str, kind: str, resp: Response, items: int | None = None, keep: bool = True
) -> dict[str, Any]:
    return {
        "url": resp.url, "source": source, "kind": kind, "final_url": resp.final_url,
        "etag": resp.etag if keep and resp.ok else None,
        "last_modified": resp.last_modified if keep and resp.ok else None,
        "status": resp.status, "fetched_at": dt.datetime.now(dt.UTC), "attempts": resp.attempts,
        "error": resp.error, "items": items,
    }  # fmt: skip


def _reject(source: str, resp: Response) -> Reject:
    """One line for ``rejects``: the error, then how many requests it took (``HTTP 503 (3 attempts)``)."""
    n = resp.attempts
    tries = f" ({n} attempt{'s' if n != 1 else ''})" if n else ""
    return Reject(source, resp.url, "fetch", f"{resp.error}{tries}")


@dataclass
class _Page:
    source: str
    url: str
    hints: dict[str, str]
    slot: int  # position in the output
    feed: str | None = None  # the feed URL that listed it
    entry: str | None = None  # the feed entry's own content or summary (HTML), for when the page fails


async def _fetch_batch(
    items: Sequence[RawRecord | WebTarget | Reject],
    policy: FetchPolicy,
    validators_for: ValidatorLookup,
    robots_cache: dict[str, tuple[int | None, str]],
    resolver: Resolver | None = None,
) -> FetchedBatch:
    out: list[list[RawRecord | Reject]] = [[] for _ in items]
    batch = FetchedBatch(items=[])
    pages: list[_Page] = []
    # feed key → (target, response, slot); target and response are None for a local feed file
    feeds: dict[str, tuple[WebTarget | None, Response | None, int]] = {}
    direct: set[str] = set()  # canonical URLs of pages the sources name themselves
    # the URLs the user configured are trusted for their exact origin, private or not
    trusted = [it.url for it in items if isinstance(it, WebTarget) and is_web_url(it.url)]
    guard = AddressGuard(policy.allow_private_networks, trusted, resolver)
    async with Fetcher(policy, robots_cache, guard=guard) as fx:

        def expand(
            source: str, feed_key: str, feed: Feed, limit: int | None, base_hints: dict[str, str], slot: int
        ) -> None:
            entries = feed.entries[:limit] if limit is not None else feed.entries
            for n, entry in enumerate(entries, 1):
                if not entry.link or not is_web_url(urljoin(feed_key, entry.link)):
                    out[slot].append(Reject(source, f"{feed_key}#entry={n}", "parse",
                                            f"feed entry without an http(s) link ({entry.link or 'none'})",
                                            entry.title))  # fmt: skip
                    continue
                hints = dict(base_hints)
                hints.update({k: v for k, v in (("title", entry.title), ("published", entry.published),
                                                 ("author", entry.author)) if v})  # fmt: skip
                if feed.title:
                    hints.setdefault("source", feed.title)
                link = canonical_url(urljoin(feed_key, entry.link))
                pages.append(_Page(source, link, hints, slot, feed_key, entry_html(entry)))

        # 1. what the sources name directly: pages, feeds, either
        targets = [(i, it) for i, it in enumerate(items) if isinstance(it, WebTarget)]
        known = validators_for([t.url for _, t in targets])
        responses = await asyncio.gather(*(fx.fetch(t.url, known.get(t.url)) for _, t in targets))
        for (i, t), resp in zip(targets, responses, strict=True):
            base = {"language": t.language} if t.language else {}
            if not resp.ok:
                out[i].append(_reject(t.source, resp))
                batch.fetches.append(_log_row(t.source, t.kind, resp))
                continue
            if resp.not_modified:
                batch.not_modified += 1
                batch.fetches.append(_log_row(t.source, t.kind, resp))
                continue
            kind = t.kind if t.kind != "auto" else sniff_kind(resp.body, resp.content_type)
            if kind == "feed":
                try:
                    feed = parse_feed(resp.body, resp.final_url, resp.content_type)
                except BadInput as e:
                    out[i].append(
                        Reject(t.source, t.url, "parse", e.reason, str(e.value or "")[:200] or None)
                    )
                    batch.fetches.append(_log_row(t.source, "feed", resp, keep=False))
                    continue
                feeds[t.url] = (t, resp, i)
                limit = t.max_items if t.max_items is not None else policy.max_feed_items
                expand(t.source, resp.final_url, feed, limit, {**base, "feed": t.url}, i)
            elif kind in ("html", "page"):
                direct.add(canonical_url(resp.final_url))
                out[i].append(_page_record(t.source, resp, base))
                batch.fetches.append(_log_row(t.source, "page", resp))
            else:
                out[i].append(
                    Reject(
                        t.source,
                        t.url,
                        "fetch",
                        f"neither a page nor a feed ({resp.content_type or 'no Content-Type'})",
                    )
                )
                batch.fetches.append(_log_row(t.source, t.kind, resp, keep=False))
        # local feed files
        for i, it in enumerate(items):
            if isinstance(it, RawRecord) and it.kind == "feed":
                try:
                    feed = parse_feed(it.payload.encode("utf-8"), None, "application/xml; charset=utf-8")
                except BadInput as e:
                    out[i].append(Reject(it.source, it.location, "parse", e.reason, it.payload[:200]))
                    continue
                feeds[it.url] = (None, None, i)
                cap = dict(it.hints).get("max_items")  # the source's max_items, else the policy's
                expand(
                    it.source, it.url, feed, int(cap) if cap else policy.max_feed_items, {"feed": it.url}, i
                )
            elif not isinstance(it, WebTarget):
                out[i].append(it)

        # 2. the pages the feeds link to, once each per batch
        done = set(direct)
        todo: list[_Page] = []
        for p in pages:
            key = canonical_url(p.url)
            if key in done:
                continue
            done.add(key)
            todo.append(p)
        known = validators_for([p.url for p in todo])
        responses = await asyncio.gather(*(fx.fetch(p.url, known.get(p.url)) for p in todo))
        failed_feeds: set[str] = set()
        per_feed: dict[str, int] = {}
        for p, resp in zip(todo, responses, strict=True):
            batch.fetches.append(_log_row(p.source, "page", resp))
            if p.feed:
                per_feed[p.feed] = per_feed.get(p.feed, 0) + 1
            if not resp.ok:
                out[p.slot].append(failed := _reject(p.source, resp))
                out[p.slot].extend(_entry_instead(p, failed.reason))
                if p.feed:
                    failed_feeds.add(p.feed)
            elif resp.not_modified:
                batch.not_modified += 1
            elif sniff_kind(resp.body, resp.content_type) != "html":
                reason = f"not an HTML page ({resp.content_type or 'no Content-Type'})"
                out[p.slot].append(Reject(p.source, p.url, "fetch", reason))
                out[p.slot].extend(_entry_instead(p, reason))
            else:
                out[p.slot].append(_page_record(p.source, resp, p.hints))
        # A feed's validators are kept only when all its pages came: else the next run reads it again.
        for ft, fresp, _slot in feeds.values():
            if ft is not None and fresp is not None:
                fkey = fresp.final_url
                batch.fetches.append(
                    _log_row(
                        ft.source, "feed", fresp, items=per_feed.get(fkey, 0), keep=fkey not in failed_feeds
                    )
                )
        batch.requests = fx.requests
        batch.robots = fx.robots_fetched
    batch.failed = sum(1 for f in batch.fetches if f["error"])
    batch.items = [r for slot in out for r in slot]
    return batch


def _entry_instead(page: _Page, reason: str) -> list[RawRecord]:
    """The feed entry's own text as a record for a page that did not come, when it is substantial.

    The page's reject stays: the article then says where its text came from (``extra.text_from``).
    """
    if not page.entry or len(entry_text(page.entry)) < ENTRY_TEXT_MIN_CHARS:
        return []
    hints = tuple(sorted({**page.hints, "page_error": reason}.items()))
    return [RawRecord(page.source, page.url, "entry", page.url, page.entry, hints)]


def _page_record(source: str, resp: Response, hints: dict[str, str]) -> RawRecord:
    html, _codec = decode_document(resp.body, resp.content_type)
    location = None if source == resp.url else resp.final_url
    return RawRecord(source, location, "page", resp.final_url, html, tuple(sorted(hints.items())))


def needs_fetch(item: RawRecord | WebTarget | Reject) -> bool:
    """A URL, or a local feed file whose entries link pages: something for the fetch step."""
    return isinstance(item, WebTarget) or (isinstance(item, RawRecord) and item.kind == "feed")


def fetch_batch(
    items: Sequence[RawRecord | WebTarget | Reject],
    policy: FetchPolicy,
    validators_for: ValidatorLookup = lambda urls: {},
    robots_cache: dict[str, tuple[int | None, str]] | None = None,
    resolver: Resolver | None = None,
) -> FetchedBatch:
    """Resolve the web items of one batch: ``WebTarget``s and local ``feed`` records → ``page``
    records (or rejects); everything else passes through in order. Runs its own event loop.

    ``resolver`` (host → addresses) replaces the system's name resolution, for tests.
    """
    if not any(map(needs_fetch, items)):
        return FetchedBatch(items=[it for it in items if not isinstance(it, WebTarget)])
    return asyncio.run(_fetch_batch(items, policy, validators_for, robots_cache or {}, resolver))


# -- Prefect tasks (the flow calls these once per batch) ---------------------------------------


def _whole_batch_transient(task: Any, task_run: Any, state: Any) -> bool:
    """Retry the fetch task only for trouble that is not one URL's: per-URL failures are rejects."""
    try:
        state.result()
    except (TransientError, OSError):
        return True
    except BaseException:
        return False
    return False


@task(name="fetch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 10],
      retry_condition_fn=_whole_batch_transient)  # fmt: skip
def fetch_task(
    wh: Warehouse, items: list[RawRecord | WebTarget | Reject], policy: FetchPolicy
) -> FetchedBatch:
    """The URLs and feeds of one batch → page records and rejects (validators read from ``wh``)."""
    cached = http_cache.robots(wh.con, dt.timedelta(seconds=policy.robots_max_age)) if policy.robots else {}
    return fetch_batch(items, policy, lambda urls: http_cache.validators(wh.con, urls), cached)


def from_web(article: ParsedArticle) -> bool:
    """Fetched over HTTP (the dedupe step merges only these)."""
    return bool(article.extra.get("fetched_url"))


@task(name="dedupe", cache_policy=NO_CACHE)
def dedupe_task(
    wh: Warehouse, articles: list[ParsedArticle], origins: list[str]
) -> tuple[list[ParsedArticle], list[str], list[tuple[str, str, str]]]:
    """Drop a fetched page whose text another article (stored or earlier in the batch) already has.

    Only web articles (``extra.fetched_url``) are merged: records from files keep their own URLs.
    """
    web = [i for i, a in enumerate(articles) if from_web(a)]
    if not web:
        return articles, origins, []
    stored = {sha: aid for sha, (aid, _url) in http_cache.articles_by_hash(
        wh.con, [articles[i].content_sha256 for i in web]).items()}  # fmt: skip
    rows = [(articles[i].article_id, articles[i].url, articles[i].content_sha256, articles[i].extra["fetched_url"])
            for i in web]  # fmt: skip
    keep, aliases = syndication_aliases(rows, stored)
    dropped = set(web) - {web[k] for k in keep}
    kept = [i for i in range(len(articles)) if i not in dropped]
    return [articles[i] for i in kept], [origins[i] for i in kept], aliases


@task(name="remember_fetches", cache_policy=NO_CACHE)
def remember_task(wh: Warehouse, fetched: FetchedBatch, aliases: list[tuple[str, str, str]]) -> None:
    """After the batch is loaded: keep validators, robots.txt and alternate URLs for the next run."""
    http_cache.record_fetches(wh.con, fetched.fetches)
    http_cache.record_robots(wh.con, fetched.robots)
    http_cache.record_article_urls(wh.con, aliases)
