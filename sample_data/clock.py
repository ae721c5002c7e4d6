"""Time zones, timestamp formatting and the weekly rhythm (Iran: Friday is the weekend)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

TEHRAN = timezone(timedelta(hours=3, minutes=30), "Asia/Tehran")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# Python weekday(): Monday=0 ... Sunday=6. The Iranian week starts on Saturday; Friday is the
# weekend and Thursday a half day, so traffic, orders and posting dip on Thursday and Friday.
WEEKDAY_TRAFFIC = {5: 1.08, 6: 1.06, 0: 1.04, 1: 1.0, 2: 0.98, 3: 0.9, 4: 0.78}
WEEKDAY_NAMES = {0: "Mon", 1: "Tue", 2: "Wed", 3: "Thu", 4: "Fri", 5: "Sat", 6: "Sun"}


def local_start(day: date) -> datetime:
    """Midnight of ``day`` in Tehran."""
    return datetime.combine(day, time(0, 0), TEHRAN)


def local_at(day: date, seconds: float) -> datetime:
    return local_start(day) + timedelta(seconds=seconds)


def sync_time(day: date, jitter_s: int = 0) -> datetime:
    """When a daily connector sync for ``day`` ran: 23:40 Tehran (20:10 UTC) plus jitter."""
    return local_at(day, 23 * 3600 + 40 * 60 + min(jitter_s, 1190))


def iso_z(dt: datetime) -> str:
    """ISO 8601 in UTC with a ``Z`` suffix (platform exports)."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_local(dt: datetime) -> str:
    """ISO 8601 with the Tehran offset (shop and spreadsheet exports)."""
    return dt.astimezone(TEHRAN).isoformat(timespec="seconds")


def micros(dt: datetime) -> int:
    delta = dt - EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_micros(us: int) -> datetime:
    return EPOCH + timedelta(microseconds=us)


def local_date(dt: datetime) -> date:
    return dt.astimezone(TEHRAN).date()


def utc_date(dt: datetime) -> date:
    return dt.astimezone(UTC).date()


def traffic_factor(day: date) -> float:
    return WEEKDAY_TRAFFIC[day.weekday()]
