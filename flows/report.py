"""Render the situation brief: report rows → Vega-Lite charts as inline SVG → one HTML file.

Charts are drawn at build time by vl-convert (an embedded JavaScript engine
inside the Python wheel) with every external URL refused, so the file has no
script, no font or image to fetch, and opens offline, in print and on a phone.
A chart whose data is empty is replaced by a sentence that says so.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import jinja2
import vl_convert
from markupsafe import Markup

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


@dataclass(frozen=True, slots=True)
class Chart:
    """One figure: an id for anchors and tests, a title, a caption, and an SVG or an empty note."""

    id: str
    title: str
    caption: str
    svg: Markup | None
    empty: str


@dataclass(frozen=True, slots=True)
class ReportSummary:
    path: Path
    events: int
    statements: int
    refugee_figures: int
    charts_drawn: int
    charts_empty: int


def _svg(spec: dict[str, Any]) -> Markup:
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "config": _CONFIG, **spec}
    svg = vl_convert.vegalite_to_svg(spec, vl_version=VEGA_LITE, allowed_base_urls=[])
    # vl-convert writes a fixed width/height; CSS scales the viewBox to the column instead.
    head, sep, rest = svg.partition(">")
    head = head.replace('class="marks"', 'class="marks" preserveAspectRatio="xMinYMin meet" role="img"', 1)
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


def _month_axis() -> dict[str, Any]:
    return {"field": "month", "type": "ordinal", "title": None, "axis": {"labelAngle": -45}}


def incidents_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "width": CHART_WIDTH,
        "height": 220,
        "data": {"values": rows},
        "mark": {"type": "bar"},
        "encoding": {
            "x": _month_axis(),
            "y": {"field": "events", "type": "quantitative", "aggregate": "sum", "title": "events",
                  "axis": _count_axis(_peak(rows, "events", by="month"))},
            "color": {"field": "country", "type": "nominal", "title": "country",
                      "scale": {"scheme": "tableau10"}},
            "order": {"field": "country"},
        },
    }  # fmt: skip


def casualties_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "data": {"values": rows},
        "transform": [{"fold": ["killed", "wounded"], "as": ["measure", "people"]}],
        "facet": {"column": {"field": "measure", "type": "nominal", "title": None,
                             "sort": ["killed", "wounded"]}},
        "spec": {
            "width": CHART_WIDTH // 2 - 50,
            "height": 200,
            "mark": {"type": "bar"},
            "encoding": {
                "x": _month_axis(),
                "y": {"field": "people", "type": "quantitative", "aggregate": "sum", "title": "people"},
                "color": {"field": "country", "type": "nominal", "title": "country",
                          "scale": {"scheme": "tableau10"}},
                "order": {"field": "country"},
            },
        },
        "resolve": {"scale": {"y": "independent"}},
    }  # fmt: skip


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


def refugees_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "width": CHART_WIDTH,
        "height": 220,
        "data": {"values": rows},
        "mark": {"type": "bar"},
        "encoding": {
            "x": _month_axis(),
            "y": {"field": "count", "type": "quantitative", "aggregate": "sum", "title": "people",
                  "axis": {"format": "~s"}},
            "color": {"field": "route", "type": "nominal", "title": "origin → location → destination",
                      "scale": {"scheme": "set2"}, "legend": {"orient": "bottom", "columns": 2, "titleLimit": 400}},
            "order": {"field": "route"},
        },
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


def charts(data: ReportData) -> list[Chart]:
    """The report's figures in page order; an empty one carries a sentence instead of an SVG."""
    plan = [
        ("incidents", "Incidents by month and country", data.incidents_by_month, incidents_chart,
         "Dated violent events per month, merged across articles that report the same day, place and type.",
         "No dated incidents in this selection."),
        ("casualties", "Killed and wounded by month and country", data.incidents_by_month, casualties_chart,
         "Dated events: the largest figure reported for each event, summed per month.",
         "No dated incidents in this selection."),
        ("places", "Places with most incidents", data.places, places_chart,
         "Most specific place named, with its province; label: killed and wounded there.",
         "No incident names a place in this selection."),
        ("refugees", "Refugee and migrant movements by month and route", data.refugees_by_month, refugees_chart,
         "People moving (arrived, returned, deported, displaced, resettled; not stocks such as hosted), "
         "in persons: per month, route and movement the largest figure reported. "
         "Route: origin → where they are or leave from → destination (? unknown).",
         "No dated movements of people in this selection."),
        ("speakers", "Most quoted speakers", data.speakers, speakers_chart,
         "Statements attributed to each speaker.",
         "No statements in this selection."),
    ]  # fmt: skip
    return [
        Chart(id=cid, title=title, caption=caption, svg=_svg(build(rows)) if rows else None, empty=empty)
        for cid, title, rows, build, caption, empty in plan
    ]


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
