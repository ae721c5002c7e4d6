"""The ground truth: the planted causal structure and the exact headline totals of the files.

Every total is accumulated from the values as written (not from model expectations), so a
correct warehouse reproduces it exactly (money to the cent after rounding the final sum).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from .brands import OWN, PLATFORMS
from .campaigns import Campaign
from .catalogue import expected_order_usd
from .causal import MODEL
from .clock import WEEKDAY_NAMES, WEEKDAY_TRAFFIC
from .config import PROPERTY_TIME_ZONE, REPORTING_CURRENCY, Period, Scale
from .conversation_truth import conversations_truth
from .conversations import ConversationLog
from .followers import FollowerSeries
from .fx import FxTable
from .ga4_sink import Ga4Sink
from .listening import ListeningResult
from .marketing import Investment
from .platform_result import PlatformResult
from .seo import SeoResult
from .shop import ShopTotals
from .surveys import SurveyResult
from .textgen import normalise
from .traffic import SessionPlanner
from .web import WebTotals
from .writers import Stats


@dataclass
class Results:
    scale: Scale
    seed: int
    period: Period
    fx: FxTable
    campaigns: list[Campaign]
    investment: Investment
    series: dict[str, FollowerSeries]
    platforms: dict[str, PlatformResult]
    li_impressions: float
    comments: Counter[str]
    listening: ListeningResult
    seo: SeoResult
    blog: dict[str, dict[str, int]]
    surveys: SurveyResult
    goals: list[dict[str, object]]
    planted_goals: dict[str, dict[str, Any]]
    web: WebTotals
    ga4: Ga4Sink
    shop: ShopTotals
    planner: SessionPlanner
    stats: Stats
    talk: ConversationLog


def _m(value: Any, definition: str) -> dict[str, Any]:
    return {"value": value, "definition": definition}


def _money(x: float) -> float:
    return round(x + 0.0, 2)


FX_RULE = ("converted to USD with marketing/fx_rates.rate_to_reporting_currency of the same "
           "currency on the transaction's own UTC date (date of the timestamp in UTC; for DATE "
           "columns the date itself)")


def build_truth(r: Results) -> dict[str, Any]:
    return {
        "generator": {
            "scale": r.scale.name, "seed": r.seed, "start_date": r.period.start.isoformat(),
            "end_date": r.period.end.isoformat(), "days": len(r.period.days),
        },
        "conventions": _conventions(),
        "causal_model": _causal(r),
        "headline": {
            "followers": _followers(r),
            "engagement": _engagement(r),
            "ga4": _ga4(r),
            "shop": _shop(r),
            "marketing": _marketing(r),
            "listening": _listening(r),
            "seo": {"active_backlinks_at_end": _m(
                r.seo.active_at_end,
                "distinct (referring_url, target_url) in seo/backlinks having a row with "
                "lost_at null (a lost link found again has a second row with a later "
                "first_seen)"), "backlink_rows": r.seo.rows,
                "lost_in_period": r.seo.lost_in_period},
            "blog": {name: _m(v["subscribers_at_end"], f"blog/subscribers_daily."
                              f"subscribers_total on the end date for blog_or_list = '{name}'")
                     for name, v in r.blog.items()},
            "blog_subscribers_by_brand": _m(
                {OWN.brand: sum(v["subscribers_at_end"] for v in r.blog.values())},
                "subscribers_total on the end date summed over every list of blog/"
                "subscribers_daily, per brand (a list without a brand is the own brand's)"),
            "surveys": _surveys(r),
        },
        "conversations": conversations_truth(r.talk, r.period),
        "goals": {
            "planted": r.planted_goals,
            "as_of_date": r.period.end.isoformat(),
            "rule": "follower goals planted from the generated series: each goal's projected "
                    "value is the last day's followers plus the least-squares slope of the "
                    "last 28 days times the days left to the deadline (60 days after the end "
                    "date); G4's target lies 80% of the way there (on track), G2's three times "
                    "as far as anything it reached or is heading for (off track)",
        },
        "restated_snapshot": r.platforms["instagram"].restated,
        "late_events": _m(r.ga4.late, "GA4 events that are in an export file (events_YYYYMMDD) "
                          "whose date is later than their own event_date (1-3 days late)"),
        "files": {f"{s}.{t}": {"files": n, "rows": r.stats.rows.get((s, t), 0)}
                  for (s, t), n in sorted(r.stats.files.items())},
    }


def _conventions() -> dict[str, Any]:
    return {
        "property_time_zone": PROPERTY_TIME_ZONE + " (UTC+03:30, no DST)",
        "reporting_currency": REPORTING_CURRENCY,
        "fx": FX_RULE,
        "period": "local dates in Asia/Tehran from start_date to end_date inclusive",
        "weekend": "Friday (Iran); Thursday is a half working day. Traffic multipliers by "
                   "weekday: " + ", ".join(f"{WEEKDAY_NAMES[d]} {f}"
                                            for d, f in sorted(WEEKDAY_TRAFFIC.items())),
        "scope": "all totals are for the clean data only: files written by --bad-input are "
                 "excluded (see bad_input.good_rows_added to include their good rows)",
        "versions": "history/lifetime tables: the latest version of an entity is the row with "
                    "the greatest _fivetran_synced",
        "persian_text": "brand values are compared after mapping Arabic yeh/kaf (ي ك) to "
                        "Persian (ی ک); numeric cells may use Persian digits (۰-۹)",
    }


def _causal(r: Results) -> dict[str, Any]:
    inv = {ch: sum(v) for ch, v in r.investment.daily.items()}
    ig_inv = inv.get("instagram", 0.0)
    aov = expected_order_usd()
    per_usd = MODEL.ig_sessions_per_usd * MODEL.carryover * MODEL.ig_conversion_rate * aov
    ig_rev = r.shop.induced_gross_usd.get("instagram", 0.0)
    channels: dict[str, Any] = {
        "instagram": {
            "role": "revenue_driver", "investment_usd": _money(ig_inv),
            "expected_induced_sessions": round(r.planner.expected_induced["instagram"], 1),
            "realised_induced_sessions": r.web.induced_sessions["instagram"],
            "realised_induced_sessions_in_ga4": r.web.induced_tracked["instagram"],
            "realised_induced_orders": r.shop.induced_orders.get("instagram", 0),
            "realised_induced_gross_revenue_usd": _money(ig_rev),
            "expected_revenue_uplift_per_usd": round(per_usd, 4),
            "realised_gross_revenue_per_usd": round(ig_rev / ig_inv, 4) if ig_inv else None,
            "model_aov_usd": round(aov, 2),
            "induced_order_ids": r.web.induced_order_ids.get("instagram", []),
        },
        "linkedin": {
            "role": "awareness_only", "investment_usd": _money(inv.get("linkedin", 0.0)),
            "expected_induced_followers": round(r.series["linkedin"].induced_adds, 1),
            "expected_induced_impressions": round(r.li_impressions, 1),
            "expected_induced_sessions": round(r.planner.expected_induced["linkedin"], 1),
            "realised_induced_sessions": r.web.induced_sessions["linkedin"],
            "realised_induced_orders": 0, "conversion_rate": 0.0,
        },
    }
    for ch in sorted(set(inv) - {"instagram", "linkedin"}):
        channels[ch] = {"role": "baseline", "investment_usd": _money(inv[ch])}
    return {
        "model": MODEL.to_dict(),
        "investment_definition": "investment_usd = marketing/spend amounts + time_log hours x "
                                 "hourly_cost, both in USD (" + FX_RULE + ")",
        "channels": channels,
        "notes": (
            "Instagram investment (spend + team time, USD) causes extra site sessions the same "
            f"day and, through a geometric adstock (decay {MODEL.adstock_decay}), on later days: "
            f"{MODEL.ig_sessions_per_usd} sessions per adstocked USD, converting at "
            f"{MODEL.ig_conversion_rate}. The expected revenue uplift per USD invested is "
            "sessions/USD x 1/(1-decay) x conversion x model AOV. Induced sessions look like any "
            "other instagram-tagged session (utm_source=instagram, medium paid_social or social). "
            "LinkedIn investment raises followers, impressions and sessions, but LinkedIn "
            "sessions never convert (awareness only). Facebook, X, YouTube, Google Ads, email "
            "and blog have baseline traffic and conversion unaffected by their spend; the "
            "always-on Facebook and Google Ads budgets are paused, cut and pushed for one to "
            "two weeks at a time, so their lack of effect is identifiable. Blog and YouTube "
            "content invoices arrive on the same weekday every week (not identifiable from "
            "daily data). "
            "About 15% of visitors block analytics: their sessions are not in GA4 but their "
            "orders are in Shopify."
        ),
    }


def _followers(r: Results) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for p in PLATFORMS:
        s = r.series[p]
        out[p] = {
            "followers_at_end": s.followers[-1], "followers_at_start_date": s.followers[0],
            "net_change": s.followers[-1] - s.followers[0],
            "gained": sum(s.adds), "lost": sum(s.removes),
            "definition": "social_accounts/daily.followers of the own account (is_own) on the "
                          "end date; net_change = followers on end date - followers on start "
                          "date; gained/lost = sums of daily adds/removes over all days "
                          "(facebook page_fan_adds/removes, youtube subscribers_gained/lost)",
        }
    return out


def _engagement(r: Results) -> dict[str, Any]:
    return {p: {"likes": res.likes, "comments": res.comments, "shares": res.shares,
                "definitions": res.definitions, "social_comments_rows": r.comments[p]}
            for p, res in r.platforms.items()}


def _ga4(r: Results) -> dict[str, Any]:
    w = r.web
    return {
        "sessions": _m(w.sessions, "distinct (user_pseudo_id, ga_session_id int_value) over "
                       "all GA4 events in all export files"),
        "engaged_sessions": _m(w.engaged, "sessions with any event whose event_params "
                               "session_engaged = '1'"),
        "organic_search_blog_sessions": _m(
            w.organic_blog, "sessions whose session_start event has param medium = 'organic' "
            "and a page_location path starting with '/blog/'"),
        "new_users": _m(w.new_users, "count of first_visit events"),
        "events": _m(r.ga4.events, "rows in all ga4/events files"),
        "purchase_events": _m(w.purchases, "count of purchase events (incl. cancelled orders)"),
        "purchase_revenue_usd": _m(_money(w.purchase_revenue_usd),
                                   "sum of ecommerce.purchase_revenue of purchase events"),
        "sessions_by_source_medium": dict(sorted(w.by_source_medium.items())),
        "untracked_sessions_not_in_ga4": w.untracked_sessions,
    }


def _shop(r: Results) -> dict[str, Any]:
    s = r.shop
    latest = "latest version (max _fivetran_synced) of each shopify/order id"
    return {
        "orders": _m(s.orders, f"{latest}, cancelled_at null (all created in the period)"),
        "orders_created": s.orders_created, "orders_cancelled": s.orders_cancelled,
        "gross_revenue_usd": _m(_money(s.gross_usd), f"sum of total_price of orders ({latest}, "
                                "cancelled excluded), " + FX_RULE + " of created_at"),
        "refunds_usd": _m(_money(s.refunds_usd), "sum of shopify/order_line_refund.subtotal "
                          "(in the order's currency) of refunds of non-cancelled orders, " +
                          FX_RULE + " of refund.created_at"),
        "net_revenue_usd": _m(_money(s.gross_usd - s.refunds_usd),
                              "gross_revenue_usd - refunds_usd (unrounded values)"),
        "refunds": s.refunds, "partial_refunds": s.partial_refunds,
        "new_customers": _m(s.new_customers,
                            "customers whose first non-cancelled order (latest version) in the "
                            "shopify/order files is in the period: customers with at least one "
                            "non-cancelled order (a customer whose only orders are cancelled is "
                            "never new)"),
        "new_customers_created_before_history": _m(
            s.new_customers_created_before_history,
            "of new_customers, those whose shopify/customer created_at local date is before the "
            "first order's: returning customers whose earlier orders predate the files (the "
            "warehouse counts them and flags them is_customer_created_before_history)"),
        "orders_by_currency": dict(sorted(s.currencies.items())),
        "orders_total_price_over_int32": s.orders_over_int32,
        "orders_with_ga4_purchase": r.web.purchases,
    }


def _marketing(r: Results) -> dict[str, Any]:
    t = r.investment.totals
    channels = sorted(set(t.spend_usd) | set(t.hours))
    return {
        "per_channel": {ch: {"spend_usd": _money(t.spend_usd.get(ch, 0.0)),
                             "hours": round(t.hours.get(ch, 0.0), 2),
                             "time_cost_usd": _money(t.time_cost_usd.get(ch, 0.0))}
                        for ch in channels},
        "total_spend_usd": _money(sum(t.spend_usd.values())),
        "total_hours": round(sum(t.hours.values()), 2),
        "total_time_cost_usd": _money(sum(t.time_cost_usd.values())),
        "definition": "spend_usd = sum of marketing/spend.amount " + FX_RULE + "; hours = sum "
                      "of time_log.hours; time_cost_usd = sum of hours x hourly_cost (IRR) "
                      "converted the same way; per channel as written in the channel column "
                      "('all' = not channel-specific)",
        "spend_rows": t.spend_rows, "time_log_rows": t.time_rows,
    }


def _listening(r: Results) -> dict[str, Any]:
    lst = r.listening
    own = lst.by_brand[OWN.brand]
    return {
        "mentions_by_brand": _m(dict(sorted(lst.by_brand.items())),
                                "listening/mentions rows per brand after mapping ي->ی and ك->ک"),
        "raw_brand_values": dict(sorted(lst.raw_brand_values.items())),
        "share_of_voice_own": _m(round(own / lst.total, 6) if lst.total else None,
                                 "own-brand mentions / all mentions (own + competitors)"),
        "sentiment_by_brand": {b: dict(sorted(c.items())) for b, c in sorted(
            lst.sentiment.items())},
        "own_brand": OWN.brand, "normalised_check": normalise(OWN.brand) == OWN.brand,
    }


def _surveys(r: Results) -> dict[str, Any]:
    s = r.surveys
    return {
        "csat": _m(round(s.csat_satisfied / s.csat_rated, 6) if s.csat_rated else None,
                   "share of surveys/csat rows with csat_score in (4, 5) among rows with a "
                   "csat_score"),
        "nps": _m(round(100 * (s.promoters - s.detractors) / s.nps_rated, 4)
                  if s.nps_rated else None,
                  "100 x (nps_score 9-10 - nps_score 0-6) / rows with an nps_score"),
        "csat_responses": s.csat_responses, "audience_responses": s.audience_responses,
    }
