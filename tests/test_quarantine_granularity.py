"""Quarantine at the right granularity: an impossible MEASURE value is nulled and reported,
the row loads (flagged in ``_nulled_columns``); keys, required values, timestamps and
unreadable rows still quarantine the whole row. Hand-made, connector-shaped fixtures; every
expected figure is counted by hand."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import materialized, write

SHARES = ("linkedin_pages", "share_statistic")
SHARES_FILE = "linkedin_pages/share_statistic/sync_2026_03_02.csv"
SHARES_HEADER = ("_fivetran_id,_organization_entity_urn,_share_entity_urn,click_count,"
                 "comment_count,engagement,impression_count,like_count,share_count,"
                 "_fivetran_synced\n")
ORG = "urn:li:organization:2414183"


def _quarantine(query, source_file: str) -> list[tuple]:
    return query(
        "select row_number, column_name, action, original_value, reason from raw_meta.quarantine "
        f"where source_file = '{source_file}' order by row_number, column_name")


def _audit(query, source_file: str) -> tuple:
    return query(
        "select status, rows_landed, rows_loaded, rows_quarantined, values_nulled "
        f"from raw_meta.load_audit where source_file = '{source_file}' "
        "order by finished_at desc limit 1")[0]


def test_a_negative_share_count_is_nulled_and_the_rest_of_the_row_loads(
    landing: Path, load, query
):
    write(landing, SHARES_FILE, SHARES_HEADER
          # row 1: LinkedIn reports -4 reshares next to plausible likes and impressions
          + f"9f1c,{ORG},urn:li:ugcPost:7001,3,2,0.05,400,12,-4,2026-03-02T06:00:00Z\n"
          # row 2: text where a count belongs, and an impossible engagement rate
          + f"9f1d,{ORG},urn:li:ugcPost:7002,1,n/a,-0.5,100,1,0,2026-03-02T06:00:00Z\n"
          # row 3: clean
          + f"9f1e,{ORG},urn:li:ugcPost:7003,0,0,0.0,50,0,0,2026-03-02T06:00:00Z\n")
    result = load([SHARES])
    assert result.success

    assert query(
        "select _share_entity_urn, impression_count, like_count, click_count, comment_count, "
        "share_count, engagement, _nulled_columns from raw_linkedin_pages.share_statistic "
        "order by _row_number") == [
        ("urn:li:ugcPost:7001", 400, 12, 3, 2, None, 0.05, ["share_count"]),
        ("urn:li:ugcPost:7002", 100, 1, 1, None, 0, None, ["comment_count", "engagement"]),
        ("urn:li:ugcPost:7003", 50, 0, 0, 0, 0, 0.0, None),
    ]
    rows = _quarantine(query, SHARES_FILE)
    assert [r[:4] for r in rows] == [
        (1, "share_count", "value_nulled", "-4"),
        (2, "comment_count", "value_nulled", "n/a"),
        (2, "engagement", "value_nulled", "-0.5"),
    ]
    assert "is negative" in rows[0][4]
    assert "is not a valid BIGINT" in rows[1][4]
    assert "is negative" in rows[2][4]
    # landed = loaded + quarantined; a flagged row counts as loaded
    assert _audit(query, SHARES_FILE) == ("loaded", 3, 3, 0, 3)
    meta = materialized(result, SHARES)
    assert (meta["rows_loaded"], meta["rows_quarantined"], meta["values_nulled"]) == (3, 0, 3)


def test_a_score_out_of_range_is_nulled(landing: Path, load, query):
    write(landing, "surveys/csat/r.csv",
          "response_id,submitted_at,customer_ref,channel,csat_score,nps_score\n"
          "r1,2026-01-01T10:00:00Z,CUST-7,web,7,9\n"
          "r2,2026-01-01T11:00:00Z,CUST-8,web,4,11\n")
    assert load([("surveys", "csat")]).success
    assert query("select response_id, csat_score, nps_score, _nulled_columns "
                 "from raw_surveys.csat order by 1") == [
        ("r1", None, 9, ["csat_score"]), ("r2", 4, None, ["nps_score"])]
    rows = _quarantine(query, "surveys/csat/r.csv")
    assert [r[:4] for r in rows] == [(1, "csat_score", "value_nulled", "7"),
                                    (2, "nps_score", "value_nulled", "11")]
    assert "is above 5" in rows[0][4] and "is above 10" in rows[1][4]
    assert _audit(query, "surveys/csat/r.csv") == ("loaded", 2, 2, 0, 2)


def test_keys_required_values_and_timestamps_still_quarantine_the_whole_row(
    landing: Path, load, query
):
    write(landing, "social_accounts/daily/d.csv",
          "date,platform,account_id,followers,following,posts_published,mentions,profile_views\n"
          "2026-01-01,instagram,,100,5,1,2,30\n"           # 1: key empty
          "2026-01-02,instagram,1,-100,5,1,2,30\n"         # 2: measure only: nulled
          "2026-13-03,instagram,1,100,5,-1,2,30\n"         # 3: bad date and a bad measure
          "2099-01-04,instagram,1,100,5,1,2,30\n"          # 4: in the future
          "2026-01-05,instagram,1,100,5,1\n"               # 5: malformed line
          "2026-01-06,instagram,1,106,5,1,2,30\n")         # 6: clean
    assert load([("social_accounts", "daily")]).success
    assert query("select day(date), followers, _nulled_columns from raw_social_accounts.daily "
                 "order by date") == [(2, None, ["followers"]), (6, 106, None)]
    rows = _quarantine(query, "social_accounts/daily/d.csv")
    assert [r[:4] for r in rows] == [
        (1, "account_id", "row_quarantined", None),
        (2, "followers", "value_nulled", "-100"),
        (3, "date", "row_quarantined", "2026-13-03"),
        (4, "date", "row_quarantined", "2099-01-04"),
        (5, None, "row_quarantined", None),
    ]
    # a row quarantined whole names every problem it had
    assert "date: '2026-13-03' is not a valid DATE" in rows[2][4]
    assert "posts_published: '-1' is negative" in rows[2][4]
    assert "6 fields, the header has 8" in rows[4][4]
    assert _audit(query, "social_accounts/daily/d.csv") == ("loaded", 6, 2, 4, 1)


def test_a_row_with_a_nulled_value_is_still_a_duplicate_when_its_key_repeats(
    landing: Path, load, query
):
    write(landing, "blog/subscribers_daily/s.csv",
          "date,blog_or_list,subscribers_total,subscribed,unsubscribed\n"
          "2026-01-01,newsletter,50,2,1\n"
          "2026-01-01,newsletter,51,-3,0\n")
    assert load([("blog", "subscribers_daily")]).success
    assert query("select subscribers_total, _nulled_columns from raw_blog.subscribers_daily"
                 ) == [(50, None)]
    rows = _quarantine(query, "blog/subscribers_daily/s.csv")
    # quarantined whole as a duplicate; its impossible value is named in the same reason
    assert [r[:3] for r in rows] == [(2, "date+brand+blog_or_list", "row_quarantined")]
    assert "duplicate key" in rows[0][4] and "subscribed: '-3' is negative" in rows[0][4]
    assert _audit(query, "blog/subscribers_daily/s.csv") == ("loaded", 2, 1, 1, 0)


def test_a_changed_file_replaces_its_nulled_values_report(landing: Path, load, query):
    path = "blog/subscribers_daily/s.csv"
    header = "date,blog_or_list,subscribers_total,subscribed,unsubscribed\n"
    write(landing, path, header + "2026-01-01,newsletter,50,-2,1\n")
    assert load([("blog", "subscribers_daily")]).success
    assert len(_quarantine(query, path)) == 1
    write(landing, path, header + "2026-01-01,newsletter,50,2,1\n")
    assert load([("blog", "subscribers_daily")]).success
    assert _quarantine(query, path) == []
    assert query("select subscribed, _nulled_columns from raw_blog.subscribers_daily") == [
        (2, None)]
    assert query("select values_nulled from raw_meta.loaded_files") == [(0,)]


OLD_META = """
create schema raw_meta;
create table raw_meta.loaded_files (source varchar not null, table_name varchar not null,
    source_file varchar not null, file_hash varchar not null, status varchar not null,
    rows_loaded bigint not null, rows_quarantined bigint not null,
    loaded_at timestamptz not null, primary key (source, table_name, source_file));
