"""`sitrep sources`: the configured sources with their last fetch status from the warehouse."""

from __future__ import annotations

import glob
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from flows.config import SourceConfig
from flows.sources import is_url

out = Console()
err = Console(stderr=True)


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


def _kind(src: SourceConfig) -> str:
    if src.kind != "auto":
        return src.kind
    return "url" if is_url(src.location) else "file"


def source_rows(sources: tuple[SourceConfig, ...], db: Path) -> list[dict[str, Any]]:
    """One dict per configured source: what it is, and for URLs how its last fetch went."""
    import duckdb

    from warehouse import WarehouseError, connect_read_only, http_cache

    log: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    try:
        con = connect_read_only(db)
    except WarehouseError:
        con = None  # no warehouse yet: list the sources without history
    if con is not None:
        try:
            log = http_cache.fetch_log(con, [s.location for s in sources if is_url(s.location)])
            counts = http_cache.articles_per_origin(con, [s.name or s.location for s in sources])
        except duckdb.CatalogException:
            pass  # a warehouse from before web fetching: no fetch history to show
        finally:
            con.close()
    rows = []
    for s in sources:
        kind = _kind(s)
        row: dict[str, Any] = {"location": s.location, "name": s.name, "kind": kind,
                               "articles": counts.get(s.name or s.location, 0)}  # fmt: skip
        if is_url(s.location) and kind != "file":
            last = log.get(s.location, {})
            row.update({k: last.get(k) for k in ("status", "fetched_at", "attempts", "items", "error")})
            row["conditional"] = bool(last.get("etag") or last.get("last_modified"))
        else:
            matches = [m for m in glob.glob(s.location, recursive=True)] if glob.has_magic(s.location) else (
                [s.location] if Path(s.location).exists() else [])  # fmt: skip
            row.update({"status": "ok" if matches else "missing", "files": len(matches)})
        rows.append(row)
    return rows


def register(app: typer.Typer) -> None:
    @app.command("sources")
    def sources(
        config: Annotated[
            Path | None,
            typer.Option("--config", help="sitrep.toml to read (default: $SITREP_CONFIG or ./sitrep.toml)."),
        ] = None,
        db: Annotated[
            Path | None, typer.Option("--db", help="DuckDB warehouse file (default: data/sitrep.duckdb).")
        ] = None,
        fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    ) -> None:
        """List the sources configured in sitrep.toml with their last fetch status (from the warehouse)."""
        from flows.config import load_settings
        from transforms.errors import SitrepError

        if fmt not in ("table", "json"):
            raise _fail(f"--format must be table or json, not {fmt!r}")
        try:
            settings = load_settings(config).with_overrides(db=db)
        except SitrepError as e:
            raise _fail(str(e)) from None
        if not settings.sources:
            raise _fail("no sources configured: add [[sources]] tables to sitrep.toml")
        rows = source_rows(settings.sources, settings.db)
        if fmt == "json":
            sys.stdout.write(json.dumps(rows, default=str, ensure_ascii=False) + "\n")
            return
        table = Table("source", "kind", "last status", "fetched at", "attempts", "items", "articles", "error")
        for r in rows:
            status = r.get("status")
            when = r.get("fetched_at")
            shown = str(status) if status is not None else ("failed" if when else "never fetched")
            if r.get("conditional") and status == 304:
                shown = "304 unchanged"
            table.add_row(
                r["name"] or r["location"] if not r["name"] else f"{r['name']} ({r['location']})",
                r["kind"], shown, when.strftime("%Y-%m-%d %H:%M UTC") if when else "",
                "" if r.get("attempts") is None else str(r["attempts"]),
                str(r.get("items") if r.get("items") is not None else r.get("files", "")),
                str(r["articles"]), r.get("error") or "",
            )  # fmt: skip
        out.print(table)
