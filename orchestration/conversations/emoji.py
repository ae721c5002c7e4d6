"""Emoji (and ASCII emoticon) valence from ``data/emoji_valence_v1.tsv``."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from orchestration.conversations.data_files import data_version, parse_float, read_rows

EMOJI_FILE = "emoji_valence_v1.tsv"
EMOJI_SCORER = "emoji_lexicon"
EMOJI_SCORER_VERSION = f"{EMOJI_SCORER}-{data_version(EMOJI_FILE)}"

# Variation selectors, skin tones, ZWJ and gender signs modify an emoji without changing
# what it says about the writer's mood.
_MODIFIERS = re.compile("[\ufe0e\ufe0f\u200d\u2640\u2642\U0001f3fb-\U0001f3ff]")
_EMOTICON = re.compile(r"(?:[:;]-?[)(dp/|]|[)(]-?[:;]|<3)(?![\w)(])", re.I)


@dataclass(frozen=True)
class EmojiEntry:
    valence: float
    sarcasm: bool  # always a sarcasm marker (🙄 😒)
    sarcasm_if_complaint: bool  # a sarcasm marker beside a complaint (😂 🤣)


@cache
def emoji_lexicon() -> dict[str, EmojiEntry]:
    lexicon: dict[str, EmojiEntry] = {}
    for row in read_rows(EMOJI_FILE, min_fields=2):
        note = row[3] if len(row) > 3 else ""
        lexicon[row[0].lower()] = EmojiEntry(
            valence=parse_float(EMOJI_FILE, row, 1),
            sarcasm=note == "sarcasm",
            sarcasm_if_complaint=note == "sarcasm_if_complaint",
        )
    return lexicon


def find_emoji(text: str) -> list[str]:
    """The emoji and emoticons of ``text`` that the lexicon knows, in order, repeats kept."""
    lexicon = emoji_lexicon()
    found: list[str] = []
    rest = _EMOTICON.sub(lambda m: found.append(m.group(0).lower()) or " ", text)
    found = [e for e in found if e in lexicon]
    found.extend(ch for ch in _MODIFIERS.sub("", rest) if ch in lexicon)
    return found


def lookup(token: str) -> EmojiEntry | None:
    return emoji_lexicon().get(_MODIFIERS.sub("", token).lower())


def squash(total: float, alpha: float = 15.0) -> float:
    """A sum of valences -> [-1, 1], as VADER normalises: x / sqrt(x^2 + alpha)."""
    return total / math.sqrt(total * total + alpha) if total else 0.0


def emoji_score(text: str) -> float | None:
    """The squashed sum of the emoji valences of ``text``; None when it has none we know."""
    found = find_emoji(text)
    if not found:
        return None
    return squash(sum(emoji_lexicon()[e].valence for e in found))
