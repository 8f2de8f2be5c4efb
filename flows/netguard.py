"""The private-network guard: fetched URLs must not reach loopback, private or other non-public addresses.

Feeds list links that third parties write, and servers redirect wherever they like, so a
scheduled run could otherwise be steered into the machine's own network (an admin page on
127.0.0.1, the cloud metadata service at 169.254.169.254) and publish what it finds there.

How it holds:

* every host is resolved **once** per fetch batch (``AddressGuard.addresses``); the addresses are
  classified (``address_class``) and the connection is made **to those checked addresses**
  (``GuardedBackend``, an httpcore network backend under httpx), so a name cannot answer with a
  public address at check time and a private one at connect time;
* the fetcher checks every URL it is about to request, the first one and each redirect target,
  before robots.txt or any request (``AddressGuard.check``), and the backend checks again at
  connect time on the very addresses it connects to;
* a source the user configured is trusted for its exact origin (scheme, host, port) only;
  links and redirects from it to other non-public hosts are refused;
* ``allow_private_networks`` turns the checks off; resolution still goes through the guard's
  resolver, so a test resolver is never bypassed.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# host → its addresses as strings; raises OSError when the name does not resolve
Resolver = Callable[[str], Awaitable[Sequence[str]]]

_V4 = ipaddress.IPv4Network
_V6 = ipaddress.IPv6Network
# (network, class), most specific first. Unspecified, loopback, link-local and multicast are
# asked of ``ipaddress`` directly; this table names the rest explicitly, so the answer does not
# depend on which Python patch release fixed which entry of ``is_private``.
_IPV4_CLASSES: tuple[tuple[ipaddress.IPv4Network, str], ...] = (
    (_V4("0.0.0.0/8"), "reserved"),  # "this network"
    (_V4("10.0.0.0/8"), "private"),
    (_V4("100.64.0.0/10"), "carrier-grade NAT"),
    (_V4("172.16.0.0/12"), "private"),
    (_V4("192.0.0.0/24"), "reserved"),  # IETF protocol assignments
    (_V4("192.0.2.0/24"), "reserved"),  # documentation
    (_V4("192.88.99.0/24"), "reserved"),  # former 6to4 relays
    (_V4("192.168.0.0/16"), "private"),
    (_V4("198.18.0.0/15"), "reserved"),  # benchmarking
    (_V4("198.51.100.0/24"), "reserved"),  # documentation
    (_V4("203.0.113.0/24"), "reserved"),  # documentation
    (_V4("240.0.0.0/4"), "reserved"),  # future use, and 255.255.255.255 broadcast
)
_IPV6_CLASSES: tuple[tuple[ipaddress.IPv6Network, str], ...] = (
    (_V6("::/96"), "reserved"),  # deprecated IPv4-compatible addresses
    (_V6("64:ff9b:1::/48"), "private"),  # local-use NAT64
    (_V6("100::/64"), "reserved"),  # discard-only
    (_V6("2001:db8::/32"), "reserved"),  # documentation
    (_V6("fc00::/7"), "private"),  # unique local
    (_V6("fec0::/10"), "private"),  # deprecated site-local
)
_NAT64 = _V6("64:ff9b::/96")


def address_class(ip: IPAddress | str) -> str | None:
    """The class of a non-public address ("loopback", "private", "link-local", "carrier-grade NAT",
    "unspecified", "multicast", "reserved"), or None for an address on the public internet.

    An IPv6 address that carries an IPv4 one (IPv4-mapped ``::ffff:a.b.c.d``, NAT64
    ``64:ff9b::a.b.c.d``, 6to4 ``2002:aabb:ccdd::``) is judged by the IPv4 address it reaches.
    """
    addr = ipaddress.ip_address(ip) if isinstance(ip, str) else ip
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.scope_id:
            addr = ipaddress.IPv6Address(str(addr).split("%", 1)[0])
        embedded = addr.ipv4_mapped or addr.sixtofour
        if embedded is None and addr in _NAT64:
            embedded = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
        if embedded is not None:
            return address_class(embedded)
    if addr.is_unspecified:
        return "unspecified"
    if addr.is_loopback:
        return "loopback"
    if addr.is_link_local:
        return "link-local"
    if addr.is_multicast:
        return "multicast"
    table: Iterable[tuple[Any, str]] = (
        _IPV4_CLASSES if isinstance(addr, ipaddress.IPv4Address) else _IPV6_CLASSES
    )
    for net, name in table:
        if addr in net:
            return name
    if not addr.is_global:  # whatever else the registries keep off the public internet
        return "reserved"
    return None


class AddressRefused(Exception):
    """A host resolved to a non-public address and its origin is not trusted."""

    def __init__(self, host: str, address: str, klass: str) -> None:
        self.host, self.address, self.klass = host, address, klass
        where = address if host == address else f"{host} resolves to {address}"
        self.reason = (
            f"{klass} address refused: {where} "
            "(private-network guard; [fetch] allow_private_networks = true turns it off)"
        )
        super().__init__(self.reason)


async def system_resolver(host: str) -> Sequence[str]:
    """The addresses the operating system gives for ``host`` (getaddrinfo, without blocking the loop)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    seen: dict[str, None] = {}
    for *_, sockaddr in infos:
        seen.setdefault(str(sockaddr[0]), None)
    return list(seen)


