"""The marts' GX suites as ERROR asset checks, on deliberately broken hand-made marts: each
failing check carries its numbers."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb

from orchestration.defs.quality.mart_checks import build_mart_checks, mart_key
from orchestration.defs.quality.marts import mart_suites
from orchestration.defs.resources import resources

TIER_1 = ("create table marts.kpi_tier_1_daily (metric_date date, platform varchar, "
          "followers bigint, likes bigint, comments bigint)")
TIER_2 = ("create table marts.kpi_tier_2_daily (metric_date date, platform varchar, "
          "shares bigint, impressions bigint, virality_rate double, "
          "engaged_search_content_session_share double)")
TIER_3 = ("create table marts.kpi_tier_3_daily (metric_date date, platform varchar, "
          "orders bigint, net_revenue decimal(18,4))")
KPI = ("create table marts.kpi_daily (metric_date date, platform varchar, metric_key varchar, "
       "metric_value double)")


def _warehouse(path: Path, *statements: str) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        for statement in statements:
            con.execute(statement)
    return path


def _run(warehouse: Path, *suite_stems: str) -> dict[str, dg.AssetCheckEvaluation]:
    suites = [s for s in mart_suites() if s.path.stem in suite_stems]
    assert len(suites) == len(suite_stems)
    checks = build_mart_checks(suites)
    specs = [dg.AssetSpec(mart_key(s.mart)) for s in suites]
    result = dg.materialize([*specs, checks], selection=dg.AssetSelection.all_asset_checks(),
                            resources=resources(warehouse, warehouse.parent),
                            raise_on_error=False)
    return {e.check_name: e for e in result.get_asset_check_evaluations()}


def _meta(evaluation: dg.AssetCheckEvaluation) -> dict:
    return {k: v.value for k, v in evaluation.metadata.items()}


def test_a_rate_of_1_7_fails_the_tier_2_suite_with_its_numbers(tmp_path: Path):
    warehouse = _warehouse(
        tmp_path / "w.duckdb", TIER_2,
        "insert into marts.kpi_tier_2_daily values "
        "('2026-01-01', 'all', 1, 10, 0.1, 0.5), ('2026-01-02', 'all', 17, 10, 1.7, 0.2), "
        "('2026-01-03', 'all', 0, 0, null, null)")
    check = _run(warehouse, "kpi_tier_2_daily")["gx_kpi_tier_2_daily"]
    assert check.passed is False and check.severity == dg.AssetCheckSeverity.ERROR
    meta = _meta(check)
    assert (meta["failed_expectations"], meta["failing_rows"], meta["evaluated_expectations"]
            ) == (1, 1, 2)
    (failure,) = meta["failures"]
    assert failure["column"] == "virality_rate"
    # 3 rows, 1 of them (1.7) out of 0..1; the NULL is not a failure
    assert (failure["unexpected_count"], failure["element_count"], failure["sample"]) == (
        1, 3, [1.7])


def test_a_gap_in_the_date_spine_fails_with_the_missing_days(tmp_path: Path):
    # rollup rows on Jan 1, 2 and 5 (an instagram row on Jan 3 does not fill the rollup):
    # Jan 3 and 4 are missing
    warehouse = _warehouse(
        tmp_path / "w.duckdb", TIER_1,
        "insert into marts.kpi_tier_1_daily values ('2026-01-01', 'all', 1, 1, 1), "
        "('2026-01-02', 'all', 1, 1, 1), ('2026-01-05', 'all', 1, 1, 1), "
        "('2026-01-03', 'instagram', 1, 1, 1)")
    check = _run(warehouse, "kpi_tier_1_daily.date_spine")["gx_kpi_tier_1_daily__date_spine"]
    assert check.passed is False
    (failure,) = _meta(check)["failures"]
    assert failure["expectation"] == "expect_table_row_count_to_equal"
    assert failure["observed_value"] == 2


def _tiers_and_kpi(path: Path, kpi_net_revenue: float) -> Path:
    # tier marts: followers 100+50, likes 3, comments 2, shares 4, impressions 40, orders 5,
    # net revenue 120.50; kpi_daily repeats them in long form, net revenue as given
    return _warehouse(
        path, TIER_1, TIER_2, TIER_3, KPI,
        "insert into marts.kpi_tier_1_daily values ('2026-01-01', 'all', 100, 3, 2), "
        "('2026-01-02', 'all', 50, null, null)",
        "insert into marts.kpi_tier_2_daily values ('2026-01-01', 'all', 4, 40, 0.1, null)",
        "insert into marts.kpi_tier_3_daily values ('2026-01-01', 'all', 5, 120.50)",
        "insert into marts.kpi_daily values ('2026-01-01', 'all', 'followers', 100), "
        "('2026-01-02', 'all', 'followers', 50), ('2026-01-01', 'all', 'likes', 3), "
        "('2026-01-01', 'all', 'comments', 2), ('2026-01-01', 'all', 'shares', 4), "
        "('2026-01-01', 'all', 'impressions', 40), ('2026-01-01', 'all', 'orders', 5), "
        f"('2026-01-01', 'all', 'net_revenue', {kpi_net_revenue})",
    )


def test_kpi_daily_reconciles_with_the_tier_marts(tmp_path: Path):
    warehouse = _tiers_and_kpi(tmp_path / "w.duckdb", 120.50)
    check = _run(warehouse, "kpi_daily.tier_totals")["gx_kpi_daily__tier_totals"]
    assert check.passed is True
    assert _meta(check)["failing_rows"] == 0


def test_kpi_daily_off_its_tier_mart_fails_with_the_difference(tmp_path: Path):
    warehouse = _tiers_and_kpi(tmp_path / "w.duckdb", 110.50)
    check = _run(warehouse, "kpi_daily.tier_totals")["gx_kpi_daily__tier_totals"]
    assert check.passed is False and check.severity == dg.AssetCheckSeverity.ERROR
    (failure,) = _meta(check)["failures"]
    # one of the 7 metrics (net_revenue) is 10.00 off
    assert (failure["column"], failure["unexpected_count"], failure["element_count"]) == (
        "difference", 1, 7)
    assert failure["sample"] == [10.0]


def test_every_mart_suite_targets_a_dbt_mart():
    from orchestration.defs.dbt.assets import dbt_models

    assert {mart_key(s.mart) for s in mart_suites()} <= set(dbt_models.keys)


def test_a_failing_mart_suite_blocks_what_reads_the_mart(tmp_path: Path):
    # the tier-2 mart with a rate of 1.7, and an asset that reads it (as a BI extract would):
    # the blocking ERROR check fails the run and the reader is never materialised; with the
    # rate fixed the reader runs
    warehouse = _warehouse(
        tmp_path / "w.duckdb", TIER_2,
        "insert into marts.kpi_tier_2_daily values ('2026-01-02', 'all', 17, 10, 1.7, 0.2)")
    (suite,) = [s for s in mart_suites() if s.path.stem == "kpi_tier_2_daily"]

    @dg.asset(deps=[mart_key(suite.mart)])
    def bi_extract() -> None:
        return None

    def run() -> dg.ExecuteInProcessResult:
        return dg.materialize(
            [dg.AssetSpec(mart_key(suite.mart)), build_mart_checks([suite]), bi_extract],
            selection=dg.AssetSelection.assets(bi_extract)
            | dg.AssetSelection.checks_for_assets(mart_key(suite.mart)),
            resources=resources(warehouse, warehouse.parent), raise_on_error=False)

    blocked = run()
    assert blocked.success is False
    assert [e.asset_key for e in blocked.get_asset_materialization_events()] == []
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update marts.kpi_tier_2_daily set virality_rate = 0.7")
    passed = run()
    assert passed.success is True
    assert [e.asset_key for e in passed.get_asset_materialization_events()] == [
        bi_extract.key]
