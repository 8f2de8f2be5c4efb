"""Published snapshots: every publish is a complete, immutable set of tables that readers can pin.

Layout under the Parquet folder::

    _snapshots/<id>/<table>/...parquet   one publish: every table as of one batch boundary
    _snapshots/<id>/snapshot.json        its manifest: run id and status, time, rows and files per table
    _snapshots/<id>/catalog.duckdb       views named like the warehouse's tables and analyst views
    _snapshots/CURRENT                   the id of the latest complete snapshot (replaced atomically)
    <table>/published_year=.../...       the public tree: hard links to the current snapshot's files

A snapshot directory is written under a temporary name, renamed into place whole, and only then
named in ``CURRENT``: a reader that follows ``CURRENT`` never sees half a publish, and the files
of a snapshot never change. ``catalog.duckdb`` holds views over ``_src_<table>``, which the reader
binds when it opens the catalog (``read_parquet`` over the snapshot's files, or Arrow datasets
when DuckDB may not touch the file system), so a moved Parquet folder still reads. A reader keeps
the catalog open while it reads; DuckDB's file lock on it tells the writer which old snapshots
are still in use, and only the others are deleted.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

SNAPSHOTS = "_snapshots"
CURRENT = "CURRENT"
MANIFEST = "snapshot.json"
CATALOG = "catalog.duckdb"
SOURCE_PREFIX = "_src_"  # the catalog's table views read these; the reader defines them
FORMAT = 1


def snapshots_dir(out: Path) -> Path:
    return out / SNAPSHOTS


def new_snapshot_id(now: dt.datetime | None = None) -> str:
    """A fresh id that sorts by time: ``20250131T120000Z-1a2b3c4d``."""
    now = now or dt.datetime.now(dt.UTC)
    return f"{now:%Y%m%dT%H%M%S}Z-{uuid.uuid4().hex[:8]}"


def current_id(out: Path) -> str | None:
    """The id named in ``CURRENT``, or None when nothing was published as a snapshot yet."""
    try:
        sid = (snapshots_dir(out) / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return sid or None


def set_current(out: Path, sid: str) -> None:
    """Point ``CURRENT`` at ``sid`` in one rename: readers see the old id or the new one."""
    tmp = snapshots_dir(out) / f".{CURRENT}.{uuid.uuid4().hex[:8]}.tmp"
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(sid + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, snapshots_dir(out) / CURRENT)


def read_manifest(snap: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((snap / MANIFEST).read_text(encoding="utf-8"))
    return manifest


def write_manifest(snap: Path, manifest: dict[str, Any]) -> None:
    (snap / MANIFEST).write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")


def latest_run(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """The newest ``runs`` row (run_id, status, started_at, finished_at), or an empty dict."""
    cur = con.execute(
        "SELECT run_id, status, started_at, finished_at FROM runs ORDER BY started_at DESC, run_id LIMIT 1"
    )
    rows = cur.fetchall()  # fetchone() would leave the result open and block the connection
    if not rows:
        return {}
    return dict(zip(("run_id", "status", "started_at", "finished_at"), rows[0], strict=True))


def sql_string(text: str) -> str:
    """``text`` as a SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def parquet_list(paths: Iterable[Path]) -> str:
    """A SQL list literal of file paths for ``read_parquet``."""
    return "[" + ", ".join(sql_string(str(p)) for p in paths) + "]"


def _columns(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple[str, str, str | None]]:
    return [
        (str(r[0]), str(r[1]), r[2])
        for r in con.execute(
            "SELECT column_name, data_type, comment FROM duckdb_columns() "
            "WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? "
            "ORDER BY column_index",
            [name],
        ).fetchall()
    ]


