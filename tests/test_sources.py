"""Guards source expansion and file reading: every unreadable input becomes a named reject."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.sources import RawRecord, iter_records
from transforms.records import Reject


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_jsonl_lines_are_records_and_bad_bytes_reject_one_line(tmp_path: Path) -> None:
    f = _write(tmp_path / "in.jsonl", b'{"a": 1}\n\n{"caf\xe9": 2}\n{"b": 3}\n')
    got = list(iter_records([str(f)]))
    assert [type(x).__name__ for x in got] == ["RawRecord", "Reject", "RawRecord"]
    bad = got[1]
    assert isinstance(bad, Reject) and bad.location == "line 3" and "not UTF-8" in bad.reason
    assert bad.message().startswith(f"{f}:line 3: not UTF-8")
    assert isinstance(got[2], RawRecord) and got[2].url.endswith("#line=4")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        pytest.param("empty.txt", b"", "empty file", id="empty"),
        pytest.param("blank.txt", b"  \n\t\n", "empty file", id="whitespace"),
        pytest.param("latin1.txt", b"Title\nCaf\xe9 body", "not UTF-8", id="not-utf8"),
    ],
)
def test_unreadable_files_are_rejected(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    f = _write(tmp_path / name, data)
    (got,) = list(iter_records([str(f)]))
    assert isinstance(got, Reject) and reason in got.reason and got.source == str(f)


@pytest.mark.parametrize(
    ("arg", "reason"),
    [
        pytest.param("missing.jsonl", "no such file", id="missing"),
        pytest.param("nothing-*.jsonl", "glob matches no file", id="empty-glob"),
        pytest.param("emptydir", "directory holds no", id="empty-dir"),
    ],
)
def test_sources_that_name_nothing_are_rejected(tmp_path: Path, arg: str, reason: str) -> None:
    (tmp_path / "emptydir").mkdir()
    (got,) = list(iter_records([str(tmp_path / arg)]))
    assert isinstance(got, Reject) and reason in got.reason


def test_directories_recurse_and_globs_expand_in_order(tmp_path: Path) -> None:
    _write(tmp_path / "d" / "b.txt", b"T\nbody")
    _write(tmp_path / "d" / "sub" / "a.html", b"<p>x</p>")
    _write(tmp_path / "d" / "notes.md", b"ignored: not an article format")
    dir_recs = [r for r in iter_records([str(tmp_path / "d")]) if isinstance(r, RawRecord)]
    assert [Path(r.source).name for r in dir_recs] == ["b.txt", "a.html"]
    assert [r.kind for r in dir_recs] == ["txt", "html"]
    glob_recs = list(iter_records([str(tmp_path / "d" / "**" / "*.html")]))
    assert [Path(r.source).name for r in glob_recs] == ["a.html"]
