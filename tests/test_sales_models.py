"""Sales, marketing and calendar models against figures computed here from the landing files
alone (csv + Decimal) and against an independent Solar Hijri implementation."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.landing_files import csv_rows as _rows

DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫", "01234567890123456789.", "٬")
TEHRAN = timezone(timedelta(hours=3, minutes=30))  # Iran has kept UTC+03:30 all year since 2022
CENT = Decimal("0.01")


# ------------------------------------------------------------------ landing files, by hand
def _num(text: str) -> Decimal:
    return Decimal(text.strip().translate(DIGITS))


def _utc_day(text: str) -> date:
    return datetime.fromisoformat(text).astimezone(UTC).date()


def _local_day(text: str) -> date:
    return datetime.fromisoformat(text).astimezone(TEHRAN).date()


class _Rates:
    """Landed FX rates; a day without one takes the last earlier rate of the currency."""

    def __init__(self, landing: Path) -> None:
        self.by_currency: dict[str, dict[date, Decimal]] = defaultdict(dict)
        for r in _rows(landing, "marketing", "fx_rates"):
            self.by_currency[r["currency"].strip().upper()][date.fromisoformat(r["date"])] = \
                _num(r["rate_to_reporting_currency"])

    def __call__(self, currency: str, day: date) -> Decimal:
        known = self.by_currency[currency]
        return known[max(d for d in known if d <= day)]


def _latest_orders(landing: Path) -> dict[str, dict[str, str]]:
    latest: dict[str, dict[str, str]] = {}
    for r in _rows(landing, "shopify", "order"):
        synced = datetime.fromisoformat(r["_fivetran_synced"])
        kept = latest.get(r["id"])
        if kept is None or synced > datetime.fromisoformat(kept["_fivetran_synced"]):
            latest[r["id"]] = r
    return latest


def _landed_shop(landing: Path) -> dict[str, Any]:
    rate = _Rates(landing)
    orders = _latest_orders(landing)
    live = {i: o for i, o in orders.items() if not o["cancelled_at"]}
    gross = sum((_num(o["total_price"]) * rate(o["currency"], _utc_day(o["created_at"]))
                 for o in live.values()), Decimal(0))
    refunds = {r["id"]: r for r in _rows(landing, "shopify", "refund")}
    refunded = Decimal(0)
    for line in _rows(landing, "shopify", "order_line_refund"):
        refund = refunds[line["refund_id"]]
        order = live.get(refund["order_id"])
        if order is not None:
            refunded += _num(line["subtotal"]) * rate(order["currency"],
                                                      _utc_day(refund["created_at"]))
    # a new customer: each customer with a kept (non-cancelled) order, once; flagged when its
    # record predates the first loaded order's local date
    start = min(_local_day(o["created_at"]) for o in orders.values())
    buyers = {o["customer_id"] for o in live.values() if o["customer_id"]}
    created = {c["id"]: _local_day(c["created_at"]) for c in _rows(landing, "shopify", "customer")}
    return {"orders": len(live), "gross": gross, "refunds": refunded,
            "net": gross - refunded, "new_customers": len(buyers),
            "new_customers_created_before_history": sum(1 for b in buyers if created[b] < start)}


# --------------------------------------------- Solar Hijri: Borkowski's algorithm (jalaali-js)
# An independent method: it places Nowruz from the table of 33-year-cycle breaks and the
# Julian day number, where the dbt macro counts days in fixed 33-year cycles.
_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192,
           2262, 2324, 2394, 2456, 3178)


def _div(a: int, b: int) -> int:
    return int(a / b)


def _mod(a: int, b: int) -> int:
    return a - _div(a, b) * b


def _jal_cal(jy: int) -> tuple[int, int]:
    """(leap: 0 for a leap year, March day of Nowruz) of Jalali year jy."""
    gy, leap_j, jp, jump = jy + 621, -14, _BREAKS[0], 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        jp = jm
    n = jy - jp
    leap_j += _div(n, 33) * 8 + _div(_mod(n, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = _div(gy, 4) - _div((_div(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + _div(jump + 4, 33) * 33
    leap = _mod(_mod(n + 1, 33) - 1, 4)
    return (4 if leap == -1 else leap), march


def _g2jdn(gy: int, gm: int, gd: int) -> int:
    d = _div((gy + _div(gm - 8, 6) + 100100) * 1461, 4) + _div(153 * _mod(gm + 9, 12) + 2, 5) \
        + gd - 34840408
    return d - _div(_div(gy + 100100 + _div(gm - 8, 6), 100) * 3, 4) + 752


def borkowski_jalali(day: date) -> tuple[int, int, int]:
    jdn = _g2jdn(day.year, day.month, day.day)
    jy = day.year - 621
    leap, march = _jal_cal(jy)
    k = jdn - _g2jdn(day.year, 3, march)
    if k >= 0:
        if k <= 185:
            return jy, 1 + _div(k, 31), _mod(k, 31) + 1
        k -= 186
    else:
        jy -= 1
        k += 179
        if leap == 1:
            k += 1
    return jy, 7 + _div(k, 30), _mod(k, 30) + 1


MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر",
          "دی", "بهمن", "اسفند")
MONTHS_EN = ("Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr",
             "Aban", "Azar", "Dey", "Bahman", "Esfand")

# Worked by hand: Nowruz 1405 is 2026-03-21, and 2026-10-31 is 224 days later = 6 months of
# 31 days (186) + 38 days = month 8, day 9. 1403 is a leap year (Esfand has 30 days).
KNOWN = {
    date(2025, 3, 21): (1404, 1, 1),
    date(2025, 3, 20): (1403, 12, 30),
    date(2024, 3, 20): (1403, 1, 1),
    date(2026, 3, 21): (1405, 1, 1),
    date(1979, 2, 11): (1357, 11, 22),
    date(2000, 1, 1): (1378, 10, 11),
    date(2026, 10, 31): (1405, 8, 9),
}


@pytest.mark.parametrize(("day", "expected"), sorted(KNOWN.items()))
def test_reference_jalali_implementation_matches_known_dates(day, expected):
    assert borkowski_jalali(day) == expected


# ------------------------------------------------------------------ the warehouse
def test_net_revenue_equals_landed_orders_minus_refunds_and_ground_truth(pipeline):
    landing, con, truth, _ = pipeline
    landed = _landed_shop(landing)
    shop = truth["headline"]["shop"]
    gross, refunds, net, orders = con.execute("""
        select sum(gross_revenue), sum(refunded_revenue), sum(net_revenue),
               count(*) filter (where not is_cancelled)
        from intermediate.int_orders_enriched
    """).fetchone()
    assert Decimal(str(net)) == pytest.approx(landed["net"], abs=CENT)
    assert Decimal(str(gross)) == pytest.approx(landed["gross"], abs=CENT)
    assert Decimal(str(refunds)) == pytest.approx(landed["refunds"], abs=CENT)
    assert net == pytest.approx(shop["net_revenue_usd"]["value"], abs=0.01)
    assert gross == pytest.approx(shop["gross_revenue_usd"]["value"], abs=0.01)
    assert refunds == pytest.approx(shop["refunds_usd"]["value"], abs=0.01)
    assert refunds > 0
    assert orders == landed["orders"] == shop["orders"]["value"]


def test_cancelled_orders_keep_their_row_with_zero_revenue(pipeline):
    _, con, truth, _ = pipeline
    shop = truth["headline"]["shop"]
    rows, cancelled, cancelled_net = con.execute("""
        select count(*), count(*) filter (where is_cancelled),
               sum(case when is_cancelled then abs(net_revenue) + abs(gross_revenue) end)
        from intermediate.int_orders_enriched
    """).fetchone()
    assert rows == shop["orders_created"]
    assert cancelled == shop["orders_cancelled"] > 0
    assert cancelled_net == 0


def test_new_customers_match_landed_customers_and_ground_truth(pipeline):
    landing, con, truth, _ = pipeline
    new, flagged, cancelled_new, starts = con.execute("""
        select count(*) filter (where is_new_customer),
               count(*) filter (where is_new_customer and is_customer_created_before_history),
               count(*) filter (where is_new_customer and is_cancelled),
               count(distinct order_history_start_date)
        from intermediate.int_orders_enriched""").fetchone()
    landed = _landed_shop(landing)
    shop = truth["headline"]["shop"]
    assert new == landed["new_customers"] == shop["new_customers"]["value"]
    assert flagged == landed["new_customers_created_before_history"] \
        == shop["new_customers_created_before_history"]["value"] > 0
    assert cancelled_new == 0
    assert starts == 1


def test_transaction_id_is_the_order_id_as_text(pipeline):
    landing, con, _, _ = pipeline
    ids = {r[0] for r in con.execute(
        "select transaction_id from intermediate.int_orders_enriched").fetchall()}
    assert ids == set(_latest_orders(landing))


def test_marketing_costs_match_ground_truth_per_channel(pipeline):
    _, con, truth, _ = pipeline
    marketing = truth["headline"]["marketing"]
    rows = con.execute("""
        select source_channel,
               sum(case when cost_kind = 'money' then cost_amount else 0 end),
               sum(case when cost_kind = 'time' then cost_amount else 0 end),
               sum(coalesce(hours, 0))
        from intermediate.int_marketing_costs_unioned
        group by source_channel
    """).fetchall()
    got = {r[0]: r[1:] for r in rows}
    assert set(got) == set(marketing["per_channel"])
    for channel, expected in marketing["per_channel"].items():
        spend, time_cost, hours = got[channel]
        assert spend == pytest.approx(expected["spend_usd"], abs=0.01), channel
        assert time_cost == pytest.approx(expected["time_cost_usd"], abs=0.01), channel
        assert hours == pytest.approx(expected["hours"]), channel


def test_fx_rates_cover_every_day_and_currency(pipeline):
    landing, con, _, _ = pipeline
    rate = _Rates(landing)
    rows = con.execute("""
        select currency, rate_date, rate_to_reporting_currency
        from intermediate.int_fx_rates_filled
    """).fetchall()
    assert rows
    for currency, day, value in rows:
        expected = Decimal(1) if currency == "USD" else rate(currency, day)
        assert Decimal(str(value)) == expected, (currency, day)
    days = {r[1] for r in rows}
    assert days == {min(days) + timedelta(n) for n in range((max(days) - min(days)).days + 1)}


def test_calendar_jalali_matches_independent_implementation(pipeline):
    landing, con, _, _ = pipeline
    rows = con.execute("""
        select calendar_date, jalali_year, jalali_month, jalali_day, jalali_month_name_fa,
               jalali_month_name_en, iso_year, iso_week, iso_day_of_week, is_weekend
        from intermediate.int_dates_enriched
        order by calendar_date
    """).fetchall()
    assert rows
    for day, jy, jm, jd, name_fa, name_en, iso_year, iso_week, iso_dow, weekend in rows:
        assert (jy, jm, jd) == borkowski_jalali(day), day
        assert (name_fa, name_en) == (MONTHS[jm - 1], MONTHS_EN[jm - 1]), day
        assert (iso_year, iso_week, iso_dow) == tuple(day.isocalendar()), day
        assert weekend == (day.isoweekday() == 5), day
    orders = _latest_orders(landing).values()
    first = min(_local_day(o["created_at"]) for o in orders)
    last = max(_local_day(o["created_at"]) for o in orders)
    assert rows[0][0] <= first and rows[-1][0] >= last
    assert [r[0] for r in rows] == [rows[0][0] + timedelta(n) for n in range(len(rows))]


def test_orders_link_to_the_ga4_session_of_their_purchase(pipeline):
    """Linked orders are exactly the orders whose id a landed GA4 purchase event carries, and
    each links to that event's (user_pseudo_id, ga_session_id) session."""
    import json

    landing, con, _, _ = pipeline
    orders = set(_latest_orders(landing))
    first_purchase: dict[str, tuple[int, str, int]] = {}
    for path in sorted((landing / "ga4" / "events").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            event = json.loads(line)
            transaction = (event.get("ecommerce") or {}).get("transaction_id")
            if event["event_name"] != "purchase" or transaction not in orders:
                continue
            params = {p["key"]: p["value"] for p in event["event_params"]}
            session = params["ga_session_id"]["int_value"]
            seen = first_purchase.get(transaction)
            if seen is None or event["event_timestamp"] < seen[0]:
                first_purchase[transaction] = (event["event_timestamp"],
                                               event["user_pseudo_id"], session)
    assert 0 < len(first_purchase) < len(orders)  # GA4 misses some orders, as in life
    linked = con.execute(
        "select o.transaction_id, s.user_pseudo_id, s.ga_session_id "
        "from intermediate.int_orders_enriched as o "
        "inner join intermediate.int_web_sessions_assembled as s "
        "on o.ga4_session_key = s.session_key"
    ).fetchall()
    assert {r[0]: (r[1], r[2]) for r in linked} == {
        t: (user, session) for t, (_, user, session) in first_purchase.items()}
    (unlinked,) = con.execute("select count(*) from intermediate.int_orders_enriched "
                              "where not is_linked_to_ga4").fetchone()
    assert unlinked == len(orders) - len(first_purchase)
