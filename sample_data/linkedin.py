"""linkedin_pages/*: organization, post versions, post links and lifetime share statistics.

LinkedIn is the awareness-only channel: investment adds impressions (and followers, see
``followers.py``) but its site sessions never convert.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from .brands import own_account
from .causal import MODEL, adstock
from .clock import sync_time
from .config import Period
from .followers import FollowerSeries
from .platform_result import PlatformResult
from .posts import Post, caption, live, schedule
from .writers import Sinks


def _post(rng: random.Random, when: datetime, n: int, followers: int, boost: float) -> Post:
    text, lang, edited = caption(rng)
    impressions = followers * rng.uniform(0.4, 1.2) + boost
    likes = impressions * rng.uniform(0.01, 0.03)
    totals = {
        "impressions": round(impressions), "clicks": round(impressions * rng.uniform(0.01, 0.03)),
        "likes": round(likes), "comments": round(likes * rng.uniform(0.05, 0.15)),
        "shares": round(likes * rng.uniform(0.03, 0.1)),
    }
    post_id = f"urn:li:ugcPost:{7_200_000_000_000_000_000 + n * 1_000_000_009}"
    return Post("linkedin", post_id, when, "ugc", text, lang, totals, rng.uniform(0.8, 2.0),
                rng.randint(21, 28), edited)


def write_linkedin(
    sinks: Sinks, seed: int, period: Period, series: FollowerSeries, investment: list[float]
) -> tuple[PlatformResult, float]:
    """Returns the result and the impressions the investment added (expected, model)."""
    org_id = own_account("linkedin").account_id
    org_urn = f"urn:li:organization:{org_id}"
    stock = adstock(investment, MODEL.adstock_decay)
    posts: list[Post] = []
    induced = 0.0
    for n, (when, rng) in enumerate(schedule(seed, "linkedin", period)):
        boost = MODEL.li_impressions_per_usd * stock[period.index(when.date())]
        induced += boost
        posts.append(_post(rng, when, n, series.start, boost))
    for p in posts:
        p.comment_count = p.value("comments", p.last_day(period))
    result = PlatformResult("linkedin", posts)
    sinks("linkedin_pages", "organization").write("organization", {
        "id": org_id, "localized_name": "Nava Coffee | کافه نوا", "vanity_name": "navacoffee",
    })
    history, stats = sinks("linkedin_pages", "ugc_post_history"), sinks(
        "linkedin_pages", "share_statistic")
    links, stat_links = sinks("linkedin_pages", "organization_ugc_post"), sinks(
        "linkedin_pages", "ugc_post_share_statistic")
    stat_ids = {p.post_id: f"{int(p.post_id.rsplit(':', 1)[1]) * 31 % 16**16:016x}"
                for p in posts}
    for day in period.days:
        synced = sync_time(day)
        for k, p in enumerate(live(posts, day, period)):
            at = synced + timedelta(seconds=k)
            edited = p.edited_text is not None and day == p.day + timedelta(days=1)
            if day == p.day or edited:
                history.write(f"ugc_post_history_{day:%Y-%m-%d}", {
                    "id": p.post_id, "author": org_urn,
                    "commentary": p.edited_text if edited else p.text,
                    "created_time": p.published, "first_published_at": p.published,
                    "last_modified_time": at - timedelta(hours=2) if edited else p.published,
                    "lifecycle_state": "PUBLISHED", "_fivetran_synced": at,
                })
            if day == p.day:
                links.write(f"organization_ugc_post_{day:%Y-%m}", {
                    "organization_id": org_id, "ugc_post_id": p.post_id})
                stat_links.write(f"ugc_post_share_statistic_{day:%Y-%m}", {
                    "share_statistic_id": stat_ids[p.post_id], "ugc_post_id": p.post_id})
            values = {m: p.value(m, day) for m in ("impressions", "clicks", "likes", "comments",
                                                   "shares")}
            engaged = values["clicks"] + values["likes"] + values["comments"] + values["shares"]
            stats.write(f"share_statistic_{day:%Y-%m-%d}", {
                "_fivetran_id": stat_ids[p.post_id], "_organization_entity_urn": org_urn,
                "_share_entity_urn": p.post_id, "click_count": values["clicks"],
                "comment_count": values["comments"],
                "engagement": round(engaged / values["impressions"], 6)
                if values["impressions"] else 0.0,
                "impression_count": values["impressions"], "like_count": values["likes"],
                "share_count": values["shares"], "_fivetran_synced": at,
            })
            if day == p.last_day(period):
                result.likes += values["likes"]
                result.comments += values["comments"]
                result.shares += values["shares"]
    result.definitions = {
        "likes": "sum over share statistics of like_count in the latest share_statistic row "
                 "per _fivetran_id (max _fivetran_synced)",
        "comments": "same, comment_count", "shares": "same, share_count",
    }
    return result, induced
