"""Money helpers: amounts are kept in minor units (hundredths) and written as DECIMAL text."""

from __future__ import annotations

from decimal import Decimal


def to_text(cents: int) -> str:
    """Minor units as a DECIMAL(18,2) literal, e.g. 123456 -> '1234.56'."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def whole_text(cents: int) -> str:
    """A whole amount without decimals (how IRR often appears in spreadsheets)."""
    return str(cents // 100)


def rate_text(rate: float, significant: int = 6) -> str:
    """A rate rounded to ``significant`` digits, written without an exponent."""
    rounded = float(f"{rate:.{significant}g}")
    return format(Decimal(repr(rounded)), "f")
