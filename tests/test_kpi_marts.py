"""KPI tier 1 and tier 2 marts against the landing files: every expected figure is computed
here from the JSON-lines and CSV files with the standard library (or read from
_ground_truth.json where the definition is the same), never read back from the warehouse's
own intermediate models."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from tests.landing_files import csv_rows, latest
from tests.landing_files import jsonl_rows as rows
from tests.test_web_models import _is_engaged, _param, _session_start, _sessions

TIER_1 = "marts.kpi_tier_1_daily"
TIER_2 = "marts.kpi_tier_2_daily"
PLATFORMS = ("facebook", "instagram", "x", "linkedin", "youtube")
REACTIONS = ("like", "love", "wow", "haha", "sorry", "anger")
TEHRAN = timezone(timedelta(hours=3, minutes=30))  # ground truth: UTC+03:30, no DST
DBT_PROJECT_YML = Path(__file__).resolve().parents[1] / "dbt_project" / "dbt_project.yml"


def local_date(timestamp: str) -> date:
    return datetime.fromisoformat(timestamp).astimezone(TEHRAN).date()


def instagram_likes(record: dict) -> int | None:
    """like_count, reel_likes where like_count is missing (the social models' mapping)."""
    return record["like_count"] if record["like_count"] is not None else record["reel_likes"]


def linkedin_latest(landing: Path) -> dict[str, dict[str, Any]]:
    """The latest share statistic per share (its URN, or the post the link table names when the
    URN is missing): the natural key, never the connector's row id."""
    links = {r["share_statistic_id"]: r["ugc_post_id"]
             for r in rows(landing, "linkedin_pages", "ugc_post_share_statistic")}
    keyed = [{**r, "share": r["_share_entity_urn"] or links.get(r["_fivetran_id"])
              or r["_fivetran_id"]}
             for r in rows(landing, "linkedin_pages", "share_statistic")]
    return latest(keyed, "share")


def lifetime_totals(landing: Path) -> dict[str, dict[str, int | None]]:
    """Per own platform, likes / reactions / comments / shares / impressions over the period:
    the latest lifetime value of every post summed (daily reports summed where the platform
    reports daily). Facebook likes are the 'like' reaction, reactions all six."""
    facebook = latest(rows(landing, "facebook_pages", "lifetime_post_metrics_total"), "post_id",
                      ("date", "_fivetran_synced"))
    facebook_versions = latest(rows(landing, "facebook_pages", "post_history"), "id")
    instagram = latest(rows(landing, "instagram_business", "media_insights"), "id")
    linkedin = linkedin_latest(landing)
    tweets = latest(rows(landing, "twitter_organic", "tweet"), "id")
    tweet_reports = rows(landing, "twitter_organic", "organic_tweet_report")
    videos = rows(landing, "youtube_analytics", "video")
    video_reports = rows(landing, "youtube_analytics", "channel_basic_a_2")
    families = ("video_photo", "reel", "carousel_album", "story")
    instagram_likes_total = sum(instagram_likes(r) or 0 for r in instagram.values())
    return {
        "facebook": {
            "likes": sum(r["post_reactions_like_total"] for r in facebook.values()),
            "reactions": sum(r[f"post_reactions_{k}_total"] for r in facebook.values()
                             for k in REACTIONS),
            "comments": sum(c["platform"] == "facebook"
                            for c in rows(landing, "social_comments", "comments")),
            "shares": sum(r["share_count"] or 0 for r in facebook_versions.values()),
            "impressions": sum(r["post_media_view"] if r["post_media_view"] is not None
                               else r["post_impressions"] for r in facebook.values()),
        },
        "instagram": {
            "likes": instagram_likes_total,
            "reactions": instagram_likes_total,
            "comments": sum((r["comment_count"] if r["comment_count"] is not None
                             else r["reel_comments"]) or 0 for r in instagram.values()),
            "shares": sum(r[f"{f}_shares"] or 0 for r in instagram.values() for f in families),
            "impressions": sum(r[f"{f}_views"] or 0 for r in instagram.values()
                               for f in families),
        },
        "x": {
            "likes": sum(r["favorite_count"] for r in tweets.values()),
            "reactions": sum(r["favorite_count"] for r in tweets.values()),
            "comments": sum(r["replies"] for r in tweet_reports),
            "shares": sum(r["retweets"] for r in tweet_reports),
            "impressions": sum(r["impressions"] for r in tweet_reports),
        },
        "linkedin": {
            "likes": sum(r["like_count"] for r in linkedin.values()),
            "reactions": sum(r["like_count"] for r in linkedin.values()),
            "comments": sum(r["comment_count"] for r in linkedin.values()),
            "shares": sum(r["share_count"] for r in linkedin.values()),
            "impressions": sum(r["impression_count"] for r in linkedin.values()),
        },
        "youtube": {
            "likes": sum(r["statistics_like_count"] for r in videos),
            "reactions": sum(r["statistics_like_count"] for r in videos),
            "comments": sum(r["comments"] for r in video_reports),
            "shares": sum(r["shares"] for r in video_reports),
            "impressions": None,  # YouTube reports no impressions
        },
    }


def period_sums(con, table: str, columns: tuple[str, ...]) -> dict[str, tuple]:
    select = ", ".join(f"sum({c})" for c in columns)
    return {p: tuple(v) for p, *v in con.execute(
        f"select platform, {select} from {table} group by platform").fetchall()}


def test_tier_totals_over_the_period_equal_latest_lifetime_values(pipeline):
    """For every platform, likes, reactions, comments, shares and impressions summed in the
    tier marts equal the latest lifetime values of the landing files (daily reports summed)."""
    landing, con, truth, _ = pipeline
    expected = lifetime_totals(landing)
    tier_1 = period_sums(con, TIER_1, ("likes", "reactions", "comments"))
    tier_2 = period_sums(con, TIER_2, ("shares", "impressions"))
    for platform in PLATFORMS:
        e = expected[platform]
        assert tier_1[platform] == (e["likes"], e["reactions"], e["comments"]), platform
        assert tier_2[platform] == (e["shares"], e["impressions"]), platform
    assert tier_1["all"] == tuple(sum(e[k] for e in expected.values())
                                  for k in ("likes", "reactions", "comments"))
    assert tier_2["all"] == (sum(e["shares"] for e in expected.values()),
                             sum(e["impressions"] or 0 for e in expected.values()))
    # The ground truth's definitions are the same: Facebook likes count the 'like' reaction
    # only, as the mart's likes do; all six reactions are more.
    engagement = truth["headline"]["engagement"]
    for platform in PLATFORMS:
        for figure in ("likes", "comments", "shares"):
            assert expected[platform][figure] == engagement[platform][figure], (platform, figure)
    assert expected["facebook"]["reactions"] > expected["facebook"]["likes"]


def test_restated_snapshot_lowers_that_days_likes(pipeline):
    """Instagram likes per day = the day's last lifetime snapshot minus the previous one,
    summed over media: the restated (lowered) snapshot's negative delta is in its day."""
    landing, con, truth, _ = pipeline
    last_of_day: dict[tuple[str, date], tuple[str, int]] = {}
    for r in rows(landing, "instagram_business", "media_insights"):
        likes = instagram_likes(r)
        if likes is None:
            continue
        key = (r["id"], local_date(r["_fivetran_synced"]))
        if key not in last_of_day or r["_fivetran_synced"] > last_of_day[key][0]:
            last_of_day[key] = (r["_fivetran_synced"], likes)
    per_day: dict[date, int] = defaultdict(int)
    deltas: dict[tuple[str, date], int] = {}
    previous: dict[str, int] = {}
    for (media, day), (_, likes) in sorted(last_of_day.items()):
        deltas[(media, day)] = likes - previous.get(media, 0)
        per_day[day] += deltas[(media, day)]
        previous[media] = likes
    actual = dict(con.execute(
        f"select metric_date, likes from {TIER_1} where platform = 'instagram'").fetchall())
    assert {d: v for d, v in actual.items() if v} == {d: v for d, v in per_day.items() if v}
    restated = truth["restated_snapshot"]
    restated_day = date.fromisoformat(restated["restated_on"])
    assert deltas[(restated["id"], restated_day)] == (
        restated["value_after"] - restated["value_before"]) < 0


def own_accounts(landing: Path) -> set[tuple[str, str]]:
    return {(r["platform"], r["account_id"])
            for r in csv_rows(landing, "social_accounts", "accounts") if r["is_own"] == "true"}


def test_followers_at_end_date(pipeline):
    landing, con, truth, _ = pipeline
    own = own_accounts(landing)
    end_date = truth["generator"]["end_date"]
    from_files = {r["platform"]: int(r["followers"])
                  for r in csv_rows(landing, "social_accounts", "daily")
                  if r["date"] == end_date and (r["platform"], r["account_id"]) in own}
    actual = dict(con.execute(
        f"select platform, followers from {TIER_1} where metric_date = cast(? as date)",
        [end_date]).fetchall())
    headline = {p: f["followers_at_end"] for p, f in truth["headline"]["followers"].items()}
    assert from_files == headline
    assert {p: v for p, v in actual.items() if p != "all"} == headline
    assert actual["all"] == sum(headline.values())


def content_pattern() -> re.Pattern[str]:
    return re.compile(yaml.safe_load(DBT_PROJECT_YML.read_text())["vars"]["content_page_pattern"])


def test_search_engine_referrals_through_own_content(pipeline):
    landing, con, truth, _ = pipeline
    pattern = content_pattern()
    sessions = blog = engaged = 0
    for events in _sessions(landing).values():
        start = _session_start(events)
        if start is None or _param(start, "medium") != "organic":
            continue
        path = urlsplit(_param(start, "page_location") or "").path
        blog += path.startswith("/blog/")
        if pattern.search(path):
            sessions += 1
            engaged += _is_engaged(events)
    # headline: sessions whose session_start has medium 'organic' and a path under /blog/;
    # the only own-content pages of the sample are blog posts, so the figures coincide.
    assert blog == sessions == truth["headline"]["ga4"]["organic_search_blog_sessions"]["value"]
    assert con.execute(
        f"select sum(search_content_sessions), sum(engaged_search_content_sessions) "
        f"from {TIER_2} where platform = 'all'").fetchone() == (sessions, engaged)
    # Not a social platform's figure: NULL on every platform row.
    assert con.execute(
        f"select count(search_content_sessions) + count(engaged_search_content_sessions) "
        f"+ count(engaged_search_content_session_share) from {TIER_2} "
        f"where platform != 'all'").fetchone() == (0,)


def test_every_date_for_every_own_account_plus_an_all_row(pipeline):
    landing, con, truth, _ = pipeline
    own = own_accounts(landing)
    start = date.fromisoformat(truth["generator"]["start_date"])
    days = [start + timedelta(days=i) for i in range(truth["generator"]["days"])]
    expected = {(d, p, a) for d in days for p, a in own | {("all", "all")}}
    for table in (TIER_1, TIER_2):
        keys = con.execute(f"select metric_date, platform, account_id from {table}").fetchall()
        assert len(keys) == len(set(keys)) and set(keys) == expected, table
    # a day without posts: 0 posts and NULL per-post rates
    no_post_days = con.execute(
        f"select count(*), count(conversation_rate), count(applause_rate) from {TIER_1} "
        f"where posts_published = 0").fetchone()
    assert no_post_days[0] > 0 and no_post_days[1:] == (0, 0)


def _ratio(numerator: list[Any], denominator: list[Any]) -> float | None:
    """Ratio of sums over the rows where both figures are known (NULL on a zero sum)."""
    pairs = [(n, d) for n, d in zip(numerator, denominator, strict=True)
             if n is not None and d is not None]
    total = sum(d for _, d in pairs)
    return sum(n for n, _ in pairs) / total if total else None


def split_rollup(records: list[tuple]) -> tuple[dict[date, tuple], dict[date, list[tuple]]]:
    """(`all` row per date, platform rows per date) of (metric_date, platform, ...) rows."""
    rollup: dict[date, tuple] = {}
    platform_rows: dict[date, list[tuple]] = defaultdict(list)
    for r in records:
        if r[1] == "all":
            rollup[r[0]] = r
        else:
            platform_rows[r[0]].append(r)
    return rollup, platform_rows


def test_all_rows_recompute_rates_from_summed_figures(pipeline):
    _, con, _, _ = pipeline
    tier_1 = con.execute(
        f"select metric_date, platform, followers, net_follower_change, followers_at_day_start, "
        f"posts_published, likes, comments, conversation_rate, applause_rate, "
        f"audience_growth_rate from {TIER_1}").fetchall()
    tier_2 = con.execute(
        f"select metric_date, platform, posts_published, shares, impressions, "
        f"amplification_rate, virality_rate from {TIER_2}").fetchall()
    rollup, by_day = split_rollup(tier_1)
    for day, platform_rows in by_day.items():
        cols = list(zip(*platform_rows, strict=True))
        _, _, followers, net, start, posts, likes, comments, *_ = cols
        row = rollup[day]
        assert row[2] == sum(followers) and row[5] == sum(posts)
        assert row[6] == sum(likes) and row[7] == sum(comments)
        assert row[8] == pytest.approx(_ratio(list(comments), list(posts)))
        assert row[9] == pytest.approx(_ratio(list(likes), list(posts)))
        assert row[10] == pytest.approx(_ratio(list(net), list(start)))
    rollup_2, by_day_2 = split_rollup(tier_2)
    for day, platform_rows in by_day_2.items():
        _, _, posts, shares, impressions, *_ = list(zip(*platform_rows, strict=True))
        row = rollup_2[day]
        assert row[3] == sum(shares)
        assert row[4] == sum(i for i in impressions if i is not None)
        assert row[5] == pytest.approx(_ratio(list(shares), list(posts)))
        assert row[6] == pytest.approx(_ratio(list(shares), list(impressions)))


EXPECTED_TYPES = {
    TIER_1: {
        "metric_date": "DATE", "platform": "VARCHAR", "account_id": "VARCHAR",
        "brand": "VARCHAR", "jalali_date": "VARCHAR", "followers": "BIGINT",
        "followers_gained": "BIGINT", "followers_lost": "BIGINT",
        "net_follower_change": "BIGINT", "followers_at_day_start": "BIGINT",
        "posts_published": "BIGINT", "likes": "BIGINT", "reactions": "BIGINT",
        "comments": "BIGINT",
        "conversation_rate": "DOUBLE", "applause_rate": "DOUBLE",
        "audience_growth_rate": "DOUBLE",
    },
    TIER_2: {
        "metric_date": "DATE", "platform": "VARCHAR", "account_id": "VARCHAR",
        "brand": "VARCHAR", "jalali_date": "VARCHAR", "posts_published": "BIGINT",
        "shares": "BIGINT", "impressions": "BIGINT", "search_content_sessions": "BIGINT",
        "engaged_search_content_sessions": "BIGINT", "amplification_rate": "DOUBLE",
        "virality_rate": "DOUBLE", "engaged_search_content_session_share": "DOUBLE",
    },
}


@pytest.mark.parametrize("table", [TIER_1, TIER_2])
def test_column_types_are_what_bi_tools_read(pipeline, table):
    _, con, _, _ = pipeline
    schema, name = table.split(".")
    actual = dict(con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ?", [schema, name]).fetchall())
    assert actual == EXPECTED_TYPES[table]


def test_jalali_date_labels(pipeline):
    _, con, _, _ = pipeline
    # 2026-10-28 .. 2026-10-31 are 6 .. 9 Aban 1405 (Aban is the 8th month; 1 Aban 1405 is
    # 2026-10-23: Farvardin 1 = 2026-03-21, six 31-day months and one 30-day month later).
    labels = dict(con.execute(
        f"select distinct metric_date, jalali_date from {TIER_1}").fetchall())
    assert labels == {date(2026, 10, 28) + timedelta(days=i): f"1405-08-0{6 + i}"
                      for i in range(4)}
