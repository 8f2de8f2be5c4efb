"""A DuckDB connection that SQL written by someone else cannot use to touch the machine.

By default ``sitrep query`` has DuckDB's full power: ``COPY ... TO`` writes files and
``read_csv('/etc/passwd')`` reads them. ``apply_sandbox`` takes that away from an open connection:

* ``enable_external_access = false``: no file reads or writes outside what is already open, no
  ATTACH of a file, no extension install or load, no secrets;
* extension auto-install and auto-load off, community extensions refused;
* ``disabled_filesystems = 'LocalFileSystem'``: DuckDB keeps allowing its own files (the database,
  its WAL and temp directory) when external access is off, and a ``COPY ... TO '<the warehouse>'
  (USE_TMP_FILE false)`` would overwrite the warehouse itself (measured with DuckDB 2.0.0).
  Database files opened before the sandbox stay readable through their open handles;
* ``lock_configuration = true`` last, so no ``SET``/``RESET`` can undo any of it.

Database files the statement may read must be opened (``duckdb.connect(path, read_only=True)``
or ``ATTACH ... (READ_ONLY)``) before the call. Parquet or CSV files are read lazily, when a
query runs: pass their directories as ``readable`` to keep them reachable. DuckDB then lets a
statement **write** into those directories too (``COPY ... TO`` with ``USE_TMP_FILE false``
overwrites a file there), so ``readable`` protects the rest of the machine but not those
directories; and it cannot be combined with database files, whose paths DuckDB would then leave
writable (``apply_sandbox`` refuses that combination).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

# Set in this order: each later one is still allowed when the previous ones hold.
_EXTENSIONS_OFF = (
    "SET autoinstall_known_extensions = false",
    "SET autoload_known_extensions = false",
    "SET allow_community_extensions = false",
)


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def apply_sandbox(con: duckdb.DuckDBPyConnection, readable: Sequence[Path | str] = ()) -> None:
    """Lock ``con`` so statements can read what it has open (and ``readable`` directories), nothing else.

    Irreversible for the connection's life. Raises ``ValueError`` when ``readable`` is given
    while a database file is attached (see the module docstring).
    """
    if readable:
        files = con.execute(
            "SELECT path FROM duckdb_databases() WHERE NOT internal AND path IS NOT NULL AND path <> ''"
        ).fetchall()
        if files:
            raise ValueError(
                f"a sandbox with readable directories would leave the database file {files[0][0]} writable; "
                "read Parquet from an in-memory connection without attached files"
            )
    for stmt in _EXTENSIONS_OFF:
        con.execute(stmt)
    if readable:
        dirs = [str(Path(d).resolve()).rstrip("/") + "/" for d in readable]
        con.execute("SET temp_directory = ''")  # else DuckDB allows its temp directory as well
        con.execute(f"SET allowed_directories = [{', '.join(map(_quoted, dirs))}]")
        con.execute("SET enable_external_access = false")
    else:
        con.execute("SET enable_external_access = false")
        con.execute("SET disabled_filesystems = 'LocalFileSystem'")
    con.execute("SET lock_configuration = true")


def is_sandbox_refusal(err: duckdb.Error) -> bool:
    """True when ``err`` is the sandbox refusing a statement (file access, extension, settings)."""
    msg = str(err).lower()
    return isinstance(err, duckdb.PermissionException) or (
        "configuration has been locked" in msg or "disabled through configuration" in msg
    )
