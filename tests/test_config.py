"""Guards settings: defaults < sitrep.toml < SITREP_* variables, and bad values fail with one line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flows.config import ConfigError, Settings, SourceConfig, load_settings
from flows.fetch_policy import FetchPolicy


def test_defaults_then_file_then_environment(tmp_path: Path) -> None:
    cfg = tmp_path / "sitrep.toml"
    cfg.write_text("")
    assert load_settings(cfg, environ={}) == Settings()
    cfg.write_text('[sitrep]\nbatch_size = 50\nmemory_limit = "1GB"\n\n[[sources]]\nlocation = "in/"\n')
    s = load_settings(cfg, environ={})
    assert (s.batch_size, s.memory_limit, [src.location for src in s.sources]) == (50, "1GB", ["in/"])
    s = load_settings(cfg, environ={"SITREP_BATCH_SIZE": "7", "SITREP_MEMORY_LIMIT": "1.5gib"})
    assert (s.batch_size, s.memory_limit) == (7, "1.5GiB")


@pytest.mark.parametrize(
    ("text", "env", "message"),
    [
        ("batch_size = 0\n", {}, "batch_size must be >= 1"),
        ('memory_limit = "lots"\n', {}, "memory_limit = 'lots' is not valid"),
        ("memory_limit = 512\n", {}, "memory_limit = 512 is not valid"),
        ("colour = 1\n", {}, "unknown setting 'colour'"),
        ("", {"SITREP_LOCK_WAIT_SECONDS": "soon"}, "SITREP_LOCK_WAIT_SECONDS: lock_wait_seconds"),
        ("[fetch]\nper_hots = 1\n", {}, "[fetch] unknown setting 'per_hots'"),
        ('[fetch]\nper_host = "many"\n', {}, "[fetch] 'per_host': Input should be a valid integer"),
        ('[fetch]\nbackoff = [1, "later"]\n', {}, "[fetch] 'backoff.1'"),
        ("[fetch]\nhost_delay = -1\n", {}, "[fetch] 'host_delay' must not be negative"),
        ("[fetch]\nper_host = 0\n", {}, "'per_host' and 'max_connections' must be at least 1"),
        ("fetch = 3\n", {}, "[fetch] must be a table"),
        ('[fetch]\nallow_private_networks = "maybe"\n', {}, "[fetch] 'allow_private_networks'"),
    ],
)
def test_bad_values_name_where_they_came_from(
    tmp_path: Path, text: str, env: dict[str, str], message: str
) -> None:
    cfg = tmp_path / "sitrep.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_settings(cfg, environ=env)


def test_fetch_table_sets_the_fetchers_limits(tmp_path: Path) -> None:
    cfg = tmp_path / "sitrep.toml"
    cfg.write_text('[fetch]\nuser_agent = "desk-bot/1.0"\nbackoff = [0.5, 2]\nper_host = 1\nrobots = true\n')
    fetch = load_settings(cfg, environ={}).fetch
    assert fetch == FetchPolicy(user_agent="desk-bot/1.0", backoff=(0.5, 2.0), per_host=1)
    assert fetch.attempts == 3
    cfg.write_text("[sitrep]\nbatch_size = 5\n[sitrep.fetch]\nhost_delay = 0.2\n")  # inside [sitrep] too
    assert load_settings(cfg, environ={}).fetch.host_delay == 0.2


def test_the_private_network_guard_is_on_unless_turned_off(tmp_path: Path) -> None:
    cfg = tmp_path / "sitrep.toml"
    cfg.write_text("[fetch]\nhost_delay = 0.2\n")
    assert load_settings(cfg, environ={}).fetch.allow_private_networks is False
    cfg.write_text("[fetch]\nallow_private_networks = true\n")
    assert load_settings(cfg, environ={}).fetch.allow_private_networks is True


def test_served_parameters_keep_source_options_and_fetch_limits(tmp_path: Path) -> None:
    """What `sitrep serve` stores with the deployment validates into the flow's own types."""
    from flows.cli import runner_parameters, serve_parameters
    from flows.pipeline import sitrep_pipeline

    cfg = tmp_path / "sitrep.toml"
    cfg.write_text(
        f'db = "{tmp_path}/w.duckdb"\nreport = "{tmp_path}/brief.html"\n[fetch]\nuser_agent = "desk-bot/1.0"\n'
        '[[sources]]\nlocation = "https://news.example/feed.xml"\nname = "border-desk"\nkind = "feed"\n'
        'max_items = 5\n[[sources]]\nlocation = "inbox"\n'
    )
    params = serve_parameters(load_settings(cfg, environ={}))
    got = sitrep_pipeline.validate_parameters(params)
    assert got["sources"] == [
        SourceConfig("https://news.example/feed.xml", name="border-desk", kind="feed", max_items=5),
        SourceConfig(str(Path("inbox").resolve())),
    ]
    assert got["fetch_policy"] == FetchPolicy(user_agent="desk-bot/1.0")
    assert got["runner"] is None  # no runner named: the flow's own task runner
    with_runner = sitrep_pipeline.validate_parameters(
        params | runner_parameters("dask", 4, "tcp://sched:8786")
    )
    assert (with_runner["runner"], with_runner["workers"], with_runner["dask_address"], with_runner["max_inflight"]) == (
        "dask", 4, "tcp://sched:8786", 8)  # fmt: skip
    assert got["report"] == str(tmp_path / "brief.html")
    # sources named on the command line replace the configured ones; no [fetch]: the flow's default
    cfg.write_text(f'db = "{tmp_path}/w.duckdb"\n')
    params = serve_parameters(load_settings(cfg, environ={}), ["https://news.example/a", "inbox"])
    assert params["sources"] == ["https://news.example/a", str(Path("inbox").resolve())]
    assert "fetch_policy" not in params
