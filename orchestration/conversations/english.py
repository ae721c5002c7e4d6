"""English sentiment: VADER (vaderSentiment ships its lexicon; nothing is downloaded)."""

from __future__ import annotations

from functools import cache
from importlib.metadata import version

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from orchestration.conversations.normalise import mask_links

VADER_SCORER = "vader"
VADER_SCORER_VERSION = f"vaderSentiment-{version('vaderSentiment')}"


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def vader_compound(text: str) -> float:
    """VADER's compound score of the text as written (VADER reads case, punctuation and
    emoji); only URLs and @handles are masked, so they cannot carry sentiment."""
    return float(_analyzer().polarity_scores(mask_links(text))["compound"])
