"""English sentiment: VADER (vaderSentiment ships its lexicon; nothing is downloaded) plus a
layer of service and product complaint cues (``data/en_complaint_cues_v1.tsv``).

The cues and the rule are documented in ``data/README.md``: a single-word cue is added to
VADER's lexicon (it must not be there already); a cue of several words is rewritten into one
synthetic word that the extended lexicon scores, so VADER's own rules (negation, "but",
capitals, intensifiers, questions) apply to it and the words inside it count once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from orchestration.conversations.data_files import data_version, parse_float, read_rows
from orchestration.conversations.normalise import mask_links

CUES_FILE = "en_complaint_cues_v1.tsv"
VADER_SCORER = "vader"
VADER_SCORER_VERSION = (
    f"vaderSentiment-{version('vaderSentiment')}+en_cues-{data_version(CUES_FILE)}"
)
_PHRASE_PREFIX = "encue"
_APOSTROPHE = "['\u2019]"


@dataclass(frozen=True)
class Cues:
    words: dict[str, float]  # single words added to VADER's lexicon
    phrases: dict[str, float]  # synthetic word -> valence, for cues of several words
    pattern: re.Pattern[str] | None  # matches any phrase cue, longest first
    by_phrase: dict[str, str]  # normalised phrase -> synthetic word


def _phrase_key(phrase: str) -> str:
    return " ".join(re.sub(_APOSTROPHE, "", phrase.lower()).split())


def _synthetic(phrase: str) -> str:
    return _PHRASE_PREFIX + "".join(ch for ch in _phrase_key(phrase) if ch.isalnum())


def _phrase_regex(phrase: str) -> str:
    """One cue as a regex: words apart by any whitespace, an apostrophe optional (hasn't =
    hasnt = hasn’t), whole words only."""
    words = []
    for word in phrase.lower().split():
        parts = [re.escape(part) for part in re.split(_APOSTROPHE, word)]
        words.append(f"{_APOSTROPHE}?".join(parts))
    return r"(?<![\w'’-])" + r"\s+".join(words) + r"(?![\w'’-])"


@cache
def cues() -> Cues:
    vader_words = SentimentIntensityAnalyzer().lexicon
    words: dict[str, float] = {}
    phrases: dict[str, float] = {}
    by_phrase: dict[str, str] = {}
    written: list[str] = []  # phrase cues as written (the regex keeps their apostrophes)
    for row in read_rows(CUES_FILE, min_fields=2):
        cue = row[0].lower()
        valence = parse_float(CUES_FILE, row, 1)
        if not -4 <= valence <= 4:
            raise ValueError(f"{CUES_FILE}: {row[0]!r}: valence {valence} is outside -4..4")
        if " " in cue:
            key = _phrase_key(cue)
            if key in by_phrase:
                raise ValueError(f"{CUES_FILE}: {row[0]!r}: the cue is listed twice")
            by_phrase[key] = _synthetic(cue)
            written.append(cue)
            phrases[by_phrase[key]] = valence
        elif cue in vader_words:
            raise ValueError(
                f"{CUES_FILE}: {row[0]!r}: VADER scores this word already "
                f"({vader_words[cue]}); a single-word cue must be new to its lexicon"
            )
        elif cue in words:
            raise ValueError(f"{CUES_FILE}: {row[0]!r}: the cue is listed twice")
        else:
            words[cue] = valence
    ordered = sorted(written, key=lambda p: (-len(p.split()), -len(p)))
    pattern = (
        re.compile("|".join(_phrase_regex(p) for p in ordered), re.IGNORECASE) if ordered else None
    )
    return Cues(words, phrases, pattern, by_phrase)


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    analyzer = SentimentIntensityAnalyzer()
    found = cues()
    analyzer.lexicon.update(found.words)
    analyzer.lexicon.update(found.phrases)
    return analyzer


def mark_phrases(text: str) -> str:
    """Each phrase cue of ``text`` rewritten into its synthetic word (in capitals when the
    phrase was written in capitals, so VADER's emphasis still reads it)."""
    found = cues()
    if found.pattern is None:
        return text

    def replace(match: re.Match[str]) -> str:
        word = found.by_phrase[_phrase_key(match.group(0))]
        return word.upper() if match.group(0).isupper() else word

    return found.pattern.sub(replace, text)


def vader_compound(text: str) -> float:
    """VADER's compound score of the text as written (VADER reads case, punctuation and
    emoji) with the complaint cues; URLs and @handles are masked, so they carry nothing."""
    return float(_analyzer().polarity_scores(mark_phrases(mask_links(text)))["compound"])
