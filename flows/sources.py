"""Expand SOURCE arguments and read them as raw records, lazily.

Files are read as bytes and decoded here so that a bad byte costs one line,
not the file. Everything that cannot be read becomes a ``Reject``.
"""

from __future__ import annotations

import glob
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from transforms.records import Reject

SUFFIX_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
}
EXCERPT = 200


@dataclass(frozen=True, slots=True)
class RawRecord:
    source: str  # as the user named it
    location: str | None  # "line 3" inside a JSON Lines file
    kind: str  # jsonl | txt | html
    url: str  # file:// URI of the input, used when the record names no URL
    payload: str


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def _sniff(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(512).lstrip()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<"):
        return "html"
    return "txt"


def expand_sources(sources: list[str]) -> Iterator[tuple[str, Path] | Reject]:
    """Each SOURCE (file, directory, glob) → (source, file) pairs in a stable order."""
    for src in sources:
        p = Path(src)
        if is_url(src):
            yield Reject(src, None, "read", "http(s) sources are not supported by this version")
        elif p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIX_KINDS)
            if not files:
                yield Reject(src, None, "read", "directory holds no .jsonl, .txt or .html files")
            for f in files:
                yield src, f
        elif p.is_file():
            yield src, p
        elif glob.has_magic(src):
            matches = sorted(Path(m) for m in glob.glob(src, recursive=True) if Path(m).is_file())
            if not matches:
                yield Reject(src, None, "read", "glob matches no file")
            for f in matches:
                yield src, f
        else:
            yield Reject(src, None, "read", "no such file or directory")


def _decode(data: bytes) -> str:
    return data.decode("utf-8-sig") if data.startswith(b"\xef\xbb\xbf") else data.decode("utf-8")


def read_file(source: str, path: Path) -> Iterator[RawRecord | Reject]:
    """The records of one file: one per JSON line, or one for a text/HTML file."""
    name = str(path)
    kind = SUFFIX_KINDS.get(path.suffix.lower())
    try:
        kind = kind or _sniff(path)
        uri = path.resolve().as_uri()
        if kind == "jsonl":
            with path.open("rb") as fh:
                for n, raw in enumerate(fh, 1):
                    if not raw.strip():
                        continue
                    try:
                        line = _decode(raw) if n == 1 else raw.decode("utf-8")
                    except UnicodeDecodeError as e:
                        yield Reject(name, f"line {n}", "read", f"not UTF-8 (byte {e.start})",
                                     raw[:EXCERPT].decode("utf-8", "replace"))
                        continue
                    yield RawRecord(name, f"line {n}", "jsonl", f"{uri}#line={n}", line)
            return
        data = path.read_bytes()
    except OSError as e:
        yield Reject(name, None, "read", f"cannot read file: {e.strerror or e}")
        return
    if not data.strip():
        yield Reject(name, None, "read", "empty file")
        return
    try:
        text = _decode(data)
    except UnicodeDecodeError as e:
        yield Reject(name, None, "read", f"not UTF-8 (byte {e.start})", data[:EXCERPT].decode("utf-8", "replace"))
        return
    yield RawRecord(name, None, kind, uri, text)


def iter_records(sources: list[str]) -> Iterator[RawRecord | Reject]:
    """Every raw record of every source, in order, with rejects in between."""
    for item in expand_sources(sources):
        if isinstance(item, Reject):
            yield item
        else:
            yield from read_file(*item)
