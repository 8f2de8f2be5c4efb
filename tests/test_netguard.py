"""Guards the private-network guard: feed entries, redirects and names that lead to loopback,
private, link-local or other non-public addresses are refused before anything connects (one
`fetch` reject naming the address class, the run goes on), configured sources stay trusted for
their exact origin, and `allow_private_networks = true` lets the same pages land.

Only loopback is ever dialled. Two servers on 127.0.0.1 are two origins; a name that this module's
resolver maps to 127.0.0.1 stands for a public name that answers with a private address. The other
address classes are covered by the address check and by refusals that never reach a socket: a
tripwire on httpcore's socket backend fails any test that would dial a non-loopback address.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpcore
import pytest

from flows.fetch import FetchPolicy, fetch_batch
from flows.netguard import AddressGuard, AddressRefused, address_class
from flows.sources import RawRecord, WebTarget
from transforms.records import Reject

POLICY = FetchPolicy(connect_timeout=1.0, read_timeout=1.0, attempt_timeout=3.0, backoff=(0.05,),
                     host_delay=0.0, per_host=4)  # fmt: skip
OPEN = replace(POLICY, allow_private_networks=True)
PARAGRAPHS = [
    "The council of the river town met on Thursday to agree a budget for the new footbridge, which "
    "has been closed to pedestrians since the spring floods damaged two of its piers.",
    "Engineers told the councillors that the repairs would take about six weeks and that a ferry "
    "would carry people across the river in the meantime, free of charge, from Monday.",
]


def page(title: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


def rss(*links: str) -> str:
    items = "".join(
        f"<item><title>Entry {n}</title><link>{link}</link></item>" for n, link in enumerate(links)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Town desk</title>{items}</channel></rss>'


# -- loopback servers and a tripwire ------------------------------------------------------------------


@dataclass
class Server:
    base: str = ""
    port: int = 0
    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    seen: list[tuple[str, str]] = field(default_factory=list)  # (path, Host header) of every request

    def add(self, path: str, body: str, ctype: str = "text/html; charset=utf-8", status: int = 200,
            headers: dict[str, str] | None = None) -> None:  # fmt: skip
        self.routes[path] = (status, {"Content-Type": ctype, **(headers or {})}, body.encode())


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_state: Server

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server_state.seen.append((self.path, self.headers.get("Host", "")))
        status, headers, body = self.server_state.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serving() -> Iterator[Server]:
    state = Server()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), type("H", (_Handler,), {"server_state": state}))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    state.base = f"http://127.0.0.1:{state.port}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def a() -> Iterator[Server]:
    with serving() as s:
        yield s


@pytest.fixture
def b() -> Iterator[Server]:
    with serving() as s:
        yield s


@pytest.fixture(autouse=True)
def dialled(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every address the fetcher's sockets dial; dialling anything but loopback fails the test."""
    calls: list[tuple[str, int]] = []
    real = httpcore.AnyIOBackend.connect_tcp

    async def connect_tcp(self: Any, host: str, port: int, *args: Any, **kw: Any) -> Any:
        if not ipaddress.ip_address(host).is_loopback:  # also refuses a name: only checked addresses
            raise AssertionError(f"the fetcher tried to dial {host}:{port}")
        calls.append((host, port))
        return await real(self, host, port, *args, **kw)

    monkeypatch.setattr(httpcore.AnyIOBackend, "connect_tcp", connect_tcp)
    return calls


def resolver(names: dict[str, str]) -> Any:
    """A resolver that knows only ``names`` (name → address): the system's is never asked."""

    async def resolve(host: str) -> Sequence[str]:
        if host not in names:
            raise OSError(f"unknown test name {host}")
        return [names[host]]

    return resolve


def only(items: list[RawRecord | Reject], kind: type) -> list[Any]:
    return [r for r in items if isinstance(r, kind)]


