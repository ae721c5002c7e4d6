"""Conversation texts (comments on own posts, listening mentions, CSAT comments) with their
true sentiment and theme, the story planted in them and the personal data planted in a few.

Every draw here comes from its own streams (``conversation_texts/<source>``,
``conversation_labels``, ``conversation_pii/<source>``, ``conversation_story``), so the row
counts, ids, times and measures the producers draw from their own streams do not change.

The story (``Story``): in the surge month (the last calendar month with at least
``SURGE_MIN_DAYS`` days in the period, if the period also has days of the month before it) a
share of the own brand's mentions and own-post comments are negative delivery texts, and a
share of one competitor's mentions are price complaints.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from . import conversation_bank as bank
from .brands import COMPETITORS, OWN, Brand
from .config import Period
from .conversation_bank import LABELS, NEGATIVE, NEUTRAL, NO_THEME, POSITIVE, THEMES
from .randomness import stream
from .textgen import arabic_variants, persian_digits
from .writers import Sinks

SURGE_MIN_DAYS = 20
SURGE_SHARE = 0.12  # own brand, surge month: share of texts forced to negative delivery
OPPORTUNITY_SHARE = 0.25  # the competitor, surge month: share forced to negative price
TOOL_AGREEMENT = 0.8  # the listening tool's label equals the true sentiment this often
ARABIC_SHARE = 0.12
ZWNJ = "\u200c"

# Theme weights given the sentiment (THEMES order, then no theme).
THEME_WEIGHTS = {
    POSITIVE: (10, 6, 30, 8, 6, 3, 5, 32),
    NEGATIVE: (18, 18, 20, 8, 10, 10, 4, 12),
    NEUTRAL: (16, 16, 8, 5, 5, 18, 16, 16),
}
THEME_CHOICES = (*THEMES, NO_THEME)
# True sentiment weights (positive, negative, neutral).
COMMENT_SENTIMENT = (0.5, 0.18, 0.32)
MENTION_SENTIMENT = {True: (0.55, 0.15, 0.3), False: (0.45, 0.22, 0.33)}
CSAT_SENTIMENT = {5: (0.85, 0.03, 0.12), 4: (0.85, 0.03, 0.12), 3: (0.2, 0.35, 0.45),
                  2: (0.02, 0.88, 0.1), 1: (0.02, 0.88, 0.1), None: (0.5, 0.2, 0.3)}

COMMENTS, MENTIONS, CSAT = "social_comments.comments", "listening.mentions", "surveys.csat"
# Personal data planted at these ordinals (1-based) of each source's texts, at every scale,
# plus at a small random share of the other texts.
PII_PLAN = {
    COMMENTS: {3: "email", 12: "mobile_spaced", 25: "mobile_persian_digits", 40: "mobile_intl"},
    MENTIONS: {2: "mobile_intl", 9: "email", 17: "mobile_persian_digits"},
    CSAT: {1: "email", 2: "national_id", 3: "mobile"},
}
PII_EXTRA_SHARE = {COMMENTS: 0.002, MENTIONS: 0.002, CSAT: 0.01}
PII_EXTRA_KINDS = ("email", "mobile", "mobile_spaced", "mobile_intl", "mobile_persian_digits")
PII_SENTENCE = {
    "fa": {"email": "ایمیلم: {v}", "national_id": "کد ملی: {v}", "mobile": "شماره‌م: {v}"},
    "en": {"email": "email me: {v}", "national_id": "national id: {v}", "mobile": "my number: {v}"},
}
EMAIL_NAMES = ("sara.m", "reza_k", "niloofar.a", "amir.h", "mina.coffee", "kaveh92")
EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "chmail.ir", "outlook.com")
MOBILE_PREFIXES = ("912", "935", "901", "990", "919", "936", "921", "903")


@dataclass(frozen=True)
class Text:
    text: str
    language: str
    sentiment: str
    theme: str  # a THEMES key or NO_THEME


@dataclass(frozen=True)
class Story:
    month: str | None  # "YYYY-MM" of the surge, None when the period has no such month
    previous_month: str | None
    competitor: Brand


def plan_story(seed: int, period: Period) -> Story:
    days = Counter(f"{d:%Y-%m}" for d in period.days)
    full = [m for m, n in days.items() if n >= SURGE_MIN_DAYS]
    competitor = stream(seed, "conversation_story").choice(COMPETITORS)
    if not full:
        return Story(None, None, competitor)
    month = max(full)
    year, mon = int(month[:4]), int(month[5:])
    previous = f"{year - (mon == 1)}-{12 if mon == 1 else mon - 1:02d}"
    if previous not in days:
        return Story(None, None, competitor)
    return Story(month, previous, competitor)


def _weighted(rng: random.Random, items: tuple[str, ...], weights: tuple[float, ...]) -> str:
    return rng.choices(items, weights=weights)[0]


def _fill(template: str, rng: random.Random, language: str) -> str:
    if "{" not in template:
        return template
    fa = language == "fa"
    values = {
        "days": str(rng.randint(5, 21)), "price": str(rng.randrange(180, 1000, 20)),
        "grams": str(rng.choice((250, 500, 1000))),
        "city": rng.choice(bank.CITIES_FA if fa else bank.CITIES_EN),
        "friend": rng.choice(bank.FRIENDS),
    }
    if fa and rng.random() < 0.7:
        values = {k: persian_digits(v) if k in ("days", "price", "grams") else v
                  for k, v in values.items()}
    return template.format(**{k: v for k, v in values.items() if "{" + k + "}" in template})


def _spelling(rng: random.Random, text: str) -> str:
    """Informal Persian spelling: ZWNJ dropped or a space, Arabic yeh/kaf."""
    if ZWNJ in text and rng.random() < 0.2:
        text = text.replace(ZWNJ, rng.choice(("", " ")))
    return arabic_variants(text) if rng.random() < ARABIC_SHARE else text


def compose(rng: random.Random, language: str, sentiment: str, theme: str,
            frame: str | None = None) -> str:
    """One text: opening (or the mention's brand frame) + clause + closing."""
    fa = language == "fa"
    if theme == NO_THEME and frame is None and rng.random() < 0.15:
        return rng.choice(bank.EMOJI_ONLY[sentiment])
    clauses = (bank.CLAUSES_FA if fa else bank.CLAUSES_EN)[(theme, sentiment)]
    clause = _fill(rng.choice(clauses), rng, language)
    closing = rng.choice((bank.CLOSINGS_FA if fa else bank.CLOSINGS_EN)[sentiment])
    if frame is None:
        frame = rng.choice((bank.OPENINGS_FA if fa else bank.OPENINGS_EN)[sentiment])
        if not fa and frame in ("", "Hi! "):
            clause = clause[0].upper() + clause[1:]
    text = frame + clause + closing
    return _spelling(rng, text) if fa else text


def _pii_value(rng: random.Random, kind: str) -> tuple[str, str]:
    """(value, sentence kind) of a planted personal datum."""
    if kind == "email":
        return f"{rng.choice(EMAIL_NAMES)}{rng.randint(1, 99)}@{rng.choice(EMAIL_DOMAINS)}", kind
    if kind == "national_id":
        body = [rng.randint(0, 9) for _ in range(9)]
        rest = sum(d * (10 - i) for i, d in enumerate(body)) % 11
        return "".join(map(str, body)) + str(rest if rest < 2 else 11 - rest), kind
    op, a, b = rng.choice(MOBILE_PREFIXES), rng.randint(100, 999), rng.randint(1000, 9999)
    value = {"mobile": f"0{op}{a}{b}", "mobile_spaced": f"0{op} {a} {b}",
             "mobile_intl": f"+98 {op} {a} {b}",
             "mobile_persian_digits": persian_digits(f"0{op}{a}{b}")}[kind]
    return value, "mobile"


# Share of own-brand mentions a person reviews by hand (sentiment_overrides/overrides).
REVIEW_SHARE = 0.02


@dataclass
class ConversationLog:
    """What was planted, for the ground truth."""

    story: Story
    texts: dict[str, dict[str, Any]] = field(default_factory=dict)
    label_counts: dict[str, dict[str, Counter[str]]] = field(default_factory=dict)
    themes: dict[str, dict[str, dict[str, Counter[str]]]] = field(default_factory=dict)
    pii: list[dict[str, Any]] = field(default_factory=list)
    tool: Counter[str] = field(default_factory=Counter)
    ordinals: Counter[str] = field(default_factory=Counter)
    # mentions a person reviewed by hand (sentiment_overrides): id, label, review date
    reviews: list[dict[str, Any]] = field(default_factory=list)

    def record(self, part: str, brand: str, text: Text, month: str | None) -> None:
        self.label_counts.setdefault(part, {}).setdefault(brand, Counter())[text.sentiment] += 1
        if month is not None:
            by_theme = self.themes.setdefault(brand, {}).setdefault(month, {})
            by_theme.setdefault(text.theme, Counter())[text.sentiment] += 1


class Conversations:
    """Draws the texts of one run; the producers call it row by row."""

    def __init__(self, seed: int, period: Period) -> None:
        self.story = plan_story(seed, period)
        self.log = ConversationLog(self.story)
        self._texts = {s: stream(seed, "conversation_texts", s) for s in (COMMENTS, MENTIONS,
                                                                           CSAT)}
        self._pii = {s: stream(seed, "conversation_pii", s) for s in (COMMENTS, MENTIONS, CSAT)}
        self._labels = stream(seed, "conversation_labels")
        self._reviews = stream(seed, "conversation_reviews")

    def _truth(self, rng: random.Random, weights: tuple[float, ...]) -> tuple[str, str]:
        sentiment = _weighted(rng, (POSITIVE, NEGATIVE, NEUTRAL), weights)
        return sentiment, _weighted(rng, THEME_CHOICES, THEME_WEIGHTS[sentiment])

    def _plant(self, source: str, text: Text, row_id: str, platform: str | None,
               column: str) -> Text:
        self.log.ordinals[source] += 1
        rng = self._pii[source]
        kind = PII_PLAN[source].get(self.log.ordinals[source])
        extra = rng.random() < PII_EXTRA_SHARE[source]
        if kind is None and extra:
            kind = rng.choice(PII_EXTRA_KINDS)
        if kind is None:
            return text
        value, sentence = _pii_value(rng, kind)
        lang = "fa" if text.language == "fa" else "en"
        planted = text.text + " " + PII_SENTENCE[lang][sentence].format(v=value)
        self.log.pii.append({"table": source, "id": row_id, "platform": platform,
                             "column": column, "kind": kind, "value": value})
        return Text(planted, text.language, text.sentiment, text.theme)

    def _keep(self, source: str, key: str, text: Text, platform: str | None = None) -> None:
        table = self.log.texts.setdefault(source, {})
        target = table.setdefault(platform, {}) if platform is not None else table
        target[key] = f"{text.sentiment}:{text.theme}"

    def comment(self, platform: str, comment_id: str, day: date, language: str) -> Text:
        """A top-level comment on an own post, written on local date ``day``."""
        rng = self._texts[COMMENTS]
        month = f"{day:%Y-%m}"
        if month == self.story.month and rng.random() < SURGE_SHARE:
            sentiment, theme = NEGATIVE, "delivery"
        else:
            sentiment, theme = self._truth(rng, COMMENT_SENTIMENT)
        text = Text(compose(rng, language, sentiment, theme), language, sentiment, theme)
        text = self._plant(COMMENTS, text, comment_id, platform, "text")
        self.log.record("comments", OWN.brand, text, month)
        self._keep(COMMENTS, comment_id, text, platform)
        return text

    def reply(self, platform: str, comment_id: str) -> Text:
        """The own brand's reply to a comment: thanks or a neutral follow-up, no theme."""
        rng = self._texts[COMMENTS]
        language = "en" if rng.random() < 0.1 else "fa"
        sentiment = POSITIVE if rng.random() < 0.6 else NEUTRAL
        replies = bank.REPLIES_FA if language == "fa" else bank.REPLIES_EN
        text = Text(rng.choice(replies[sentiment]), language, sentiment, NO_THEME)
        self.log.record("brand_replies", OWN.brand, text, None)
        self._keep(COMMENTS, comment_id, text, platform)
        return text

    def mention(self, mention_id: str, brand: Brand, name: str, language: str, day: date,
                platform: str) -> Text:
        """A listening mention of ``brand`` (its name written as ``name``) on ``day``."""
        rng = self._texts[MENTIONS]
        month = f"{day:%Y-%m}"
        surge = month == self.story.month
        if surge and brand.is_own and rng.random() < SURGE_SHARE:
            sentiment, theme = NEGATIVE, "delivery"
        elif surge and brand == self.story.competitor and rng.random() < OPPORTUNITY_SHARE:
            sentiment, theme = NEGATIVE, "price"
        else:
            sentiment, theme = self._truth(rng, MENTION_SENTIMENT[brand.is_own])
        frames = bank.FRAMES_FA if language == "fa" else bank.FRAMES_EN
        frame = rng.choice(frames).format(b=name, tag=name.replace(" ", "_"))
        text = Text(compose(rng, language, sentiment, theme, frame), language, sentiment, theme)
        text = self._plant(MENTIONS, text, mention_id, platform, "text")
        self.log.record("mentions", brand.brand, text, month)
        self._keep(MENTIONS, mention_id, text)
        if brand.is_own and (not self.log.reviews or self._reviews.random() < REVIEW_SHARE):
            # the social team reads the first own-brand mention and then some, and records
            # the true sentiment
            self.log.reviews.append({"text_id": mention_id, "label": sentiment,
                                     "reviewed_on": f"{day + timedelta(days=1):%Y-%m-%d}"})
        return text

    def csat(self, response_id: str, score: int | None) -> Text:
        """The free-text comment of a CSAT response (own brand), in tune with its score."""
        rng = self._texts[CSAT]
        language = "en" if rng.random() < 0.15 else "fa"
        sentiment, theme = self._truth(rng, CSAT_SENTIMENT[score])
        if (sentiment, theme) == (NEUTRAL, NO_THEME):
            body = rng.choice(bank.CSAT_NEUTRAL_FA if language == "fa" else bank.CSAT_NEUTRAL_EN)
        else:
            body = compose(rng, language, sentiment, theme)
        text = Text(body, language, sentiment, theme)
        text = self._plant(CSAT, text, response_id, None, "comment")
        self.log.record("csat", OWN.brand, text, None)
        self._keep(CSAT, response_id, text)
        return text

    def tool_label(self, true_sentiment: str) -> str:
        """The listening tool's label: the true sentiment ``TOOL_AGREEMENT`` of the time."""
        rng = self._labels
        agree = rng.random() < TOOL_AGREEMENT
        label = true_sentiment if agree else rng.choice(
            [x for x in LABELS if x != true_sentiment])
        self.log.tool["labelled"] += 1
        self.log.tool["agreeing"] += label == true_sentiment
        return label



def write_sentiment_overrides(sinks: Sinks, log: ConversationLog) -> int:
    """sentiment_overrides/overrides: the reviewed mentions, one row each; returns the count."""
    sink = sinks("sentiment_overrides", "overrides")
    for review in log.reviews:
        sink.write("reviewed", {
            "text_source": "mention", "text_id": review["text_id"], "label": review["label"],
            "reason": "read by the social team", "reviewed_by": "reviewer-1",
            "reviewed_at": f"{review['reviewed_on']}T09:00:00+03:30",
        })
    return len(log.reviews)
