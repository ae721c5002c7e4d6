"""Scales, the generated period and the fixed facts about the simulated business."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

DEFAULT_END_DATE = date(2026, 10, 31)
REPORTING_CURRENCY = "USD"
PROPERTY_TIME_ZONE = "Asia/Tehran"
SITE = "https://navacoffee.ir"
SITE_DOMAIN = "navacoffee.ir"


@dataclass(frozen=True)
class Scale:
    """How much data one scale produces; ``traffic`` multiplies sessions, orders and ad money."""

    name: str
    days: int
    sessions_per_day: float
    traffic: float
    mentions_per_day: float
    progress: bool = False
    ga4_format: str = "jsonl"  # "jsonl" or "parquet"
    backlinks: int = 420


SCALES: dict[str, Scale] = {
    "small": Scale("small", 4, 260.0, 0.5, 12.0, backlinks=40),
    "default": Scale("default", 90, 390.0, 1.0, 24.0, backlinks=140),
    "large": Scale("large", 365, 6000.0, 11.0, 60.0, progress=True, ga4_format="parquet"),
    # two years of `large` (the benchmark's scaling row: 2x the data of `large`)
    "large2y": Scale("large2y", 730, 6000.0, 11.0, 60.0, progress=True, ga4_format="parquet"),
}


@dataclass(frozen=True)
class Period:
    """The generated dates, inclusive, in the property time zone (Asia/Tehran)."""

    start: date
    end: date

    @classmethod
    def ending(cls, end: date, days: int) -> Period:
        return cls(end - timedelta(days=days - 1), end)

    @property
    def days(self) -> list[date]:
        n = (self.end - self.start).days + 1
        return [self.start + timedelta(days=i) for i in range(n)]

    def index(self, day: date) -> int:
        return (day - self.start).days

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end
