"""The ELT-schema path, and values the landing contract accepts, through one real build.

A user whose ELT tool already syncs LinkedIn points dbt at that schema (``DBT_VARS``
``{"linkedin_pages_schema": "fivetran_linkedin_pages"}``). No loader runs on those tables, so
none of its row rules do: the hand-made, Fivetran-shaped rows below hold a negative
``share_count``, a duplicated snapshot (the same key twice) and a post created in the future.
Every other source loads from a small landing folder through the loader (most tables empty),
including values the contract accepts that the sample data never shows: a cost category
`events`, a currency outside the sample's list (CAD), and one day's CAD rate given twice as
`CAD` and `cad` (two keys to the contract, one currency to staging).

Wanted: every mart builds; staging nulls the impossible share count and keeps that snapshot's
other figures; the generated source tests report each problem as a `warn` check with its row
count; no `error` test fails on a value the contract accepts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import pytest

from tests.conftest import build_everything, failure_message, write

ELT_SCHEMA = "fivetran_linkedin_pages"
ORGANIZATION = 1001
POST = "urn:li:ugcPost:7001"
FUTURE_POST = "urn:li:ugcPost:7002"
S1, S2, S3 = "2026-03-02 10:00:00+00", "2026-03-03 10:00:00+00", "2026-03-04 10:00:00+00"

# Fivetran's linkedin_pages tables as the connector lands them: typed columns, numeric
# organization ids, URNs for posts, `_fivetran_deleted` and `_fivetran_synced` everywhere.
ELT_DDL = f"""
create schema {ELT_SCHEMA};
create table {ELT_SCHEMA}.organization (
    id bigint, localized_name varchar, vanity_name varchar, _fivetran_deleted boolean,
    _fivetran_synced timestamptz);
create table {ELT_SCHEMA}.ugc_post_history (
    id varchar, author varchar, commentary varchar, created_time timestamptz,
    first_published_at timestamptz, last_modified_time timestamptz, lifecycle_state varchar,
    _fivetran_deleted boolean, _fivetran_synced timestamptz);
create table {ELT_SCHEMA}.organization_ugc_post (
    organization_id bigint, ugc_post_id varchar, _fivetran_synced timestamptz);
create table {ELT_SCHEMA}.ugc_post_share_statistic (
    share_statistic_id varchar, ugc_post_id varchar, _fivetran_synced timestamptz);
create table {ELT_SCHEMA}.share_statistic (
    _fivetran_id varchar, _organization_entity_urn varchar, _share_entity_urn varchar,
    click_count bigint, comment_count bigint, engagement double, impression_count bigint,
    like_count bigint, share_count bigint, _fivetran_synced timestamptz);
