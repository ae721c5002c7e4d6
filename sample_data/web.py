"""The web day loop: planned sessions become GA4 events and, when they convert, Shopify orders.

About 15% of visitors block analytics: their sessions are not in GA4, but their orders are in
Shopify (so roughly 85% of orders have a GA4 purchase). About 3% of tracked sessions reach
the export late (1-3 days after their event_date).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .clock import from_micros, local_at, micros
from .config import Period
from .ga4_events import User, build_session
from .ga4_sink import Ga4Sink
from .randomness import stream
from .shop import PlacedOrder, Shop
from .site import landing, page_path, url
from .traffic import BLOG_CONVERSION, PlannedSession, SessionPlanner

TRACKED_SHARE, LATE_SHARE, RETURNING_SHARE, SIGNUP_SHARE = 0.85, 0.03, 0.3, 0.025
USER_POOL = 50_000
HOUR_WEIGHTS = (3, 2, 1, 1, 1, 1, 2, 4, 6, 8, 9, 10, 10, 9, 8, 8, 8, 9, 10, 11, 12, 12, 10, 6)
COUNTRIES = ("Iran", "Germany", "Canada", "United Arab Emirates", "Turkey", "United States",
             "United Kingdom")
COUNTRY_WEIGHTS = (88, 3, 3, 2, 2, 1, 1)


@dataclass
class WebTotals:
    sessions: int = 0
    engaged: int = 0
    organic_blog: int = 0
    new_users: int = 0
    purchases: int = 0
    purchase_revenue_usd: float = 0.0
    untracked_sessions: int = 0
    by_source_medium: Counter[str] = field(default_factory=Counter)
    induced_sessions: Counter[str] = field(default_factory=Counter)
    induced_tracked: Counter[str] = field(default_factory=Counter)
    induced_order_ids: dict[str, list[int]] = field(default_factory=dict)


class Web:
    def __init__(self, seed: int, period: Period, planner: SessionPlanner, shop: Shop,
                 ga4: Ga4Sink, progress: bool) -> None:
        self.rng = stream(seed, "web")
        self.period, self.planner, self.shop, self.ga4 = period, planner, shop, ga4
        self.users: list[User] = []
        self.totals = WebTotals()
        self.progress = progress
        self.n_users = 0

    def run(self) -> WebTotals:
        for i, day in enumerate(self.period.days):
            for planned in self.planner.plan(day):
                self._session(day, planned)
            self.shop.end_day(day)
            self.ga4.flush(day)
            if self.progress and (i + 1) % 15 == 0:
                print(f"  web day {i + 1}/{len(self.period.days)}: {self.ga4.events:,} events, "
                      f"{self.shop.totals.orders_created:,} orders", flush=True)
        self.ga4.close()
        return self.totals

    def _user(self, when_us: int, planned: PlannedSession) -> tuple[User, bool]:
        rng = self.rng
        if self.users and rng.random() < RETURNING_SHARE:
            return rng.choice(self.users), False
        self.n_users += 1
        pseudo = f"{rng.randint(10**8, 2 * 10**9)}.{when_us // 1_000_000}"
        device = rng.choices(("mobile", "desktop", "tablet"), (72, 24, 4))[0]
        country = rng.choices(COUNTRIES, COUNTRY_WEIGHTS)[0]
        user = User(pseudo, when_us, planned.touch.first_touch(), device, country)
        if len(self.users) < USER_POOL:
            self.users.append(user)
        else:
            self.users[rng.randrange(USER_POOL)] = user
        return user, True

    def _start(self, day: date) -> int:
        rng = self.rng
        hour = rng.choices(range(24), HOUR_WEIGHTS)[0]
        seconds = hour * 3600 + rng.uniform(0, 3599.999)
        if day == self.period.end:
            seconds = min(seconds, 22.5 * 3600)
        return micros(local_at(day, seconds))

    def _session(self, day: date, planned: PlannedSession) -> None:
        rng, t = self.rng, self.totals
        start_us = self._start(day)
        tracked = rng.random() < TRACKED_SHARE
        touch = planned.touch
        first = landing(rng, touch)
        conversion = planned.conversion
        if touch.kind == "organic_search" and first.startswith("/blog/"):
            conversion = BLOG_CONVERSION
        converts = rng.random() < conversion
        n_extra = min(8, int(rng.expovariate(0.55))) if rng.random() < 0.6 or converts else 0
        paths = [first] + [page_path(rng) for _ in range(n_extra)]
        if converts:
            paths += ["/cart", "/checkout", "/checkout/thank-you"]
        signup = rng.random() < SIGNUP_SHARE
        landing_url = url(first, touch.utm_query())
        if planned.induced:
            t.induced_sessions[planned.induced] += 1
        if not tracked:
            t.untracked_sessions += 1
            if converts:
                when = from_micros(start_us) + timedelta(minutes=rng.uniform(2, 9))
                self._order(when, planned, None, landing_url)
            return
        user, is_new = self._user(start_us, planned)
        facts = build_session(rng, user, is_new, start_us, touch, paths, converts, signup)
        if facts.purchase is not None:
            when = from_micros(facts.purchase["event_timestamp"])
            placed = self._order(when, planned, user, landing_url)
            facts.purchase["ecommerce"] = {"transaction_id": str(placed.order_id),
                                           "purchase_revenue": placed.revenue_usd}
            t.purchases += 1
            t.purchase_revenue_usd += placed.revenue_usd
        lag = rng.randint(1, 3) if rng.random() < LATE_SHARE else 0
        self.ga4.add(facts.events, facts.days, lag)
        t.sessions += 1
        t.engaged += facts.engaged
        t.new_users += is_new
        if planned.induced:
            t.induced_tracked[planned.induced] += 1
        if facts.medium == "organic" and facts.landing_path.startswith("/blog/"):
            t.organic_blog += 1
        t.by_source_medium[f"{facts.source or '(direct)'} / {facts.medium or '(none)'}"] += 1

    def _order(self, when: datetime, planned: PlannedSession, user: User | None,
               landing_url: str) -> PlacedOrder:
        rng = self.rng
        customer = self.shop.customer_for(user.customer if user else None, when)
        if user is not None:
            user.customer = customer
        country = user.country if user else rng.choices(COUNTRIES, COUNTRY_WEIGHTS)[0]
        currency = "IRR" if country == "Iran" else "USD"
        placed = self.shop.place(when, planned.touch, landing_url, customer, currency,
                                 planned.induced)
        if planned.induced:
            self.totals.induced_order_ids.setdefault(planned.induced, []).append(placed.order_id)
        return placed
