"""The `sitrep` command line: parse arguments, call a flow or the warehouse, report.

Known errors become one line on stderr and exit code 1; usage errors exit 2.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from flows.config import Settings, load_settings
from flows.fetch_policy import FetchPolicy
from transforms.errors import SitrepError

if TYPE_CHECKING:
    from warehouse.reader import Reader

app = typer.Typer(
    help="sitrep: news articles to evidence-linked tables of statements, incidents and refugee counts.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
# trio (under Prefect) registers its PRNG with Hypothesis when both are installed (the dev extra),
# and Hypothesis warns about it on every run; nothing the user can act on.
warnings.filterwarnings("ignore", message=r"It looks like `register_random` was passed")
out = Console()

ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="sitrep.toml to read (default: $SITREP_CONFIG or ./sitrep.toml)."),
]
DbOpt = Annotated[
    Path | None, typer.Option("--db", help="DuckDB warehouse file [default: data/sitrep.duckdb].")
]
OutOpt = Annotated[Path | None, typer.Option("--out", help="Parquet output folder [default: data/parquet].")]
WorkersOpt = Annotated[
    int | None, typer.Option(help="Parallel extraction workers [default: CPU count].", min=1)
]
DaskAddressOpt = Annotated[
    str | None, typer.Option(help="Scheduler address of an existing Dask cluster (with --runner dask).")
]
PublishedOpt = Annotated[
    Path | None,
    typer.Option(
        "--published",
        help="Parquet folder whose last snapshot answers while a run holds the warehouse "
        "[default: data/parquet, the run's --out].",
    ),
]


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
    # the temporary server needs 10-20 s on a busy 2-core machine; Prefect's 20 s default is too tight
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    home = Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect")).expanduser()
    home.mkdir(parents=True, exist_ok=True)


@app.command()
def run(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files (.jsonl, .txt, .html, .xml feeds), directories, globs, page or feed URLs."
        ),
    ] = None,
    db: DbOpt = None,
    out_dir: OutOpt = None,
    batch_size: Annotated[
        int | None, typer.Option(help="Articles per task batch [default: 500].", min=1)
    ] = None,
    runner: Annotated[
        str, typer.Option(help="Task runner for extraction batches: threads, processes or dask.")
    ] = "threads",
    workers: WorkersOpt = None,
    dask_address: DaskAddressOpt = None,
    report: Annotated[Path | None, typer.Option(help="Also write the HTML brief to this file.")] = None,
    config: ConfigOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
    always_flow: Annotated[
        bool,
        typer.Option(
            "--always-flow",
            help="Start a Prefect flow run even when every source file is unchanged since it was loaded.",
        ),
    ] = False,
) -> None:
    """Ingest SOURCES (or the configured sources) into the warehouse and publish Parquet."""
    settings = _settings(config).with_overrides(db=db, out=out_dir, batch_size=batch_size, report=report)
    srcs: list[Any] = list(sources or []) or list(settings.sources)
    if not srcs:
        raise _fail("no sources: name files, directories or globs, or list [[sources]] in sitrep.toml")
    if not always_flow:
        from flows.noop import NOTE, unchanged_run
        from warehouse import WarehouseError as _WarehouseError

        try:
            nothing = unchanged_run(srcs, settings)
        except (SitrepError, _WarehouseError) as e:
            raise _fail(str(e)) from None
        if nothing is not None:
            if as_json:
                out.print_json(json.dumps(nothing, default=str))
            else:
                _print_summary(nothing, settings)
                out.print(NOTE, highlight=False)
            return
    prepare_prefect_env()
    from flows import progress
    from flows.pipeline import sitrep_pipeline
    from flows.stats import RunStats
    from warehouse import WarehouseError

    def show(stats: RunStats) -> None:
        if sys.stderr.isatty():
            err.print(
                f"  batch {stats.batches}: {stats.records_read} records read, "
                f"{stats.articles_new + stats.articles_updated} loaded, {len(stats.rejects)} rejected",
                highlight=False,
            )

    from flows.runners import RUNNERS

    if runner not in RUNNERS:
        raise _fail(f"unknown runner {runner!r}; choose from {', '.join(RUNNERS)}")
    progress.HOOKS.append(show)
    try:
        summary = sitrep_pipeline(
            sources=srcs,
            db=str(settings.db),
            out=str(settings.out),
            batch_size=settings.batch_size,
            lock_wait_seconds=settings.lock_wait_seconds,
            memory_limit=settings.memory_limit,
            report=str(settings.report) if settings.report else None,
            fetch_policy=settings.fetch,
            **runner_parameters(runner, workers, dask_address),
            publish_every=settings.publish_interval,
        )
    except (SitrepError, WarehouseError) as e:
        raise _fail(str(e)) from None
    finally:
        progress.HOOKS.remove(show)
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
        # a table with no rows loaded this run is absent from summary["rows"]: that is 0 rows
        this_run = summary["rows"].get(
            t, summary["articles_new"] + summary["articles_updated"] if t == "articles" else 0
        )
        if t == "rejects":
            this_run = summary["rejects"]
        table.add_row(t, str(this_run), str(summary["published"].get(t, "")))
    out.print(table)
    for line in summary.get("fetch_failures", []):
        out.print(f"  fetch failed: {line}", highlight=False, soft_wrap=True)  # one line per URL
    reasons = summary["reject_reasons"]
    if reasons:
        out.print("rejects by reason:", highlight=False)
        for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
            out.print(f"  {n:6d}  {reason}", highlight=False)
    out.print(f"warehouse {settings.db}; Parquet under {settings.out}/", highlight=False)


def open_reader_or_fail(settings: Settings, sandbox: bool = False) -> Reader:
    """The reader connection (``warehouse.reader.open_reader``) for ``settings``, or a one-line error.

    While a run holds the warehouse this is the last published snapshot, and a line naming it
    goes to stderr: the answer is not the warehouse's latest state. With ``sandbox`` the connection
    can read those tables and nothing else (``warehouse.sandbox``)."""
    from warehouse import WarehouseError
    from warehouse.reader import open_reader

    try:
        reader = open_reader(settings.db, settings.out, sandbox=sandbox)
    except WarehouseError as e:
        raise _fail(str(e)) from None
    if not reader.source.latest:
        err.print(f"note: a run is writing; answering from the {reader.source.describe()}",
                  highlight=False, soft_wrap=True)  # fmt: skip
    return reader


_WAREHOUSE_ONLY = ("schema_version", "http_cache", "robots_cache", "article_urls", "record_digests",
                   "source_files", "warehouse_state")  # fmt: skip


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One SQL query, run read-only.")],
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    sandbox: Annotated[
        bool | None,
        typer.Option(
            "--sandbox/--no-sandbox",
            help="Let the SQL read the warehouse and nothing else: no files, ATTACH, extensions or SET "
            "[default: the query_sandbox setting, false].",
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="Print one JSON object: the rows, and the run and snapshot they come from."
        ),
    ] = False,
    published: PublishedOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Run a read-only SQL query against the warehouse (the last published snapshot while a run holds it)."""
    import duckdb

    from warehouse.sandbox import is_sandbox_refusal

    if fmt not in ("table", "csv", "json"):
        raise _fail(f"--format must be table, csv or json, not {fmt!r}")
    settings = _settings(config).with_overrides(db=db, out=published, query_sandbox=sandbox)
    reader = open_reader_or_fail(settings, sandbox=settings.query_sandbox)
    try:
        cur = reader.con.execute(sql)
        if cur.description is None:
            return
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except duckdb.Error as e:
        first = str(e).splitlines()[0]
        if settings.query_sandbox and is_sandbox_refusal(e):
            raise _fail(
                f"refused by the query sandbox, which lets SQL read the published tables only ({first})"
            ) from None
        # a snapshot's tables are views: writing to one is refused as "only ... base table"
        if any(w in first.lower() for w in ("read-only", "read only", "base table")):
            raise _fail(
                f"the warehouse is opened read-only; `sitrep query` cannot modify it ({first})"
            ) from None
        if not reader.source.latest and any(t in first for t in _WAREHOUSE_ONLY):
            first += (
                " (snapshots hold the published tables, runs and the analyst views; "
                f"{', '.join(_WAREHOUSE_ONLY)} are only in the warehouse)"
            )
        raise _fail(first) from None
    finally:
        reader.close()
    if as_json:
        sys.stdout.write(
            json.dumps(
                {
                    "source": reader.source.as_dict(),
                    "columns": cols,
                    "rows": [dict(zip(cols, r, strict=True)) for r in rows],
                },
                default=str,
                ensure_ascii=False,
            )
        )
        sys.stdout.write("\n")
    elif fmt == "json":
        sys.stdout.write(
            json.dumps([dict(zip(cols, r, strict=True)) for r in rows], default=str, ensure_ascii=False)
        )
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


