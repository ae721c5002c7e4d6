"""The benchmark's pieces on the `small` scale, for real: the command (`benchmarks/run.py
--scales small`) generates the sample into a temporary cache, runs the full, incremental and
no-change refreshes of the Dagster job and the plain-SQL baseline, and prints its table. What
can be checked honestly is checked; nothing here asserts a time.

Expected figures come from outside the code under test: the small sample's last-day files
listed by hand, the rows of those files counted from the files, sessions per day computed in
Python from the GA4 JSON lines, and the generator's ground truth (its totals of sessions, net
revenue and followers)."""

from __future__ import annotations

import io
import json
from collections import defaultdict
from contextlib import redirect_stdout
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import duckdb
import pytest

from benchmarks import run
from benchmarks.samples import BENCH_END_DATE

# The small sample (seed 42) ends on 2026-11-01 in the benchmark; the files of that day, as
# `python -m sample_data --scale small --end-date 2026-11-01` writes them.
LAST_DAY_FILES = {
    "facebook_pages/lifetime_post_metrics_total/lifetime_post_metrics_2026-11-01.jsonl",
    "facebook_pages/post_history/post_history_2026-11-01.jsonl",
    "ga4/events/events_20261101.jsonl",
    "instagram_business/media_history/media_history_2026-11-01.jsonl",
    "instagram_business/media_insights/media_insights_2026-11-01.jsonl",
    "linkedin_pages/share_statistic/share_statistic_2026-11-01.jsonl",
    "listening/mentions/mentions_2026-11-01.jsonl",
    "shopify/customer/customer_2026-11-01.csv",
    "shopify/order/order_2026-11-01.csv",
    "shopify/order_line/order_line_2026-11-01.csv",
    "twitter_organic/account_history/account_history_2026-11-01.jsonl",
    "twitter_organic/organic_tweet_report/organic_tweet_report_2026-11-01.jsonl",
    "twitter_organic/tweet/tweet_2026-11-01.jsonl",
    "youtube_analytics/channel_basic_a_2/channel_basic_a2_2026-11-01.jsonl",
}
# Monthly and whole-period files carry no day: they stay in the full refresh's landing folder.
KEPT_PERIOD_FILES = ("social_accounts/daily/daily_2026-11.csv", "marketing/campaigns/campaigns.csv")
STAGES = ("generate", "load ga4", "load shopify", "load social_accounts", "read texts",
          "dbt build", "checks", "publish", "report")


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    cache = tmp_path_factory.mktemp("bench-cache")
    printed = io.StringIO()
    with redirect_stdout(printed):
        code = run.main(["--scales", "small", "--cache", str(cache), "--no-scaling"])
    result = json.loads((cache / "latest.json").read_text(encoding="utf-8"))["results"][0]
    return {"code": code, "printed": printed.getvalue(), "cache": cache, "result": result,
            "sample": cache / f"small-42-{BENCH_END_DATE}" / "landing",
            "work": cache / "work" / "small"}


