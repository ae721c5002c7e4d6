"""The campaign calendar: Instagram conversion flights, LinkedIn awareness flights, always-on.

Always-on campaigns do not spend the same every day: marketers pause them, cut them and push
them for a week or two (``budget_schedule``). Without that variation no model could tell what
their money does, so the planted "spend causes nothing" of Facebook and Google Ads would be
unidentifiable rather than testable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .config import Period
from .randomness import stream


@dataclass(frozen=True)
class Campaign:
    campaign_id: str
    name: str
    channel: str
    utm_campaign: str
    objective: str
    start: date
    end: date
    daily_budget_usd: float

    def active(self, day: date) -> bool:
        return self.start <= day <= self.end


def _flights(
    seed: int, period: Period, channel: str, prefix: str, objective: str,
    budgets: tuple[float, ...], traffic: float, first_id: int,
) -> list[Campaign]:
    rng = stream(seed, "flights", channel)
    out: list[Campaign] = []
    day, on, n = period.start, True, 0
    while day <= period.end:
        length = rng.randint(8, 16) if on else rng.randint(5, 12)
        end = min(day + timedelta(days=length - 1), period.end)
        if on:
            n += 1
            budget = rng.choice(budgets) * traffic
            tag = f"{prefix}_{day:%Y_%m}_{n:02d}"
            out.append(Campaign(
                f"cmp_{first_id + n:03d}", f"{channel.title()} flight {n} ({day:%b %Y})",
                channel, tag, objective, day, end, round(budget, 2),
            ))
        day, on = end + timedelta(days=1), not on
    return out


def build_campaigns(seed: int, period: Period, traffic: float) -> list[Campaign]:
    s, e = period.start, period.end
    always = [
        Campaign("cmp_001", "Facebook always-on boosting", "facebook", "fb_boost_always_on",
                 "engagement", s, e, round(9.0 * traffic, 2)),
        Campaign("cmp_002", "Google search (brand + coffee beans)", "google_ads", "search_beans",
                 "conversion", s, e, round(24.0 * traffic, 2)),
        Campaign("cmp_003", "Weekly newsletter", "email", "newsletter_weekly", "engagement",
                 s, e, 0.0),
        Campaign("cmp_004", "YouTube brew guides", "youtube", "yt_brew_guides", "engagement",
                 s, e, 0.0),
    ]
    ig = _flights(seed, period, "instagram", "ig_flight", "conversion",
                  (45.0, 70.0, 110.0, 150.0), traffic, 100)
    li = _flights(seed, period, "linkedin", "li_awareness", "awareness",
                  (30.0, 55.0, 80.0), traffic, 200)
    return always + ig + li


def active(campaigns: list[Campaign], channel: str, day: date) -> Campaign | None:
    for c in campaigns:
        if c.channel == channel and c.active(day):
            return c
    return None


BUDGET_LEVELS = (0.0, 0.5, 1.0, 1.0, 1.6, 2.2)  # paused, cut, normal (twice as likely), pushed


def budget_schedule(seed: int, period: Period, channel: str) -> list[float]:
    """A factor on an always-on campaign's daily budget per day of the period: a level held
    for 6 to 15 days, then another (a pause, a cut, the normal budget or a push)."""
    rng = stream(seed, "budget_schedule", channel)
    out: list[float] = []
    while len(out) < len(period.days):
        level = rng.choice(BUDGET_LEVELS)
        out.extend([level] * rng.randint(6, 15))
    return out[: len(period.days)]
