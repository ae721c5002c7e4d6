"""Attribution (last non-direct in int_orders_attributed and KPI tier 3; every model in
attribution_by_channel) against figures computed here from the landing files alone (GA4 JSON
lines, Shopify CSV, with json/csv/Decimal) and against _ground_truth.json: the shop's headline
totals and the planted causal model (Instagram drives revenue, LinkedIn only awareness)."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

TEHRAN = timezone(timedelta(hours=3, minutes=30))  # Iran: UTC+03:30 all year since 2022
DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫", "01234567890123456789.", "٬")
CENT = Decimal("0.01")
LOOKBACK = timedelta(days=30)  # dbt var attribution_lookback_days (its default)
HALF_LIFE_DAYS = 7  # dbt var attribution_half_life_days (its default)
SEED = Path(__file__).resolve().parents[1] / "dbt_project" / "seeds" / "ga4_source_categories.csv"
PLATFORMS = ("facebook", "instagram", "x", "linkedin", "youtube")
SOCIAL_MEDIUMS = {"social", "social-network", "social-media", "sm", "social network",
                  "social media"}


# ------------------------------------------------------------------ landing files, by hand
def _csv_rows(landing: Path, source: str, table: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted((landing / source / table).glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def _events(landing: Path) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for path in sorted((landing / "ga4" / "events").glob("*.json*")):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            events.extend(json.loads(text))
        else:
            events.extend(json.loads(line) for line in text.splitlines() if line.strip())
    return events


def _param(event: dict[str, Any], key: str) -> Any:
    for p in event.get("event_params") or []:
        if p["key"] == key:
            value = p["value"] or {}
            for kind in ("string_value", "int_value", "double_value", "float_value"):
                if value.get(kind) is not None:
                    return value[kind]
    return None


def _num(text: str) -> Decimal:
    return Decimal(text.strip().translate(DIGITS))


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC).replace(tzinfo=None)


def _local_day(text: str) -> date:
    return datetime.fromisoformat(text).astimezone(TEHRAN).date()


@cache
def _categories() -> dict[str, tuple[str, str | None]]:
    with SEED.open(encoding="utf-8", newline="") as handle:
        return {r["source"]: (r["source_category"], r["social_platform"] or None)
                for r in csv.DictReader(handle)}


def channel_group(source: str | None, medium: str | None, campaign: str | None) -> str:
    """GA4's default channel group, only as far as this test needs it: Direct, Organic
    Social, Paid Social, or 'other' (everything else is non-direct and not social)."""
    src, med, cmp = ((v or "").lower() for v in (source, medium, campaign))
    category = _categories().get(src, ("", None))[0]
    paid = re.fullmatch(r".*cp.*|ppc|retargeting|paid.*", med) is not None
    shopping = category == "shopping" or re.search(r"(([^a-df-z]|^)shop|shopping)", cmp)
    if src in ("(direct)", "") and med in ("(none)", "(not set)", ""):
        return "Direct"
    if "cross-network" in cmp or (shopping and paid) or (category == "search" and paid):
        return "other"
    if category == "social" and paid:
        return "Paid Social"
    if paid or med in ("display", "banner", "expandable", "interstitial", "cpm") or shopping:
        return "other"
    if category == "social" or med in SOCIAL_MEDIUMS:
        return "Organic Social"
    return "other"


def platform_of(source: str | None) -> str | None:
    return _categories().get((source or "").lower(), ("", None))[1]


@dataclass
class Session:
    user: str
    started_at: datetime
    source: str
    medium: str
    campaign: str

    @property
    def group(self) -> str:
        return channel_group(self.source, self.medium, self.campaign)


def _ga4_sessions(events: list[dict[str, Any]]) -> dict[tuple[str, int], Session]:
    """GA4 sessions keyed (user_pseudo_id, ga_session_id); source from the first
    session_start's parameters, else the first collected UTM, else a gclid, else direct."""
    by_session: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        sid = _param(e, "ga_session_id")
        if sid is not None:
            by_session[(e["user_pseudo_id"], int(sid))].append(e)
    sessions: dict[tuple[str, int], Session] = {}
    for key, evs in by_session.items():
        evs.sort(key=lambda e: e["event_timestamp"])
        started = datetime.fromtimestamp(evs[0]["event_timestamp"] / 1e6, UTC)
        starts = [e for e in evs if e["event_name"] == "session_start" and _param(e, "source")]
        manual = [e for e in evs if (e.get("collected_traffic_source") or {}).get("manual_source")]
        gclid = [e for e in evs if (e.get("collected_traffic_source") or {}).get("gclid")]
        if starts:
            s = starts[0]
            src = (_param(s, "source"), _param(s, "medium") or "(not set)",
                   _param(s, "campaign") or "(not set)")
        elif manual:
            c = manual[0]["collected_traffic_source"]
            src = (c["manual_source"], c.get("manual_medium") or "(not set)",
                   c.get("manual_campaign_name") or "(not set)")
        elif gclid:
            src = ("google", "cpc", "(not set)")
        else:
            src = ("(direct)", "(none)", "(direct)")
        sessions[key] = Session(key[0], started.replace(tzinfo=None), *src)
    return sessions


