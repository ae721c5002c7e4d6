"""Jobs and schedules."""

from __future__ import annotations

import dagster as dg

REFRESH_JOB = "refresh_warehouse"

refresh_warehouse = dg.define_asset_job(
    REFRESH_JOB,
    selection=dg.AssetSelection.all(),
    description="Loads every landing file into the raw tables, then refreshes all models.",
)

daily_refresh = dg.ScheduleDefinition(
    name="daily_refresh",
    job=refresh_warehouse,
    cron_schedule="0 5 * * *",
    execution_timezone="Asia/Tehran",
    description="Every morning, after the platforms' and GA4's overnight exports.",
)
