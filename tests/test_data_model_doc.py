"""Guards docs/data-model.md against drift: every table, view and column it names exists in a
freshly migrated warehouse with the type it gives (and nullability for tables), every column of a
documented table is named, every table and view of the warehouse is documented, the published
tables match their pandera schemas, and each list of values is exactly what validation accepts.
Also that README.md and docs/ link only to files inside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from schemas import SCHEMAS
from warehouse import PUBLISHED_TABLES, Warehouse

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "data-model.md"
CELL = re.compile(r"`([^`]+)`")


def sections() -> dict[str, dict[str, list[list[str]]]]:
    """``## section`` → ``### `name``` → rows of the markdown table under it (cells stripped)."""
    out: dict[str, dict[str, list[list[str]]]] = {}
    section, name = "", ""
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section, name = line[3:].strip(), ""
            out[section] = {}
        elif line.startswith("### "):
            name = CELL.findall(line)[0]
            out[section][name] = []
        elif line.startswith("|") and not set(line) <= set("|-: "):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells[0] in ("column",):
                continue
            out[section].setdefault(name, []).append(cells)
    return out


DOCUMENTED = sections()
OBJECTS = {
    name: (section, rows)
    for section in ("Published tables", "Warehouse tables", "Views")
    for name, rows in DOCUMENTED[section].items()
}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, str, bool]]]:
    """Every table and view of a freshly migrated warehouse → (column, type, nullable) in order."""
    with Warehouse.open(tmp_path_factory.mktemp("doc") / "w.duckdb") as wh:
        names = [r[0] for r in wh.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' UNION ALL "
            "SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal").fetchall()]  # fmt: skip
        return {
            n: wh.con.execute(
                "SELECT column_name, data_type, is_nullable FROM duckdb_columns() WHERE table_name = ? "
                "ORDER BY column_index",
                [n],
            ).fetchall()
            for n in names
        }


def test_every_table_and_view_is_documented(catalog: dict) -> None:
    assert sorted(OBJECTS) == sorted(catalog)
    assert sorted(DOCUMENTED["Published tables"]) == sorted(PUBLISHED_TABLES)


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_documented_columns_match_the_warehouse(catalog: dict, name: str) -> None:
    section, rows = OBJECTS[name]
    documented = [(CELL.findall(r[0])[0], r[1]) for r in rows]
    assert documented == [(c, t) for c, t, _ in catalog[name]]  # every column, in order, with its type
    if section != "Views":
        nulls = {CELL.findall(r[0])[0]: r[2] for r in rows}
        assert nulls == {c: "yes" if nullable else "no" for c, _t, nullable in catalog[name]}


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_published_tables_match_their_pandera_schemas(table: str) -> None:
    documented = {CELL.findall(r[0])[0] for r in DOCUMENTED["Published tables"][table]}
    schema = set(SCHEMAS[table].to_schema().columns)
    assert schema <= documented
    assert documented - schema <= {"loaded_run_id", "rejected_at"}  # set by the warehouse on load


def _allowed(table: str, column: str) -> set[str]:
    for check in SCHEMAS[table].to_schema().columns[column].checks:
        if check.name == "isin":
            return set(check.statistics["allowed_values"])
    raise AssertionError(f"{table}.{column} has no list of values in schemas/tables.py")


VOCABULARIES = {CELL.findall(r[0])[0]: r[1] for r in DOCUMENTED["Vocabularies"][""]}


@pytest.mark.parametrize("column", sorted(VOCABULARIES))
def test_vocabularies_are_what_validation_accepts(column: str) -> None:
    table, col = column.split(".")
    assert set(CELL.findall(VOCABULARIES[column])) == _allowed(table, col)


def test_every_checked_vocabulary_is_documented() -> None:
    checked = {f"{t}.{c}" for t, m in SCHEMAS.items() for c, col in m.to_schema().columns.items()
               if any(ch.name == "isin" for ch in col.checks)}  # fmt: skip
    assert checked == set(VOCABULARIES)


LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", ["README.md", "docs/data-model.md", "TESTING.md", "BENCHMARKS.md"])
def test_pages_link_only_inside_the_repository(page: str) -> None:
    path = ROOT / page
    for target in LINK.findall(path.read_text(encoding="utf-8")):
        if "://" in target or target.startswith(("#", "mailto:")):
            continue
        resolved = (path.parent / target.split("#", 1)[0]).resolve()
        assert resolved.is_relative_to(ROOT) and resolved.exists(), f"{page} links to {target}"
