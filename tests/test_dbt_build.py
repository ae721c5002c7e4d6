"""The dbt project builds on generated data through Dagster, and its tests run as checks."""

from __future__ import annotations


def test_every_model_builds_and_every_check_passes(pipeline):
    _, con, _, result = pipeline
    checks = result.get_asset_check_evaluations()
    assert checks, "dbt tests should run as Dagster asset checks"
    failed = [str(c.asset_check_key) for c in checks if not c.passed]
    assert failed == []
    models = {r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'staging'"
    ).fetchall()}
    assert {"stg_strategy__goals", "stg_strategy__self_assessments"} <= models


def test_goals_come_through_staging_unchanged_in_number(pipeline):
    landing, con, _, _ = pipeline
    import csv

    landed = sum(1 for p in (landing / "strategy" / "goals").iterdir()
                 for _ in csv.DictReader(p.open(encoding="utf-8")))
    assert con.execute("select count(*) from staging.stg_strategy__goals").fetchone() == (landed,)