def _purchase_sessions(events: list[dict[str, Any]]) -> dict[str, tuple[str, int]]:
    """Transaction id -> the session of its first purchase event (with a ga_session_id)."""
    first: dict[str, tuple[int, tuple[str, int]]] = {}
    for e in events:
        tid = (e.get("ecommerce") or {}).get("transaction_id")
        sid = _param(e, "ga_session_id")
        if e["event_name"] != "purchase" or not tid or sid is None:
            continue
        if tid not in first or e["event_timestamp"] < first[tid][0]:
            first[tid] = (e["event_timestamp"], (e["user_pseudo_id"], int(sid)))
    return {tid: key for tid, (_, key) in first.items()}


def _latest_orders(landing: Path) -> dict[str, dict[str, str]]:
    latest: dict[str, dict[str, str]] = {}
    for r in _csv_rows(landing, "shopify", "order"):
        kept = latest.get(r["id"])
        if kept is None or _utc(r["_fivetran_synced"]) > _utc(kept["_fivetran_synced"]):
            latest[r["id"]] = r
    return latest


def _utm(order: dict[str, str]) -> dict[str, str]:
    tags = {t["key"]: t["value"] for t in json.loads(order["order_url_tags"] or "[]")}
    landing_query = parse_qs(urlsplit(order["landing_site_base_url"] or "").query)
    return {k: tags.get(k) or (landing_query.get(k) or [None])[0]
            for k in ("utm_source", "utm_medium", "utm_campaign")}


def _referring_host(order: dict[str, str]) -> str | None:
    """The referring site's host, lower case, without `www.` (GA4's source of a referral)."""
    text = (order.get("referring_site") or "").strip()
    if not text:
        return None
    host = (urlsplit(text if "//" in text else "//" + text).hostname or "").lower()
    return host.removeprefix("www.") or None


def last_non_direct(landing: Path) -> dict[str, tuple[str, str | None]]:
    """Order id -> (channel group, platform) under last non-direct click, computed here."""
    events = _events(landing)
    sessions = _ga4_sessions(events)
    purchases = _purchase_sessions(events)
    by_user: dict[str, list[Session]] = defaultdict(list)
    for s in sessions.values():
        by_user[s.user].append(s)
    credit: dict[str, tuple[str, str | None]] = {}
    for oid, order in _latest_orders(landing).items():
        key = purchases.get(oid)
        if key is not None:
            own = sessions[key]
            window = _utc(order["created_at"]) - LOOKBACK
            earlier = [s for s in by_user[own.user]
                       if window <= s.started_at < own.started_at and s.group != "Direct"]
            chosen = own if own.group != "Direct" or not earlier else \
                max(earlier, key=lambda s: s.started_at)
            credit[oid] = (chosen.group, platform_of(chosen.source))
            continue
        utm = _utm(order)
        host = _referring_host(order)
        if utm["utm_source"] or utm["utm_medium"]:
            credit[oid] = (channel_group(utm["utm_source"], utm["utm_medium"],
                                         utm["utm_campaign"]), platform_of(utm["utm_source"]))
        elif host:
            credit[oid] = (channel_group(host, "referral", None), platform_of(host))
        else:
            credit[oid] = ("Unattributed", None)
    return credit


