"""The report's two maps as Vega-Lite specs: incidents at their coordinates, and refugee movements
between countries with the stocks of people hosted.

Both are drawn on the bundled Natural Earth outlines (``flows.mapdata``) in a Mercator plane that
Vega-Lite shows through its ``identity`` projection, framed on what they show (or on the country
of ``--country``). Only the outlines inside the frame are put into the spec, so a map of one region
costs a few kilobytes of SVG, not the whole world. Marks carry a ``description`` (the SVG's
``aria-label``, which the report also turns into a hover title).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flows import mapdata
from flows.mapdata import Box, Point

MAP_WIDTH = 420
MAP_HEIGHT = 320
LAND = {"fill": "#ececef", "stroke": "#9a9aa3", "strokeWidth": 0.6}
SEA = "#f7fafc"
# Okabe & Ito's palette (distinguishable with the common colour-vision deficiencies), one colour
# per event type; "other" grey. Kept fixed so a type has the same colour in every report.
EVENT_COLOURS = {
    "bombing": "#D55E00",
    "suicide_bombing": "#CC79A7",
    "armed_attack": "#E69F00",
    "armed_clash": "#F0E442",
    "airstrike": "#0072B2",
    "shelling": "#56B4E9",
    "abduction": "#009E73",
    "execution": "#000000",
    "other": "#999999",
}
FLOW_COLOUR = "#D55E00"  # vermillion lines and arrowheads
STOCK_COLOUR = "#0072B2"  # blue circles: people hosted
MAX_POINTS = 800  # circles on the incident map; beyond, nearby points are merged (SVG size)
CELL_PX = 4  # the first grid they are merged on, in pixels of the map
MAX_LEGS = 20  # arrows drawn; smaller routes are counted in the summary
NAMED_LEGS, NAMED_HOSTS = 6, 3  # whose countries get their code written on the map
CURVE = 0.18  # sideways bend of a flow line, as a share of its length (A→B and B→A bend apart)
ARROW_AT = 0.9  # where along the curve the arrowhead sits


def _label(event_type: str) -> str:
    return event_type.replace("_", " ")


def _n(v: int | float) -> str:
    return f"{int(v):,}"


def _count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 event', '2 events', '1,200 events'."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def short(n: int) -> str:
    """1,000 → '1k', 2,500,000 → '2.5M' (legend labels)."""
    for size, suffix in ((1_000_000_000, "G"), (1_000_000, "M"), (1_000, "k")):
        if n >= size:
            return f"{n / size:.1f}".rstrip("0").rstrip(".") + suffix
    return str(n)


def size_legend(peak: float, **kw: Any) -> dict[str, Any]:
    """A legend at the bottom with ``legend_values(peak)`` labelled by ``short``."""
    values = legend_values(peak) or [0]
    labels = " : ".join(f"datum.value === {v} ? '{short(v)}'" for v in values) + " : datum.label"
    return {"orient": "bottom", "values": values, "labelExpr": labels, **kw}


def legend_values(peak: float) -> list[int]:
    """Up to three round values (1, 2 or 5 times a power of ten) at or below ``peak``, for a size
    or width legend that reads 1k, 5k, 10k rather than 0k, 5k, 10k."""
    out: list[int] = []
    for share in (1.0, 0.35, 0.1):
        x = peak * share
        if x < 1:
            continue
        p = 10 ** math.floor(math.log10(x))
        v = max(m * p for m in (1, 2, 5) if m * p <= x)
        if v not in out:
            out.append(int(v))
    return sorted(out)


def _frame(points: Sequence[Point], country: str | None, include_country_partners: bool = False) -> Box:
    """The box a map is fitted to: the country of ``--country`` (with ``points`` too when asked),
    else the points; the whole world when there is nothing to frame."""
    box = mapdata.country_box(country) if country else None
    if box is None or include_country_partners:
        around = Box.around(points)
        box = around.union(box) if around is not None else box
    if box is None:
        return Box(-170.0, mapdata.merc_y(-50), 170.0, mapdata.merc_y(72))
    return box.padded()


def _country_names(land: list[dict[str, Any]], shown: Box) -> list[dict[str, Any]]:
    """Names of the countries whose largest piece on the map is big enough to hold the name,
    written at that piece's centre."""
    px = MAP_WIDTH / (shown.east - shown.west)  # pixels per degree, both ways in this plane
    out = []
    for f in land:
        p = f["properties"]
        x, y = p["centre"]
        if shown.contains((x, y)) and p["area"] * px * px > 3 * (7 * len(p["name"])) * 14:
            out.append({"x": x, "y": y, "name": p["name"]})
    return out


