"""The dbt semantic layer (MetricFlow) answers the catalog's metrics at any grain.

Two warehouses: a hand-made one (marts written by this test, rows across months and quarters,
a rollup row per day like the real marts, rates whose mean of daily values differs from the
ratio of sums) and the `small` sample built by the whole pipeline. Every figure `mf query`
returns is compared with SQL written here over the marts themselves (sums of numerators over
sums of denominators, a stock's value on the last day of the period), and a few with figures
worked out by hand. The catalog and the semantic layer cannot drift: the generated YAML is
current, and every catalog metric with a daily or monthly series is a MetricFlow metric.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from orchestration import semantic_layer
from orchestration.defs.dbt.project import DBT_PROJECT_DIR
from tests.conftest import run_dbt

MF = str(Path(sys.executable).parent / "mf")
MARTS_DIR = DBT_PROJECT_DIR / "models" / "marts"
SEMANTIC_MANIFEST = DBT_PROJECT_DIR / "target" / "semantic_manifest.json"


def mf_query(warehouse: Path, out: Path, metrics: list[str], group_by: list[str],
             serving: Path | None = None) -> dict[tuple, dict[str, float | None]]:
    """`mf query` (the CLI a user runs) against ``warehouse``, or with ``serving`` against
    that published copy (the read-only target `serving`): {group-by values: {metric:
    value}}, a time value as its ISO date."""
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse), "DBT_TARGET": "dev",
           "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR)}
    if serving is not None:
        env.update(DBT_TARGET="serving", SERVING_DIR=str(serving))
    result = subprocess.run(
        [MF, "query", "--metrics", ",".join(metrics), "--group-by", ",".join(group_by),
         "--csv", str(out)],
        cwd=DBT_PROJECT_DIR, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0 and out.exists(), result.stdout[-3000:] + result.stderr[-3000:]
    answer: dict[tuple, dict[str, float | None]] = {}
    with out.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = tuple(row[name][:10] if name.startswith("metric_time") else row[name]
                        for name in group_by)
            answer[key] = {m: float(row[m]) if row[m] not in ("", "None") else None
                           for m in metrics}
    return answer


def assert_same(answer: dict[tuple, dict[str, float | None]],
                expected: dict[tuple, dict[str, float | None]]) -> None:
    """Every expected cell is answered with the same value (1e-9 relative), and MetricFlow
    returns no group the marts do not have. A group without any value is no answer (the
    rollup rows of a metric read from the platform rows, and the other way round)."""
    answer = {k: v for k, v in answer.items() if any(x is not None for x in v.values())}
    expected = {k: v for k, v in expected.items() if any(x is not None for x in v.values())}
    assert set(answer) == set(expected), (sorted(answer), sorted(expected))
    for key, values in expected.items():
        for metric, value in values.items():
            got = answer[key][metric]
            if value is None:
                assert got is None, (key, metric, got)
            else:
                assert got == pytest.approx(value, rel=1e-9, abs=1e-12), (key, metric, got, value)


def by_key(rows: list[tuple], metrics: list[str], width: int) -> dict[tuple, dict]:
    return {tuple(str(v)[:10] for v in row[:width]):
            {m: (float(v) if v is not None else None) for m, v in zip(metrics, row[width:],
                                                                     strict=True)}
            for row in rows}


# ------------------------------------------------------------------ hand-made marts
def _contract_columns(mart: str) -> list[tuple[str, str]]:
    for path in MARTS_DIR.rglob("_*__models.yml"):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            if model["name"] == mart:
                return [(c["name"], c["data_type"]) for c in model["columns"]]
    raise AssertionError(mart)


def _create_mart(con: duckdb.DuckDBPyConnection, mart: str, columns: list[str],
                 rows: list[tuple]) -> None:
    """The mart with its contract's columns; ``rows`` fill ``columns``, the rest NULL."""
    declared = _contract_columns(mart)
    con.execute(f"create table marts.{mart} ("
                + ", ".join(f"{name} {data_type}" for name, data_type in declared) + ")")
    con.executemany(f"insert into marts.{mart} ({', '.join(columns)}) values "
                    f"({', '.join('?' for _ in columns)})", rows)


