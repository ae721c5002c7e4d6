"""listening/mentions: mentions of the own brand and competitors, some with sentiment.

The text and its true sentiment come from ``Conversations``; about 70% of mentions carry the
tool's ``sentiment_label``, which agrees with the true sentiment most of the time
(``conversations.TOOL_AGREEMENT``). The former draws of text and label are kept so the
``listening`` stream, and every column drawn from it, stays as it was.

About 20% of Persian brand values use the Arabic yeh/kaf code points (ي ك), as listening
tools pass through whatever the query or the post spelled.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .brands import BRANDS, Brand
from .clock import local_at, traffic_factor
from .config import Period
from .conversations import Conversations
from .randomness import poisson, stream
from .textgen import arabic_variants, mention_text
from .writers import Sinks

PLATFORMS = ("instagram", "x", "facebook", "linkedin", "youtube", "web", "news", "blog", "forum")
PLATFORM_WEIGHTS = (30, 25, 6, 3, 3, 10, 5, 9, 9)
URLS = {
    "instagram": "https://www.instagram.com/p/{id}/", "x": "https://x.com/i/status/{id}",
    "facebook": "https://www.facebook.com/{id}", "linkedin": "https://www.linkedin.com/feed/{id}",
    "youtube": "https://www.youtube.com/watch?v={id}", "web": "https://coffeeguide.ir/r/{id}",
    "news": "https://www.isna.ir/news/{id}", "blog": "https://virgool.io/@coffee/{id}",
    "forum": "https://forum.ninisite.com/t/{id}",
}
# The former random label's weights: drawn only to keep the stream (see write_listening).
SENTIMENT = {True: (0.55, 0.3, 0.15), False: (0.45, 0.33, 0.22)}


@dataclass
class ListeningResult:
    by_day: Counter[tuple[str, str, date]] = field(default_factory=Counter)  # brand key, platform
    by_brand: Counter[str] = field(default_factory=Counter)  # normalised brand
    raw_brand_values: Counter[str] = field(default_factory=Counter)
    sentiment: dict[str, Counter[str]] = field(default_factory=dict)
    total: int = 0


def write_listening(sinks: Sinks, seed: int, period: Period, per_day: float,
                    talk: Conversations) -> ListeningResult:
    rng = stream(seed, "listening")
    sink = sinks("listening", "mentions")
    result = ListeningResult()
    weights = [b.mention_weight for b in BRANDS]
    n = 0
    for day in period.days:
        count = poisson(rng, per_day * traffic_factor(day))
        times = sorted(rng.uniform(0, 86399) for _ in range(count))
        if day == period.end:
            times = [min(t, 72000.0) for t in times]
        for t in times:
            brand: Brand = rng.choices(BRANDS, weights=weights)[0]
            platform = rng.choices(PLATFORMS, weights=PLATFORM_WEIGHTS)[0]
            value = arabic_variants(brand.brand) if rng.random() < 0.2 else brand.brand
            name = brand.brand if rng.random() < 0.6 else brand.english
            _, lang = mention_text(rng, name)
            labelled = rng.random() < 0.7
            if labelled:  # the former random label: drawn only to keep the stream
                rng.choices(("positive", "neutral", "negative"), weights=SENTIMENT[brand.is_own])
            n += 1
            mention_id = f"lst-{seed}-{n:07d}"
            text = talk.mention(mention_id, brand, name, lang, day, platform)
            label = talk.tool_label(text.sentiment) if labelled else None
            ref = f"{n * 7_919_003 % 10**10:010d}"
            sink.write(f"mentions_{day:%Y-%m-%d}", {
                "mention_id": mention_id, "platform": platform,
                "published_at": local_at(day, t),
                "brand": value, "author_id": f"a{rng.randint(10**7, 10**8 - 1)}",
                "text": text.text,
                "language": lang, "url": URLS[platform].format(id=ref),
                "reach_estimate": round(rng.lognormvariate(7.0, 1.2)),
                "engagements": round(rng.lognormvariate(2.5, 1.0)), "sentiment_label": label,
            })
            result.by_day[(brand.key, platform, day)] += 1
            result.by_brand[brand.brand] += 1
            result.raw_brand_values[value] += 1
            result.sentiment.setdefault(brand.brand, Counter())[label or "unlabelled"] += 1
            result.total += 1
    return result
