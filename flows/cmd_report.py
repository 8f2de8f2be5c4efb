"""`sitrep report`: write the offline HTML situation brief from the warehouse."""

# No `from __future__ import annotations`: typer reads the option annotations, which use
# names imported from flows.cli inside register() (importing them at module level would be circular).

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

DATE_FORMATS = ["%Y-%m-%d"]


def _country(value: str | None) -> str | None:
    """Upper-cased ISO 3166-1 alpha-3 code, or None; raises ValueError for an unknown code."""
    if value is None:
        return None
    import pycountry

    code = value.strip().upper()
    if len(code) != 3 or pycountry.countries.get(alpha_3=code) is None:
        raise ValueError(f"--country must be an ISO 3166-1 alpha-3 code such as AFG, not {value!r}")
    return code


def register(app: typer.Typer) -> None:
    """Add the `report` command to ``app``."""
    from flows.cli import ConfigOpt, DbOpt, PublishedOpt, _fail, _settings, open_reader_or_fail, out

    @app.command()
    def report(
        out_file: Annotated[
            Path, typer.Option("--out", help="HTML file to write (one self-contained file).")
        ],
        since: Annotated[
            dt.datetime | None, typer.Option(formats=DATE_FORMATS, help="First day covered, YYYY-MM-DD.")
        ] = None,
        until: Annotated[
            dt.datetime | None, typer.Option(formats=DATE_FORMATS, help="Last day covered, YYYY-MM-DD.")
        ] = None,
        country: Annotated[
            str | None,
            typer.Option(
                help="Only this country (ISO3): incidents there, its speakers, flows from, in or to it."
            ),
        ] = None,
        db: DbOpt = None,
        published: PublishedOpt = None,
        config: ConfigOpt = None,
    ) -> None:
        """Write an offline HTML brief: charts of incidents, casualties, places, refugee flows and
        speakers, and tables of the largest events and latest statements with their evidence."""
        import duckdb

        from flows.report import write_report
        from warehouse.report_queries import ReportFilter

        try:
            code = _country(country)
        except ValueError as e:
            raise _fail(str(e)) from None
        first, last = (d.date() if d else None for d in (since, until))
        if first and last and first > last:
            raise _fail(f"--since {first} is after --until {last}")
        if out_file.exists() and out_file.is_dir():
            raise _fail(f"{out_file}: is a directory; --out needs a file name such as brief.html")
        settings = _settings(config).with_overrides(db=db, out=published)
        reader = open_reader_or_fail(settings)
        try:
            summary = write_report(
                reader.con, out_file, ReportFilter(since=first, until=last, country=code), reader.source
            )
        except duckdb.Error as e:
            raise _fail(f"{settings.db}: {str(e).splitlines()[0]}") from None
        except OSError as e:
            raise _fail(f"{out_file}: {e.strerror or e}") from None
        finally:
            reader.close()
        out.print(
            f"wrote {summary.path}: {summary.events} incidents, {summary.statements} statements, "
            f"{summary.refugee_figures} refugee figures; {summary.charts_drawn} charts drawn, "
            f"{summary.charts_empty} without data",
            highlight=False,
            soft_wrap=True,
        )
