"""A configurable theme taxonomy (``themes.yml``) and candidate phrases for new themes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from orchestration.conversations.data_files import DATA_DIR
from orchestration.conversations.fa_lexicon import word_keys
from orchestration.conversations.normalise import (
    CLAUSE_MARKS,
    LANGUAGES,
    ZWNJ,
    is_word,
    normalise,
    normalise_persian,
    tokenise,
)

DEFAULT_TAXONOMY = Path(__file__).parent / "themes.yml"
ACTION_KINDS = ("product", "content", "strategy")
_THEME_FIELDS = ("key", "label_fa", "label_en", "action_kind", "keywords_fa", "keywords_en")
_TOP_FIELDS = ("version", "themes")
# An English keyword matches a word that is the keyword or the keyword plus one of these
# endings (deliver -> delivers, delivered, delivering, delivery), not any longer word
# (late does not match later). A Persian keyword matches at the start of a word, any ending.
_EN_ENDINGS = ("", "s", "es", "ed", "d", "ing", "y", "ies", "ment", "ments")


@dataclass(frozen=True)
class Theme:
    key: str
    label_fa: str
    label_en: str
    action_kind: str
    keywords_fa: tuple[str, ...]
    keywords_en: tuple[str, ...]


def _is_latin(word: str) -> bool:
    return word.isascii()


def _word_matches(keyword: str, word: str) -> bool:
    if _is_latin(keyword):
        return word.startswith(keyword) and word[len(keyword) :] in _EN_ENDINGS
    return word.startswith(keyword)


def _sequence_matches(keys: list[str], words: list[str]) -> bool:
    """``keys`` (a keyword's words) appear in ``words`` in a row, the last as a word start.
    Persian compounds match whether written with ZWNJ, joined or apart (بسته‌بندی = بسته بندی)."""
    joined = "".join(keys)
    n = len(keys)
    for i in range(len(words)):
        window = words[i : i + n]
        if len(window) == n and window[:-1] == keys[:-1] and _word_matches(keys[-1], window[-1]):
            return True
        if n > 1 and not _is_latin(joined) and words[i].startswith(joined):
            return True
        if (
            n == 1
            and i + 1 < len(words)
            and not _is_latin(joined)
            and joined.startswith(words[i])
            and _word_matches(joined, words[i] + words[i + 1])
        ):
            return True
    return False


def _words(text: str, language: str) -> list[str]:
    return [k for k in word_keys(normalise(text, language)) if is_word(k)]


@dataclass(frozen=True)
class ThemeTaxonomy:
    version: str
    themes: tuple[Theme, ...]
    path: Path

    @classmethod
    def load(cls, path: Path | None = None) -> ThemeTaxonomy:
        """Read and validate a taxonomy YAML (None = the bundled default)."""
        path = Path(path) if path is not None else DEFAULT_TAXONOMY
        content = path.read_bytes()
        try:
            raw = yaml.safe_load(content)
        except yaml.YAMLError as error:
            raise ValueError(f"{path}: not valid YAML: {error}") from None
        return cls(_version(path, raw, content), _themes(path, raw), path)

    def match(self, text: str, language: str) -> list[str]:
        """Keys of the themes whose keywords (either language) occur in the text, sorted."""
        words = _words(text, language)
        found = {
            theme.key
            for theme in self.themes
            if any(
                _sequence_matches(_keyword_keys(k), words)
                for k in theme.keywords_fa + theme.keywords_en
            )
        }
        return sorted(found)


@cache
def _keyword_keys(keyword: str) -> list[str]:
    return [k for k in word_keys(keyword) if is_word(k)]


def _version(path: Path, raw: Any, content: bytes) -> str:
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping with 'version' and 'themes'")
    unknown = sorted(set(raw) - set(_TOP_FIELDS))
    if unknown:
        raise ValueError(f"{path}: unknown top-level key(s) {', '.join(map(str, unknown))}")
    version = raw.get("version")
    if version is None or not str(version).strip():
        raise ValueError(f"{path}: a 'version' is required")
    return f"{version}-{hashlib.sha256(content).hexdigest()[:8]}"


def _themes(path: Path, raw: dict[str, Any]) -> tuple[Theme, ...]:
    items = raw.get("themes")
    if not isinstance(items, list) or not items:
        raise ValueError(f"{path}: 'themes' must be a non-empty list")
    themes: list[Theme] = []
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        where = f"{path}: theme {number}"
        if not isinstance(item, dict):
            raise ValueError(f"{where}: expected a mapping")
        key = item.get("key")
        if not isinstance(key, str) or not key.strip():
            raise ValueError(f"{where}: 'key' must be a non-empty string")
        where = f"{path}: theme {key!r}"
        if key in seen:
            raise ValueError(f"{where}: duplicate theme key")
        seen.add(key)
        unknown = sorted(set(item) - set(_THEME_FIELDS))
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {', '.join(map(str, unknown))}")
        missing = [f for f in _THEME_FIELDS if f not in item]
        if missing:
            raise ValueError(f"{where}: missing {', '.join(missing)}")
        for label in ("label_fa", "label_en"):
            if not isinstance(item[label], str) or not item[label].strip():
                raise ValueError(f"{where}: {label} must be a non-empty string")
        if item["action_kind"] not in ACTION_KINDS:
            raise ValueError(
                f"{where}: action_kind {item['action_kind']!r} is not one of"
                f" {', '.join(ACTION_KINDS)}"
            )
        keywords = {}
        for field in ("keywords_fa", "keywords_en"):
            values = item[field]
            if (
                not isinstance(values, list)
                or not values
                or not all(isinstance(v, str) and v.strip() for v in values)
            ):
                raise ValueError(f"{where}: {field} must be a non-empty list of words")
            normalised = tuple(
                normalise(v, "fa" if field == "keywords_fa" else "en") for v in values
            )
            if not all(_keyword_keys(v) for v in normalised):
                raise ValueError(f"{where}: {field} has a keyword without letters")
            keywords[field] = normalised
        themes.append(
            Theme(key, item["label_fa"], item["label_en"], item["action_kind"], **keywords)
        )
    return tuple(themes)


@cache
def _stop_words() -> frozenset[str]:
    words: set[str] = set()
    for name in ("stopwords_fa.txt", "stopwords_en.txt"):
        for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.add(normalise_persian(line.strip()).replace(ZWNJ, ""))
    return frozenset(words)


def _keep(token: str) -> bool:
    return (
        is_word(token)
        and token not in ("url", "@user")
        and not any(ch.isdigit() for ch in token)
        and len(token) > 1
        and token.replace(ZWNJ, "") not in _stop_words()
    )


def candidate_phrases(text: str, language: str) -> list[str]:
    """Distinct word bigrams of the normalised text once stop words, digits, emoji, URLs and
    handles are dropped (a bigram may bridge a dropped word; never a clause mark), in order
    of first appearance. Persian verb prefixes are joined with a ZWNJ (نمی دونم -> نمی‌دونم)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: expected one of {', '.join(LANGUAGES)}")
    text = normalise(text, language)
    if language == "fa":
        text = normalise_persian(text)
    phrases: list[str] = []
    previous: str | None = None
    tokens = tokenise(text)
    joined: list[str] = []
    for token in tokens:
        if joined and joined[-1] in ("نمی", "می") and is_word(token):
            joined[-1] += ZWNJ + token
        else:
            joined.append(token)
    for token in joined:
        if token in CLAUSE_MARKS:
            previous = None
            continue
        if not _keep(token):
            continue
        if previous is not None:
            phrase = f"{previous} {token}"
            if phrase not in phrases:
                phrases.append(phrase)
        previous = token
    return phrases