create table raw_meta.load_audit (run_id varchar, source varchar not null,
    table_name varchar not null, source_file varchar not null, file_hash varchar,
    file_bytes bigint, status varchar not null, rows_landed bigint, rows_loaded bigint,
    rows_quarantined bigint, extra_columns varchar[], missing_optional_columns varchar[],
    message varchar, started_at timestamptz not null, finished_at timestamptz not null);
create table raw_meta.quarantine (source varchar not null, table_name varchar not null,
    source_file varchar not null, file_hash varchar not null, row_number bigint not null,
    column_name varchar, reason varchar not null, raw_record json,
    quarantined_at timestamptz not null);
insert into raw_meta.quarantine values ('blog', 'subscribers_daily', 'blog/old.csv', 'h', 2,
    'subscribed', 'subscribed: ''-1'' is negative', null, now());
insert into raw_meta.loaded_files values ('blog', 'subscribers_daily', 'blog/old.csv', 'h',
    'loaded', 1, 1, now());
create schema raw_blog;
create table raw_blog.subscribers_daily (date date, blog_or_list varchar,
    subscribers_total bigint, subscribed bigint, unsubscribed bigint,
    _loaded_at timestamptz, _source_file varchar, _file_hash varchar, _row_number bigint);
insert into raw_blog.subscribers_daily values ('2025-12-01', 'newsletter', 40, 1, 0, now(),
    'blog/old.csv', 'h', 1);
"""


def test_a_warehouse_from_before_keeps_working(
    landing: Path, warehouse: Path, load, query, monkeypatch
):
    import duckdb

    # blog/old.csv is not in the landing folder: keep its rows rather than follow the deletion
    monkeypatch.setenv("DELETED_FILES", "keep")
    with duckdb.connect(str(warehouse)) as con:
        con.execute(OLD_META)
    write(landing, "blog/subscribers_daily/new.csv",
          "date,blog_or_list,subscribers_total,subscribed,unsubscribed\n"
          "2026-01-01,newsletter,50,-2,1\n")
    assert load([("blog", "subscribers_daily")]).success
    assert query("select source_file, action, original_value from raw_meta.quarantine "
                 "order by source_file") == [("blog/old.csv", "row_quarantined", None),
                                             ("blog/subscribers_daily/new.csv", "value_nulled",
                                              "-2")]
    assert query("select subscribers_total, _nulled_columns from raw_blog.subscribers_daily "
                 "order by date") == [(40, None), (50, ["subscribed"])]
    assert query("select source_file, values_nulled from raw_meta.loaded_files "
                 "order by 1") == [("blog/old.csv", 0), ("blog/subscribers_daily/new.csv", 1)]
