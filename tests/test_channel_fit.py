"""channel_fit (goal x channel) on a hand-made landing folder: which channels suit each goal.

One small shop, built once for real (every raw asset and the dbt build, through Dagster).
Nine days of data are too short for the incrementality model (it needs
`incrementality_min_days`), so every contribution here is the observed one: orders credited
by last-non-direct attribution (the orders' own UTM tags, no GA4), follower growth of the own
LinkedIn account. Every expected figure below is worked out here from the files written
here; only the weights are read, from the vars in dbt_project.yml.

- S1 (orders, scope all): Instagram 3 orders, email 1, Google Ads (paid_search) 0 for 50 USD
  (cost per unit NULL), a channel without a self-assessment row (email, paid_search), a
  self-assessment row under another spelling (`Twitter` is x);
- F1 (followers, scope linkedin): only LinkedIn contributes, the others have the reason;
- C1 (CSAT): the metric has no channel evidence, no channel contributes;
- L1 (orders, starts after the data): no data yet;
- R1 (orders, target below the baseline): a channel's orders add to what the goal reduces;
- `fb` in the self-assessment is facebook, a social platform no respondent named (share 0);
- an order nothing links is credited to `unattributed`, which is no channel to plan for.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml

from tests.conftest import build_everything, failure_message, write

MART = "marts.channel_fit"
PROJECT = Path(__file__).resolve().parents[1] / "dbt_project" / "dbt_project.yml"

FILES = {
    "marketing/fx_rates/rates.csv": """\
date,currency,rate_to_reporting_currency
2026-09-01,USD,1
""",
    "social_accounts/accounts/accounts.csv": """\
platform,account_id,handle,display_name,brand,is_own,industry
linkedin,li1,acme,Acme,Acme,true,bakery
""",
    # followers are levels: 100, 104, 103 -> net change +4 then -1
    "social_accounts/daily/daily.csv": """\
date,platform,account_id,followers
2026-09-08,linkedin,li1,100
2026-09-09,linkedin,li1,104
2026-09-10,linkedin,li1,103
""",
    "strategy/goals/goals.csv": """\
goal_id,title,metric,scope,baseline_value,target_value,start_date,deadline
S1,Sell more,orders,all,10,20,2026-09-01,2026-12-31
F1,LinkedIn audience,followers,linkedin,100,150,2026-09-01,2026-12-31
C1,Happy customers,csat,all,0.7,0.9,2026-09-01,2026-12-31
R1,Fewer orders,orders,all,20,10,2026-09-01,2026-12-31
L1,Sell more next year,orders,all,20,30,2027-01-01,2027-03-31
""",
    "strategy/self_assessment/self_assessment.csv": """\
channel,team_experience,hours_per_week_planned,has_skilled_writer,has_photo_library,\
has_photographer,has_video_library,has_video_skills
instagram,professional,10,false,true,true,false,false
linkedin,personal,3,true,false,false,false,false
Twitter,none,1,false,false,false,false,false
blog,professional,4,true,false,false,false,false
fb,personal,1,true,false,false,false,false
""",
    # four respondents: three know social sites and name platforms (the denominator)
    "surveys/audience/audience.csv": """\
response_id,submitted_at,knows_social_sites,platforms_used
a1,2026-09-05 10:00:00+03:30,true,instagram;linkedin
a2,2026-09-05 11:00:00+03:30,true,instagram;twitter
a3,2026-09-06 10:00:00+03:30,true,telegram
a4,2026-09-06 11:00:00+03:30,false,
""",
    "marketing/spend/spend.csv": """\
date,channel,campaign,cost_category,amount,currency
2026-09-02,instagram,,ads,60,USD
2026-09-03,email,,tools,10,USD
2026-09-04,google_ads,,ads,50,USD
""",
    "marketing/time_log/time_log.csv": """\
date,role,channel,activity,hours,hourly_cost,currency
2026-09-02,content_creator,instagram,content creation,3,10,USD
2026-09-03,content_creator,email,content creation,1,10,USD
2026-09-05,social_media_manager,linkedin,community management,2,10,USD
""",
    # orders 1-3 land from Instagram, 4 from the newsletter, 5 carries nothing
    "shopify/order/orders.csv": """\
