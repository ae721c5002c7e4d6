"""Sentiment scoring: Persian rules (negation, intensifiers, questions, emoji, sarcasm),
English VADER thresholds, emoji-only texts, and the development set's macro-F1 floor.

Expected Persian scores are computed by hand from the lexicon's valences (خوب 2, بد -2,
خیلی x1.3, یکم x0.6, negation x-0.74) and VADER's squash x / sqrt(x^2 + 15)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from orchestration.conversations import SCORER_VERSION, evaluate_file, score_text
from orchestration.conversations.scoring import label_for

DEV_SET = Path(__file__).parent / "data" / "conversations_dev_fa.tsv"
DEV_MACRO_F1_FLOOR = 0.93  # only rises


def squash(x: float) -> float:
    return x / math.sqrt(x * x + 15)


def label(text: str) -> str:
    return score_text(text).label


def test_score_fields_of_a_persian_text():
    result = score_text("خوب بود")
    assert result.language == "fa"
    assert result.label == "positive"
    assert result.score == pytest.approx(squash(2.0))
    assert (result.scorer, result.scorer_version) == ("fa_lexicon", "fa_lexicon-1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("خوب بود", squash(2.0)),
        ("خوب نبود", squash(2.0 * -0.74)),  # negated after the word
        ("بد نبود", squash(-2.0 * -0.74)),  # "not bad": mildly positive
        ("خیلی خوب بود", squash(2.0 * 1.3)),
        ("یکم خوب بود", squash(2.0 * 0.6)),
        ("خیلی بد", squash(-2.0 * 1.3)),
    ],
)
def test_negation_and_intensity_by_hand(text: str, expected: float):
    assert score_text(text).score == pytest.approx(expected)


def test_not_bad_is_milder_than_good():
    assert 0 < score_text("بد نبود").score < score_text("خوب بود").score
    assert score_text("خوب نبود").score < 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نمی‌ارزه", "negative"),  # a verb negated by its prefix (می‌ارزه is positive)
        ("اصلا راضی نیستم", "negative"),
        ("راضی هستم", "positive"),
        ("هیچ مشکلی نداشت", "positive"),  # negative concord: one negation, not two
        ("بدون مشکل رسید", "positive"),
        ("هیچ ارزشی نداشت", "negative"),  # the phrase carries its own negation
        ("نپسندیدم", "negative"),  # ن + a verb of the lexicon
        ("پشتیبانی جواب نمیده", "negative"),
        ("غذا خوب بود ولی دیر رسید", "negative"),  # after ولی counts more
        ("دیر رسید ولی خیلی خوشمزه بود", "positive"),
        ("نه خوب بود نه بد", "neutral"),
        ("اصلا به دردم نخورد", "negative"),  # اصلا does not undo the verb's own ن
        ("به دردم خورد", "positive"),
        ("همه چی عالی فقط کاش ارسال سریعتر بود", "negative"),  # کاش negates a wish
        ("کاش ارسال سریعتر بود", "negative"),
        ("فقط عالی بود ولی دیر رسید", "negative"),  # an opening فقط is "only": ولی counts
        ("همه چی خوب بود فقط بسته بندی یکم ضعیف بود", "negative"),
        ("طعمش فوق العادست", "positive"),  # a compound written apart + copula after ه
        ("کیفیت خیلی پایین بود", "negative"),  # an intensifier inside a phrase
        ("شماره پیگیری ۸۸۲۳۱", "neutral"),  # blocking entry: پیگیری is not پیگیر + ی
        ("آدرس شعبه‌تون کجاست؟", "neutral"),  # کجاست is not کج + است
    ],
)
def test_persian_rules(text: str, expected: str):
    assert label(text) == expected


def test_negation_reads_the_three_spellings_of_a_prefix_alike():
    spellings = ["نمی‌ارزه", "نمیارزه", "نمی ارزه", "نمي‌ارزه"]
    scores = {score_text(s).score for s in spellings}
    assert len(scores) == 1 and scores.pop() < 0


def test_intensifiers_and_dampeners_order_the_scores():
    very, plain, little = (score_text(t).score for t in ("خیلی خوبه", "خوبه", "یکم خوبه"))
    assert very > plain > little > 0
    assert score_text("واقعا افتضاح بود").score < score_text("افتضاح بود").score < 0


def test_informal_spelling_and_arabic_letters():
    assert label("خیییییلی خوشمزه بود") == "positive"
    assert label("كيفيت عالي بود") == "positive"  # Arabic yeh and kaf
    assert label("کیفیتش افتضاحه") == "negative"  # possessive + colloquial copula
    assert label("بسته بندیش داغون بود") == "negative"


@pytest.mark.parametrize(
    "text",
    ["کی موجود میشه؟", "سلام، قیمتش چنده؟", "این خوبه؟", "سلام خوبی؟", "۲۵۰ هزار تومان"],
)
def test_questions_and_information_are_neutral(text: str):
    result = score_text(text)
    assert (result.label, result.score) == ("neutral", 0.0)


def test_a_complaint_in_a_question_still_counts():
    assert label("چرا جواب نمیدید؟") == "negative"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("😍", "positive"),
        ("😡😡", "negative"),
        ("👍👍", "positive"),
        ("🤔", "neutral"),
        ("123", "neutral"),
        (":)", "positive"),
    ],
)
def test_emoji_only_texts(text: str, expected: str):
    result = score_text(text)
    assert (result.language, result.label, result.scorer) == ("other", expected, "emoji_lexicon")


def test_emoji_only_score_by_hand():
    # 😍 is 3 in emoji_valence_v1.tsv; two of them sum to 6
    assert score_text("😍😍").score == pytest.approx(squash(6.0))


@pytest.mark.parametrize(
    ("plain", "sarcastic"),
    [
        ("عالی بود", "عالی بود 🙄"),
        ("دستتون درد نکنه، خیلی خوب بود", "دستتون درد نکنه، سفارشم هنوز نرسیده"),
        ("چه سرعتی!", "چه سرعتی! بعد از دو هفته رسید"),
        ("خیلی خوب بود 😂", "مرسی از ارسال سریعتون، هنوز نرسیده 😂"),
        ("یه بار به موقع رسید", "چه عجب یه بار به موقع رسید"),
    ],
)
def test_sarcasm_rule(plain: str, sarcastic: str):
    assert label(plain) == "positive"
    assert label(sarcastic) == "negative"


def test_english_is_vader_on_the_text_as_written():
    analyzer = SentimentIntensityAnalyzer()
    for text in ("I LOVE this shop!!!", "The delivery was terrible.", "The box is blue."):
        result = score_text(text)
        assert result.language == "en"
        assert (result.scorer, result.scorer_version) == ("vader", "vaderSentiment-3.3.2+en_cues-1")
        assert result.score == pytest.approx(analyzer.polarity_scores(text)["compound"])
    assert label("I LOVE this shop!!!") == "positive"
    assert label("The delivery was terrible.") == "negative"
    assert label("The box is blue.") == "neutral"


def test_english_handles_cannot_carry_sentiment():
    # raw VADER reads "@happy" as the word happy (compound 0.57); the handle is masked first
    assert SentimentIntensityAnalyzer().polarity_scores("@happy where is my order")["compound"] > 0
    assert label("@happy where is my order") == "neutral"


def test_english_falls_back_to_emoji_when_vader_is_neutral():
    result = score_text("my order 🙄")  # VADER: 0.0 ("face with rolling eyes" has no valence)
    assert (result.label, result.scorer) == ("negative", "emoji_lexicon")
    assert result.score == pytest.approx(squash(-1.5))


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0.05, "positive"),
        (0.0499, "neutral"),
        (0.0, "neutral"),
        (-0.0499, "neutral"),
        (-0.05, "negative"),
        (1.0, "positive"),
        (-1.0, "negative"),
    ],
)
def test_label_thresholds(score: float, expected: str):
    assert label_for(score) == expected


def test_scores_stay_in_range():
    for text in ("😍" * 40, "😡" * 40, "خیلی خیلی عالی عالی عالی محشر " * 10):
        assert -1 <= score_text(text).score <= 1


def test_scorer_version_names_every_scorer():
    assert SCORER_VERSION.startswith("vaderSentiment-3.3.2+en_cues-1+fa_lexicon-1+emoji_lexicon-1+")


def test_development_set_macro_f1_floor():
    report = evaluate_file(DEV_SET)
    assert report.overall.n >= 320
    assert report.by_language["fa"].n >= 310
    assert report.overall.macro_f1 >= DEV_MACRO_F1_FLOOR


def test_lexicon_size_and_spelling_variants_agree():
    from orchestration.conversations.data_files import read_rows
    from orchestration.conversations.fa_lexicon import LEXICON_FILE, _keys, lexicon

    rows = read_rows(LEXICON_FILE, min_fields=2)
    by_key: dict[str, set[float]] = {}
    for row in rows:
        by_key.setdefault(_keys(row[0]), set()).add(float(row[1]))
    # spellings that read alike (بی‌کیفیت, بیکیفیت, بی کیفیت) must carry one valence
    assert {k: v for k, v in by_key.items() if len(v) > 1} == {}
    assert all(-4 <= v <= 4 for values in by_key.values() for v in values)
    assert sum(1 for e in lexicon().values() if e.valence) >= 400
