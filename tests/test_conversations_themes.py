"""The theme taxonomy: the default file, validation errors, matching in both languages with
suffixes, and candidate phrases."""

from __future__ import annotations

from pathlib import Path

import pytest

from orchestration.conversations import ThemeTaxonomy, candidate_phrases

GOOD = """\
version: 3
themes:
  - key: delivery
    label_fa: ارسال
    label_en: Delivery
    action_kind: product
    keywords_fa: [ارسال, دیر رسید]
    keywords_en: [deliver, late]
  - key: price
    label_fa: قیمت
    label_en: Price
    action_kind: strategy
    keywords_fa: [قیمت, گرون]
    keywords_en: [price]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "themes.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_taxonomy_has_the_shared_theme_keys():
    taxonomy = ThemeTaxonomy.load()
    keys = [t.key for t in taxonomy.themes]
    assert {
        "delivery",
        "price",
        "quality",
        "packaging",
        "support",
        "availability",
        "content_request",
    } <= set(keys)
    assert len(keys) == len(set(keys))
    kinds = {t.key: t.action_kind for t in taxonomy.themes}
    assert kinds["content_request"] == "content"
    assert kinds["delivery"] == "product"
    assert all(
        t.keywords_fa and t.keywords_en and t.label_fa and t.label_en for t in taxonomy.themes
    )
    assert taxonomy.version.startswith("1-")


def test_version_is_the_declared_version_plus_a_content_hash(tmp_path: Path):
    first = ThemeTaxonomy.load(write(tmp_path, GOOD)).version
    assert first.startswith("3-") and len(first) == len("3-") + 8
    assert ThemeTaxonomy.load(write(tmp_path, GOOD)).version == first
    changed = ThemeTaxonomy.load(write(tmp_path, GOOD.replace("[price]", "[price, cost]")))
    assert changed.version.startswith("3-") and changed.version != first


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("    action_kind: product\n", "    action_kind: product\n    colour: red\n"),
            r"theme 'delivery': unknown key\(s\) colour",
        ),
        (
            ("keywords_fa: [قیمت, گرون]", "keywords_fa: []"),
            r"theme 'price': keywords_fa must be a non-empty list",
        ),
        (
            ("keywords_en: [deliver, late]", "keywords_en: [deliver, '  ']"),
            r"theme 'delivery': keywords_en must be a non-empty list",
        ),
        (("key: price", "key: delivery"), r"theme 'delivery': duplicate theme key"),
        (
            ("action_kind: strategy", "action_kind: marketing"),
            r"theme 'price': action_kind 'marketing' is not one of product, content, strategy",
        ),
        (("    label_en: Price\n", ""), r"theme 'price': missing label_en"),
        (("version: 3\n", ""), r"a 'version' is required"),
        (("themes:", "thems:"), r"unknown top-level key\(s\) thems"),
    ],
)
def test_validation_errors_name_the_file_and_the_theme(
    tmp_path: Path, change: tuple[str, str], message: str
):
    old, new = change
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(ValueError, match=message) as error:
        ThemeTaxonomy.load(path)
    assert str(path) in str(error.value)


def test_invalid_yaml_names_the_file(tmp_path: Path):
    path = write(tmp_path, "version: 1\nthemes: [\n")
    with pytest.raises(ValueError, match="not valid YAML") as error:
        ThemeTaxonomy.load(path)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("قیمتاش خیلی گرونه", "fa", ["price"]),  # suffixes after the keyword
        ("ارسالش دیر بود و قیمت‌ها بالاست", "fa", ["delivery", "price"]),
        ("سفارشم دیر رسیده", "fa", ["delivery"]),  # a two-word keyword, suffixed
        ("قيمتش چنده؟", "fa", ["price"]),  # Arabic yeh in the text
        ("The delivery was late", "en", ["delivery"]),
        ("It was delivered LATE and the PRICES are high", "en", ["delivery", "price"]),
        ("see you later", "en", []),  # an English keyword is not any word it starts
        ("سلام، خوبید؟", "fa", []),
    ],
)
def test_match_in_both_languages(tmp_path: Path, text: str, language: str, expected: list):
    taxonomy = ThemeTaxonomy.load(write(tmp_path, GOOD))
    assert taxonomy.match(text, language) == expected


@pytest.mark.parametrize(
    "text", ["بسته‌بندیش داغون بود", "بسته بندیش داغون بود", "بستهبندی داغون بود"]
)
def test_a_compound_keyword_matches_every_spelling(text: str):
    assert ThemeTaxonomy.load().match(text, "fa") == ["packaging"]


def test_default_taxonomy_reads_typical_texts():
    taxonomy = ThemeTaxonomy.load()
    assert taxonomy.match("پشتیبانی جواب نمیده", "fa") == ["support"]
    assert taxonomy.match("کی موجود میشه؟", "fa") == ["availability"]
    assert taxonomy.match("لطفا ویدیوی آموزشی بذارید", "fa") == ["content_request"]
    assert taxonomy.match("Please post a tutorial video", "en") == ["content_request"]
    assert taxonomy.match("The packaging was crushed", "en") == ["packaging"]


def test_candidate_phrases_persian():
    text = "ارسال خیلی دیر بود و بسته‌بندی هم داغون بود 😡 ۲ بار"
    # stop words خیلی، بود، و، هم dropped; emoji and the digit dropped; bigrams bridge them
    assert candidate_phrases(text, "fa") == [
        "ارسال دیر",
        "دیر بسته\u200cبندی",
        "بسته\u200cبندی داغون",
        "داغون بار",
    ]


def test_candidate_phrases_english_are_distinct_and_stop_at_clause_marks():
    text = "The delivery was late, https://x.com @shop the delivery was LATE"
    assert candidate_phrases(text, "en") == ["delivery late"]


def test_candidate_phrases_join_a_verb_prefix():
    assert candidate_phrases("جواب نمی دن، جواب نمی‌دن", "fa") == ["جواب نمی\u200cدن"]


def test_candidate_phrases_of_a_text_without_words():
    assert candidate_phrases("😍😍 123", "other") == []