"""

# Lifetime snapshots of post 7001, one statistic synced three times: (synced, clicks,
# comments, impressions, likes, shares). The second holds an impossible share count; the
# first arrives twice (the same key).
STATISTIC = "e3f1a9"
SNAPSHOTS = (
    (S1, 5, 2, 100, 10, 3),
    (S1, 5, 2, 100, 10, 3),
    (S2, 6, 2, 150, 12, -4),
    (S3, 8, 3, 180, 15, 5),
)


def _land_elt(con: duckdb.DuckDBPyConnection, future: datetime) -> None:
    con.execute(ELT_DDL)
    org_urn = f"urn:li:organization:{ORGANIZATION}"
    con.execute(f"insert into {ELT_SCHEMA}.organization values "
                f"({ORGANIZATION}, 'Nava Coffee', 'navacoffee', false, '{S1}')")
    con.execute(
        f"insert into {ELT_SCHEMA}.ugc_post_history values "
        "(?, ?, 'V60 guide', '2026-03-01 09:00:00+00', '2026-03-01 09:00:00+00', "
        "'2026-03-01 09:00:00+00', 'PUBLISHED', false, ?), "
        "(?, ?, 'Coming soon', ?, null, null, 'PUBLISHED', false, ?)",
        [POST, org_urn, S1, FUTURE_POST, org_urn, future, S1])
    con.execute(f"insert into {ELT_SCHEMA}.organization_ugc_post values (?, ?, ?), (?, ?, ?)",
                [ORGANIZATION, POST, S1, ORGANIZATION, FUTURE_POST, S1])
    for synced, clicks, comments, impressions, likes, shares in SNAPSHOTS:
        con.execute(f"insert into {ELT_SCHEMA}.share_statistic values "
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [STATISTIC, org_urn, POST, clicks, comments,
                     round((clicks + likes + comments + max(shares, 0)) / impressions, 4),
                     impressions, likes, shares, synced])
    con.execute(f"insert into {ELT_SCHEMA}.ugc_post_share_statistic values (?, ?, ?)",
                [STATISTIC, POST, S1])


def _land_files(landing: Path) -> None:
    write(landing, "social_accounts/accounts/accounts.csv",
          "platform,account_id,handle,display_name,brand,is_own,industry\n"
          f"linkedin,{ORGANIZATION},navacoffee,Nava Coffee,Nava,true,coffee_roastery\n")
    write(landing, "social_accounts/daily/daily.csv",
          "date,platform,account_id,followers,following,posts_published,mentions,profile_views\n"
          + "".join(f"2026-03-0{day},linkedin,{ORGANIZATION},{500 + day},0,,0,\n"
                    for day in range(1, 5)))
    # `events` is a cost category the contract allows ("other labels allowed"); CAD is a
    # currency the contract allows (three letters) that the sample data never uses, and the
    # FX sheet's key is case-sensitive, so `CAD` and `cad` on one day are two valid rows.
    write(landing, "marketing/spend/spend.csv",
          "date,channel,campaign,cost_category,amount,currency\n"
          "2026-03-01,instagram,general,events,1000,CAD\n"
          "2026-03-01,linkedin,general,ads,20,USD\n")
    write(landing, "marketing/time_log/time.csv",
          "date,role,channel,activity,hours,hourly_cost,currency\n"
          "2026-03-01,designer,instagram,event design,2,30,CAD\n")
    write(landing, "marketing/fx_rates/fx.csv",
          "date,currency,rate_to_reporting_currency\n"
          "2026-03-01,CAD,0.75\n"
          "2026-03-01,cad,0.75\n")


@pytest.fixture(scope="module")
def elt_build(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[dg.ExecuteInProcessResult, duckdb.DuckDBPyConnection]]:
    root = tmp_path_factory.mktemp("elt")
    landing, warehouse = root / "landing", root / "warehouse.duckdb"
    landing.mkdir()
    _land_files(landing)
    with duckdb.connect(str(warehouse)) as con:
        _land_elt(con, datetime.now(UTC) + timedelta(days=30))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DBT_VARS", json.dumps({"linkedin_pages_schema": ELT_SCHEMA}))
        result = build_everything(landing, warehouse)
    con = duckdb.connect(str(warehouse), read_only=True)
    yield result, con
    con.close()


def _checks(result: dg.ExecuteInProcessResult) -> list[Any]:
    return list(result.get_asset_check_evaluations())


def _failed_rows(evaluation: Any) -> int:
    return int(evaluation.metadata["dagster_dbt/failed_row_count"].value)


def test_every_mart_builds(elt_build) -> None:
    result, con = elt_build
    assert result.success, failure_message(result)
    marts = {r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'marts'"
    ).fetchall()}
    assert {"kpi_tier_1_daily", "kpi_tier_2_daily", "kpi_tier_3_daily", "kpi_daily",
            "benchmark_distribution", "benchmark_interaction", "benchmark_influence",
            "metric_catalog"} <= marts


def test_staging_reads_the_elt_schema_and_nulls_the_impossible_share_count(elt_build) -> None:
    _, con = elt_build
    rows = con.execute(
        "select distinct cast(synced_at as varchar), impression_count, like_count, "
        "comment_count, click_count, share_count "
        "from staging.stg_linkedin_pages__share_statistics order by 1").fetchall()
    # Hand-made snapshots above; the second's share count (-4) is impossible: NULL, while
    # its impressions, likes, comments and clicks stay.
    assert rows == [
        ("2026-03-02 10:00:00", 100, 10, 2, 5, 3),
        ("2026-03-03 10:00:00", 150, 12, 2, 6, None),
        ("2026-03-04 10:00:00", 180, 15, 3, 8, 5),
    ]


def test_source_tests_report_each_problem_as_a_warning_with_its_count(elt_build) -> None:
    result, _ = elt_build
    failed = {(e.asset_key.to_user_string(), e.check_name): e
              for e in _checks(result) if not e.passed}

    def one(table: str, test: str) -> Any:
        found = [e for (key, name), e in failed.items()
                 if key == f"raw_linkedin_pages/{table}" and test in name]
        assert len(found) == 1, f"{table}: {test} not reported; failed checks: {sorted(failed)}"
        return found[0]

    negative = one("share_statistic", "value_between_linkedin_pages_share_statistic_share_count")
    duplicate = one("share_statistic", "unique_combination_of_columns")
    future = one("ugc_post_history", "not_in_future_linkedin_pages_ugc_post_history_created")
    for evaluation in (negative, duplicate, future):
        assert evaluation.severity == dg.AssetCheckSeverity.WARN
    assert _failed_rows(negative) == 1  # the second snapshot
    assert _failed_rows(duplicate) == 1  # one key (the first snapshot) twice
    assert _failed_rows(future) == 1  # post 7002


def test_no_error_test_fails(elt_build) -> None:
    """What the contract accepts (cost category `events`, a CAD spend) and what it forbids but
    an ELT tool landed anyway: neither fails an error-severity test (which would skip every
    mart downstream)."""
    result, _ = elt_build
    errors = sorted(f"{e.asset_key.to_user_string()}: {e.check_name}" for e in _checks(result)
                    if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR)
    assert errors == []


def test_a_cost_category_and_a_currency_outside_the_sample_lists_are_costed(elt_build) -> None:
    _, con = elt_build
    rows = con.execute(
        "select cost_type, cost_kind, channel, cast(cost_amount as double) "
        "from intermediate.int_marketing_costs_unioned order by cost_type").fetchall()
    # 1000 CAD x 0.75 = 750 USD; 20 USD; 2 h x 30 CAD x 0.75 = 45 USD.
    assert rows == [("ads", "money", "linkedin", 20.0), ("events", "money", "instagram", 750.0),
                    ("team_time", "time", "instagram", 45.0)]


def test_dbt_vars_must_be_a_json_object(monkeypatch: pytest.MonkeyPatch) -> None:
    from orchestration.defs.settings import SettingError, dbt_vars

    monkeypatch.delenv("DBT_VARS", raising=False)
    assert dbt_vars() == {}
    monkeypatch.setenv("DBT_VARS", '{"linkedin_pages_schema": "fivetran_linkedin_pages"}')
    assert dbt_vars() == {"linkedin_pages_schema": "fivetran_linkedin_pages"}
    monkeypatch.setenv("DBT_VARS", "{linkedin_pages_schema: fivetran_linkedin_pages}")
    with pytest.raises(SettingError, match="DBT_VARS is not valid JSON"):
        dbt_vars()
    monkeypatch.setenv("DBT_VARS", '["fivetran_linkedin_pages"]')
    with pytest.raises(SettingError, match="must be a JSON object"):
        dbt_vars()
