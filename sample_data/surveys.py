"""surveys/*: CSAT + NPS responses and the framework's five audience questions."""

from __future__ import annotations

from dataclasses import dataclass

from .clock import local_at
from .config import Period
from .conversations import Conversations
from .randomness import poisson, stream
from .textgen import persian_digits
from .writers import Sinks

CSAT_WEIGHTS = (3, 4, 9, 31, 53)
NPS_WEIGHTS = (2, 1, 1, 2, 2, 4, 5, 12, 20, 24, 27)
CHANNELS = ("web", "instagram", "telegram", "phone", "email")
# The former fixed comments: drawn only to keep the stream and which responses have a comment.
COMMENTS = ("قهوه خیلی تازه بود", "ارسال دیر شد", "بسته‌بندی عالی", "Great beans, slow delivery",
            None, None, "قیمت کمی بالاست")
PLATFORM_SETS = ("instagram;telegram", "instagram;x;linkedin", "instagram", "telegram;youtube",
                 "instagram;youtube;telegram", "linkedin;x")
MOTIVATIONS = ("discount coupons", "new content", "practical content", "tutorial videos",
               "discount coupons;tutorial videos")
OTHER_BRANDS = ("قهوه دریچه", "Kucheh Cafe;قهوه دریچه", "Starbucks", "", "رستری نیک")


@dataclass
class SurveyResult:
    csat_responses: int = 0
    csat_rated: int = 0
    csat_satisfied: int = 0
    nps_rated: int = 0
    promoters: int = 0
    detractors: int = 0
    audience_responses: int = 0


def write_surveys(sinks: Sinks, seed: int, period: Period, per_day: float,
                  talk: Conversations) -> SurveyResult:
    rng = stream(seed, "surveys")
    csat, audience = sinks("surveys", "csat"), sinks("surveys", "audience")
    res = SurveyResult()
    for day in period.days:
        for _ in range(poisson(rng, per_day)):
            res.csat_responses += 1
            score = rng.choices(range(1, 6), CSAT_WEIGHTS)[0] if rng.random() < 0.95 else None
            nps = rng.choices(range(11), NPS_WEIGHTS)[0] if rng.random() < 0.9 else None
            if score is not None:
                res.csat_rated += 1
                res.csat_satisfied += score >= 4
            if nps is not None:
                res.nps_rated += 1
                res.promoters += nps >= 9
                res.detractors += nps <= 6
            response_id = f"csat-{seed}-{res.csat_responses:06d}"
            submitted = local_at(day, rng.randint(8 * 3600, 20 * 3600))
            customer, channel = f"cr{rng.randint(10**6, 10**7)}", rng.choice(CHANNELS)
            has_comment = rng.choice(COMMENTS) is not None
            csat.write(f"csat_{day:%Y-%m}", {
                "response_id": response_id, "submitted_at": submitted, "customer_ref": customer,
                "channel": channel, "csat_score": score, "nps_score": nps,
                "comment": talk.csat(response_id, score).text if has_comment else None,
            })
        for _ in range(poisson(rng, per_day / 3)):
            res.audience_responses += 1
            knows = rng.random() < 0.9
            personal = rng.choice((15, 30, 45, 60, 90, 120, 180))
            audience.write(f"audience_{day:%Y-%m}", {
                "response_id": f"aud-{seed}-{res.audience_responses:06d}",
                "submitted_at": local_at(day, rng.randint(8 * 3600, 21 * 3600)),
                "knows_social_sites": knows,
                "platforms_used": rng.choice(PLATFORM_SETS) if knows else None,
                "minutes_personal": persian_digits(str(personal)) if rng.random() < 0.3
                else str(personal),
                "minutes_professional": str(rng.choice((0, 10, 20, 30, 60))),
                "motivations": rng.choice(MOTIVATIONS),
                "other_brands": rng.choice(OTHER_BRANDS) or None,
            })
    return res
