"""Guards fault handling of real `sitrep run` processes: a full disk (a file-size limit) and a
read-only warehouse end the run with a one-line error, and leave the warehouse as it was."""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import signal
import string
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
TABLES = ("articles", "statements", "incidents", "refugee_counts")


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}
    finally:
        con.close()


def run(
    args: list[str], api: str, home: Path, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess:
    env = dict(os.environ, PREFECT_API_URL=api, PREFECT_HOME=str(home), PREFECT_LOGGING_LEVEL="ERROR",
               SITREP_LOCK_WAIT_SECONDS="5")  # fmt: skip
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300, preexec_fn=preexec)  # fmt: skip


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder other users can enter (pytest's own tmp folders are private to root)."""
    d = Path(tempfile.mkdtemp(prefix="sitrep-faults-"))
    d.chmod(0o755)
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture(scope="module")
def seed_run(prefect_server, build_once) -> Path:
    """A run over the seed article only (the flow `sitrep run` calls, in this process), made once per test run."""
    from flows.pipeline import sitrep_pipeline

    def build(d: Path) -> None:
        seed = ROOT / "examples" / "seed-iran-pakistan-afghanistan.txt"
        sitrep_pipeline(sources=[str(seed)], db=str(d / "w.duckdb"), out=str(d / "pq"))

    return build_once("faults-seed", build)


@pytest.fixture
def loaded(seed_run: Path, shared_dir: Path) -> tuple[Path, Path, dict[str, int]]:
    """A warehouse holding the seed article only (a copy of the seed run's), and its counts."""
    db, out = shared_dir / "w.duckdb", shared_dir / "pq"
    shutil.copy2(seed_run / "w.duckdb", db)
    shutil.copytree(seed_run / "pq", out)
    return db, out, counts(db)


def test_full_disk_fails_cleanly_and_keeps_the_warehouse(
    prefect_api: str, prefect_server, loaded, shared_dir: Path
) -> None:
    from flows.pipeline import sitrep_pipeline

    db, out, before = loaded
    limit = db.stat().st_size  # any file may grow to the warehouse's present size, no further

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    # One batch of 300 articles carrying ~5 MB of text, more than the warehouse's size. The padding is
    # random lowercase tokens: unique, so it does not compress away, and cheap for the extractors
    # (article words cost them twice as much per byte).
    big = shared_dir / "big.jsonl"
    lines = (ROOT / "examples" / "articles.jsonl").read_text().splitlines()
    rng = random.Random(7)
    with big.open("w") as fh:
        for i in range(100):
            for line in lines:
                rec = json.loads(line)
                rec["url"] += f"?copy={i}"
                rec["text"] += "\n\n" + " ".join(
                    "".join(rng.choices(string.ascii_lowercase, k=60)) for _ in range(270)
                )
                fh.write(json.dumps(rec) + "\n")
    assert big.stat().st_size > limit
    res = run(["run", str(big), "--db", str(db), "--out", str(out), "--batch-size", "300"], prefect_api,
              shared_dir / "home", small_disk)  # fmt: skip
    assert res.returncode != 0
    assert counts(db) == before  # the failed batch left nothing behind
    # the next run completes (the flow `sitrep run` calls, in this process: no second start-up to pay)
    sitrep_pipeline(sources=[str(big)], db=str(db), out=str(out))
    assert counts(db)["articles"] == before["articles"] + 300


def _can_mount_read_only() -> bool:
    probe = Path(tempfile.mkdtemp(prefix="sitrep-ro-"))
    try:
        res = subprocess.run(["unshare", "-m", "sh", "-c", f"mount --bind {probe} {probe} && "
                              f"mount -o remount,ro,bind {probe} {probe} && ! touch {probe}/x"],
                             capture_output=True, timeout=30)  # fmt: skip
        return res.returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False
    finally:
        shutil.rmtree(probe, ignore_errors=True)


def test_read_only_warehouse_is_a_one_line_error(
    prefect_api: str, loaded, shared_dir: Path, tmp_path: Path
) -> None:
    """The warehouse's folder is mounted read-only (a private mount namespace) for the run."""
    if not _can_mount_read_only():
        pytest.skip("needs `unshare -m` and bind mounts (root in a mount namespace)")
    db, _, before = loaded
    folder = db.parent
    cmd = (f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} {folder} && "
           f"exec {sys.executable} -m flows.cli run {ROOT / 'examples'} --db {db} --out {tmp_path / 'pq'}")  # fmt: skip
    env = dict(os.environ, PREFECT_API_URL=prefect_api, PREFECT_HOME=str(tmp_path / "home"),
               PREFECT_LOGGING_LEVEL="ERROR")  # fmt: skip
    res = subprocess.run(["unshare", "-m", "sh", "-c", cmd], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)  # fmt: skip
    assert res.returncode == 1, res.stdout + res.stderr
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(db) in errors[0], res.stderr
    assert counts(db) == before
