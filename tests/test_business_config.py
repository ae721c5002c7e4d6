"""Business configuration comes from landing data, and the sales definitions match their words.

One hand-made, connector-shaped landing folder (a bakery, not the generated sample), built
once for real (every raw asset and the dbt build, through Dagster). Every expected figure
below is worked out by hand from the files written here.

- Brands, their web domains and competitors come from `social_accounts/brands` (one row per
  brand and domain; a brand may have several domains, written as a URL with `www.`), besides
  the brands named only in `social_accounts/accounts` or in listening mentions.
- Every list of `blog/subscribers_daily` counts, per list and summed per brand (a list
  without a brand belongs to the own brand).
- A new customer is a customer's first non-cancelled order in the order history, even when
  the customer signed up before the first loaded order (flagged, never left uncounted).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import build_everything, failure_message, write

SEPTEMBER = date(2026, 9, 1)

FILES = {
    "marketing/fx_rates/rates.csv": """\
date,currency,rate_to_reporting_currency
2026-09-01,USD,1
""",
    # ------------------------------------------------------------ brands and their domains
    "social_accounts/accounts/accounts.csv": """\
platform,account_id,handle,display_name,brand,is_own,industry
facebook,111,acme,Acme,Acme,true,bakery
instagram,222,rival,Rival,Rival,false,bakery
x,333,solo,Solo,Solo,false,bakery
""",
    "social_accounts/brands/brands.csv": """\
brand,is_own,website_domain,industry
Acme,true,acme.com,bakery
Acme,true,https://www.Acme-Shop.com/,bakery
Rival,false,rival.io,bakery
Quiet,false,,bakery
""",
    "listening/mentions/mentions.csv": """\
mention_id,platform,published_at,brand,reach_estimate
m1,news,2026-09-10 10:00:00+03:30,Loud,100
""",
    # ------------------------------------------------------------ SMART goals: one valid,
    # five broken in one way each (unknown metric, target = baseline, deadline before the
    # start, a scope the warehouse does not know, a metric at a grain no goal can follow)
    "strategy/goals/goals.csv": """\
goal_id,title,metric,scope,baseline_value,target_value,start_date,deadline
G1,Grow followers,followers,all,100,150,2026-09-01,2026-12-31
G2,Sell more,orders_from_social,all,10,20,2026-09-01,2026-12-31
G3,Hold reach,followers,facebook,100,100,2026-09-01,2026-12-31
G4,Backwards,followers,facebook,100,120,2026-12-31,2026-09-01
G5,Elsewhere,followers,tiktok,100,120,2026-09-01,2026-12-31
G6,Credit more,attribution_credit,all,0.2,0.5,2026-09-01,2026-12-31
G7,Later,followers,all,100,150,2027-01-01,2027-03-31
""",
    "seo/backlinks/backlinks.csv": """\
target_domain,referring_domain,referring_url,target_url,first_seen,lost_at
www.acme.com,a.org,https://a.org/1,https://www.acme.com/,2026-01-01,
acme-shop.com,b.org,https://b.org/1,https://acme-shop.com/x,2026-09-03,
acme.com,a.org,https://a.org/2,https://acme.com/y,2026-02-01,2026-09-20
rival.io,c.org,https://c.org/1,https://rival.io/,2026-03-01,
stranger.net,d.org,https://d.org/1,https://stranger.net/,2026-01-01,
""",
    # ------------------------------------------------------------ every subscriber list
    "blog/subscribers_daily/subscribers.csv": """\
date,blog_or_list,subscribers_total,subscribed,unsubscribed,brand
2026-09-29,blog,100,3,1,
2026-09-30,blog,110,11,1,
2026-09-29,newsletter,50,2,0,
2026-09-30,Rival Weekly,70,1,0,Rival
""",
    # ------------------------------------------------------------ a shop whose customers
    # sign up days before they buy; ben's first order is cancelled (two versions: placed,
    # then cancelled), cy's only order is cancelled, dee's record dates from 2024, ana buys
    # twice, order 7 is a guest checkout, eve signs up after the history starts. Orders carry
    # UTC timestamps as the connector lands them (06:30Z is 10:00 in Tehran).
    "shopify/customer/customers.csv": """\
id,created_at,email,accepts_marketing
ana,2026-09-01 09:00:00+03:30,,
ben,2026-09-02 09:00:00+03:30,,
cy,2026-09-03 09:00:00+03:30,,
dee,2024-01-15 09:00:00+03:30,,
eve,2026-09-09 09:00:00+03:30,,
""",
    "shopify/order/orders.csv": """\
