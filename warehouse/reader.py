"""The reader connection: the warehouse when it is free, else the last published snapshot.

DuckDB lets one process hold a warehouse file open for writing, and keeps every other process
out while it does, readers included. ``open_reader`` first tries the warehouse read-only; while
a run holds it, it opens the newest published snapshot instead (see ``warehouse.snapshot``):
a read-only DuckDB catalog whose views have the warehouse's table and view names and columns,
over Parquet files that were all written at one batch boundary. Either way the caller gets one
read-only connection and a ``DataSource`` saying which data it reads.

This is the one place that opens a connection for `sitrep query`, `sitrep report` and
`sitrep export`; a sandbox for untrusted SQL applies to what it returns (``sandbox=True``).
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from warehouse import snapshot
from warehouse.db import WarehouseBusy, WarehouseError, connect_read_only
from warehouse.sandbox import apply_sandbox


@dataclass(frozen=True, slots=True)
class DataSource:
    """Which data a reader sees: the warehouse itself, or one published snapshot of it."""

    kind: str  # "warehouse" or "snapshot"
    run_id: str | None  # the newest run in that data
    run_status: str | None  # its status there: completed, failed, or running (a snapshot taken mid-run)
    as_of: dt.datetime | None  # warehouse: when that run ended (or started); snapshot: when it was published
    snapshot_id: str | None = None
    batches: int | None = None  # batches of that run loaded when the snapshot was taken
    rows: dict[str, int] = field(default_factory=dict)  # rows per published table in the snapshot

    @property
    def latest(self) -> bool:
        """True when this is the warehouse's latest state (not a snapshot)."""
        return self.kind == "warehouse"

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["as_of"] = self.as_of.isoformat() if self.as_of else None
        d["latest"] = self.latest
        return d

    def describe(self) -> str:
        """One line naming the data, e.g. for a footer or stderr."""
        run = f"run {self.run_id[:12]}" if self.run_id else "no run recorded"
        when = f"{self.as_of:%Y-%m-%d %H:%M:%S} UTC" if self.as_of else "unknown time"
        if self.kind == "warehouse":
            return f"warehouse as of {run} ({self.run_status or 'no status'}, {when})"
        progress = (
            f"after batch {self.batches} of {run}, still running"
            if self.run_status == "running" and self.batches is not None
            else f"{run} ({self.run_status or 'no status'})"
        )
        return f"published snapshot {self.snapshot_id} of {when}, {progress}"


@dataclass
class Reader:
    """A read-only connection and the data it reads; close it (or use ``with``) when done."""

    con: duckdb.DuckDBPyConnection
    source: DataSource

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def lock_down(con: duckdb.DuckDBPyConnection) -> None:
    """Sandbox ``con`` for SQL from someone else (``warehouse.sandbox``): it reads what is already
    open or registered, and nothing else; no file system, no extensions, no way back."""
    apply_sandbox(con)


def _as_utc(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.astimezone(dt.UTC) if value.tzinfo else value.replace(tzinfo=dt.UTC)


def warehouse_source(con: duckdb.DuckDBPyConnection) -> DataSource:
    """The ``DataSource`` of a warehouse connection: its newest run."""
    run = snapshot.latest_run(con)
    return DataSource(
        kind="warehouse",
        run_id=run.get("run_id"),
        run_status=run.get("status"),
        as_of=_as_utc(run.get("finished_at") or run.get("started_at")),
    )


def open_reader(db: Path | str, published: Path | str, sandbox: bool = False) -> Reader:
    """A read-only reader of the warehouse at ``db``, or, while a run holds it, of the newest
    snapshot published under ``published``.

    Raises ``WarehouseError`` when there is no warehouse, and ``WarehouseBusy`` when a run holds
    it and has published no snapshot yet.
    """
    try:
        con = connect_read_only(db)
    except WarehouseBusy:
        if snapshot.current_id(Path(published)) is None:
            raise WarehouseBusy(
                f"a run is writing to the warehouse and has published nothing under {published} yet; "
                "try again after its first batch",
                db,
            ) from None
        return open_snapshot(published, sandbox=sandbox)
    try:
        source = warehouse_source(con)
        if sandbox:
            lock_down(con)
    except BaseException:
        con.close()
        raise
    return Reader(con, source)


def open_snapshot(published: Path | str, sandbox: bool = False, attempts: int = 50) -> Reader:
    """A read-only reader of the newest complete snapshot under ``published``.

    The writer may retire and delete a snapshot between our reading ``CURRENT`` and opening it;
    then ``CURRENT`` names a newer one, and we follow it (a few tries, milliseconds apart).
    """
    out = Path(published).resolve()
    last = ""
    for _ in range(attempts):
        sid = snapshot.current_id(out)
        if sid is None:
            raise WarehouseError("no published snapshot here", out)
        snap = snapshot.snapshots_dir(out) / sid
        try:
            manifest = snapshot.read_manifest(snap)
            con = duckdb.connect(str(snap / snapshot.CATALOG), read_only=True)
        except (
            OSError,
            ValueError,
            duckdb.Error,
        ) as e:  # retired and deleted under us, or locked by its deleter
            last = str(e).splitlines()[0] if str(e) else type(e).__name__
            time.sleep(0.02)
            continue
        try:
            _bind_sources(con, snap, manifest["files"], arrow=sandbox)
            if sandbox:
                lock_down(con)
        except BaseException:
            con.close()
            raise
        return Reader(con, _snapshot_source(manifest))
    raise WarehouseError(f"no published snapshot could be opened ({last})", out)


def _bind_sources(
    con: duckdb.DuckDBPyConnection, snap: Path, files: dict[str, list[str]], arrow: bool
) -> None:
    """Define ``_src_<table>`` for every table of the snapshot on this connection.

    DuckDB reads the Parquet itself by default. With ``arrow``, pyarrow reads it instead: then the
    connection needs no file system access at all, and a sandbox can turn it off entirely (DuckDB's
    allowed-paths setting would let SQL overwrite the very files it may read).
    """
    for table, rel in files.items():
        paths = [snap / r for r in rel]
        name = f"{snapshot.SOURCE_PREFIX}{table}"
        if arrow:
            import pyarrow.dataset as pa_ds

            con.register(name, pa_ds.dataset([str(p) for p in paths], format="parquet"))
        else:
            con.execute(
                f"CREATE TEMP VIEW {name} AS SELECT * FROM "
                f"read_parquet({snapshot.parquet_list(paths)}, hive_partitioning = false)"
            )


def _snapshot_source(manifest: dict[str, Any]) -> DataSource:
    return DataSource(
        kind="snapshot",
        run_id=manifest.get("run_id"),
        run_status=manifest.get("run_status"),
        as_of=_as_utc(manifest.get("published_at")),
        snapshot_id=manifest.get("snapshot_id"),
        batches=manifest.get("batches"),
        rows=dict(manifest.get("rows") or {}),
    )
