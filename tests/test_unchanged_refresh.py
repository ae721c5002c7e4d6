"""A refresh with nothing new does not rebuild the models: the dbt step sees that the models'
inputs (loaded files, analysed texts, the dbt project, its vars, the mart suites) are those of
the last published build and builds nothing, so the marts, the serving copy and the report
stay as they are. Anything new, or a build that never reached the publish, builds again: new
data incrementally, new code (project, vars, engine) as a full refresh."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.console import models_skipped
from orchestration.defs.dbt.fingerprint import inputs_fingerprint, sees_every_input
from orchestration.defs.publish.assets import SERVING_KEY
from tests.conftest import failure_message

HELD_BACK = "ga4/events/events_20261031.jsonl"  # the small sample's last day


def _refresh(landing: Path, warehouse: Path) -> dg.ExecuteInProcessResult:
    from orchestration.defs.conversations.assets import text_analysis
    from orchestration.defs.dbt.assets import dbt_models
    from orchestration.defs.ingest.assets import raw_assets
    from orchestration.defs.publish.assets import serving_marts
    from orchestration.defs.resources import resources

    result = dg.materialize([*raw_assets(), text_analysis, dbt_models, serving_marts],
                            resources=resources(warehouse, landing), raise_on_error=False)
    assert result.success, failure_message(result)
    return result


def _published(result: dg.ExecuteInProcessResult) -> str | None:
    for event in result.get_asset_materialization_events():
        if event.asset_key == SERVING_KEY:
            return str(event.materialization.metadata["publish_id"].value)
    return None


def _orders_rows(warehouse: Path) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute("select count(*) from marts.kpi_tier_3_daily").fetchone()
    return int(row[0]) if row else -1


def _orders_built(warehouse: Path) -> tuple[int, object, object]:
    """Orders, and the earliest and latest run that wrote one (int_orders_enriched._built_at)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute("select count(*), min(_built_at), max(_built_at) "
                          "from intermediate.int_orders_enriched").fetchone()
    assert row is not None
    return int(row[0]), row[1], row[2]


def _empty_a_mart(warehouse: Path) -> None:
    """A mark only a rebuild removes: the mart emptied behind dbt's back."""
    with duckdb.connect(str(warehouse)) as con:
        con.execute("delete from marts.kpi_tier_3_daily")


def test_nothing_new_builds_nothing_and_anything_new_builds(
        pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(pipeline[0], landing)
    held_back = tmp_path / "held_back.jsonl"
    shutil.move(landing / HELD_BACK, held_back)
    warehouse = tmp_path / "warehouse.duckdb"

    first = _refresh(landing, warehouse)
    assert not models_skipped(first)
    orders, first_built, _ = _orders_built(warehouse)
    first_publish = _published(first)
    assert first_publish is not None
    assert _orders_rows(warehouse) > 0

    # nothing new: dbt builds nothing, nothing is published, the emptied mart stays empty
    _empty_a_mart(warehouse)
    unchanged = _refresh(landing, warehouse)
    assert models_skipped(unchanged)
    assert [e for e in unchanged.get_asset_materialization_events()
            if e.asset_key.path[0] in ("marts", "intermediate", "staging")] == []
    assert _published(unchanged) is None
    assert _orders_rows(warehouse) == 0

    # one more day of GA4 events lands: everything builds and publishes again
    shutil.move(held_back, landing / HELD_BACK)
    new_day = _refresh(landing, warehouse)
    assert not models_skipped(new_day)
    second_publish = _published(new_day)
    assert second_publish not in (None, first_publish)
    assert _orders_rows(warehouse) > 0
    # ... incrementally: the orders no GA4 event of that day touches keep their first build
    assert _orders_built(warehouse)[1] == first_built

    # a build whose publish never completed is built again, though nothing is new
    _empty_a_mart(warehouse)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update raw_meta.model_builds set published = false")
    again = _refresh(landing, warehouse)
    assert not models_skipped(again)
    assert _orders_rows(warehouse) > 0
    _, _, latest_built = _orders_built(warehouse)

    # new code (here a var), nothing new landed: a full refresh rebuilds every order
    monkeypatch.setenv("DBT_VARS", '{"ga4_lookback_days": 4}')
    recoded = _refresh(landing, warehouse)
    assert not models_skipped(recoded)
    rebuilt_orders, rebuilt_first, _ = _orders_built(warehouse)
    assert rebuilt_orders == orders
    assert rebuilt_first > latest_built


def test_the_fingerprint_follows_every_input(pipeline, tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copy(pipeline[0].parent / "warehouse.duckdb", warehouse)
    project = tmp_path / "dbt_project"
    shutil.copytree(Path(__file__).resolve().parent.parent / "dbt_project", project,
                    ignore=shutil.ignore_patterns("target", "dbt_packages", "logs"))
    with duckdb.connect(str(warehouse)) as con:
        base = inputs_fingerprint(con, {}, project)
        assert inputs_fingerprint(con, {}, project) == base  # stable
        assert inputs_fingerprint(con, {"goal_flow_window_days": 7}, project) != base
        model = project / "models" / "marts" / "kpi" / "kpi_daily.sql"
        model.write_text(model.read_text() + "\n-- edited\n")
        edited = inputs_fingerprint(con, {}, project)
        assert edited != base
        con.execute("update raw_meta.loaded_files set loaded_at = loaded_at + interval 1 second "
                    "where source_file = (select min(source_file) from raw_meta.loaded_files)")
        reloaded = inputs_fingerprint(con, {}, project)
        assert reloaded != edited
        con.execute("delete from text_analysis.sentiment_scores where rowid = "
                    "(select min(rowid) from text_analysis.sentiment_scores)")
        assert inputs_fingerprint(con, {}, project) != reloaded


@pytest.mark.parametrize(("dbt_vars", "sees"), [
    ({}, True),
    ({"reporting_currency": "EUR"}, True),
    ({"linkedin_pages_schema": "fivetran_linkedin_pages"}, False),
])
def test_sources_the_loader_does_not_write_are_always_built(dbt_vars: dict, sees: bool) -> None:
    assert sees_every_input(dbt_vars) is sees
