# Two commands: `make demo` runs sitrep on the bundled examples, `make test` runs the tests.
# Both create the virtual environment themselves from pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo report test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/sitrep run examples/ --db data/sitrep.duckdb --out data/parquet

report: demo
	$(BIN)/sitrep report --db data/sitrep.duckdb --out data/brief.html

# 3 pytest-xdist workers on 2 cores: the slow tests spend much of their time waiting on subprocesses
# and Prefect. loadgroup hands out one test at a time, slowest first (order set in tests/conftest.py).
# PYTEST_WORKERS=0 runs everything in one process.
PYTEST_WORKERS ?= 3
test: $(STAMP)
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Benchmarks (bench/): 10k articles in full, 100k and 1M primed (about an hour on 2 cores);
# BENCH_ARGS="--sizes 10000" for a quick pass. Writes bench/results/results.json and
# regenerates the tables in BENCHMARKS.md.
BENCH_ARGS ?= --sizes 10000,100000,1000000 --also-processes --profile-articles 500
$(VENV)/.installed-bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $@

bench: $(VENV)/.installed-bench
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf data .pytest_cache
