"""dbt models as assets. Sources map to the raw assets the loader materialises, so the lineage
runs from landing folders through raw tables to marts; dbt tests become asset checks."""

import json
import os
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    dbt_assets,
)
from dagster_duckdb import DuckDBResource

from orchestration.defs import settings
from orchestration.defs.dbt.fingerprint import (
    code_digest,
    inputs_fingerprint,
    last_built_code,
    last_published,
    record_build,
    record_code,
    sees_every_input,
)
from orchestration.defs.dbt.project import dbt_project, ensure_manifest
from orchestration.defs.publish.serving import SERVED_SCHEMAS
from orchestration.defs.quality.marts import suite_relations
from orchestration.defs.report.preview import mart_observations
from orchestration.defs.resources import WAREHOUSE_POOL
from orchestration.defs.spark.engine import RAW_TABLES_VAR, SparkPaths, mirror, prepare

UNCHANGED_MESSAGE = (
    "models unchanged: nothing landed, no text analysed and no change to the dbt project or "
    "the mart suites since the last published build, so dbt did not run and the marts, their "
    "checks, the serving copy and the report stay as they are (DBT_SKIP_UNCHANGED=false "
    "builds anyway)")

FULL_REFRESH_MESSAGE = (
    "full refresh: the dbt project, its vars or the engine differ from the last successful "
    "build's (or no build is recorded), so every incremental model is rebuilt whole under "
    "this code")


class WarehouseTranslator(DagsterDbtTranslator):
    """Sources -> ``raw_<source>/<table>`` (the loader's assets) unless the source's meta names
    the asset that writes it (``meta: dagster: asset_key``); models -> their name, grouped by
    layer (staging, intermediate, marts)."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        meta = (dbt_resource_props.get("config", {}).get("meta")
                or dbt_resource_props.get("meta") or {})
        if dbt_resource_props["resource_type"] == "source" and "dagster" in meta:
            # a source another asset writes (e.g. the text-analysis tables) names its key
            return super().get_asset_key(dbt_resource_props)
        if dbt_resource_props["resource_type"] == "source":
            source = dbt_resource_props["source_name"]
            return dg.AssetKey([f"raw_{source}", dbt_resource_props["name"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        fqn = dbt_resource_props.get("fqn", [])
        if dbt_resource_props["resource_type"] in ("model", "seed", "snapshot") and len(fqn) > 2:
            return str(fqn[1])
        return super().get_group_name(dbt_resource_props)


# Source tests (generated from the landing contract, all `warn`) become checks of the raw
# assets, so a problem in tables an ELT tool landed shows on the raw table it concerns.
translator = WarehouseTranslator(
    settings=DagsterDbtTranslatorSettings(enable_asset_checks=True,
                                          enable_source_tests_as_checks=True)
)


@dbt_assets(
    manifest=ensure_manifest(),
    project=dbt_project,
    dagster_dbt_translator=translator,
    pool=WAREHOUSE_POOL,
)
def dbt_models(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, duckdb: DuckDBResource
) -> Iterator[Any]:
    """``dbt build`` of the selected models and their data tests against the warehouse file,
    with the dbt vars of ``DBT_VARS`` (e.g. a source's schema pointing at an ELT tool's
    tables). Unit tests check SQL logic on fixed inputs, not data: as dbt advises they stay out
    of production runs (CI runs them: tests/test_dbt_unit_tests.py)."""
    # dbt's profile reads WAREHOUSE_PATH; hand it the resource's absolute path.
    os.environ["WAREHOUSE_PATH"] = duckdb.database
    args = ["build", "--exclude-resource-type", "unit_test"]
    engine = settings.warehouse_engine()
    dbt_vars = settings.dbt_vars()
    if dbt_vars:
        context.log.info(f"dbt vars from DBT_VARS: {dbt_vars}")
    every_model = context.selected_asset_keys == context.assets_def.keys
    fingerprint = None
    if every_model and settings.skip_unchanged_models() and sees_every_input(dbt_vars):
        with duckdb.get_connection() as con:
            fingerprint = inputs_fingerprint(con, dbt_vars)
            unchanged = fingerprint == last_published(con)
        if unchanged:
            # nothing is yielded: the marts, their checks, the publish and the report stay as
            # the last build left them (downstream steps are skipped)
            context.log.info(UNCHANGED_MESSAGE)
            return
    code = code_digest(dbt_vars)
    with duckdb.get_connection() as con:
        previous_code = last_built_code(con)
    if code != previous_code:
        # incremental models rebuild only what new data touched: under new code, rebuild all
        args.append("--full-refresh")
        context.log.info(FULL_REFRESH_MESSAGE)
    spark = SparkPaths.from_settings() if engine == "spark" else None
    if spark is not None:
        started = time.monotonic()
        exported = prepare(Path(duckdb.database), ensure_manifest(), spark)
        context.log.info(
            f"Spark: exported {len(exported)} raw tables "
            f"({sum(e.rows for e in exported):,} rows) to Parquet in {spark.raw} "
            f"({time.monotonic() - started:.1f} s); building on the dbt target `spark`")
        args += ["--target", "spark"]
        # the hook registers exactly these: never a table a source's schema var points at
        run_vars = {**dbt_vars, RAW_TABLES_VAR: [f"{e.schema}.{e.table}" for e in exported]}
    else:
        run_vars = dbt_vars
    if run_vars:
        args += ["--vars", json.dumps(run_vars)]
    yield from dbt.cli(args, context=context).stream()
    if spark is not None:
        with duckdb.get_connection() as con:
            mirrored = mirror(con, spark.home, SERVED_SCHEMAS, suite_relations())
        context.log.info(f"Spark: {len(mirrored)} tables of {', '.join(SERVED_SCHEMAS)} and "
                         f"those the mart suites read ({sum(mirrored.values()):,} rows) copied "
                         f"into {duckdb.database}")
    with duckdb.get_connection() as con:  # dbt succeeded (a failed build raised above)
        if every_model:  # a subset leaves the other models under the code they were built by
            record_code(con, code, context.run_id)
        if fingerprint is not None:
            record_build(con, fingerprint, context.run_id)
    # dbt has exited: a preview of each mart built (row count, latest date, headline figures)
    yield from mart_observations(duckdb.database, (
        key for key in context.selected_asset_keys
        if context.assets_def.group_names_by_key.get(key) == "marts"))