# -- the address check ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "klass"),
    [
        pytest.param("127.0.0.1", "loopback", id="v4-loopback"),
        pytest.param("127.200.0.9", "loopback", id="v4-loopback-net"),
        pytest.param("::1", "loopback", id="v6-loopback"),
        pytest.param("10.0.0.5", "private", id="rfc1918-10"),
        pytest.param("172.16.4.1", "private", id="rfc1918-172"),
        pytest.param("192.168.1.1", "private", id="rfc1918-192"),
        pytest.param("fd12:3456::1", "private", id="v6-unique-local"),
        pytest.param("fc00::1", "private", id="v6-fc00"),
        pytest.param("169.254.169.254", "link-local", id="metadata-service"),
        pytest.param("fe80::1", "link-local", id="v6-link-local"),
        pytest.param("fe80::1%2", "link-local", id="v6-link-local-scoped"),
        pytest.param("100.64.0.1", "carrier-grade NAT", id="cgnat-low"),
        pytest.param("100.127.255.254", "carrier-grade NAT", id="cgnat-high"),
        pytest.param("0.0.0.0", "unspecified", id="v4-unspecified"),
        pytest.param("::", "unspecified", id="v6-unspecified"),
        pytest.param("224.0.0.1", "multicast", id="v4-multicast"),
        pytest.param("ff02::1", "multicast", id="v6-multicast"),
        pytest.param("240.0.0.1", "reserved", id="class-e"),
        pytest.param("255.255.255.255", "reserved", id="broadcast"),
        pytest.param("0.1.2.3", "reserved", id="this-network"),
        pytest.param("192.0.2.10", "reserved", id="documentation"),
        pytest.param("198.18.0.1", "reserved", id="benchmarking"),
        pytest.param("2001:db8::1", "reserved", id="v6-documentation"),
        pytest.param("::ffff:127.0.0.1", "loopback", id="v4-mapped-loopback"),
        pytest.param("::ffff:169.254.169.254", "link-local", id="v4-mapped-metadata"),
        pytest.param("::ffff:10.1.1.1", "private", id="v4-mapped-private"),
        pytest.param("64:ff9b::a00:1", "private", id="nat64-private"),
        pytest.param("2002:7f00:1::", "loopback", id="6to4-loopback"),
        pytest.param("93.184.216.34", None, id="v4-public"),
        pytest.param("2606:4700::1111", None, id="v6-public"),
        pytest.param("::ffff:93.184.216.34", None, id="v4-mapped-public"),
        pytest.param("100.128.0.1", None, id="just-past-cgnat"),
    ],
)
def test_address_class(address: str, klass: str | None) -> None:
    assert address_class(address) == klass


@pytest.mark.parametrize(
    ("url", "names", "klass", "where"),
    [
        pytest.param(
            "http://169.254.169.254/latest/meta-data/", {}, "link-local", "169.254.169.254", id="literal"
        ),
        pytest.param("http://[fd00::5]:8080/", {}, "private", "fd00::5", id="v6-literal"),
        pytest.param("http://[::ffff:a00:1]/", {}, "private", "::ffff:a00:1", id="v4-mapped-literal"),
        pytest.param(
            "http://metadata.test/",
            {"metadata.test": "169.254.169.254"},
            "link-local",
            "metadata.test resolves to 169.254.169.254",
            id="name",
        ),
        pytest.param(
            "http://cgnat.test/",
            {"cgnat.test": "100.64.3.4"},
            "carrier-grade NAT",
            "cgnat.test resolves to 100.64.3.4",
            id="name-cgnat",
        ),
    ],
)
def test_guard_refuses_non_public_hosts_without_connecting(
    url: str, names: dict[str, str], klass: str, where: str
) -> None:
    guard = AddressGuard(resolver=resolver(names))
    with pytest.raises(AddressRefused) as info:
        asyncio.run(guard.check(url))
    assert info.value.klass == klass and info.value.reason.startswith(f"{klass} address refused: ")
    assert where in info.value.reason
    asyncio.run(AddressGuard(allow_private=True, resolver=resolver(names)).check(url))  # off: no refusal


