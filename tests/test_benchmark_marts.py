"""Benchmark marts against the landing files and _ground_truth.json: every expected figure is
computed here from the JSON-lines and CSV files with the standard library (or read from the
generator's planted truth), never read back from another warehouse table."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from tests.landing_files import csv_rows, jsonl_rows

TEHRAN = ZoneInfo("Asia/Tehran")
DISTRIBUTION = "marts.benchmark_distribution"
INTERACTION = "marts.benchmark_interaction"
INFLUENCE = "marts.benchmark_influence"
MARTS = ("benchmark_distribution", "benchmark_interaction", "benchmark_influence")
MODELS_YML = (Path(__file__).parents[1] / "dbt_project" / "models" / "marts" / "benchmarks"
              / "_benchmarks__models.yml")
PERSIAN = str.maketrans({"ي": "ی", "ك": "ک"})


def local_month(timestamp: str) -> date:
    """First day of the business-local (Tehran) month of an ISO timestamp."""
    moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00")).astimezone(TEHRAN)
    return moment.date().replace(day=1)


def brand(value: str) -> str:
    return value.translate(PERSIAN).strip()


def own_brand(con) -> str:
    query = f"select distinct brand from {DISTRIBUTION} where is_own_brand"
    return con.execute(query).fetchone()[0]


def only_month(con) -> date:
    months = con.execute(f"select distinct month_start_date from {DISTRIBUTION}").fetchall()
    assert len(months) == 1, "the small sample spans one month"
    return months[0][0]


def column(con, mart: str, name: str, platform: str = "all") -> dict[str, object]:
    return dict(con.execute(
        f"select brand, {name} from {mart} where platform = ?", [platform]).fetchall())


def test_mentions_per_brand_equal_landing_files_and_ground_truth(pipeline):
    landing, con, truth, _ = pipeline
    mentions = jsonl_rows(landing, "listening", "mentions")
    by_brand = Counter(brand(m["brand"]) for m in mentions)
    by_brand_platform = Counter((brand(m["brand"]), m["platform"]) for m in mentions)

    assert column(con, DISTRIBUTION, "mentions") == dict(by_brand)
    assert dict(by_brand) == truth["headline"]["listening"]["mentions_by_brand"]["value"]
    for platform in ("facebook", "instagram", "x", "linkedin", "youtube"):
        expected = {b: by_brand_platform[(b, platform)] for b in by_brand}
        assert column(con, DISTRIBUTION, "mentions", platform) == expected, platform
    # the influence mart reads the same figure
    assert column(con, INFLUENCE, "mentions") == dict(by_brand)


def test_estimated_reach_sums_the_mentions_reach_estimates(pipeline):
    landing, con, _, _ = pipeline
    reach: dict[str, int] = defaultdict(int)
    for m in jsonl_rows(landing, "listening", "mentions"):
        reach[brand(m["brand"])] += m["reach_estimate"] or 0
    assert column(con, DISTRIBUTION, "estimated_reach") == dict(reach)


def test_share_of_voice_equals_ground_truth_and_sums_to_one(pipeline):
    landing, con, truth, _ = pipeline
    mentions = jsonl_rows(landing, "listening", "mentions")
    own = own_brand(con)
    share = column(con, INFLUENCE, "share_of_voice_by_mentions")
    assert round(share[own], 6) == truth["headline"]["listening"]["share_of_voice_own"]["value"]
    assert math.isclose(sum(share.values()), 1.0)

    engagements: dict[str, int] = defaultdict(int)
    for m in mentions:
        engagements[brand(m["brand"])] += m["engagements"] or 0
    total = sum(engagements.values())
    by_engagement = column(con, INFLUENCE, "share_of_voice_by_engagement")
    for b, value in engagements.items():
        assert math.isclose(by_engagement[b], value / total), b

    for platform in ("instagram", "x"):
        counts = Counter(brand(m["brand"]) for m in mentions if m["platform"] == platform)
        per_platform = column(con, INFLUENCE, "share_of_voice_by_mentions", platform)
        for b, value in per_platform.items():
            assert math.isclose(value, counts[b] / sum(counts.values())), (platform, b)


def test_sentiment_counts_and_both_net_sentiments(pipeline):
    _, con, truth, _ = pipeline
    expected = truth["headline"]["listening"]["sentiment_by_brand"]
    rows = con.execute(
        f"select brand, positive_mentions, negative_mentions, neutral_mentions,"
        f" unscored_mentions, net_sentiment_talkwalker, net_sentiment_share"
        f" from {INFLUENCE} where platform = 'all'").fetchall()
    assert {r[0] for r in rows} == set(expected)
    for b, pos, neg, neu, unscored, talkwalker, share in rows:
        counts = expected[b]
        assert (pos, neg, neu, unscored) == (counts.get("positive", 0), counts.get("negative", 0),
                                             counts.get("neutral", 0), counts.get("unlabelled", 0))
        if pos + neg:
            assert math.isclose(talkwalker, (pos - neg) / (pos + neg))
        else:
            assert talkwalker is None
        if pos + neg + neu:
            assert math.isclose(share, (pos - neg) / (pos + neg + neu))
        else:
            assert share is None


def test_followers_at_end_per_own_platform_equal_ground_truth(pipeline):
    landing, con, truth, _ = pipeline
    own = own_brand(con)
    for platform, figures in truth["headline"]["followers"].items():
        (followers,) = con.execute(
            f"select followers from {DISTRIBUTION} where is_own_brand and platform = ?",
            [platform]).fetchone()
        assert followers == figures["followers_at_end"], platform

    # net growth: end of month - start (the end of the first day in an account's first
    # month), ground truth's net_change
    for platform, figures in truth["headline"]["followers"].items():
        growth = column(con, DISTRIBUTION, "net_follower_growth", platform)
        assert growth[own] == figures["net_change"], platform

    # competitors: the last day in social_accounts/daily of each account, summed per brand
    accounts = {(a["platform"], a["account_id"]): a["brand"]
                for a in csv_rows(landing, "social_accounts", "accounts")}
    last: dict[tuple[str, str], tuple[str, int]] = {}
    for d in csv_rows(landing, "social_accounts", "daily"):
        key = (d["platform"], d["account_id"])
        if key not in last or d["date"] > last[key][0]:
            last[key] = (d["date"], int(d["followers"]))
    expected: dict[tuple[str, str], int] = defaultdict(int)
    for (platform, account_id), (_, followers) in last.items():
        b = brand(accounts[(platform, account_id)])
        if b != own:
            expected[(b, platform)] += followers
    got = {(b, p): f for b, p, f in con.execute(
        f"select brand, platform, followers from {DISTRIBUTION}"
        f" where not is_own_brand and platform <> 'all' and followers is not null").fetchall()}
    assert got == dict(expected)


def test_active_backlinks_and_referring_domains_at_end(pipeline):
    landing, con, truth, _ = pipeline
    own = own_brand(con)
    end = date(2026, 10, 31)
    links = csv_rows(landing, "seo", "backlinks")
    live = [r for r in links if date.fromisoformat(r["first_seen"]) <= end
            and (not r["lost_at"] or date.fromisoformat(r["lost_at"]) > end)]
    active = column(con, DISTRIBUTION, "active_backlinks")
    assert active[own] == len({(r["referring_url"], r["target_url"]) for r in live})
    assert active[own] == truth["headline"]["seo"]["active_backlinks_at_end"]["value"]
    domains = column(con, DISTRIBUTION, "active_referring_domains")
    assert domains[own] == len({r["referring_domain"] for r in live})
    # the SEO export covers the own domain only: competitors are not tracked (NULL, not 0)
    assert {b for b, v in domains.items() if v is None} == set(domains) - {own}


def test_blog_subscribers_at_end_equal_ground_truth(pipeline):
    _, con, truth, _ = pipeline
    own = own_brand(con)
    subscribers = column(con, DISTRIBUTION, "blog_subscribers")
    # every list counts (the blog and the newsletter), summed per brand
    lists = truth["headline"]["blog"]
    assert subscribers[own] == lists["blog"]["value"] + lists["newsletter"]["value"]
    assert {own: subscribers[own]} == truth["headline"]["blog_subscribers_by_brand"]["value"]
    assert all(v is None for b, v in subscribers.items() if b != own)


def test_csat_and_nps_equal_ground_truth(pipeline):
    _, con, truth, _ = pipeline
    csat, nps = con.execute(
        f"select csat, net_promoter_score from {INFLUENCE}"
        f" where is_own_brand and platform = 'all'").fetchone()
    surveys = truth["headline"]["surveys"]
    assert round(csat, 6) == surveys["csat"]["value"]
    # NPS on the -100..100 scale, as ground truth reports it
    assert round(nps, 4) == surveys["nps"]["value"]


def test_repeat_purchase_rate_from_the_order_files(pipeline):
    landing, con, _, _ = pipeline
    month = only_month(con)
    latest: dict[str, dict] = {}
    for order in csv_rows(landing, "shopify", "order"):
        known = latest.get(order["id"])
        if known is None or order["_fivetran_synced"] > known["_fivetran_synced"]:
            latest[order["id"]] = order
    orders_per_customer = Counter(
        o["customer_id"] for o in latest.values()
        if o["customer_id"] and not o["cancelled_at"] and local_month(o["created_at"]) == month)
    customers, repeat, rate = con.execute(
        f"select purchasing_customers, repeat_customers, repeat_purchase_rate from {INFLUENCE}"
        f" where is_own_brand and platform = 'all'").fetchone()
    assert customers == len(orders_per_customer)
    assert repeat == sum(1 for n in orders_per_customer.values() if n >= 2)
    assert math.isclose(rate, repeat / customers)


def test_competitor_engagements_are_missing_never_zero(pipeline):
    _, con, _, _ = pipeline
    rows = con.execute(
        f"select post_likes, post_comments, post_shares, post_engagements,"
        f" engagement_rate_by_followers from {INTERACTION} where not is_own_brand").fetchall()
    assert rows and all(value is None for row in rows for value in row)
    (own_rows,) = con.execute(
        f"select count(*) from {INTERACTION} where is_own_brand and platform <> 'web'"
        f" and post_engagements is not null").fetchone()
    assert own_rows > 0


def test_web_row_social_referral_share_from_the_ga4_files(pipeline):
    landing, con, truth, _ = pipeline
    sessions, social, share = con.execute(
        f"select sessions, social_referred_sessions, social_referral_share from {INTERACTION}"
        f" where platform = 'web'").fetchone()
    # every GA4 session: distinct (user_pseudo_id, ga_session_id)
    keys = set()
    for event in jsonl_rows(landing, "ga4", "events"):
        for param in event.get("event_params") or []:
            if param["key"] == "ga_session_id":
                keys.add((event["user_pseudo_id"], param["value"]["int_value"]))
    assert sessions == len(keys) == truth["headline"]["ga4"]["sessions"]["value"]
    assert math.isclose(share, social / sessions)
    assert 0 < share < 1


def test_index_is_100_for_the_median_brand_of_an_odd_set(pipeline):
    _, con, _, _ = pipeline
    # LinkedIn has three brands with accounts (one competitor is absent): an odd set
    rows = con.execute(
        f"select followers, followers_index_vs_peer_median, followers_percentile_rank"
        f" from {DISTRIBUTION} where platform = 'linkedin' and followers is not null"
        f" order by followers").fetchall()
    assert len(rows) == 3
    median = rows[1][0]
    for followers, index, _ in rows:
        assert math.isclose(index, 100 * followers / median)
    assert rows[1][1] == 100
    assert [r[2] for r in rows] == [0.0, 0.5, 1.0]


def test_column_types_follow_the_contract(pipeline):
    _, con, _, _ = pipeline
    # the contract spells text `string` (both engines read it); DuckDB calls it VARCHAR
    declared = {
        (model["name"], c["name"]): {"STRING": "VARCHAR"}.get(c["data_type"].upper(),
                                                               c["data_type"].upper())
        for model in yaml.safe_load(MODELS_YML.read_text(encoding="utf-8"))["models"]
        for c in model["columns"]
    }
    actual = {
        (table, name): data_type.upper()
        for table, name, data_type in con.execute(
            "select table_name, column_name, data_type from information_schema.columns"
            " where table_schema = 'marts' and table_name in (?, ?, ?)", list(MARTS)).fetchall()
    }
    assert actual == declared
    assert "HUGEINT" not in set(actual.values())
    for (table, name), data_type in actual.items():
        fractional = (name.endswith(("_rate", "_share", "_rank", "_median", "_per_post",
                                     "_seconds", "_followers"))
                      or name.startswith(("net_sentiment", "share_of_voice"))
                      or name.endswith("net_sentiment")
                      or name in ("csat", "net_promoter_score"))
        if fractional:
            assert data_type == "DOUBLE", (table, name)
        elif name not in ("month_start_date", "brand", "platform", "is_own_brand"):
            assert data_type == "BIGINT", (table, name)
