# Two entry points for a fresh machine: `make demo` and `make test`. Each creates .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: demo test lint dev clean sentiment-eval docs-gx bench

# pip's output goes to .venv/install.log; on a failure it is printed in full.
$(BIN)/.installed: pyproject.toml
	@echo "installing the project into $(VENV) (log: $(VENV)/install.log) ..."
	@$(PYTHON) -m venv $(VENV)
	@{ $(BIN)/pip install --quiet --upgrade pip && $(BIN)/pip install --quiet -e '.[dev]'; } \
		> $(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }
	@touch $@

demo: $(BIN)/.installed
	$(BIN)/python -m orchestration.demo $(ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/python -m orchestration.defs.ingest.dbt_sources --check
	$(BIN)/python -m orchestration.defs.quality.generate_suites --check
	$(BIN)/python -m orchestration.semantic_layer --check
	$(BIN)/sqlfluff lint --processes 2 dbt_project/models

test: lint
	$(BIN)/pytest

# Accuracy of the sentiment scorers on the labelled sets of tests/sentiment_eval/.
sentiment-eval: $(BIN)/.installed
	for f in tests/sentiment_eval/*.tsv; do $(BIN)/python -m orchestration.conversations sentiment-eval $$f; done

# Great Expectations Data Docs (HTML) of the warehouse `make demo` built: every suite in
# expectations/ validated on it; open $(GX_DOCS)/gx/uncommitted/data_docs/local_site/index.html.
GX_DOCS ?= build/gx_docs
docs-gx: $(BIN)/.installed
	GX_ANALYTICS_ENABLED=false $(BIN)/python -m orchestration.defs.quality.docs --out $(GX_DOCS)

# Speed and memory of the refreshes at every scale against a plain-SQL baseline (issue 14):
# prints a table, writes data/benchmark/latest.{json,md}. Takes long at large (samples cached).
# e.g. make bench ARGS="--scales small,default"
bench: $(BIN)/.installed
	$(BIN)/python benchmarks/run.py $(ARGS)

dev: $(BIN)/.installed
	$(BIN)/dagster dev -m orchestration.definitions

clean:
	rm -rf $(VENV) data build .dagster_home/storage .dagster_home/history .dagster_home/logs