TIER_1_COLUMNS = ["metric_date", "platform", "account_id", "brand", "followers",
                  "followers_at_day_start", "net_follower_change", "posts_published",
                  "comments", "likes"]
# Two accounts over days that cross a month (Mar -> Apr) and quarters (Q1, Q2, Q3).
TIER_1_ACCOUNTS = [
    # date, platform, account, followers, at day start, net change, posts, comments, likes
    ("2026-03-30", "facebook", "fb1", 100, 98, 2, 2, 6, 10),
    ("2026-03-31", "facebook", "fb1", 103, 100, 3, 1, 1, 4),
    ("2026-04-01", "facebook", "fb1", 101, 103, -2, 0, 2, 1),
    ("2026-07-01", "facebook", "fb1", 110, 109, 1, 4, 8, 20),
    ("2026-03-30", "instagram", "ig1", 50, 50, 0, 1, 0, 5),
    ("2026-03-31", "instagram", "ig1", 55, 50, 5, 3, 9, 9),
    ("2026-04-01", "instagram", "ig1", 56, 55, 1, 1, 1, 2),
    ("2026-07-01", "instagram", "ig1", 60, 58, 2, 0, 3, 0),
]
TIER_3_COLUMNS = ["metric_date", "platform", "account_id", "orders", "net_revenue",
                  "social_attributed_orders"]
TIER_3_ROWS = [
    # the shop's 'all' row (orders only there; social credit of every order credited to
    # social, including a platform without an own account) and an own platform's row
    ("2026-03-31", "all", "all", 4, 400.0, 3),
    ("2026-03-31", "instagram", "ig1", None, None, 2),
    ("2026-04-01", "all", "all", 1, 50.0, 1),
    ("2026-04-01", "instagram", "ig1", None, None, 1),
    ("2026-07-01", "all", "all", 5, 1000.0, 0),
    ("2026-07-01", "instagram", "ig1", None, None, 0),
]


def _tier_1_rows() -> list[tuple]:
    rows = [(d, p, a, "brand", f, s, n, posts, c, lk)
            for d, p, a, f, s, n, posts, c, lk in TIER_1_ACCOUNTS]
    for day in sorted({row[0] for row in TIER_1_ACCOUNTS}):
        same = [row for row in TIER_1_ACCOUNTS if row[0] == day]
        rows.append((day, "all", "all", "brand",
                     *(sum(row[i] for row in same) for i in range(3, 9))))
    return rows


