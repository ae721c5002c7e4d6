"""Reading what people say: language, normalisation, sentiment and themes (Persian, English).

Pure Python, offline: every lexicon ships in ``data/``; nothing is downloaded at run time.
"""

from orchestration.conversations.evaluate import EvaluationReport, Metrics, evaluate_file
from orchestration.conversations.language import detect_language
from orchestration.conversations.normalise import normalise
from orchestration.conversations.scoring import SCORER_VERSION, SentimentScore, score_text
from orchestration.conversations.themes import Theme, ThemeTaxonomy, candidate_phrases

__all__ = [
    "SCORER_VERSION",
    "EvaluationReport",
    "Metrics",
    "SentimentScore",
    "Theme",
    "ThemeTaxonomy",
    "candidate_phrases",
    "detect_language",
    "evaluate_file",
    "normalise",
    "score_text",
]