def _base(frame: Box, description: str, names: bool = False) -> dict[str, Any]:
    """Land of the countries in the frame (and their names when ``names``), bordered, clipped."""
    shown = frame.fitted(MAP_WIDTH, MAP_HEIGHT)
    land = mapdata.outlines(shown.padded(share=0.04, min_span=0))
    layers: list[dict[str, Any]] = [
        {"name": "land", "data": {"values": [{**f, "properties": {"iso3": f["properties"]["iso3"]}} for f in land]},
         "mark": {"type": "geoshape", "clip": True, "aria": False, **LAND}},
    ]  # fmt: skip
    if names:
        layers.append({"name": "country_names", "data": {"values": _country_names(land, shown)},
                       "mark": {"type": "text", "clip": True, "fontSize": 10, "color": "#7a7a83", "aria": False},
                       "encoding": {**_xy(), "text": {"field": "name", "type": "nominal"}}})  # fmt: skip
    return {
        "width": MAP_WIDTH,
        "height": MAP_HEIGHT,
        "description": description,
        "config": {"view": {"stroke": "#c9c9d0", "fill": SEA}},
        "projection": {"type": "identity", "reflectY": True, "fit": frame.corners()},
        "layer": layers,
    }


def _xy() -> dict[str, Any]:
    return {"longitude": {"field": "x", "type": "quantitative"},
            "latitude": {"field": "y", "type": "quantitative"}}  # fmt: skip


# -- incidents ----------------------------------------------------------------------------------


def _event_title(r: dict[str, Any]) -> str:
    where = f"{r['place'] or 'unnamed place'}" + (f" ({r['country']})" if r["country"] else "")
    if r.get("places", 1) > 1:
        where += f" and {_count(r['places'] - 1, 'place')} nearby"
    when = r["first"] if r["first"] == r["last"] else f"{r['first']} to {r['last']}"
    kinds = r.get("kinds") or _label(r["event_type"])
    n = f"{_count(r['events'], 'event')}, " if r["events"] > 1 else ""
    return f"{where}: {kinds}, {when}; {n}{_n(r['killed'])} killed, {_n(r['wounded'])} wounded"


def _merge(group: list[dict[str, Any]]) -> dict[str, Any]:
    """Points drawn as one circle: sums, the dates' range, the place and type with most events."""
    if len(group) == 1:
        return group[0]
    events = sum(int(g["events"]) for g in group)
    by_type: dict[str, int] = {}
    for g in group:
        by_type[g["event_type"]] = by_type.get(g["event_type"], 0) + int(g["events"])
    top = max(group, key=lambda g: (g["events"], g["killed"]))
    kinds = sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))
    return {
        **top,
        "x": sum(g["x"] * g["events"] for g in group) / events,
        "y": sum(g["y"] * g["events"] for g in group) / events,
        "event_type": kinds[0][0],
        "kinds": ", ".join(f"{_label(t)} {n}" for t, n in kinds) if len(kinds) > 1 else None,
        "places": len({(g["place"], g["country"]) for g in group}),
        "events": events,
        "killed": sum(int(g["killed"]) for g in group),
        "wounded": sum(int(g["wounded"]) for g in group),
        "first": min(g["first"] for g in group),
        "last": max(g["last"] for g in group),
    }


