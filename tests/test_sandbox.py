"""Guards `sitrep query --sandbox` (and `query_sandbox = true`): the statement reads the warehouse
and nothing else. COPY TO, reading a file by path, ATTACH, INSTALL/LOAD and SET/RESET to undo the
sandbox each fail with a one-line error and leave no trace; without the sandbox the same statements
keep DuckDB's usual power. Also guards `apply_sandbox` on an in-memory connection with views over
Parquet, the shape a reader over the published files takes."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from warehouse import Warehouse
from warehouse.sandbox import apply_sandbox


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    with Warehouse.open(path) as wh:
        wh.con.execute(
            "INSERT INTO articles (article_id, url, text, content_sha256, origin, extractor_version) "
            "VALUES ('a1', 'https://town.example/1', 'The footbridge reopened.', repeat('0', 64), 'test', 'v1')"
        )
    (tmp_path / "notes.csv").write_text("who,what\nclerk,minutes\n")
    return path


def query(db: Path, sql: str, *flags: str) -> tuple[int, str]:
    res = CliRunner().invoke(app, ["query", sql, "--db", str(db), "--format", "csv", *flags])
    return res.exit_code, res.output


ESCAPES = [
    pytest.param("COPY (SELECT 1 AS x) TO '{dir}/out.csv'", "out.csv", id="copy-to"),
    pytest.param("COPY articles TO '{dir}/dump.parquet' (FORMAT parquet)", "dump.parquet", id="copy-table"),
    pytest.param(
        "COPY (SELECT 1) TO '{db}' (FORMAT csv, USE_TMP_FILE false)", None, id="overwrite-warehouse"
    ),
    pytest.param("SELECT * FROM read_csv('{dir}/notes.csv')", None, id="read-csv-path"),
    pytest.param("SELECT * FROM '{dir}/notes.csv'", None, id="replacement-scan"),
    pytest.param("SELECT * FROM read_text('{dir}/notes.csv')", None, id="read-text"),
    pytest.param("SELECT * FROM glob('{dir}/*')", None, id="glob"),
    pytest.param("ATTACH '{dir}/other.duckdb' AS other", "other.duckdb", id="attach"),
    pytest.param("ATTACH '{db}' AS again (READ_ONLY)", None, id="attach-warehouse"),
    pytest.param("INSTALL httpfs FROM 'http://127.0.0.1:9/'", None, id="install"),
    pytest.param("LOAD httpfs", None, id="load"),
    pytest.param("LOAD '{dir}/fake.duckdb_extension'", None, id="load-path"),
    pytest.param("SET enable_external_access = true", None, id="set-external-access"),
    pytest.param("RESET enable_external_access", None, id="reset-external-access"),
    pytest.param("SET lock_configuration = false", None, id="set-unlock"),
    pytest.param("SET disabled_filesystems = ''", None, id="set-filesystems"),
    pytest.param("SET allowed_directories = ['/']", None, id="set-allowed"),
]


@pytest.mark.parametrize(("sql", "leaves"), ESCAPES)
def test_sandbox_refuses_with_one_line(db: Path, sql: str, leaves: str | None) -> None:
    size = db.stat().st_size
    code, output = query(db, sql.format(dir=db.parent, db=db), "--sandbox")
    assert code == 1
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: refused by the query sandbox"), output
    if leaves:
        assert not (db.parent / leaves).exists()
    assert db.stat().st_size == size
    code, output = query(db, "SELECT url FROM articles", "--sandbox")  # the warehouse is intact
    assert (code, output.splitlines()) == (0, ["url", "https://town.example/1"])


def test_sandbox_reads_the_warehouse(db: Path) -> None:
    code, output = query(db, "SELECT count(*) AS n, min(url) AS u FROM articles", "--sandbox")
    assert (code, output.splitlines()) == (0, ["n,u", "1,https://town.example/1"])


@pytest.mark.parametrize(
    ("sql", "made"),
    [
        pytest.param("COPY (SELECT 1 AS x) TO '{dir}/out.csv'", "out.csv", id="copy-to"),
        pytest.param("SELECT * FROM read_csv('{dir}/notes.csv')", None, id="read-csv-path"),
    ],
)
def test_without_the_sandbox_duckdb_keeps_its_power(db: Path, sql: str, made: str | None) -> None:
    code, output = query(db, sql.format(dir=db.parent))
    assert code == 0, output
    if made:
        assert (db.parent / made).exists()


@pytest.mark.parametrize(
    ("setting", "flags", "refused"),
    [
        pytest.param("query_sandbox = true\n", (), True, id="setting-on"),
        pytest.param("query_sandbox = true\n", ("--no-sandbox",), False, id="flag-wins"),
        pytest.param("", (), False, id="default-off"),
    ],
)
def test_query_sandbox_setting(db: Path, setting: str, flags: tuple[str, ...], refused: bool) -> None:
    cfg = db.parent / "sitrep.toml"
    cfg.write_text(setting)
    code, output = query(db, f"SELECT * FROM read_csv('{db.parent}/notes.csv')", "--config", str(cfg), *flags)
    assert (code == 1) is refused, output
    assert ("refused by the query sandbox" in output) is refused


def test_views_over_parquet_stay_readable_and_nothing_else(tmp_path: Path) -> None:
    published = tmp_path / "pq"
    (published / "articles").mkdir(parents=True)
    duckdb.sql(f"COPY (SELECT 'a1' AS article_id) TO '{published}/articles/part.parquet' (FORMAT parquet)")
    (tmp_path / "notes.csv").write_text("who\nclerk\n")
    con = duckdb.connect()
    con.execute(f"CREATE VIEW articles AS SELECT * FROM read_parquet('{published}/articles/*.parquet')")
    apply_sandbox(con, readable=[published])
    assert con.execute("SELECT article_id FROM articles").fetchall() == [("a1",)]
    for sql in (f"SELECT * FROM read_csv('{tmp_path}/notes.csv')", f"COPY (SELECT 1) TO '{tmp_path}/x.csv'",
                "SET allowed_directories = ['/']", "LOAD httpfs"):  # fmt: skip
        with pytest.raises(duckdb.Error):
            con.execute(sql)
    assert not (tmp_path / "x.csv").exists()


def test_readable_directories_are_refused_beside_an_attached_database(db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    with pytest.raises(ValueError, match="would leave the database file .* writable"):
        apply_sandbox(con, readable=[db.parent])
    con.close()
