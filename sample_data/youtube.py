"""youtube_analytics/*: videos with lifetime statistics and the daily channel x video report."""

from __future__ import annotations

import random
import string
from datetime import datetime

from .brands import own_account
from .config import Period
from .followers import FollowerSeries
from .platform_result import PlatformResult
from .posts import Post, caption, live, schedule
from .randomness import stream
from .writers import Sinks

ID_CHARS = string.ascii_letters + string.digits + "-_"
TITLES_FA = ("آموزش دم‌آوری V60", "رست قهوه از نزدیک", "اسپرسو در خانه", "مقایسه آسیاب‌ها")


def _video(rng: random.Random, when: datetime, followers: int) -> Post:
    text, lang, _ = caption(rng)
    title = rng.choice(TITLES_FA) + " | کافه نوا" if lang == "fa" else text[:90]
    views = followers * rng.uniform(0.8, 3.0)
    likes = views * rng.uniform(0.03, 0.06)
    totals = {"views": round(views), "likes": round(likes),
              "dislikes": round(likes * 0.03), "comments": round(likes * rng.uniform(0.05, 0.15)),
              "shares": round(views * rng.uniform(0.004, 0.01))}
    video_id = "".join(rng.choice(ID_CHARS) for _ in range(11))
    post = Post("youtube", video_id, when, "video", title, lang, totals, rng.uniform(4.0, 9.0),
                10**5)
    post.totals["duration_s"] = rng.randint(150, 900)
    return post


def write_youtube(
    sinks: Sinks, seed: int, period: Period, series: FollowerSeries
) -> PlatformResult:
    channel = own_account("youtube").account_id
    posts = [_video(rng, when, series.start)
             for when, rng in schedule(seed, "youtube", period)]
    result = PlatformResult("youtube", posts)
    rng = stream(seed, "youtube", "subscribers")
    report = sinks("youtube_analytics", "channel_basic_a_2")
    lifetime: dict[str, dict[str, int]] = {p.post_id: {} for p in posts}
    for i, day in enumerate(period.days):
        todays = live(posts, day, period)
        gained = _spread(rng, series.adds[i], len(todays))
        lost = _spread(rng, series.removes[i], len(todays))
        for k, p in enumerate(todays):
            row = {m: p.daily(m, day) for m in ("views", "likes", "dislikes", "comments", "shares")}
            duration = p.totals["duration_s"] * 0.45
            report.write(f"channel_basic_a2_{day:%Y-%m-%d}", {
                "channel_id": channel, "video_id": p.post_id, "date": day, **row,
                "subscribers_gained": gained[k], "subscribers_lost": lost[k],
                "watch_time_minutes": round(row["views"] * duration / 60, 2),
                "average_view_duration_seconds": round(duration, 1) if row["views"] else 0.0,
            })
            for m, v in row.items():
                lifetime[p.post_id][m] = lifetime[p.post_id].get(m, 0) + v
    videos = sinks("youtube_analytics", "video")
    for p in posts:
        stats = lifetime[p.post_id]
        p.comment_count = stats.get("comments", 0)
        result.likes += stats.get("likes", 0)
        result.comments += stats.get("comments", 0)
        result.shares += stats.get("shares", 0)
        minutes, seconds = divmod(p.totals["duration_s"], 60)
        videos.write("video", {
            "id": p.post_id, "snippet_channel_id": channel, "snippet_title": p.text,
            "snippet_published_at": p.published,
            "content_details_duration": f"PT{minutes}M{seconds}S",
            "statistics_view_count": stats.get("views", 0),
            "statistics_like_count": stats.get("likes", 0),
            "statistics_comment_count": stats.get("comments", 0),
        })
    result.definitions = {
        "likes": "sum of channel_basic_a_2.likes (daily report) = sum of "
                 "video.statistics_like_count",
        "comments": "sum of channel_basic_a_2.comments",
        "shares": "sum of channel_basic_a_2.shares",
    }
    return result


def _spread(rng: random.Random, total: int, slots: int) -> list[int]:
    """Split ``total`` over ``slots`` (newest videos attract more)."""
    out = [0] * slots
    if slots == 0:
        return out
    weights = [1.0 + k for k in range(slots)]
    for k in rng.choices(range(slots), weights=weights, k=total):
        out[k] += 1
    return out