def _refresh(bench: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(r for r in bench["result"]["refreshes"] if r["kind"] == kind)


def _run_id(bench: dict[str, Any], kind: str) -> str:
    facts = json.loads((bench["work"] / f"facts-{kind}.json").read_text(encoding="utf-8"))
    return facts["run_id"]


def _audit(bench: dict[str, Any], kind: str) -> list[tuple[str, str, int]]:
    with duckdb.connect(str(bench["work"] / "warehouse" / "warehouse.duckdb"),
                        read_only=True) as con:
        return con.execute(
            "select source_file, status, rows_loaded "
            "from raw_meta.load_audit where run_id = ? order by 1",
            [_run_id(bench, kind)]).fetchall()


def _data_rows(path: Path) -> int:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return len(lines) - 1 if path.suffix == ".csv" else len(lines)


def test_the_command_succeeds_and_every_refresh_succeeds(bench: dict[str, Any]) -> None:
    assert bench["code"] == 0
    kinds = [r["kind"] for r in bench["result"]["refreshes"]]
    assert kinds == ["full", "incremental", "no-change"]
    assert all(r["success"] for r in bench["result"]["refreshes"])
    assert (bench["cache"] / "latest.md").read_text(encoding="utf-8").count("| dbt build |") == 1


def test_held_back_files_are_exactly_the_last_days_daily_files(bench: dict[str, Any]) -> None:
    assert set(bench["result"]["held_back_files"]) == LAST_DAY_FILES
    for relative in LAST_DAY_FILES:
        assert (bench["sample"] / relative).is_file()
    # the monthly and whole-period files were in the landing folder from the start
    with duckdb.connect(str(bench["work"] / "warehouse" / "warehouse.duckdb"),
                        read_only=True) as con:
        loaded_first = {r[0] for r in con.execute(
            "select source_file from raw_meta.load_audit "
            "where run_id = ? and status = 'loaded'",
            [_run_id(bench, "full")]).fetchall()}
    for relative in KEPT_PERIOD_FILES:
        assert relative in loaded_first
    assert not loaded_first & LAST_DAY_FILES
    every_file = {str(p.relative_to(bench["sample"])) for p in bench["sample"].rglob("*")
                  if p.is_file() and not p.name.startswith("_")}
    assert loaded_first == every_file - LAST_DAY_FILES


def test_incremental_refresh_loads_exactly_the_held_back_files(bench: dict[str, Any]) -> None:
    audit = _audit(bench, "incremental")
    assert {(f, s) for f, s, _ in audit} == {(f, "loaded") for f in LAST_DAY_FILES}
    for relative, _, rows in audit:
        assert rows == _data_rows(bench["sample"] / relative), relative
    assert _refresh(bench, "incremental")["files_changed"] == len(LAST_DAY_FILES)


def test_no_change_refresh_loads_nothing(bench: dict[str, Any]) -> None:
    assert _audit(bench, "no-change") == []
    nothing = _refresh(bench, "no-change")
    assert nothing["files_changed"] == 0
    assert nothing["rows_loaded"] == 0


def _sessions_per_day(sample: Path) -> dict[str, int]:
    """(user_pseudo_id, ga_session_id) sessions on the Tehran date of their first event."""
    first: dict[tuple[str, int], int] = {}
    for path in sorted((sample / "ga4" / "events").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            event = json.loads(line)
            ids = [p["value"].get("int_value") for p in event["event_params"]
                   if p["key"] == "ga_session_id"]
            if not ids or ids[0] is None:
                continue
            key = (event["user_pseudo_id"], int(ids[0]))
            first[key] = min(first.get(key, event["event_timestamp"]), event["event_timestamp"])
    days: dict[str, int] = defaultdict(int)
    tehran = ZoneInfo("Asia/Tehran")
    for micros in first.values():
        day = datetime.fromtimestamp(micros / 1e6, UTC).astimezone(tehran).date()
        days[day.isoformat()] += 1
    return dict(days)


def test_baseline_figures_equal_the_warehouse_and_the_ground_truth(
        bench: dict[str, Any]) -> None:
    after = json.loads((bench["work"] / "baseline-after the incremental refresh.json")
                       .read_text(encoding="utf-8"))["figures"]
    truth = json.loads((bench["sample"] / "_ground_truth.json").read_text(encoding="utf-8"))
    expected_sessions = _sessions_per_day(bench["sample"])
    assert after["sessions_per_day"] == {k: float(v) for k, v in expected_sessions.items()}
    assert sum(expected_sessions.values()) == truth["headline"]["ga4"]["sessions"]["value"]
    assert sum(after["net_revenue_per_day"].values()) == pytest.approx(
        truth["headline"]["shop"]["net_revenue_usd"]["value"], abs=0.05)
    last_day = BENCH_END_DATE.isoformat()
    assert after["followers_per_day"][last_day] == sum(
        f["followers_at_end"] for f in truth["headline"]["followers"].values())

    with duckdb.connect(str(bench["work"] / "warehouse" / "warehouse.duckdb"),
                        read_only=True) as con:
        sessions = dict(con.execute(
            "select cast(session_start_date as varchar), count(*) "
            "from intermediate.int_web_sessions_assembled group by 1").fetchall())
        revenue = dict(con.execute(
            "select cast(metric_date as varchar), net_revenue from marts.kpi_tier_3_daily "
            "where platform = 'all'").fetchall())
    assert sessions == expected_sessions
    assert set(revenue) >= set(after["net_revenue_per_day"])
    for day, value in revenue.items():
        assert float(value) == pytest.approx(after["net_revenue_per_day"].get(day, 0.0),
                                             abs=0.01), day
    # the benchmark's own cross-check says the same, after both refreshes
    for baseline in bench["result"]["baselines"]:
        assert {name: c["match"] for name, c in baseline["cross_check"].items()} == {
            "sessions_per_day": True, "net_revenue_per_day": True, "followers_per_day": True,
            "sessions_per_month": True}


def test_printed_table_has_a_row_per_stage(bench: dict[str, Any]) -> None:
    lines = bench["printed"].splitlines()
    for stage in STAGES:
        assert any(line.startswith(stage + " ") for line in lines), stage
    loads = [line for line in lines if line.startswith("load ")]
    assert len(loads) == 16  # one per landing source
    for kind in ("full refresh", "incremental refresh", "no-change refresh", "baseline"):
        assert any(line.startswith(kind) for line in lines), kind
    assert any(line.startswith("one-day incremental / full refresh") for line in lines)
