"""Render the situation brief: report rows → Vega-Lite charts and maps as inline SVG → one HTML file.

Charts are drawn at build time by vl-convert (an embedded JavaScript engine
inside the Python wheel) with every external URL refused, so the file has no
script, no font or image to fetch, and opens offline, in print and on a phone.
A chart whose data is empty is replaced by a sentence that says so. Every chart
has a text alternative: its title and a one-line summary of what it shows,
which the SVG is labelled by; each mark's description becomes its hover title.

Charts over time use the unit the queries chose from the span shown (week,
month, quarter, year) with at most a handful of labelled ticks, and at most
six series in a legend (the rest summed as "other").
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import jinja2
import vl_convert
from markupsafe import Markup

from flows import mapdata, report_maps
from warehouse.reader import DataSource
from warehouse.report_queries import ReportData, ReportFilter, report_data

VEGA_LITE = "5.21"  # pinned so a vl-convert upgrade cannot change the charts silently
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
CHART_WIDTH = 400  # plot area; with axes and legend the SVG fits a 480 px column unscaled
_CONFIG: dict[str, Any] = {
    "font": FONT,
    "view": {"stroke": None},
    "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 220},
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 260},
    "header": {"labelFontSize": 13, "titleFontSize": 13},
    "title": {"fontSize": 14},
}
# Okabe & Ito's colour-blind-safe palette for the series of a chart; "other" is grey.
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442")
OTHER_COLOUR = {"other": "#999999", "other routes": "#999999", "unknown": "#d4d4d8"}
OTHER = tuple(OTHER_COLOUR)
# Per time unit: tick steps to try (in units; a quarter axis is ticked in years), label format,
# and most labels that fit a 400 px axis.
TICKS = {
    "week": ((1, 2, 4, 8, 13, 26), "%d %b", 7),
    "month": ((1, 2, 3, 6, 12, 24), "%b %Y", 6),
    "quarter": ((1, 2, 5, 10), "%Y", 9),
    "year": ((1, 2, 5, 10, 20, 50), "%Y", 9),
}


@dataclass(frozen=True, slots=True)
class Chart:
    """One figure: an id for anchors and tests, a title, a caption, and an SVG or an empty note."""

    id: str
    title: str
    caption: str
    svg: Markup | None
    empty: str
    summary: str = ""  # one line: what the chart shows, for every reader and as the SVG's label
    note: str = ""  # shown under the chart (events left off a map)


@dataclass(frozen=True, slots=True)
class ReportSummary:
    path: Path
    events: int
    statements: int
    refugee_figures: int
    charts_drawn: int
    charts_empty: int


_MARK = re.compile(r"<(path|rect|line)\b([^>]*)/>")
_ARIA_LABEL = re.compile(r'\baria-label="([^"]*)"')
_LONG_NUMBER = re.compile(r"-?\d+\.\d{2,}(?:e-?\d+)?|-?\d+e-\d+")
_GEOMETRY = re.compile(r'\s(?:d|transform)="[^"]*"')


def _tenth(m: re.Match[str]) -> str:
    return f"{round(float(m.group(0)), 1):g}"


def _titled(m: re.Match[str]) -> str:
    """A mark with a description gets it as ``<title>`` too: the hover text of a page without script."""
    attrs = m.group(2)
    label = _ARIA_LABEL.search(attrs)
    if label is None or 'role="graphics-symbol"' not in attrs:
        return m.group(0)
    return f"<{m.group(1)}{attrs}><title>{label.group(1)}</title></{m.group(1)}>"


def _svg(spec: dict[str, Any], label_id: str = "", round_paths: bool = False) -> Markup:
    """``spec`` drawn as SVG markup, scaled by CSS, labelled by the elements ``label_id`` names,
    each mark's aria-label also its ``<title>`` (a browser shows it on hover, no script needed)."""
    config = {**_CONFIG, **spec.get("config", {})}
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", **spec, "config": config}
    svg = vl_convert.vegalite_to_svg(spec, vl_version=VEGA_LITE, allowed_base_urls=[])
    # vl-convert writes a fixed width/height; CSS scales the viewBox to the column instead.
    head, sep, rest = svg.partition(">")
    label = f' aria-labelledby="{label_id}"' if label_id else ""
    head = head.replace(
        'class="marks"', f'class="marks" preserveAspectRatio="xMinYMin meet" role="img"{label}', 1
    )
    rest = _MARK.sub(_titled, rest)
    if round_paths:  # maps: a tenth of a pixel is finer than any screen shows their shapes
        rest = _GEOMETRY.sub(lambda m: _LONG_NUMBER.sub(_tenth, m.group(0)), rest)
    return Markup(head + sep + rest)  # trusted: vl-convert escapes the data strings it writes


