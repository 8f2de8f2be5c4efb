"""Guards `sitrep report`: the queries (canonical events, filters on every chart and map, evidence =
articles.text[start:end], the time unit chosen from the span), the HTML file (self-contained, every
chart and map drawn as SVG with marks and a text alternative, or a "no data" note when empty; under
3 MB for a year of data), and how it behaves in headless Chromium at desktop and phone widths: no
console error, no request other than file:// or data:, no horizontal overflow, the maps' circles and
arrows all drawn. Also runs the real flow on examples/ and reports on it.

Run as a script to screenshot a report: `python tests/test_report.py REPORT.html OUT.png`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest
from typer.testing import CliRunner

from flows import report_maps
from flows.cli import app
from flows.report import write_report
from schemas import SCHEMAS, empty_frame, polars_schema
from warehouse import Warehouse
from warehouse.report_queries import ReportFilter, report_data

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHART_IDS = ("incident-map", "refugee-map", "incidents", "killed", "refugees", "places", "speakers")
PHONE_WIDTH = 390

# -- a warehouse of known rows --------------------------------------------------

# Non-ASCII before the evidence checks that offsets are code points in DuckDB too.
TEXT_1 = (
    "ZĀHEDĀN, Īrān — Gunmen attacked a police post in Zahedan on Tuesday, killing five officers and "
    "wounding seven, officials said. Interior Minister Farid Almasi said the border would stay open. "
    "Iran hosts about 3,000,000 Afghan refugees, the ministry said."
)
TEXT_2 = (
    "Six officers were killed and three wounded in the Zahedan attack on Tuesday. "
    "A bomb killed 12 people and wounded 30 in Quetta on October 2. "
    "Pakistan's Ministry of Foreign Affairs said talks would continue."
)
TEXT_3 = "About 12,500 Afghans returned from Pakistan last week. Clashes were reported in Kunar."


def _span(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def _article(aid: str, text: str, published: str) -> dict[str, Any]:
    return {
        "article_id": aid, "url": f"https://example.net/{aid}", "title": f"Article {aid}", "source": "Test Wire",
        "published_at": dt.datetime.fromisoformat(published).replace(tzinfo=dt.UTC), "text": text,
        "content_sha256": "0" * 64, "extra": None, "origin": "test", "extractor_version": "v1",
    }  # fmt: skip


def _incident(iid: str, aid: str, text: str, sentence: str, **kw: Any) -> dict[str, Any]:
    s, e = _span(text, sentence)
    row = {
        "incident_id": iid, "article_id": aid, "event_type": "armed_attack", "perpetrator": None,
        "location": None, "admin1": None, "country_iso3": None, "latitude": None, "longitude": None,
        "occurred_on": None, "killed": None, "killed_qualifier": None, "wounded": None,
        "wounded_qualifier": None, "start_char": s, "end_char": e, "extractor_version": "v1",
    }  # fmt: skip
    return {**row, **kw}


def _statement(
    sid: str, aid: str, text: str, sentence: str, speaker: str, kind: str, country: str
) -> dict[str, Any]:
    s, e = _span(text, sentence)
    return {
        "statement_id": sid, "article_id": aid, "speaker": speaker, "speaker_title": None,
        "speaker_kind": kind, "speaker_country": country, "verb": "say", "mode": "indirect",
        "content": sentence, "start_char": s, "end_char": e, "extractor_version": "v1",
    }  # fmt: skip


def _refugees(cid: str, aid: str, text: str, sentence: str, **kw: Any) -> dict[str, Any]:
    s, e = _span(text, sentence)
    row: dict[str, Any] = {
        "count_id": cid, "article_id": aid, "population": "people", "movement": "returned", "forced": None,
        "count": 0, "qualifier": "approx", "unit": "persons", "origin_iso3": None, "location_iso3": [],
        "destination_iso3": None, "period_start": None, "period_end": None,
        "start_char": s, "end_char": e, "extractor_version": "v1",
    }  # fmt: skip
    return {**row, **kw}


def known_frames() -> dict[str, pl.DataFrame]:
    """Three articles; the Zahedan attack is reported twice (merged into one event)."""
    zahedan = {"event_type": "armed_attack", "location": "Zahedan", "admin1": "Sistan and Baluchestan",
               "country_iso3": "IRN", "latitude": 29.5, "longitude": 60.9, "occurred_on": dt.date(2025, 11, 18)}  # fmt: skip
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": [
            _article("a1", TEXT_1, "2025-11-20T08:00:00"),
            _article("a2", TEXT_2, "2025-11-21T08:00:00"),
            _article("a3", TEXT_3, "2025-09-10T08:00:00"),
        ],
        "incidents": [
            _incident(
                "i1",
                "a1",
                TEXT_1,
                "Gunmen attacked a police post in Zahedan on Tuesday, killing five "
                "officers and wounding seven, officials said.",
                killed=5,
                wounded=7,
                **zahedan,
            ),
            _incident(
                "i2",
                "a2",
                TEXT_2,
                "Six officers were killed and three wounded in the Zahedan attack on Tuesday.",
                killed=6,
                wounded=3,
                **zahedan,
            ),
            _incident(
                "i3",
                "a2",
                TEXT_2,
                "A bomb killed 12 people and wounded 30 in Quetta on October 2.",
                event_type="bombing",
                location="Quetta",
                admin1="Balochistan",
                country_iso3="PAK",
                latitude=30.19,
                longitude=67.01,
                occurred_on=dt.date(2025, 10, 2),
                killed=12,
                wounded=30,
            ),
            _incident(
                "i4",
                "a3",
                TEXT_3,
                "Clashes were reported in Kunar.",
                event_type="armed_clash",
                admin1="Kunar",
                country_iso3="AFG",
            ),
        ],
        "statements": [
            _statement(
                "s1",
                "a1",
                TEXT_1,
                "Interior Minister Farid Almasi said the border would stay open.",
                "Farid Almasi",
                "person",
                "IRN",
            ),
            _statement(
                "s2",
                "a1",
                TEXT_1,
                "Iran hosts about 3,000,000 Afghan refugees, the ministry said.",
                "Ministry of Interior",
                "organization",
                "IRN",
            ),
            _statement(
                "s3",
                "a2",
                TEXT_2,
                "Pakistan's Ministry of Foreign Affairs said talks would continue.",
                "Ministry of Foreign Affairs",
                "organization",
                "PAK",
            ),
        ],
        "refugee_counts": [
            _refugees(
                "r1",
                "a3",
                TEXT_3,
                "About 12,500 Afghans returned from Pakistan last week.",
                count=12500,
                origin_iso3="AFG",
                location_iso3=["PAK"],
                destination_iso3="AFG",
                period_start=dt.date(2025, 9, 1),
                period_end=dt.date(2025, 9, 7),
            ),
            _refugees(
                "r2",
                "a1",
                TEXT_1,
                "Iran hosts about 3,000,000 Afghan refugees, the ministry said.",
                population="refugees",
                movement="hosted",
                count=3_000_000,
                origin_iso3="AFG",
                location_iso3=["IRN"],
            ),
        ],
    }
    return {t: pl.DataFrame(r, schema=polars_schema(SCHEMAS[t])) for t, r in rows.items()}


def make_warehouse(path: Path, frames: dict[str, pl.DataFrame] | None = None) -> Path:
    with Warehouse.open(path) as wh:
        if frames is not None:
            wh.load_batch(frames, empty_frame("rejects"))
    return path


@pytest.fixture(scope="module")
def known_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_warehouse(tmp_path_factory.mktemp("known") / "w.duckdb", known_frames())


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_warehouse(tmp_path_factory.mktemp("empty") / "w.duckdb")


def _con(db: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db), read_only=True)


# -- queries ----------------------------------------------------------------------

FILTERS = {
    "all": (ReportFilter(), {"events": 3, "killed": 18, "wounded": 37, "statements": 3, "refugee_figures": 2}),
    "country_PAK": (ReportFilter(country="PAK"),
                    {"events": 1, "killed": 12, "wounded": 30, "statements": 1, "refugee_figures": 1}),
    "november": (ReportFilter(since=dt.date(2025, 11, 1), until=dt.date(2025, 11, 30)),
                 {"events": 1, "killed": 6, "wounded": 7, "statements": 3, "refugee_figures": 1}),
    "until_september": (ReportFilter(until=dt.date(2025, 9, 30)),
                        {"events": 1, "killed": 0, "wounded": 0, "statements": 0, "refugee_figures": 1}),
}  # fmt: skip


@pytest.mark.parametrize("name", FILTERS)
def test_totals_follow_filters(known_db: Path, name: str) -> None:
    f, expected = FILTERS[name]
    with _con(known_db) as con:
        totals = report_data(con, f).totals
    assert {k: totals[k] for k in expected} == expected


def test_same_day_place_and_type_merge_into_one_event(known_db: Path) -> None:
    with _con(known_db) as con:
        events = report_data(con, ReportFilter()).largest_events
    zahedan = [e for e in events if e["location"] == "Zahedan"]
    assert len(zahedan) == 1
    assert (zahedan[0]["killed"], zahedan[0]["wounded"], zahedan[0]["reports"]) == (6, 7, 2)
    assert [e["location"] or e["admin1"] for e in events] == ["Quetta", "Zahedan", "Kunar"]


TABLES = ("largest_events", "latest_statements", "refugee_routes")


@pytest.mark.parametrize("table", TABLES)
def test_evidence_is_the_article_span(known_db: Path, table: str) -> None:
    frames = known_frames()
    texts = dict(zip(frames["articles"]["url"], frames["articles"]["text"], strict=True))
    with _con(known_db) as con:
        rows = getattr(report_data(con, ReportFilter()), table)
    assert rows
    for row in rows:
        assert row["evidence"] and row["evidence"] in texts[row["url"]]
        # The whole sentence: an offset slip would cut its first or last character.
        assert row["evidence"][0].isupper() and row["evidence"].endswith(".")


def test_refugee_routes_read_origin_location_destination(known_db: Path) -> None:
    with _con(known_db) as con:
        data = report_data(con, ReportFilter())
    routes = {(r["route"], r["movement"], r["count"]) for r in data.refugee_routes}
    assert routes == {("AFG → IRN → ?", "hosted", 3_000_000), ("AFG → PAK → AFG", "returned", 12_500)}
    # The chart shows movements only: the 3 million hosted in Iran are a stock, not a flow.
    assert data.refugee_unit == "week"  # one dated movement: the finest unit
    assert [(r["period"], r["route"], r["count"]) for r in data.refugees_by_period] == [
        ("2025-09-01", "AFG → PAK → AFG", 12_500)
    ]
    # On the map: the stock is a circle at the host, the movement an arrow from Pakistan home.
    assert [(s["host"], s["count"]) for s in data.refugee_stocks] == [("IRN", 3_000_000)]
    legs, unmapped = report_maps.legs(data.refugee_moves)
    assert [(g.src, g.dst, g.people) for g in legs] == [("PAK", "AFG", 12_500)] and unmapped == 0


# Per filter: (points on the incident map, events without coordinates, arrows, host circles).
MAP_FILTERS = {
    "all": (2, 1, 1, 1),
    "country_PAK": (1, 0, 1, 0),
    "november": (1, 0, 0, 1),
    "until_september": (0, 1, 1, 0),
}


@pytest.mark.parametrize("name", MAP_FILTERS)
def test_filters_apply_to_the_maps(known_db: Path, name: str) -> None:
    f, _ = FILTERS[name]
    with _con(known_db) as con:
        data = report_data(con, f)
    got = (len(data.map_events), data.totals["events_unplaced"], len(report_maps.legs(data.refugee_moves)[0]),
           len(data.refugee_stocks))  # fmt: skip
    assert got == MAP_FILTERS[name]


# -- the HTML file ------------------------------------------------------------------


def _write(db: Path, out: Path, f: ReportFilter | None = None) -> str:
    with _con(db) as con:
        write_report(con, out, f)
    return out.read_text(encoding="utf-8")


def test_html_is_self_contained(known_db: Path, tmp_path: Path) -> None:
    html = _write(known_db, tmp_path / "r.html")
    assert "<script" not in html.lower()
    # Every URL the page could load by itself: src=, srcset=, url(...) other than a reference to an
    # element of the page (the maps' clip-path="url(#clip1)"), @import, <link href>, xlink:href.
    assert not re.search(
        r"""\s(?:src|srcset)\s*=|url\((?!#)|@import|<link\b|href="(?!https?:|#)""", html, re.I
    )
    assert "url(#clip" in html
    assert html.count("<svg") == len(CHART_IDS)
    # Every chart has a text alternative: the SVG is labelled by its title and one-line summary.
    for cid in CHART_IDS:
        assert f'aria-labelledby="{cid}-title {cid}-summary"' in html
        summary = re.search(rf'<p class="summary" id="{cid}-summary">([^<]+)</p>', html)
        assert summary and len(summary.group(1)) > 20, cid
    assert "1 event without coordinates is not on the map." in html  # Kunar
    assert "<title>Quetta, Balochistan (PAK): bombing, 2025-10-02; 12 killed, 30 wounded</title>" in html
    assert "https://example.net/a1" in html  # source link
    assert "Gunmen attacked a police post in Zahedan" in html  # evidence


def test_empty_warehouse_says_no_data(empty_db: Path, tmp_path: Path) -> None:
    html = _write(empty_db, tmp_path / "r.html")
    assert "<svg" not in html
    assert html.count('data-empty="true"') == len(CHART_IDS)


def test_ten_years_read_by_quarter_with_few_labels(tmp_path: Path) -> None:
    """Ten years of events: quarters, a handful of year labels, a legend of at most seven entries."""
    from bench.report_size import build_warehouse, synthetic_frames

    db = build_warehouse(tmp_path / "w.duckdb", synthetic_frames(days=3650, articles=600, places=60))
    html = _write(db, tmp_path / "r.html")
    with _con(db) as con:
        data = report_data(con, ReportFilter())
    assert data.incident_unit == data.refugee_unit == "quarter"
    assert len({r["period"] for r in data.incidents_by_period}) == 40
    for cid in ("incidents", "killed", "refugees"):
        fig = html[html.index(f'data-chart="{cid}"') :]
        fig = fig[: fig.index("</figure>")]
        axis = re.findall(r'role-axis-label".*?</g>', fig)[0]  # the x axis comes first
        labels = re.findall(r">(\d{4})</text>", axis)
        assert 5 <= len(labels) <= 9 and labels == sorted(labels), (cid, labels)
        legend = fig[fig.index('role-legend"') :]
        assert 2 <= legend.count("role-legend-label") <= 7, cid


@pytest.mark.slow
def test_a_year_of_data_stays_under_3_mb(tmp_path: Path) -> None:
    """20,000 events at 1,500 cities (the incident map's worst case) and 5,000 refugee figures."""
    from bench.report_size import build_warehouse, synthetic_frames

    db = build_warehouse(tmp_path / "w.duckdb", synthetic_frames(days=365, articles=20_000, places=1500))
    html = _write(db, tmp_path / "r.html")
    assert len(html.encode()) < 3 * 2**20
    assert html.count("<svg") == len(CHART_IDS)
    events = re.search(r'events_marks".*?</g>', html)
    assert events and 100 < events.group(0).count("<path") <= report_maps.MAX_POINTS


STRACE = shutil.which("strace")


@pytest.mark.skipif(
    STRACE is None, reason="strace not installed: cannot watch the sockets of report generation"
)
def test_report_generation_opens_no_network_socket(known_db: Path, tmp_path: Path) -> None:
    """vl-convert runs a JavaScript engine: make sure drawing the charts tries no network."""
    import subprocess

    log = tmp_path / "strace.log"
    script = (
        "import duckdb, pathlib, sys; from flows.report import write_report; "
        "s = write_report(duckdb.connect(sys.argv[1], read_only=True), pathlib.Path(sys.argv[2])); "
        f"assert s.charts_drawn == {len(CHART_IDS)}, s"
    )
    cmd = [str(STRACE), "-f", "-qq", "-e", "trace=socket,connect", "-o", str(log),
           sys.executable, "-c", script, str(known_db), str(tmp_path / "r.html")]  # fmt: skip
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=300, cwd=Path(__file__).resolve().parents[1]
    )
    if done.returncode != 0 and "ptrace" in done.stderr.lower():
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "r.html").stat().st_size > 10_000
    inet = [line for line in log.read_text().splitlines() if "AF_INET" in line]
    assert inet == []


