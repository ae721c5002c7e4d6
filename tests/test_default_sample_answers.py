"""The answers the generated business (`default` scale, seed 42, 90 days) was built to give,
against the truth the generator planted. One warehouse, built once for the module.

ROI, against the causal truth (sample_data/causal.py, _ground_truth.json ``causal_model``):

* Instagram investment causes sessions that convert (the revenue driver);
* LinkedIn investment causes followers and sessions that never convert (awareness only);
* every other channel's spend causes nothing: its traffic converts anyway.

Every asset is materialised for real by Dagster (raw loads, the dbt build with the
incrementality model and the data tests), as `make demo` does. Expected figures come from the
ground truth, never from the warehouse.

What people say, against the story planted in the texts (sample_data/conversations.py,
_ground_truth.json ``conversations``): the own brand's delivery complaints surge in the last
full month (a product action), a competitor's price complaints rise the same month (our
opportunity), and personal data planted in free text never reaches the warehouse.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import duckdb
import pytest

from sample_data import generate
from tests.conftest import build_everything, failure_message

ROI_MARTS = ("channel_verdict", "channel_incrementality", "social_roi_monthly")
# the generator's investment channel -> the warehouse's canonical channel key
CHANNEL_KEYS = {"google_ads": "paid_search"}


@pytest.fixture(scope="module")
def roi(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, dict]]:
    root = tmp_path_factory.mktemp("roi")
    landing, warehouse = root / "landing", root / "warehouse.duckdb"
    truth = generate(landing, "default", seed=42)
    result = build_everything(landing, warehouse)
    assert result.success, failure_message(result)
    built = {e.materialization.asset_key.path[-1]
             for e in result.get_asset_materialization_events()}
    assert set(ROI_MARTS) <= built
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con, truth
    con.close()


def channels(truth: dict, role: str) -> list[str]:
    return [CHANNEL_KEYS.get(c, c) for c, v in truth["causal_model"]["channels"].items()
            if v["role"] == role and c != "all"]


def verdicts(con: Any, channel: str) -> set[str]:
    rows = con.execute(
        "select verdict from marts.channel_verdict where channel = ? and total_investment > 0",
        [channel]).fetchall()
    assert rows, f"no verdict for {channel}"
    return {r[0] for r in rows}


def period(con: Any, channel: str, column: str) -> tuple[float, float, float]:
    """A channel's incremental figure over the whole period: the sum of its quarters (each
    quarter's bounds are the same coefficient's bounds times that quarter's activity)."""
    row = con.execute(
        f"select sum({column}), sum({column}_lower), sum({column}_upper) "
        "from marts.channel_incrementality where channel = ?", [channel]).fetchone()
    assert row[0] is not None, f"{channel}: {column} not estimated"
    return float(row[0]), float(row[1]), float(row[2])


def test_the_planted_revenue_channel_grows_revenue(roi: tuple[Any, dict]) -> None:
    con, truth = roi
    assert channels(truth, "revenue_driver") == ["instagram"]
    assert verdicts(con, "instagram") == {"grows revenue"}


def test_the_planted_awareness_channel_is_awareness_only(roi: tuple[Any, dict]) -> None:
    con, truth = roi
    assert channels(truth, "awareness_only") == ["linkedin"]
    assert verdicts(con, "linkedin") == {"awareness only"}


def test_no_channel_whose_spend_causes_nothing_is_judged_to_grow_revenue(
    roi: tuple[Any, dict],
) -> None:
    con, truth = roi
    baseline = channels(truth, "baseline")
    assert {"facebook", "paid_search", "youtube"} <= set(baseline)
    for channel in baseline:
        assert "grows revenue" not in verdicts(con, channel), channel


