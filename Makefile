# Two entry points for a fresh machine: `make demo` and `make test`. Each creates .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: demo test lint dev clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/python -m orchestration.demo $(ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/python -m orchestration.defs.ingest.dbt_sources --check
	$(BIN)/sqlfluff lint --processes 2 dbt_project/models

test: lint
	$(BIN)/pytest

dev: $(BIN)/.installed
	$(BIN)/dagster dev -m orchestration.definitions

clean:
	rm -rf $(VENV) data .dagster_home/storage .dagster_home/history .dagster_home/logs
