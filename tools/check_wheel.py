"""Check that the package installs the same everywhere: build the wheel, install it as a user would,
and ingest a web page and a feed with it.

1. a fresh virtual environment with the pip that ``venv`` bundles (no upgrade);
2. that pip builds the wheel; any setuptools warning (``...Warning:``) fails the check;
3. the wheel is installed non-editable, without extras, into that environment;
4. from a directory outside the repository, its ``sitrep run`` ingests an HTML page and an RSS
   feed served by a server on 127.0.0.1 (started here), and ``sitrep query`` finds the rows;
5. the report's map data (Natural Earth outlines, package data) loads from the wheel, and
   ``sitrep report`` writes the brief.

Standard library only: ``python3 tools/check_wheel.py`` needs nothing installed. `.ci/run` calls it.
Exit status 0 when every step passes; otherwise the failing step's output and status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WARNING = re.compile(r"\b\w+Warning:")  # BuildBackendWarning:, SetuptoolsDeprecationWarning: ...

# Invented articles with fictional people (never text from the shared evaluation set).
PARAGRAPHS = {
    "/news/bridge.html": (
        "Footbridge reopens in Velmora",
        [
            "Mayor Idris Calloway said on Tuesday that the footbridge over the Sarn river would reopen to "
            "pedestrians next week, two months after floodwater damaged two of its piers.",
            "Engineers from the regional roads office finished the repairs ahead of schedule, the mayor told "
            "reporters outside the town hall, and a ferry will stop running on Sunday.",
            "Shopkeepers on the east bank said the closure had cut their trade by half since the spring.",
        ],
    ),
    "/news/clinic.html": (
        "Clinic extends its hours",
        [
            "The health director, Mara Lindqvist, said the clinic in the old market would stay open until "
            "nine in the evening from March, after a rise in patients from the outlying villages.",
            "She added that two nurses would join the staff and that the district would pay for a second "
            "ambulance before the winter.",
        ],
    ),
}


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta property="article:published_time" content="2025-03-04T09:00:00Z"></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def feed(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Velmora desk</title>'
        f"<item><title>Clinic extends its hours</title><link>{base}/news/clinic.html</link>"
        "<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item></channel></rss>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    base = ""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path in PARAGRAPHS:
            body, ctype = page(*PARAGRAPHS[self.path]), "text/html; charset=utf-8"
        elif self.path == "/feed.xml":
            body, ctype = feed(self.base), "application/rss+xml"
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


TOP_LEVEL_SKIP = {
    ".venv",
    ".git",
    "data",
    "build",
    "dist",
    "bench",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
}


def _not_sources(folder: str, names: list[str]) -> set[str]:
    """What the wheel's source copy leaves out: local environments, outputs and caches."""
    skip = {n for n in names if n == "__pycache__" or n.endswith(".egg-info")}
    if Path(folder) == ROOT:
        skip |= TOP_LEVEL_SKIP & set(names)
    return skip


def step(
    name: str, cmd: list[str], env: dict[str, str], cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run one step; on failure print the tail of its output and stop."""
    started = time.monotonic()
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd)
    print(f"{name}: exit {res.returncode} in {time.monotonic() - started:.1f} s", flush=True)
    if res.returncode != 0:
        sys.stderr.write(res.stdout[-4000:] + res.stderr[-4000:])
        raise SystemExit(f"check_wheel: {name} failed")
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-wheel-"))
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PREFECT_HOME=str(tmp / "prefect"),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")  # fmt: skip
    for var in ("PREFECT_API_URL", "VIRTUAL_ENV", "PYTHONPATH", "SITREP_CONFIG"):
        env.pop(var, None)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    serving: threading.Thread | None = None
    try:
        venv = tmp / "venv"
        step("venv", [sys.executable, "-m", "venv", str(venv)], env=env)
        py, bin_ = venv / "bin" / "python", venv / "bin"
        print(step("bundled pip", [str(py), "-m", "pip", "--version"], env=env).stdout.strip())
        # build from a copy: the build must not depend on (or leave) anything in the working tree
        src = tmp / "src"
        shutil.copytree(ROOT, src, ignore=_not_sources)
        log = step("build wheel", [str(py), "-m", "pip", "wheel", "-v", "--no-deps", "-w", str(tmp / "dist"),
                                   str(src)], env=env)  # fmt: skip
        warnings = sorted({ln.strip() for ln in (log.stdout + log.stderr).splitlines() if WARNING.search(ln)})
        if warnings:
            sys.stderr.write("\n".join(warnings) + "\n")
            raise SystemExit("check_wheel: the wheel build printed warnings")
        (wheel,) = (tmp / "dist").glob("sitrep-*.whl")
        step("install wheel", [str(py), "-m", "pip", "install", "--quiet", str(wheel)], env=env)
        where = step("import", [str(py), "-c", "import flows; print(flows.__file__)"], env=env, cwd=tmp)
        if not where.stdout.strip().startswith(str(venv)):
            raise SystemExit(f"check_wheel: flows imported from {where.stdout.strip()}, not from the wheel")

        Handler.base = f"http://127.0.0.1:{httpd.server_address[1]}"
        serving = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        serving.start()
        db, out = tmp / "w.duckdb", tmp / "pq"
        run = [str(bin_ / "sitrep"), "run", Handler.base + "/news/bridge.html", Handler.base + "/feed.xml",
               "--db", str(db), "--out", str(out), "--json"]  # fmt: skip
        summary = json.loads(step("sitrep run", run, env=env, cwd=tmp).stdout)
        if summary["articles_new"] != 2 or summary["rejects"] != 0:
            raise SystemExit(f"check_wheel: expected 2 new articles and no rejects, got {summary}")
        sql = ("SELECT url, (SELECT count(*) FROM statements s WHERE s.article_id = a.article_id) AS statements "
               "FROM articles a ORDER BY url")  # fmt: skip
        query = [str(bin_ / "sitrep"), "query", sql, "--db", str(db), "--format", "json"]
        rows = json.loads(step("sitrep query", query, env=env, cwd=tmp).stdout)
        urls = [Handler.base + p for p in ("/news/bridge.html", "/news/clinic.html")]
        if [r["url"] for r in rows] != urls or not all(r["statements"] for r in rows):
            raise SystemExit(f"check_wheel: expected both pages with statements, got {rows}")
        outlines = "from flows import mapdata; print(len(mapdata.countries()), mapdata.__file__)"
        got = step("map outlines", [str(py), "-c", outlines], env=env, cwd=tmp).stdout.split()
        if got[0] != "176" or not got[1].startswith(str(venv)):
            raise SystemExit(f"check_wheel: expected 176 country outlines from the wheel, got {got}")
        brief = tmp / "brief.html"
        report = [str(bin_ / "sitrep"), "report", "--db", str(db), "--out", str(brief), "--country", "PAK"]
        step("sitrep report", report, env=env, cwd=tmp)
        if brief.read_text(encoding="utf-8").count('<figure class="chart"') != 7:
            raise SystemExit("check_wheel: the brief does not have its seven figures")
        print(f"check_wheel: ok: {wheel.name} installed with the bundled pip; rows landed: {rows}")
    finally:
        if serving is not None:
            httpd.shutdown()
        httpd.server_close()
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
