"""Freshness and volume of raw tables as Dagster asset checks with their numbers."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.defs.ingest.assets import raw_assets, raw_key
from orchestration.defs.ingest.contracts import TABLES_BY_KEY
from orchestration.defs.quality.feed_checks import (
    FRESHNESS_CHECK,
    LOADED_ROWS_CHECK,
    VOLUME_CHECK,
    build_feed_checks,
    freshness_result,
)
from orchestration.defs.resources import resources
from tests.conftest import write

SUBSCRIBERS = TABLES_BY_KEY[("blog", "subscribers_daily")]
HEADER = "date,blog_or_list,subscribers_total,subscribed,unsubscribed\n"


def _rows(day: str, lists: int) -> str:
    return "".join(f"{day},list{i},10,1,0\n" for i in range(lists))


def _run(landing: Path, warehouse: Path) -> dict[str, dg.AssetCheckEvaluation]:
    result = dg.materialize(
        [*raw_assets(), build_feed_checks("blog")],
        selection=dg.AssetSelection.assets(raw_key(SUBSCRIBERS)),
        resources=resources(warehouse, landing), raise_on_error=False)
    assert result.success
    return {e.check_name: e for e in result.get_asset_check_evaluations()}


def test_a_stale_source_warns_with_its_age_and_threshold(landing: Path, warehouse: Path):
    # newest day 2026-01-10: its data is current until 2026-01-11 00:00 UTC.
    write(landing, "blog/subscribers_daily/s.csv", HEADER + _rows("2026-01-09", 1)
          + _rows("2026-01-10", 2))
    before = datetime.now(UTC)
    checks = _run(landing, warehouse)
    after = datetime.now(UTC)
    fresh = checks[FRESHNESS_CHECK]
    assert fresh.passed is False and fresh.severity == dg.AssetCheckSeverity.WARN
    meta = {k: v.value for k, v in fresh.metadata.items()}
    assert meta["threshold_hours"] == 48 and meta["column"] == "date"
    newest = datetime(2026, 1, 11, tzinfo=UTC)
    low, high = ((t - newest).total_seconds() / 3600 for t in (before, after))
    assert low - 0.01 <= meta["observed_age_hours"] <= high + 0.01
    # with a fixed clock the figure is exact: 2026-01-14 12:00 is 3.5 days = 84 h later
    with duckdb.connect(str(warehouse), read_only=True) as con:
        fixed = freshness_result(con, SUBSCRIBERS, datetime(2026, 1, 14, 12, tzinfo=UTC))
        assert fixed.passed is False
        assert fixed.metadata["observed_age_hours"].value == 84.0
        # 2026-01-12 12:00 is 36 h after the end of the newest day: fresh
        fresh_then = freshness_result(con, SUBSCRIBERS, datetime(2026, 1, 12, 12, tzinfo=UTC))
        assert fresh_then.passed is True
        assert fresh_then.metadata["observed_age_hours"].value == 36.0


def _volume_after(landing: Path, warehouse: Path, sizes: tuple[int, ...]
                  ) -> dg.AssetCheckEvaluation:
    """The volume check after one file per day from 2026-01-01 with these row counts."""
    for n, rows in enumerate(sizes, start=1):
        day = f"2026-01-{n:02d}"
        write(landing, f"blog/subscribers_daily/{day}.csv", HEADER + _rows(day, rows))
    return _run(landing, warehouse)[VOLUME_CHECK]


def test_a_latest_file_far_below_the_trailing_median_warns_with_both_numbers(
    landing: Path, warehouse: Path
):
    # files of 40, 60 and 50 rows (median 50), then the latest (last by name) with 10 rows:
    # 10 < 0.5 x 50 = 25, and P(X <= 10) for a Poisson count of mean 50 is about 1.2e-10
    check = _volume_after(landing, warehouse, (40, 60, 50, 10))
    assert check.passed is False and check.severity == dg.AssetCheckSeverity.WARN
    meta = {k: v.value for k, v in check.metadata.items()}
    assert meta["latest_file"] == "blog/subscribers_daily/2026-01-04.csv"
    assert (meta["latest_rows"], meta["trailing_median_rows"], meta["trailing_files"],
            meta["threshold_rows"]) == (10, 50, 3, 25)
    by_hand = sum(math.exp(-50) * 50**i / math.factorial(i) for i in range(11))
    assert math.isclose(meta["chance"], by_hand, rel_tol=1e-9) and by_hand < 1e-9


def test_a_small_table_halving_by_chance_does_not_warn(landing: Path, warehouse: Path):
    # files of 4, 6 and 5 rows (median 5), then 1: below half the median, but a Poisson count
    # of mean 5 is 1 or less 4% of the time (e^-5 x (1 + 5) = 0.0404), above the 1% limit
    check = _volume_after(landing, warehouse, (4, 6, 5, 1))
    assert check.passed is True
    assert math.isclose(check.metadata["chance"].value, math.exp(-5) * 6, rel_tol=1e-9)
    assert "as likely as 0.04 by chance alone" in (check.description or "")


def test_a_latest_file_at_the_median_passes(landing: Path, warehouse: Path):
    check = _volume_after(landing, warehouse, (4, 6, 5, 3))
    assert check.passed is True
    assert check.metadata["latest_rows"].value == 3
    assert check.metadata["threshold_rows"].value == 2.5


def test_checks_cover_every_raw_table():
    from orchestration.defs.ingest.contracts import TABLES
    from orchestration.defs.quality.feed_checks import feed_checks

    keys = {spec.key for checks in feed_checks() for spec in checks.check_specs}
    assert {dg.AssetCheckKey(raw_key(t), VOLUME_CHECK) for t in TABLES} <= keys
    assert dg.AssetCheckKey(raw_key(SUBSCRIBERS), FRESHNESS_CHECK) in keys
    goals = TABLES_BY_KEY[("strategy", "goals")]
    assert dg.AssetCheckKey(raw_key(goals), FRESHNESS_CHECK) not in keys



def test_the_loaded_rows_check_passes_then_finds_what_slipped_past_the_row_rules(
    landing: Path, warehouse: Path
):
    write(landing, "blog/subscribers_daily/s.csv", HEADER + _rows("2026-01-09", 3))
    check = _run(landing, warehouse)[LOADED_ROWS_CHECK]
    assert check.passed is True and check.severity == dg.AssetCheckSeverity.ERROR
    assert (check.metadata["rows_of_latest_load"].value,
            check.metadata["failing_rows"].value) == (3, 0)
    # a negative total in a loaded row (as a broken row rule would let through): the check
    # alone, on the warehouse as it is, fails with the expectation, column and count
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update raw_blog.subscribers_daily set subscribers_total = -3 "
                    "where blog_or_list = 'list1'")
    result = dg.materialize(
        [*raw_assets(), build_feed_checks("blog")],
        selection=dg.AssetSelection.checks(
            dg.AssetCheckKey(raw_key(SUBSCRIBERS), LOADED_ROWS_CHECK)),
        resources=resources(warehouse, landing), raise_on_error=False)
    (check,) = result.get_asset_check_evaluations()
    assert check.passed is False and check.severity == dg.AssetCheckSeverity.ERROR
    meta = {k: v.value for k, v in check.metadata.items()}
    assert (meta["rows_validated"], meta["failed_expectations"], meta["failing_rows"]) == (
        3, 1, 1)
    assert "expect_column_values_to_be_between on subscribers_total: 1 of 3 row(s) fail" in (
        check.description or "")


def test_the_age_comes_from_a_column_every_file_fills():
    from orchestration.defs.quality.feeds import moment_column

    # YouTube reports carry an optional _fivetran_synced (NULL in files not landed by
    # Fivetran): their day tells the age; Facebook's required sync time does.
    youtube = TABLES_BY_KEY[("youtube_analytics", "channel_basic_a_2")]
    column = moment_column(youtube)
    assert column is not None and column.name == "date"
    page = moment_column(TABLES_BY_KEY[("facebook_pages", "page")])
    assert page is not None and page.name == "_fivetran_synced"
    assert moment_column(TABLES_BY_KEY[("marketing", "campaigns")]) is None


def test_the_run_summary_lists_stale_feeds_per_source_with_their_age(
    landing: Path, warehouse: Path
):
    from orchestration.summary import find_problems

    # newest day 2026-01-09: current until 2026-01-10 00:00 UTC; days old, by hand
    write(landing, "blog/subscribers_daily/s.csv", HEADER + _rows("2026-01-09", 2))
    before = datetime.now(UTC)
    result = dg.materialize(
        [*raw_assets(), build_feed_checks("blog")],
        selection=dg.AssetSelection.assets(raw_key(SUBSCRIBERS)),
        resources=resources(warehouse, landing), raise_on_error=False)
    after = datetime.now(UTC)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        text = find_problems(con, result).render()
    newest = datetime(2026, 1, 10, tzinfo=UTC)
    ages = {f"{(t - newest).total_seconds() / 86400:.0f} d" for t in (before, after)}
    assert "Stale feeds (1 table(s), source_fresh, WARN)" in text
    assert any(f"  - blog: subscribers_daily {age} old (threshold 48 h)" in text
               for age in ages), text
    # the stale table is not listed again among the other checks
    assert "[WARN] raw_blog/subscribers_daily: source_fresh" not in text
