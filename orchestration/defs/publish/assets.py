"""The publish step as a Dagster asset, downstream of every mart.

It runs only when the marts were built and every blocking check on them passed: a failed dbt
test of severity error fails the dbt step, a failed mart GX suite (a blocking ERROR check)
stops it, and Dagster then skips this asset, so the serving copy stays the last good one."""


from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.defs import settings
from orchestration.defs.dbt.assets import dbt_models
from orchestration.defs.dbt.fingerprint import mark_published
from orchestration.defs.publish.serving import publish
from orchestration.defs.resources import WAREHOUSE_POOL

SERVING_KEY = dg.AssetKey(["serving", "marts"])
MARTS_GROUP = "marts"


def mart_keys() -> list[dg.AssetKey]:
    return sorted((k for k, group in dbt_models.group_names_by_key.items()
                   if group == MARTS_GROUP), key=lambda k: k.to_user_string())


@dg.asset(
    key=SERVING_KEY, deps=mart_keys(), pool=WAREHOUSE_POOL, group_name="serving",
    description=(
        "The marts as BI tools read them: a serving DuckDB file (serving.duckdb) and one Parquet "
        "file per mart (parquet/current/), in SERVING_DIR (default: a serving folder beside "
        "the warehouse). Published atomically, only after every blocking check passed; every "
        "table carries publish_id and published_at."),
)
def serving_marts(context: dg.AssetExecutionContext, duckdb: DuckDBResource
                  ) -> dg.MaterializeResult:
    warehouse = Path(duckdb.database)
    serving = settings.serving_dir(warehouse)
    published = publish(warehouse, serving, progress=lambda step: context.log.info(
        f"publish: {step}"))
    context.log.info(f"published {len(published.tables)} marts ({published.rows:,} rows) to "
                     f"{published.serving_file} and {published.parquet_dir}")
    with duckdb.get_connection() as con:
        mark_published(con, context.run_id)
    return dg.MaterializeResult(metadata={
        "publish_id": published.publish_id,
        "published_at": published.published_at.isoformat(),
        "tables": len(published.tables), "rows": published.rows,
        "serving_file": dg.MetadataValue.path(str(published.serving_file)),
        "parquet_dir": dg.MetadataValue.path(str(published.parquet_dir)),
    })