def runner_parameters(runner: str, workers: int | None, dask_address: str | None) -> dict[str, Any]:
    """The flow parameters that put extraction batches on ``runner`` (see ``flows.runners``)."""
    n_workers = workers or os.cpu_count() or 2
    params: dict[str, Any] = {"runner": runner, "max_inflight": 2 if runner == "threads" else 2 * n_workers}
    if workers is not None:
        params["workers"] = workers
    if dask_address is not None:
        params["dask_address"] = dask_address
    return params


def serve_parameters(settings: Settings, sources: list[str] | None = None) -> dict[str, Any]:
    """The deployment's flow parameters: everything a scheduled run needs from the settings, as
    JSON values (Prefect stores them with the deployment and validates them into the flow's types).

    Configured sources keep their name, kind, language and max_items; local paths are made
    absolute, since a scheduled run does not start in this directory.
    """

    def absolute(loc: str) -> str:
        return loc if "://" in loc else str(Path(loc).resolve())

    srcs: list[Any] = [absolute(s) for s in sources or []] or [
        {k: v for k, v in dataclasses.asdict(s).items() if v is not None} | {"location": absolute(s.location)}
        for s in settings.sources
    ]
    params: dict[str, Any] = {
        "sources": srcs,
        "db": str(settings.db.resolve()),
        "out": str(settings.out.resolve()),
        "batch_size": settings.batch_size,
        "lock_wait_seconds": settings.lock_wait_seconds,
        "memory_limit": settings.memory_limit,
        "publish_every": settings.publish_interval,
    }
    if settings.report:
        params["report"] = str(settings.report.resolve())
    if settings.fetch != FetchPolicy():
        params["fetch_policy"] = json.loads(json.dumps(dataclasses.asdict(settings.fetch)))
    return params


