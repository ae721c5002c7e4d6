"""Shared fixtures: a temporary landing folder and DuckDB file, and a real Dagster load."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import pytest

from orchestration.defs.ingest.assets import raw_assets, raw_key
from orchestration.defs.ingest.contracts import TABLES_BY_KEY
from orchestration.defs.resources import resources

Loader = Callable[..., dg.ExecuteInProcessResult]


def pytest_configure(config: pytest.Config) -> None:
    """Parse the dbt project once, before any test worker starts: the workers (pytest-xdist)
    then find a fresh manifest instead of racing to write the same one."""
    if not hasattr(config, "workerinput"):
        from orchestration.defs.dbt.project import ensure_manifest

        ensure_manifest()


# Modules whose fixtures build a whole warehouse at the `default` scale, or the models on Spark
# (minutes each): they run first, so a pytest-xdist worker starts on them while the other takes
# the many short modules, instead of one of them starting last and the suite waiting on it.
SLOW_MODULES = ("test_default_sample_answers.py", "test_spark_engine.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.path.name not in SLOW_MODULES)


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    path = tmp_path / "landing"
    path.mkdir()
    return path


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture
def load(landing: Path, warehouse: Path) -> Loader:
    """Materialise the raw assets of the given tables (all when none) for real, in process."""

    def _load(tables: Iterable[tuple[str, str]] | None = None) -> dg.ExecuteInProcessResult:
        selection = (
            dg.AssetSelection.assets(*(raw_key(TABLES_BY_KEY[t]) for t in tables))
            if tables is not None
            else dg.AssetSelection.groups("raw")
        )
        return dg.materialize(
            raw_assets(), selection=selection, resources=resources(warehouse, landing),
            raise_on_error=False,
        )

    return _load


@pytest.fixture
def query(warehouse: Path) -> Callable[[str], list[tuple]]:
    def _query(sql: str) -> list[tuple]:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return con.execute(sql).fetchall()

    return _query


def write(landing: Path, relative: str, text: str | bytes) -> Path:
    path = landing / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def jsonl_text(records: Iterable[dict[str, Any]]) -> str:
    """Records as a JSON-lines file's text (non-ASCII kept as is)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def csv_text(records: list[dict[str, str]]) -> str:
    """Records as a CSV file's text, the first record's keys as the header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()


def materialized(result: dg.ExecuteInProcessResult, table: tuple[str, str]) -> dict:
    """Metadata of the materialisation of one raw table in a run."""
    key = raw_key(TABLES_BY_KEY[table])
    for event in result.get_asset_materialization_events():
        materialization = event.materialization
        if materialization.asset_key == key:
            return {k: v.value for k, v in materialization.metadata.items()}
    raise AssertionError(f"{key} was not materialised")


def failure_message(result: dg.ExecuteInProcessResult) -> str:
    messages = []
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data.error is not None:
            error = event.step_failure_data.error
            messages.append(error.message + (error.cause.message if error.cause else ""))
    return "\n".join(messages)


@pytest.fixture(scope="session")
def pipeline(tmp_path_factory: pytest.TempPathFactory):
    """`small` sample data, every asset (raw loads and the dbt build, tests included)
    materialised by Dagster into one DuckDB file. Yields (landing, read-only connection,
    ground truth)."""
    from sample_data import generate

    root = tmp_path_factory.mktemp("pipeline")
    landing, warehouse = root / "landing", root / "warehouse.duckdb"
    truth = generate(landing, "small", seed=11)
    result = build_everything(landing, warehouse)
    assert result.success, failure_message(result)
    con = duckdb.connect(str(warehouse), read_only=True)
    yield landing, con, truth, result
    con.close()


def build_everything(landing: Path, warehouse: Path) -> dg.ExecuteInProcessResult:
    """Every asset (raw loads, the dbt build with its tests as checks) materialised for real
    by Dagster from ``landing`` into ``warehouse``; failures are returned, not raised."""
    from orchestration.defs.conversations.assets import text_analysis
    from orchestration.defs.dbt.assets import dbt_models

    return dg.materialize([*raw_assets(), text_analysis, dbt_models],
                          resources=resources(warehouse, landing), raise_on_error=False)


def run_dbt(warehouse: Path, target: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The project's dbt CLI (``dbt <args>``) against ``warehouse``, writing its artifacts and
    logs to ``target``; asserts it exited 0 (warn-severity test failures exit 0)."""
    from orchestration.defs.dbt.project import DBT_EXECUTABLE, DBT_PROJECT_DIR

    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse), "DBT_TARGET": "dev"}
    result = subprocess.run(
        [DBT_EXECUTABLE, *args[:1], "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir",
         str(DBT_PROJECT_DIR), "--target-path", str(target), "--log-path", str(target),
         *args[1:]],
        env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    return result