class _Rates:
    """Landed FX rates; a day without one takes the last earlier rate of the currency."""

    def __init__(self, landing: Path) -> None:
        self.known: dict[str, dict[date, Decimal]] = defaultdict(dict)
        for r in _csv_rows(landing, "marketing", "fx_rates"):
            self.known[r["currency"].strip().upper()][date.fromisoformat(r["date"])] = \
                _num(r["rate_to_reporting_currency"])

    def __call__(self, currency: str, day: date) -> Decimal:
        known = self.known[currency.strip().upper()]
        return known[max(d for d in known if d <= day)]


def _net_revenue(landing: Path) -> dict[str, Decimal]:
    """Order id -> net revenue in USD (order at its UTC date's rate, refunds at theirs)."""
    rate = _Rates(landing)
    orders = _latest_orders(landing)
    net = {oid: _num(o["total_price"]) * rate(o["currency"], _utc(o["created_at"]).date())
           for oid, o in orders.items() if not o["cancelled_at"]}
    refunds = {r["id"]: r for r in _csv_rows(landing, "shopify", "refund")}
    for line in _csv_rows(landing, "shopify", "order_line_refund"):
        refund = refunds[line["refund_id"]]
        if refund["order_id"] in net:
            order = orders[refund["order_id"]]
            net[refund["order_id"]] -= _num(line["subtotal"]) * rate(
                order["currency"], _utc(refund["created_at"]).date())
    return net


# ------------------------------------------------------------------ the warehouse
MART = "marts.kpi_tier_3_daily"


def test_shop_totals_equal_ground_truth(pipeline):
    _, con, truth, _ = pipeline
    shop = truth["headline"]["shop"]
    orders, net, new_customers, gross, refunded = con.execute(f"""
        select sum(orders), sum(net_revenue), sum(new_customers), sum(gross_revenue),
               sum(refunded_revenue)
        from {MART} where platform = 'all'
    """).fetchone()
    assert orders == shop["orders"]["value"]
    assert new_customers == shop["new_customers"]["value"]
    # each day is kept to 1/100 of a cent, the ground truth rounded once to the cent
    assert round(net, 2) == Decimal(str(shop["net_revenue_usd"]["value"]))
    assert round(gross, 2) == Decimal(str(shop["gross_revenue_usd"]["value"]))
    assert round(refunded, 2) == Decimal(str(shop["refunds_usd"]["value"]))


def test_every_calendar_day_has_a_shop_row_and_a_row_per_own_account(pipeline):
    landing, con, _, _ = pipeline
    own = {(r["platform"], r["account_id"]) for r in
           _csv_rows(landing, "social_accounts", "accounts") if r["is_own"] == "true"}
    days = [d for (d,) in con.execute(
        "select calendar_date from intermediate.int_dates_enriched").fetchall()]
    rows = Counter((d, p, a) for d, p, a in con.execute(
        f"select metric_date, platform, account_id from {MART}").fetchall())
    expected = {(d, p, a) for d in days for p, a in own | {("all", "all")}}
    assert set(rows) == expected
    assert set(rows.values()) == {1}
    order_days = {_local_day(o["created_at"]) for o in _latest_orders(landing).values()}
    assert order_days <= set(days)


