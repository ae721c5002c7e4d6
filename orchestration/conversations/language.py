"""Script-based language detection: 'fa' (Arabic script), 'en' (Latin) or 'other'."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from orchestration.conversations.data_files import read_rows
from orchestration.conversations.normalise import strip_links

LANGUAGE_MARKERS_FILE = "language_markers_v1.tsv"
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@cache
def _markers() -> dict[str, str]:
    """Frequent function words of English ('en') and of Latin-script languages we meet that
    are not English, Finglish (Persian typed in Latin letters) included ('other')."""
    return {row[0].lower(): row[1] for row in read_rows(LANGUAGE_MARKERS_FILE, min_fields=2)}


def _script(ch: str) -> str | None:
    if not unicodedata.category(ch).startswith("L"):
        return None
    code = ord(ch)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    return "other"


def detect_language(text: str) -> str:
    """'fa' when Arabic-script letters are the majority, 'en' for English in Latin letters,
    'other' for no letters at all (emoji, digits), other scripts, or clearly non-English
    Latin text (at least two non-English function words, more than English ones); when in
    doubt a Latin text is English."""
    text = strip_links(text)
    counts = {"arabic": 0, "latin": 0, "other": 0}
    for ch in text:
        script = _script(ch)
        if script is not None:
            counts[script] += 1
    if not any(counts.values()):
        return "other"
    majority = max(counts, key=lambda k: (counts[k], k == "arabic", k == "latin"))
    if majority == "arabic":
        return "fa"
    if majority == "other":
        return "other"
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    markers = _markers()
    english = sum(markers.get(w) == "en" for w in words)
    foreign = sum(markers.get(w) == "other" for w in words)
    if foreign >= 2 and foreign > english:
        return "other"
    return "en"
