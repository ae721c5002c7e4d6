"""What people say, end to end on a hand-made landing folder: comments on own posts, listening
mentions, CSAT comments and a manual override, built by Dagster (raw assets, the
text-analysis asset, the dbt build). Every expected figure below is counted by hand from the
texts in this file and the labels written next to them."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.defs.conversations.assets import SCORES_KEY, text_analysis
from orchestration.defs.resources import resources
from tests.conftest import build_everything, failure_message, write

AUG = "2026-08-12T10:00:00+03:30"
SEP = "2026-09-10T10:00:00+03:30"

# A theme taxonomy of our own (the business's file, CONVERSATION_THEMES_FILE), so the figures
# do not depend on the bundled one.
TAXONOMY = """\
version: test-1
themes:
  - key: delivery
    label_en: Delivery
    label_fa: ارسال
    action_kind: product
    keywords_fa: [ارسال, دیر رسید]
    keywords_en: [delivery]
  - key: price
    label_en: Price
    label_fa: قیمت
    action_kind: product
    keywords_fa: [قیمت, گرون]
    keywords_en: [price]
  - key: content_request
    label_en: Content requests
    label_fa: درخواست محتوا
    action_kind: content
    keywords_fa: [آموزش]
    keywords_en: [tutorial]
"""

PHONE = "09123456789"

# (text_source, id, brand, month, text, label by hand, themes by hand)
TEXTS = [
    ("mention", "m-a1", "Acme", AUG, "ارسال خیلی بد بود، دو هفته طول کشید", "negative",
     {"delivery"}),
    ("comment", "instagram:c-a1", "Acme", AUG, f"ارسال خیلی سریع بود، عالی بود ممنون {PHONE}",
     "positive", {"delivery"}),
    ("mention", "m-a2", "Acme", AUG, "قهوه Acme رو امروز امتحان کردم", "override", set()),
    ("mention", "m-s1", "Acme", SEP, "سفارشم خیلی دیر رسید، افتضاح بود", "negative",
     {"delivery"}),
    ("mention", "m-s2", "Acme", SEP, "ارسال افتضاح بود، هنوز سفارشم نیومده", "negative",
     {"delivery"}),
    ("comment", "instagram:c-s1", "Acme", SEP, "ارسالتون خیلی بد شده، دیگه سفارش نمیدم",
     "negative", {"delivery"}),
    ("comment", "instagram:c-s2", "Acme", SEP, "The delivery was terrible and late",
     "negative", {"delivery"}),
    ("comment", "instagram:c-s3", "Acme", SEP, "ارسال خیلی دیر بود، خیلی بد", "negative",
     {"delivery"}),
    ("comment", "instagram:c-s4", "Acme", SEP, "ارسال به موقع بود، عالی بود", "positive",
     {"delivery"}),
    ("comment", "instagram:c-s5", "Acme", SEP, "کیسه پاره بود، خیلی بد", "negative", set()),
    ("comment", "instagram:c-s6", "Acme", SEP, "باز هم کیسه پاره، افتضاح", "negative", set()),
    ("comment", "instagram:c-s7", "Acme", SEP, "کیسه پاره و قهوه ریخته بود، بد بود",
     "negative", set()),
    ("survey", "r-s1", "Acme", SEP, "قهوه عالی بود", "positive", set()),
    ("mention", "m-r1", "Rival", SEP, "قیمت Rival خیلی گرونه، اصلا نمی‌ارزه", "negative",
     {"price"}),
    ("mention", "m-r2", "Rival", SEP, "Rival گرون شده، خیلی بد", "negative", {"price"}),
    ("mention", "m-r3", "Rival", SEP, "قیمت‌های Rival افتضاحه", "negative", {"price"}),
    ("mention", "m-r4", "Rival", SEP, "Rival خیلی گرونه و بده", "negative", {"price"}),
    ("mention", "m-r5", "Rival", SEP, "The price at Rival is terrible", "negative", {"price"}),
]
TOOL_LABELS = {"m-a1": "negative", "m-s1": "positive"}


def _csv(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _landing(root: Path) -> Path:
    landing = root / "landing"
    write(landing, "social_accounts/brands/brands.csv",
          "brand,is_own,website_domain,industry\nAcme,true,acme.com,coffee\n"
          "Rival,false,rival.io,coffee\n")
    write(landing, "social_accounts/accounts/accounts.csv",
          "platform,account_id,handle,display_name,brand,is_own,industry\n"
          "instagram,222,acme,Acme,Acme,true,coffee\n")
    mentions = ["mention_id,platform,published_at,brand,text,sentiment_label,engagements"]
    comments = ["platform,comment_id,post_id,created_at,author_id,text,is_from_owner",
                # the brand's own reply: not what people say, in no count below
                f"instagram,reply-1,p1,{SEP},acme-page,\"ممنون از لطف شما، عالی\",true"]
    surveys = ["response_id,submitted_at,customer_ref,csat_score,comment"]
    for source, text_id, brand, when, text, _, _ in TEXTS:
        if source == "mention":
            mentions.append(f"{text_id},x,{when},{brand},{_csv(text)},"
                            f"{TOOL_LABELS.get(text_id, '')},1")
        elif source == "comment":
            comments.append(f"instagram,{text_id.split(':')[1]},p1,{when},u-{text_id},"
                            f"{_csv(text)},false")
        else:
            surveys.append(f"{text_id},{when},C1,5,{_csv(text)}")
    write(landing, "listening/mentions/mentions.csv", "\n".join(mentions) + "\n")
    write(landing, "social_comments/comments/comments.csv", "\n".join(comments) + "\n")
    write(landing, "surveys/csat/csat.csv", "\n".join(surveys) + "\n")
    write(landing, "sentiment_overrides/overrides/reviewed.csv",
          "text_source,text_id,label,reason,reviewed_by,reviewed_at\n"
          "mention,m-a2,positive,praise in context,Sara,2026-09-01T10:00:00Z\n")
    return landing


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    root = tmp_path_factory.mktemp("conversations")
    themes = root / "themes.yml"
    themes.write_text(TAXONOMY, encoding="utf-8")
    landing, warehouse = _landing(root), root / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CONVERSATION_THEMES_FILE", str(themes))
        result = build_everything(landing, warehouse)
    assert result.success, failure_message(result)
    return landing, warehouse, themes


def _query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_every_text_gets_the_label_read_by_hand_and_the_override_wins(built):
    _, warehouse, _ = built
    effective = dict(((s, i), (kind, label)) for s, i, kind, label in _query(
        warehouse, "select text_source, text_id, scorer_kind, sentiment_label "
                   "from marts.conversation_sentiment where is_effective"))
    assert len(effective) == len(TEXTS)  # the brand's own reply is not among them
    assert ("comment", "instagram:reply-1") not in effective
    for source, text_id, _, _, text, label, _ in TEXTS:
        if label == "override":
            assert effective[(source, text_id)] == ("manual_override", "positive")
        else:
            assert effective[(source, text_id)] == ("model", label), text
    # the tool's labels are kept beside ours, never effective while the model scored the text
    assert sorted(_query(warehouse, "select text_id, sentiment_label, is_effective from "
                                    "marts.conversation_sentiment where scorer_kind = "
                                    "'listening_tool'")) == [
        ("m-a1", "negative", False), ("m-s1", "positive", False)]
    # the overridden text keeps its model score, not effective
    assert _query(warehouse, "select is_effective from marts.conversation_sentiment "
                             "where text_id = 'm-a2' and scorer_kind = 'model'") == [(False,)]
    # every model row names its scorer and version
    assert _query(warehouse, "select count(*) from marts.conversation_sentiment where "
                             "scorer_kind = 'model' and (scorer is null or scorer_version is "
                             "null or language_code is null)") == [(0,)]


def test_themes_count_texts_by_month_with_the_change_against_the_month_before(built):
    _, warehouse, _ = built
    rows = _query(warehouse, """
        select theme_mentions, positive_mentions, negative_mentions, negative_share,
            share_of_brand_texts, previous_theme_mentions, previous_negative_share,
            mentions_change, mentions_growth, negative_share_change, action_kind
        from marts.conversation_themes
        where brand = 'Acme' and theme_key = 'delivery' and month_start_date = '2026-09-01'""")
    # September: five negative delivery texts and one positive of the brand's ten texts;
    # August: one negative and one positive
    assert rows == [(6, 1, 5, pytest.approx(5 / 6), pytest.approx(6 / 10), 2, 0.5, 4, 2.0,
                     pytest.approx(5 / 6 - 0.5), "product")]
    (examples,), = _query(warehouse, """
        select example_text_ids from marts.conversation_themes
        where brand = 'Acme' and theme_key = 'delivery' and month_start_date = '2026-09-01'""")
    assert len(examples.split(", ")) == 3
    assert set(examples.split(", ")) <= {"m-s1", "m-s2", "instagram:c-s1", "instagram:c-s2",
                                         "instagram:c-s3"}
    assert _query(warehouse, """
        select theme_mentions, negative_mentions, previous_theme_mentions
        from marts.conversation_themes
        where brand = 'Rival' and theme_key = 'price'""") == [(5, 5, None)]


def test_a_problem_nobody_configured_shows_up_as_a_new_phrase(built):
    _, warehouse, _ = built
    rows = _query(warehouse, """
        select theme_key, theme_mentions, negative_mentions, previous_theme_mentions
        from marts.conversation_themes
        where theme_kind = 'new_phrase' and brand = 'Acme' and month_start_date = '2026-09-01'""")
    assert ("کیسه پاره", 3, 3, 0) in rows
    # only phrases carried by at least conversation_new_phrase_min_texts (3) negative texts
    assert all(negative >= 3 for _, _, negative, _ in rows)


def test_actions_are_the_grown_own_problem_and_the_competitors_problem(built):
    _, warehouse, _ = built
    assert sorted(_query(warehouse, """
        select month_start_date::varchar, brand, theme_key, action_kind, is_opportunity,
            action_reason, negative_mentions
        from marts.conversation_actions""")) == [
        ("2026-09-01", "Acme", "delivery", "product", False, "negative share rose", 5),
        ("2026-09-01", "Rival", "price", "strategy", True, "competitor problem", 5),
    ]


def test_benchmark_influence_counts_our_labels_of_mentions_and_own_post_comments(built):
    _, warehouse, _ = built
    rows = _query(warehouse, """
        select month_start_date::varchar, positive_conversations, negative_conversations,
            neutral_conversations, conversation_net_sentiment, positive_mentions,
            negative_mentions
        from marts.benchmark_influence
        where brand = 'Acme' and platform = 'all' order by month_start_date""")
    # August: m-a1 negative, c-a1 positive, m-a2 positive (override); the tool labelled m-a1
    # negative. September: c-s4 positive, seven comments and two mentions negative minus
    # the one positive comment = 8 negative; the tool labelled m-s1 positive. The survey
    # comment is not a conversation.
    assert rows == [
        ("2026-08-01", 2, 1, 0, pytest.approx(1 / 3), 0, 1),
        ("2026-09-01", 1, 8, 0, pytest.approx(-7 / 9), 1, 0),
    ]


def test_no_personal_data_reaches_the_analysis_or_the_marts(built):
    _, warehouse, _ = built
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('text_analysis', 'intermediate', 'marts', 'staging')"
        ).fetchall()
        for schema, table in tables:
            text = con.execute(f'select string_agg(cast(t as varchar), \'|\') '
                               f'from "{schema}"."{table}" as t').fetchone()[0] or ""
            assert PHONE not in text, f"{schema}.{table}"
            assert "Sara" not in text, f"{schema}.{table}"


def test_only_new_texts_are_analysed_on_a_refresh(built, tmp_path: Path):
    landing, warehouse, themes = built
    copy = tmp_path / "warehouse.duckdb"
    copy.write_bytes(warehouse.read_bytes())

    def analyse() -> dict[str, object]:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("CONVERSATION_THEMES_FILE", str(themes))
            result = dg.materialize([text_analysis], resources=resources(copy, landing),
                                    raise_on_error=False)
        assert result.success, failure_message(result)
        event = result.asset_materializations_for_node("text_analysis")
        metadata = next(m.metadata for m in event if m.asset_key == SCORES_KEY)
        return {k: v.value for k, v in metadata.items()}

    before = _query(copy, "select text_hash, analysed_at from text_analysis.sentiment_scores")
    first = analyse()
    analysed = len(TEXTS) + 1  # the brand's reply is read too (the marts leave it out)
    assert (first["texts_analysed"], first["texts_unchanged"]) == (0, analysed)
    with duckdb.connect(str(copy)) as con:
        con.execute("insert into raw_listening.mentions (mention_id, platform, published_at, "
                    "brand, text) values ('m-new', 'x', now(), 'Acme', 'ارسال عالی بود')")
    second = analyse()
    assert (second["texts_analysed"], second["texts_unchanged"]) == (1, analysed)
    after = dict(_query(copy, "select text_hash, analysed_at from text_analysis.sentiment_scores"))
    assert all(after[h] == at for h, at in before)  # the others were not scored again
