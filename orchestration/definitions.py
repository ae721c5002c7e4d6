"""The Dagster code location: ``dagster dev -m orchestration.definitions``."""

from __future__ import annotations

import dagster as dg

from orchestration.defs.conversations.assets import text_analysis
from orchestration.defs.dbt.assets import dbt_models
from orchestration.defs.ingest.assets import landing_specs, raw_assets
from orchestration.defs.ingest.sensors import landing_files_sensor
from orchestration.defs.jobs import daily_refresh, refresh_warehouse
from orchestration.defs.publish.assets import serving_marts
from orchestration.defs.quality.feed_checks import feed_checks
from orchestration.defs.quality.mart_checks import build_mart_checks
from orchestration.defs.report.assets import report
from orchestration.defs.resources import resources


def build_definitions() -> dg.Definitions:
    return dg.Definitions(
        assets=[*landing_specs(), *raw_assets(), text_analysis, dbt_models, serving_marts,
                report],
        asset_checks=[*feed_checks(), build_mart_checks()],
        jobs=[refresh_warehouse],
        schedules=[daily_refresh],
        sensors=[landing_files_sensor],
        resources=resources(),
    )


defs = build_definitions()