def test_a_name_is_resolved_once_and_trust_is_per_exact_origin() -> None:
    asked: list[str] = []

    async def resolve(host: str) -> Sequence[str]:
        asked.append(host)
        return ["10.9.8.7"]

    guard = AddressGuard(trusted=["http://intranet.test:8080/feed.xml"], resolver=resolve)

    async def go() -> list[str]:
        await guard.check("http://intranet.test:8080/a")  # the configured origin: trusted
        out = []
        for other in (
            "http://intranet.test:8081/a",
            "https://intranet.test:8080/a",
            "http://intranet.test/a",
        ):
            try:
                await guard.check(other)
            except AddressRefused as e:
                out.append(e.klass)
        return out

    assert asyncio.run(go()) == ["private", "private", "private"]
    assert asked == ["intranet.test"]


def test_refusals_of_every_class_are_rejects_and_nothing_but_the_feed_is_dialled(
    a: Server, dialled: list[tuple[str, int]]
) -> None:
    """A configured feed on loopback lists entries that lead to other non-public places."""
    links = ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/admin", "http://[fd00::1]:8080/x",
             "http://100.64.0.9/", "http://[::ffff:192.168.0.1]/", "http://metadata.test/computeMetadata/",
             "http://0.0.0.0:9/", "http://224.0.0.251/"]  # fmt: skip
    a.add("/feed.xml", rss(*links), "application/rss+xml")
    got = fetch_batch([WebTarget("town", a.base + "/feed.xml")], POLICY,
                      resolver=resolver({"metadata.test": "169.254.169.254"})).items  # fmt: skip
    rejects = only(got, Reject)
    assert len(rejects) == len(links) and not only(got, RawRecord)
    assert [r.stage for r in rejects] == ["fetch"] * len(links)
    classes = [r.reason.split(" address refused")[0] for r in rejects]
    assert classes == ["link-local", "private", "private", "carrier-grade NAT", "private", "link-local",
                       "unspecified", "multicast"]  # fmt: skip
    assert {port for _host, port in dialled} == {a.port}  # the feed and its robots.txt, nothing else


@pytest.mark.parametrize("url", ["http://127.0.0.1:99999/x", "http://[::1/x", "http://exa mple.test/"])
def test_a_url_httpx_cannot_parse_is_one_reject(url: str, dialled: list[tuple[str, int]]) -> None:
    (got,) = fetch_batch([WebTarget(url, url)], POLICY, resolver=resolver({})).items
    assert isinstance(got, Reject) and got.stage == "fetch" and dialled == []


# -- two loopback origins: entry, redirect, resolved name; guard on and off ---------------------------------


def entry_to_other_origin(a: Server, b: Server) -> list[RawRecord | WebTarget | Reject]:
    a.add("/feed.xml", rss(b.base + "/story"), "application/rss+xml")
    return [WebTarget("town", a.base + "/feed.xml")]


def redirect_to_other_origin(a: Server, b: Server) -> list[RawRecord | WebTarget | Reject]:
    a.add("/go", "", status=302, headers={"Location": b.base + "/story"})
    return [WebTarget("town", a.base + "/go")]


def name_resolving_to_loopback(a: Server, b: Server) -> list[RawRecord | WebTarget | Reject]:
    a.add("/feed.xml", rss(f"http://news.test:{b.port}/story"), "application/rss+xml")
    return [WebTarget("town", a.base + "/feed.xml")]


CASES = [
    pytest.param(entry_to_other_origin, "loopback address refused: 127.0.0.1", id="feed-entry"),
    pytest.param(redirect_to_other_origin, "loopback address refused: 127.0.0.1", id="redirect"),
    pytest.param(
        name_resolving_to_loopback, "loopback address refused: news.test resolves to 127.0.0.1", id="name"
    ),  # fmt: skip
]