@app.command()
def serve(
    sources: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories, globs or URLs [default: configured sources]."),
    ] = None,
    cron: Annotated[str | None, typer.Option(help="Cron schedule, e.g. '*/30 * * * *'.")] = None,
    interval: Annotated[float | None, typer.Option(help="Run every this many seconds.", min=1)] = None,
    db: DbOpt = None,
    out_dir: OutOpt = None,
    name: Annotated[str, typer.Option(help="Deployment name.")] = "sitrep",
    port: Annotated[
        int | None,
        typer.Option(help="Port of the local Prefect server started when PREFECT_API_URL is unset."),
    ] = None,
    runner: Annotated[
        str, typer.Option(help="Task runner for extraction batches in every run: threads, processes or dask.")
    ] = "threads",
    workers: WorkersOpt = None,
    dask_address: DaskAddressOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Serve the pipeline on a schedule (starts a local Prefect server if PREFECT_API_URL is unset)."""
    from flows.runners import RUNNERS

    if (cron is None) == (interval is None):
        raise _fail("give exactly one of --cron or --interval")
    if runner not in RUNNERS:
        raise _fail(f"unknown runner {runner!r}; choose from {', '.join(RUNNERS)}")
    settings = _settings(config).with_overrides(db=db, out=out_dir)
    if not (sources or settings.sources):
        raise _fail("no sources: name files, directories, globs or URLs, or list [[sources]] in sitrep.toml")
    prepare_prefect_env()
    from flows.serve import serve_pipeline

    params = serve_parameters(settings, sources) | runner_parameters(runner, workers, dask_address)
    where = os.environ.get("PREFECT_API_URL") or "a local Prefect server (started now)"
    err.print(f"serving deployment {name!r} on {where}; Ctrl-C or SIGTERM stops it", highlight=False)
    try:
        serve_pipeline(params, cron=cron, interval=interval, name=name,
                       server_home=settings.db.resolve().parent / "prefect-server", port=port)  # fmt: skip
    except SitrepError as e:
        raise _fail(str(e)) from None


@app.command()
def reprocess(
    since: Annotated[
        str | None, typer.Option(help="Only articles published on or after this date (YYYY-MM-DD).")
    ] = None,
    db: DbOpt = None,
    out_dir: OutOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Re-extract stored articles with the current extractors (nothing is fetched) and republish."""
    import datetime as dt

    settings = _settings(config).with_overrides(db=db, out=out_dir)
    try:
        since_date = dt.date.fromisoformat(since) if since else None
    except ValueError:
        raise _fail(f"--since must be a date like 2024-01-31, not {since!r}") from None
    if not settings.db.exists():
        raise _fail(f"{settings.db}: no warehouse here (run `sitrep run` first)")
    prepare_prefect_env()
    from flows.pipeline import sitrep_reprocess
    from warehouse import WarehouseError

    try:
        result = sitrep_reprocess(
            db=str(settings.db), out=str(settings.out), since=since_date,
            batch_size=settings.batch_size, lock_wait_seconds=settings.lock_wait_seconds,
            memory_limit=settings.memory_limit, publish_every=settings.publish_interval,
        )  # fmt: skip
    except (SitrepError, WarehouseError) as e:
        raise _fail(str(e)) from None
    out.print(
        f"reprocessed {result['articles']} articles with extractor {result['extractor_version']}",
        highlight=False,
    )
    table = Table("table", "added", "removed", "changed", box=None)
    for t, c in result["changes"].items():
        table.add_row(t, str(c.get("added", 0)), str(c.get("removed", 0)), str(c.get("changed", 0)))
    out.print(table)


