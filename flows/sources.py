"""Expand SOURCE arguments and read them as raw records, lazily.

Files are read as bytes and decoded here so that a bad byte costs one line,
not the file. Everything that cannot be read becomes a ``Reject``. A URL is not
fetched here: it becomes a ``WebTarget`` for the fetch step (``flows/fetch.py``),
and a local feed file a ``feed`` record whose entries that step fetches.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from flows.config import SourceConfig
from transforms.feeds import FEED_SUFFIXES, decode_document
from transforms.records import Reject
from warehouse.digests import SourceFile

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


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A local file left unread: every one of its ``records`` is loaded as it is (see FileLedger)."""

    source: str
    name: str
    records: int


@dataclass
class FileLedger:
    """Which local files a run may leave unread, and which files it read in full.

    ``skippable`` holds the files an earlier run read in full with every record loaded
    (``warehouse.digests.skippable_files``); such a file is skipped while its size and
    modification time are unchanged. Two rules keep the outcome equal to reading it (an article in
    two files ends with the text of the later one): nothing is skipped once this run has given a
    stored article another text (``allow``), and a file is skipped only while no record of the
    current batch has been read before it (``pulled``; ``new_chunk`` starts a batch), since that
    record could be an article of the file.
    """

    skippable: Mapping[str, SourceFile] = field(default_factory=dict)
    allow: bool = True
    pulled: int = 0
    read: list[tuple[str, SourceFile]] = field(default_factory=list)  # (name, file) read in full

    def new_chunk(self) -> None:
        self.pulled = 0

    def skip(self, source: str, path: Path, uri: str, st: os.stat_result) -> SkippedFile | None:
        if not self.allow or self.pulled:
            return None
        known = self.skippable.get(uri)
        if known is None or (known.size, known.mtime_ns) != (st.st_size, st.st_mtime_ns):
            return None
        return SkippedFile(source, str(path), known.records)


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
    source: str,
    path: Path,
    kind: str | None = None,
    max_items: int | None = None,
    ledger: FileLedger | None = None,
) -> Iterator[RawRecord | Reject | SkippedFile]:
    """The records of one file: one per JSON line, or one for a text, HTML or feed file.

    A feed file's record carries ``max_items`` (the entries to follow) in its hints. With a
    ``ledger``, a file it lets skip is one ``SkippedFile`` instead, and a file whose every record
    carries a digest is noted in ``ledger.read`` once read to its end.
    """
    if ledger is None:
        yield from _read_file(source, path, kind, max_items)
        return
    try:
        st = path.stat()
        uri = path.resolve().as_uri()
    except OSError:
        yield from _read_file(source, path, kind, max_items)  # which says why, as a reject
        return
    skipped = ledger.skip(source, path, uri, st)
    if skipped is not None:
        yield skipped
        return
    n = 0
    whole = True
    for item in _read_file(source, path, kind, max_items):
        ledger.pulled += 1
        n += 1
        whole = whole and isinstance(item, RawRecord) and bool(item.digest)
        yield item
    if n and whole:
        ledger.read.append((str(path), SourceFile(uri, st.st_size, st.st_mtime_ns, n)))


def _read_file(
    source: str, path: Path, kind: str | None = None, max_items: int | None = None
) -> Iterator[RawRecord | Reject]:
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


def iter_records(
    sources: Sequence[str | SourceConfig], ledger: FileLedger | None = None
) -> Iterator[RawRecord | WebTarget | Reject | SkippedFile]:
    """Every raw record of every source, in order, with rejects and URLs to fetch in between.

    With a ``ledger``, files it lets skip come as one ``SkippedFile`` each (see ``FileLedger``)."""
    for item in expand_sources(sources):
        if isinstance(item, Reject | WebTarget):
            if ledger is not None:
                ledger.pulled += 1
            yield item
        else:
            yield from read_file(*item, ledger=ledger)
