"""blog/subscribers_daily: blog followers and newsletter subscribers per day."""

from __future__ import annotations

from .clock import traffic_factor
from .config import Period
from .randomness import poisson, stream
from .writers import Sinks

LISTS = {"blog": (2_400, 6.0, 2.0), "newsletter": (5_100, 9.0, 4.0)}  # start, adds, removes


def write_subscribers(sinks: Sinks, seed: int, period: Period) -> dict[str, dict[str, int]]:
    rng = stream(seed, "blog")
    sink = sinks("blog", "subscribers_daily")
    out: dict[str, dict[str, int]] = {}
    totals = {name: start for name, (start, _, _) in LISTS.items()}
    first: dict[str, int] = {}
    for day in period.days:
        for name, (_, adds, removes) in LISTS.items():
            sub = poisson(rng, adds * traffic_factor(day))
            unsub = poisson(rng, removes)
            totals[name] += sub - unsub
            first.setdefault(name, totals[name])
            sink.write(f"subscribers_{day:%Y-%m}", {
                "date": day, "blog_or_list": name, "subscribers_total": totals[name],
                "subscribed": sub, "unsubscribed": unsub,
            })
    for name in LISTS:
        out[name] = {"subscribers_at_end": totals[name], "subscribers_at_start": first[name]}
    return out
