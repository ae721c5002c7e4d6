"""The planted causal structure: what each channel's investment does.

* instagram: investment (spend + time, USD) -> extra sessions (utm instagram) that convert,
  so it raises orders and revenue.
* linkedin: investment -> extra followers, impressions and sessions that never convert
  (awareness only).
* facebook, x, youtube, google_ads, email, blog: baseline only; their investment has no effect.

Effects act through a geometric adstock: effect on day d = rate x A[d], A[d] = I[d] + L A[d-1].
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class CausalModel:
    adstock_decay: float = 0.3
    ig_sessions_per_usd: float = 1.1
    ig_conversion_rate: float = 0.05
    li_sessions_per_usd: float = 0.5
    li_followers_per_usd: float = 0.35
    li_impressions_per_usd: float = 90.0

    @property
    def carryover(self) -> float:
        """Total effect of one USD over all days, relative to the same-day effect."""
        return 1 / (1 - self.adstock_decay)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


MODEL = CausalModel()


def adstock(series: list[float], decay: float) -> list[float]:
    out, carry = [], 0.0
    for value in series:
        carry = value + decay * carry
        out.append(carry)
    return out
