"""instagram_business/*: account versions, media history and lifetime media insights.

One feed post gets a restated snapshot: its like_count drops (spam likes removed) and stays
corrected afterwards; the generator reports which one.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from .brands import own_account
from .clock import sync_time
from .config import Period
from .followers import FollowerSeries
from .platform_result import PlatformResult
from .posts import STORIES_PER_DAY, Post, caption, live, schedule
from .writers import Sinks

PREFIX = {"IMAGE": "video_photo", "VIDEO": "reel", "CAROUSEL_ALBUM": "carousel_album"}
INSIGHT_COLUMNS = (
    "like_count", "comment_count", "video_photo_reach", "video_photo_shares",
    "video_photo_saved", "video_photo_views", "reel_reach", "reel_shares", "reel_views",
    "reel_likes", "reel_comments", "carousel_album_reach", "carousel_album_shares",
    "carousel_album_saved", "carousel_album_views", "story_reach", "story_views",
    "story_shares", "story_replies",
)


def _feed(rng: random.Random, when: datetime, n: int, followers: int) -> Post:
    text, lang, edited = caption(rng)
    kind = rng.choices(["IMAGE", "CAROUSEL_ALBUM", "VIDEO"], [4, 3, 3])[0]
    reach = followers * rng.uniform(0.12, 0.3) * (1.6 if kind == "VIDEO" else 1.0)
    likes = reach * rng.uniform(0.04, 0.09)
    totals = {
        "reach": round(reach), "like": round(likes),
        "comment": round(likes * rng.uniform(0.02, 0.06)),
        "shares": round(reach * rng.uniform(0.003, 0.01)),
        "saved": round(reach * rng.uniform(0.005, 0.02)),
        "views": round(reach * rng.uniform(1.2, 2.0)),
    }
    post_id = str(17_900_000_000_000_000 + n * 1_000_003)
    return Post("instagram", post_id, when, kind, text, lang, totals, rng.uniform(0.5, 1.5),
                rng.randint(14, 28), edited)


def _story(rng: random.Random, when: datetime, n: int, followers: int) -> Post:
    reach = followers * rng.uniform(0.03, 0.08)
    totals = {"reach": round(reach), "views": round(reach * rng.uniform(1.1, 1.4)),
              "shares": round(reach * rng.uniform(0.001, 0.004)),
              "replies": round(reach * rng.uniform(0.001, 0.006))}
    post_id = str(17_910_000_000_000_000 + n * 1_000_003)
    kind = rng.choice(["IMAGE", "VIDEO"])
    return Post("instagram", post_id, when, f"STORY_{kind}", "", "", totals, 0.2, 1)


def _insights(p: Post, day: date) -> dict[str, Any]:
    row: dict[str, Any] = {"id": p.post_id}
    if p.kind.startswith("STORY"):
        row.update(story_reach=p.value("reach", day), story_views=p.value("views", day),
                   story_shares=p.value("shares", day), story_replies=p.value("replies", day))
        return row
    prefix = PREFIX[p.kind]
    row.update({"like_count": p.value("like", day), "comment_count": p.value("comment", day),
                f"{prefix}_reach": p.value("reach", day),
                f"{prefix}_shares": p.value("shares", day),
                f"{prefix}_views": p.value("views", day)})
    if prefix != "reel":
        row[f"{prefix}_saved"] = p.value("saved", day)
    else:
        row.update(reel_likes=row["like_count"], reel_comments=row["comment_count"])
    return row


def _shares(row: dict[str, Any]) -> int:
    return sum(int(row.get(c) or 0) for c in
               ("video_photo_shares", "reel_shares", "carousel_album_shares", "story_shares"))


def _restate(posts: list[Post], period: Period) -> dict[str, Any] | None:
    for p in posts:
        days = p.snapshot_days(period)
        if p.kind.startswith("STORY") or len(days) < 3:
            continue
        r = min(5, len(days) - 1)
        before, now = p.value("like", days[r - 1]), p.value("like", days[r])
        delta = (now - before) + max(1, round(before * 0.1))
        p.adjustments["like"] = [(days[r], delta)]
        return {
            "platform": "instagram", "table": "instagram_business.media_insights",
            "id": p.post_id, "column": "like_count", "restated_on": days[r].isoformat(),
            "_fivetran_synced": sync_time(days[r]).isoformat(),
            "value_before": before, "value_after": p.value("like", days[r]),
            "final_value": p.value("like", days[-1]),
            "reason": "spam likes removed; lifetime value corrected downward",
        }
    return None


def write_instagram(
    sinks: Sinks, seed: int, period: Period, series: FollowerSeries
) -> PlatformResult:
    user_id = own_account("instagram").account_id
    feed = [_feed(rng, when, n, series.start)
            for n, (when, rng) in enumerate(schedule(seed, "instagram", period))]
    stories = [_story(rng, when, n, series.start) for n, (when, rng) in
               enumerate(schedule(seed, "instagram", period, STORIES_PER_DAY, "story"))]
    for p in feed:
        p.comment_count = p.value("comment", p.last_day(period))
    result = PlatformResult("instagram", feed + stories, restated=_restate(feed, period))
    posts = sorted(feed + stories, key=lambda p: (p.published, p.post_id))
    users, media = sinks("instagram_business", "user_history"), sinks(
        "instagram_business", "media_history")
    insights = sinks("instagram_business", "media_insights")
    media_count = 640
    for i, day in enumerate(period.days):
        synced = sync_time(day)
        for k, p in enumerate(live(posts, day, period)):
            row = _insights(p, day)
            row["_fivetran_synced"] = synced + timedelta(seconds=k)
            insights.write(f"media_insights_{day:%Y-%m-%d}", row)
            if day == p.last_day(period):
                result.likes += int(row.get("like_count") or 0)
                result.comments += int(row.get("comment_count") or 0)
                result.shares += _shares(row)
            is_story = p.kind.startswith("STORY")
            if day == p.day or (p.edited_text and day == p.day + timedelta(days=1)):
                media_count += 1 if day == p.day else 0
                shortcode = format(int(p.post_id) % 10**11, "x")
                where = "stories/navacoffee" if is_story else "p"
                media.write(f"media_history_{day:%Y-%m-%d}", {
                    "id": p.post_id, "user_id": user_id, "created_time": p.published,
                    "caption": (p.edited_text if day > p.day else p.text) or None,
                    "media_type": p.kind.removeprefix("STORY_"),
                    "permalink": f"https://www.instagram.com/{where}/{shortcode}/",
                    "is_story": is_story, "_fivetran_synced": synced + timedelta(seconds=k),
                })
        users.write(f"user_history_{day:%Y-%m}", {
            "id": user_id, "username": "navacoffee", "name": "Nava Coffee | کافه نوا",
            "followers_count": series.followers[i], "follows_count": 312,
            "media_count": media_count, "_fivetran_synced": synced,
        })
    result.definitions = {
        "likes": "sum over media of like_count in the latest media_insights row per id "
                 "(max _fivetran_synced); stories have none",
        "comments": "sum over media of comment_count in the latest media_insights row per id",
        "shares": "sum over media of video_photo_shares + reel_shares + carousel_album_shares + "
                  "story_shares in the latest media_insights row per id (nulls as 0)",
    }
    return result