def write_catalog(con: duckdb.DuckDBPyConnection, snap: Path, files: dict[str, list[str]]) -> None:
    """Create ``snap/catalog.duckdb``: the warehouse's tables as views over the snapshot's Parquet,
    its analyst views (their SQL taken from the warehouse, so it is never written twice), the
    ``runs`` table as of now, and the warehouse's comments.

    ``con`` is the warehouse; ``files`` are the snapshot's files per table, relative to ``snap``.
    """
    cat = duckdb.connect(str(snap / CATALOG))
    try:
        for table, rel in files.items():
            # bound only to create the views below; the reader binds its own source
            cat.execute(
                f"CREATE TEMP VIEW {SOURCE_PREFIX}{table} AS SELECT * FROM "
                f"read_parquet({parquet_list(snap / r for r in rel)}, hive_partitioning = false)"
            )
            cols = _columns(con, table)
            select = ", ".join(f"CAST({_ident(c)} AS {t}) AS {_ident(c)}" for c, t, _ in cols)
            cat.execute(f"CREATE VIEW {_ident(table)} AS SELECT {select} FROM {SOURCE_PREFIX}{table}")
        ddl = con.execute(
            "SELECT sql FROM duckdb_tables() WHERE database_name = current_database() "
            "AND schema_name = 'main' AND table_name = 'runs'"
        ).fetchall()
        if ddl:
            cat.execute(str(ddl[0][0]))
            runs = con.sql("SELECT * FROM runs").to_arrow_table()
            cat.register("_runs", runs)
            cat.execute("INSERT INTO runs SELECT * FROM _runs")
            cat.unregister("_runs")
        views = dict(
            con.execute(
                "SELECT view_name, sql FROM duckdb_views() WHERE database_name = current_database() "
                "AND schema_name = 'main' AND NOT internal AND NOT temporary ORDER BY view_name"
            ).fetchall()
        )
        pending = dict(views)
        while pending:  # a view may read another: create each once what it reads exists
            done = []
            for name, sql in pending.items():
                try:
                    cat.execute(sql)
                except duckdb.CatalogException:
                    continue
                done.append(name)
            if not done:
                cat.execute(next(iter(pending.values())))  # raises the real error
            for name in done:
                del pending[name]
        _copy_comments(con, cat, [*files, "runs", *views])
    finally:
        cat.close()


def _copy_comments(con: duckdb.DuckDBPyConnection, cat: duckdb.DuckDBPyConnection, names: list[str]) -> None:
    found = con.execute(
        "SELECT table_name, comment FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' UNION ALL "
        "SELECT view_name, comment FROM duckdb_views() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND NOT internal"
    ).fetchall()
    comments = {str(n): c for n, c in found if c}
    kinds = dict(
        cat.execute(
            "SELECT table_name, 'TABLE' FROM duckdb_tables() UNION ALL "
            "SELECT view_name, 'VIEW' FROM duckdb_views() WHERE NOT internal"
        ).fetchall()
    )
    for name in names:
        if name not in kinds:
            continue
        if name in comments:
            cat.execute(f"COMMENT ON {kinds[name]} {_ident(name)} IS {sql_string(comments[name])}")
        for col, _, comment in _columns(con, name):
            if comment:
                cat.execute(f"COMMENT ON COLUMN {_ident(name)}.{_ident(col)} IS {sql_string(comment)}")


def link_tree(src: Path, dst: Path) -> None:
    """Mirror the files under ``src`` into ``dst`` as hard links (copies where links are refused)."""
    for f in sorted(src.rglob("*")):
        target = dst / f.relative_to(src)
        if f.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(f, target)
        except OSError:  # a file system without hard links: the public tree costs a copy
            shutil.copyfile(f, target)


def prune(out: Path, keep: set[str]) -> list[str]:
    """Delete the snapshots not in ``keep`` that no reader holds open; return the ids deleted.

    Leftovers of a publish that was killed (``.partial-*``, ``.trash-*``) go too.
    """
    root = snapshots_dir(out)
    gone: list[str] = []
    if not root.is_dir():
        return gone
    for d in sorted(root.iterdir()):
        if not d.is_dir() or d.name in keep:
            continue
        if d.name.startswith((".partial-", ".trash-")):
            shutil.rmtree(d, ignore_errors=True)
            continue
        catalog = d / CATALOG
        try:
            holder = duckdb.connect(str(catalog)) if catalog.exists() else None
        except duckdb.Error:
            continue  # a reader has it open: keep it until a later publish
        try:
            # moved away while the lock is held, so no reader can open it between check and delete
            trash = root / f".trash-{d.name}"
            os.rename(d, trash)
        finally:
            if holder is not None:
                holder.close()
        shutil.rmtree(trash, ignore_errors=True)
        gone.append(d.name)
    return gone


__all__ = [
    "CATALOG",
    "CURRENT",
    "MANIFEST",
    "SNAPSHOTS",
    "SOURCE_PREFIX",
    "current_id",
    "latest_run",
    "link_tree",
    "new_snapshot_id",
    "parquet_list",
    "prune",
    "read_manifest",
    "set_current",
    "snapshots_dir",
    "sql_string",
    "write_catalog",
    "write_manifest",
]
