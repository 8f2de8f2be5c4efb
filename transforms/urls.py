"""URL canonicalisation: one spelling per article so its id (a hash of the URL) is stable.

Pure string functions. Scheme and host are lower-cased, default ports, fragments
and tracking parameters (``utm_*``, ``fbclid``, ``gclid``...) dropped; the rest
of the query keeps its order because servers may care about it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

WEB_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that identify a campaign or a click, never the document.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
        "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
        "oly_enc_id", "vero_id", "rb_clickid", "s_cid", "cmpid", "ncid", "ocid", "at_medium",
        "at_campaign", "guccounter", "guce_referrer", "guce_referrer_sig", "spm", "ref_src", "ref_url",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host (and a port, if any, in 0-65535)."""
    try:
        parts = urlsplit(url.strip())
        _port = parts.port  # raises on a port out of range or not a number
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


def is_tracking_param(name: str) -> bool:
    n = name.lower()
    return n in TRACKING_PARAMS or n.startswith(TRACKING_PREFIXES)


def _host(hostname: str) -> str:
    host = hostname.lower().rstrip(".")
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def canonical_url(url: str) -> str:
    """``url`` in canonical form; a non-http(s) or unparseable URL comes back stripped only.

    >>> canonical_url("HTTPS://Example.COM:443/a/b?utm_source=x&id=3#top")
    'https://example.com/a/b?id=3'
    """
    s = url.strip()
    try:
        parts = urlsplit(s)
        port = parts.port
    except ValueError:
        return s
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES or not parts.hostname:
        return s
    netloc = _host(parts.hostname)
    if ":" in netloc:  # IPv6 literal
        netloc = f"[{netloc}]"
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    if parts.username:
        userinfo = parts.username + (f":{parts.password}" if parts.password else "")
        netloc = f"{userinfo}@{netloc}"
    # Re-quote the path so %7E and ~ (or a raw space and %20) are one spelling.
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    return urlunsplit((scheme, netloc, path, urlencode(query, quote_via=quote), ""))


def host_key(url: str) -> str:
    """``scheme://host[:port]`` of ``url``: the unit of politeness (concurrency, delay, robots.txt)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    netloc = _host(parts.hostname or "")
    port = parts.port
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    return f"{scheme}://{netloc}"


def syndication_aliases(
    articles: Sequence[tuple[str, str, str, str | None]], stored: Mapping[str, str]
) -> tuple[list[int], list[tuple[str, str, str]]]:
    """Keep one article per text; name the other URLs.

    ``articles`` are (article_id, url, content_sha256, fetched_url or None) in
    batch order; ``stored`` maps a text hash to the article id already holding
    that text. Returns the indices to keep and (url, article_id, reason) aliases:
    ``same_text`` for a URL whose text another article has (syndication),
    ``fetched_as`` for the URL a kept article was fetched from when its
    canonical URL differs.
    """
    owner = dict(stored)
    keep: list[int] = []
    aliases: list[tuple[str, str, str]] = []
    for i, (aid, url, sha, fetched) in enumerate(articles):
        first = owner.setdefault(sha, aid)
        if first != aid:
            aliases.append((url, first, "same_text"))
            if fetched and canonical_url(fetched) != url:
                aliases.append((canonical_url(fetched), first, "same_text"))
            continue
        keep.append(i)
        if fetched and canonical_url(fetched) != url:
            aliases.append((canonical_url(fetched), aid, "fetched_as"))
    return keep, aliases
