"""Expand SOURCE arguments and read them as raw records, lazily.

Files are read as bytes and decoded here so that a bad byte costs one line,
not the file. Everything that cannot be read becomes a ``Reject``. A URL is not
fetched here: it becomes a ``WebTarget`` for the fetch step (``flows/fetch.py``),
and a local feed file a ``feed`` record whose entries that step fetches.
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from flows.config import SourceConfig
from transforms.feeds import FEED_SUFFIXES, decode_document
from transforms.records import Reject

SUFFIX_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    **dict.fromkeys(FEED_SUFFIXES, "feed"),
}
EXCERPT = 200
# One article is a few KB; a record this large is a broken export, and reading it would cost the memory.
MAX_RECORD_BYTES = 16 * 1024 * 1024
KINDS = frozenset({"auto", "file", "page", "feed"})


@dataclass(frozen=True, slots=True)
class RawRecord:
    source: str  # as the user named it
    location: str | None  # "line 3" inside a JSON Lines file
    # jsonl | txt | html | feed (a local feed file) | page (a fetched HTML page) | entry (a feed
    # entry's own text, standing in for a page that could not be fetched)
    kind: str
    url: str  # file:// URI of the input, used when the record names no URL; the URL of a fetched page
    payload: str
    # What the feed entry that linked a page said about it (published, title, feed...).
    hints: tuple[tuple[str, str], ...] = ()
    # BLAKE2b-128 of (kind, url, raw bytes) for records read from local files, b"" otherwise: a
    # re-run skips a batch whose records were all loaded as they are (``warehouse.digests``).
    digest: bytes = b""


def record_digest(kind: str, url: str, raw: bytes) -> bytes:
    """What identifies a raw record's parse: its kind, its fallback URL and its bytes."""
    h = hashlib.blake2b(raw, digest_size=16, person=kind.encode()[:16])
    h.update(url.encode("utf-8", "surrogatepass"))
    return h.digest()


@dataclass(frozen=True, slots=True)
class WebTarget:
    """A URL to fetch: an article page, a feed, or either (``auto``: the response decides)."""

    source: str  # the source's name, or the URL itself
    url: str
    kind: str = "auto"  # auto | page | feed
    max_items: int | None = None  # feed entries to follow, newest first as the feed lists them
    language: str | None = None


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def _config(src: str | SourceConfig) -> SourceConfig:
    return src if isinstance(src, SourceConfig) else SourceConfig(location=src)


def _sniff(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(512).lstrip()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<"):
        return "html"
    return "txt"


def expand_sources(
    sources: Sequence[str | SourceConfig],
) -> Iterator[tuple[str, Path, str | None, int | None] | WebTarget | Reject]:
    """Each SOURCE (file, directory, glob, URL) → (source, file, kind or None, max_items) or web targets, in order.

    ``max_items`` is the source's cap on feed entries followed; it matters for local feed files.
    """
    for item in sources:
        cfg = _config(item)
        src = cfg.location
        p = Path(src)
        if cfg.kind not in KINDS:
            yield Reject(src, None, "read", f"unknown source kind {cfg.kind!r} (auto, file, page or feed)")
        elif is_url(src) and cfg.kind != "file":
            yield WebTarget(cfg.name or src, src, cfg.kind, cfg.max_items, cfg.language)
        elif cfg.kind in ("feed", "page") and p.is_file():
            yield src, p, "feed" if cfg.kind == "feed" else "html", cfg.max_items
        elif p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIX_KINDS)
            if not files:
                yield Reject(src, None, "read", "directory holds no .jsonl, .txt, .html or feed files")
            for f in files:
                yield src, f, None, cfg.max_items
        elif p.is_file():
            yield src, p, None, cfg.max_items
        elif glob.has_magic(src):
            matches = sorted(Path(m) for m in glob.glob(src, recursive=True) if Path(m).is_file())
            if not matches:
                yield Reject(src, None, "read", "glob matches no file")
            for f in matches:
                yield src, f, None, cfg.max_items
        else:
            yield Reject(src, None, "read", "no such file or directory")


