"""Social figures on hand-made, connector-shaped data (issue 7, sections 1, 3, 4 and 6): two own
Facebook pages of one brand, a LinkedIn page without any account-level feed, share statistics
whose `_fivetran_id` changes on every sync, metrics of posts the posts tables do not hold, a
lifetime snapshot with one reaction column missing, posts published on days without any
account snapshot. (The YouTube report at its real grain: test_youtube_report_grain.py.)

Every expected figure below is worked out by hand from the fixture (the comments show the
arithmetic) or recomputed here from the fixture's rows with plain Python, never read back
from the models under test. One module-scoped build: raw loads and the whole dbt build run
for real through Dagster."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import build_everything, csv_text, failure_message, jsonl_text, write

D2, D3, D4 = date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)
REACTIONS = ("like", "love", "wow", "haha", "sorry", "anger")
TIER_1 = "marts.kpi_tier_1_daily"
TIER_2 = "marts.kpi_tier_2_daily"
TIER_3 = "marts.kpi_tier_3_daily"
POST_DAYS = "intermediate.int_post_daily_metrics_unioned"
ACCOUNT_DAYS = "intermediate.int_account_daily_metrics_unioned"


def _reactions(like: int | None, love: int | None = 0, wow: int | None = 0,
               haha: int | None = 0, sorry: int | None = 0, anger: int | None = 0
               ) -> dict[str, int | None]:
    values = (like, love, wow, haha, sorry, anger)
    return {f"post_reactions_{k}_total": v for k, v in zip(REACTIONS, values, strict=True)}


# ------------------------------------------------------------------ the fixture's rows
ACCOUNTS = """platform,account_id,handle,display_name,brand,is_own,industry
facebook,111,nava,Nava Coffee,Nava,true,coffee
facebook,222,sara.nava,Sara (founder of Nava),Nava,true,coffee
facebook,999,rival,Rival Roasters,Rival,false,coffee
instagram,444,nava,Nava Coffee,Nava,true,coffee
x,555,nava,Nava Coffee,Nava,true,coffee
linkedin,333,nava,Nava Coffee,Nava,true,coffee
youtube,UC1,nava,Nava Coffee,Nava,true,coffee
"""

# No row for LinkedIn, Instagram, X or YouTube; page 111 only on 2 and 4 November.
ACCOUNT_DAILY = """\
date,platform,account_id,followers,following,posts_published,mentions,profile_views
2026-11-02,facebook,111,500,10,1,0,5
2026-11-04,facebook,111,520,10,0,0,5
2026-11-02,facebook,222,80,5,1,0,1
2026-11-02,facebook,999,3000,,2,0,
2026-11-03,facebook,999,3010,,1,0,
"""

FB_POSTS = [
    {"id": "111_1", "page_id": "111", "created_time": "2026-11-02T08:00:00Z",
     "message": "New beans", "share_count": 1, "status_type": "added_photos",
     "is_published": True, "_fivetran_synced": "2026-11-02T18:00:00Z"},
    {"id": "111_1", "page_id": "111", "created_time": "2026-11-02T08:00:00Z",
     "message": "New beans", "share_count": 3, "status_type": "added_photos",
     "is_published": True, "_fivetran_synced": "2026-11-03T18:00:00Z"},
    # published on 3 November: no account snapshot of page 111 that day
    {"id": "111_2", "page_id": "111", "created_time": "2026-11-03T08:00:00Z",
     "message": "Cupping notes", "share_count": 0, "status_type": "added_video",
     "is_published": True, "_fivetran_synced": "2026-11-03T18:00:00Z"},
    {"id": "222_1", "page_id": "222", "created_time": "2026-11-02T09:00:00Z",
     "message": "Why I started Nava", "share_count": 2, "status_type": "mobile_status_update",
     "is_published": True, "_fivetran_synced": "2026-11-02T18:00:00Z"},
]


def _fb_metric(post: str, day: str, views: int, clicks: int,
               reactions: dict[str, int | None]) -> dict[str, Any]:
    return {"post_id": post, "date": day, "post_impressions": None, "post_clicks": clicks,
            "post_media_view": views, "post_video_views": 0, **reactions,
            "_fivetran_synced": f"{day}T18:00:00Z"}


FB_METRICS = [
    _fb_metric("111_1", "2026-11-02", 100, 3, _reactions(5, love=2, wow=3)),
    # the 'wow' column is missing from this snapshot: its reaction total is unknown
    _fb_metric("111_1", "2026-11-03", 150, 4, _reactions(6, love=2, wow=None)),
    _fb_metric("111_1", "2026-11-04", 160, 4, _reactions(7, love=3, wow=3)),
    _fb_metric("111_2", "2026-11-03", 50, 1, _reactions(4, haha=1)),
    _fb_metric("111_2", "2026-11-04", 80, 2, _reactions(6, love=1, haha=1)),
    _fb_metric("222_1", "2026-11-02", 200, 5, _reactions(10, love=1)),
    _fb_metric("222_1", "2026-11-03", 260, 6, _reactions(12, love=1)),
    # a post of page 222 the post_history table does not hold (an orphan)
    _fb_metric("222_9", "2026-11-03", 30, 0, _reactions(3)),
]

FB_PAGE_DAYS = [
    {"page_id": "111", "date": "2026-11-02", "page_fans": 501, "page_fan_adds": 6,
     "page_fan_removes": 1, "_fivetran_synced": "2026-11-02T18:00:00Z"},
]

COMMENTS = [
    {"platform": "facebook", "comment_id": "c1", "post_id": "111_1", "parent_comment_id": None,
     "created_at": "2026-11-03T08:00:00Z", "author_id": "a1", "text": "Lovely", "like_count": 0},
    {"platform": "facebook", "comment_id": "c2", "post_id": "222_1", "parent_comment_id": None,
     "created_at": "2026-11-02T08:00:00Z", "author_id": "a2", "text": "Bravo", "like_count": 0},
    {"platform": "facebook", "comment_id": "c3", "post_id": "222_9", "parent_comment_id": None,
     "created_at": "2026-11-03T08:00:00Z", "author_id": "a3", "text": "Where?", "like_count": 0},
]

IG_USERS = [
    {"id": "444", "username": "nava", "name": "Nava", "followers_count": 1000,
     "follows_count": 10, "media_count": 1, "_fivetran_synced": "2026-11-02T18:00:00Z"},
    {"id": "444", "username": "nava", "name": "Nava", "followers_count": 1010,
     "follows_count": 10, "media_count": 1, "_fivetran_synced": "2026-11-04T18:00:00Z"},
]
IG_MEDIA = [
    {"id": "m1", "user_id": "444", "created_time": "2026-11-02T08:00:00Z", "caption": "Roast",
     "media_type": "IMAGE", "permalink": "https://www.instagram.com/p/m1/", "is_story": False,
     "_fivetran_synced": "2026-11-02T18:00:00Z"},
]


def _ig_insight(media: str, synced: str, likes: int, comments: int, shares: int,
                views: int) -> dict[str, Any]:
    return {"id": media, "like_count": likes, "comment_count": comments,
            "video_photo_shares": shares, "video_photo_views": views,
            "video_photo_reach": views // 2, "_fivetran_synced": synced}


IG_INSIGHTS = [
    _ig_insight("m1", "2026-11-02T18:00:00Z", 5, 1, 1, 100),
    _ig_insight("m1", "2026-11-03T18:00:00Z", 8, 1, 2, 140),
    # media the media_history table does not hold: no account to put it on
    _ig_insight("m9", "2026-11-03T18:00:00Z", 2, 0, 0, 20),
]

X_USERS = [{"id": "555", "screen_name": "nava", "name": "Nava", "followers_count": 200,
            "created_at": "2019-01-01T00:00:00Z", "_fivetran_synced": "2026-11-02T18:00:00Z"}]
X_ACCOUNTS = [{"id": "acc1", "name": "Nava", "updated_at": "2026-11-02T17:00:00Z",
               "_fivetran_synced": "2026-11-02T18:00:00Z"}]
X_TWEETS = [{"id": "t1", "account_id": "acc1", "user_id": "555",
             "created_at": "2026-11-02T08:00:00Z", "full_text": "Hello", "lang": "en",
             "retweet_count": 1, "favorite_count": 3, "_fivetran_synced": "2026-11-03T18:00:00Z"}]


def _x_report(tweet: str, day: str, impressions: int, likes: int, retweets: int,
              replies: int) -> dict[str, Any]:
    return {"account_id": "acc1", "organic_tweet_id": tweet, "date": day,
            "placement": "ALL_ON_TWITTER", "impressions": impressions, "engagements": likes,
            "likes": likes, "retweets": retweets, "replies": replies, "clicks": 0,
            "url_clicks": 0, "follows": 0, "unfollows": 0, "_fivetran_synced": f"{day}T18:00:00Z"}


X_REPORTS = [
    _x_report("t1", "2026-11-02", 30, 2, 1, 1),
    _x_report("t1", "2026-11-03", 10, 1, 0, 0),
    # a tweet the tweet table does not hold; the report names the ads account only
    _x_report("t9", "2026-11-03", 5, 4, 0, 0),
]

LI_ORGANIZATION = [{"id": "333", "localized_name": "Nava", "vanity_name": "nava"}]
LI_POSTS = [{"id": "urn:li:ugcPost:71", "author": "urn:li:organization:333",
             "commentary": "Hiring a roaster", "created_time": "2026-11-02T08:00:00Z",
             "first_published_at": "2026-11-02T08:00:00Z",
             "last_modified_time": "2026-11-02T08:00:00Z", "lifecycle_state": "PUBLISHED",
             "_fivetran_synced": "2026-11-02T18:00:00Z"}]
LI_ORG_POSTS = [{"organization_id": "333", "ugc_post_id": "urn:li:ugcPost:71"}]
# the link table knows the first sync's id only: the connector minted a new one each sync
LI_SHARE_LINKS = [{"share_statistic_id": "a1", "ugc_post_id": "urn:li:ugcPost:71"}]


def _li_statistic(row_id: str, urn: str, synced: str, likes: int, comments: int,
                  shares: int, impressions: int, clicks: int) -> dict[str, Any]:
    return {"_fivetran_id": row_id, "_organization_entity_urn": "urn:li:organization:333",
            "_share_entity_urn": urn, "click_count": clicks, "comment_count": comments,
            "engagement": 0.05, "impression_count": impressions, "like_count": likes,
            "share_count": shares, "_fivetran_synced": synced}


LI_STATISTICS = [
    _li_statistic("a1", "urn:li:ugcPost:71", "2026-11-02T18:00:00Z", 2, 1, 0, 40, 1),
    _li_statistic("a2", "urn:li:ugcPost:71", "2026-11-03T18:00:00Z", 5, 1, 1, 90, 2),
    _li_statistic("a3", "urn:li:ugcPost:71", "2026-11-04T18:00:00Z", 6, 2, 1, 120, 3),
    # a share the post tables do not hold; the organization URN says whose it is
    _li_statistic("b1", "urn:li:share:72", "2026-11-03T18:00:00Z", 4, 0, 0, 25, 0),
]

YT_VIDEOS = [{"id": "v1", "snippet_channel_id": "UC1", "snippet_title": "Roasting day",
              "snippet_published_at": "2026-11-02T08:00:00Z",
              "content_details_duration": "PT5M", "statistics_view_count": 42,
              "statistics_like_count": 4, "statistics_comment_count": 1}]

YT_REPORTS = [
    {"channel_id": "UC1", "video_id": "v1", "date": "2026-11-02", "views": 35, "likes": 3,
     "dislikes": 0, "comments": 1, "shares": 1, "subscribers_gained": 3, "subscribers_lost": 0,
     "watch_time_minutes": 55.0, "average_view_duration_seconds": 94.0},
    {"channel_id": "UC1", "video_id": "v1", "date": "2026-11-03", "views": 7, "likes": 1,
     "dislikes": 0, "comments": 0, "shares": 0, "subscribers_gained": 0, "subscribers_lost": 1,
     "watch_time_minutes": 10.0, "average_view_duration_seconds": 85.0},
]

ORDER_TAGS = json.dumps([{"key": "utm_source", "value": "facebook"},
                         {"key": "utm_medium", "value": "social"}])
ORDERS = [
    # GA4 never saw it: credited by its UTM tags to Organic Social, platform facebook
    {"id": "9001", "name": "#1", "created_at": "2026-11-03T08:00:00Z",
     "processed_at": "2026-11-03T08:00:00Z", "cancelled_at": "", "customer_id": "c1",
     "email": "one@example.com", "currency": "USD", "total_price": "100.00",
     "subtotal_price": "100.00", "total_discounts": "0.00", "total_tax": "0.00",
     "financial_status": "paid", "landing_site_base_url": "https://nava.example/",
     "referring_site": "https://facebook.com/", "source_name": "web",
     "order_url_tags": ORDER_TAGS, "_fivetran_synced": "2026-11-03T08:10:00Z"},
    {"id": "9002", "name": "#2", "created_at": "2026-11-03T09:00:00Z",
     "processed_at": "2026-11-03T09:00:00Z", "cancelled_at": "", "customer_id": "c2",
     "email": "two@example.com", "currency": "USD", "total_price": "50.00",
     "subtotal_price": "50.00", "total_discounts": "0.00", "total_tax": "0.00",
     "financial_status": "paid", "landing_site_base_url": "https://nava.example/",
     "referring_site": "", "source_name": "web", "order_url_tags": "",
     "_fivetran_synced": "2026-11-03T09:10:00Z"},
]
CUSTOMERS = """id,created_at,email,accepts_marketing
c1,2026-11-03T07:50:00Z,one@example.com,false
c2,2026-11-03T08:50:00Z,two@example.com,false
"""
FX_RATES = "date,currency,rate_to_reporting_currency\n2026-11-01,USD,1.0\n"


def _land(landing: Path) -> None:
    files: dict[str, str] = {
        "social_accounts/accounts/accounts.csv": ACCOUNTS,
        "social_accounts/daily/daily.csv": ACCOUNT_DAILY,
        "social_comments/comments/comments.jsonl": jsonl_text(COMMENTS),
        "facebook_pages/post_history/post_history.jsonl": jsonl_text(FB_POSTS),
        "facebook_pages/lifetime_post_metrics_total/metrics.jsonl": jsonl_text(FB_METRICS),
        "facebook_pages/daily_page_metrics_total/pages.jsonl": jsonl_text(FB_PAGE_DAYS),
        "instagram_business/user_history/users.jsonl": jsonl_text(IG_USERS),
        "instagram_business/media_history/media.jsonl": jsonl_text(IG_MEDIA),
        "instagram_business/media_insights/insights.jsonl": jsonl_text(IG_INSIGHTS),
        "twitter_organic/twitter_user_history/users.jsonl": jsonl_text(X_USERS),
        "twitter_organic/account_history/accounts.jsonl": jsonl_text(X_ACCOUNTS),
        "twitter_organic/tweet/tweets.jsonl": jsonl_text(X_TWEETS),
        "twitter_organic/organic_tweet_report/reports.jsonl": jsonl_text(X_REPORTS),
        "linkedin_pages/organization/organization.jsonl": jsonl_text(LI_ORGANIZATION),
        "linkedin_pages/ugc_post_history/posts.jsonl": jsonl_text(LI_POSTS),
        "linkedin_pages/organization_ugc_post/links.jsonl": jsonl_text(LI_ORG_POSTS),
        "linkedin_pages/ugc_post_share_statistic/links.jsonl": jsonl_text(LI_SHARE_LINKS),
        "linkedin_pages/share_statistic/statistics.jsonl": jsonl_text(LI_STATISTICS),
        "youtube_analytics/video/videos.jsonl": jsonl_text(YT_VIDEOS),
        "youtube_analytics/channel_basic_a_2/report.jsonl": jsonl_text(YT_REPORTS),
        "shopify/order/orders.csv": csv_text(ORDERS),
        "shopify/customer/customers.csv": CUSTOMERS,
        "marketing/fx_rates/fx_rates.csv": FX_RATES,
    }
    for relative, text in files.items():
        write(landing, relative, text)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("connector_shapes")
    landing, warehouse = root / "landing", root / "warehouse.duckdb"
    landing.mkdir()
    _land(landing)
    result = build_everything(landing, warehouse)
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con, result
    con.close()


@pytest.fixture(scope="module")
def con(built):
    connection, result = built
    assert result.success, failure_message(result)
    return connection


def _by_day(con, sql: str, params: list[Any] | None = None) -> dict:
    return {tuple(r[:-1]) if len(r) > 2 else r[0]: r[-1]
            for r in con.execute(sql, params or []).fetchall()}


# ------------------------------------------------------------------ 1. several own accounts
def test_the_build_succeeds_with_two_own_facebook_pages(built):
    _, result = built
    assert result.success, failure_message(result)


def test_two_own_facebook_pages_keep_the_account_grain(con):
    rows = {(r[0], r[1]): r[2:] for r in con.execute(
        f"select account_id, metric_date, posts_published, likes, reactions, comments "
        f"from {TIER_1} where platform = 'facebook'").fetchall()}
    # page 111: 111_1 likes 5, 6-5, 7-6; 111_2 likes 4, 6-4. Reactions: 111_1 5+2+3 = 10 on
    # 2 Nov, 3 Nov unknown (wow missing), 7+3+3 = 13 on 4 Nov (13-10 = 3); 111_2 4+1 = 5,
    # 6+1+1 = 8 (8-5 = 3).
    assert rows[("111", D2)] == (1, 5, 10, 0)
    assert rows[("111", D3)] == (1, 1 + 4, 0 + 5, 1)
    assert rows[("111", D4)] == (0, 1 + 2, 3 + 3, 0)
    # page 222: 222_1 likes 10, 12-10; reactions 11, 13-11; orphan 222_9: 3 likes, 3
    # reactions, one comment, all on 3 Nov.
    assert rows[("222", D2)] == (1, 10, 11, 1)
    assert rows[("222", D3)] == (0, 2 + 3, 2 + 3, 1)
    # a quiet day: reported figures are 0, not missing
    assert rows[("222", D4)] == (0, 0, 0, 0)
    assert not any(a == "999" for a, _ in rows)  # the competitor is not an own account


def test_all_rows_sum_every_own_account(con):
    for table, columns in ((TIER_1, ("followers", "posts_published", "likes", "reactions",
                                     "comments", "followers_gained", "followers_lost")),
                           (TIER_2, ("shares", "impressions"))):
        sums = ", ".join(f"sum({c})" for c in columns)
        per_account = {r[0]: r[1:] for r in con.execute(
            f"select metric_date, {sums} from {table} where platform != 'all' "
            f"group by metric_date").fetchall()}
        rollup = {r[0]: r[1:] for r in con.execute(
            f"select metric_date, {', '.join(columns)} from {table} where platform = 'all'"
        ).fetchall()}
        assert rollup == per_account, table
    facebook = _by_day(con, f"select metric_date, sum(likes) from {TIER_1} "
                            f"where platform = 'facebook' group by metric_date")
    assert facebook == {D2: 5 + 10, D3: 5 + 5, D4: 3}


def test_tier_2_shares_and_impressions_per_page(con):
    rows = {(r[0], r[1]): r[2:] for r in con.execute(
        f"select account_id, metric_date, shares, impressions from {TIER_2} "
        f"where platform = 'facebook'").fetchall()}
    # shares from post versions: 111_1 1, 3-1; 111_2 0; 222_1 2. Views: 111_1 100, 50, 10;
    # 111_2 50, 30; 222_1 200, 60; 222_9 30.
    assert rows[("111", D2)] == (1, 100)
    assert rows[("111", D3)] == (2, 50 + 50)
    assert rows[("111", D4)] == (0, 10 + 30)
    assert rows[("222", D2)] == (2, 200)
    assert rows[("222", D3)] == (0, 60 + 30)


def test_tier_3_credits_a_platform_with_several_own_accounts_once(con):
    rows = con.execute(
        f"select platform, account_id, organic_social_orders, social_attributed_orders "
        f"from {TIER_3} where metric_date = ? order by platform, account_id", [D3]).fetchall()
    keys = {(p, a) for p, a, *_ in rows}
    # one facebook row for both pages (attribution knows the platform only); the platforms
    # with one own account keep that account's row
    assert ("facebook", "all") in keys
    assert ("facebook", "111") not in keys and ("facebook", "222") not in keys
    assert {("instagram", "444"), ("x", "555"), ("linkedin", "333"),
            ("youtube", "UC1"), ("all", "all")} <= keys
    credited = {(p, a): (organic, social) for p, a, organic, social in rows}
    assert credited[("facebook", "all")] == (1, 1)
    assert credited[("all", "all")] == (1, 1)
    assert sum(o for (p, _), (o, _) in credited.items() if p != "all") == 1


def test_benchmark_interaction_sums_the_brands_accounts(con):
    row = con.execute(
        "select post_likes, post_comments, post_shares from marts.benchmark_interaction "
        "where brand = 'Nava' and platform = 'facebook' and month_start_date = ?",
        [date(2026, 11, 1)]).fetchone()
    # likes 13 (page 111) + 15 (page 222, orphan included); comments 1 + 2; shares 3 + 2
    assert row == (28, 3, 5)


# ------------------------------------------------------------------ 3. keys at the real grain
def test_one_latest_share_statistic_per_share(con):
    latest = con.execute(
        "select post_id, like_count from staging.stg_linkedin_pages__share_statistics "
        "where is_latest order by post_id").fetchall()
    assert latest == [("71", 6), ("72", 4)]


# ------------------------------------------------------------------ 4. nothing disappears
def test_posts_published_on_a_day_without_an_account_snapshot(con):
    assert _by_day(con, f"select metric_date, posts_published from {TIER_1} "
                        f"where account_id = '111'") == {D2: 1, D3: 1, D4: 0}
    days = con.execute(f"select metric_date from {ACCOUNT_DAYS} where account_id = '111' "
                       f"order by metric_date").fetchall()
    assert [d for (d,) in days] == [D2, D3, D4]


def test_a_platform_without_an_account_feed_reaches_the_marts(con):
    rows = {r[0]: r[1:] for r in con.execute(
        f"select t1.metric_date, t1.posts_published, t1.likes, t1.comments, t2.shares, "
        f"t2.impressions from {TIER_1} as t1 inner join {TIER_2} as t2 "
        f"using (metric_date, platform, account_id) "
        f"where t1.platform = 'linkedin' and t1.account_id = '333'").fetchall()}
    # post 71: likes 2, 5-2, 6-5; comments 1, 0, 1; shares 0, 1, 0; impressions 40, 50, 30.
    # orphan share 72 (organization 333) on 3 Nov: likes 4, impressions 25.
    assert rows == {D2: (1, 2, 1, 0, 40), D3: (0, 3 + 4, 0, 1, 50 + 25), D4: (0, 1, 1, 0, 30)}


def test_orphan_metrics_without_a_known_account_are_reported_as_unmatched(con):
    rows = {(r[0], r[1]): r[2:] for r in con.execute(
        f"select t1.platform, t1.metric_date, t1.likes, t2.impressions from {TIER_1} as t1 "
        f"inner join {TIER_2} as t2 using (metric_date, platform, account_id) "
        f"where t1.account_id = '(unmatched)'").fetchall()}
    # Instagram m9 and tweet t9: no post, no account in the metrics row
    assert {k: v for k, v in rows.items() if v != (0, 0)} == {
        ("instagram", D3): (2, 20), ("x", D3): (4, 5)}


def _latest(records: list[dict[str, Any]], key: str, order: str) -> list[dict[str, Any]]:
    best: dict[str, dict[str, Any]] = {}
    for r in records:
        if r[key] not in best or r[order] > best[r[key]][order]:
            best[r[key]] = r
    return list(best.values())


def _expected_totals() -> dict[str, dict[str, int]]:
    """Per platform, from the fixture's rows: latest lifetime values per natural key (post,
    share URN) summed; daily reports summed."""
    fb = _latest(FB_METRICS, "post_id", "date")
    ig = _latest(IG_INSIGHTS, "id", "_fivetran_synced")
    li = _latest(LI_STATISTICS, "_share_entity_urn", "_fivetran_synced")
    yt = YT_REPORTS
    return {
        "facebook": {"likes": sum(r["post_reactions_like_total"] for r in fb),
                     "comments": sum(c["platform"] == "facebook" for c in COMMENTS),
                     "shares": sum(r["share_count"] for r in _latest(FB_POSTS, "id",
                                                                      "_fivetran_synced")),
                     "impressions": sum(r["post_media_view"] for r in fb)},
        "instagram": {"likes": sum(r["like_count"] for r in ig),
                      "comments": sum(r["comment_count"] for r in ig),
                      "shares": sum(r["video_photo_shares"] for r in ig),
                      "impressions": sum(r["video_photo_views"] for r in ig)},
        "x": {m: sum(r[c] for r in X_REPORTS) for m, c in (
            ("likes", "likes"), ("comments", "replies"), ("shares", "retweets"),
            ("impressions", "impressions"))},
        "linkedin": {m: sum(r[c] for r in li) for m, c in (
            ("likes", "like_count"), ("comments", "comment_count"), ("shares", "share_count"),
            ("impressions", "impression_count"))},
        "youtube": {m: sum(r[m] for r in yt) for m in ("likes", "comments", "shares")},
    }


def test_tier_totals_reconcile_with_the_connector_rows_for_every_platform(con):
    expected = _expected_totals()
    actual: dict[str, dict[str, int | None]] = defaultdict(dict)
    for platform, likes, comments, shares, impressions in con.execute(
        f"select t1.platform, sum(t1.likes), sum(t1.comments), sum(t2.shares), "
        f"sum(t2.impressions) from {TIER_1} as t1 inner join {TIER_2} as t2 "
        f"using (metric_date, platform, account_id) group by t1.platform"
    ).fetchall():
        actual[platform] = {"likes": likes, "comments": comments, "shares": shares,
                            "impressions": impressions}
    for platform, figures in expected.items():
        assert {k: actual[platform][k] for k in figures} == figures, platform
    assert actual["youtube"]["impressions"] is None  # YouTube reports no impressions
    for figure in ("likes", "comments", "shares"):
        assert actual["all"][figure] == sum(e[figure] for e in expected.values()), figure


def test_a_missing_reaction_column_makes_that_snapshot_unknown_not_zero(con):
    reactions = _by_day(con, f"select metric_date, reaction_count from {POST_DAYS} "
                             f"where post_id = '111_1'")
    # 5+2+3 = 10 on 2 Nov; 3 Nov unknown (skipped, like a missing snapshot); 7+3+3 = 13 on 4 Nov
    assert reactions == {D2: 10, D3: None, D4: 3}
    assert con.execute(f"select count(*) from {POST_DAYS} where is_restated").fetchone() == (0,)


# ------------------------------------------------------------------ 6. definitions
def test_facebook_likes_are_the_like_reaction_and_reactions_all_six(con):
    totals = {p: (likes, reactions) for p, likes, reactions in con.execute(
        f"select platform, sum(likes), sum(reactions) from {TIER_1} group by platform"
    ).fetchall()}
    fb = _latest(FB_METRICS, "post_id", "date")
    like_reaction = sum(r["post_reactions_like_total"] for r in fb)  # 7 + 6 + 12 + 3
    all_six = sum(r[f"post_reactions_{k}_total"] or 0 for r in fb for k in REACTIONS)
    assert (like_reaction, all_six) == (28, 37)
    assert totals["facebook"] == (28, 37)
    for platform in ("instagram", "x", "linkedin", "youtube"):
        assert totals[platform][0] == totals[platform][1], platform
    catalog = dict(con.execute(
        "select metric_key, mart_column from marts.metric_catalog "
        "where mart_name = 'kpi_tier_1_daily' and metric_key in ('likes', 'reactions')"
    ).fetchall())
    assert catalog == {"likes": "likes", "reactions": "reactions"}