def _count_axis(peak: int) -> dict[str, Any]:
    """Integer ticks for counts (Vega would label 0.2 steps when the largest count is 1)."""
    return {"format": "d", "tickCount": max(1, min(int(peak), 5))}


def _peak(rows: list[dict[str, Any]], value: str, by: str | None = None) -> int:
    sums: dict[Any, int] = {}
    for r in rows:
        key = r[by] if by else id(r)
        sums[key] = sums.get(key, 0) + int(r[value] or 0)
    return max(sums.values(), default=0)


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _datetime(d: dt.date) -> dict[str, Any]:
    return {"year": d.year, "month": d.month, "date": d.day, "utc": True}


def _step(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved ``n`` units on (week, month, quarter, year)."""
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * n
    m = d.year * 12 + d.month - 1 + months
    return dt.date(m // 12, m % 12 + 1, 1)


def time_ticks(unit: str, first: dt.date, last: dt.date) -> tuple[list[dt.date], str]:
    """Tick dates and label format for an axis of ``unit`` periods starting ``first`` (a period
    start) and ending before ``last``: the smallest step that keeps the labels to what fits, ticks
    on round dates (January for years, quarters for months)."""
    steps, fmt, most = TICKS[unit]
    tick_unit = "year" if unit == "quarter" else unit
    # months and years are ticked on multiples of the step from January; weeks from the first
    start = first if tick_unit == "week" else dt.date(first.year, 1, 1)
    ticks: list[dt.date] = []
    for step in steps:
        ticks = []
        d = start
        while d < last:
            if d >= first:
                ticks.append(d)
            d = _step(d, tick_unit, step)
        if len(ticks) <= most:
            return ticks, fmt
    return ticks, fmt


def _time_x(rows: list[dict[str, Any]], unit: str) -> dict[str, Any]:
    """Encodings ``x`` and ``x2``: bars from a period's first day to the next period's."""
    first = min(_day(r["period"]) for r in rows)
    last = max(_day(r["period_end"]) for r in rows)
    ticks, fmt = time_ticks(unit, first, last)
    return {
        "x": {"field": "period", "type": "temporal", "title": None,
              "scale": {"type": "utc", "domain": [_datetime(first), _datetime(last)]},
              "axis": {"values": [_datetime(t) for t in ticks], "format": fmt, "labelAngle": 0,
                       "labelOverlap": True, "labelFlush": False, "grid": False}},
        "x2": {"field": "period_end"},
    }  # fmt: skip


def _series_colour(rows: list[dict[str, Any]], field: str, value: str, title: str) -> dict[str, Any]:
    """Colour by ``field``: the largest series first in the palette, 'other' last in grey."""
    totals: dict[str, int] = {}
    for r in rows:
        totals[r[field]] = totals.get(r[field], 0) + int(r[value] or 0)
    named = sorted((k for k in totals if k not in OTHER), key=lambda k: (-totals[k], k))
    domain = named + sorted(k for k in totals if k in OTHER)
    colours = [SERIES_COLOURS[i % len(SERIES_COLOURS)] for i in range(len(named))]
    colours += [OTHER_COLOUR[k] for k in domain[len(named) :]]
    return {"field": field, "type": "nominal", "title": title,
            "scale": {"domain": domain, "range": colours}, "sort": domain,
            "legend": {"orient": "bottom", "direction": "horizontal", "columns": 4, "titleOrient": "left"}}  # fmt: skip


def _stacked(rows: list[dict[str, Any]], unit: str, value: str, title: str) -> dict[str, Any]:
    # Countries ranked by events in both charts, so that a country has one colour on the page.
    colour = _series_colour(rows, "country", "events", "country")
    return {
        "width": CHART_WIDTH,
        "height": 200,
        "data": {"values": rows},
        "mark": {"type": "bar", "stroke": "white", "strokeWidth": 0.5},
        "encoding": {
            **_time_x(rows, unit),
            "y": {"field": value, "type": "quantitative", "aggregate": "sum", "title": title,
                  "axis": _count_axis(_peak(rows, value, by="period"))},
            "color": colour,
            "order": {"field": "rank", "type": "quantitative"},
        },
        "transform": [{"calculate": f"indexof({json.dumps(colour['scale']['domain'])}, datum.country)",
                       "as": "rank"}],
    }  # fmt: skip


def incidents_chart(rows: list[dict[str, Any]], unit: str = "month") -> dict[str, Any]:
    """Stacked bars: events per period, one colour per country."""
    return _stacked(rows, unit, "events", "events")


def killed_chart(rows: list[dict[str, Any]], unit: str = "month") -> dict[str, Any]:
    """Stacked bars: people killed per period, one colour per country."""
    return _stacked(rows, unit, "killed", "killed")


def places_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    values = [{**r, "label": f"{r['place']} ({r['country']})"} for r in rows]
    return {
        "width": CHART_WIDTH - 250,
        "data": {"values": values},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "title": None, "sort": None},
            "x": {"field": "events", "type": "quantitative", "title": "events",
                  "axis": _count_axis(_peak(rows, "events"))},
        },
        "layer": [
            {"mark": {"type": "bar", "color": "#b6423a"}},
            {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 11},
             "encoding": {"text": {"field": "caption", "type": "nominal"}},
             "transform": [{"calculate": "datum.killed + ' killed, ' + datum.wounded + ' wounded'",
                            "as": "caption"}]},
        ],
    }  # fmt: skip


def refugees_chart(rows: list[dict[str, Any]], unit: str = "month") -> dict[str, Any]:
    """One line per route: the figure of each period, with the latest one written at its end."""
    colour = _series_colour(rows, "route", "count", "route")
    colour["legend"] = {"orient": "bottom", "columns": 2, "title": "origin → location → destination",
                        "titleLimit": 400, "labelLimit": 200}  # fmt: skip
    x = _time_x(rows, unit)
    mid = {"calculate": "(toDate(datum.period) + toDate(datum.period_end)) / 2", "as": "mid"}
    enc = {"x": {**x["x"], "field": "mid"},
           "y": {"field": "count", "type": "quantitative", "title": "people",
                 "axis": {"format": "~s", "labelExpr": "datum.value === 0 ? '0' : datum.label"}},
           "color": colour}  # fmt: skip
    return {
        "width": CHART_WIDTH,
        "height": 220,
        "data": {"values": rows},
        "transform": [mid],
        "encoding": enc,
        "layer": [
            {"mark": {"type": "line", "strokeWidth": 2}},
            {"mark": {"type": "point", "filled": True, "size": 36}},
            {"transform": [{"joinaggregate": [{"op": "max", "field": "mid", "as": "latest"}], "groupby": ["route"]},
                           {"filter": "datum.mid === datum.latest"}],
             "mark": {"type": "text", "align": "left", "dx": 5, "fontSize": 11, "fontWeight": "bold"},
             "encoding": {"text": {"field": "count", "type": "quantitative", "format": ".3~s"}}},
        ],
    }  # fmt: skip


def speakers_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    values = [{**r, "label": r["speaker"] + (f" ({r['speaker_country']})" if r["speaker_country"] else "")}
              for r in rows]  # fmt: skip
    return {
        "width": CHART_WIDTH - 200,
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "title": None, "sort": None},
            "x": {"field": "statements", "type": "quantitative", "title": "statements",
                  "axis": _count_axis(_peak(rows, "statements"))},
            "color": {"field": "speaker_kind", "type": "nominal", "title": None,
                      "scale": {"domain": ["person", "organization"], "range": ["#4c78a8", "#f58518"]},
                      "legend": {"orient": "bottom"}},
        },
    }  # fmt: skip


def period_label(unit: str, iso: str) -> str:
    """How a period reads in a sentence: 'week of 8 Sep 2025', 'Sep 2025', 'Q3 2025', '2025'."""
    d = _day(iso)
    if unit == "week":
        return f"week of {d.day} {d:%b %Y}"
    if unit == "quarter":
        return f"Q{(d.month - 1) // 3 + 1} {d.year}"
    return str(d.year) if unit == "year" else f"{d:%b %Y}"


def _sum_by(rows: list[dict[str, Any]], key: str, value: str) -> dict[Any, int]:
    out: dict[Any, int] = {}
    for r in rows:
        out[r[key]] = out.get(r[key], 0) + int(r[value] or 0)
    return out


def _top(sums: dict[Any, int], skip: tuple[str, ...] = OTHER) -> tuple[Any, int]:
    named = {k: v for k, v in sums.items() if k not in skip} or sums
    return min(named.items(), key=lambda kv: (-kv[1], str(kv[0])))


def trend_summary(rows: list[dict[str, Any]], unit: str, value: str, noun: str) -> str:
    """'N killed from Jan 2024 to Dec 2025, by month; most in Mar 2025 (40); most in SYR (120).'"""
    if not rows:
        return ""
    total = sum(int(r[value] or 0) for r in rows)
    first, last = min(r["period"] for r in rows), max(r["period"] for r in rows)
    parts = [f"{total:,} {noun} from {period_label(unit, first)} to {period_label(unit, last)}, by {unit}"]
    if total:
        p, n = _top(_sum_by(rows, "period", value))
        c, m = _top(_sum_by(rows, "country", value))
        parts.append(f"most in {period_label(unit, p)} ({n:,})")
        parts.append(f"most in {c} ({m:,})")
    return "; ".join(parts) + "."


def refugee_trend_summary(rows: list[dict[str, Any]], unit: str) -> str:
    """The latest figure of the largest routes, and whether it rose or fell since the one before."""
    by_route: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_route.setdefault(r["route"], []).append(r)
    order = sorted(by_route, key=lambda k: (k in OTHER, -sum(int(r["count"]) for r in by_route[k]), k))
    parts = []
    for route in order[:3]:
        series = sorted(by_route[route], key=lambda r: r["period"])
        last = series[-1]
        text = f"{route} {int(last['count']):,} in {period_label(unit, last['period'])}"
        if len(series) > 1:
            prev = int(series[-2]["count"])
            trend = "up" if last["count"] > prev else "down" if last["count"] < prev else "level"
            text += f" ({trend} from {prev:,})" if trend != "level" else " (level)"
        parts.append(text)
    return ("Latest figure per route: " + "; ".join(parts) + ".") if parts else ""


def _list_summary(rows: list[dict[str, Any]], label: str, value: str, noun: str, what: str) -> str:
    if not rows:
        return ""
    top = rows[0]
    return f"{len(rows)} {noun}; most {what}: {top[label]} ({int(top[value]):,})."


def charts(data: ReportData) -> list[Chart]:
    """The report's figures in page order; an empty one carries a sentence instead of an SVG."""
    unit, r_unit, country = data.incident_unit, data.refugee_unit, data.filter.country
    unplaced = int(data.totals.get("events_unplaced") or 0)
    frame = report_maps.incident_frame(data.map_events, country)
    points = report_maps.map_points(data.map_events, frame)
    moves, stocks = data.refugee_moves, data.refugee_stocks
    # the map is drawn when it has an arrow or a circle to show
    mappable: list[Any] = report_maps.legs(moves)[0] or [s for s in stocks if mapdata.centroid(s["host"])]
    places = [{**r, "label": f"{r['place']} ({r['country']})"} for r in data.places]
    speakers = [{**r, "label": r["speaker"] + (f" ({r['speaker_country']})" if r["speaker_country"] else "")}
                for r in data.speakers]  # fmt: skip
    plan: list[tuple[Any, ...]] = [
        ("incident-map", "Map of incidents", data.map_events,
         lambda rows: report_maps.incident_map(rows, country, points),
         "Canonical events (reports of one event merged across articles) at the coordinates of the "
         "place named; circle area by people killed, colour by type of event; hover for place, dates "
         "and wounded. Events at the same point and of the same type share a circle.",
         "No incident in this selection has coordinates.",
         report_maps.incident_map_summary(data.map_events, len(points), unplaced),
         f"{unplaced:,} {'event' if unplaced == 1 else 'events'} without coordinates "
         f"{'is' if unplaced == 1 else 'are'} not on the map." if unplaced else ""),
        ("refugee-map", "Map of refugee movements", mappable,
         lambda _rows: report_maps.refugee_map(moves, stocks, country),
         "Arrows: people moving from one country to another (arrived, returned, deported, displaced, "
         "resettled), width by people, the largest figure reported per month summed over the period. "
         "Circles: people hosted or registered in a country, its latest figure. Ends at country centroids.",
         "No movement between countries and no people hosted in this selection.",
         report_maps.refugee_map_summary(moves, stocks), ""),
        ("incidents", f"Incidents per {unit} and country", data.incidents_by_period,
         lambda rows: incidents_chart(rows, unit),
         f"Dated canonical events per {unit}; the six countries with most events, the rest as other.",
         "No dated incidents in this selection.",
         trend_summary(data.incidents_by_period, unit, "events", "events"), ""),
        ("killed", f"Killed per {unit} and country", data.incidents_by_period,
         lambda rows: killed_chart(rows, unit),
         f"Dated events: the largest figure reported for each event, summed per {unit}. "
         "Wounded are in the map's titles and the tables.",
         "No dated incidents in this selection.",
         trend_summary(data.incidents_by_period, unit, "killed", "killed"), ""),
        ("refugees", f"Refugee and migrant movements per {r_unit} and route", data.refugees_by_period,
         lambda rows: refugees_chart(rows, r_unit),
         f"People moving (not stocks such as hosted), in persons: per {r_unit} and route the largest "
         "figure reported, summed over movements; the latest figure is written at the end of each line. "
         "Route: origin → where they are or leave from → destination (? unknown).",
         "No dated movements of people in this selection.",
         refugee_trend_summary(data.refugees_by_period, r_unit), ""),
        ("places", "Places with most incidents", places, places_chart,
         "Most specific place named, with its province; label: killed and wounded there.",
         "No incident names a place in this selection.",
         _list_summary(places, "label", "events", "places", "events"), ""),
        ("speakers", "Most quoted speakers", speakers, speakers_chart,
         "Statements attributed to each speaker.",
         "No statements in this selection.",
         _list_summary(speakers, "label", "statements", "speakers", "quoted"), ""),
    ]  # fmt: skip
    return [
        Chart(id=cid, title=title, caption=caption, empty=empty, summary=summary if rows else "", note=note,
              svg=_svg(build(rows), f"{cid}-title {cid}-summary", round_paths=cid.endswith("map")) if rows else None)
        for cid, title, rows, build, caption, empty, summary, note in plan
    ]  # fmt: skip


@cache
def _template() -> jinja2.Template:
    source = resources.files("flows").joinpath("templates/report.html").read_text(encoding="utf-8")
    env = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["num"] = lambda v: "" if v is None else f"{v:,}"
    return env.from_string(source)


def _scope(f: ReportFilter) -> str:
    parts = []
    if f.since or f.until:
        parts.append(f"{f.since or '…'} to {f.until or '…'}")
    if f.country:
        parts.append(f"country {f.country}")
    return "; ".join(parts) or "all dates, all countries"


def render_report(
    data: ReportData,
    figures: list[Chart] | None = None,
    generated_at: dt.datetime | None = None,
    source: DataSource | None = None,
) -> str:
    """The whole HTML document for ``data`` (``figures`` default to ``charts(data)``); ``source``,
    the run and snapshot the data comes from, is named in a line and in a ``meta`` tag."""
    generated_at = generated_at or dt.datetime.now(dt.UTC)
    return _template().render(
        data=data,
        charts=charts(data) if figures is None else figures,
        scope=_scope(data.filter),
        generated_at=generated_at.strftime("%Y-%m-%d %H:%M UTC"),
        source=source,
        source_json=json.dumps(source.as_dict(), sort_keys=True) if source else "",
    )


def write_report(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    f: ReportFilter | None = None,
    source: DataSource | None = None,
) -> ReportSummary:
    """Query the warehouse (or snapshot) behind ``con`` and write the report to ``path`` atomically."""
    f = f or ReportFilter()
    data = report_data(con, f)
    built = charts(data)
    html = render_report(data, built, source=source)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # same folder, so the rename is atomic
    try:
        tmp.write_text(html, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    t = data.totals
    return ReportSummary(
        path=path,
        events=int(t["events"]),
        statements=int(t["statements"]),
        refugee_figures=int(t["refugee_figures"]),
        charts_drawn=sum(c.svg is not None for c in built),
        charts_empty=sum(c.svg is None for c in built),
    )
