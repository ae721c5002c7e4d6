"""Persian sentiment: a lexicon scorer with negation, intensifiers, contrast, questions,
emoji and a sarcasm rule. Its words and rules are documented in ``data/README.md``."""

from __future__ import annotations

from dataclasses import dataclass

from orchestration.conversations import emoji
from orchestration.conversations.fa_lexicon import (
    FA_SCORER,
    FA_SCORER_VERSION,
    LEXICON_FILE,
    MODIFIERS_FILE,
    Entry,
    lexicon,
    lookup_phrase,
    lookup_word,
    word_keys,
)
from orchestration.conversations.normalise import CLAUSE_MARKS, QUESTION_MARKS, is_word

__all__ = [
    "FA_SCORER",
    "FA_SCORER_VERSION",
    "LEXICON_FILE",
    "MODIFIERS_FILE",
    "persian_valences",
    "score_persian",
    "word_keys",
]

NEGATION_SCALAR = -0.74  # as VADER: a negated word keeps 74% of its strength, sign flipped
PRE_NEGATION_WINDOW = 3  # words before a sentiment word a negator reaches over
POST_NEGATION_WINDOW = 2  # words after (Persian puts the verb last: خوب نبود)
MODIFIER_WINDOW = 2  # words before a sentiment word an intensifier reaches over
BEFORE_CONTRAST, AFTER_CONTRAST = 0.5, 1.5  # words before / after ولی, as VADER's "but"
MAX_PHRASE = 4


@dataclass
class _Item:
    word_index: int
    clause: int
    entry: Entry | None
    negated: bool = False
    emoji: emoji.EmojiEntry | None = None
    scale: float = 1.0  # an intensifier inside the phrase


def _scan(keys: list[str]) -> tuple[list[_Item], set[int]]:
    """Items (words and phrases with their entries, emoji) and the question clauses."""
    entries = lexicon()
    items: list[_Item] = []
    questions: set[int] = set()
    clause = word_index = i = 0
    while i < len(keys):
        key = keys[i]
        if key in CLAUSE_MARKS:
            if key in QUESTION_MARKS:
                questions.add(clause)
            clause += 1
            i += 1
            continue
        if not is_word(key):
            found = emoji.lookup(key)
            if found is not None:
                items.append(_Item(word_index, clause, None, emoji=found))
            i += 1
            continue
        matched = False
        for n in range(min(MAX_PHRASE, len(keys) - i), 1, -1):
            words = keys[i : i + n]
            if not all(is_word(w) for w in words):
                continue
            entry = lookup_phrase(words)
            if entry is not None:
                items.append(_Item(word_index, clause, entry))
                word_index += 1
                i += n
                matched = True
                break
        if matched:
            continue
        # a two-word phrase with an intensifier inside: کیفیت خیلی پایین
        middle = entries.get(keys[i + 1]) if i + 2 < len(keys) else None
        if (
            middle is not None
            and {"intensifier", "dampener"} & set(middle.modifiers)
            and is_word(keys[i + 2])
        ):
            entry = lookup_phrase([key, keys[i + 2]])
            if entry is not None:
                scale = next(
                    w for k, w in middle.modifiers.items() if k in ("intensifier", "dampener")
                )
                items.append(_Item(word_index, clause, entry, scale=scale))
                word_index += 1
                i += 3
                continue
        entry, negated = lookup_word(key)
        items.append(_Item(word_index, clause, entry, negated))
        word_index += 1
        i += 1
    return items, questions


def _has(item: _Item, *kinds: str) -> bool:
    return item.entry is not None and any(k in item.entry.modifiers for k in kinds)


def _weight(item: _Item, *kinds: str) -> float:
    assert item.entry is not None
    return next(item.entry.modifiers[k] for k in kinds if k in item.entry.modifiers)


def _is_sentiment(item: _Item) -> bool:
    return item.entry is not None and bool(item.entry.valence)


def _word_valence(items: list[_Item], at: int, contrast: int | None) -> float:
    item = items[at]
    assert item.entry is not None and item.entry.valence is not None
    valence = item.entry.valence * item.scale
    negated = item.negated
    negatable = not item.entry.has_negation
    negation_weight = 1.0
    window = max(PRE_NEGATION_WINDOW, POST_NEGATION_WINDOW, MODIFIER_WINDOW)
    for other in items[max(0, at - window - 8) : at + window + 8]:  # emoji take no word slot
        if other.clause != item.clause or other.emoji is not None:
            continue
        distance = item.word_index - other.word_index
        pre = 0 < distance <= PRE_NEGATION_WINDOW and _has(other, "negator_pre", "negator")
        post = -POST_NEGATION_WINDOW <= distance < 0 and _has(other, "negator_post", "negator")
        if negatable and pre:
            negated = True
            negation_weight = max(negation_weight, _weight(other, "negator_pre", "negator"))
        elif negatable and post:
            negated = True
        if 0 < distance <= MODIFIER_WINDOW and _has(other, "intensifier", "dampener"):
            valence *= _weight(other, "intensifier", "dampener")
    if negated:
        valence *= NEGATION_SCALAR * negation_weight
    if contrast is not None:
        valence *= BEFORE_CONTRAST if item.word_index < contrast else AFTER_CONTRAST
    return valence


def persian_valences(text: str) -> list[float]:
    """The signed contribution of each sentiment word, phrase and emoji of ``text``."""
    items, questions = _scan(word_keys(text))
    # the first contrast word that does not open the text (فقط first is "only")
    contrast = next(
        (it.word_index for it in items if _has(it, "contrast") and it.word_index > 0), None
    )
    words: list[float] = []
    emojis: list[float] = []
    ironic = complaint_cue = marker = False
    for at, item in enumerate(items):
        if item.emoji is not None:
            emojis.append(item.emoji.valence)
            continue
        if item.entry is None:
            continue
        complaint_cue |= "complaint_cue" in item.entry.modifiers
        marker |= "sarcasm_marker" in item.entry.modifiers
        if not _is_sentiment(item):
            continue
        following = items[at + 1] if at + 1 < len(items) else None
        if (
            "intensifier" in item.entry.modifiers
            and following is not None
            and following.word_index == item.word_index + 1
            and _is_sentiment(following)
        ):
            continue  # فوق‌العاده خوب: an intensifier here, not a word of its own
        ironic |= item.entry.ironic_praise
        valence = _word_valence(items, at, contrast)
        if item.clause in questions and valence > 0:
            continue  # "خوبه؟" asks; only complaints in questions count
        words.append(valence)
    complaint = complaint_cue or any(v < 0 for v in words)
    markers = [it.emoji for it in items if it.emoji is not None]
    sarcastic = (
        marker
        or (any(m.sarcasm for m in markers) and any(v > 0 for v in words))
        or (any(m.sarcasm_if_complaint for m in markers) and complaint)
        or (ironic and complaint)
    )
    contributions = words + emojis
    if sarcastic:
        contributions = [-abs(v) for v in contributions]
    return contributions


def score_persian(text: str) -> float:
    """Sum of contributions squashed to [-1, 1] as VADER does: x / sqrt(x^2 + 15)."""
    return emoji.squash(sum(persian_valences(text)))
