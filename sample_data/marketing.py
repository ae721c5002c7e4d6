"""marketing/*: spend in several currencies, the team's time log, campaigns and FX rates.

Also returns each channel's daily investment in USD (spend + time cost, from the values as
written), the input of the causal model in ``traffic.py`` and ``followers.py``.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from .campaigns import Campaign, active, budget_schedule
from .config import Period
from .fx import FxTable
from .money import to_text, whole_text
from .randomness import stream
from .textgen import persian_digits
from .writers import Sinks

HOURLY_COST_IRR = {  # hourly cost per role, whole rials
    "social_media_manager": 2_100_000,
    "content_creator": 1_700_000,
    "designer": 1_850_000,
    "analyst": 2_300_000,
}
# (role, channel, activity, base hours on a full working day)
WORK = (
    ("social_media_manager", "instagram", "community management", 2.0),
    ("social_media_manager", "facebook", "community management", 0.5),
    ("social_media_manager", "x", "community management", 0.5),
    ("social_media_manager", "linkedin", "community management", 0.5),
    ("content_creator", "instagram", "content creation", 2.5),
    ("content_creator", "youtube", "content creation", 2.0),
    ("content_creator", "blog", "content creation", 1.5),
    ("content_creator", "linkedin", "content creation", 0.5),
    ("designer", "instagram", "design", 1.5),
    ("designer", "facebook", "design", 0.5),
    ("analyst", "all", "analytics", 1.0),
)
DAY_FACTOR = {3: 0.5, 4: 0.0}  # Thursday half day, Friday off


@dataclass
class MarketingTotals:
    spend_usd: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    hours: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    time_cost_usd: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    spend_rows: int = 0
    time_rows: int = 0


@dataclass
class Investment:
    """USD invested per channel per day index (spend + hours x hourly cost)."""

    daily: dict[str, list[float]]
    totals: MarketingTotals


ALWAYS_ON_PAID = ("facebook", "google_ads")  # budgets follow ``budget_schedule``


def _spend_rows(
    rng: random.Random, day: date, campaigns: list[Campaign], traffic: float,
    budget_factor: dict[str, float],
) -> list[tuple[str, str, str, int, str]]:
    """(channel, campaign, cost_category, amount cents, currency) for one day."""
    rows: list[tuple[str, str, str, int, str]] = []
    for channel, category in (("instagram", "ads"), ("linkedin", "ads"),
                              ("facebook", "boosting"), ("google_ads", "ads")):
        c = active(campaigns, channel, day)
        factor = budget_factor.get(channel, 1.0)
        if c is not None and c.daily_budget_usd * factor > 0:
            amount = c.daily_budget_usd * factor * rng.uniform(0.85, 1.15)
            rows.append((channel, c.campaign_id, category, round(amount * 100), "USD"))
    ig = active(campaigns, "instagram", day)
    if ig is not None and ig.start == day:
        aed = rng.randint(5, 15) * 100 * traffic
        rows.append(("instagram", ig.campaign_id, "influencers", round(aed) * 100, "AED"))
    weekday = day.weekday()
    if weekday == 5:  # Saturday: weekly content production invoices, in rials
        rows.append(("instagram", "general", "content production",
                     rng.randint(90, 150) * 1_000_000 * 100, "IRR"))
        rows.append(("blog", "general", "content production",
                     rng.randint(40, 80) * 1_000_000 * 100, "IRR"))
    if weekday == 6:
        rows.append(("youtube", "cmp_004", "content production",
                     rng.randint(200, 350) * 1_000_000 * 100, "IRR"))
    if day.day == 1:
        rows.append(("all", "general", "tools", 9900, "EUR"))
        rows.append(("email", "cmp_003", "tools", 4500, "EUR"))
        rows.append(("all", "general", "agency", rng.randint(300, 450) * 1_000_000 * 100, "IRR"))
    return rows


def _amount_text(rng: random.Random, cents: int, currency: str) -> str:
    if currency == "IRR":
        text = whole_text(cents)
        return persian_digits(text) if rng.random() < 0.25 else text
    return to_text(cents)


def _hours_text(rng: random.Random, hours: float) -> str:
    if hours == int(hours) and rng.random() < 0.2:
        return persian_digits(str(int(hours)))
    return f"{hours:g}"


def write_marketing(
    sinks: Sinks, seed: int, period: Period, fx: FxTable, campaigns: list[Campaign],
    traffic: float,
) -> Investment:
    rng = stream(seed, "marketing")
    n = len(period.days)
    daily: dict[str, list[float]] = defaultdict(lambda: [0.0] * n)
    totals = MarketingTotals()
    spend, time_log = sinks("marketing", "spend"), sinks("marketing", "time_log")
    schedules = {ch: budget_schedule(seed, period, ch) for ch in ALWAYS_ON_PAID}
    for i, day in enumerate(period.days):
        factors = {ch: schedule[i] for ch, schedule in schedules.items()}
        for channel, campaign, category, cents, currency in _spend_rows(rng, day, campaigns,
                                                                         traffic, factors):
            usd = fx.to_usd(cents, currency, day)
            daily[channel][i] += usd
            totals.spend_usd[channel] += usd
            totals.spend_rows += 1
            spend.write(f"spend_{day:%Y-%m}", {
                "date": day, "channel": channel, "campaign": campaign,
                "cost_category": category, "amount": _amount_text(rng, cents, currency),
                "currency": currency,
            })
        factor = DAY_FACTOR.get(day.weekday(), 1.0)
        for role, channel, activity, base in WORK:
            hours = _hours(rng, base, factor, channel, activity, campaigns, day)
            if hours <= 0:
                continue
            cost = HOURLY_COST_IRR[role]
            usd = hours * fx.to_usd(cost * 100, "IRR", day)
            daily[channel][i] += usd
            totals.hours[channel] += hours
            totals.time_cost_usd[channel] += usd
            totals.time_rows += 1
            year, week, _ = day.isocalendar()
            time_log.write(f"time_log_{year}-W{week:02d}", {
                "date": day, "role": role, "channel": channel, "activity": activity,
                "hours": _hours_text(rng, hours), "hourly_cost": str(cost), "currency": "IRR",
            })
        for role, channel in (("social_media_manager", "instagram"),
                              ("social_media_manager", "linkedin")):
            c = active(campaigns, channel, day)
            if c is None or factor == 0:
                continue
            hours = round(rng.uniform(0.5, 2.0) * 2) / 2
            cost = HOURLY_COST_IRR[role]
            usd = hours * fx.to_usd(cost * 100, "IRR", day)
            daily[channel][i] += usd
            totals.hours[channel] += hours
            totals.time_cost_usd[channel] += usd
            totals.time_rows += 1
            year, week, _ = day.isocalendar()
            time_log.write(f"time_log_{year}-W{week:02d}", {
                "date": day, "role": role, "channel": channel, "activity": "ads management",
                "hours": _hours_text(rng, hours), "hourly_cost": str(cost), "currency": "IRR",
            })
    _write_campaigns(sinks, campaigns)
    _write_fx(sinks, fx)
    return Investment(dict(daily), totals)


def _hours(
    rng: random.Random, base: float, factor: float, channel: str, activity: str,
    campaigns: list[Campaign], day: date,
) -> float:
    if factor == 0:
        return 1.0 if activity == "community management" and channel == "instagram" else 0.0
    extra = 1.5 if channel == "instagram" and active(campaigns, channel, day) else 0.0
    raw = (base + extra) * factor * rng.uniform(0.6, 1.4)
    return round(raw * 2) / 2


def _write_campaigns(sinks: Sinks, campaigns: list[Campaign]) -> None:
    sink = sinks("marketing", "campaigns")
    for c in campaigns:
        sink.write("campaigns", {
            "campaign_id": c.campaign_id, "name": c.name, "channel": c.channel,
            "utm_campaign": c.utm_campaign, "objective": c.objective,
            "start_date": c.start, "end_date": c.end,
        })


def _write_fx(sinks: Sinks, fx: FxTable) -> None:
    sink = sinks("marketing", "fx_rates")
    for (currency, day), text in sorted(fx.texts.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        sink.write(f"fx_rates_{day:%Y-%m}", {
            "date": day, "currency": currency, "rate_to_reporting_currency": text,
        })
