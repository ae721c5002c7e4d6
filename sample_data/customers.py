"""Shop customers: new ones per order, returning ones from a bounded pool, some pre-period."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from .clock import TEHRAN

FIRST = ("sara", "ali", "maryam", "reza", "zahra", "mohammad", "neda", "amir", "fateme",
         "hossein", "leila", "arash", "shirin", "kian", "parisa", "omid", "niloufar", "babak")
LAST = ("ahmadi", "hosseini", "karimi", "rahimi", "moradi", "jafari", "sadeghi", "rezaei",
        "kazemi", "tehrani", "alavi", "farahani", "navabi", "ghasemi")
DOMAINS = ("gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com", "chmail.ir",
           "icloud.com")
POOL_SIZE = 30_000


@dataclass
class Customer:
    id: str
    email: str
    created_at: datetime
    accepts_marketing: bool
    written: bool = False


class CustomerBook:
    """Creates customers and picks returning ones with bounded memory."""

    def __init__(self, rng: random.Random, period_start: datetime) -> None:
        self.rng, self.start = rng, period_start
        self.pool: list[Customer] = []
        self.count = 0
        self.new_in_period = 0

    def _make(self, created: datetime) -> Customer:
        self.count += 1
        rng = self.rng
        email = f"{rng.choice(FIRST)}.{rng.choice(LAST)}{self.count}@{rng.choice(DOMAINS)}"
        c = Customer(str(7_004_000_000_000 + self.count * 13), email, created.astimezone(TEHRAN),
                     rng.random() < 0.6)
        if len(self.pool) < POOL_SIZE:
            self.pool.append(c)
        else:
            self.pool[rng.randrange(POOL_SIZE)] = c
        return c

    def new(self, when: datetime) -> Customer:
        self.new_in_period += 1
        return self._make(max(when - timedelta(minutes=self.rng.randint(2, 12)), self.start))

    def returning(self, when: datetime) -> Customer:
        """A customer who bought before: from the pool, or one created before the period."""
        if self.pool and self.rng.random() < 0.6:
            for _ in range(3):
                c = self.rng.choice(self.pool)
                if c.created_at < when - timedelta(hours=2):
                    return c
        return self._make(self.start - timedelta(days=self.rng.randint(20, 700),
                                                 seconds=self.rng.randint(0, 86399)))
