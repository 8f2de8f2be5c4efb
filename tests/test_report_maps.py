"""Guards the report's maps and time axes without a warehouse: the bundled Natural Earth outlines
(the file is the one its README names, decoded with ISO3 codes and sensible centroids), clipping to
a frame, the journey a refugee figure draws, arrowheads pointing where people go, merging of map
points past the limit, framing on --country, and the time unit and ticks chosen from a span.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from importlib import resources
from typing import Any

import pytest

from flows import mapdata, report_maps
from flows.report import time_ticks
from warehouse.report_queries import time_unit

# -- the bundled outlines ----------------------------------------------------------------------


def test_outlines_file_is_the_one_the_readme_names() -> None:
    folder = resources.files("flows").joinpath("maps")
    data = folder.joinpath("countries-110m.json").read_bytes()
    readme = folder.joinpath("README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(data).hexdigest() in readme
    assert f"{len(data):,} bytes" in readme
    assert "public domain" in readme and "world-atlas 2.0.2" in readme


def test_every_country_but_two_has_an_iso3_code() -> None:
    countries = mapdata.countries()
    assert len(countries) == 176  # Natural Earth's 177 without Antarctica
    assert sorted(c.name for c in countries if c.iso3 is None) == ["N. Cyprus", "Somaliland"]
    assert len(mapdata.by_iso3()) == 174


# iso3: (longitude, latitude) that the centroid must be within 3 degrees of
CENTROIDS = {
    "AFG": (66.0, 33.9),
    "PAK": (69.4, 30.0),
    "FRA": (2.5, 46.6),  # mainland, not pulled towards French Guiana
    "USA": (-99.0, 39.5),  # contiguous states, not Alaska
    "RUS": (99.0, 62.0),  # one piece across the antimeridian
    "BHR": (50.6, 26.2),  # too small for 1:110m: its capital
}


@pytest.mark.parametrize("iso3", CENTROIDS)
def test_centroids(iso3: str) -> None:
    x, y = mapdata.centroid(iso3)  # type: ignore[misc]
    lon, lat = CENTROIDS[iso3]
    assert abs(x - lon) < 3 and abs(mapdata.merc_lat(y) - lat) < 3, (x, mapdata.merc_lat(y))


def test_unknown_code_has_no_centroid() -> None:
    assert mapdata.centroid("XYZ") is None and mapdata.country_box("XYZ") is None


def _coords(features: list[dict[str, Any]]) -> list[list[float]]:
    return [pt for f in features for poly in f["geometry"]["coordinates"] for ring in poly for pt in ring]


def test_outlines_are_cut_to_the_box() -> None:
    box = mapdata.Box(55.0, mapdata.merc_y(22.0), 75.0, mapdata.merc_y(40.0))
    feats = mapdata.outlines(box)
    iso3 = {f["properties"]["iso3"] for f in feats}
    assert {"AFG", "PAK", "IRN", "TKM"} <= iso3 and "FRA" not in iso3
    pts = _coords(feats)
    assert all(
        box.west - 0.01 <= x <= box.east + 0.01 and box.south - 0.01 <= y <= box.north + 0.01 for x, y in pts
    )
    assert all(ring[0] == ring[-1] for f in feats for poly in f["geometry"]["coordinates"] for ring in poly)


# -- refugee journeys -----------------------------------------------------------------------------

LEGS = {
    "returned_home": (("returned", "AFG", ["PAK"], "AFG"), ("PAK", "AFG")),
    "returned_no_destination": (("returned", "AFG", ["PAK"], None), ("PAK", "AFG")),
    "deported_no_destination": (("deported", "AFG", ["IRN"], None), ("IRN", "AFG")),
    "arrived": (("arrived", "SYR", [], "DEU"), ("SYR", "DEU")),
    "arrived_in_location": (("arrived", "SYR", ["GRC"], None), ("SYR", "GRC")),
    "resettled": (("resettled", "AFG", ["PAK"], "USA"), ("PAK", "USA")),
    "displaced_within": (("displaced", "SDN", ["SDN"], None), None),
    "nothing_known": (("displaced", None, [], None), None),
}


@pytest.mark.parametrize("case", LEGS)
def test_leg(case: str) -> None:
    args, expected = LEGS[case]
    assert report_maps.leg(*args) == expected


ARROWS = {"east": ((0.0, 0.0), (10.0, 0.0)), "north": ((0.0, 0.0), (0.0, 10.0)),
          "south_west": ((10.0, 10.0), (0.0, 0.0))}  # fmt: skip


@pytest.mark.parametrize("case", ARROWS)
def test_arrowhead_points_to_the_destination(case: str) -> None:
    import math

    a, b = ARROWS[case]
    (x, y), angle = report_maps._arrow(a, b)
    # the head sits near the end, and points (clockwise from north) roughly from a to b
    assert math.dist((x, y), b) < 0.25 * math.dist(a, b)
    bearing = math.degrees(math.atan2(b[0] - a[0], b[1] - a[1])) % 360
    assert min(abs(angle - bearing), 360 - abs(angle - bearing)) < 30, (angle, bearing)


def test_legs_sum_per_pair_and_count_what_cannot_be_drawn() -> None:
    moves = [
        {"movement": "returned", "origin_iso3": "AFG", "location_iso3": ["PAK"], "destination_iso3": "AFG", "count": 100},
        {"movement": "deported", "origin_iso3": "AFG", "location_iso3": ["PAK"], "destination_iso3": None, "count": 50},
        {"movement": "displaced", "origin_iso3": "SDN", "location_iso3": ["SDN"], "destination_iso3": None, "count": 7},
        {"movement": "arrived", "origin_iso3": "XYZ", "location_iso3": [], "destination_iso3": "DEU", "count": 3},
    ]  # fmt: skip
    legs, unmapped = report_maps.legs(moves)
    assert [(g.src, g.dst, g.people, g.movements) for g in legs] == [
        ("PAK", "AFG", 150, ("deported", "returned"))
    ]
    assert unmapped == 10


# -- the incident map -----------------------------------------------------------------------------


def _event(
    lat: float, lon: float, event_type: str = "bombing", killed: int = 1, place: str = "P"
) -> dict[str, Any]:
    return {"latitude": lat, "longitude": lon, "event_type": event_type, "place": place, "country": "PAK",
            "events": 1, "killed": killed, "wounded": 0, "with_killed": 1, "first": "2025-01-01", "last": "2025-01-01"}  # fmt: skip


def test_country_frames_the_incident_map() -> None:
    rows = [_event(30.2, 67.0), _event(34.0, 71.5)]
    spec = report_maps.incident_map(rows, country="PAK")
    (west, south), (east, north) = spec["projection"]["fit"]["geometry"]["coordinates"]
    pak = mapdata.country_box("PAK")
    assert pak is not None
    assert west <= pak.west and east >= pak.east and south <= pak.south and north >= pak.north
    assert east - west < 1.5 * (pak.east - pak.west) + 1  # framed on Pakistan, not the world


def test_points_are_merged_past_the_limit() -> None:
    rows = [
        _event(20 + i * 0.001, 60 + j * 0.001, killed=i + j) for i in range(40) for j in range(30)
    ]  # 1,200
    frame = report_maps.incident_frame(rows)
    points = report_maps.map_points(rows, frame)
    assert 1 <= len(points) <= report_maps.MAX_POINTS
    assert sum(p["events"] for p in points) == len(rows)
    assert sum(p["killed"] for p in points) == sum(r["killed"] for r in rows)
    few = report_maps.map_points(rows[:10], report_maps.incident_frame(rows[:10]))
    assert len(few) == 10  # under the limit every point is its own circle


def test_legend_values_are_round() -> None:
    assert report_maps.legend_values(12_500) == [1_000, 2_000, 10_000]
    assert report_maps.legend_values(0) == []
    assert [report_maps.short(v) for v in (500, 1_000, 2_500_000)] == ["500", "1k", "2.5M"]


# -- time -----------------------------------------------------------------------------------------

D = dt.date
UNITS = {
    "one_day": (D(2025, 3, 1), D(2025, 3, 1), "week"),
    "sixteen_weeks": (D(2025, 1, 1), D(2025, 1, 1) + dt.timedelta(days=111), "week"),
    "a_year": (D(2025, 1, 1), D(2025, 12, 31), "month"),
    "three_years": (D(2023, 1, 1), D(2025, 12, 31), "month"),
    "ten_years": (D(2015, 1, 1), D(2025, 12, 31), "quarter"),
    "twenty_years": (D(2005, 1, 1), D(2025, 12, 31), "year"),
    "no_dates": (None, None, "month"),
}


@pytest.mark.parametrize("case", UNITS)
def test_time_unit(case: str) -> None:
    first, last, unit = UNITS[case]
    assert time_unit(first, last) == unit


TICKS = {
    "weeks": ("week", D(2025, 9, 1), D(2025, 12, 15), 7, r"%d %b"),
    "months_a_year": ("month", D(2025, 1, 1), D(2026, 1, 1), 6, r"%b %Y"),
    "months_three_years": ("month", D(2023, 1, 1), D(2026, 1, 1), 6, r"%b %Y"),
    "quarters_ten_years": ("quarter", D(2015, 1, 1), D(2026, 1, 1), 9, r"%Y"),
    "years_forty": ("year", D(1985, 1, 1), D(2026, 1, 1), 9, r"%Y"),
}


@pytest.mark.parametrize("case", TICKS)
def test_time_ticks_are_few_and_round(case: str) -> None:
    unit, first, last, most, fmt = TICKS[case]
    ticks, got_fmt = time_ticks(unit, first, last)
    assert got_fmt == fmt and 2 <= len(ticks) <= most, ticks
    assert all(first <= t < last for t in ticks)
    if unit in ("quarter", "year"):
        assert all((t.month, t.day) == (1, 1) for t in ticks)
    if unit == "month":
        assert all(
            t.day == 1 and (t.month - 1) % ((ticks[1].month - ticks[0].month) % 12 or 12) == 0 for t in ticks
        )
    if unit == "week":
        assert all(t.weekday() == first.weekday() for t in ticks)


def test_map_svg_numbers_are_rounded() -> None:
    from flows.report import _svg

    svg = str(_svg(report_maps.incident_map([_event(30.2, 67.0)]), round_paths=True))
    assert not re.search(r"\d\.\d{2,}", re.sub(r"<title>.*?</title>|aria-label=\"[^\"]*\"", "", svg))