def test_channels_ranked_by_incremental_roi_follow_the_planted_ranking(
    roi: tuple[Any, dict],
) -> None:
    con, truth = roi
    # ranked by the return the data supports: the lower bound of incremental ROI on money
    # and time over the period (a point estimate with a wide interval is no ground for a rank)
    rows = con.execute(
        "select channel, (sum(incremental_net_revenue_lower) - sum(total_investment)) "
        "/ sum(total_investment) from marts.channel_incrementality where is_estimable "
        "group by channel order by 2 desc").fetchall()
    ranked = [channel for channel, _ in rows]
    # planted: the revenue driver returns revenue (and pays back), every other channel none
    assert ranked[:1] == channels(truth, "revenue_driver"), rows
    assert rows[0][1] > 0, rows
    for channel in ranked[1:]:
        _, lower, upper = period(con, channel, "incremental_net_revenue")
        assert lower <= 0 <= upper, (channel, lower, upper)


def test_each_planted_effect_lies_inside_its_interval(roi: tuple[Any, dict]) -> None:
    con, truth = roi
    planted = truth["causal_model"]["channels"]
    shop = truth["headline"]["shop"]

    _, lower, upper = period(con, "instagram", "incremental_orders")
    assert lower <= planted["instagram"]["realised_induced_orders"] <= upper

    # the induced orders' net revenue: their gross revenue (ground truth) times the business's
    # net-to-gross ratio (ground truth headline: refunds over gross revenue)
    gross = shop["gross_revenue_usd"]["value"]
    net_share = (gross - shop["refunds_usd"]["value"]) / gross
    induced_net = planted["instagram"]["realised_induced_gross_revenue_usd"] * net_share
    _, lower, upper = period(con, "instagram", "incremental_net_revenue")
    assert lower <= induced_net <= upper, (lower, induced_net, upper)

    _, lower, upper = period(con, "linkedin", "incremental_net_revenue")
    assert lower <= 0 <= upper
    _, lower, upper = period(con, "linkedin", "incremental_follower_growth")
    assert lower <= planted["linkedin"]["expected_induced_followers"] <= upper


def test_attribution_credit_sits_beside_the_effect(roi: tuple[Any, dict]) -> None:
    con, _ = roi
    row = con.execute(
        "select sum(attributed_net_revenue_last_non_direct), sum(incremental_net_revenue), "
        "max(holdout_mape) from marts.channel_incrementality where channel = 'instagram'"
    ).fetchone()
    attributed, incremental, mape = row
    assert attributed > 0 and incremental > 0
    assert mape is not None and 0 < mape < 1  # the fit is scored on held-out days


# ------------------------------------------------------------------ channel fit
SALES_EVIDENCE = ("orders", "net_revenue", "new_customers")


def fit_goals(con: Any, evidence: tuple[str, ...], channel: str) -> list[str]:
    """The goals of channel_fit on one of these channel evidences that count ``channel``."""
    rows = con.execute(
        "select distinct goal_id from marts.channel_fit where channel = ? and is_in_scope "
        f"and channel_evidence in ({', '.join('?' for _ in evidence)})",
        [channel, *evidence]).fetchall()
    return [g for (g,) in rows]


def fit_row(con: Any, goal_id: str, channel: str) -> dict[str, Any]:
    cursor = con.execute(
        "select * from marts.channel_fit where goal_id = ? and channel = ?", [goal_id, channel])
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def test_the_planted_revenue_channel_fits_the_sales_goals_best(roi: tuple[Any, dict]) -> None:
    """On every sales goal that counts it, the channel whose investment causes orders has the
    largest contribution, measured as its incremental effect (not as credit), and ranks first."""
    con, truth = roi
    (driver,) = channels(truth, "revenue_driver")
    goals = fit_goals(con, SALES_EVIDENCE, driver)
    assert goals, "the sample has a sales goal that counts the revenue driver"
    for goal_id in goals:
        row = fit_row(con, goal_id, driver)
        assert row["contribution_basis"] == "incremental", goal_id
        assert row["contribution"] > 0 and row["contribution_score"] == 1.0, goal_id
        assert row["fit_rank"] == 1, goal_id