id,name,created_at,cancelled_at,customer_id,currency,total_price,financial_status,_fivetran_synced
1,#1001,2026-09-05T06:30:00Z,,ana,USD,10.00,paid,2026-09-05T06:35:00Z
2,#1002,2026-09-06T06:30:00Z,,ben,USD,20.00,paid,2026-09-06T06:35:00Z
2,#1002,2026-09-06T06:30:00Z,2026-09-06T11:30:00Z,ben,USD,20.00,voided,2026-09-06T11:35:00Z
3,#1003,2026-09-07T06:30:00Z,2026-09-07T08:30:00Z,cy,USD,30.00,voided,2026-09-07T08:35:00Z
6,#1006,2026-09-08T06:30:00Z,,dee,USD,60.00,paid,2026-09-08T06:35:00Z
7,#1007,2026-09-09T06:30:00Z,,,USD,70.00,paid,2026-09-09T06:35:00Z
5,#1005,2026-09-10T06:30:00Z,,ben,USD,50.00,paid,2026-09-10T06:35:00Z
8,#1008,2026-09-11T06:30:00Z,,eve,USD,80.00,paid,2026-09-11T06:35:00Z
4,#1004,2026-09-12T06:30:00Z,,ana,USD,40.00,paid,2026-09-12T06:35:00Z
""",
}


CHECKS: dict[str, Any] = {}  # asset check name -> its evaluation, filled by the fixture


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("business_config")
    landing = root / "landing"
    for relative, text in FILES.items():
        write(landing, relative, text)
    result = build_everything(landing, root / "warehouse.duckdb")
    assert result.success, failure_message(result)
    CHECKS.update({e.asset_check_key.name: e for e in (
        ev.event_specific_data for ev in result.all_events
        if ev.event_type_value == "ASSET_CHECK_EVALUATION")})
    con = duckdb.connect(str(root / "warehouse.duckdb"), read_only=True)
    yield con
    con.close()


def _distribution(con, column: str) -> dict[str, object]:
    return dict(con.execute(
        f"select brand, {column} from marts.benchmark_distribution"
        " where platform = 'all' and month_start_date = ?", [SEPTEMBER]).fetchall())


# ------------------------------------------------------------------ brands and domains
def test_brands_come_from_the_brands_table_accounts_and_mentions(warehouse):
    own = _distribution(warehouse, "is_own_brand")
    # Quiet is only in the brands table, Solo only in accounts, Loud only in a mention
    assert own == {"Acme": True, "Rival": False, "Quiet": False, "Solo": False,
                   "Loud": False}


def test_backlinks_per_brand_follow_the_domains_of_the_brands_table(warehouse):
    # Acme at the end of September: a.org/1 (www.acme.com, live since January) and b.org/1
    # (acme-shop.com, first seen 3 September) are live; a.org/2 was lost on the 20th.
    # Referring domains: a.org and b.org at the end, a.org alone before the month: b.org is
    # new, none lost (a.org keeps a live link). Rival: c.org, live all along. stranger.net is
    # no brand's domain. Quiet has no domain, Solo and Loud are unknown to the SEO export.
    assert _distribution(warehouse, "active_backlinks") == {
        "Acme": 2, "Rival": 1, "Quiet": None, "Solo": None, "Loud": None}
    assert _distribution(warehouse, "active_referring_domains") == {
        "Acme": 2, "Rival": 1, "Quiet": None, "Solo": None, "Loud": None}
    assert _distribution(warehouse, "new_referring_domains") == {
        "Acme": 1, "Rival": 0, "Quiet": None, "Solo": None, "Loud": None}
    assert _distribution(warehouse, "lost_referring_domains") == {
        "Acme": 0, "Rival": 0, "Quiet": None, "Solo": None, "Loud": None}


def test_brand_domains_are_normalised_one_row_per_brand_and_domain(warehouse):
    rows = warehouse.execute(
        "select brand, website_domain, is_own from staging.stg_social_accounts__brands"
        " order by brand, website_domain").fetchall()
    assert rows == [("Acme", "acme-shop.com", True), ("Acme", "acme.com", True),
                    ("Quiet", None, False), ("Rival", "rival.io", False)]


# ------------------------------------------------------------------ subscriber lists
def test_every_subscriber_list_counts_summed_per_brand(warehouse):
    # Acme (the lists without a brand): blog 110 on the 30th + newsletter 50 on the 29th,
    # its last day with a figure; Rival: its own list, 70.
    assert _distribution(warehouse, "blog_subscribers") == {
        "Acme": 160, "Rival": 70, "Quiet": None, "Solo": None, "Loud": None}


def test_subscribers_per_list_and_month(warehouse):
    rows = warehouse.execute(
        "select month_start_date, brand, list_name, subscribers, subscribed_count,"
        " unsubscribed_count from intermediate.int_subscriber_lists_aggregated"
        " order by brand, list_name").fetchall()
    assert rows == [(SEPTEMBER, "Acme", "blog", 110, 14, 2),
                    (SEPTEMBER, "Acme", "newsletter", 50, 2, 0),
                    (SEPTEMBER, "Rival", "rival weekly", 70, 1, 0)]


# ------------------------------------------------------------------ new customers
def test_new_customer_is_the_first_non_cancelled_order_in_the_history(warehouse):
    rows = warehouse.execute("""
        select order_id, customer_order_number, is_new_customer,
               is_customer_created_before_history, order_history_start_date
        from intermediate.int_orders_enriched order by order_id""").fetchall()
    start = date(2026, 9, 5)  # Tehran date of the first loaded order
    assert rows == [
        (1, 1, True, True, start),      # ana's first order (she signed up on 1 September)
        (2, None, False, True, start),  # ben's cancelled first order: not an order of his
        (3, None, False, True, start),  # cy's only order, cancelled: cy is never new
        (4, 2, False, True, start),     # ana again: a repeat order
        (5, 1, True, True, start),      # ben's first non-cancelled order
        (6, 1, True, True, start),      # dee (record from 2024): first order in the history
        (7, None, False, None, start),  # a guest checkout
        (8, 1, True, False, start),     # eve signed up after the history started
    ]


def test_tier_3_counts_new_customers_on_the_day_of_their_first_kept_order(warehouse):
    rows = warehouse.execute("""
        select metric_date, orders, new_customers from marts.kpi_tier_3_daily
        where platform = 'all' and (orders > 0 or new_customers > 0)
        order by metric_date""").fetchall()
    assert rows == [
        (date(2026, 9, 5), 1, 1), (date(2026, 9, 8), 1, 1), (date(2026, 9, 9), 1, 0),
        (date(2026, 9, 10), 1, 1), (date(2026, 9, 11), 1, 1), (date(2026, 9, 12), 1, 0),
    ]
    (total,) = warehouse.execute(
        "select sum(new_customers) from marts.kpi_tier_3_daily where platform = 'all'"
    ).fetchone()
    assert total == 4


def test_repeat_purchase_rate_counts_kept_orders_of_known_customers(warehouse):
    # September: ana (orders 1 and 4), ben (5), dee (6), eve (8); cancelled orders and the
    # guest checkout are left out.
    row = warehouse.execute("""
        select purchasing_customers, repeat_customers, repeat_purchase_rate
        from marts.benchmark_influence
        where is_own_brand and platform = 'all' and month_start_date = ?""",
        [SEPTEMBER]).fetchone()
    assert row == (4, 1, 0.25)


def test_revenue_is_unchanged_by_the_new_customer_rule(warehouse):
    (net,) = warehouse.execute(
        "select sum(net_revenue) from marts.kpi_tier_3_daily where platform = 'all'"
    ).fetchone()
    assert net == Decimal("310.0000")  # 10 + 60 + 70 + 50 + 80 + 40; cancelled 20, 30 out


def test_files_of_this_fixture_are_all_used() -> None:
    # a guard against a typo in a path: each file belongs to a table of the contract
    from orchestration.defs.ingest.contracts import TABLES_BY_KEY

    for relative in FILES:
        source, table, _ = Path(relative).parts
        assert (source, table) in TABLES_BY_KEY, relative


def test_the_readme_lists_every_landing_table() -> None:
    from orchestration.defs.ingest.contracts import SOURCES, tables_of

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for source in SOURCES:
        row = next((line for line in readme.splitlines()
                    if line.startswith(f"| `{source}` |")), None)
        assert row is not None, f"README's landing folder table lacks {source}"
        for table in tables_of(source):
            assert f"`{table.name}`" in row, f"README lacks {source}/{table.name}"
    sample_readme = (Path(__file__).parents[1] / "sample_data" / "README.md").read_text(
        encoding="utf-8")
    assert "social_accounts/brands" in sample_readme


# ------------------------------------------------------------------ SMART goals
def test_invalid_goals_are_kept_with_every_reason(warehouse):
    rows = warehouse.execute(
        "select goal_id, is_valid, invalid_reasons, goal_type "
        "from intermediate.int_goals_validated order by goal_id").fetchall()
    assert rows == [
        ("G1", True, None, "brand awareness"),
        ("G2", False, "metric orders_from_social is not in the metric catalog", None),
        ("G3", False, "the target equals the baseline", "brand awareness"),
        ("G4", False, "the deadline does not follow the start", "brand awareness"),
        ("G5", False, "scope tiktok is no platform or channel of the warehouse",
         "brand awareness"),
        ("G6", False, "metric attribution_credit is published per order x touch x attribution"
         " model: no daily or monthly series a goal can follow", None),
        ("G7", True, None, "brand awareness"),
    ]


def test_the_scorecard_lists_every_goal_invalid_and_not_started_ones_too(warehouse):
    rows = warehouse.execute(
        "select goal_id, goal_status, invalid_reasons is not null from marts.goal_scorecard "
        "order by goal_id").fetchall()
    statuses = {goal_id: status for goal_id, status, _ in rows}
    assert set(statuses) == {f"G{i}" for i in range(1, 8)}
    assert {g: s for g, s in statuses.items() if g not in ("G1", "G7")} == {
        "G2": "invalid", "G3": "invalid", "G4": "invalid", "G5": "invalid", "G6": "invalid"}
    assert statuses["G7"] == "not started"  # starts after the fixture's last day of data
    assert all(has_reason == (status == "invalid") for _, status, has_reason in rows)
    # only the valid goal that has started has days in goal_progress
    assert warehouse.execute(
        "select distinct goal_id from marts.goal_progress").fetchall() == [("G1",)]


def test_the_goal_check_warns_and_counts_the_invalid_goals(warehouse):
    check = CHECKS["assert_goals_are_valid"]
    assert check.passed is False
    assert check.severity.value == "WARN"
    assert check.metadata["dagster_dbt/failed_row_count"].value == 5
