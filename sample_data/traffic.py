"""Where sessions come from: baseline channel mix plus sessions induced by investment.

Each planned session has a touch (source / medium / campaign as GA4 would see it), a
conversion probability, and whether the causal model induced it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from .campaigns import Campaign, active
from .causal import MODEL, adstock
from .clock import traffic_factor
from .config import Period
from .randomness import poisson, stream
from .seo import REFERRING_DOMAINS

# kind: (share of baseline sessions, conversion probability)
BASELINE = {
    "organic_search": (0.31, 0.035), "direct": (0.23, 0.075), "referral": (0.07, 0.03),
    "email": (0.05, 0.08), "cpc": (0.09, 0.05), "instagram": (0.11, 0.04),
    "facebook": (0.05, 0.025), "x": (0.03, 0.02), "youtube": (0.04, 0.025),
    "linkedin": (0.02, 0.0),
}
BLOG_CONVERSION = 0.008  # organic sessions landing on a blog article
SOCIAL_REFERRERS = {
    "instagram": "https://l.instagram.com/", "facebook": "https://m.facebook.com/",
    "x": "https://t.co/", "youtube": "https://www.youtube.com/", "linkedin": "https://www.linkedin.com/",
}


@dataclass(frozen=True)
class Touch:
    kind: str
    source: str | None
    medium: str | None
    campaign: str | None
    tagged: bool  # UTM parameters on the landing URL
    referrer: str | None
    gclid: str | None = None

    def utm_query(self) -> str:
        if self.gclid:
            return f"?gclid={self.gclid}"
        if not self.tagged:
            return ""
        q = f"?utm_source={self.source}&utm_medium={self.medium}"
        return q + (f"&utm_campaign={self.campaign}" if self.campaign else "")

    def first_touch(self) -> dict[str, str]:
        """GA4 ``traffic_source`` for a user whose first visit had this touch."""
        if self.kind == "direct":
            return {"name": "(direct)", "medium": "(none)", "source": "(direct)"}
        name = self.campaign or {"organic": "(organic)", "referral": "(referral)"}.get(
            self.medium or "", "(not set)")
        return {"name": name, "medium": self.medium or "(none)", "source": self.source or ""}


@dataclass(frozen=True)
class PlannedSession:
    touch: Touch
    conversion: float
    induced: str | None  # channel whose investment induced the session


def touch_for(rng: random.Random, kind: str, day: date, campaigns: list[Campaign],
              induced: bool = False) -> Touch:
    if kind == "organic_search":
        engine = "google" if rng.random() < 0.92 else "bing"
        return Touch(kind, engine, "organic", None, False, f"https://www.{engine}.com/")
    if kind == "direct":
        return Touch(kind, None, None, None, False, None)
    if kind == "referral":
        domain = rng.choice(REFERRING_DOMAINS)
        return Touch(kind, domain, "referral", None, False, f"https://{domain}/")
    if kind == "email":
        return Touch(kind, "newsletter", "email", "newsletter_weekly", True, None)
    if kind == "cpc":
        gclid = "Cj0KCQ" + "".join(rng.choice("abcdefghijkLMNOPQRST0123456789") for _ in range(20))
        return Touch(kind, "google", "cpc", "search_beans", True, "https://www.google.com/", gclid)
    campaign = active(campaigns, kind, day)
    paid = induced and campaign is not None and rng.random() < 0.7
    if paid and campaign is not None:
        return Touch(kind, kind, "paid_social", campaign.utm_campaign, True, SOCIAL_REFERRERS[kind])
    if rng.random() < 0.7:
        name = f"{kind}_bio" if kind in ("instagram", "x") else f"{kind}_organic"
        return Touch(kind, kind, "social", name, True, SOCIAL_REFERRERS[kind])
    domain = SOCIAL_REFERRERS[kind].split("/")[2]
    return Touch(kind, domain, "referral", None, False, SOCIAL_REFERRERS[kind])


class SessionPlanner:
    """Plans every session of each day (baseline and induced), deterministically."""

    def __init__(self, seed: int, period: Period, per_day: float, campaigns: list[Campaign],
                 investment: dict[str, list[float]]) -> None:
        self.rng = stream(seed, "sessions")
        self.period, self.per_day, self.campaigns = period, per_day, campaigns
        zero = [0.0] * len(period.days)
        self.ig = adstock(investment.get("instagram", zero), MODEL.adstock_decay)
        self.li = adstock(investment.get("linkedin", zero), MODEL.adstock_decay)
        self.expected_induced = {
            "instagram": MODEL.ig_sessions_per_usd * sum(self.ig),
            "linkedin": MODEL.li_sessions_per_usd * sum(self.li),
        }

    def plan(self, day: date) -> list[PlannedSession]:
        rng, i = self.rng, self.period.index(day)
        out: list[PlannedSession] = []
        n = poisson(rng, self.per_day * traffic_factor(day))
        kinds = list(BASELINE)
        weights = [BASELINE[k][0] for k in kinds]
        for kind in rng.choices(kinds, weights=weights, k=n):
            out.append(PlannedSession(touch_for(rng, kind, day, self.campaigns),
                                      BASELINE[kind][1], None))
        for _ in range(poisson(rng, MODEL.ig_sessions_per_usd * self.ig[i])):
            touch = touch_for(rng, "instagram", day, self.campaigns, induced=True)
            out.append(PlannedSession(touch, MODEL.ig_conversion_rate, "instagram"))
        for _ in range(poisson(rng, MODEL.li_sessions_per_usd * self.li[i])):
            touch = touch_for(rng, "linkedin", day, self.campaigns, induced=True)
            out.append(PlannedSession(touch, 0.0, "linkedin"))
        rng.shuffle(out)
        return out