def test_the_planted_awareness_channel_brings_the_most_followers(
    roi: tuple[Any, dict],
) -> None:
    con, truth = roi
    (awareness,) = channels(truth, "awareness_only")
    goals = fit_goals(con, ("follower_growth",), awareness)
    assert goals, "the sample has a follower goal that counts the awareness channel"
    for goal_id in goals:
        row = fit_row(con, goal_id, awareness)
        assert row["contribution_basis"] == "incremental", goal_id
        assert row["contribution_score"] == 1.0, goal_id
        lower, upper = row["incremental_contribution_lower"], row["incremental_contribution_upper"]
        assert lower > 0 and lower <= row["contribution"] <= upper, goal_id


def test_channel_fit_sums_the_same_effects_as_channel_incrementality(
    roi: tuple[Any, dict],
) -> None:
    """A goal whose period covers every day of data has, per estimable channel, the
    incremental figure channel_incrementality publishes summed over its quarters."""
    con, _ = roi
    rows = con.execute(
        "select f.goal_id, f.channel, f.channel_evidence, f.incremental_contribution "
        "from marts.channel_fit as f where f.is_incremental_estimable "
        "and (f.period_start_date, f.period_end_date) = (select "
        "(min(calendar_date), max(calendar_date)) from intermediate.int_dates_enriched)"
    ).fetchall()
    assert rows, "a sample goal covers the whole period"
    for goal_id, channel, evidence, incremental in rows:
        (published,) = con.execute(
            f"select sum(incremental_{evidence}) from marts.channel_incrementality "
            "where channel = ?", [channel]).fetchone()
        assert math.isclose(incremental, published, rel_tol=1e-9), (goal_id, channel)


# ------------------------------------------------------------------ what people say


def test_the_planted_delivery_surge_is_an_action_for_the_own_brand(
    roi: tuple[Any, dict]
) -> None:
    con, truth = roi
    surge = truth["conversations"]["surge"]
    rows = con.execute(
        "select action_kind, is_opportunity, negative_mentions, negative_share, "
        "previous_negative_share from marts.conversation_actions "
        "where brand = ? and theme_key = ? and month_start_date = cast(? as date)",
        [surge["brand"], surge["theme"], surge["month"] + "-01"]).fetchall()
    assert len(rows) == 1, rows
    kind, opportunity, negative, share, previous = rows[0]
    assert (kind, opportunity) == (surge["kind"], False)
    # our labels come from a model, not from the truth: the surge must show, at about the
    # planted size (within a third of the planted counts), and the negative share must rise
    assert negative == pytest.approx(surge["negative_texts"], rel=1 / 3)
    assert share > previous


def test_the_competitors_planted_price_complaints_are_our_opportunity(
    roi: tuple[Any, dict]
) -> None:
    con, truth = roi
    planted = truth["conversations"]["competitor_opportunity"]
    rows = con.execute(
        "select action_kind, is_opportunity, negative_mentions from marts.conversation_actions "
        "where brand = ? and theme_key = ? and month_start_date = cast(? as date)",
        [planted["brand"], planted["theme"], planted["month"] + "-01"]).fetchall()
    assert len(rows) == 1, rows
    kind, opportunity, negative = rows[0]
    assert (kind, opportunity) == ("strategy", True)
    assert negative == pytest.approx(planted["negative_texts"], rel=1 / 3)


def test_personal_data_planted_in_free_text_is_nowhere_in_the_warehouse(
    roi: tuple[Any, dict]
) -> None:
    con, truth = roi
    planted = [p["value"] for p in truth["conversations"]["planted_pii"]]
    assert len(planted) >= 5
    # every text column of every table the texts pass through (raw, the quarantine, staging,
    # intermediate, text analysis, marts)
    columns = con.execute(
        "select c.table_schema, c.table_name, c.column_name from information_schema.columns c "
        "where c.data_type in ('VARCHAR', 'JSON') and (c.table_schema in ('raw_social_comments', "
        "'raw_listening', 'raw_surveys', 'raw_meta', 'text_analysis', 'marts') or "
        "c.table_name similar to '.*(comment|mention|csat|conversation|text).*')").fetchall()
    assert len(columns) > 20
    any_planted = " or ".join("contains(value, ?)" for _ in planted)
    for schema, table, column in columns:
        (found,), = con.execute(
            f'select count(*) from (select cast("{column}" as varchar) as value '
            f'from "{schema}"."{table}") where {any_planted}', planted).fetchall()
        assert found == 0, f"planted personal data in {schema}.{table}.{column}"


