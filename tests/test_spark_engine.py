"""The same dbt project on Apache Spark (issue 15): with ``WAREHOUSE_ENGINE=spark`` the
Dagster dbt step builds every model and runs every data test on the profile's ``spark``
target (dbt-spark, a Spark session in local mode), every mart equals the one DuckDB built
from the same raw tables, row for row (floating point within rounding, every other value
exact), and the rest of the job downstream of dbt (the Great Expectations mart suites, the
publish for BI tools, the report) works on Spark's marts as on DuckDB's."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.defs.dbt.assets import dbt_models
from orchestration.defs.publish.assets import SERVING_KEY, mart_keys, serving_marts
from orchestration.defs.quality.mart_checks import build_mart_checks
from orchestration.defs.report.assets import REPORT_KEY, report
from orchestration.defs.resources import resources
from orchestration.defs.spark.compare import compare_schema
from orchestration.defs.spark.engine import spark_tables
from orchestration.defs.spark.export import source_tables
from tests.conftest import failure_message


@pytest.fixture(scope="module")
def spark_build(pipeline, tmp_path_factory: pytest.TempPathFactory):
    """The DuckDB pipeline's raw tables (a copy of its warehouse), modelled again by the
    Dagster dbt step on Spark, then checked, published and reported as the refresh job does
    (the steps of `refresh_warehouse` after the loads; the serving copy and the report go
    beside the warehouse copy)."""
    landing, con, _, _ = pipeline
    root = tmp_path_factory.mktemp("spark")
    duckdb_warehouse = Path(con.execute(
        "select path from duckdb_databases() where database_name = current_database()"
    ).fetchone()[0])
    # DuckDB's build, compared with here (the pipeline holds its own file open)
    reference = root / "duckdb_reference.duckdb"
    shutil.copy(duckdb_warehouse, reference)
    warehouse = root / "warehouse.duckdb"
    shutil.copy(duckdb_warehouse, warehouse)
    # what the loads and the text analysis write stays (raw_meta too); everything dbt built on
    # DuckDB goes, so that whatever a later step reads has to come back from Spark
    kept = {schema for schema, _ in source_tables()} | {"raw_meta", "main"}
    with duckdb.connect(str(warehouse)) as copy:
        for (schema,) in copy.execute(
                "select schema_name from information_schema.schemata "
                "where catalog_name = current_database()").fetchall():
            if schema not in kept:
                copy.execute(f'drop schema "{schema}" cascade')
    home = root / "spark"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WAREHOUSE_ENGINE", "spark")
        patch.setenv("SPARK_HOME_DIR", str(home))
        patch.delenv("RAW_PARQUET_DIR", raising=False)
        patch.delenv("SERVING_DIR", raising=False)
        patch.delenv("REPORT_DIR", raising=False)
        result = dg.materialize([dbt_models, build_mart_checks(), serving_marts, report],
                                resources=resources(warehouse, landing), raise_on_error=False)
    return reference, warehouse, home, result


def test_every_model_builds_and_every_test_passes_on_spark(spark_build) -> None:
    """Every model materialised and every dbt test evaluated as a check (a node whose dbt
    event Dagster did not read would be missing, not failed), none failed."""
    _, _, _, result = spark_build
    assert result.success, failure_message(result)
    materialised = {event.asset_key for event in result.get_asset_materialization_events()}
    assert set(dbt_models.keys) <= materialised
    checks = result.get_asset_check_evaluations()
    assert set(dbt_models.check_keys) <= {c.asset_check_key for c in checks}
    failed = sorted(str(c.asset_check_key) for c in checks if not c.passed)
    assert failed == []


def test_the_mart_suites_publish_and_report_run_on_sparks_marts(spark_build) -> None:
    """Downstream of dbt nothing knows the engine: every Great Expectations mart suite is
    evaluated on the marts that came back from Spark with the outcome it has on DuckDB's
    marts (evaluated here on the reference copy), the serving copy is published with every
    mart, and the report is written."""
    reference, warehouse, _, result = spark_build
    suites = build_mart_checks()
    on_spark = {c.asset_check_key: (c.passed, c.severity)
                for c in result.get_asset_check_evaluations()}
    assert set(suites.check_keys) <= set(on_spark)
    on_duckdb = dg.materialize(
        [*(dg.AssetSpec(k) for k in mart_keys()), suites],
        selection=dg.AssetSelection.all_asset_checks(),
        resources=resources(reference, reference.parent), raise_on_error=False)
    expected = {c.asset_check_key: (c.passed, c.severity)
                for c in on_duckdb.get_asset_check_evaluations()}
    assert set(expected) == set(suites.check_keys)
    assert {k: on_spark[k] for k in suites.check_keys} == expected
    materialised = {e.asset_key: e for e in result.get_asset_materialization_events()}
    assert {SERVING_KEY, REPORT_KEY} <= set(materialised)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        marts = {t for (t,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()}
    with duckdb.connect(str(warehouse.parent / "serving" / "serving.duckdb"),
                        read_only=True) as served:
        published = {t for (t,) in served.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()}
    assert marts and published == marts
    report_path = warehouse.parent / "report" / "index.html"
    assert report_path.stat().st_size > 0


def test_the_raw_tables_reach_spark_through_parquet(spark_build) -> None:
    duckdb_warehouse, _, home, _ = spark_build
    with duckdb.connect(str(duckdb_warehouse), read_only=True) as con:
        for schema, table in source_tables():
            rows = con.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
            exported = con.execute(
                f"select count(*) from read_parquet('{home}/raw/{schema}/{table}/**/*.parquet')"
            ).fetchone()[0]
            assert exported == rows, f"{schema}.{table}"


def test_every_mart_equals_duckdbs(spark_build) -> None:
    duckdb_warehouse, _, home, _ = spark_build
    with duckdb.connect(str(duckdb_warehouse), read_only=True) as con:
        marts = sorted(t for (t,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall())
    assert sorted(spark_tables(home, "marts")) == marts
    differences = [d for d in compare_schema(duckdb_warehouse, home, "marts") if not d.equal]
    assert [(d.table, d.problems) for d in differences] == []


def test_the_marts_come_back_into_the_warehouse_file(spark_build) -> None:
    """The checks, the serving copy and the report read the warehouse file: after a Spark build
    (the fixture dropped the copy's marts first) its marts are Spark's, with DuckDB's columns
    and rows."""
    duckdb_warehouse, warehouse, _, _ = spark_build
    with duckdb.connect(str(warehouse), read_only=True) as spark_side:
        spark_side.execute(f"attach '{duckdb_warehouse}' as duck (read_only)")
        shapes = {}
        for catalog in ("duck", spark_side.execute("select current_database()").fetchone()[0]):
            shapes[catalog == "duck"] = {
                (schema, table): [c for (c,) in spark_side.execute(
                    "select column_name from information_schema.columns where table_catalog = ? "
                    "and table_schema = ? and table_name = ? order by column_name",
                    [catalog, schema, table]).fetchall()]
                for schema, table in spark_side.execute(
                    "select table_schema, table_name from information_schema.tables "
                    "where table_catalog = ? and table_schema in ('marts', 'semantic')",
                    [catalog]).fetchall()}
        assert shapes[False] == shapes[True]
        for schema, table in shapes[True]:
            counts = spark_side.execute(
                f'select (select count(*) from "{schema}"."{table}"), '
                f'(select count(*) from duck."{schema}"."{table}")').fetchone()
            assert counts[0] == counts[1], f"{schema}.{table}"


def test_great_expectations_imports_beside_pyspark_in_any_process() -> None:
    """pyspark's connect module exits the process (code 0, silently) when its optional modules
    are missing and the main module has no file, as in `python -c` and pytest-xdist workers;
    Great Expectations imports it. Every pipeline test on a worker died of it."""
    done = subprocess.run(
        [sys.executable, "-c",
         "from great_expectations.compatibility import pyspark; print('imported')"],
        capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "imported", done.stderr[-2000:]