def _literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_of(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of ``url`` as httpx will connect to it: host lower-cased and IDNA-encoded,
    an IPv6 literal without brackets, the port made explicit; None when httpx cannot parse it (the
    request then fails on its own)."""
    try:
        u = httpx.URL(url)
        host = u.raw_host.decode("ascii")
    except (httpx.InvalidURL, ValueError, UnicodeError):
        return None
    return u.scheme, host, u.port or DEFAULT_PORTS.get(u.scheme, 0)


class AddressGuard:
    """Resolve each host once, judge its addresses, and remember them for the connection.

    ``trusted`` holds the URLs the user configured: each one's exact origin may be non-public.
    """

    def __init__(
        self, allow_private: bool = False, trusted: Iterable[str] = (), resolver: Resolver | None = None
    ) -> None:
        self.allow_private = allow_private
        self._resolver = resolver or system_resolver
        self._trusted = {o for o in map(origin_of, trusted) if o is not None}
        self._trusted_hostports = {(h, p) for _s, h, p in self._trusted}
        self._resolved: dict[str, tuple[str, ...]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self.refused = 0

    async def addresses(self, host: str) -> tuple[str, ...]:
        """The addresses of ``host``, resolved on first use and then kept for this guard's life."""
        literal = _literal(host)
        if literal is not None:
            return (literal,)
        async with self._locks.setdefault(host, asyncio.Lock()):
            if host not in self._resolved:
                found = tuple(await self._resolver(host))
                if not found:
                    raise OSError(f"{host} has no address")
                self._resolved[host] = found
            return self._resolved[host]

    def judge(self, host: str, addresses: Sequence[str], trusted: bool) -> None:
        """Raise ``AddressRefused`` when any address of an untrusted host is non-public."""
        if self.allow_private or trusted:
            return
        for a in addresses:
            klass = address_class(a)
            if klass is not None:
                self.refused += 1
                raise AddressRefused(host, a, klass)

    async def check(self, url: str) -> None:
        """Before requesting ``url``: refuse it when its host is non-public and its origin untrusted.

        A name that does not resolve passes here; the connection attempt then fails as usual.
        """
        origin = origin_of(url)
        if self.allow_private or origin is None:
            return
        try:
            found = await self.addresses(origin[1])
        except OSError:
            return
        self.judge(origin[1], found, origin in self._trusted)

    async def connect_addresses(self, host: str, port: int) -> tuple[str, ...]:
        """The checked addresses to connect to for ``host:port`` (raises ``AddressRefused``)."""
        found = await self.addresses(host)
        self.judge(host, found, (host, port) in self._trusted_hostports)
        return found


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, connecting only to addresses the guard resolved and accepted.

    The host name still goes to TLS (SNI, certificate check) and to the ``Host`` header: only the
    address the socket connects to is pinned.
    """

    def __init__(self, guard: AddressGuard, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self.guard = guard
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            found = await self.guard.connect_addresses(host, port)
        except OSError as e:
            raise httpcore.ConnectError(f"cannot resolve {host}: {e}") from e
        last: Exception | None = None
        for address in found:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                last = e
        assert last is not None
        raise last

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_transport(guard: AddressGuard, limits: httpx.Limits) -> httpx.AsyncHTTPTransport:
    """An httpx transport whose every connection goes through ``GuardedBackend``.

    httpx does not take a network backend as an argument, so the transport's connection pool is
    rebuilt with one; the check below fails loudly, rather than open, if httpx ever changes that.
    """
    transport = httpx.AsyncHTTPTransport(limits=limits, trust_env=False)
    backend = GuardedBackend(guard)
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=backend,
    )
    if getattr(transport._pool, "_network_backend", None) is not backend:  # pragma: no cover - httpx changed
        raise RuntimeError("httpx/httpcore changed: the fetcher's connections would bypass the network guard")
    return transport
