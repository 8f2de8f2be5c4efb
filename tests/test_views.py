"""Guards the analyst layer: in-place schema upgrades, event clustering across articles, the
monthly refugee view, the Frictionless datapackage and the HXL CSV export."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import duckdb
import polars as pl
import pytest

from schemas import SCHEMAS, empty_frame, polars_schema
from warehouse import Warehouse, publish_parquet
from warehouse.ddl import SCHEMA_VERSION_DDL, migrations
from warehouse.export import export_csv

UTC = dt.UTC


def article(aid: str, published: dt.datetime | None) -> dict:
    return {
        "article_id": aid, "url": f"https://example.net/{aid}", "title": aid, "source": "s",
        "published_at": published, "text": "x" * 400, "content_sha256": "0" * 64, "extra": None,
        "origin": "test", "extractor_version": "v1",
    }  # fmt: skip


def incident(iid: str, aid: str, event_type: str, place: str, day: dt.date | None, killed: int | None,
             perpetrator: str | None = None) -> dict:  # fmt: skip
    return {
        "incident_id": iid, "article_id": aid, "event_type": event_type, "perpetrator": perpetrator,
        "location": place, "admin1": place, "country_iso3": "IRN", "latitude": 30.28, "longitude": 57.08,
        "occurred_on": day, "killed": killed, "killed_qualifier": "exact" if killed is not None else None,
        "wounded": None, "wounded_qualifier": None, "start_char": 0, "end_char": 10, "extractor_version": "v1",
    }  # fmt: skip


def refugee(cid: str, aid: str, count: int, end: dt.date | None, movement: str = "deported") -> dict:
    return {
        "count_id": cid, "article_id": aid, "population": "people", "movement": movement, "forced": True,
        "count": count, "qualifier": "exact", "unit": "persons", "origin_iso3": "AFG",
        "location_iso3": ["PAK", "IRN"], "destination_iso3": "AFG", "period_start": None, "period_end": end,
        "start_char": 0, "end_char": 10, "extractor_version": "v1",
    }  # fmt: skip


def frames(
    articles: list[dict], incidents: list[dict] = (), counts: list[dict] = ()
) -> dict[str, pl.DataFrame]:  # type: ignore[assignment]
    def df(t: str, rows: list[dict]) -> pl.DataFrame:
        return pl.DataFrame(list(rows), schema=polars_schema(SCHEMAS[t]))

    return {"articles": df("articles", articles), "statements": empty_frame("statements"),
            "incidents": df("incidents", incidents), "refugee_counts": df("refugee_counts", counts)}  # fmt: skip


@pytest.fixture
def wh(tmp_path: Path):
    with Warehouse.open(tmp_path / "w.duckdb") as w:
        yield w


def test_old_warehouse_upgrades_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute(SCHEMA_VERSION_DDL)
    version, description, sql = migrations()[0]
    con.execute(sql)
    con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", [version, description])
    con.execute("INSERT INTO articles (article_id, url, text, content_sha256, extractor_version) "
                "VALUES ('a1', 'https://example.net/a1', 'body', 'h', 'v0')")  # fmt: skip
    con.close()
    with Warehouse.open(db) as w:
        assert w.schema_version() == len(migrations()) > 1
        assert w.con.execute("SELECT url FROM articles").fetchall() == [("https://example.net/a1",)]
        assert w.con.execute("SELECT count(*) FROM incident_events").fetchall() == [(0,)]


def test_reports_of_one_event_cluster_into_one(wh: Warehouse) -> None:
    jan = lambda d: dt.datetime(2024, 1, d, 9, tzinfo=UTC)  # noqa: E731
    arts = [article(a, jan(d)) for a, d in (("a", 4), ("b", 5), ("c", 5), ("d", 5), ("e", 20), ("f", 30))]
    arts.append(article("g", dt.datetime(2024, 4, 2, tzinfo=UTC)))
    rows = [
        incident("i1", "a", "suicide_bombing", "Kerman", dt.date(2024, 1, 3), 95),
        incident("i2", "b", "bombing", "Kerman", dt.date(2024, 1, 3), 89, "Islamic State"),
        incident("i3", "c", "suicide_bombing", "Kerman", None, 84),  # undated, published two days later
        incident("i4", "d", "armed_attack", "Shiraz", dt.date(2024, 1, 4), 2),  # another place
        incident("i5", "e", "suicide_bombing", "Kerman", dt.date(2024, 1, 19), 1),  # weeks later
        incident("i6", "f", "bombing", "Kerman", None, 2),  # "the recent bombing": joins the latest, Jan 19
        incident("i7", "g", "bombing", "Kerman", None, 3),  # months later: an event of its own
    ]
    wh.load_batch(frames(arts, rows), empty_frame("rejects"))
    events = wh.con.execute(
        "SELECT location, reports, articles, killed_min, killed_median, killed_max, perpetrator, occurred_on "
        "FROM incident_events ORDER BY location, first_reported_at"
    ).fetchall()
    assert events == [
        ("Kerman", 3, 3, 84, 89.0, 95, "Islamic State", dt.date(2024, 1, 3)),
        ("Kerman", 2, 2, 1, 1.5, 2, None, dt.date(2024, 1, 19)),
        ("Kerman", 1, 1, 3, 3.0, 3, None, None),
        ("Shiraz", 1, 1, 2, 2.0, 2, None, dt.date(2024, 1, 4)),
    ]


@pytest.mark.parametrize("order", ["as_reported", "reversed"])
def test_event_ties_resolve_the_same_whatever_the_load_order(wh: Warehouse, order: str) -> None:
    # two reports of one event that disagree evenly on its type and attacker: the view must not
    # pick whichever value its aggregation met first (DuckDB's mode() does), but the one that sorts first
    day = dt.date(2024, 1, 3)
    arts = [article(a, dt.datetime(2024, 1, 4, 9, tzinfo=UTC)) for a in ("a", "b")]
    rows = [
        incident("i1", "a", "suicide_bombing", "Kerman", day, 95, "Jaish al-Adl"),
        incident("i2", "b", "bombing", "Kerman", day, 89, "Islamic State"),
    ]
    if order == "reversed":
        arts, rows = arts[::-1], rows[::-1]
    wh.load_batch(frames(arts, rows), empty_frame("rejects"))
    got = wh.con.execute(
        "SELECT reports, event_type, perpetrator, perpetrators FROM incident_events"
    ).fetchall()
    assert got == [(2, "bombing", "Islamic State", ["Islamic State", "Jaish al-Adl"])]


def test_refugee_flows_monthly_groups_by_period_month(wh: Warehouse) -> None:
    arts = [
        article("a", dt.datetime(2024, 3, 2, tzinfo=UTC)),
        article("b", dt.datetime(2024, 3, 9, tzinfo=UTC)),
    ]
    counts = [refugee("c1", "a", 1000, dt.date(2024, 2, 29)), refugee("c2", "b", 1500, dt.date(2024, 2, 10)),
              refugee("c3", "b", 700, None)]  # fmt: skip
    wh.load_batch(frames(arts, counts=counts), empty_frame("rejects"))
    got = wh.con.execute(
        "SELECT month, location_iso3, reports, count_sum, count_max FROM refugee_flows_monthly ORDER BY month"
    ).fetchall()
    assert got == [
        (dt.date(2024, 2, 1), "IRN,PAK", 2, 2500, 1500),
        (dt.date(2024, 3, 1), "IRN,PAK", 1, 700, 700),
    ]


FRICTIONLESS_TYPES = {"string": ("VARCHAR", "JSON"), "integer": ("INTEGER", "BIGINT"), "number": ("DOUBLE",),
                      "boolean": ("BOOLEAN",), "date": ("DATE",), "datetime": ("TIMESTAMP WITH TIME ZONE",),
                      "any": ("VARCHAR[]",)}  # fmt: skip


def test_datapackage_describes_and_matches_published_files(wh: Warehouse, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    arts = [article("a", dt.datetime(2024, 1, 4, tzinfo=UTC)), article("b", None)]
    counts = [refugee("c1", "b", 10, None), {**refugee("c2", "b", 20, None), "location_iso3": []},
              {**refugee("c3", "a", 30, None), "location_iso3": None}]  # fmt: skip
    wh.load_batch(frames(arts, [incident("i1", "a", "bombing", "Kerman", None, 3),
                                incident("i2", "b", "bombing", "Bam", None, None)], counts),
                  empty_frame("rejects"))  # fmt: skip
    out = tmp_path / "pq"
    publish_parquet(wh.con, out)
    # the files validate against the descriptor: null killed/wounded, lists (empty and null too)
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["title", "fieldName", "cell", "note"])
    # the descriptor is a valid Data Package (Frictionless checks it against the v2 profile)
    pkg = frictionless.Package(str(out / "datapackage.json"))
    assert {r.name for r in pkg.resources} == {
        "articles",
        "statements",
        "incidents",
        "refugee_counts",
        "rejects",
    }
    inc = pkg.get_resource("incidents")
    assert inc.schema.primary_key == ["incident_id"]
    # articles span two files here (2024-01 and unknown): frictionless would check the key against
    # the first only, so it is named in the description rather than declared
    assert not inc.schema.foreign_keys and "articles.article_id" in inc.description
    # frictionless reads only the first file of a multi-file resource: validate every file on its own
    for res in pkg.resources:
        for part in [res.path, *(res.extrapaths or [])]:
            one = frictionless.Resource(res.to_dict() | {"path": part, "extrapaths": []}, basepath=str(out))
            one_report = frictionless.validate(one)
            assert one_report.valid, (part, one_report.flatten(["title", "fieldName", "cell", "note"]))
    # ...and it matches the files: every listed file exists, columns and types agree, keys hold
    con = duckdb.connect()
    for res in pkg.resources:
        files = [str(out / p) for p in ([res.path] if res.path else []) + list(res.extrapaths or [])]
        assert files and all(Path(f).is_file() for f in files), res.name
        rel = con.sql(f"SELECT * FROM read_parquet({files!r}, hive_partitioning=false)")
        got = dict(zip(rel.columns, [str(t) for t in rel.types], strict=True))
        assert list(got) == [f.name for f in res.schema.fields], res.name
        for f in res.schema.fields:
            assert got[f.name] in FRICTIONLESS_TYPES[f.type], (res.name, f.name, got[f.name])
        key = res.schema.primary_key[0]
        dupes = con.sql(f"SELECT count(*) - count(DISTINCT {key}) FROM read_parquet({files!r})").fetchall()
        assert dupes == [(0,)], res.name
    fk = con.sql(
        f"SELECT count(*) FROM read_parquet('{out}/incidents/**/*.parquet') i "
        f"ANTI JOIN read_parquet('{out}/articles/**/*.parquet') a USING (article_id)"
    ).fetchall()
    assert fk == [(0,)]


def test_hxl_export_tags_columns(wh: Warehouse, tmp_path: Path) -> None:
    arts = [article("a", dt.datetime(2024, 1, 4, tzinfo=UTC))]
    wh.load_batch(frames(arts, [incident("i1", "a", "bombing", "Kerman", dt.date(2024, 1, 3), 3)],
                         [refugee("c1", "a", 10, None)]), empty_frame("rejects"))  # fmt: skip
    written = export_csv(wh.con, tmp_path / "csv", ("incidents", "refugee_counts"), hxl=True)
    with written["incidents"].open(encoding="utf-8") as fh:
        header, tags, row = list(csv.reader(fh))
    tag = dict(zip(header, tags, strict=True))
    assert tag["country_iso3"] == "#country+code" and tag["admin1"] == "#adm1+name"
    assert tag["killed"] == "#affected+killed" and tag["wounded"] == "#affected+injured"
    assert tag["occurred_on"] == "#date+occurred"
    assert dict(zip(header, row, strict=True))["killed"] == "3"
    with written["refugee_counts"].open(encoding="utf-8") as fh:
        header, tags, row = list(csv.reader(fh))
    assert dict(zip(header, row, strict=True))["location_iso3"] == "PAK;IRN"
