"""Guards settings: defaults < sitrep.toml < SITREP_* variables, and bad values fail with one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.config import ConfigError, Settings, load_settings


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
    ],
)
def test_bad_values_name_where_they_came_from(
    tmp_path: Path, text: str, env: dict[str, str], message: str
) -> None:
    cfg = tmp_path / "sitrep.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        load_settings(cfg, environ=env)