def test_daily_orders_match_the_landed_orders(pipeline):
    landing, con, _, _ = pipeline
    expected = Counter(_local_day(o["created_at"]) for o in _latest_orders(landing).values()
                       if not o["cancelled_at"])
    got = dict(con.execute(f"select metric_date, orders from {MART} where platform = 'all'")
               .fetchall())
    assert got == {d: expected.get(d, 0) for d in got}


def test_social_attributed_orders_per_platform_match_an_independent_attribution(pipeline):
    landing, con, _, _ = pipeline
    credit = last_non_direct(landing)
    orders = _latest_orders(landing)
    net = _net_revenue(landing)
    expected: dict[str, Counter] = {p: Counter() for p in (*PLATFORMS, "all")}
    revenue: dict[str, Decimal] = defaultdict(Decimal)
    for oid, (group, platform) in credit.items():
        if orders[oid]["cancelled_at"] or group not in ("Organic Social", "Paid Social"):
            continue
        for row in ("all", platform):
            if row is not None:
                expected[row][group] += 1
                revenue[row] += net[oid]
    got = {p: (o, s, n) for p, o, s, n in con.execute(f"""
        select platform, sum(organic_social_orders), sum(paid_social_orders),
               sum(social_attributed_net_revenue)
        from {MART} group by platform
    """).fetchall()}
    for platform, counts in expected.items():
        organic, paid, net_revenue = got[platform]
        assert (organic, paid) == (counts["Organic Social"], counts["Paid Social"]), platform
        # daily figures keep four decimals: 1/200 of a cent of drift per day at most
        days = con.execute(f"select count(distinct metric_date) from {MART}").fetchone()[0]
        assert abs(net_revenue - revenue[platform]) <= CENT / 200 * days, platform
    assert sum(expected["all"].values()) > 0


def test_attribution_basis_and_channel_per_order_match(pipeline):
    landing, con, _, _ = pipeline
    credit = last_non_direct(landing)
    got = {str(oid): (group, platform) for oid, group, platform in con.execute("""
        select order_id, attributed_channel_group, attributed_social_platform
        from intermediate.int_orders_attributed
    """).fetchall()}
    assert set(got) == set(credit)
    for oid, (group, platform) in credit.items():
        model_group, model_platform = got[oid]
        if group == "other":  # this test tells only Direct and social groups apart
            assert model_group not in ("Direct", "Organic Social", "Paid Social",
                                       "Unattributed"), oid
        else:
            assert model_group == group, oid
        assert model_platform == platform, oid
    bases = Counter(b for (b,) in con.execute(
        "select attribution_basis from intermediate.int_orders_attributed").fetchall())
    assert bases["ga4_earlier_session"] > 0 and bases["shopify_utm"] > 0 and bases["none"] > 0
    assert bases["shopify_referring_site"] > 0


def test_causal_model_instagram_drives_revenue_linkedin_only_awareness(pipeline):
    _, con, truth, _ = pipeline
    channels = truth["causal_model"]["channels"]
    assert channels["instagram"]["role"] == "revenue_driver"
    assert channels["linkedin"]["role"] == "awareness_only"
    by_platform = dict(con.execute(f"""
        select platform, sum(social_attributed_orders) from {MART} group by platform
    """).fetchall())
    # LinkedIn causes no order, yet last-non-direct may credit it with some (a LinkedIn
    # visitor who later buys in a direct session): credit is not cause, which is why the ROI
    # marts put the incrementality estimate beside it (tests/test_default_sample_answers.py)
    assert channels["linkedin"]["realised_induced_orders"] == 0
    assert by_platform["instagram"] > 0
    # every order the model induced through Instagram is credited to Instagram
    credited = {oid for (oid,) in con.execute("""
        select order_id from intermediate.int_orders_attributed
        where attributed_social_platform = 'instagram' and is_social_attributed
    """).fetchall()}
    induced = set(channels["instagram"]["induced_order_ids"])
    assert induced <= credited
    live_induced = con.execute(f"""
        select count(*) from intermediate.int_orders_attributed
        where not is_cancelled and order_id in ({", ".join(map(str, induced))})
    """).fetchone()[0]
    assert by_platform["instagram"] >= live_induced


