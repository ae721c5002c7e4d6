"""Investment in money and time per day and channel (issue 8, section 1): a hand-made,
connector-shaped fixture with every rule's case (campaign by UTM name, by id, by nothing; a
time row with a campaign; a rate only after the spend's date; a currency with no rate at all;
an unknown channel alias; a cost category the contract does not name), expected figures
worked out by hand below; and the small sample reconciled with the landing files."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import pytest

from tests.conftest import build_everything, failure_message, write
from tests.landing_files import csv_rows

DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫", "01234567890123456789.", "٬")
MART = "marts.social_investment_daily"
COSTS = "intermediate.int_marketing_costs_unioned"


def _fixture(landing: Path) -> None:
    write(landing, "marketing/campaigns/campaigns.csv",
          "campaign_id,name,channel,utm_campaign,objective,start_date,end_date\n"
          "cmp_a,Spring launch,instagram,spring_launch,conversion,2025-01-01,2025-01-10\n"
          "cmp_b,Brand week,linkedin,brand_week,awareness,2025-01-01,\n")
    # EUR from 2025-01-01 (carried to the 2nd), AED only from 2025-01-03, IRR from the 1st,
    # GBP never; USD is the reporting currency.
    write(landing, "marketing/fx_rates/fx.csv",
          "date,currency,rate_to_reporting_currency\n"
          "2025-01-01,EUR,1.1\n"
          "2025-01-03,EUR,1.2\n"
          "2025-01-03,AED,0.25\n"
          "2025-01-01,IRR,0.000001\n")
    write(landing, "marketing/spend/spend.csv",
          "date,channel,campaign,cost_category,amount,currency\n"
          # by UTM name (other case, padded): cmp_a
          '2025-01-02,Instagram," Spring_Launch ",ads,100.00,USD\n'
          # by id (other case): cmp_a; EUR 10 x 1.1 (carried from the 1st) = 11
          "2025-01-02,instagram,CMP_A,influencers,10,EUR\n"
          # by nothing: still paid_search's
          "2025-01-02,Google_Ads,general,ads,40,USD\n"
          # AED has a rate only from the 3rd: fallback 200 x 0.25 = 50, flagged
          "2025-01-02,instagram,cmp_a,boosting,200,AED\n"
          # GBP has no rate at all: no money, counted as unconverted
          "2025-01-02,linkedin,brand_week,ads,30,GBP\n"
          # an alias the seed does not know: its own lower-cased text
          "2025-01-03,TikTok,general,ads,25,USD\n"
          # a cost the data assigns to no channel, in a category the contract does not name
          "2025-01-03,ALL,general,events,70,USD\n"
          "2025-01-03,Twitter,general,content production,15,USD\n")
    write(landing, "marketing/time_log/time_log.csv",
          "date,role,channel,activity,hours,hourly_cost,currency,campaign\n"
          # a time row with a campaign (by UTM): 2 h x 10 USD = 20
          "2025-01-02,designer,instagram,design,2,10,USD,spring_launch\n"
          # shared time: 1 h x 5 EUR x 1.1 = 5.5
          "2025-01-02,analyst,all,analytics,1,5,EUR,\n"
          # by id: 3 h x 1,000,000 IRR x 0.000001 = 3
          "2025-01-03,social_media_manager,linkedin,community management,3,1000000,IRR,CMP_B\n"
          # GBP: 1 h counted, no cost, unconverted
          "2025-01-03,designer,instagram,design,1,100,GBP,\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("investment")
    landing, warehouse = root / "landing", root / "warehouse.duckdb"
    _fixture(landing)
    result = build_everything(landing, warehouse)
    con = duckdb.connect(str(warehouse), read_only=True)
    yield result, con
    con.close()


def _mart(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], dict[str, Any]]:
    cursor = con.execute(f"select * from {MART}")
    names = [d[0] for d in cursor.description]
    return {(str(r["metric_date"]), r["channel"]): r
            for r in (dict(zip(names, row, strict=True)) for row in cursor.fetchall())}


def test_the_build_succeeds(built) -> None:
    result, _ = built
    assert result.success, failure_message(result)


def test_spend_links_to_campaigns_by_id_or_utm_name_and_unlinked_rows_still_count(built):
    _, con = built
    rows = con.execute(f"""
        select campaign, campaign_id, cost_type
        from {COSTS} where cost_kind = 'money' order by all
    """).fetchall()
    assert rows == [
        ("CMP_A", "cmp_a", "influencers"),  # by id, other case
        ("Spring_Launch", "cmp_a", "ads"),  # by UTM name, other case, trimmed
        ("brand_week", "cmp_b", "ads"),  # by UTM name
        ("cmp_a", "cmp_a", "boosting"),  # by id
        ("general", None, "ads"),  # by nothing: google_ads, still counted
        ("general", None, "ads"),  # tiktok
        ("general", None, "content production"),
        ("general", None, "events"),
    ]


def test_time_rows_carry_their_campaign(built):
    _, con = built
    rows = con.execute(f"""
        select cast(cost_date as varchar), channel, campaign, campaign_id, hours
        from {COSTS} where cost_kind = 'time' order by all
    """).fetchall()
    assert rows == [
        ("2025-01-02", "instagram", "spring_launch", "cmp_a", 2.0),
        ("2025-01-02", "shared", None, None, 1.0),
        ("2025-01-03", "instagram", None, None, 1.0),
        ("2025-01-03", "linkedin", "CMP_B", "cmp_b", 3.0),
    ]


def test_channels_map_through_the_alias_seed(built):
    _, con = built
    costs = con.execute(f"select distinct channel from {COSTS} order by all").fetchall()
    assert costs == [("instagram",), ("linkedin",), ("paid_search",), ("shared",),
                     ("tiktok",), ("x",)]
    channels = {r[0]: r[1] for r in con.execute(
        f"select distinct channel, is_social_channel from {MART}").fetchall()}
    assert channels == {"instagram": True, "linkedin": True, "x": True, "paid_search": False,
                        "shared": False, "tiktok": False}


def test_money_by_category_time_and_total_per_day_and_channel(built):
    _, con = built
    mart = _mart(con)
    columns = ("money_ads", "money_boosting", "money_influencers", "money_content_production",
               "money_tools", "money_agency", "money_other_categories", "money_total",
               "hours_logged", "time_cost", "total_investment")
    expected = {
        ("2025-01-02", "instagram"): (100, 50, 11, 0, 0, 0, 0, 161, 2, 20, 181),
        ("2025-01-03", "instagram"): (0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0),
        ("2025-01-02", "paid_search"): (40, 0, 0, 0, 0, 0, 0, 40, 0, 0, 40),
        ("2025-01-02", "linkedin"): (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        ("2025-01-03", "linkedin"): (0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3),
        ("2025-01-03", "tiktok"): (25, 0, 0, 0, 0, 0, 0, 25, 0, 0, 25),
        ("2025-01-02", "shared"): (0, 0, 0, 0, 0, 0, 0, 0, 1, 5.5, 5.5),
        ("2025-01-03", "shared"): (0, 0, 0, 0, 0, 0, 70, 70, 0, 0, 70),
        ("2025-01-03", "x"): (0, 0, 0, 15, 0, 0, 0, 15, 0, 0, 15),
    }
    # every channel with any cost gets every day of the calendar (zeros on days without one)
    assert set(mart) == {(d, c) for d in ("2025-01-02", "2025-01-03")
                         for c in ("instagram", "paid_search", "linkedin", "tiktok", "shared",
                                   "x")}
    for key, row in mart.items():
        got = tuple(float(row[c]) for c in columns)
        want = expected.get(key, (0,) * len(columns))
        assert got == pytest.approx(want), key
        assert row["reporting_currency"] == "USD"
    assert mart[("2025-01-02", "instagram")]["jalali_date"] == "1403-10-13"


def test_a_rate_only_after_the_spend_date_converts_at_that_rate(built):
    _, con = built
    # AED 200 on 2025-01-02; AED's first rate is 0.25 on 2025-01-03
    assert con.execute(f"""
        select cost_amount from {COSTS} where cost_type = 'boosting'
    """).fetchall() == [(50.0,)]


def test_fallback_and_unconverted_costs_are_flagged_and_counted(built):
    _, con = built
    mart = _mart(con)
    flags = {key: (row["fx_fallback_rows"], row["is_fx_fallback"],
                   row["money_unconverted_rows"], row["time_unconverted_rows"],
                   row["has_unconverted_costs"])
             for key, row in mart.items()
             if row["fx_fallback_rows"] or row["money_unconverted_rows"]
             or row["time_unconverted_rows"]}
    assert flags == {
        ("2025-01-02", "instagram"): (1, True, 0, 0, False),
        ("2025-01-02", "linkedin"): (0, False, 1, 0, True),
        ("2025-01-03", "instagram"): (0, False, 0, 1, True),
    }
    fallback = con.execute(f"""
        select cast(fx_rate_date as varchar), cost_amount from {COSTS} where is_fx_fallback
    """).fetchall()
    assert fallback == [("2025-01-03", 50.0)]
    unconverted = con.execute(f"""
        select channel, cost_kind, cost_amount from {COSTS} where is_unconverted order by all
    """).fetchall()
    assert unconverted == [("instagram", "time", None), ("linkedin", "money", None)]


def test_the_unconverted_costs_warning_names_their_count(built):
    result, _ = built
    found = [e for e in result.get_asset_check_evaluations()
             if "assert_investment_costs_all_converted" in e.check_name]
    assert len(found) == 1
    (evaluation,) = found
    assert not evaluation.passed
    assert evaluation.severity == dg.AssetCheckSeverity.WARN
    # one failing row per landing row whose money could not be converted (GBP spend, GBP time)
    assert int(evaluation.metadata["dagster_dbt/failed_row_count"].value) == 2


# ------------------------------------------------------------------ small sample
CHANNEL_KEYS = {"google_ads": "paid_search", "all": "shared", "twitter": "x"}


def _num(text: str) -> Decimal:
    return Decimal(text.strip().translate(DIGITS))


def _landed_investment(landing: Path) -> dict[str, dict[str, Decimal]]:
    """Money, hours and time cost per canonical channel from the landing files alone."""
    rates: dict[str, dict[date, Decimal]] = defaultdict(dict)
    for r in csv_rows(landing, "marketing", "fx_rates"):
        rates[r["currency"].strip().upper()][date.fromisoformat(r["date"])] = _num(
            r["rate_to_reporting_currency"])

    def rate(currency: str, day: date) -> Decimal:
        if currency == "USD":
            return Decimal(1)
        known = rates[currency]
        return known[max(d for d in known if d <= day)]

    out: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for r in csv_rows(landing, "marketing", "spend"):
        channel = r["channel"].strip().lower()
        day = date.fromisoformat(r["date"])
        out[CHANNEL_KEYS.get(channel, channel)]["money"] += _num(r["amount"]) * rate(
            r["currency"].strip().upper(), day)
    for r in csv_rows(landing, "marketing", "time_log"):
        channel = r["channel"].strip().lower()
        day = date.fromisoformat(r["date"])
        hours = _num(r["hours"])
        totals = out[CHANNEL_KEYS.get(channel, channel)]
        totals["hours"] += hours
        if r["hourly_cost"].strip():
            currency = (r.get("currency") or "USD").strip().upper() or "USD"
            totals["time_cost"] += hours * _num(r["hourly_cost"]) * rate(currency, day)
    return out


def test_sample_investment_per_channel_matches_the_landing_files_and_ground_truth(pipeline):
    landing, con, truth, _ = pipeline
    expected = _landed_investment(landing)
    assert expected, "the sample has no marketing files"
    got = {r[0]: tuple(float(v) for v in r[1:]) for r in con.execute(f"""
        select channel, sum(money_total), sum(hours_logged), sum(time_cost),
               sum(total_investment), sum(money_unconverted_rows + time_unconverted_rows)
        from {MART} group by channel
    """).fetchall()}
    assert set(got) == set(expected)
    for channel, figures in expected.items():
        money, hours, time_cost, total, unconverted = got[channel]
        assert money == pytest.approx(float(figures["money"]), abs=0.01), channel
        assert hours == pytest.approx(float(figures["hours"])), channel
        assert time_cost == pytest.approx(float(figures["time_cost"]), abs=0.01), channel
        assert total == pytest.approx(float(figures["money"] + figures["time_cost"]),
                                      abs=0.02), channel
        assert unconverted == 0, channel
    # the planted truth: spend + hours x hourly cost in USD per channel as the generator wrote
    # them (its channel texts; `all` is the shared costs)
    planted = {CHANNEL_KEYS.get(c, c): v["investment_usd"]
               for c, v in truth["causal_model"]["channels"].items()}
    assert set(planted) == set(got)
    for channel, usd in planted.items():
        assert got[channel][3] == pytest.approx(usd, abs=0.05), channel