def _decode(data: bytes) -> str:
    return data.decode("utf-8-sig") if data.startswith(b"\xef\xbb\xbf") else data.decode("utf-8")


def _has_utf16_bom(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) in (b"\xff\xfe", b"\xfe\xff")


def _is_binary(path: Path) -> bool:
    with path.open("rb") as fh:
        return b"\x00" in fh.read(8192)


def _lines(fh: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; bytes is None for a line over ``MAX_RECORD_BYTES`` (skipped unread)."""
    n = 0
    while True:
        raw = fh.readline(MAX_RECORD_BYTES + 1)
        if not raw:
            return
        n += 1
        if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
            while (rest := fh.readline(1024 * 1024)) and not rest.endswith(b"\n"):
                pass
            yield n, None
            continue
        yield n, raw


def read_file(
    source: str, path: Path, kind: str | None = None, max_items: int | None = None
) -> Iterator[RawRecord | Reject]:
    """The records of one file: one per JSON line, or one for a text, HTML or feed file.

    A feed file's record carries ``max_items`` (the entries to follow) in its hints.
    """
    name = str(path)
    kind = kind or SUFFIX_KINDS.get(path.suffix.lower())
    try:
        if _has_utf16_bom(path):
            yield Reject(name, None, "read", "UTF-16 text; convert it to UTF-8")
            return
        if _is_binary(path):
            yield Reject(name, None, "read", "binary file (NUL bytes), not text")
            return
        kind = kind or _sniff(path)
        uri = path.resolve().as_uri()
        if kind == "jsonl":
            with path.open("rb") as fh:
                for n, raw in _lines(fh):
                    if raw is None:
                        yield Reject(
                            name, f"line {n}", "read", f"record larger than {MAX_RECORD_BYTES >> 20} MiB"
                        )
                        continue
                    if not raw.strip():
                        continue
                    try:
                        line = _decode(raw) if n == 1 else raw.decode("utf-8")
                    except UnicodeDecodeError as e:
                        yield Reject(
                            name,
                            f"line {n}",
                            "read",
                            f"not UTF-8 (byte {e.start})",
                            raw[:EXCERPT].decode("utf-8", "replace"),
                        )
                        continue
                    url = f"{uri}#line={n}"
                    yield RawRecord(
                        name, f"line {n}", "jsonl", url, line, digest=record_digest("jsonl", url, raw)
                    )
            return
        size = path.stat().st_size
        if size > MAX_RECORD_BYTES:
            yield Reject(name, None, "read", f"file larger than {MAX_RECORD_BYTES >> 20} MiB ({size} bytes)")
            return
        data = path.read_bytes()
    except OSError as e:
        yield Reject(name, None, "read", f"cannot read file: {e.strerror or e}")
        return
    if not data.strip():
        yield Reject(name, None, "read", "empty file")
        return
    if kind == "feed":  # feeds declare their own charset (BOM, <?xml encoding?>)
        hints = (("max_items", str(max_items)),) if max_items is not None else ()
        yield RawRecord(name, None, kind, uri, decode_document(data)[0], hints)
        return
    try:
        text = _decode(data)
    except UnicodeDecodeError as e:
        yield Reject(
            name, None, "read", f"not UTF-8 (byte {e.start})", data[:EXCERPT].decode("utf-8", "replace")
        )
        return
    yield RawRecord(name, None, kind, uri, text, digest=record_digest(kind, uri, data))


def iter_records(sources: Sequence[str | SourceConfig]) -> Iterator[RawRecord | WebTarget | Reject]:
    """Every raw record of every source, in order, with rejects and URLs to fetch in between."""
    for item in expand_sources(sources):
        if isinstance(item, Reject | WebTarget):
            yield item
        else:
            yield from read_file(*item)
