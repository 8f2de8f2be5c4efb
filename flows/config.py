"""Settings in one place: defaults, then a TOML file, then the environment, then flags.

Nothing here reads the environment at import time; ``load_settings`` does it
when called.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from flows.fetch_policy import FetchPolicy, fetch_policy_from
from transforms.errors import SitrepError
from warehouse.db import size_literal

ENV_PREFIX = "SITREP_"
DEFAULT_CONFIG = Path("sitrep.toml")


class ConfigError(SitrepError):
    """The configuration file or an environment override is invalid."""


@dataclass(frozen=True)
class SourceConfig:
    """One configured input: a path, glob, page URL or feed URL."""

    location: str
    name: str | None = None
    kind: str = "auto"  # auto | file | page | feed
    language: str | None = None
    max_items: int | None = None


@dataclass(frozen=True)
class Settings:
    db: Path = Path("data/sitrep.duckdb")
    out: Path = Path("data/parquet")
    batch_size: int = 500
    lock_wait_seconds: float = 30.0
    # DuckDB's memory cap for a run (e.g. "512MB", "2GB"); beyond it, sorts and writes spill to disk
    memory_limit: str = "512MB"
    report: Path | None = None  # write the HTML brief here at the end of every run
    # `sitrep query` in the sandbox by default (warehouse.sandbox): for SQL that others write
    query_sandbox: bool = False
    # seconds between the snapshots a run publishes for readers while it loads; 0: only at its end
    publish_every: float = 300.0
    sources: tuple[SourceConfig, ...] = field(default_factory=tuple)
    # the fetcher's limits: a [fetch] table (user_agent, timeouts, backoff, per_host, host_delay...)
    fetch: FetchPolicy = field(default_factory=FetchPolicy)

    @property
    def publish_interval(self) -> float | None:
        """``publish_every`` as the flows take it: None when only the end of a run publishes."""
        return self.publish_every or None

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with the non-None ``values`` applied (CLI flags)."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def _bool(value: Any) -> bool:
    """A TOML boolean, or true/false/1/0/yes/no from the environment."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off"):
        return False
    raise ValueError("expected true or false")


_CASTS: dict[str, Callable[[Any], Any]] = {"db": Path, "out": Path, "batch_size": int, "lock_wait_seconds": float, "report": Path,
          "memory_limit": lambda v: size_literal(str(v)), "query_sandbox": _bool, "publish_every": float}  # fmt: skip


def _cast(name: str, value: Any, origin: str) -> Any:
    try:
        out = _CASTS[name](value)
    except (TypeError, ValueError) as e:
        raise ConfigError(f"{origin}: {name} = {value!r} is not valid ({e})") from None
    if name == "batch_size" and out < 1:
        raise ConfigError(f"{origin}: batch_size must be >= 1, got {out}")
    if name == "publish_every" and out < 0:
        raise ConfigError(f"{origin}: publish_every must be >= 0 seconds (0: only at the end), got {out}")
    return out


def _parse_sources(raw: Any, origin: str) -> tuple[SourceConfig, ...]:
    if not isinstance(raw, list):
        raise ConfigError(f"{origin}: [[sources]] must be an array of tables")
    known = {f.name for f in fields(SourceConfig)}
    out = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not isinstance(item.get("location"), str):
            raise ConfigError(f"{origin}: source #{i} needs a string `location`")
        unknown = set(item) - known
        if unknown:
            raise ConfigError(f"{origin}: source #{i} has unknown keys {sorted(unknown)}")
        out.append(SourceConfig(**item))
    return tuple(out)


def _parse_fetch(raw: Any, origin: str) -> FetchPolicy:
    if not isinstance(raw, dict):
        raise ConfigError(f"{origin}: [fetch] must be a table")
    try:
        return fetch_policy_from(raw)
    except ValueError as e:
        raise ConfigError(f"{origin}: [fetch] {e}") from None


def load_settings(config: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Defaults < ``config`` (or $SITREP_CONFIG, or ./sitrep.toml if present) < $SITREP_* variables."""
    env = dict(os.environ if environ is None else environ)
    path = config or (Path(env[f"{ENV_PREFIX}CONFIG"]) if f"{ENV_PREFIX}CONFIG" in env else None)
    if path is None and DEFAULT_CONFIG.is_file():
        path = DEFAULT_CONFIG
    settings = Settings()
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: no such config file") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ConfigError(f"{path}: {e}") from None
        section = data.get("sitrep", data)
        values: dict[str, Any] = {}
        for key, value in section.items():
            if key == "sources":
                values["sources"] = _parse_sources(value, str(path))
            elif key == "fetch":
                values["fetch"] = _parse_fetch(value, str(path))
            elif key in _CASTS:
                values[key] = _cast(key, value, str(path))
            elif not isinstance(value, dict):
                raise ConfigError(f"{path}: unknown setting {key!r}")
        if "sources" in data and "sources" not in values:
            values["sources"] = _parse_sources(data["sources"], str(path))
        if "fetch" in data and "fetch" not in values:
            values["fetch"] = _parse_fetch(data["fetch"], str(path))
        settings = replace(settings, **values)
    for name in _CASTS:
        var = f"{ENV_PREFIX}{name.upper()}"
        if var in env:
            settings = replace(settings, **{name: _cast(name, env[var], var)})
    return settings
