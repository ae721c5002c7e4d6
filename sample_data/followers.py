"""Follower series: own accounts (LinkedIn responds to investment) and competitors."""

from __future__ import annotations

from dataclasses import dataclass

from .brands import Account
from .causal import MODEL, adstock
from .clock import traffic_factor
from .config import Period
from .randomness import poisson, stream

BASE_ADDS = {"facebook": 6.0, "instagram": 38.0, "x": 3.0, "linkedin": 2.0, "youtube": 4.0}
BASE_REMOVES = {"facebook": 3.0, "instagram": 14.0, "x": 2.0, "linkedin": 0.5, "youtube": 1.5}


@dataclass
class FollowerSeries:
    start: int  # followers at the end of the day before the period
    followers: list[int]  # at the end of each day
    adds: list[int]
    removes: list[int]
    induced_adds: float = 0.0  # expected adds caused by investment (LinkedIn)


def own_series(
    seed: int, account: Account, period: Period, investment: list[float] | None
) -> FollowerSeries:
    rng = stream(seed, "followers", account.platform)
    p = account.platform
    effect = [0.0] * len(period.days)
    if p == "linkedin" and investment is not None:
        effect = [MODEL.li_followers_per_usd * a for a in adstock(investment, MODEL.adstock_decay)]
    current = account.base_followers
    followers, adds, removes = [], [], []
    for i, day in enumerate(period.days):
        a = poisson(rng, BASE_ADDS[p] * traffic_factor(day) + effect[i])
        r = poisson(rng, BASE_REMOVES[p])
        current += a - r
        followers.append(current)
        adds.append(a)
        removes.append(r)
    return FollowerSeries(account.base_followers, followers, adds, removes, sum(effect))


def competitor_series(seed: int, account: Account, period: Period) -> FollowerSeries:
    rng = stream(seed, "followers", account.platform, account.account_id)
    growth = BASE_ADDS[account.platform] * account.brand.size
    current = account.base_followers
    followers, adds, removes = [], [], []
    for _ in period.days:
        a = poisson(rng, growth)
        r = poisson(rng, BASE_REMOVES[account.platform] * account.brand.size)
        current += a - r
        followers.append(current)
        adds.append(a)
        removes.append(r)
    return FollowerSeries(account.base_followers, followers, adds, removes)
