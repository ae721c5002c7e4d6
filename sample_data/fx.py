"""Daily FX rates: USD per unit of each currency used (IRR drifts, EUR wanders, AED is pegged)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .money import rate_text
from .randomness import stream

CURRENCIES = ("USD", "IRR", "EUR", "AED")
LEAD_DAYS = 3  # rates start before the period: an order at 00:30 Tehran has the previous UTC date


@dataclass
class FxTable:
    """Rates exactly as written (the float of the written text)."""

    rates: dict[tuple[str, date], float]
    texts: dict[tuple[str, date], str]

    def rate(self, currency: str, day: date) -> float:
        return self.rates[(currency, day)]

    def to_usd(self, cents: int, currency: str, day: date) -> float:
        return cents / 100 * self.rates[(currency, day)]


def build_fx(seed: int, start: date, end: date) -> FxTable:
    rng = stream(seed, "fx")
    rates: dict[tuple[str, date], float] = {}
    texts: dict[tuple[str, date], str] = {}
    irr_per_usd = 1_020_000.0
    eur = 1.12
    day = start - timedelta(days=LEAD_DAYS)
    while day <= end:
        irr_per_usd *= 1 + rng.gauss(0.0006, 0.004)
        eur *= 1 + rng.gauss(0.0, 0.003)
        raw = {"USD": 1.0, "IRR": 1 / irr_per_usd, "EUR": eur, "AED": 1 / 3.6725}
        for currency in CURRENCIES:
            text = "1" if currency == "USD" else rate_text(raw[currency])
            texts[(currency, day)] = text
            rates[(currency, day)] = float(text)
        day += timedelta(days=1)
    return FxTable(rates, texts)