# -- the browser --------------------------------------------------------------------


@dataclass
class BrowserResult:
    """What headless Chromium saw when it opened a report."""

    requests: list[str] = field(default_factory=list)  # from opening the report on
    startup_requests: list[str] = field(default_factory=list)  # the browser's own, before that
    console: list[dict[str, Any]] = field(default_factory=list)
    charts: dict[str, dict[str, Any]] = field(default_factory=dict)
    charts_phone: dict[str, dict[str, Any]] = field(default_factory=dict)  # the same probe at phone width
    scroll_width_phone: int = 0
    screenshot: bytes = b""


# Per figure: marks with a visible box, and per named layer (Vega-Lite's layer "name" becomes the
# class NAME_marks of its mark group) how many of them the browser draws on screen.
_CHART_PROBE = """
const visible = el => { const b = el.getBBox(); return b.width > 0 || b.height > 0; };
const onScreen = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
const out = {};
for (const fig of document.querySelectorAll('figure.chart')) {
  const svg = fig.querySelector('svg');
  let marks = 0;
  const layers = {};
  if (svg) {
    for (const el of svg.querySelectorAll('g.role-mark path, g.role-mark rect, g.role-mark text, g.role-mark line')) {
      if (visible(el)) marks++;
    }
    for (const g of svg.querySelectorAll('g.role-mark')) {
      const name = [...g.classList].find(c => c.endsWith('_marks'));
      // a line mark with one series per route has one group per series, all of the same name
      const n = [...g.children].filter(el => visible(el) && onScreen(el)).length;
      if (name) layers[name.slice(0, -6)] = (layers[name.slice(0, -6)] || 0) + n;
    }
  }
  const r = svg ? svg.getBoundingClientRect() : null;
  out[fig.dataset.chart] = {svg: !!svg, marks: marks, layers: layers, width: r ? r.width : 0,
                            height: r ? r.height : 0, empty: !!fig.querySelector('[data-empty]'),
                            label: svg ? svg.getAttribute('aria-labelledby') : null};
}
return out;
"""


