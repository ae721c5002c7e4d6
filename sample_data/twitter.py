"""twitter_organic/* (X): account and user versions, tweet versions, daily tweet reports."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from .brands import X_ADS_ACCOUNT_ID, own_account
from .clock import sync_time
from .config import Period
from .followers import FollowerSeries
from .platform_result import PlatformResult
from .posts import Post, caption, live, schedule, version_days
from .writers import Sinks

METRICS = ("impressions", "engagements", "likes", "retweets", "replies", "clicks", "url_clicks",
           "follows")


def _tweet(rng: random.Random, when: datetime, n: int, followers: int) -> Post:
    text, lang, _ = caption(rng)
    impressions = followers * rng.uniform(0.3, 1.2)
    engagements = impressions * rng.uniform(0.01, 0.04)
    likes = engagements * rng.uniform(0.3, 0.5)
    clicks = engagements * rng.uniform(0.2, 0.35)
    totals = {
        "impressions": round(impressions), "engagements": round(engagements),
        "likes": round(likes), "retweets": round(likes * rng.uniform(0.1, 0.3)),
        "replies": round(likes * rng.uniform(0.05, 0.2)), "clicks": round(clicks),
        "url_clicks": round(clicks * 0.4), "follows": round(engagements * 0.01),
    }
    tweet_id = str(1_850_000_000_000_000_000 + n * 1_000_000_007)
    return Post("x", tweet_id, when, "tweet", text[:280], lang, totals, rng.uniform(0.2, 0.6),
                rng.randint(14, 21))


def write_twitter(
    sinks: Sinks, seed: int, period: Period, series: FollowerSeries
) -> PlatformResult:
    user_id = own_account("x").account_id
    posts = [_tweet(rng, when, n, series.start)
             for n, (when, rng) in enumerate(schedule(seed, "x", period))]
    for p in posts:
        p.comment_count = p.value("replies", p.last_day(period))
    result = PlatformResult("x", posts)
    tweets, report = sinks("twitter_organic", "tweet"), sinks("twitter_organic",
                                                                "organic_tweet_report")
    users, accounts = sinks("twitter_organic", "twitter_user_history"), sinks(
        "twitter_organic", "account_history")
    versions = {p.post_id: version_days(p, period) for p in posts}
    for i, day in enumerate(period.days):
        synced = sync_time(day)
        for k, p in enumerate(live(posts, day, period)):
            at = synced + timedelta(seconds=k)
            row = {m: p.daily(m, day) for m in METRICS}
            report.write(f"organic_tweet_report_{day:%Y-%m-%d}", {
                "account_id": X_ADS_ACCOUNT_ID, "organic_tweet_id": p.post_id, "date": day,
                "placement": "ALL_ON_TWITTER", **row, "unfollows": 0, "_fivetran_synced": at,
            })
            result.likes += row["likes"]
            result.comments += row["replies"]
            result.shares += row["retweets"]
            if day - p.day <= timedelta(days=1):
                report.write(f"organic_tweet_report_{day:%Y-%m-%d}", {
                    "account_id": X_ADS_ACCOUNT_ID, "organic_tweet_id": p.post_id, "date": day,
                    "placement": "PUBLISHER_NETWORK", "impressions": row["impressions"] // 12,
                    "engagements": 0, "likes": 0, "retweets": 0, "replies": 0, "clicks": 0,
                    "url_clicks": 0, "follows": 0, "unfollows": 0, "_fivetran_synced": at,
                })
            if day in versions[p.post_id]:
                tweets.write(f"tweet_{day:%Y-%m-%d}", {
                    "id": p.post_id, "account_id": X_ADS_ACCOUNT_ID, "user_id": user_id,
                    "created_at": p.published, "full_text": p.text, "lang": p.lang,
                    "retweet_count": p.value("retweets", day),
                    "favorite_count": p.value("likes", day), "_fivetran_synced": at,
                })
        users.write(f"twitter_user_history_{day:%Y-%m}", {
            "id": user_id, "screen_name": "navacoffee", "name": "Nava Coffee کافه نوا",
            "followers_count": series.followers[i],
            "created_at": datetime(2019, 3, 14, 9, 30, tzinfo=synced.tzinfo),
            "_fivetran_synced": synced,
        })
        if i == 0 or day == period.end:
            accounts.write(f"account_history_{day:%Y-%m-%d}", {
                "id": X_ADS_ACCOUNT_ID, "name": "Nava Coffee" if i == 0 else "Nava Coffee Ads",
                "updated_at": synced - timedelta(hours=1), "_fivetran_synced": synced,
            })
    result.definitions = {
        "likes": "sum of organic_tweet_report.likes over all dates and placements (daily "
                 "report, not lifetime) = sum of the latest tweet.favorite_count per tweet",
        "comments": "sum of organic_tweet_report.replies",
        "shares": "sum of organic_tweet_report.retweets",
    }
    return result
