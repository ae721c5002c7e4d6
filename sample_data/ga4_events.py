"""One GA4 session as BigQuery-export events: first_visit, session_start, page_view,
scroll, user_engagement, sign_up and purchase, with their event_params."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from .clock import TEHRAN, from_micros
from .customers import Customer
from .site import PAGES, url
from .traffic import Touch


@dataclass
class User:
    pseudo_id: str
    first_touch_us: int
    traffic_source: dict[str, str]
    device: str
    country: str
    sessions: int = 0
    last_session_id: int = 0
    customer: Customer | None = None


@dataclass
class SessionFacts:
    """What the ground truth needs about one emitted session."""

    events: list[dict[str, Any]]
    days: list[date]
    engaged: bool
    purchase: dict[str, Any] | None
    source: str | None
    medium: str | None
    landing_path: str


_DAY_CACHE: dict[int, tuple[str, date]] = {}


def event_day(us: int) -> tuple[str, date]:
    """(event_date 'YYYYMMDD', date) of a timestamp in the property time zone."""
    key = (us // 1_000_000 + 12_600) // 86_400
    hit = _DAY_CACHE.get(key)
    if hit is None:
        d = from_micros(us).astimezone(TEHRAN).date()
        hit = _DAY_CACHE[key] = (d.strftime("%Y%m%d"), d)
    return hit


def _s(key: str, value: str) -> dict[str, Any]:
    return {"key": key, "value": {"string_value": value}}


def _i(key: str, value: int) -> dict[str, Any]:
    return {"key": key, "value": {"int_value": value}}


def build_session(
    rng: random.Random, user: User, is_new: bool, start_us: int, touch: Touch,
    paths: list[str], purchase: bool, signup: bool,
) -> SessionFacts:
    """Events of one session; a purchase event gets its ``ecommerce`` filled in by the caller
    once the order exists (the order is created at the purchase event's time)."""
    session_id = start_us // 1_000_000
    if session_id <= user.last_session_id:
        session_id = user.last_session_id + 1
    user.last_session_id = session_id
    user.sessions += 1
    dwell = [min(300_000, round(rng.lognormvariate(9.6, 1.0))) for _ in paths]  # ms, ~15 s
    if len(paths) == 1 and rng.random() < 0.45:
        dwell[0] = rng.randint(800, 9_000)  # a quick bounce
    engaged = len(paths) >= 2 or sum(dwell) > 10_000 or purchase or signup
    base = [_i("ga_session_id", session_id), _i("ga_session_number", user.sessions)]
    if engaged:
        base.append(_s("session_engaged", "1"))
    collected = None
    if touch.tagged:
        collected = {"manual_source": touch.source, "manual_medium": touch.medium,
                     "manual_campaign_name": touch.campaign, "gclid": touch.gclid}
    common = {
        "user_pseudo_id": user.pseudo_id,
        "user_id": user.customer.id if user.customer and rng.random() < 0.6 else None,
        "user_first_touch_timestamp": user.first_touch_us,
        "traffic_source": user.traffic_source,
        "device": {"category": user.device}, "geo": {"country": user.country},
    }
    events: list[dict[str, Any]] = []
    purchase_event: dict[str, Any] | None = None

    def emit(name: str, ts: int, params: list[dict[str, Any]], landing: bool = False,
             ecommerce: dict[str, Any] | None = None) -> None:
        events.append({
            "event_date": event_day(ts)[0], "event_timestamp": ts, "event_name": name,
            "event_params": params, "user_pseudo_id": common["user_pseudo_id"],
            "user_id": common["user_id"],
            "user_first_touch_timestamp": common["user_first_touch_timestamp"],
            "traffic_source": common["traffic_source"],
            "collected_traffic_source": collected if landing else None,
            "device": common["device"], "geo": common["geo"], "ecommerce": ecommerce,
        })

    landing_url = url(paths[0], touch.utm_query())
    page_params = [_s("page_location", landing_url), _s("page_title", PAGES[paths[0]])]
    if touch.referrer:
        page_params.append(_s("page_referrer", touch.referrer))
    t = start_us
    if is_new:
        emit("first_visit", t, base + page_params, landing=True)
    source_params = []
    if touch.source:
        source_params = [_s("source", touch.source), _s("medium", touch.medium or "")]
        if touch.campaign:
            source_params.append(_s("campaign", touch.campaign))
    emit("session_start", t, base + page_params + source_params, landing=True)
    previous = touch.referrer
    for k, path in enumerate(paths):
        loc = landing_url if k == 0 else url(path)
        params = [_s("page_location", loc), _s("page_title", PAGES[path])]
        if previous:
            params.append(_s("page_referrer", previous))
        emit("page_view", t + 1_000, base + params, landing=k == 0)
        if dwell[k] > 15_000 and rng.random() < 0.5:
            emit("scroll", t + dwell[k] * 600, base + params + [_i("percent_scrolled", 90)])
        if signup and k == 0:
            emit("sign_up", t + dwell[k] * 500, base + params + [_s("method", "newsletter")])
        if purchase and path == "/checkout/thank-you":
            emit("purchase", t + 1_500, base + params)
            purchase_event = events[-1]
        t += dwell[k] * 1_000
        emit("user_engagement", t, base + params + [_i("engagement_time_msec", dwell[k])])
        t += rng.randint(1_000, 6_000) * 1_000
        previous = loc
    return SessionFacts(events, [event_day(e["event_timestamp"])[1] for e in events], engaged,
                        purchase_event, touch.source, touch.medium, paths[0])
