"""Load, load again, change one file, load again: nothing is ever loaded twice."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import materialized, write

DAILY = ("social_accounts", "daily")
HEADER = "date,platform,account_id,followers,following,posts_published,mentions,profile_views\n"


def _day(day: int, followers: int) -> str:
    return f"2026-01-{day:02d},instagram,1,{followers},5,1,2,30\n"


def test_load_twice_then_change_one_file(landing: Path, load, query):
    write(landing, "social_accounts/daily/week1.csv", HEADER + _day(1, 100) + _day(2, 110))
    write(landing, "social_accounts/daily/week2.csv", HEADER + _day(8, 180) + _day(9, 190))

    first = materialized(load([DAILY]), DAILY)
    assert (first["files_loaded"], first["rows_loaded"], first["dagster/row_count"]) == (2, 4, 4)

    second = materialized(load([DAILY]), DAILY)
    assert (second["files_skipped"], second["rows_loaded"], second["dagster/row_count"]) == (
        2, 0, 4)

    # week 2 is re-exported with a corrected figure and one more day
    write(landing, "social_accounts/daily/week2.csv",
          HEADER + _day(8, 181) + _day(9, 190) + _day(10, 200))
    third = materialized(load([DAILY]), DAILY)
    assert (third["files_replaced"], third["files_skipped"], third["rows_loaded"]) == (1, 1, 3)
    assert query("select day(date), followers, _source_file from raw_social_accounts.daily "
                 "order by date") == [
        (1, 100, "social_accounts/daily/week1.csv"),
        (2, 110, "social_accounts/daily/week1.csv"),
        (8, 181, "social_accounts/daily/week2.csv"),
        (9, 190, "social_accounts/daily/week2.csv"),
        (10, 200, "social_accounts/daily/week2.csv"),
    ]
    # the replaced file's hash is the new one on every row it loaded
    hashes = query("select distinct _file_hash from raw_social_accounts.daily "
                   "where _source_file like '%week2.csv'")
    assert len(hashes) == 1
    assert query("select count(*) from raw_meta.quarantine") == [(0,)]


def test_same_content_under_another_name_is_skipped(landing: Path, load, query):
    original = write(landing, "social_accounts/daily/export.csv", HEADER + _day(1, 100))
    assert load([DAILY]).success
    shutil.copy(original, landing / "social_accounts/daily/export (1).csv")
    meta = materialized(load([DAILY]), DAILY)
    assert (meta["files_skipped"], meta["rows_loaded"], meta["dagster/row_count"]) == (2, 0, 1)
    assert query("select status, message from raw_meta.load_audit "
                 "where source_file like '%(1).csv'") == [
        ("duplicate", "same content as social_accounts/daily/export.csv, already loaded; "
                      "skipped")]
    # and it stays skipped on later runs without a new audit row
    load([DAILY])
    assert query("select count(*) from raw_meta.load_audit") == [(2,)]


def test_every_file_reconciles(landing: Path, load, query):
    write(landing, "social_accounts/daily/a.csv", HEADER + _day(1, 1) + "bad,row\n")
    # -1 followers is an impossible measure: nulled, the row still loads (and counts as loaded)
    write(landing, "social_accounts/daily/b.csv", HEADER + _day(2, -1) + _day(3, 3)
          + "2026-01-04,instagram,,4,5,1,2,30\n")
    load([DAILY])
    rows = query("select source_file, rows_landed, rows_loaded, rows_quarantined, values_nulled "
                 "from raw_meta.load_audit order by source_file")
    assert rows == [("social_accounts/daily/a.csv", 2, 1, 1, 0),
                    ("social_accounts/daily/b.csv", 3, 2, 1, 1)]
    assert query("select count(*) from raw_social_accounts.daily") == [(3,)]
    assert query("select action, count(*) from raw_meta.quarantine group by 1 order by 1") == [
        ("row_quarantined", 2), ("value_nulled", 1)]