def test_mart_column_types(pipeline):
    _, con, _, _ = pipeline
    types = dict(con.execute("""
        select column_name, data_type from information_schema.columns
        where table_schema = 'marts' and table_name = 'kpi_tier_3_daily'
    """).fetchall())
    assert "HUGEINT" not in types.values()
    assert types["metric_date"] == "DATE"
    assert types["platform"] == types["account_id"] == "VARCHAR"
    assert types["social_order_share"] == "DOUBLE"
    for column, kind in types.items():
        if column.endswith(("orders", "customers")):
            assert kind == "BIGINT", column
        if column.endswith(("revenue", "order_value")):
            assert kind == "DECIMAL(18,4)", column


def test_shares_within_zero_and_one_and_null_without_orders(pipeline):
    _, con, _, _ = pipeline
    bad = con.execute(f"""
        select count(*) from {MART} as m
        inner join {MART} as shop on m.metric_date = shop.metric_date and shop.platform = 'all'
        where (shop.orders = 0 and m.social_order_share is not null)
           or (shop.orders > 0 and not m.social_order_share between 0 and 1)
    """).fetchone()[0]
    assert bad == 0


# ------------------------------------------------------------------ every attribution model
EMAIL_NAMES = {"email", "e-mail", "e_mail", "e mail"}
PLATFORM_GROUPS = {"Organic Social", "Paid Social", "Organic Video", "Paid Video"}
GROUP_CHANNELS = {"Paid Search": "paid_search", "Organic Search": "organic_search",
                  "Email": "email", "Referral": "referral", "Direct": "direct",
                  "Unattributed": "unattributed"}
MODELS = ("first_touch", "last_touch", "last_non_direct", "linear", "position_based",
          "time_decay")


def ga4_group(source: str | None, medium: str | None, campaign: str | None) -> str:
    """GA4's default channel group, written here from Google's rule table (first match wins)."""
    src, med, cmp = ((v or "").lower() for v in (source, medium, campaign))
    category = _categories().get(src, ("", None))[0]
    paid = re.fullmatch(r".*cp.*|ppc|retargeting|paid.*", med) is not None
    shopping = re.search(r"(([^a-df-z]|^)shop|shopping)", cmp) is not None
    rules = (
        (src in ("(direct)", "") and med in ("(none)", "(not set)", ""), "Direct"),
        ("cross-network" in cmp, "Cross-network"),
        ((category == "shopping" or shopping) and paid, "Paid Shopping"),
        (category == "search" and paid, "Paid Search"),
        (category == "social" and paid, "Paid Social"),
        (category == "video" and paid, "Paid Video"),
        (med in ("display", "banner", "expandable", "interstitial", "cpm"), "Display"),
        (paid, "Paid Other"),
        (category == "shopping" or shopping, "Organic Shopping"),
        (category == "social" or med in SOCIAL_MEDIUMS, "Organic Social"),
        (category == "video" or "video" in med, "Organic Video"),
        (category == "search" or med == "organic", "Organic Search"),
        (med in ("referral", "app", "link"), "Referral"),
        (src in EMAIL_NAMES or med in EMAIL_NAMES or category == "email", "Email"),
    )
    return next((group for matched, group in rules if matched), "Unassigned")


def canonical_channel(source: str | None, medium: str | None, campaign: str | None) -> str:
    group = ga4_group(source, medium, campaign)
    platform = platform_of(source)
    if group in PLATFORM_GROUPS and platform:
        return platform
    return GROUP_CHANNELS.get(group, "other")


@dataclass
class Touch:
    at: datetime
    channel: str
    is_direct: bool


