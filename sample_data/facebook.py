"""facebook_pages/*: page versions, post history, lifetime post metrics, daily page metrics."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from .brands import own_account
from .clock import sync_time
from .config import Period
from .followers import FollowerSeries
from .platform_result import PlatformResult
from .posts import Post, caption, live, schedule, version_days
from .writers import Sinks, TableSink

IMPRESSIONS_END = date(2025, 11, 15)  # Meta stopped filling post_impressions* in Nov 2025
REACTIONS = (("like", 0.72), ("love", 0.16), ("wow", 0.04), ("haha", 0.04), ("sorry", 0.02),
             ("anger", 0.02))


def _post(rng: random.Random, when: datetime, n: int, followers: int) -> Post:
    page_id = own_account("facebook").account_id
    text, lang, edited = caption(rng)
    kind = rng.choices(["added_photos", "added_video", "mobile_status_update"], [6, 2, 2])[0]
    reach = followers * rng.uniform(0.05, 0.2)
    impressions = reach * rng.uniform(1.1, 1.5)
    engaged = reach * rng.uniform(0.03, 0.07)
    totals = {
        "impressions": round(impressions), "media_view": round(impressions * rng.uniform(1, 1.3)),
        "engaged": round(engaged), "clicks": round(engaged * rng.uniform(0.3, 0.6)),
        "video_views": round(reach * rng.uniform(0.2, 0.5)) if kind == "added_video" else 0,
        "shares": round(engaged * rng.uniform(0.03, 0.1)),
    }
    for name, share in REACTIONS:
        totals[name] = round(engaged * share * rng.uniform(0.6, 1.0))
    post = Post("facebook", f"{page_id}_{1000000 + n * 7919}", when, kind, text, lang, totals,
                rng.uniform(0.6, 1.6), rng.randint(14, 28), edited)
    post.comment_count = round(engaged * rng.uniform(0.04, 0.12))
    return post


def write_facebook(
    sinks: Sinks, seed: int, period: Period, series: FollowerSeries
) -> PlatformResult:
    page_id = own_account("facebook").account_id
    posts = [
        _post(rng, when, n, series.start) for n, (when, rng) in
        enumerate(schedule(seed, "facebook", period))
    ]
    result = PlatformResult("facebook", posts)
    history, lifetime = sinks("facebook_pages", "post_history"), sinks(
        "facebook_pages", "lifetime_post_metrics_total")
    page = sinks("facebook_pages", "page")
    daily = sinks("facebook_pages", "daily_page_metrics_total")
    versions = {p.post_id: version_days(p, period) for p in posts}
    for i, day in enumerate(period.days):
        synced = sync_time(day)
        todays = live(posts, day, period)
        for k, p in enumerate(todays):
            _lifetime_row(lifetime, p, day, synced + timedelta(seconds=k))
            if day in versions[p.post_id]:
                edited = p.edited_text is not None and day > p.day
                history.write(f"post_history_{day:%Y-%m-%d}", {
                    "id": p.post_id, "page_id": page_id, "created_time": p.published,
                    "updated_time": synced - timedelta(hours=3) if edited else p.published,
                    "message": p.edited_text if edited else p.text,
                    "share_count": p.value("shares", day), "status_type": p.kind,
                    "is_published": True, "_fivetran_synced": synced + timedelta(seconds=k),
                })
        engagements = sum(p.daily("engaged", day) for p in todays)
        media_view = sum(p.daily("media_view", day) for p in todays)
        daily.write(f"daily_page_metrics_{day:%Y-%m}", {
            "page_id": page_id, "date": day, "page_fans": series.followers[i],
            "page_fan_adds": series.adds[i], "page_fan_removes": series.removes[i],
            "page_impressions": media_view + round(series.followers[i] * 0.02),
            "page_media_view": media_view + round(series.followers[i] * 0.025),
            "page_post_engagements": engagements,
            "page_views_total": 40 + engagements // 3 + i % 7, "_fivetran_synced": synced,
        })
        page.write(f"page_{day:%Y-%m}", {
            "id": page_id, "name": "Nava Coffee | کافه نوا", "fan_count": series.followers[i],
            "talking_about_count": engagements + 25, "overall_star_rating": 4.6,
            "rating_count": 310 + i // 5, "_fivetran_synced": synced,
        })
    for p in posts:
        last = p.last_day(period)
        result.likes += p.value("like", last)
        result.shares += p.value("shares", last)
        result.comments += p.comment_count
    result.definitions = {
        "likes": "sum over posts of the latest post_reactions_like_total (lifetime_post_metrics_"
                 "total, latest date/_fivetran_synced per post_id)",
        "comments": "count of social_comments rows with platform = 'facebook'",
        "shares": "sum over posts of share_count of the latest post_history version",
    }
    return result


def _lifetime_row(sink: TableSink, p: Post, day: date, synced: datetime) -> None:
    old = day < IMPRESSIONS_END
    impressions = p.value("impressions", day)
    row = {
        "post_id": p.post_id, "date": day,
        "post_impressions": impressions if old else None,
        "post_impressions_organic": round(impressions * 0.8) if old else None,
        "post_impressions_paid": impressions - round(impressions * 0.8) if old else None,
        "post_engaged_users": p.value("engaged", day), "post_clicks": p.value("clicks", day),
        "post_media_view": p.value("media_view", day),
        "post_video_views": p.value("video_views", day),
        "_fivetran_synced": synced,
    }
    for name, _ in REACTIONS:
        row[f"post_reactions_{name}_total"] = p.value(name, day)
    sink.write(f"lifetime_post_metrics_{day:%Y-%m-%d}", row)
