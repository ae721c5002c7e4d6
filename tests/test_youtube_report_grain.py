"""The YouTube channel_basic_a_2 report at its real grain (issue 7, section 3): one row per
channel x video x date x country_code x live_or_on_demand x subscribed_status, and rows
without a video that carry the channel's subscriber gains and losses.

The report lands straight in its raw table, as an ELT tool writes it (the landing contract's
key for this table is the loader's business); the other tables load from landing files
through the real raw assets, then dbt builds the seeds and models up to kpi_tier_1_daily
(the data tests, source tests included, are other tests' business). Expected figures are
worked out by hand from the rows below."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.defs.ingest.assets import raw_assets
from orchestration.defs.resources import resources
from tests.conftest import failure_message, run_dbt, write

D2, D3, D4 = date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)
POST_DAYS = "intermediate.int_post_daily_metrics_unioned"

COLUMNS = ("_fivetran_id", "channel_id", "video_id", "date", "country_code",
           "live_or_on_demand", "subscribed_status", "views", "likes", "dislikes", "comments",
           "shares", "subscribers_gained", "subscribers_lost", "watch_time_minutes",
           "average_view_duration_seconds", "_fivetran_synced")
REPORTS = [
    ("r1", "UC1", "v1", "2026-11-02", "IR", "on_demand", "subscribed",
     10, 2, 0, 1, 0, 1, 0, 20.0, 120.0, "2026-11-02T18:00:00Z"),
    ("r2", "UC1", "v1", "2026-11-02", "IR", "on_demand", "not_subscribed",
     20, 1, 0, 0, 1, 2, 0, 30.0, 90.0, "2026-11-02T18:00:00Z"),
    ("r3", "UC1", "v1", "2026-11-02", "DE", "on_demand", "not_subscribed",
     5, 0, 0, 0, 0, 0, 0, 5.0, 60.0, "2026-11-02T18:00:00Z"),
    ("r4", "UC1", "v1", "2026-11-03", "IR", "live", "subscribed",
     7, 1, 0, 0, 0, 0, 1, 10.0, 85.0, "2026-11-03T18:00:00Z"),
    # the channel's own rows: an empty video_id, and one the destination stored as NULL
    ("r5", "UC1", "", "2026-11-03", "IR", "on_demand", "subscribed",
     0, 0, 0, 0, 0, 4, 1, 0.0, 0.0, "2026-11-03T18:00:00Z"),
    ("r6", "UC1", None, "2026-11-04", None, None, None,
     None, None, None, None, None, 2, 3, None, None, "2026-11-04T18:00:00Z"),
]
TYPES = {"views": "BIGINT", "likes": "BIGINT", "dislikes": "BIGINT", "comments": "BIGINT",
         "shares": "BIGINT", "subscribers_gained": "BIGINT", "subscribers_lost": "BIGINT",
         "watch_time_minutes": "DOUBLE", "average_view_duration_seconds": "DOUBLE",
         "date": "DATE", "_fivetran_synced": "TIMESTAMPTZ"}

ACCOUNTS = """platform,account_id,handle,display_name,brand,is_own,industry
youtube,UC1,nava,Nava Coffee,Nava,true,coffee
"""
VIDEOS = [{"id": "v1", "snippet_channel_id": "UC1", "snippet_title": "Roasting day",
           "snippet_published_at": "2026-11-02T08:00:00Z", "content_details_duration": "PT5M",
           "statistics_view_count": 42, "statistics_like_count": 4,
           "statistics_comment_count": 1}]


def _land_report(warehouse: Path) -> None:
    columns = ", ".join(f'"{c}" {TYPES.get(c, "VARCHAR")}' for c in COLUMNS)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create schema raw_youtube_analytics")
        con.execute(f"create table raw_youtube_analytics.channel_basic_a_2 ({columns}, "
                    "_loaded_at timestamptz, _source_file varchar, _file_hash varchar, "
                    "_row_number bigint)")
        con.executemany(
            f"insert into raw_youtube_analytics.channel_basic_a_2 ({', '.join(COLUMNS)}) "
            f"values ({', '.join('?' for _ in COLUMNS)})", REPORTS)


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("youtube_grain")
    landing, warehouse = root / "landing", root / "warehouse.duckdb"
    write(landing, "social_accounts/accounts/accounts.csv", ACCOUNTS)
    write(landing, "youtube_analytics/video/videos.jsonl",
          "".join(json.dumps(v) + "\n" for v in VIDEOS))
    _land_report(warehouse)
    loaded = dg.materialize(raw_assets(), resources=resources(warehouse, landing),
                            raise_on_error=False)
    assert loaded.success, failure_message(loaded)
    target = root / "target"
    run_dbt(warehouse, target, "build", "--select", "+kpi_tier_1_daily",
            "--exclude-resource-type", "test", "unit_test")
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield connection
    connection.close()


def test_staging_keeps_the_reports_grain(con):
    rows = con.execute(
        "select video_id, metric_date, country_code, live_or_on_demand, subscribed_status "
        "from staging.stg_youtube_analytics__video_daily_reports").fetchall()
    assert len(rows) == len(REPORTS)
    assert len(set(rows)) == len(rows)
    assert ("v1", D2, "DE", "on_demand", "not_subscribed") in rows
    # an empty video id is no video: NULL, like the one the destination stored as NULL
    assert sorted((d for v, d, *_ in rows if v is None)) == [D3, D4]


def test_rows_of_a_video_and_day_are_summed(con):
    video_days = {r[0]: r[1:] for r in con.execute(
        f"select metric_date, video_view_count, like_count, comment_count, share_count "
        f"from {POST_DAYS} where platform = 'youtube' and post_id = 'v1'").fetchall()}
    # 2 Nov: r1 + r2 + r3, views 10 + 20 + 5, likes 2 + 1 + 0, comments 1, shares 1; 3 Nov: r4
    assert video_days == {D2: (35, 3, 1, 1), D3: (7, 1, 0, 0)}
    # the report's views and likes reconcile with the video's lifetime statistics
    assert con.execute(f"select sum(video_view_count), sum(like_count) from {POST_DAYS} "
                       f"where platform = 'youtube'").fetchone() == (42, 4)


def test_channel_rows_never_become_a_post(con):
    assert con.execute(f"select count(*) from {POST_DAYS} where platform = 'youtube' "
                       f"and (post_id is null or post_id != 'v1')").fetchone() == (0,)
    assert con.execute("select post_id from intermediate.int_posts_unioned "
                       "where platform = 'youtube'").fetchall() == [("v1",)]


def test_subscriber_gains_and_losses_go_to_the_channel(con):
    gains = {r[0]: r[1:] for r in con.execute(
        "select metric_date, followers_gained, followers_lost, posts_published "
        "from marts.kpi_tier_1_daily where platform = 'youtube' and account_id = 'UC1'"
    ).fetchall()}
    # gained: r1 1 + r2 2 (2 Nov), r5 4 (3 Nov), r6 2 (4 Nov); lost: r4 1 + r5 1, r6 3
    assert gains == {D2: (3, 0, 1), D3: (4, 2, 0), D4: (2, 3, 0)}
