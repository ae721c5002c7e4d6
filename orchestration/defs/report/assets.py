"""The static HTML report as a Dagster asset, the last step of a refresh: downstream of every
mart and of the publish step, so it shows the figures BI tools were just handed (when a
blocking check stops the publish, Dagster skips the report too and the last good one stays)."""


from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.defs import settings
from orchestration.defs.publish.assets import SERVING_KEY, mart_keys
from orchestration.defs.report.build import build_report
from orchestration.defs.resources import WAREHOUSE_POOL

REPORT_KEY = dg.AssetKey(["report"])


@dg.asset(
    key=REPORT_KEY, deps=[*mart_keys(), SERVING_KEY], pool=WAREHOUSE_POOL, group_name="report",
    description=(
        "The static HTML report (index.html in REPORT_DIR, default: a report folder beside "
        "the warehouse): KPI tiers, benchmarks, ROI and attribution, channel verdicts, goals, "
        "what people say and data quality, read from the marts (read-only) and raw_meta. "
        "One file, charts inlined, opens offline."),
)
def report(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    warehouse = Path(duckdb.database)
    built = build_report(warehouse, settings.report_dir(warehouse))
    context.log.info(f"report: {built.path} ({built.charts} charts, "
                     f"{len(built.empty)} parts without data)")
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(built.path)),
        "charts": built.charts,
        "sections": len(built.sections),
        "without_data": dg.MetadataValue.md(
            "\n".join(f"- {reason}" for reason in built.empty) or "none"),
    })