def map_points(rows: list[dict[str, Any]], frame: Box) -> list[dict[str, Any]]:
    """The circles of the incident map: ``rows`` (one per point and event type) projected, and when
    there are more than ``MAX_POINTS``, merged on a grid of ``CELL_PX`` pixels (first keeping event
    types apart, then not, then on a coarser grid) so that the SVG stays small."""
    values = []
    for r in rows:
        x, y = mapdata.project(float(r["longitude"]), float(r["latitude"]))
        values.append({**r, "x": x, "y": y})
    shown = frame.fitted(MAP_WIDTH, MAP_HEIGHT)
    cell = CELL_PX * (shown.east - shown.west) / MAP_WIDTH  # degrees per cell, both ways
    out = values
    while len(out) > MAX_POINTS:
        for by_type in (True, False):
            groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
            for v in values:
                key = (round(v["x"] / cell), round(v["y"] / cell), v["event_type"] if by_type else "")
                groups.setdefault(key, []).append(v)
            out = [_merge(g) for g in groups.values()]
            if len(out) <= MAX_POINTS:
                break
        cell *= 2
    out.sort(key=lambda v: (-int(v["killed"]), -int(v["events"]), v["x"], v["y"]))
    return [{**v, "event": _label(v["event_type"]), "title": _event_title(v)} for v in out]


def incident_frame(rows: list[dict[str, Any]], country: str | None = None) -> Box:
    """What the incident map is fitted to: the country of ``--country``, else the events."""
    return _frame([mapdata.project(float(r["longitude"]), float(r["latitude"])) for r in rows], country)


