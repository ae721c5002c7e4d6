"""Text normalisation for Persian and English social texts, and a shared tokeniser.

Persian: Arabic yeh/kaf/teh marbuta -> Persian, hamza carriers -> their bare letters,
diacritics and kashida removed, one canonical ZWNJ between word parts, Persian and
Arabic-Indic digits -> ASCII, letters repeated three or more times collapsed to one.
English: lower case, URLs -> ``url``, @handles -> ``@user``, letters repeated three or more
times collapsed to two. Both: whitespace collapsed.
"""

from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"

_URL = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|(?<![\w@.-])[\w-]+(?:\.[\w-]+)*\.(?:com|ir|org|net|io|me|co)\b(?:/\S*)?",
    re.I,
)
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]+")
# what the loader puts where it masked personal data (orchestration/defs/ingest/pii.py)
_PII_PLACEHOLDER = re.compile(r"\[(?:email|phone|number)\]")

_FA_LETTER_MAP = str.maketrans(
    {
        "\u064a": "\u06cc",  # Arabic yeh -> Persian yeh
        "\u0649": "\u06cc",  # alef maksura -> Persian yeh
        "\u0643": "\u06a9",  # Arabic kaf -> Persian keheh
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u06c0": "\u0647",  # heh with yeh above (ezafe) -> heh
        "\u06c1": "\u0647",  # heh goal -> heh
        "\u0624": "\u0648",  # waw with hamza -> waw
        "\u0623": "\u0627",  # alef with hamza above -> alef
        "\u0625": "\u0627",  # alef with hamza below -> alef
        "\u0671": "\u0627",  # alef wasla -> alef
        # Persian (U+06F0..) and Arabic-Indic (U+0660..) digits -> ASCII
        **{chr(0x06F0 + d): str(d) for d in range(10)},
        **{chr(0x0660 + d): str(d) for d in range(10)},
        "\u066b": ".",  # Arabic decimal separator
        "\u066c": ",",  # Arabic thousands separator
    }
)
# Diacritics (fatha, kasra, damma, tanwin, shadda, sukun, hamza above/below ...), superscript
# alef, kashida, and direction marks carry no meaning for scoring.
_FA_REMOVE = re.compile("[\u064b-\u065f\u0670\u0640\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Zero-width characters people type (or paste) in place of a ZWNJ.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]+")
_ARABIC_LETTER = "\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff"
_FA_REPEAT = re.compile(f"([{_ARABIC_LETTER}])\\1{{2,}}")
_LATIN_REPEAT = re.compile(r"([a-zA-Z])\1{2,}")
_WS = re.compile(r"\s+")
_ZWNJ_EDGE = re.compile(f"(?<![{_ARABIC_LETTER}]){ZWNJ}|{ZWNJ}(?![{_ARABIC_LETTER}])")

LANGUAGES = ("fa", "en", "other")


def _presentation_forms(text: str) -> str:
    """Arabic presentation forms (isolated/initial/final glyphs) -> their base letters."""
    return "".join(
        unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufeff" else ch for ch in text
    )


def mask_links(text: str) -> str:
    """URLs -> ``url`` and @handles -> ``@user`` (case of the rest kept)."""
    return _HANDLE.sub("@user", _URL.sub("url", text))


def strip_links(text: str) -> str:
    """URLs, @handles and the loader's personal-data placeholders removed (their letters say
    nothing about the language)."""
    return _PII_PLACEHOLDER.sub(" ", _HANDLE.sub(" ", _URL.sub(" ", text)))


def normalise_persian(text: str) -> str:
    text = mask_links(_presentation_forms(text))
    text = text.translate(_FA_LETTER_MAP)
    text = _FA_REMOVE.sub("", text)
    text = _ZERO_WIDTH.sub(ZWNJ, text)
    text = _WS.sub(" ", text)
    # a ZWNJ only joins two letters of one word; at a space or word edge it is dropped
    text = _ZWNJ_EDGE.sub("", text)
    text = _FA_REPEAT.sub(r"\1", text)
    text = _LATIN_REPEAT.sub(r"\1\1", text)
    return text.lower().strip()


def normalise_english(text: str) -> str:
    text = mask_links(text)
    text = _ZERO_WIDTH.sub("", text)
    text = _LATIN_REPEAT.sub(r"\1\1", text)
    return _WS.sub(" ", text).lower().strip()


def normalise(text: str, language: str) -> str:
    """Normalise ``text`` by the rules of ``language`` ('fa', 'en' or 'other')."""
    if language == "fa":
        return normalise_persian(text)
    if language == "en":
        return normalise_english(text)
    if language == "other":
        return _WS.sub(" ", mask_links(_ZERO_WIDTH.sub("", text))).strip()
    raise ValueError(f"unknown language {language!r}: expected one of {', '.join(LANGUAGES)}")


# --- tokeniser shared by the Persian scorer, themes and candidate phrases -------------------

_TOKEN = re.compile(
    r"[:;]-?[)(/|]|[:;]-?[dp](?![^\W_])|[)(]-?[:;]|<3"  # ASCII emoticons :) (: :( ): :d <3
    r"|@user|[^\W_]+(?:['’\u200c][^\W_]+)*"  # words (ZWNJ and apostrophes inside a word)
    r"|[.!?؟،,;؛]"  # clause punctuation
    r"|\S",  # anything else (emoji, symbols), one character at a time
)
CLAUSE_MARKS = frozenset(".!?؟،,;؛")
QUESTION_MARKS = frozenset("?؟")


def tokenise(normalised: str) -> list[str]:
    """Words, clause punctuation and single symbols (emoji) of an already normalised text."""
    return [t for t in _TOKEN.findall(normalised) if t not in ("\ufe0f", ZWNJ)]


def is_word(token: str) -> bool:
    return token[:1].isalnum() or token == "@user"