def test_our_labels_agree_with_the_planted_true_labels(roi: tuple[Any, dict]) -> None:
    """The generated texts were written with a true sentiment each (by another hand than the
    scorer's); the project's model must read most of them right, mentions and comments alike,
    and at least as often as a listening tool that is right 80% of the time."""
    con, truth = roi
    texts = truth["conversations"]["texts"]
    for source, table in (("mention", "listening.mentions"),
                          ("comment", "social_comments.comments")):
        expected = texts[table]
        rows = con.execute(
            "select text_id, sentiment_label from marts.conversation_sentiment "
            "where text_source = ? and scorer_kind = 'model'", [source]).fetchall()
        if source == "comment":  # the truth keys comments by platform, then comment id
            labels = {}
            for text_id, label in rows:
                platform, comment_id = text_id.split(":", 1)
                labels[(platform, comment_id)] = label
            true = {(p, c): v for p, by_id in expected.items() for c, v in by_id.items()}
        else:
            labels, true = dict(rows), expected
        scored = [k for k in labels if k in true]
        # the brand's own replies (is_from_owner) are not what people say: never scored
        replies = (sum(n for counts in truth["conversations"]["true_label_counts"]
                       ["brand_replies"].values() for n in counts.values())
                   if source == "comment" else 0)
        assert len(scored) > 0.9 * (len(true) - replies), source
        agree = sum(labels[k] == true[k].split(":")[0] for k in scored) / len(scored)
        assert agree >= 0.8, f"{source}: {agree:.2f}"


def test_the_reviewed_mentions_keep_the_reviewers_label(roi: tuple[Any, dict]) -> None:
    con, truth = roi
    reviewed = {r["text_id"]: r["label"] for r in truth["conversations"]["overrides"]}
    assert len(reviewed) >= 5
    rows = con.execute(
        "select text_id, scorer_kind, sentiment_label from marts.conversation_sentiment "
        "where text_source = 'mention' and is_effective").fetchall()
    effective = {text_id: (kind, label) for text_id, kind, label in rows
                 if text_id in reviewed}
    assert effective == {t: ("manual_override", label) for t, label in reviewed.items()}


# ------------------------------------------------------------------ SMART goals
def test_the_goal_planted_achievable_is_on_track_and_the_other_off_track(
    roi: tuple[Any, dict],
) -> None:
    """The generator plants two follower goals from its own series (_ground_truth.json
    ``goals``): it projects each one with the least-squares slope of its last 28 days, then
    sets one target 80% of the way there and the other three times as far."""
    con, truth = roi
    planted = truth["goals"]["planted"]
    rows = con.execute(
        "select goal_id, as_of_date::varchar, baseline_value, target_value, projected_value, "
        "goal_status from marts.goal_scorecard where goal_id in (?, ?)",
        list(planted)).fetchall()
    assert len(rows) == len(planted) == 2
    for goal_id, as_of, baseline, target, projected, status in rows:
        expected = planted[goal_id]
        assert as_of == truth["goals"]["as_of_date"], goal_id
        assert (baseline, target) == (expected["baseline"], expected["target"]), goal_id
        assert projected == pytest.approx(expected["projected"], rel=1e-9), goal_id
        assert status == expected["expected_status"], goal_id


def test_every_sample_goal_is_valid_and_the_four_goal_types_are_covered(
    roi: tuple[Any, dict],
) -> None:
    con, _ = roi
    rows = con.execute(
        "select goal_id, is_valid, goal_type, goal_status from marts.goal_scorecard").fetchall()
    assert len(rows) == 5
    assert all(is_valid for _, is_valid, _, _ in rows)
    assert {goal_type for _, _, goal_type, _ in rows} == {
        "sales", "site traffic", "brand awareness", "service"}
    assert not {status for *_, status in rows} & {"no data", "not started", "invalid"}