def incident_map(
    rows: list[dict[str, Any]], country: str | None = None, points: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Events as circles at their coordinates: area by killed, colour by event type, the rest in
    the title. ``rows`` come from ``map_events`` (one per point and event type); ``points`` are
    ``map_points`` of them when already computed."""
    frame = incident_frame(rows, country)
    values = map_points(rows, frame) if points is None else points
    types = [t for t in EVENT_COLOURS if any(r["event_type"] == t for r in values)]
    unknown = sorted({r["event_type"] for r in values} - set(EVENT_COLOURS))
    domain = [_label(t) for t in [*types, *unknown]]
    colours = [EVENT_COLOURS[t] for t in types] + [EVENT_COLOURS["other"]] * len(unknown)
    peak = max((int(r["killed"]) for r in values), default=0)
    spec = _base(frame, "Map of incidents", names=True)
    spec["layer"].append({
        "name": "events",
        "data": {"values": [{k: v[k] for k in ("x", "y", "killed", "event", "title")} for v in values]},
        "mark": {"type": "circle", "clip": True, "opacity": 0.8, "stroke": "#1d1d1f", "strokeWidth": 0.7},
        "encoding": {
            **_xy(),
            "size": {"field": "killed", "type": "quantitative", "title": "killed",
                     "scale": {"domain": [0, max(peak, 1)], "range": [20, 900], "zero": True},
                     "legend": size_legend(peak, symbolFillColor="#bbb")},
            "color": {"field": "event", "type": "nominal", "title": "event",
                      "scale": {"domain": domain, "range": colours},
                      "legend": {"orient": "bottom", "columns": 3, "symbolStrokeColor": "#1d1d1f",
                                 "symbolStrokeWidth": 0.7}},
            "description": {"field": "title", "type": "nominal"},
        },
    })  # fmt: skip
    spec["resolve"] = {"legend": {"size": "independent", "color": "independent"}}
    return spec


def incident_map_summary(rows: list[dict[str, Any]], points: int, unplaced: int) -> str:
    """One line: events, points, countries and killed on the map; the deadliest place; the events
    left off for want of coordinates."""
    events = sum(int(r["events"]) for r in rows)
    countries = {r["country"] for r in rows if r["country"]}
    parts = [f"{_count(events, 'event')} at {_count(points, 'point')} in "
             f"{_count(len(countries), 'country', 'countries')}, {_n(sum(r['killed'] for r in rows))} killed"]  # fmt: skip
    if rows:
        top = max(rows, key=lambda r: (r["killed"], r["events"]))
        if top["killed"]:
            parts.append(f"most killed at {top['place'] or 'an unnamed place'} ({_n(top['killed'])})")
    if unplaced:
        parts.append(
            f"{_n(unplaced)} {'event has' if unplaced == 1 else 'events have'} no coordinates and "
            f"{'is' if unplaced == 1 else 'are'} not on the map"
        )
    return "; ".join(parts) + "."


# -- refugee movements --------------------------------------------------------------------------


def leg(
    movement: str, origin: str | None, locations: Sequence[str], destination: str | None
) -> tuple[str, str] | None:
    """The journey a movement figure describes, as (from, to) country codes, or None when it has
    no two distinct ends. Route = origin → locations → destination; the journey is its last leg,
    where people returning or deported with no destination given go back to their origin
    (``AFG → PAK → ?`` returned: PAK → AFG). Displacement inside one country has no leg."""
    if destination is None and movement in ("returned", "deported") and origin and locations:
        destination = origin
    path: list[str] = []
    for c in (origin, *locations, destination):
        if c and (not path or path[-1] != c):
            path.append(c)
    if len(path) < 2:
        return None
    return path[-2], path[-1]


@dataclass(frozen=True, slots=True)
class Leg:
    """One arrow: from, to, people moving, the movements it sums."""

    src: str
    dst: str
    people: int
    movements: tuple[str, ...]


def legs(moves: list[dict[str, Any]]) -> tuple[list[Leg], int]:
    """Movement rows (``refugee_moves``) summed per (from, to) whose ends are on the map, largest
    first; and how many people in rows that make no leg or have an end the map cannot place."""
    people: dict[tuple[str, str], int] = {}
    kinds: dict[tuple[str, str], set[str]] = {}
    unmapped = 0
    for m in moves:
        ends = leg(m["movement"], m["origin_iso3"], m["location_iso3"] or [], m["destination_iso3"])
        if ends is None or mapdata.centroid(ends[0]) is None or mapdata.centroid(ends[1]) is None:
            unmapped += int(m["count"])
            continue
        people[ends] = people.get(ends, 0) + int(m["count"])
        kinds.setdefault(ends, set()).add(m["movement"])
    out = [Leg(s, d, n, tuple(sorted(kinds[(s, d)]))) for (s, d), n in people.items()]
    out.sort(key=lambda g: (-g.people, g.src, g.dst))
    return out, unmapped


def _curve(a: Point, b: Point, steps: int = 16) -> list[Point]:
    """A quadratic Bézier from ``a`` to ``b`` bent to the right of the direction of travel."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    cx, cy = (x0 + x1) / 2 + dy * CURVE, (y0 + y1) / 2 - dx * CURVE
    pts = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        pts.append((u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1))
    return pts


def _arrow(a: Point, b: Point) -> tuple[Point, float]:
    """Where the arrowhead of the curve from ``a`` to ``b`` sits, and its angle in degrees clockwise
    from north (what a Vega triangle-up symbol is rotated by)."""
    (x0, y0), (x1, y1) = a, b
    cx, cy = (x0 + x1) / 2 + (y1 - y0) * CURVE, (y0 + y1) / 2 - (x1 - x0) * CURVE
    t, u = ARROW_AT, 1 - ARROW_AT
    at = (u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1)
    tx, ty = 2 * u * (cx - x0) + 2 * t * (x1 - cx), 2 * u * (cy - y0) + 2 * t * (y1 - cy)
    return at, math.degrees(math.atan2(tx, ty)) % 360


def refugee_map(
    moves: list[dict[str, Any]], stocks: list[dict[str, Any]], country: str | None = None
) -> dict[str, Any]:
    """Curved arrows between country centroids, width by people moving; circles at host countries,
    area by people hosted; country codes at the ends."""
    drawn, _ = legs(moves)
    drawn = drawn[:MAX_LEGS]
    hosts = [s for s in stocks if mapdata.centroid(s["host"]) is not None]
    peak = max([g.people for g in drawn] + [1])
    lines, heads, ends, named = [], [], set(), set()
    for i, g in enumerate(drawn):
        a, b = mapdata.centroid(g.src), mapdata.centroid(g.dst)
        assert a is not None and b is not None  # legs() keeps only placed ends
        title = f"{g.src} → {g.dst}: {_n(g.people)} people ({', '.join(g.movements)})"
        for k, (x, y) in enumerate(_curve(a, b)):
            lines.append({"leg": i, "k": k, "x": x, "y": y, "people": g.people, "title": title})
        (x, y), angle = _arrow(a, b)
        heads.append({"leg": i, "x": x, "y": y, "people": g.people, "angle": angle, "title": title})
        ends |= {g.src, g.dst}
        if i < NAMED_LEGS:
            named |= {g.src, g.dst}
    circles = []
    for s in hosts:
        x, y = mapdata.centroid(s["host"])  # type: ignore[misc]  # filtered above
        origins = f"{s['origins']} origins" if s["origins"] > 1 else "1 origin"
        circles.append({"x": x, "y": y, "people": s["count"],
                        "title": f"{s['host']} hosts {_n(s['count'])} people (latest {s['month']}; {origins})"})  # fmt: skip
        ends.add(s["host"])
    named |= {s["host"] for s in hosts[:NAMED_HOSTS]}
    places = {iso3: mapdata.centroid(iso3) for iso3 in sorted(ends)}
    names = [{"x": p[0], "y": p[1], "iso3": iso3} for iso3, p in places.items() if p and iso3 in named]
    frame = _frame([p for p in places.values() if p], country, include_country_partners=True)
    width = {"field": "people", "type": "quantitative", "title": "people moving",
             "scale": {"domain": [0, peak], "range": [1, 9], "zero": True},
             "legend": size_legend(peak, symbolStrokeColor=FLOW_COLOUR)}  # fmt: skip
    spec = _base(frame, "Map of refugee movements")
    spec["layer"] += [
        {"name": "stocks", "data": {"values": circles},
         "mark": {"type": "circle", "clip": True, "color": STOCK_COLOUR, "opacity": 0.3,
                  "stroke": STOCK_COLOUR, "strokeWidth": 1},
         "encoding": {**_xy(), "size": {"field": "people", "type": "quantitative", "title": "people hosted",
                                        "scale": {"range": [60, 2500], "zero": True},
                                        "legend": size_legend(max([c["people"] for c in circles] + [1]))},
                      "description": {"field": "title", "type": "nominal"}}},
        {"name": "flows", "data": {"values": lines},
         "mark": {"type": "line", "clip": True, "color": FLOW_COLOUR, "opacity": 0.85, "strokeCap": "round"},
         "encoding": {**_xy(), "detail": {"field": "leg", "type": "nominal"},
                      "order": {"field": "k", "type": "quantitative"},
                      "strokeWidth": width, "description": {"field": "title", "type": "nominal"}}},
        {"name": "arrowheads", "data": {"values": heads},
         "mark": {"type": "point", "shape": "triangle-up", "filled": True, "clip": True, "color": FLOW_COLOUR,
                  "opacity": 1},
         "encoding": {**_xy(), "angle": {"field": "angle", "type": "quantitative", "scale": None},
                      "size": {"field": "people", "type": "quantitative", "legend": None,
                               "scale": {"domain": [0, peak], "range": [40, 260], "zero": True}},
                      "description": {"field": "title", "type": "nominal"}}},
        {"name": "names", "data": {"values": names},
         "mark": {"type": "text", "clip": True, "fontSize": 11, "fontWeight": "bold", "dy": -9,
                  "color": "#1d1d1f", "stroke": "white", "strokeWidth": 0, "aria": False},
         "encoding": {**_xy(), "text": {"field": "iso3", "type": "nominal"}}},
    ]  # fmt: skip
    spec["resolve"] = {"scale": {"size": "independent"}, "legend": {"size": "independent"}}
    return spec


def refugee_map_summary(moves: list[dict[str, Any]], stocks: list[dict[str, Any]]) -> str:
    drawn, unmapped = legs(moves)
    parts = []
    if drawn:
        total = sum(g.people for g in drawn)
        top = ", ".join(f"{g.src} → {g.dst} {_n(g.people)}" for g in drawn[:3])
        parts.append(
            f"{_n(total)} people moving on {_count(len(drawn), 'route')} between countries; largest: {top}"
        )
        if len(drawn) > MAX_LEGS:
            left = len(drawn) - MAX_LEGS
            parts.append(
                "the smallest route is not drawn"
                if left == 1
                else f"the {left} smallest routes are not drawn"
            )
    else:
        parts.append("no movement between two countries")
    if unmapped:
        parts.append(
            f"{_n(unmapped)} more people moving within a country or between places the map cannot show"
        )
    if stocks:
        top = ", ".join(f"{s['host']} {_n(s['count'])}" for s in stocks[:3])
        parts.append(f"people hosted (latest figure): {top}")
    return "; ".join(parts) + "."
