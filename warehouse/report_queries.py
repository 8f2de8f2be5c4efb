"""Read-only queries behind `sitrep report`: plain rows for charts and evidence tables.

Every function takes an open DuckDB connection (read-only from the CLI, the
flow's own connection at the end of a run) and a ``ReportFilter``; it returns
lists of dicts, ready for a chart spec or a template. Only base tables are
read (articles, statements, incidents, refugee_counts).

Dates: an incident is dated by ``occurred_on``, else by its article's
publication day (UTC); a statement by its article's publication day; a refugee
figure by ``period_end``, else ``period_start``, else the publication day.
Rows without any date are left out when ``since`` or ``until`` is given.

Incidents: articles report the same event again and again. Reports with the
same day, place, country and event type are merged into one event that keeps
the largest killed and wounded figures and the evidence of its largest report;
undated reports stay events of their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import duckdb

TOP_PLACES = 15
TOP_SPEAKERS = 15
TOP_ROUTES = 8
TABLE_ROWS = 20
# Movements of people; hosted and registered are stocks, other is unknown.
FLOWS = ("arrived", "returned", "deported", "displaced", "resettled")


@dataclass(frozen=True, slots=True)
class ReportFilter:
    """What the report covers: a closed date range (either end open) and one country."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None  # ISO 3166-1 alpha-3


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything one report shows; each list holds plain dict rows."""

    filter: ReportFilter
    totals: dict[str, Any]
    incidents_by_month: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    refugees_by_month: list[dict[str, Any]] = field(default_factory=list)
    refugee_routes: list[dict[str, Any]] = field(default_factory=list)
    speakers: list[dict[str, Any]] = field(default_factory=list)
    largest_events: list[dict[str, Any]] = field(default_factory=list)
    latest_statements: list[dict[str, Any]] = field(default_factory=list)


_PUB_DAY = "CAST(timezone('UTC', a.published_at) AS DATE)"
# DuckDB's substring counts code points from 1, like Python's str indices from 0.
_EVIDENCE = "substring(a.text, {t}.start_char + 1, {t}.end_char - {t}.start_char)"


def _date_clause(col: str, f: ReportFilter) -> tuple[str, list[Any]]:
    parts, params = [], []
    if f.since is not None:
        parts.append(f"{col} >= ?")
        params.append(f.since)
    if f.until is not None:
        parts.append(f"{col} <= ?")
        params.append(f.until)
    return " AND ".join(parts) or "TRUE", params


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description or []]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _events_sql(f: ReportFilter) -> tuple[str, list[Any]]:
    """A CTE body: one row per merged event, with its report count and best evidence."""
    when, params = _date_clause("d", f)
    country = "TRUE"
    if f.country is not None:
        country = "country_iso3 = ?"
        params.append(f.country)
    sql = f"""
        WITH reports AS (
            SELECT i.*, coalesce(i.occurred_on, {_PUB_DAY}) AS d,
                   a.url, a.title AS article_title, a.source, a.published_at,
                   {_EVIDENCE.format(t="i")} AS evidence,
                   CASE WHEN i.occurred_on IS NULL THEN i.incident_id
                        ELSE concat_ws('|', i.occurred_on, lower(coalesce(i.location, i.admin1, '')),
                                       i.country_iso3, i.event_type) END AS event_key
            FROM incidents i JOIN articles a ON a.article_id = i.article_id
        ),
        scoped AS (SELECT * FROM reports WHERE {when} AND {country}),
        events AS (
            SELECT event_key,
                   arg_max(incident_id, (coalesce(killed, 0) + coalesce(wounded, 0), incident_id)) AS incident_id,
                   count(*) AS reports,
                   max(killed) AS killed, max(wounded) AS wounded
            FROM scoped GROUP BY event_key
        )
        SELECT s.incident_id, s.event_type, s.perpetrator, s.location, s.admin1, s.country_iso3,
               s.latitude, s.longitude, s.occurred_on, s.d, e.killed, e.wounded, e.reports,
               s.killed_qualifier, s.wounded_qualifier,
               s.url, s.article_title, s.source, s.evidence
        FROM events e JOIN scoped s ON s.incident_id = e.incident_id
    """
    return sql, params


def incidents_by_month(con: duckdb.DuckDBPyConnection, f: ReportFilter) -> list[dict[str, Any]]:
    """Per month and country: events, killed, wounded (dated events only)."""
    ev, params = _events_sql(f)
    sql = f"""
        SELECT strftime(date_trunc('month', d), '%Y-%m') AS month,
               coalesce(country_iso3, 'unknown') AS country,
               count(*) AS events,
               coalesce(sum(killed), 0) AS killed, coalesce(sum(wounded), 0) AS wounded
        FROM ({ev}) WHERE d IS NOT NULL
        GROUP BY ALL ORDER BY month, country
    """
    return _rows(con, sql, params)


def places(con: duckdb.DuckDBPyConnection, f: ReportFilter, limit: int = TOP_PLACES) -> list[dict[str, Any]]:
    """The places with most events: place label, country, events, killed, wounded."""
    ev, params = _events_sql(f)
    sql = f"""
        SELECT CASE WHEN location IS NULL THEN admin1
                    WHEN admin1 IS NULL OR lower(admin1) = lower(location) THEN location
                    ELSE location || ', ' || admin1 END AS place,
               coalesce(country_iso3, 'unknown') AS country,
               count(*) AS events,
               coalesce(sum(killed), 0) AS killed, coalesce(sum(wounded), 0) AS wounded,
               avg(latitude) AS latitude, avg(longitude) AS longitude
        FROM ({ev}) WHERE coalesce(location, admin1) IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, killed DESC, place LIMIT ?
    """
    return _rows(con, sql, [*params, limit])


def largest_events(
    con: duckdb.DuckDBPyConnection, f: ReportFilter, limit: int = TABLE_ROWS
) -> list[dict[str, Any]]:
    """Events by killed + wounded, largest first, each with evidence sentence and source."""
    ev, params = _events_sql(f)
    sql = f"""
        SELECT * FROM ({ev})
        ORDER BY coalesce(killed, 0) + coalesce(wounded, 0) DESC, coalesce(killed, 0) DESC,
                 d DESC NULLS LAST, incident_id
        LIMIT ?
    """
    return _rows(con, sql, [*params, limit])


def _statements_sql(f: ReportFilter) -> tuple[str, list[Any]]:
    when, params = _date_clause("d", f)
    country = "TRUE"
    if f.country is not None:
        country = "speaker_country = ?"
        params.append(f.country)
    sql = f"""
        SELECT * FROM (
            SELECT s.*, {_PUB_DAY} AS d, a.published_at, a.url, a.title AS article_title, a.source,
                   {_EVIDENCE.format(t="s")} AS evidence
            FROM statements s JOIN articles a ON a.article_id = s.article_id
        ) WHERE {when} AND {country}
    """
    return sql, params


def speakers(
    con: duckdb.DuckDBPyConnection, f: ReportFilter, limit: int = TOP_SPEAKERS
) -> list[dict[str, Any]]:
    """The most quoted speakers: statements, articles quoting them, kind, country."""
    st, params = _statements_sql(f)
    sql = f"""
        SELECT speaker, speaker_kind, coalesce(speaker_country, '') AS speaker_country,
               count(*) AS statements, count(DISTINCT article_id) AS articles
        FROM ({st}) GROUP BY ALL ORDER BY statements DESC, articles DESC, speaker LIMIT ?
    """
    return _rows(con, sql, [*params, limit])


def latest_statements(
    con: duckdb.DuckDBPyConnection, f: ReportFilter, limit: int = TABLE_ROWS
) -> list[dict[str, Any]]:
    """Statements of the latest articles first, with evidence and source."""
    st, params = _statements_sql(f)
    sql = f"""
        SELECT statement_id, speaker, speaker_title, speaker_kind, speaker_country, verb, mode, content,
               d, url, article_title, source, evidence
        FROM ({st}) ORDER BY published_at DESC NULLS LAST, article_id, start_char LIMIT ?
    """
    return _rows(con, sql, [*params, limit])


def _refugees_sql(f: ReportFilter) -> tuple[str, list[Any]]:
    when, params = _date_clause("d", f)
    country = "TRUE"
    if f.country is not None:
        country = "(origin_iso3 = ? OR destination_iso3 = ? OR list_contains(location_iso3, ?))"
        params += [f.country] * 3
    sql = f"""
        SELECT * FROM (
            SELECT r.*, coalesce(r.period_end, r.period_start, {_PUB_DAY}) AS d,
                   concat_ws(' → ', coalesce(r.origin_iso3, '?'),
                             coalesce(nullif(array_to_string(r.location_iso3, '/'), ''), '?'),
                             coalesce(r.destination_iso3, '?')) AS route,
                   a.url, a.title AS article_title, a.source,
                   {_EVIDENCE.format(t="r")} AS evidence
            FROM refugee_counts r JOIN articles a ON a.article_id = r.article_id
        ) WHERE {when} AND {country}
    """
    return sql, params


def refugee_routes(
    con: duckdb.DuckDBPyConnection, f: ReportFilter, limit: int = TABLE_ROWS
) -> list[dict[str, Any]]:
    """Per month, route (origin → location → destination), movement and unit: the largest figure
    reported, how many reports, and the evidence of the largest; largest first."""
    rf, params = _refugees_sql(f)
    sql = f"""
        SELECT strftime(date_trunc('month', d), '%Y-%m') AS month, route, movement, unit,
               max(count) AS count, count(*) AS reports,
               arg_max(population, (count, count_id)) AS population,
               arg_max(qualifier, (count, count_id)) AS qualifier,
               arg_max(forced, (count, count_id)) AS forced,
               arg_max(evidence, (count, count_id)) AS evidence,
               arg_max(url, (count, count_id)) AS url,
               arg_max(article_title, (count, count_id)) AS article_title
        FROM ({rf}) GROUP BY ALL
        ORDER BY count DESC, month DESC NULLS LAST, route, movement, unit
        LIMIT ?
    """
    return _rows(con, sql, [*params, limit])


def refugees_by_month(
    con: duckdb.DuckDBPyConnection, f: ReportFilter, top_routes: int = TOP_ROUTES
) -> list[dict[str, Any]]:
    """Per month and route: the sum over movements (``FLOWS``, not stocks) of the largest figure
    reported (persons only); routes beyond the ``top_routes`` largest are summed as 'other routes'."""
    rf, params = _refugees_sql(f)
    sql = f"""
        WITH per AS (
            SELECT strftime(date_trunc('month', d), '%Y-%m') AS month, route, movement, max(count) AS count
            FROM ({rf})
            WHERE d IS NOT NULL AND unit = 'persons' AND movement IN ({", ".join(f"'{m}'" for m in FLOWS)})
            GROUP BY ALL
        ),
        ranked AS (
            SELECT route, row_number() OVER (ORDER BY sum(count) DESC, route) AS rank FROM per GROUP BY route
        )
        SELECT month, CASE WHEN rank <= ? THEN per.route ELSE 'other routes' END AS route,
               sum(count) AS count
        FROM per JOIN ranked USING (route) GROUP BY ALL ORDER BY month, route
    """
    return _rows(con, sql, [*params, top_routes])


def totals(con: duckdb.DuckDBPyConnection, f: ReportFilter) -> dict[str, Any]:
    """Headline numbers: events, killed, wounded, statements, refugee figures, articles, date span."""
    ev, p1 = _events_sql(f)
    st, p2 = _statements_sql(f)
    rf, p3 = _refugees_sql(f)
    sql = f"""
        WITH ev AS ({ev}), st AS ({st}), rf AS ({rf})
        SELECT (SELECT count(*) FROM ev) AS events,
               (SELECT coalesce(sum(killed), 0) FROM ev) AS killed,
               (SELECT coalesce(sum(wounded), 0) FROM ev) AS wounded,
               (SELECT count(*) FROM st) AS statements,
               (SELECT count(*) FROM rf) AS refugee_figures,
               (SELECT count(*) FROM articles) AS articles,
               (SELECT min({_PUB_DAY}) FROM articles a) AS first_published,
               (SELECT max({_PUB_DAY}) FROM articles a) AS last_published
    """
    return _rows(con, sql, [*p1, *p2, *p3])[0]


def report_data(con: duckdb.DuckDBPyConnection, f: ReportFilter) -> ReportData:
    """Run every report query for ``f``."""
    return ReportData(
        filter=f,
        totals=totals(con, f),
        incidents_by_month=incidents_by_month(con, f),
        places=places(con, f),
        refugees_by_month=refugees_by_month(con, f),
        refugee_routes=refugee_routes(con, f),
        speakers=speakers(con, f),
        largest_events=largest_events(con, f),
        latest_statements=latest_statements(con, f),
    )