@pytest.mark.parametrize(("setup", "reason"), CASES)
def test_guard_on_nothing_connects_to_the_other_origin(
    a: Server, b: Server, dialled: list[tuple[str, int]], setup: Any, reason: str
) -> None:
    b.add("/story", page("Footbridge repairs"))
    got = fetch_batch(setup(a, b), POLICY, resolver=resolver({"news.test": "127.0.0.1"})).items
    (rej,) = only(got, Reject)
    assert rej.stage == "fetch" and rej.reason.startswith(reason), rej.reason
    assert "allow_private_networks" in rej.reason
    assert not only(got, RawRecord)
    assert b.seen == [] and b.port not in {port for _h, port in dialled}  # not even robots.txt
    assert a.seen  # the configured origin itself was fetched: trusted


@pytest.mark.parametrize(("setup", "reason"), CASES)
def test_guard_off_the_page_lands(
    a: Server, b: Server, dialled: list[tuple[str, int]], setup: Any, reason: str
) -> None:
    b.add("/story", page("Footbridge repairs"))
    got = fetch_batch(setup(a, b), OPEN, resolver=resolver({"news.test": "127.0.0.1"})).items
    assert not only(got, Reject)
    (rec,) = only(got, RawRecord)
    assert rec.kind == "page" and "Footbridge repairs" in rec.payload
    assert b.seen[-1][0] == "/story"
    if setup is name_resolving_to_loopback:  # the name went to the Host header; the socket to the address
        assert b.seen[-1][1] == f"news.test:{b.port}" and ("127.0.0.1", b.port) in dialled


def test_a_local_feed_file_is_not_a_trusted_origin(a: Server, tmp_path: Path) -> None:
    """Links in a feed file on disk lead to hosts nobody configured: they pass the guard like any link."""
    from flows.sources import iter_records

    a.add("/story", page("Footbridge repairs"))
    f = tmp_path / "town.rss"
    f.write_text(rss(a.base + "/story"))
    got = fetch_batch(list(iter_records([str(f)])), POLICY).items
    assert [r.reason.split(":")[0] for r in only(got, Reject)] == ["loopback address refused"]
    assert a.seen == []
    got = fetch_batch(list(iter_records([str(f)])), OPEN).items
    assert [r.url for r in only(got, RawRecord)] == [a.base + "/story"]


# -- the run: one reject row, one summary line, the run goes on ----------------------------------------------


@pytest.mark.slow
def test_run_records_the_refusal_and_goes_on(prefect_server, a: Server, b: Server, tmp_path: Path) -> None:
    import duckdb
    from typer.testing import CliRunner

    from flows.cli import app

    a.add("/story", page("Footbridge repairs"))
    b.add("/secret", page("Internal dashboard"))
    a.add("/feed.xml", rss(a.base + "/story", b.base + "/secret"), "application/rss+xml")
    cfg = tmp_path / "sitrep.toml"
    cfg.write_text(
        f'db = "{tmp_path}/w.duckdb"\nout = "{tmp_path}/pq"\n[fetch]\nhost_delay = 0\nbackoff = [0.05]\n'
        f'[[sources]]\nlocation = "{a.base}/feed.xml"\nname = "town"\n'
    )
    res = CliRunner().invoke(app, ["run", "--config", str(cfg)])
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.stdout.splitlines() if "fetch failed" in ln]
    assert len(lines) == 1 and lines[0].strip().startswith(
        f"fetch failed: town:{b.base}/secret: loopback address"
    )
    assert "allow_private_networks = true" in lines[0]
    con = duckdb.connect(f"{tmp_path}/w.duckdb", read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
        rows = con.execute("SELECT location, stage, reason FROM rejects").fetchall()
    finally:
        con.close()
    assert [(loc, stage) for loc, stage, _ in rows] == [(b.base + "/secret", "fetch")]
    assert rows[0][2].startswith("loopback address refused: 127.0.0.1")
    assert b.seen == []