@pytest.fixture(scope="module")
def handmade(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse with hand-made tier 1 and tier 3 marts and the time spine dbt builds."""
    root = tmp_path_factory.mktemp("semantic")
    warehouse = root / "warehouse.duckdb"
    run_dbt(warehouse, root / "target", "run", "--select", "metricflow_time_spine")
    con = duckdb.connect(str(warehouse))
    con.execute("create schema marts")
    _create_mart(con, "kpi_tier_1_daily", TIER_1_COLUMNS, _tier_1_rows())
    _create_mart(con, "kpi_tier_3_daily", TIER_3_COLUMNS, TIER_3_ROWS)
    con.close()
    return warehouse


def _expected_tier_1(warehouse: Path, grain: str, by_platform: bool) -> dict:
    """Independently of the semantic layer: comments / posts and net change / followers at
    the start of the period as ratios of sums, followers on each account's last day of the
    period summed; over the platform rows by platform, over the 'all' rows in total."""
    period = f"date_trunc('{grain}', metric_date)"
    rows_filter = "platform <> 'all'" if by_platform else "platform = 'all'"
    accounts = "account_id" if by_platform else "platform"
    sql = f"""
        with rows as (select *, {period} as period from marts.kpi_tier_1_daily
                      where {rows_filter}),
        bounds as (select {accounts} as account, period, min(metric_date) as first_day,
                          max(metric_date) as last_day from rows group by all),
        stocks as (
            select rows.period{", rows.platform" if by_platform else ""},
                sum(case when rows.metric_date = bounds.last_day then followers end) as followers,
                sum(case when rows.metric_date = bounds.first_day
                         then followers_at_day_start end) as at_start
            from rows join bounds on rows.{accounts} = bounds.account
                and rows.period = bounds.period
            group by all),
        flows as (
            select period{", platform" if by_platform else ""},
                sum(comments) as comments, sum(posts_published) as posts,
                sum(net_follower_change) as net_change
            from rows group by all)
        select flows.period{", flows.platform" if by_platform else ""},
            flows.comments::double / nullif(flows.posts, 0),
            stocks.followers, flows.net_change::double / nullif(stocks.at_start, 0),
            flows.comments
        from flows join stocks on flows.period = stocks.period
            {"and flows.platform = stocks.platform" if by_platform else ""}
    """
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(sql).fetchall()
    metrics = ["conversation_rate", "followers", "audience_growth_rate", "comments"]
    return by_key(rows, metrics, 2 if by_platform else 1)


TIER_1_METRICS = ["conversation_rate", "followers", "audience_growth_rate", "comments"]


@pytest.mark.parametrize("grain", ["day", "month", "quarter"])
def test_tier_1_rates_and_stocks_by_platform_at_any_grain(handmade, tmp_path, grain):
    answer = mf_query(handmade, tmp_path / "out.csv", TIER_1_METRICS,
                      [f"metric_time__{grain}", "platform"])
    assert_same(answer, _expected_tier_1(handmade, grain, by_platform=True))


def test_the_serving_copy_answers_read_only_while_the_working_file_is_held(
    handmade, tmp_path
):
    # published, then the working file held by a writer (a refresh): MetricFlow's `serving`
    # target reads the published copy, read-only, and answers as the working file did
    from orchestration.defs.publish.serving import publish

    serving = tmp_path / "serving"
    publish(handmade, serving)
    grain = ["metric_time__month", "platform"]
    expected = _expected_tier_1(handmade, "month", by_platform=True)
    with duckdb.connect(str(handmade)):
        answer = mf_query(handmade, tmp_path / "out.csv", TIER_1_METRICS, grain, serving)
    assert_same(answer, expected)
    with duckdb.connect(str(serving / "serving.duckdb"), read_only=True) as con:
        (ids,) = con.execute("select count(distinct publish_id) from "
                             "semantic.metricflow_time_spine").fetchone()
    assert ids == 1


@pytest.mark.parametrize("grain", ["day", "month", "quarter"])
def test_tier_1_totals_equal_the_rollup_rows_at_any_grain(handmade, tmp_path, grain):
    """Without a platform group the metrics add the platform rows once: they equal the same
    figures computed from the mart's 'all' rows (never the platform rows plus the rollup)."""
    answer = mf_query(handmade, tmp_path / "out.csv", TIER_1_METRICS, [f"metric_time__{grain}"])
    assert_same(answer, _expected_tier_1(handmade, grain, by_platform=False))


def test_tier_1_figures_worked_out_by_hand(handmade, tmp_path):
    month = mf_query(handmade, tmp_path / "m.csv", TIER_1_METRICS,
                     ["metric_time__month", "platform"])
    # March, facebook: comments 6 + 1 over posts 2 + 1 (the mean of the daily rates is 2);
    # net change 2 + 3 over 98 followers at the start of March 30.
    assert month[("2026-03-01", "facebook")]["conversation_rate"] == pytest.approx(7 / 3)
    assert month[("2026-03-01", "facebook")]["audience_growth_rate"] == pytest.approx(5 / 98)
    quarter = mf_query(handmade, tmp_path / "q.csv", TIER_1_METRICS, ["metric_time__quarter"])
    # Q1 followers: each account on March 31 (103 + 55), not the sum over days.
    assert quarter[("2026-01-01",)]["followers"] == 158
    # Q1 comments: 6 + 1 + 0 + 9, counted once though the 'all' rows repeat them.
    assert quarter[("2026-01-01",)]["comments"] == 16


@pytest.mark.parametrize("grain", ["day", "month", "quarter"])
def test_tier_3_reads_the_shop_row_once(handmade, tmp_path, grain):
    metrics = ["orders", "net_revenue", "average_order_value", "social_attributed_orders",
               "social_order_share"]
    answer = mf_query(handmade, tmp_path / "out.csv", metrics, [f"metric_time__{grain}"])
    with duckdb.connect(str(handmade), read_only=True) as con:
        rows = con.execute(f"""
            select date_trunc('{grain}', metric_date), sum(orders), sum(net_revenue),
                sum(net_revenue) / nullif(sum(orders), 0), sum(social_attributed_orders),
                sum(social_attributed_orders)::double / nullif(sum(orders), 0)
            from marts.kpi_tier_3_daily where platform = 'all' group by 1""").fetchall()
    assert_same(answer, by_key(rows, metrics, 1))
    if grain == "quarter":  # by hand: Q2 = April 1 and nothing else
        assert answer[("2026-04-01",)]["average_order_value"] == pytest.approx(50.0)
        assert answer[("2026-01-01",)]["social_order_share"] == pytest.approx(3 / 4)


# ------------------------------------------------------------------ the built sample
@pytest.fixture(scope="module")
def sample_warehouse(pipeline, tmp_path_factory) -> Path:
    """A copy of the pipeline's `small` warehouse (the fixture holds the file open
    read-only; MetricFlow's dbt adapter opens its own connection)."""
    landing, _, _, _ = pipeline
    source = landing.parent / "warehouse.duckdb"
    copy = tmp_path_factory.mktemp("semantic_sample") / "warehouse.duckdb"
    shutil.copyfile(source, copy)
    return copy




@pytest.mark.parametrize("grain", ["day", "month", "quarter"])
def test_sample_kpi_rates_by_platform(sample_warehouse, tmp_path, grain):
    metrics = ["applause_rate", "virality_rate", "amplification_rate", "impressions",
               "engaged_search_content_session_share", "total_investment"]
    answer = mf_query(sample_warehouse, tmp_path / "out.csv", metrics,
                      [f"metric_time__{grain}"])
    period = f"date_trunc('{grain}', metric_date)"
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        rows = con.execute(f"""
            with t1 as (select {period} as period, sum(likes) as likes,
                            sum(posts_published) as posts
                        from marts.kpi_tier_1_daily where platform <> 'all' group by 1),
            t2 as (select {period} as period, sum(shares) as shares,
                          sum(impressions) as impressions
                   from marts.kpi_tier_2_daily where platform <> 'all' group by 1),
            search as (select {period} as period, sum(engaged_search_content_sessions) as e,
                              sum(search_content_sessions) as s
                       from marts.kpi_tier_2_daily where platform = 'all' group by 1),
            investment as (select {period} as period, sum(total_investment) as total
                           from marts.social_investment_daily group by 1)
            select t1.period, t1.likes::double / nullif(t1.posts, 0),
                t2.shares::double / nullif(t2.impressions, 0),
                t2.shares::double / nullif(t1.posts, 0), t2.impressions,
                search.e::double / nullif(search.s, 0), investment.total
            from t1 join t2 using (period) join search using (period)
            join investment using (period)""").fetchall()
    assert rows
    assert_same(answer, by_key(rows, metrics, 1))


@pytest.mark.parametrize("grain", ["month", "quarter"])
def test_sample_benchmark_rates_by_brand(sample_warehouse, tmp_path, grain):
    metrics = ["benchmark_likes_per_post", "benchmark_follower_growth_rate",
               "benchmark_followers", "benchmark_positive_share", "benchmark_mentions",
               "csat", "net_promoter_score"]
    answer = mf_query(sample_warehouse, tmp_path / "out.csv", metrics,
                      [f"metric_time__{grain}", "brand"])
    period = f"date_trunc('{grain}', month_start_date)"
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        rows = con.execute(f"""
            with d as (select {period} as period, brand, platform, month_start_date,
                              posts_published, net_follower_growth, followers,
                              followers_at_start, mentions
                       from marts.benchmark_distribution),
            bounds as (select period, brand, platform, min(month_start_date) as first_month,
                              max(month_start_date) as last_month from d group by all),
            dist as (
                select d.period, d.brand,
                    sum(case when d.platform <> 'all' then posts_published end) as posts,
                    sum(case when d.platform <> 'all' then net_follower_growth end) as growth,
                    sum(case when d.platform <> 'all' and d.month_start_date = b.last_month
                             then followers end) as followers,
                    sum(case when d.platform <> 'all' and d.month_start_date = b.first_month
                             then followers_at_start end) as at_start,
                    sum(case when d.platform = 'all' then mentions end) as mentions
                from d join bounds as b using (period, brand, platform) group by all),
            inter as (select {period} as period, brand, sum(post_likes) as likes
                      from marts.benchmark_interaction where platform <> 'all' group by all),
            infl as (select {period} as period, brand, sum(positive_mentions) as pos,
                            sum(positive_mentions + negative_mentions + neutral_mentions)
                                as scored,
                            sum(csat_satisfied_responses) as satisfied,
                            sum(csat_responses) as csat_responses,
                            sum(nps_promoters) - sum(nps_detractors) as net_promoters,
                            sum(nps_responses) as nps_responses
                     from marts.benchmark_influence where platform = 'all' group by all)
            select dist.period, dist.brand, inter.likes::double / nullif(dist.posts, 0),
                dist.growth::double / nullif(dist.at_start, 0), dist.followers,
                infl.pos::double / nullif(infl.scored, 0), dist.mentions,
                infl.satisfied::double / nullif(infl.csat_responses, 0),
                100 * infl.net_promoters::double / nullif(infl.nps_responses, 0)
            from dist left join inter using (period, brand)
            left join infl using (period, brand)""").fetchall()
    assert rows
    assert_same(answer, by_key(rows, metrics, 2))


# ------------------------------------------------------------------ no drift
def test_generated_semantic_layer_is_current():
    assert semantic_layer.main(["--check"]) == 0


def test_check_fails_on_a_stale_file(tmp_path, monkeypatch):
    stale = tmp_path / "_semantic__models.yml"
    generated = semantic_layer.OUTPUT.read_text(encoding="utf-8")
    edited = generated.replace("numerator: comments\n    denominator: posts_published",
                               "numerator: comments\n    denominator: likes")
    assert edited != generated
    stale.write_text(edited, encoding="utf-8")
    monkeypatch.setattr(semantic_layer, "OUTPUT", stale)
    assert semantic_layer.main(["--check"]) == 1


def test_every_catalog_metric_with_a_series_is_a_metricflow_metric(pipeline):
    """The built catalog (marts.metric_catalog) against the semantic manifest dbt wrote:
    every catalog metric of a mart with a daily or monthly series is a MetricFlow metric on the
    same mart column, unless the catalog says why not; and MetricFlow has no other metric."""
    _, con, _, _ = pipeline
    catalog = {key: (mart, column) for key, mart, column in con.execute(
        "select metric_key, mart_name, mart_column from marts.metric_catalog").fetchall()}
    reasons = {entry["key"]: semantic_layer.excluded(entry)
               for entry in semantic_layer.read_catalog()}
    manifest = json.loads(SEMANTIC_MANIFEST.read_text(encoding="utf-8"))
    metrics = {m["name"]: m for m in manifest["metrics"]}
    missing = sorted(key for key, (mart, column) in catalog.items()
                     if mart in semantic_layer.SEMANTIC_MARTS and key not in metrics
                     and not reasons.get(key)
                     and not column.endswith(("_index_vs_peer_median", "_percentile_rank")))
    assert missing == []
    assert sorted(set(metrics) - set(catalog)) == []
    for name, metric in metrics.items():
        meta = metric["config"]["meta"]
        assert (meta["mart"], meta["column"]) == catalog[name], name


def test_a_rate_without_a_ratio_is_refused():
    entry = {"key": "x_rate", "name": "X rate", "unit": "rate", "definition": "x",
             "grain": "day", "mart": "kpi_tier_1_daily", "column": "conversation_rate"}
    with pytest.raises(semantic_layer.SemanticLayerError, match="x_rate"):
        semantic_layer.semantic_layer([entry], semantic_layer.mart_columns())
    entry["semantic_expr"] = "comments / posts_published"
    with pytest.raises(semantic_layer.SemanticLayerError, match="comments"):
        semantic_layer.semantic_layer([entry], semantic_layer.mart_columns())
