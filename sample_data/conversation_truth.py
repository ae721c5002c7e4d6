"""The ``conversations`` section of _ground_truth.json: true sentiment and theme of every text,
the planted story (own-brand delivery surge, a competitor's price complaints) and the personal
data planted in free text."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .brands import BRANDS, OWN
from .config import Period
from .conversation_bank import LABELS, NEGATIVE, NO_THEME, THEMES
from .conversations import (
    OPPORTUNITY_SHARE,
    SURGE_MIN_DAYS,
    SURGE_SHARE,
    TOOL_AGREEMENT,
    ConversationLog,
)

THEME_KEYS = (*THEMES, NO_THEME)

DEFINITIONS = {
    "true_label": "the sentiment a text was written with (positive, negative or neutral): each "
                  "text is an opening or a brand frame, one clause that carries the meaning and "
                  "a closing (or emoji only), and the clause's sentiment is the text's",
    "theme": "the theme of the text's clause: one of themes, or 'none' (no theme keyword)",
    "brand": "Persian brand name as in social_accounts/brands (Arabic yeh/kaf mapped to "
             "Persian); own-post comments, brand replies and CSAT comments are the own brand's",
    "month": "YYYY-MM of the local (Asia/Tehran) date of listening/mentions.published_at or "
             "social_comments/comments.created_at",
    "comments": "social_comments/comments rows with parent_comment_id null (top-level comments "
                "by the audience); brand_replies are the rows with a parent (author = the own "
                "account), thanks or neutral follow-ups without a theme",
    "true_label_counts": "texts per part (mentions, comments, brand_replies, csat), brand and "
                         "true label; csat = surveys/csat rows with a comment",
    "theme_label_counts": "mentions + top-level comments per brand, month, theme and true label",
    "surge": f"own brand, the last calendar month with at least {SURGE_MIN_DAYS} days in the "
             "period (null when the period has none or no day of the month before it): about "
             f"{SURGE_SHARE:.0%} of own-brand mentions and top-level comments are negative "
             "delivery texts on top of the usual mix; counts are mentions + top-level comments "
             "of the own brand with theme delivery (texts) and of those the negative ones",
    "competitor_opportunity": f"in the surge month about {OPPORTUNITY_SHARE:.0%} of one "
                              "competitor's mentions are negative price texts on top of the "
                              "usual mix: that competitor's problem is our opportunity",
    "tool_label": "listening/mentions.sentiment_label (the tool's) is null for ~30% of "
                  f"mentions; when set it equals the true label with probability "
                  f"{TOOL_AGREEMENT} and is one of the other two labels otherwise",
    "planted_pii": "personal data written into free text: table, id (mention_id, comment_id "
                   "with its platform, response_id), column, kind (email, mobile, "
                   "mobile_spaced, mobile_intl, mobile_persian_digits, national_id) and the "
                   "exact value as written; none may survive in the warehouse",
    "overrides": "mentions a person reviewed (sentiment_overrides/overrides, ~2% of the own "
                 "brand's mentions): text_id (mention_id), label (the true one) and the day "
                 "of the review; the warehouse's effective label of each is this label",
    "texts": "true 'label:theme' of every text: listening.mentions by mention_id, "
             "social_comments.comments by platform then comment_id (brand replies included), "
             "surveys.csat by response_id (rows with a comment)",
}


def _labels(counter: Counter[str]) -> dict[str, int]:
    return {label: counter.get(label, 0) for label in LABELS}


def _theme_month(log: ConversationLog, brand: str, month: str | None,
                 theme: str) -> Counter[str]:
    if month is None:
        return Counter()
    return log.themes.get(brand, {}).get(month, {}).get(theme, Counter())


def _story_entry(log: ConversationLog, brand: str, theme: str, kind: str) -> dict[str, Any]:
    story = log.story
    now = _theme_month(log, brand, story.month, theme)
    before = _theme_month(log, brand, story.previous_month, theme)

    def share(c: Counter[str]) -> float | None:
        total = sum(c.values())
        return round(c[NEGATIVE] / total, 6) if total else None

    return {
        "brand": brand, "theme": theme, "kind": kind, "month": story.month,
        "previous_month": story.previous_month,
        "negative_texts": now[NEGATIVE], "previous_negative_texts": before[NEGATIVE],
        "texts": sum(now.values()), "previous_texts": sum(before.values()),
        "negative_share": share(now), "previous_negative_share": share(before),
    }


def conversations_truth(log: ConversationLog, period: Period) -> dict[str, Any]:
    months = sorted({f"{d:%Y-%m}" for d in period.days})
    brands = [b.brand for b in BRANDS]
    story = log.story
    tool = log.tool
    return {
        "definitions": DEFINITIONS,
        "themes": list(THEMES), "labels": list(LABELS),
        "surge": _story_entry(log, OWN.brand, "delivery", "product")
        if story.month else None,
        "competitor_opportunity": _story_entry(log, story.competitor.brand, "price", "strategy")
        if story.month else None,
        "true_label_counts": {
            part: {b: _labels(by_brand.get(b, Counter())) for b in brands
                   if part == "mentions" or b == OWN.brand}
            for part in ("mentions", "comments", "brand_replies", "csat")
            for by_brand in [log.label_counts.get(part, {})]
        },
        "theme_label_counts": {
            b: {m: {t: _labels(log.themes.get(b, {}).get(m, {}).get(t, Counter()))
                    for t in THEME_KEYS} for m in months}
            for b in brands
        },
        "tool_label": {"labelled": tool["labelled"], "agreeing": tool["agreeing"],
                       "agreement_rate": round(tool["agreeing"] / tool["labelled"], 6)
                       if tool["labelled"] else None,
                       "planned_agreement_rate": TOOL_AGREEMENT},
        "planted_pii": log.pii,
        "overrides": log.reviews,
        "texts": log.texts,
    }
