"""``score_text``: detect the language, pick the scorer, label the score."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from orchestration.conversations import emoji
from orchestration.conversations.data_files import DATA_DIR
from orchestration.conversations.english import (
    CUES_FILE,
    VADER_SCORER,
    VADER_SCORER_VERSION,
    vader_compound,
)
from orchestration.conversations.language import LANGUAGE_MARKERS_FILE, detect_language
from orchestration.conversations.persian import (
    FA_SCORER,
    FA_SCORER_VERSION,
    LEXICON_FILE,
    MODIFIERS_FILE,
    score_persian,
)

Label = Literal["positive", "negative", "neutral"]
LABELS: tuple[Label, ...] = ("positive", "negative", "neutral")
# VADER's standard thresholds, used for every scorer: score >= 0.05 positive, <= -0.05
# negative, neutral between.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05

_HERE = Path(__file__).parent
# The data and code whose rules decide a score; they make SCORER_VERSION.
_SCORING_DATA = (
    LEXICON_FILE,
    MODIFIERS_FILE,
    emoji.EMOJI_FILE,
    LANGUAGE_MARKERS_FILE,
    CUES_FILE,
)
_SCORING_CODE = (
    "normalise.py",
    "language.py",
    "emoji.py",
    "english.py",
    "fa_lexicon.py",
    "persian.py",
    "scoring.py",
)


@dataclass(frozen=True)
class SentimentScore:
    language: str
    label: Label
    score: float
    scorer: str
    scorer_version: str


def label_for(score: float) -> Label:
    if score >= POSITIVE_THRESHOLD:
        return "positive"
    if score <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def score_text(text: str) -> SentimentScore:
    """Score one text. Persian -> the fa lexicon scorer; English -> VADER with the English
    complaint cues, falling back to the
    emoji lexicon when VADER finds nothing (neutral) but the text has emoji we know (VADER
    reads emoji through their names, and many names carry no sentiment: 🙄 is "face with
    rolling eyes"); other (emoji-only, digits, other languages) -> the emoji lexicon."""
    language = detect_language(text)
    if language == "fa":
        score = score_persian(text)
        return SentimentScore(language, label_for(score), score, FA_SCORER, FA_SCORER_VERSION)
    if language == "en":
        score = vader_compound(text)
        if label_for(score) == "neutral":
            fallback = emoji.emoji_score(text)
            if fallback is not None and label_for(fallback) != "neutral":
                return _emoji_result(language, fallback)
        return SentimentScore(language, label_for(score), score, VADER_SCORER, VADER_SCORER_VERSION)
    return _emoji_result(language, emoji.emoji_score(text) or 0.0)


def _emoji_result(language: str, score: float) -> SentimentScore:
    return SentimentScore(
        language, label_for(score), score, emoji.EMOJI_SCORER, emoji.EMOJI_SCORER_VERSION
    )


def _scorer_version() -> str:
    digest = hashlib.sha256()
    paths = [DATA_DIR / name for name in _SCORING_DATA] + [_HERE / name for name in _SCORING_CODE]
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
    return (
        f"{VADER_SCORER_VERSION}+{FA_SCORER_VERSION}+{emoji.EMOJI_SCORER_VERSION}"
        f"+{digest.hexdigest()[:10]}"
    )


# Changes whenever a scorer, a lexicon or a rule changes: the versions of the three scorers
# plus a hash of every data file and of the code that applies them.
SCORER_VERSION: str = _scorer_version()
