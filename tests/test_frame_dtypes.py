"""`schemas.dtypes` is the one source of each table's columns: the pandera models are built with
exactly those columns, order and dtypes and add only checks (a check on a column the dtypes lack
fails when the schema is built), and extraction (what the processes runner's workers import)
loads neither pandera nor pandas, while the flow's process reads a batch's result without
importing the extractors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from schemas import SCHEMAS, polars_schema
from schemas.dtypes import FRAME_DTYPES, empty_frame


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_dtypes_match_the_pandera_model(table: str) -> None:
    assert list(FRAME_DTYPES[table].items()) == list(polars_schema(SCHEMAS[table]).items())
    assert empty_frame(table).schema == polars_schema(SCHEMAS[table])


def test_every_table_has_dtypes() -> None:
    assert set(FRAME_DTYPES) == set(SCHEMAS)


def test_a_check_on_a_column_the_dtypes_lack_fails() -> None:
    import pandera.polars as pa
    from pandera.errors import SchemaInitError

    from schemas.tables import _columns

    with pytest.raises(SchemaInitError, match="missing annotations: \\['surprise'\\]"):

        class Bad(pa.DataFrameModel):
            __annotations__ = _columns("rejects")
            surprise = pa.Field(nullable=True)

        Bad.to_schema()


def test_extraction_imports_no_pandera() -> None:
    code = "import sys, flows.extract; print(sorted({'pandera', 'pandas'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_batch_result_unpickles_without_the_extractors() -> None:
    import pickle

    from flows.extracted import Extracted

    blob = pickle.dumps(Extracted({"incidents": empty_frame("incidents")}, []))
    code = (
        "import pickle, sys; x = pickle.loads(sys.stdin.buffer.read()); "
        "print(type(x).__name__, sorted(m for m in sys.modules if m == 'flows.extract' or m.startswith("
        "('transforms.incidents', 'transforms.statements', 'transforms.refugees'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], input=blob, capture_output=True, check=True).stdout
    assert out.decode().strip() == "Extracted []"