def journeys(landing: Path) -> dict[str, list[Touch]]:
    """Order id -> its journey in time order: the GA4 purchase session and the same user's
    sessions started within the lookback before the order (and before the purchase session);
    else one touch from the order's UTM tags, its referring site, or 'unattributed'."""
    events = _events(landing)
    sessions = _ga4_sessions(events)
    purchases = _purchase_sessions(events)
    by_user: dict[str, list[Session]] = defaultdict(list)
    for s in sessions.values():
        by_user[s.user].append(s)

    def touch(s: Session) -> Touch:
        return Touch(s.started_at, canonical_channel(s.source, s.medium, s.campaign),
                     s.group == "Direct")

    out: dict[str, list[Touch]] = {}
    for oid, order in _latest_orders(landing).items():
        created = _utc(order["created_at"])
        key = purchases.get(oid)
        if key is not None:
            own = sessions[key]
            earlier = sorted((s for s in by_user[own.user]
                              if created - LOOKBACK <= s.started_at < own.started_at),
                             key=lambda s: s.started_at)
            out[oid] = [touch(s) for s in earlier] + [touch(own)]
            continue
        utm, host = _utm(order), _referring_host(order)
        if utm["utm_source"] or utm["utm_medium"]:
            channel = canonical_channel(utm["utm_source"], utm["utm_medium"], utm["utm_campaign"])
        elif host:
            channel = canonical_channel(host, "referral", None)
        else:
            channel = "unattributed"
        out[oid] = [Touch(created, channel, False)]
    return out


def credits(model: str, path: list[Touch], placed: datetime) -> list[float]:
    """The model's credit per touch of a journey, from the rules as the issue states them."""
    n = len(path)
    if model == "first_touch":
        return [1.0] + [0.0] * (n - 1)
    if model == "last_touch":
        return [0.0] * (n - 1) + [1.0]
    if model == "last_non_direct":
        chosen = max((i for i, t in enumerate(path) if not t.is_direct), default=n - 1)
        return [1.0 if i == chosen else 0.0 for i in range(n)]
    if model == "linear":
        return [1 / n] * n
    if model == "position_based":
        if n <= 2:
            return [1 / n] * n
        return [0.4] + [0.2 / (n - 2)] * (n - 2) + [0.4]
    weights = [2 ** (-max((placed - t.at).total_seconds(), 0) / 86400 / HALF_LIFE_DAYS)
               for t in path]
    return [w / sum(weights) for w in weights]


def test_attribution_by_channel_matches_every_model_computed_from_the_landing_files(pipeline):
    landing, con, _, _ = pipeline
    orders = _latest_orders(landing)
    net = _net_revenue(landing)
    paths = journeys(landing)
    expected: dict[tuple[date, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for oid, path in paths.items():
        if orders[oid]["cancelled_at"]:
            continue
        month = _local_day(orders[oid]["created_at"]).replace(day=1)
        for model in MODELS:
            for t, c in zip(path, credits(model, path, _utc(orders[oid]["created_at"])),
                            strict=True):
                expected[(month, t.channel, model)][0] += c
                expected[(month, t.channel, model)][1] += c * float(net[oid])
    got = {(m, ch, model): (o, float(r)) for m, ch, model, o, r in con.execute("""
        select month_start_date, channel, attribution_model, credited_orders,
               credited_net_revenue
        from marts.attribution_by_channel
    """).fetchall()}
    assert {k for k, (o, _) in got.items() if o > 1e-9} == \
        {k for k, (o, _) in expected.items() if o > 1e-9}
    for key, (orders_credited, revenue) in expected.items():
        model_orders, model_revenue = got[key]
        tolerance = 1e-4 if key[2] == "time_decay" else 1e-9  # the model's ages are whole seconds
        assert abs(model_orders - orders_credited) <= tolerance * max(1, orders_credited), key
        # each credit row is kept to 4 decimals: 1/100 of a cent per credited touch at most
        assert abs(model_revenue - revenue) <= 0.0001 * 200 + tolerance * revenue, key
    # the sample exercises every kind of journey: several touches, several channels
    assert max(len(p) for p in paths.values()) >= 3
    assert {"instagram", "direct", "unattributed"} <= {k[1] for k in expected}