@app.command()
def export(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the CSV files.")] = Path("data/export"),
    fmt: Annotated[str, typer.Option("--format", help="Export format (csv).")] = "csv",
    hxl: Annotated[bool, typer.Option("--hxl", help="Add an HXL hashtag row under the header.")] = False,
    tables: Annotated[
        list[str] | None, typer.Option("--table", help="Table to export (repeatable) [default: all].")
    ] = None,
    db: DbOpt = None,
    published: PublishedOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Export tables as CSV files, optionally HXL-tagged for humanitarian tools."""
    from warehouse.export import EXPORT_TABLES, export_csv

    if fmt != "csv":
        raise _fail(f"--format must be csv, not {fmt!r}")
    chosen = tuple(tables or EXPORT_TABLES)
    unknown = [t for t in chosen if t not in EXPORT_TABLES]
    if unknown:
        raise _fail(f"unknown table {unknown[0]!r}; choose from {', '.join(EXPORT_TABLES)}")
    settings = _settings(config).with_overrides(db=db, out=published)
    with open_reader_or_fail(settings) as reader:
        written = export_csv(reader.con, out_dir, chosen, hxl)
    for t, path in written.items():
        out.print(f"{t}: {path}", highlight=False)


# -- commands kept in their own modules: each module's register(app) adds its commands --
def _register_commands() -> None:
    from flows import cmd_report

    cmd_report.register(app)
    from flows import cmd_sources

    cmd_sources.register(app)
    pass


_register_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
