"""Export warehouse tables as CSV, optionally HXL-tagged for humanitarian tools.

HXL (Humanitarian Exchange Language) adds a second row of hashtags under the
header so that tools such as HDX and the HXL Proxy know which column holds a
country code, an admin-1 name or a casualty figure.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from warehouse.datapackage import PRIMARY_KEYS

HXL_TAGS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "#meta+article+id",
        "url": "#meta+url",
        "title": "#description+title",
        "source": "#org+source+name",
        "published_at": "#date+published",
        "text": "#description+text",
        "content_sha256": "#meta+sha256",
    },
    "incidents": {
        "incident_id": "#event+id",
        "article_id": "#meta+article+id",
        "event_type": "#event+type",
        "perpetrator": "#group+perpetrator+name",
        "location": "#loc+name",
        "admin1": "#adm1+name",
        "country_iso3": "#country+code",
        "latitude": "#geo+lat",
        "longitude": "#geo+lon",
        "occurred_on": "#date+occurred",
        "killed": "#affected+killed",
        "killed_qualifier": "#affected+killed+qualifier",
        "wounded": "#affected+injured",
        "wounded_qualifier": "#affected+injured+qualifier",
        "start_char": "#meta+evidence+start",
        "end_char": "#meta+evidence+end",
    },
    "refugee_counts": {
        "count_id": "#meta+count+id",
        "article_id": "#meta+article+id",
        "population": "#affected+type",
        "movement": "#status+movement",
        "forced": "#status+forced",
        "count": "#affected+num",
        "qualifier": "#affected+num+qualifier",
        "unit": "#affected+num+unit",
        "origin_iso3": "#country+code+origin",
        "location_iso3": "#country+code+location",
        "destination_iso3": "#country+code+destination",
        "period_start": "#date+start",
        "period_end": "#date+end",
        "start_char": "#meta+evidence+start",
        "end_char": "#meta+evidence+end",
    },
    "statements": {
        "statement_id": "#meta+statement+id",
        "article_id": "#meta+article+id",
        "speaker": "#contact+name",
        "speaker_title": "#contact+title",
        "speaker_kind": "#contact+type",
        "speaker_country": "#country+code",
        "verb": "#meta+verb",
        "mode": "#meta+mode",
        "content": "#description+statement",
        "start_char": "#meta+evidence+start",
        "end_char": "#meta+evidence+end",
    },
}
EXPORT_TABLES = tuple(HXL_TAGS)


def export_csv(
    con: duckdb.DuckDBPyConnection, out_dir: Path, tables: tuple[str, ...], hxl: bool
) -> dict[str, Path]:
    """Write ``<out_dir>/<table>.csv`` for each table; with ``hxl`` a hashtag row follows the header."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in tables:
        if table not in HXL_TAGS:
            raise ValueError(f"unknown table {table!r}; choose from {', '.join(EXPORT_TABLES)}")
        cur = con.execute(f"SELECT * FROM {table} ORDER BY {PRIMARY_KEYS[table]}")
        cols = [d[0] for d in cur.description or ()]
        path = out_dir / f"{table}.csv"
        tmp = path.with_suffix(".csv.tmp")
        with tmp.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            if hxl:
                w.writerow([HXL_TAGS[table].get(c, "") for c in cols])
            while rows := cur.fetchmany(10_000):
                w.writerows([";".join(v) if isinstance(v, list) else v for v in row] for row in rows)
        tmp.replace(path)
        written[table] = path
    return written
