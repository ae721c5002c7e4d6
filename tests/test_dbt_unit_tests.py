"""Every dbt unit test (the SQL logic on hand-made inputs: deltas, sessionisation, attribution,
rollups, ...) passes. Production runs leave unit tests out (orchestration/defs/dbt/assets.py);
here they run once, on an empty warehouse: the raw tables created by the real raw assets from
an empty landing folder (and the text-analysis asset's tables), every model built with
``--empty`` so each unit test finds its upstream relations."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg

from orchestration.defs.conversations.assets import text_analysis
from orchestration.defs.ingest.assets import raw_assets
from orchestration.defs.resources import resources
from tests.conftest import failure_message, run_dbt


def test_every_unit_test_passes(tmp_path: Path) -> None:
    landing, warehouse = tmp_path / "landing", tmp_path / "warehouse.duckdb"
    landing.mkdir()
    created = dg.materialize([*raw_assets(), text_analysis],
                             resources=resources(warehouse, landing), raise_on_error=False)
    assert created.success, failure_message(created)

    target = tmp_path / "target"
    run_dbt(warehouse, target, "build", "--empty", "--exclude-resource-type", "test")
    results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))["results"]
    unit = [r for r in results if r["unique_id"].startswith("unit_test.")]
    assert len(unit) >= 30, "the project's unit tests did not run"
    failed = [r["unique_id"] for r in unit if r["status"] != "pass"]
    assert failed == []
