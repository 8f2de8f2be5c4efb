"""The fetcher's limits, apart from the fetcher: the configuration reads them without httpx or Prefect."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

USER_AGENT = "sitrep/0.1 (news-to-data research pipeline; honours robots.txt)"


@dataclass(frozen=True)
class FetchPolicy:
    """Every limit of the fetcher; tests shrink the times, deployments may loosen the caps."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # between two bytes
    attempt_timeout: float = 60.0  # one attempt, request to last byte (a slow drip cannot hold a slot)
    backoff: tuple[float, ...] = (1.0, 4.0, 15.0)  # wait before retry 1, 2, 3: attempts = len + 1
    jitter: float = 0.25  # ± this fraction of each wait
    max_retry_after: float = 120.0  # a longer Retry-After is a failure, not a wait
    max_redirects: int = 5
    max_bytes: int = 5_000_000  # on the wire
    max_decoded_bytes: int = 20_000_000  # after gzip/deflate
    per_host: int = 2  # concurrent requests per scheme://host:port
    host_delay: float = 1.0  # seconds between request starts to one host
    max_crawl_delay: float = 30.0  # cap on a robots.txt Crawl-delay
    max_connections: int = 16
    robots: bool = True
    robots_max_age: float = 86_400.0  # RFC 9309: do not use a cached robots.txt longer than a day
    max_feed_items: int | None = None  # default cap on entries followed per feed
    # False: URLs whose host is loopback, private, link-local... are refused, except the exact
    # origins of configured sources (flows/netguard.py). True turns the guard off.
    allow_private_networks: bool = False

    @property
    def attempts(self) -> int:
        return len(self.backoff) + 1


def fetch_policy_from(values: dict[str, Any]) -> FetchPolicy:
    """A policy from plain values (a ``[fetch]`` table, deployment parameters); raises ValueError
    naming the first unknown key or bad value."""
    from pydantic import TypeAdapter, ValidationError

    known = {f.name for f in fields(FetchPolicy)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"unknown setting {unknown[0]!r} (known: {', '.join(sorted(known))})")
    try:
        policy = TypeAdapter(FetchPolicy).validate_python(values)
    except ValidationError as e:
        err = e.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        raise ValueError(f"{where!r}: {err['msg']} (got {err.get('input')!r})") from None
    negative = [f.name for f in fields(FetchPolicy) if _below_zero(getattr(policy, f.name))]
    if negative:
        raise ValueError(f"{negative[0]!r} must not be negative")
    if policy.per_host < 1 or policy.max_connections < 1:
        raise ValueError("'per_host' and 'max_connections' must be at least 1")
    return policy


def _below_zero(value: object) -> bool:
    if isinstance(value, tuple):
        return any(_below_zero(v) for v in value)
    return isinstance(value, int | float) and not isinstance(value, bool) and value < 0
