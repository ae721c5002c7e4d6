"""The Persian lexicon: reading the data files, lookup keys, suffix stripping, phrases.

The words, the tags and how to change them: ``data/README.md``."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import product

from orchestration.conversations.data_files import data_version, parse_float, read_rows
from orchestration.conversations.normalise import ZWNJ, is_word, normalise_persian, tokenise

LEXICON_FILE = "fa_sentiment_lexicon_v1.tsv"
MODIFIERS_FILE = "fa_modifiers_v1.tsv"
FA_SCORER = "fa_lexicon"
FA_SCORER_VERSION = f"{FA_SCORER}-{data_version(LEXICON_FILE)}"
MODIFIER_KINDS = frozenset(
    {
        "negator",
        "negator_pre",
        "negator_post",
        "intensifier",
        "dampener",
        "contrast",
        "complaint_cue",
        "sarcasm_marker",
    }
)
# Verb prefixes written apart or with a ZWNJ (نمی دونم, نمی‌دونم, نمیدونم) are joined to
# the next word, so the three spellings are one key; so is the privative بی (بی کیفیت).
_JOIN_PREFIXES = frozenset({"نمی", "می", "بی"})
# Suffixes stripped (longest first) when a word is not in the lexicon as written: plural,
# possessive, colloquial copula (عالیه), comparative, indefinite, object marker.
_SUFFIXES = tuple(
    sorted(
        (
            "هایی",
            "هاشون",
            "هاتون",
            "هامون",
            "هاش",
            "های",
            "ها",
            "ترین",
            "تر",
            "است",
            "ست",
            "اش",
            "ام",
            "ات",
            "ید",
            "ین",
            "ند",
            "ن",
            "ه",
            "ی",
            "م",
            "ت",
            "ش",
            "مون",
            "تون",
            "شون",
            "و",
            "رو",
            "شو",
            "یه",
        ),
        key=len,
        reverse=True,
    )
)


@dataclass(frozen=True)
class Entry:
    valence: float | None = None
    verb: bool = False
    ironic_praise: bool = False
    modifiers: dict[str, float] = field(default_factory=dict)
    # the term carries its own negation (جواب نمیده، ارزش نداشت، نرسید): a negator nearby
    # does not negate it again (Persian negative concord: "هیچ ارزشی نداشت")
    has_negation: bool = False


def _keys(term: str) -> str:
    """A lexicon term or a text -> its space-joined lookup keys (ZWNJ removed, prefixes joined)."""
    return " ".join(word_keys(term))


def word_keys(text: str) -> list[str]:
    """Lookup keys of a text's tokens: words without ZWNJ (verb prefixes joined), other tokens
    (punctuation, emoji) as they are."""
    keys: list[str] = []
    joinable = False
    for token in tokenise(normalise_persian(text)):
        if not is_word(token):
            keys.append(token)
            joinable = False
            continue
        key = token.replace(ZWNJ, "")
        if joinable and keys[-1] in _JOIN_PREFIXES:
            keys[-1] += key
        else:
            keys.append(key)
        joinable = True
    return keys


@cache
def lexicon() -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for row in read_rows(LEXICON_FILE, min_fields=2):
        valence = parse_float(LEXICON_FILE, row, 1)
        if not -4 <= valence <= 4:
            raise ValueError(f"{LEXICON_FILE}: {row[0]!r}: valence {valence} is outside -4..4")
        tags = set(row[2].split()) if len(row) > 2 else set()
        entries[_keys(row[0])] = Entry(
            valence=valence, verb="verb" in tags, ironic_praise="ironic_praise" in tags
        )
    for row in read_rows(MODIFIERS_FILE, min_fields=3):
        if row[1] not in MODIFIER_KINDS:
            raise ValueError(f"{MODIFIERS_FILE}: {row[0]!r}: unknown kind {row[1]!r}")
        key = _keys(row[0])
        old = entries.get(key, Entry())
        modifiers = {**old.modifiers, row[1]: parse_float(MODIFIERS_FILE, row, 2)}
        entries[key] = Entry(old.valence, old.verb, old.ironic_praise, modifiers)
    negators = {
        key
        for key, entry in entries.items()
        if {"negator", "negator_pre", "negator_post"} & set(entry.modifiers)
    }
    for key, entry in entries.items():
        if entry.valence and any(w in negators or w.startswith("نمی") for w in key.split()):
            entries[key] = replace(entry, has_negation=True)
    return entries


@lru_cache(maxsize=1 << 16)
def _forms(key: str) -> tuple[str, ...]:
    """The key, then the key with one or two suffixes stripped (stems of two letters or more)."""
    forms = [key]
    for form in forms[:1] + [key[: -len(s)] for s in _SUFFIXES if key.endswith(s)][:3]:
        for suffix in _SUFFIXES:
            if form.endswith(suffix) and len(form) - len(suffix) >= 2:
                stem = form[: -len(suffix)]
                # the copula ست/س swallows a final ه: فوق‌العادست = فوق‌العاده + ست
                stems = [stem, stem + "ه"] if suffix in ("ست", "س") else [stem]
                forms.extend(s for s in stems if s not in forms)
    return tuple(forms)


def lookup_phrase(words: list[str]) -> Entry | None:
    """The entry of a phrase of several words, each word as written or suffix-stripped; two
    words are also tried as one compound (فوق العاده = فوق‌العاده, بسته بندی = بسته‌بندی)."""
    entries = lexicon()
    for combo in product(*(_forms(w)[:4] for w in words)):
        entry = entries.get(" ".join(combo))
        if entry is not None:
            return entry
    if len(words) == 2:
        for form in _forms("".join(words)):
            if form in entries and entries[form].valence:
                return entries[form]
    return None


def lookup_word(key: str) -> tuple[Entry | None, bool]:
    """The entry of one word and whether its verb prefix negates it (نمی‌ارزه, نپسندیدم)."""
    entries = lexicon()
    for form in _forms(key):
        if form in entries:
            return entries[form], False
    if key.startswith("نمی") and len(key) > 4:
        entry, _ = lookup_word("می" + key[3:])
        if entry is not None and entry.valence:
            return entry, True
    if key.startswith("ن") and len(key) >= 4:
        for form in _forms(key[1:]):
            entry = entries.get(form)
            if entry is not None and entry.verb:
                return entry, True
    return None, False
