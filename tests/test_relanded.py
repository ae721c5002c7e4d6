"""Idempotency across files: a GA4 day landed again under another name replaces that day, and
a row held as a duplicate of another file's row is released when that file is fixed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import write

GA4 = ("ga4", "events")
SPEND = ("marketing", "spend")
HEADER = "date,channel,campaign,cost_category,amount,currency\n"


def _events(day: str, names: list[str]) -> str:
    base = {"20260301": 1772323200000000, "20260302": 1772409600000000}[day]
    return "".join(json.dumps({
        "event_date": day, "event_timestamp": base + i * 1_000_000, "event_name": name,
        "user_pseudo_id": f"u{i}"}) + "\n" for i, name in enumerate(names))


def test_a_ga4_day_landed_again_replaces_that_day(landing: Path, load, query):
    write(landing, "ga4/events/events_20260301.jsonl",
          _events("20260301", ["session_start", "page_view", "purchase"]))
    write(landing, "ga4/events/events_20260302.jsonl", _events("20260302", ["page_view"]))
    assert load([GA4]).success
    # the same day exported again: another file name, its rows in another order, one late
    # event more
    lines = _events("20260301", ["session_start", "page_view", "purchase", "scroll"])
    write(landing, "ga4/events/export/2026-03-01.jsonl",
          "".join(reversed(lines.splitlines(keepends=True))))
    assert load([GA4]).success
    assert query("select event_date, count(*), min(_source_file), max(_source_file) "
                 "from raw_ga4.events group by 1 order by 1") == [
        ("20260301", 4, "ga4/events/export/2026-03-01.jsonl",
         "ga4/events/export/2026-03-01.jsonl"),
        ("20260302", 1, "ga4/events/events_20260302.jsonl",
         "ga4/events/events_20260302.jsonl")]
    (message,), = query("select message from raw_meta.load_audit "
                        "where source_file = 'ga4/events/export/2026-03-01.jsonl'")
    assert "replaced 3 row(s)" in message and "ga4/events/events_20260301.jsonl" in message
    # the file state agrees with the table: the older file holds no rows now
    assert query("select source_file, rows_loaded from raw_meta.loaded_files "
                 "order by 1") == [("ga4/events/events_20260301.jsonl", 0),
                                   ("ga4/events/events_20260302.jsonl", 1),
                                   ("ga4/events/export/2026-03-01.jsonl", 4)]
    # nothing changes on the next run
    assert load([GA4]).success
    assert query("select count(*) from raw_ga4.events") == [(5,)]


def test_a_row_held_as_a_duplicate_is_released_when_the_other_file_is_fixed(
    landing: Path, load, query
):
    write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n")
    write(landing, "marketing/spend/b.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n"
          "2026-01-02,x,c1,ads,6,USD\n")
    assert load([SPEND]).success
    (reason,), = query("select reason from raw_meta.quarantine")
    assert "already loaded from marketing/spend/a.csv row 1" in reason
    # a.csv had the wrong campaign: fixed, its row is c2, so b.csv's c1 row is no duplicate
    write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c2,ads,5,USD\n")
    assert load([SPEND]).success
    assert query("select campaign, day(date), _source_file from raw_marketing.spend "
                 "order by 1, 2") == [("c1", 1, "marketing/spend/b.csv"),
                                      ("c1", 2, "marketing/spend/b.csv"),
                                      ("c2", 1, "marketing/spend/a.csv")]
    assert query("select count(*) from raw_meta.quarantine") == [(0,)]
    assert query("select source_file, rows_loaded, rows_quarantined from raw_meta.loaded_files "
                 "order by 1") == [("marketing/spend/a.csv", 1, 0),
                                   ("marketing/spend/b.csv", 2, 0)]


def test_a_row_held_as_a_duplicate_is_released_when_the_other_file_is_deleted(
    landing: Path, load, query
):
    a = write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n")
    write(landing, "marketing/spend/b.csv", HEADER + "2026-01-01,x,c1,ads,7,USD\n")
    assert load([SPEND]).success
    a.unlink()
    assert load([SPEND]).success
    assert query("select amount::int, _source_file from raw_marketing.spend") == [
        (7, "marketing/spend/b.csv")]
    assert query("select count(*) from raw_meta.quarantine") == [(0,)]


def test_a_file_skipped_as_a_copy_loads_when_the_original_is_deleted(
    landing: Path, load, query
):
    original = write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n")
    write(landing, "marketing/spend/b.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n")
    assert load([SPEND]).success
    assert query("select _source_file from raw_marketing.spend") == [("marketing/spend/a.csv",)]
    original.unlink()
    assert load([SPEND]).success
    assert query("select _source_file from raw_marketing.spend") == [("marketing/spend/b.csv",)]


def test_ga4_files_cut_at_utc_midnight_keep_every_event(landing: Path, load, query):
    """Files cut at UTC midnight hold two property days each: neither holds the whole of
    the other's days, so neither replaces the other."""
    write(landing, "ga4/events/utc_0301.jsonl", _events("20260301", ["a", "b"])
          + _events("20260302", ["c"]))
    write(landing, "ga4/events/utc_0302.jsonl", _events("20260302", ["d", "e"]))
    write(landing, "ga4/events/utc_0303.jsonl", _events("20260302", ["f"])
          + _events("20260301", ["g"]).replace('"20260301"', '"20260303"'))
    assert load([GA4]).success
    # utc_0302 holds only 20260302, which utc_0301 holds too but not alone: all 7 stay
    assert query("select count(*) from raw_ga4.events") == [(7,)]


def test_a_file_of_late_events_adds_to_its_day(landing: Path, load, query):
    write(landing, "ga4/events/events_20260301.jsonl", _events("20260301", ["a", "b"]))
    assert load([GA4]).success
    late = _events("20260301", ["x", "y", "late"]).splitlines(keepends=True)[2]
    write(landing, "ga4/events/events_20260301_late.jsonl", late)
    assert load([GA4]).success
    assert query("select count(*) from raw_ga4.events") == [(3,)]
