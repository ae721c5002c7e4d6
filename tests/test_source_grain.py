"""Keys at the source's real grain: several rows per video and day are normal in YouTube's
channel_basic_a2 report, channel rows carry no video, and a LinkedIn share's versions are
told apart by the share URN and the sync time, never by the connector's row id."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write

YOUTUBE = ("youtube_analytics", "channel_basic_a_2")
YOUTUBE_HEADER = ("_fivetran_id,channel_id,video_id,date,country_code,live_or_on_demand,"
                  "subscribed_status,views,red_views,likes,subscribers_gained,subscribers_lost,"
                  "watch_time_minutes,average_view_duration_percentage\n")
CHANNEL = "UCn4v4c0ffee00000000000a"
SHARES = ("linkedin_pages", "share_statistic")
SHARES_HEADER = ("_fivetran_id,_organization_entity_urn,_share_entity_urn,impression_count,"
                 "like_count,share_count,_fivetran_synced\n")
ORG = "urn:li:organization:2414183"


def _quarantined(query, table: str) -> list[tuple]:
    return query("select source_file, row_number, reason from raw_meta.quarantine "
                 f"where source || '.' || table_name = '{table}' order by 1, 2")


def test_youtube_rows_per_country_playback_and_subscription_all_load(
    landing: Path, load, query
):
    write(landing, "youtube_analytics/channel_basic_a_2/2026-02-01.csv", YOUTUBE_HEADER
          + f"a1,{CHANNEL},dQw4w9WgXcQ,2026-02-01,IR,on_demand,subscribed,10,1,2,0,0,31.5,41.2\n"
          + f"a2,{CHANNEL},dQw4w9WgXcQ,2026-02-01,IR,on_demand,not_subscribed,20,0,1,1,0,50,38\n"
          + f"a3,{CHANNEL},dQw4w9WgXcQ,2026-02-01,IR,live,subscribed,3,0,0,0,0,9,60\n"
          + f"a4,{CHANNEL},dQw4w9WgXcQ,2026-02-01,DE,on_demand,subscribed,4,0,1,0,0,8,35\n"
          + f"a5,{CHANNEL},dQw4w9WgXcQ,2026-02-02,IR,on_demand,subscribed,6,0,0,0,0,12,40\n"
          + f"a6,{CHANNEL},9bZkp7q19f0,2026-02-01,IR,on_demand,subscribed,7,0,1,0,0,14,30\n"
          # channel rows: no video, only subscriber gains and losses
          + f"a7,{CHANNEL},,2026-02-01,IR,on_demand,subscribed,0,0,0,5,1,0,0\n"
          + f"a8,{CHANNEL},,2026-02-01,DE,on_demand,subscribed,0,0,0,2,0,0,0\n")
    assert load([YOUTUBE]).success
    assert _quarantined(query, "youtube_analytics.channel_basic_a_2") == []
    assert query("select count(*), sum(views), sum(subscribers_gained), sum(subscribers_lost), "
                 "count(*) filter (where video_id is null) "
                 "from raw_youtube_analytics.channel_basic_a_2") == [(8, 50, 8, 1, 2)]
    assert query("select country_code, live_or_on_demand, subscribed_status, red_views, "
                 "average_view_duration_percentage, _fivetran_id "
                 "from raw_youtube_analytics.channel_basic_a_2 where _row_number = 1") == [
        ("IR", "on_demand", "subscribed", 1, 41.2, "a1")]

    # a true duplicate at the full grain is still caught, in the file and across files,
    # channel rows (empty video_id) included
    write(landing, "youtube_analytics/channel_basic_a_2/2026-02-02.csv", YOUTUBE_HEADER
          + f"b1,{CHANNEL},dQw4w9WgXcQ,2026-02-01,IR,on_demand,subscribed,10,1,2,0,0,31.5,41\n"
          + f"b2,{CHANNEL},,2026-02-01,IR,on_demand,subscribed,0,0,0,5,1,0,0\n"
          + f"b3,{CHANNEL},,2026-02-02,IR,on_demand,subscribed,0,0,0,3,0,0,0\n"
          + f"b4,{CHANNEL},,2026-02-02,IR,on_demand,subscribed,0,0,0,3,0,0,0\n"
          + f"b5,{CHANNEL},9bZkp7q19f0,2026-02-02,IR,on_demand,subscribed,9,0,0,0,0,18,33\n")
    assert load([YOUTUBE]).success
    rows = _quarantined(query, "youtube_analytics.channel_basic_a_2")
    assert [r[1] for r in rows] == [1, 2, 4]
    assert "already loaded from youtube_analytics/channel_basic_a_2/2026-02-01.csv row 1" in (
        rows[0][2])
    assert "already loaded from youtube_analytics/channel_basic_a_2/2026-02-01.csv row 7" in (
        rows[1][2])
    assert "same as row 3 of this file" in rows[2][2]
    assert query("select count(*), sum(views) from raw_youtube_analytics.channel_basic_a_2"
                 ) == [(10, 59)]


def test_a_youtube_file_without_the_breakdown_columns_loads_at_video_and_day(
    landing: Path, load, query
):
    write(landing, "youtube_analytics/channel_basic_a_2/studio_export.csv",
          "channel_id,video_id,date,views,likes\n"
          f"{CHANNEL},dQw4w9WgXcQ,2026-02-01,37,4\n"
          f"{CHANNEL},dQw4w9WgXcQ,2026-02-02,6,0\n"
          f"{CHANNEL},dQw4w9WgXcQ,2026-02-02,6,0\n")
    assert load([YOUTUBE]).success
    assert query("select count(*), sum(views) from raw_youtube_analytics.channel_basic_a_2"
                 ) == [(2, 43)]
    assert [r[1] for r in _quarantined(query, "youtube_analytics.channel_basic_a_2")] == [3]


def test_linkedin_share_versions_load_although_the_row_id_changes_every_sync(
    landing: Path, load, query
):
    post = "urn:li:ugcPost:7001"
    for day, fivetran_id, impressions in (("01", "c0a1", 100), ("02", "77e2", 180),
                                          ("03", "f3b9", 260)):
        write(landing, f"linkedin_pages/share_statistic/sync_2026_03_{day}.csv", SHARES_HEADER
              + f"{fivetran_id},{ORG},{post},{impressions},5,1,2026-03-{day}T06:00:00Z\n")
    assert load([SHARES]).success
    assert _quarantined(query, "linkedin_pages.share_statistic") == []
    assert query("select _fivetran_id, impression_count from raw_linkedin_pages.share_statistic "
                 "order by _fivetran_synced") == [("c0a1", 100), ("77e2", 180), ("f3b9", 260)]

    # the same share at the same sync is one version, whatever id the connector gave it
    write(landing, "linkedin_pages/share_statistic/sync_2026_03_03_again.csv", SHARES_HEADER
          + f"0d0d,{ORG},{post},260,5,1,2026-03-03T06:00:00Z\n"
          + f"0d0e,{ORG},urn:li:ugcPost:7002,40,1,0,2026-03-03T06:00:00Z\n")
    assert load([SHARES]).success
    rows = _quarantined(query, "linkedin_pages.share_statistic")
    assert [(r[0], r[1]) for r in rows] == [
        ("linkedin_pages/share_statistic/sync_2026_03_03_again.csv", 1)]
    assert "_share_entity_urn+_fivetran_synced" in rows[0][2]
    assert query("select count(*) from raw_linkedin_pages.share_statistic") == [(4,)]
