"""The code location loads, and its job, schedule, sensor and pool are wired as documented."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from orchestration.defs.ingest.assets import raw_key
from orchestration.defs.ingest.contracts import TABLES, TABLES_BY_KEY
from orchestration.defs.ingest.sensors import landing_files_sensor
from orchestration.defs.jobs import REFRESH_JOB
from orchestration.defs.resources import WAREHOUSE_POOL, landing_resource
from tests.conftest import write


def test_definitions_load_with_every_raw_table():
    from orchestration.definitions import defs

    job = defs.resolve_job_def(REFRESH_JOB)
    executable = set(job.asset_layer.executable_asset_keys)
    assert {raw_key(t) for t in TABLES} <= executable
    graph = defs.resolve_asset_graph()
    for table in TABLES:
        node = graph.get(raw_key(table))
        assert dg.AssetKey(["landing", table.source, table.name]) in node.parent_keys
        assert node.pools == {WAREHOUSE_POOL}
    assert defs.resolve_schedule_def("daily_refresh").cron_schedule == "0 5 * * *"
    assert defs.resolve_sensor_def("landing_files_sensor") is not None


def test_sensor_requests_only_tables_with_new_or_changed_files(landing: Path):
    resources = {"landing": landing_resource(landing)}
    with dg.build_sensor_context(resources=resources) as context:
        result = landing_files_sensor(context)
        assert result.skip_reason is not None and not result.run_requests

    write(landing, "marketing/spend/a.csv", "date\n")
    write(landing, "blog/subscribers_daily/a.csv", "date\n")
    with dg.build_sensor_context(resources=resources) as context:
        result = landing_files_sensor(context)
        (request,) = result.run_requests
        assert set(request.asset_selection) == {
            raw_key(TABLES_BY_KEY[("marketing", "spend")]),
            raw_key(TABLES_BY_KEY[("blog", "subscribers_daily")]),
        }
        cursor = result.cursor

    with dg.build_sensor_context(resources=resources, cursor=cursor) as context:
        assert not landing_files_sensor(context).run_requests

    write(landing, "marketing/spend/b.csv", "date\n2026-01-01\n")
    with dg.build_sensor_context(resources=resources, cursor=cursor) as context:
        (request,) = landing_files_sensor(context).run_requests
        assert request.asset_selection == [raw_key(TABLES_BY_KEY[("marketing", "spend")])]
