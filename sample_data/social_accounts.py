"""social_accounts/*: the brands and their web domains, own and competitor accounts, and
per-account daily figures.

Own accounts' followers equal the connectors' follower counts on the same date; mentions
equal the listening mentions of that brand on that platform that day.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

from .brands import BRANDS, INDUSTRY, Account, accounts
from .config import Period
from .followers import FollowerSeries, competitor_series
from .listening import ListeningResult
from .posts import Post
from .randomness import poisson, stream
from .writers import Sinks


def write_social_accounts(
    sinks: Sinks, seed: int, period: Period, own: dict[str, FollowerSeries],
    posts: list[Post], listening: ListeningResult,
) -> dict[str, FollowerSeries]:
    """Writes the three tables; returns every account's series keyed by
    ``platform:account_id``."""
    rng = stream(seed, "social_accounts")
    brand_sink = sinks("social_accounts", "brands")
    for b in BRANDS:  # one row per brand and web domain; the own domain is the SEO export's
        brand_sink.write("brands", {
            "brand": b.brand, "is_own": b.is_own, "website_domain": b.domain,
            "industry": INDUSTRY,
        })
    all_accounts = accounts()
    acc_sink = sinks("social_accounts", "accounts")
    for a in all_accounts:
        acc_sink.write("accounts", {
            "platform": a.platform, "account_id": a.account_id, "handle": a.handle,
            "display_name": a.display_name, "brand": a.brand.brand, "is_own": a.brand.is_own,
            "industry": INDUSTRY,
        })
    published: Counter[tuple[str, date]] = Counter((p.platform, p.day) for p in posts)
    series: dict[str, FollowerSeries] = {}
    for a in all_accounts:
        key = f"{a.platform}:{a.account_id}"
        series[key] = own[a.platform] if a.brand.is_own else competitor_series(seed, a, period)
    daily = sinks("social_accounts", "daily")
    for i, day in enumerate(period.days):
        for a in all_accounts:
            s = series[f"{a.platform}:{a.account_id}"]
            daily.write(f"daily_{day:%Y-%m}", _row(rng, a, day, i, s, published, listening))
    return series


def _row(
    rng: random.Random, a: Account, day: date, i: int, s: FollowerSeries,
    published: Counter[tuple[str, date]], listening: ListeningResult,
) -> dict[str, object]:
    if a.brand.is_own:
        posts_published = published[(a.platform, day)]
        views: int | None = round(s.followers[i] * 0.012 * rng.uniform(0.7, 1.3))
    else:
        posts_published = poisson(rng, 0.8 * a.brand.size)
        views = None
    return {
        "date": day, "platform": a.platform, "account_id": a.account_id,
        "followers": s.followers[i], "following": a.following + i // 30,
        "posts_published": posts_published,
        "mentions": listening.by_day[(a.brand.key, a.platform, day)], "profile_views": views,
    }