def _requests(driver: Any) -> list[str]:
    """URLs of the requests in the performance log since the last call (reading drains it)."""
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def open_in_chromium(
    html: Path, profile: Path, width: int = 1200, max_height: int | None = None
) -> BrowserResult:
    """Open ``html`` in headless Chromium: requests, console, chart probe, phone overflow, and a
    screenshot of the whole page (of its top ``max_height`` pixels when given)."""
    import base64

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", f"--window-size={width},900"):  # fmt: skip
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=opts, service=Service(str(CHROMEDRIVER)))
    res = BrowserResult()
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        res.startup_requests = _requests(driver)  # Chromium's new-tab page (chrome://), before ours
        driver.get(html.resolve().as_uri())
        res.charts = driver.execute_script(_CHART_PROBE)
        metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        height = int(metrics["cssContentSize"]["height"])
        if max_height is not None:
            height = min(height, max_height)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})  # fmt: skip
        shot = driver.execute_cdp_cmd(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": True,
             "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}},
        )  # fmt: skip
        res.screenshot = base64.b64decode(shot["data"])
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": PHONE_WIDTH, "height": 844, "deviceScaleFactor": 2, "mobile": True})  # fmt: skip
        res.scroll_width_phone = int(driver.execute_script("return document.documentElement.scrollWidth"))
        res.charts_phone = driver.execute_script(_CHART_PROBE)
        res.requests = _requests(driver)
        res.console = driver.get_log("browser")
    finally:
        driver.quit()
    return res


