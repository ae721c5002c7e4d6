"""Own posts: publishing cadence per platform and lifetime metrics that grow with decay."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .clock import local_at, local_date, sync_time
from .config import Period
from .randomness import poisson, stream
from .textgen import post_text

# Expected posts per day; Friday (weekend) has fewer, LinkedIn none.
CADENCE = {"facebook": 0.45, "instagram": 1.0, "x": 1.2, "linkedin": 0.3, "youtube": 0.15}
STORIES_PER_DAY = 1.5
FRIDAY_FACTOR = {"facebook": 0.6, "instagram": 0.8, "x": 0.5, "linkedin": 0.0, "youtube": 0.0}


@dataclass
class Post:
    platform: str
    post_id: str
    published: datetime
    kind: str
    text: str
    lang: str
    totals: dict[str, int]
    tau_days: float
    window_days: int
    edited_text: str | None = None
    comment_count: int = 0  # comments reported for this post (social_comments rows)
    adjustments: dict[str, list[tuple[date, int]]] = field(default_factory=dict)

    @property
    def day(self) -> date:
        return local_date(self.published)

    def last_day(self, period: Period) -> date:
        return min(self.day + timedelta(days=self.window_days), period.end)

    def snapshot_days(self, period: Period) -> list[date]:
        last = self.last_day(period)
        return [self.day + timedelta(days=k) for k in range((last - self.day).days + 1)]

    def value(self, metric: str, day: date) -> int:
        """Lifetime value of ``metric`` as of the sync of ``day`` (restatements applied)."""
        age = (sync_time(day) - self.published).total_seconds() / 86400
        base = math.floor(self.totals[metric] * (1 - math.exp(-max(age, 0.0) / self.tau_days)))
        for since, delta in self.adjustments.get(metric, []):
            if day >= since:
                base -= delta
        return base

    def daily(self, metric: str, day: date) -> int:
        """Increase of the lifetime value on ``day`` (the daily-report figure)."""
        before = self.value(metric, day - timedelta(days=1)) if day > self.day else 0
        return self.value(metric, day) - before


def schedule(
    seed: int, platform: str, period: Period, rate: float | None = None, kind: str = "post"
) -> list[tuple[datetime, random.Random]]:
    """Publication times; the first day always has one, so every scale has posts."""
    rng = stream(seed, "schedule", platform, kind)
    rate = CADENCE[platform] if rate is None else rate
    out: list[tuple[datetime, random.Random]] = []
    for i, day in enumerate(period.days):
        factor = FRIDAY_FACTOR[platform] if day.weekday() == 4 else 1.0
        n = poisson(rng, rate * factor)
        if i == 0:
            n = max(n, 1)
        hours = sorted(rng.uniform(9.0, 22.0) for _ in range(n))
        if i == len(period.days) - 1:
            hours = [min(h, 19.0) for h in hours]
        for h in hours:
            out.append((local_at(day, round(h * 3600)), random.Random(rng.getrandbits(64))))
    return out


def caption(rng: random.Random) -> tuple[str, str, str | None]:
    """(text, language, edited text or None)."""
    text, lang = post_text(rng)
    edited = text + " (ویرایش شد)" if lang == "fa" and rng.random() < 0.1 else None
    if lang == "en" and rng.random() < 0.1:
        edited = text + " [edited]"
    return text, lang, edited


def live(posts: list[Post], day: date, period: Period) -> list[Post]:
    return [p for p in posts if p.day <= day <= p.last_day(period)]


def version_days(post: Post, period: Period) -> list[date]:
    """Days a history table gets a new version: publish, day 1, 3, 7 and the last snapshot."""
    days = post.snapshot_days(period)
    picked = [days[k] for k in (0, 1, 3, 7) if k < len(days)] + [days[-1]]
    return sorted(set(picked))
