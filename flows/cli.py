"""The `sitrep` command line: parse arguments, call a flow or the warehouse, report.

Known errors become one line on stderr and exit code 1; usage errors exit 2.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from flows.config import Settings, load_settings
from transforms.errors import SitrepError

app = typer.Typer(
    help="sitrep: news articles to evidence-linked tables of statements, incidents and refugee counts.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
out = Console()

ConfigOpt = Annotated[Path | None, typer.Option("--config", help="sitrep.toml to read (default: $SITREP_CONFIG or ./sitrep.toml).")]
DbOpt = Annotated[Path | None, typer.Option("--db", help="DuckDB warehouse file [default: data/sitrep.duckdb].")]


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


def _settings(config: Path | None) -> Settings:
    try:
        return load_settings(config)
    except SitrepError as e:
        raise _fail(str(e)) from None


def prepare_prefect_env() -> None:
    """Offline-friendly Prefect defaults; the user's own settings win."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    home = Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect")).expanduser()
    home.mkdir(parents=True, exist_ok=True)


@app.command()
def run(
    sources: Annotated[list[str] | None, typer.Argument(help="Files (.jsonl, .txt, .html), directories or globs.")] = None,
    db: DbOpt = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Parquet output folder [default: data/parquet].")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per task batch [default: 500].", min=1)] = None,
    config: ConfigOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
) -> None:
    """Ingest SOURCES (or the configured sources) into the warehouse and publish Parquet."""
    settings = _settings(config).with_overrides(db=db, out=out_dir, batch_size=batch_size)
    srcs = list(sources or []) or [s.location for s in settings.sources]
    if not srcs:
        raise _fail("no sources: name files, directories or globs, or list [[sources]] in sitrep.toml")
    prepare_prefect_env()
    from flows.pipeline import PROGRESS, RunStats, sitrep_pipeline
    from warehouse import WarehouseError

    def show(stats: RunStats) -> None:
        if sys.stderr.isatty():
            err.print(
                f"  batch {stats.batches}: {stats.records_read} records read, "
                f"{stats.articles_new + stats.articles_updated} loaded, {len(stats.rejects)} rejected",
                highlight=False,
            )

    token = PROGRESS.set(show)
    try:
        summary = sitrep_pipeline(
            sources=srcs,
            db=str(settings.db),
            out=str(settings.out),
            batch_size=settings.batch_size,
            lock_wait_seconds=settings.lock_wait_seconds,
        )
    except (SitrepError, WarehouseError) as e:
        raise _fail(str(e)) from None
    finally:
        PROGRESS.reset(token)
    if as_json:
        out.print_json(json.dumps(summary, default=str))
        return
    _print_summary(summary, settings)


def _print_summary(summary: dict[str, Any], settings: Settings) -> None:
    out.print(
        f"run {summary['run_id'][:12]}: {summary['records_read']} records read; articles "
        f"{summary['articles_new']} new, {summary['articles_updated']} updated, "
        f"{summary['articles_unchanged']} unchanged",
        highlight=False,
    )
    table = Table("table", "rows this run", "rows published", title=None, box=None)
    for t in ("articles", "statements", "incidents", "refugee_counts", "rejects"):
        this_run = summary["rows"].get(t, summary["articles_new"] + summary["articles_updated"] if t == "articles" else None)
        if t == "rejects":
            this_run = summary["rejects"]
        table.add_row(t, str(this_run), str(summary["published"].get(t, "")))
    out.print(table)
    reasons = summary["reject_reasons"]
    if reasons:
        out.print("rejects by reason:", highlight=False)
        for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
            out.print(f"  {n:6d}  {reason}", highlight=False)
    out.print(f"warehouse {settings.db}; Parquet under {settings.out}/", highlight=False)


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One SQL query, run read-only.")],
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    config: ConfigOpt = None,
) -> None:
    """Run a read-only SQL query against the warehouse."""
    import duckdb

    from warehouse import WarehouseError, connect_read_only

    if fmt not in ("table", "csv", "json"):
        raise _fail(f"--format must be table, csv or json, not {fmt!r}")
    settings = _settings(config).with_overrides(db=db)
    try:
        con = connect_read_only(settings.db)
    except WarehouseError as e:
        raise _fail(str(e)) from None
    try:
        cur = con.execute(sql)
        if cur.description is None:
            return
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except duckdb.Error as e:
        first = str(e).splitlines()[0]
        if "read-only" in first.lower() or "read only" in first.lower():
            raise _fail(f"the warehouse is opened read-only; `sitrep query` cannot modify it ({first})") from None
        raise _fail(first) from None
    finally:
        con.close()
    if fmt == "json":
        sys.stdout.write(json.dumps([dict(zip(cols, r, strict=True)) for r in rows], default=str, ensure_ascii=False))
        sys.stdout.write("\n")
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    else:
        table = Table(*cols)
        for r in rows:
            table.add_row(*("" if v is None else str(v) for v in r))
        out.print(table)
        out.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", highlight=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
