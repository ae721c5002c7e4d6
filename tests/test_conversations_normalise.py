"""Normalisation (each Persian and English rule) and language detection, on hand-made texts."""

from __future__ import annotations

import pytest

from orchestration.conversations import detect_language, normalise

ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("كيك", "کیک"),  # Arabic kaf and yeh -> Persian
        ("علی\u0649", "علیی"),  # alef maksura -> Persian yeh
        ("مدرسة", "مدرسه"),  # teh marbuta -> heh
        ("مؤسسه", "موسسه"),  # waw with hamza -> waw
        ("أسف إسلام", "اسف اسلام"),  # alef with hamza above / below -> alef
        ("خانهٔ ما", "خانه ما"),  # hamza above (ezafe) removed
        ("مُحَمَّد", "محمد"),  # damma, fatha, shadda removed
        ("رحمٰن", "رحمن"),  # superscript alef removed
        ("خـــوب", "خوب"),  # kashida removed
        ("خیییلی", "خیلی"),  # a letter repeated 3+ times -> one
        ("خییلی", "خییلی"),  # twice is left alone (Persian has real double letters)
        ("۱۲۳ و ٤٥٦", "123 و 456"),  # Persian and Arabic-Indic digits -> ASCII
        ("  خوب \n\t بود ", "خوب بود"),  # whitespace collapsed
        (f"نمی{ZWNJ}{ZWNJ}دونم", f"نمی{ZWNJ}دونم"),  # one ZWNJ between word parts
        ("نمی\u200bدونم", f"نمی{ZWNJ}دونم"),  # zero-width space typed for a ZWNJ
        (f"سلام{ZWNJ} خوب", "سلام خوب"),  # a ZWNJ beside a space is dropped
        ("ببین https://shop.ir/x @Shop_Team", "ببین url @user"),
    ],
)
def test_persian_rules(raw: str, expected: str):
    assert normalise(raw, "fa") == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("GREAT Shop", "great shop"),
        ("see https://shop.example.com/p?id=1 now", "see url now"),
        ("www.example.com is down", "url is down"),
        ("thanks @Shop_Team and @bob", "thanks @user and @user"),
        ("me@example.com stays an address", "me@example.com stays an address"),
        ("sooooo goooood", "soo good"),  # 3+ repeats -> two
        ("  two\n spaces ", "two spaces"),
    ],
)
def test_english_rules(raw: str, expected: str):
    assert normalise(raw, "en") == expected


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        normalise("hallo", "de")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("خیلی خوب بود", "fa"),
        ("كيفيت عالي بود", "fa"),  # Arabic letters are Arabic script too
        ("I love this shop", "en"),
        ("ok", "en"),  # in doubt, Latin letters are English
        ("Delivery ASAP pls", "en"),
        ("سفارشم delivery نشد هنوز", "fa"),  # mixed: the majority of letters
        ("ok ok ok ok سلام", "en"),
        ("😍😍😍", "other"),
        ("123 456", "other"),
        ("", "other"),
        ("   ", "other"),
        ("https://shop.ir @user", "other"),  # links and handles are not words
        ("Привет, как дела", "other"),
        ("el producto es muy bueno", "other"),
        ("kheili khoob bood mersi", "other"),  # Finglish
    ],
)
def test_detect_language(text: str, language: str):
    assert detect_language(text) == language


def test_the_loaders_personal_data_placeholders_do_not_decide_the_language() -> None:
    # the loader masks personal data inside free text with [email], [phone], [number]
    # (orchestration/defs/ingest/pii.py); their Latin letters say nothing about the language
    assert detect_language("مرسی [email] [phone]") == "fa"
    assert detect_language("[number]") == "other"
