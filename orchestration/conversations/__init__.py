"""Reading what people say: language, normalisation, sentiment and themes (Persian, English).

Pure Python, offline: every lexicon ships in ``data/``; nothing is downloaded at run time.
"""

from orchestration.conversations.language import detect_language
from orchestration.conversations.normalise import normalise
from orchestration.conversations.scoring import SCORER_VERSION, SentimentScore, score_text

__all__ = [
    "SCORER_VERSION",
    "SentimentScore",
    "detect_language",
    "normalise",
    "score_text",
]