needs_chromium = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="headless Chromium not installed (apt-get install chromium chromium-driver; .ci/run does it)",
)


def _check_page(res: BrowserResult) -> None:
    assert res.requests, "the performance log recorded no request at all (not even the page)"
    assert all(u.startswith(("file://", "data:")) for u in res.requests), res.requests
    assert not [u for u in res.startup_requests if not u.startswith(("chrome://", "data:", "about:"))]
    assert res.console == []
    assert res.scroll_width_phone <= PHONE_WIDTH, "page overflows horizontally at phone width"
    assert res.screenshot.startswith(b"\x89PNG") and len(res.screenshot) > 10_000
    assert set(res.charts) == set(CHART_IDS) == set(res.charts_phone)
    for cid, probe in res.charts_phone.items():  # every chart fits the phone's column
        assert probe["width"] <= PHONE_WIDTH, (cid, probe)


@needs_chromium
@pytest.mark.slow
def test_known_report_draws_every_chart_offline(known_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    _write(known_db, out)
    res = open_in_chromium(out, tmp_path / "profile")
    _check_page(res)
    for cid, probe in res.charts.items():
        assert probe["svg"] and not probe["empty"], cid
        assert probe["marks"] > 0 and probe["width"] > 100 and probe["height"] > 50, (cid, probe)


WIDTHS = ("desktop", "phone")


@needs_chromium
@pytest.mark.slow
def test_known_report_maps_draw_every_event_and_flow(known_db: Path, tmp_path: Path) -> None:
    """Both maps, at desktop and phone widths: one circle per point, one arrow (line and head) per
    route, one circle per host country, all inside the map, and the land of the countries around."""
    out = tmp_path / "r.html"
    _write(known_db, out)
    res = open_in_chromium(out, tmp_path / "profile")
    for probes in (res.charts, res.charts_phone):
        inc, ref = probes["incident-map"], probes["refugee-map"]
        assert inc["layers"]["events"] == 2, inc  # Zahedan and Quetta; Kunar has no coordinates
        assert inc["layers"]["land"] >= 3, inc  # Iran, Pakistan, Afghanistan at least
        assert ref["layers"]["flows"] == 1 and ref["layers"]["arrowheads"] == 1, ref  # PAK → AFG
        assert ref["layers"]["stocks"] == 1, ref  # hosted in Iran
        assert inc["label"] == "incident-map-title incident-map-summary"
    assert res.charts_phone["incident-map"]["width"] < res.charts["incident-map"]["width"]


@needs_chromium
@pytest.mark.slow
def test_empty_report_opens_cleanly(empty_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    _write(empty_db, out)
    res = open_in_chromium(out, tmp_path / "profile")
    _check_page(res)
    assert all(p["empty"] and not p["svg"] for p in res.charts.values()), res.charts


# -- the command, on the real flow's output -----------------------------------------------


@pytest.fixture(scope="module")
def examples_db(prefect_server: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from flows.pipeline import sitrep_pipeline

    root = tmp_path_factory.mktemp("examples")
    examples = Path(__file__).resolve().parents[1] / "examples"
    sitrep_pipeline(sources=[str(examples)], db=str(root / "w.duckdb"), out=str(root / "pq"))
    return root / "w.duckdb"


@needs_chromium
@pytest.mark.slow
def test_examples_report_via_cli(examples_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = CliRunner().invoke(app, ["report", "--db", str(examples_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {out}")
    res = open_in_chromium(out, tmp_path / "profile")
    _check_page(res)
    for cid, probe in res.charts.items():  # the extractors decide how many rows; each chart draws or says so
        assert probe["empty"] or (probe["svg"] and probe["marks"] > 0), (cid, probe)
    with _con(examples_db) as con:
        texts = dict(con.execute("SELECT url, text FROM articles").fetchall())
        data = report_data(con, ReportFilter())
    for row in [*data.largest_events, *data.latest_statements, *data.refugee_routes]:
        assert row["evidence"] in texts[row["url"]]


CLI_ERRORS = {
    "unknown_country": (["--country", "XYZ"], "ISO 3166-1 alpha-3"),
    "reversed_dates": (["--since", "2025-02-01", "--until", "2025-01-01"], "is after --until"),
    "missing_warehouse": (["--db", "{tmp}/none.duckdb"], "no warehouse here"),
    "out_is_directory": (["--out", "{tmp}"], "is a directory"),
}


@pytest.mark.parametrize("case", CLI_ERRORS)
def test_cli_errors_are_one_line(known_db: Path, tmp_path: Path, case: str) -> None:
    extra, message = CLI_ERRORS[case]
    args = ["report", "--db", str(known_db), "--out", str(tmp_path / "r.html")]
    args += [a.replace("{tmp}", str(tmp_path)) for a in extra]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert not (tmp_path / "r.html").exists()


def test_cli_country_filter_is_case_insensitive(known_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", "--db", str(known_db), "--out", str(out), "--country", "pak"])
    assert result.exit_code == 0, result.output
    assert "1 incidents, 1 statements, 1 refugee figures" in result.output
    assert "country PAK" in out.read_text(encoding="utf-8")


def _screenshot_main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print("usage: python tests/test_report.py REPORT.html OUT.png [MAX_HEIGHT]", file=sys.stderr)
        return 2
    profile = Path(tempfile.mkdtemp(prefix="sitrep-chromium-"))
    try:
        res = open_in_chromium(Path(argv[0]), profile, max_height=int(argv[2]) if len(argv) == 3 else None)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    Path(argv[1]).write_bytes(res.screenshot)
    bad = [u for u in res.requests if not u.startswith(("file://", "data:"))]
    print(f"{argv[1]}: {len(res.screenshot)} bytes; {len(res.requests)} requests, {len(bad)} not local; "
          f"{len(res.console)} console messages; charts {json.dumps(res.charts)}")  # fmt: skip
    return 1 if bad or res.console else 0


if __name__ == "__main__":
    raise SystemExit(_screenshot_main(sys.argv[1:]))
