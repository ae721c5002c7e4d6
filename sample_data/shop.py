"""shopify/*: orders (one row per sync/version), lines, refunds, refunded lines, customers.

Versions are queued by the local day of their sync and written when that day closes, so the
shop streams day by day. Totals for the ground truth are accumulated from the exact values
written (refunds and cancellations only happen when they fall inside the period).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from .catalogue import DISCOUNT_RATE, DISCOUNT_SHARE, PRODUCTS, Product, basket
from .clock import TEHRAN, local_date, local_start, utc_date
from .config import Period
from .customers import Customer, CustomerBook
from .fx import FxTable
from .money import to_text
from .randomness import stream
from .traffic import Touch
from .writers import Sinks

REFUND_SHARE, PARTIAL_SHARE, CANCEL_SHARE, COD_SHARE = 0.05, 0.4, 0.015, 0.1


@dataclass
class ShopTotals:
    orders_created: int = 0
    orders_cancelled: int = 0
    orders: int = 0
    gross_usd: float = 0.0
    refunds_usd: float = 0.0
    refunds: int = 0
    partial_refunds: int = 0
    order_versions: int = 0
    currencies: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    induced_orders: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    induced_gross_usd: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    orders_over_int32: int = 0
    new_customers: int = 0
    new_customers_created_before_history: int = 0


@dataclass
class PlacedOrder:
    order_id: int
    revenue_usd: float


def _unit_cents(p: Product, currency: str, rate: float) -> int:
    if currency == "USD":
        return round(p.price_usd * 100)
    return round(p.price_usd / rate / 10_000) * 10_000 * 100  # whole 10,000 rials


def _round_unit(cents: float, currency: str) -> int:
    return round(cents) if currency == "USD" else round(cents / 100) * 100


class Shop:
    def __init__(self, sinks: Sinks, seed: int, period: Period, fx: FxTable) -> None:
        self.sinks, self.period, self.fx = sinks, period, fx
        self.rng = stream(seed, "shop")
        self.customers = CustomerBook(stream(seed, "customers"), local_start(period.start))
        self.end_instant = local_start(period.end) + timedelta(hours=23, minutes=59, seconds=59)
        self.queue: dict[date, list[tuple[datetime, str, dict[str, Any]]]] = defaultdict(list)
        self.totals = ShopTotals()
        self.n_orders = self.n_lines = self.n_refunds = self.n_refund_lines = 0
        self.office_order_done = False
        # customers with a kept (non-cancelled) order, and the record each was created with
        self.kept_buyers: dict[str, Customer] = {}

    def _queue(self, when: datetime, table: str, row: dict[str, Any]) -> None:
        when = min(when, self.end_instant)
        self.queue[local_date(when)].append((when, table, row))

    def customer_for(self, known: Customer | None, when: datetime) -> Customer:
        if known is not None:
            return known
        if self.rng.random() < 0.25:
            return self.customers.returning(when)
        return self.customers.new(when)

    def place(self, when: datetime, touch: Touch, landing_url: str, customer: Customer,
              currency: str, induced: str | None) -> PlacedOrder:
        rng, t = self.rng, self.totals
        when = when.astimezone(TEHRAN)
        self.n_orders += 1
        order_id = 5_400_000_000_000 + self.n_orders
        fx_day = utc_date(when)
        rate = self.fx.rate(currency if currency != "USD" else "IRR", fx_day)
        items = basket(rng)
        if not self.office_order_done and currency == "IRR" and self.n_orders >= 3:
            self.office_order_done = True  # an office buys a 2-group machine: > 2^31 rials
            items = [(PRODUCTS[-1], 1)] + [(p, q) for p, q in items if p != PRODUCTS[-1]]
        lines = [(p, q, _unit_cents(p, currency, rate)) for p, q in items]
        gross_lines = sum(q * u for _, q, u in lines)
        discounted = rng.random() < DISCOUNT_SHARE
        discount = _round_unit(gross_lines * DISCOUNT_RATE, currency) if discounted else 0
        subtotal = gross_lines - discount
        tax = _round_unit(subtotal * 10 / 110, currency)
        cancel = rng.random() < CANCEL_SHARE
        cancel_at = when + timedelta(hours=rng.uniform(2, 30))
        cancel = cancel and cancel_at <= self.end_instant
        cod = rng.random() < COD_SHARE and not cancel
        order_tags = None
        if touch.tagged and not touch.gclid:
            tags = [{"key": "utm_source", "value": touch.source},
                    {"key": "utm_medium", "value": touch.medium}]
            if touch.campaign:
                tags.append({"key": "utm_campaign", "value": touch.campaign})
            order_tags = json.dumps(tags, ensure_ascii=False)
        base = {
            "id": order_id, "name": f"#NV{1000 + self.n_orders}", "created_at": when,
            "processed_at": when, "cancelled_at": None, "customer_id": customer.id,
            "email": customer.email, "currency": currency, "total_price": to_text(subtotal),
            "subtotal_price": to_text(subtotal), "total_discounts": to_text(discount),
            "total_tax": to_text(tax), "financial_status": "pending" if cod else "paid",
            "landing_site_base_url": landing_url, "referring_site": touch.referrer,
            "source_name": "web", "order_url_tags": order_tags,
        }
        synced = when + timedelta(minutes=rng.randint(3, 40))
        self._version(base, synced)
        if not customer.written:
            customer.written = True
            self._queue(synced, "customer", {
                "id": customer.id, "created_at": customer.created_at, "email": customer.email,
                "accepts_marketing": customer.accepts_marketing,
            })
        line_ids = []
        for p, q, unit in lines:
            self.n_lines += 1
            line_ids.append(13_000_000_000_000 + self.n_lines)
            self._queue(synced, "order_line", {
                "id": line_ids[-1], "order_id": order_id, "product_id": p.product_id,
                "sku": p.sku, "title": p.title, "quantity": q, "price": to_text(unit),
            })
        if cod:
            paid_at = when + timedelta(days=rng.randint(1, 3))
            if paid_at <= self.end_instant:
                self._version(dict(base, financial_status="paid"), paid_at)
        t.orders_created += 1
        t.currencies[currency] += 1
        usd = self.fx.to_usd(subtotal, currency, fx_day)
        if cancel:
            t.orders_cancelled += 1
            self._version(dict(base, cancelled_at=cancel_at, financial_status="voided"), cancel_at)
            return PlacedOrder(order_id, round(usd, 2))
        t.orders += 1
        t.gross_usd += usd
        self.kept_buyers.setdefault(customer.id, customer)
        t.orders_over_int32 += subtotal // 100 > 2**31 - 1
        if induced:
            t.induced_orders[induced] += 1
            t.induced_gross_usd[induced] += usd
        refund_at = when + timedelta(days=rng.uniform(0.2, 8))
        wanted = rng.random() < REFUND_SHARE or (t.refunds == 0 and t.orders >= 5)
        if wanted and refund_at <= self.end_instant:
            factor = 1 - DISCOUNT_RATE if discounted else 1.0
            self._refund(base, refund_at, lines, line_ids, factor)
        return PlacedOrder(order_id, round(usd, 2))

    def _refund(self, base: dict[str, Any], at: datetime, lines: list[tuple[Product, int, int]],
                line_ids: list[int], factor: float) -> None:
        rng, currency = self.rng, base["currency"]
        self.n_refunds += 1
        refund_id = 9_200_000_000_000 + self.n_refunds
        partial = rng.random() < PARTIAL_SHARE
        self._queue(at, "refund", {"id": refund_id, "order_id": base["id"], "created_at": at})
        picks = [rng.randrange(len(lines))] if partial else list(range(len(lines)))
        for k in picks:
            _, qty, unit = lines[k]
            refunded = 1 if partial else qty
            amount = _round_unit(unit * refunded * factor, currency)
            self.n_refund_lines += 1
            self._queue(at, "order_line_refund", {
                "id": 9_600_000_000_000 + self.n_refund_lines, "refund_id": refund_id,
                "order_line_id": line_ids[k], "quantity": refunded, "subtotal": to_text(amount),
            })
            self.totals.refunds_usd += self.fx.to_usd(amount, currency, utc_date(at))
        self.totals.refunds += 1
        self.totals.partial_refunds += partial
        status = "partially_refunded" if partial else "refunded"
        self._version(dict(base, financial_status=status), at + timedelta(minutes=1))

    def _version(self, row: dict[str, Any], synced: datetime) -> None:
        self.totals.order_versions += 1
        self._queue(synced, "order", dict(row, _fivetran_synced=min(synced, self.end_instant)))

    def finish(self) -> ShopTotals:
        # A new customer is a customer's first kept order in the order history the files
        # hold; customers created before the period bought before it (they were picked as
        # returning customers), so the warehouse flags them as older than the history.
        start = self.customers.start
        self.totals.new_customers = len(self.kept_buyers)
        self.totals.new_customers_created_before_history = sum(
            1 for c in self.kept_buyers.values() if c.created_at < start)
        return self.totals

    def end_day(self, day: date) -> None:
        items = sorted(self.queue.pop(day, []), key=lambda x: (x[0], x[1], x[2]["id"]))
        for table in ("order", "order_line", "refund", "order_line_refund", "customer"):
            sink = self.sinks("shopify", table)
            for _, name, row in items:
                if name == table:
                    sink.write(f"{table}_{day:%Y-%m-%d}", row)