id,created_at,currency,total_price,financial_status,landing_site_base_url,_fivetran_synced
1,2026-09-02T06:30:00Z,USD,10.00,paid,https://acme.com/?utm_source=instagram&utm_medium=social,2026-09-02T06:35:00Z
2,2026-09-03T06:30:00Z,USD,20.00,paid,https://acme.com/?utm_source=instagram&utm_medium=social,2026-09-03T06:35:00Z
3,2026-09-04T06:30:00Z,USD,30.00,paid,https://acme.com/?utm_source=instagram&utm_medium=social,2026-09-04T06:35:00Z
4,2026-09-05T06:30:00Z,USD,40.00,paid,https://acme.com/?utm_source=newsletter&utm_medium=email,2026-09-05T06:35:00Z
5,2026-09-06T06:30:00Z,USD,50.00,paid,,2026-09-06T06:35:00Z
""",
}

CHANNELS = {"instagram", "email", "paid_search", "linkedin", "x", "blog", "facebook"}
FIRST_DAY, LAST_DAY = date(2026, 9, 2), date(2026, 9, 10)  # first and last date of any data
DAYS = (LAST_DAY - FIRST_DAY).days + 1

# investment per channel: (money, hours, time cost), from the spend and time-log files
INVESTMENT = {"instagram": (60.0, 3.0, 30.0), "email": (10.0, 1.0, 10.0),
              "paid_search": (50.0, 0.0, 0.0), "linkedin": (0.0, 2.0, 20.0)}
EXPERIENCE = {"instagram": 1.0, "linkedin": 0.5, "x": 0.0, "blog": 1.0, "facebook": 0.5}
# resources needed (seed channel_resource_needs) against those the self-assessment has:
# instagram needs photo library, photographer, video skills and has the first two;
# linkedin and x need a writer (linkedin has one, x not); blog and facebook need a writer
# and photos and have only the writer
RESOURCES = {"instagram": 2 / 3, "linkedin": 1.0, "x": 0.0, "blog": 0.5, "facebook": 0.5}
# platforms used among the 3 respondents who know social sites and named platforms
# (`twitter` is x); nobody named facebook, a social platform: 0; the other channels are no
# social platform the survey asks about
AUDIENCE = {"instagram": 2 / 3, "linkedin": 1 / 3, "x": 1 / 3, "facebook": 0.0}


def weights() -> dict[str, float]:
    variables = yaml.safe_load(PROJECT.read_text(encoding="utf-8"))["vars"]
    return {k: float(variables[f"channel_fit_weight_{k}"])
            for k in ("contribution", "cost", "experience", "resources", "audience")}


def expected_goal(contributions: dict[str, float | None]) -> dict[str, dict[str, Any]]:
    """Components, score and rank of every channel of a goal, from the contributions by
    channel (None: no contribution) and the figures above."""
    positive = [c for c in contributions.values() if c is not None]
    best = max(positive) if positive else None
    unit_costs = {}
    for channel, contribution in contributions.items():
        money, hours, time_cost = INVESTMENT.get(channel, (0.0, 0.0, 0.0))
        if contribution is not None and contribution > 0 and money + time_cost > 0:
            unit_costs[channel] = (money / contribution, hours / contribution,
                                   (money + time_cost) / contribution)
    cheapest = min((c[2] for c in unit_costs.values()), default=None)
    w = weights()
    rows = {}
    for channel in sorted(CHANNELS):
        contribution = contributions.get(channel)
        scores = {
            "contribution_score": None if contribution is None else (
                contribution / best if contribution > 0 and best > 0 else 0.0),
            "cost_score": cheapest / unit_costs[channel][2] if channel in unit_costs else None,
            "experience_score": EXPERIENCE.get(channel),
            "resource_score": RESOURCES.get(channel),
            "audience_score": AUDIENCE.get(channel),
        }
        weighted = (w["contribution"] * (scores["contribution_score"] or 0)
                    + w["cost"] * (scores["cost_score"] or 0)
                    + w["experience"] * (scores["experience_score"] or 0)
                    + w["resources"] * (scores["resource_score"] or 0)
                    + w["audience"] * (scores["audience_score"] or 0))
        rows[channel] = {
            **scores,
            "contribution": contribution,
            "money_per_unit": unit_costs.get(channel, (None,) * 3)[0],
            "hours_per_unit": unit_costs.get(channel, (None,) * 3)[1],
            "total_cost_per_unit": unit_costs.get(channel, (None,) * 3)[2],
            "components_known": sum(v is not None for v in scores.values()),
            "fit_score": weighted / sum(w.values()),
        }
    ranked = sorted(rows, key=lambda c: (-round(rows[c]["fit_score"], 12), c))
    for rank, channel in enumerate(ranked, start=1):
        rows[channel]["fit_rank"] = rank
    return rows


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    root = tmp_path_factory.mktemp("channel_fit")
    landing = root / "landing"
    for relative, text in FILES.items():
        write(landing, relative, text)
    result = build_everything(landing, root / "warehouse.duckdb")
    assert result.success, failure_message(result)
    con = duckdb.connect(str(root / "warehouse.duckdb"), read_only=True)
    yield con
    con.close()


def goal_rows(con: duckdb.DuckDBPyConnection, goal_id: str) -> dict[str, dict[str, Any]]:
    cursor = con.execute(f"select * from {MART} where goal_id = ?", [goal_id])
    names = [d[0] for d in cursor.description]
    rows = {r[names.index("channel")]: dict(zip(names, r, strict=True))
            for r in cursor.fetchall()}
    assert rows, f"no rows for goal {goal_id}"
    return rows


def close(actual: Any, expected: float | None) -> bool:
    if expected is None:
        return actual is None
    return actual is not None and math.isclose(float(actual), expected, abs_tol=1e-9)


def assert_goal(rows: dict[str, dict[str, Any]], expected: dict[str, dict[str, Any]]) -> None:
    assert set(rows) == set(expected)
    for channel, want in expected.items():
        got = rows[channel]
        for column, value in want.items():
            assert close(got[column], value), (channel, column, got[column], value)


def test_every_plannable_channel_and_only_those(warehouse: duckdb.DuckDBPyConnection) -> None:
    """The self-assessment's channels (`Twitter` as x) and the ROI marts' (spend, time, own
    accounts, credit); `unattributed` (order 5) and `direct` name no channel to plan for."""
    channels = {c for (c,) in warehouse.execute(
        f"select distinct channel from {MART}").fetchall()}
    assert channels == CHANNELS
    goals = {g for (g,) in warehouse.execute(f"select distinct goal_id from {MART}").fetchall()}
    assert goals == {"S1", "F1", "C1", "L1", "R1"}


def test_sales_goal_scores_observed_credit_cost_team_and_audience(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    rows = goal_rows(warehouse, "S1")
    credited = {"instagram": 3.0, "email": 1.0}
    expected = expected_goal({c: credited.get(c, 0.0) for c in CHANNELS})
    assert_goal(rows, expected)
    # by hand, with the default weights 0.35 / 0.2 / 0.15 / 0.15 / 0.15: Instagram
    # 0.35 x 1 + 0.2 x 20/30 + 0.15 x 1 + 0.15 x 2/3 + 0.15 x 2/3 = 0.8333 ranks first
    assert rows["instagram"]["fit_rank"] == 1
    for channel, row in rows.items():
        assert row["contribution_basis"] == "observed", channel
        assert row["contribution_reason"] is None, channel
        assert row["incremental_contribution"] is None, channel
        assert not row["is_incremental_estimable"], channel
        assert row["incremental_missing_reason"], channel
        assert (row["period_start_date"], row["period_end_date"]) == (FIRST_DAY, LAST_DAY)
        assert row["days_in_period"] == DAYS
    ig = rows["instagram"]
    assert ig["observed_definition"] == "orders credited by last-non-direct attribution"
    assert (float(ig["money_invested"]), ig["hours_logged"], float(ig["time_cost"]),
            float(ig["total_investment"])) == (60.0, 3.0, 30.0, 90.0)
    assert close(ig["hours_per_week_logged"], 3.0 * 7 / DAYS)
    assert (ig["team_experience"], ig["hours_per_week_planned"]) == ("professional", 10.0)
    assert (ig["resources_needed"], ig["resources_available"]) == (3, 2)
    assert ig["resources_missing"] == "video skills"
    assert close(ig["audience_respondents"], 3)
    assert ig["missing_components"] is None and ig["components_known"] == 5


def test_zero_contribution_has_no_cost_per_unit(warehouse: duckdb.DuckDBPyConnection) -> None:
    """Google Ads spent 50 USD and is credited nothing: contribution 0, score 0, no cost per
    unit (nothing was bought with it); x neither spent nor got credit."""
    rows = goal_rows(warehouse, "S1")
    ads = rows["paid_search"]
    assert (ads["contribution"], ads["contribution_score"]) == (0.0, 0.0)
    assert float(ads["money_invested"]) == 50.0
    assert ads["money_per_unit"] is None and ads["total_cost_per_unit"] is None
    assert ads["cost_score"] is None
    assert ads["cost_reason"] == (
        "the contribution is not positive: nothing was bought with the cost")
    assert rows["x"]["cost_reason"] == ads["cost_reason"]


def test_channel_without_self_assessment_counts_team_components_as_unknown(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    rows = goal_rows(warehouse, "S1")
    email = rows["email"]
    assert not email["has_self_assessment"]
    assert email["team_experience"] is None and email["experience_score"] is None
    assert email["resources_available"] is None and email["resource_score"] is None
    assert email["audience_share"] is None  # email is no platform the survey asks about
    assert email["components_known"] == 2
    assert email["missing_components"] == (
        "experience: the channel has no self-assessment row; "
        "resources: the channel has no self-assessment row; "
        "audience: the survey asks about social platforms only")
    # `Twitter` in the self-assessment and in the survey is the channel x
    x = rows["x"]
    assert x["has_self_assessment"] and x["team_experience"] == "none"
    assert close(x["audience_share"], 1 / 3)


def test_platform_scoped_goal_counts_that_platform_only(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    rows = goal_rows(warehouse, "F1")
    # LinkedIn's own account: 100 -> 104 -> 103 followers, net change +4 - 1
    contributions: dict[str, float | None] = {c: None for c in CHANNELS}
    contributions["linkedin"] = 3.0
    assert_goal(rows, expected_goal(contributions))
    linkedin = rows["linkedin"]
    assert linkedin["is_in_scope"] and linkedin["contribution_basis"] == "observed"
    assert linkedin["observed_definition"] == "net follower change of the own accounts"
    assert close(linkedin["total_cost_per_unit"], 20 / 3)
    assert close(linkedin["money_per_unit"], 0.0)
    assert linkedin["fit_rank"] == 1
    for channel in CHANNELS - {"linkedin"}:
        row = rows[channel]
        assert not row["is_in_scope"], channel
        assert row["contribution_reason"] == "the goal counts linkedin only", channel
        assert row["observed_contribution"] is None and row["contribution_basis"] is None
        assert row["missing_components"].startswith(
            "contribution: the goal counts linkedin only; cost: no contribution"), channel
    # the other components stay: Instagram still has experience, resources and audience
    assert close(rows["instagram"]["experience_score"], 1.0)


def test_goal_without_channel_evidence_still_ranks_on_team_and_audience(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    rows = goal_rows(warehouse, "C1")
    assert_goal(rows, expected_goal({c: None for c in CHANNELS}))
    for channel, row in rows.items():
        assert row["channel_evidence"] is None
        assert row["contribution_reason"] == (
            "the goal's metric has no channel evidence: no channel figure bears on it"), channel
    order = [c for c, _ in sorted(rows.items(), key=lambda kv: kv[1]["fit_rank"])]
    # instagram .35, linkedin .275, blog .225, facebook .15, x .05, then email and
    # paid_search tie at 0 and are ordered by name
    assert order == ["instagram", "linkedin", "blog", "facebook", "x", "email", "paid_search"]


def test_goal_whose_period_has_no_data_yet(warehouse: duckdb.DuckDBPyConnection) -> None:
    rows = goal_rows(warehouse, "L1")
    for channel, row in rows.items():
        assert row["contribution_reason"] == "the goal's period has no data yet", channel
        assert row["contribution"] is None and row["observed_contribution"] is None
        assert row["days_in_period"] == 0 and float(row["total_investment"]) == 0.0


def test_goal_to_reduce_its_metric_scores_no_contribution(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    rows = goal_rows(warehouse, "R1")
    assert_goal(rows, expected_goal({c: None for c in CHANNELS}))
    for channel, row in rows.items():
        assert row["goal_direction"] == "reduce"
        assert row["contribution_reason"] == (
            "the goal reduces its metric: a channel's contribution adds to it"), channel
    # the evidence stays visible beside the reason
    assert rows["instagram"]["observed_contribution"] == 3.0


def test_social_platform_nobody_named_has_audience_share_zero(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    facebook = goal_rows(warehouse, "S1")["facebook"]
    assert facebook["team_experience"] == "personal"  # assessed as `fb`
    assert facebook["audience_share"] == 0.0 and facebook["audience_score"] == 0.0
    assert facebook["audience_respondents"] == 3
    assert facebook["audience_share_margin_of_error"] is None
