"""One test per kind of bad input: the right rows quarantined with the right reason, nothing
else lost, and the warehouse unchanged where a file is rejected. Fixtures are tiny and the
expected figures are counted by hand."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from orchestration.defs.ingest.assets import FILES_CHECK, raw_key
from orchestration.defs.ingest.contracts import TABLES_BY_KEY
from tests.conftest import materialized, write

DAILY = ("social_accounts", "daily")
DAILY_HEADER = (
    "date,platform,account_id,followers,following,posts_published,mentions,profile_views\n"
)
SPEND = ("marketing", "spend")
SPEND_HEADER = "date,channel,campaign,cost_category,amount,currency\n"


def quarantined(query, table: str) -> list[tuple]:
    return query(
        "select source_file, row_number, column_name, reason, action from raw_meta.quarantine "
        f"where source || '.' || table_name = '{table}' order by source_file, row_number"
    )


def audit(query, source_file: str) -> tuple:
    rows = query(
        "select status, rows_landed, rows_loaded, rows_quarantined, extra_columns, message "
        f"from raw_meta.load_audit where source_file = '{source_file}' order by finished_at"
    )
    return rows[-1]


def test_malformed_csv_rows_are_quarantined_and_the_rest_loads(landing: Path, load, query):
    write(landing, "social_accounts/daily/d.csv", DAILY_HEADER
          + "2026-01-01,instagram,1,100,5,1,2,30\n"
          + "2026-01-02,instagram,1,101,5,1,2,30,surplus\n"
          + "2026-01-03,instagram,1,102\n"
          + "2026-01-04,instagram,1,103,5,1,2,30\n")
    result = load([DAILY])
    assert result.success
    assert query("select date::varchar, followers from raw_social_accounts.daily order by 1") == [
        ("2026-01-01", 100), ("2026-01-04", 103)]
    rows = quarantined(query, "social_accounts.daily")
    assert [(r[1], r[2]) for r in rows] == [(2, None), (3, None)]
    assert "9 fields, the header has 8" in rows[0][3]
    assert "4 fields, the header has 8" in rows[1][3]
    assert audit(query, "social_accounts/daily/d.csv")[:4] == ("loaded", 4, 2, 2)


def test_wrong_types_name_the_column(landing: Path, load, query):
    write(landing, "social_accounts/daily/d.csv", DAILY_HEADER
          + "2026-01-01,instagram,1,abc,5,1,2,30\n"
          + "2026-01-02,instagram,1,12.5,5,1,2,30\n"
          + "2026-13-45,instagram,1,10,5,1,2,30\n"
          + "2026-01-04,instagram,1,12.0,5,1,2,30\n")
    assert load([DAILY]).success
    rows = quarantined(query, "social_accounts.daily")
    # a measure that is not a number is nulled (the row loads); a bad date quarantines the row
    assert [(r[1], r[2], r[4]) for r in rows] == [(1, "followers", "value_nulled"),
                                                  (2, "followers", "value_nulled"),
                                                  (3, "date", "row_quarantined")]
    assert "'abc' is not a valid BIGINT" in rows[0][3]
    assert "'12.5' is not a valid BIGINT" in rows[1][3]
    assert "'2026-13-45' is not a valid DATE" in rows[2][3]
    # "12.0" is a whole number written by a spreadsheet: it loads as 12
    assert query("select day(date), followers, _nulled_columns from raw_social_accounts.daily "
                 "order by 1") == [(1, None, ["followers"]), (2, None, ["followers"]),
                                   (4, 12, None)]


def test_duplicate_rows_load_once(landing: Path, load, query):
    row = "2026-01-01,instagram,c1,ads,100.50,USD\n"
    write(landing, "marketing/spend/s.csv", SPEND_HEADER + row + row
          + "2026-01-01,instagram,c2,ads,7,USD\n" + row)
    assert load([SPEND]).success
    assert query("select campaign, amount::double from raw_marketing.spend order by 1") == [
        ("c1", 100.5), ("c2", 7.0)]
    rows = quarantined(query, "marketing.spend")
    assert [(r[1], r[2]) for r in rows] == [(2, "date+channel+campaign+cost_category"),
                                            (4, "date+channel+campaign+cost_category")]
    assert all("same as row 1 of this file" in r[3] for r in rows)
    # the same key in another file is a duplicate too: nothing is loaded twice
    write(landing, "marketing/spend/t.csv", SPEND_HEADER + row + "2026-01-02,x,c1,ads,1,USD\n")
    assert load([SPEND]).success
    assert query("select count(*) from raw_marketing.spend") == [(3,)]
    assert "already loaded from marketing/spend/s.csv row 1" in quarantined(
        query, "marketing.spend")[-1][3]


def test_missing_required_column_rejects_the_file_and_leaves_the_table_as_it_was(
    landing: Path, load, query
):
    write(landing, "marketing/spend/a.csv", SPEND_HEADER + "2026-01-01,instagram,c1,ads,5,USD\n")
    assert load([SPEND]).success
    before = query("select * from raw_marketing.spend")
    # a second file lacks `amount`; the first file is changed to lack it too
    write(landing, "marketing/spend/b.csv", "date,channel,campaign,cost_category,currency\n"
          "2026-01-02,instagram,c1,ads,USD\n")
    write(landing, "marketing/spend/a.csv", "date,channel,campaign,cost_category,currency\n"
          "2026-01-01,instagram,c1,ads,USD\n")
    result = load([SPEND])
    # the asset still materialises; its ERROR check names the files, table and column
    assert result.success
    message = files_check(result, SPEND).description
    assert "marketing/spend/b.csv" in message and "raw_marketing.spend" in message
    assert "amount" in message
    assert query("select * from raw_marketing.spend") == before
    assert query("select count(*) from raw_meta.quarantine") == [(0,)]
    assert audit(query, "marketing/spend/b.csv")[0] == "rejected"
    assert materialized(result, SPEND)["files_rejected"] == 2


def files_check(result: dg.ExecuteInProcessResult, table: tuple[str, str]):
    key = dg.AssetCheckKey(raw_key(TABLES_BY_KEY[table]), FILES_CHECK)
    (check,) = [c for c in result.get_asset_check_evaluations() if c.asset_check_key == key]
    return check


def test_unknown_extra_columns_are_ignored_and_recorded(landing: Path, load, query):
    write(landing, "marketing/spend/s.csv",
          "date,channel,campaign,cost_category,amount,currency,note,owner_email\n"
          "2026-01-01,instagram,c1,ads,5,USD,hello,a@b.com\n")
    assert load([SPEND]).success
    assert query("select count(*) from raw_marketing.spend") == [(1,)]
    columns = [r[0] for r in query("select column_name from information_schema.columns "
                                   "where table_schema = 'raw_marketing'")]
    assert "note" not in columns and "owner_email" not in columns
    assert audit(query, "marketing/spend/s.csv")[4] == ["note", "owner_email"]


def test_non_utf8_file_is_reported_not_crashed_on(landing: Path, load, query):
    text = SPEND_HEADER + "2026-01-01,اينستاگرام,كمپين,ads,5,USD\n"
    write(landing, "marketing/spend/a_cp1256.csv", text.encode("cp1256"))
    write(landing, "marketing/spend/b.csv", SPEND_HEADER + "2026-01-02,x,c,ads,5,USD\n")
    result = load([SPEND])
    assert result.success
    check = files_check(result, SPEND)
    assert not check.passed and check.severity == dg.AssetCheckSeverity.ERROR
    assert "marketing/spend/a_cp1256.csv (table raw_marketing.spend): not UTF-8" in (
        check.description)
    assert query("select channel from raw_marketing.spend") == [("x",)]
    status, *_rest, message = audit(query, "marketing/spend/a_cp1256.csv")
    assert status == "rejected" and "line 2" in message


def test_negative_counts_are_nulled_and_reported(landing: Path, load, query):
    write(landing, "social_accounts/daily/d.csv", DAILY_HEADER
          + "2026-01-01,instagram,1,100,5,1,-2,30\n"
          + "2026-01-02,instagram,1,100,5,1,2,30\n")
    assert load([DAILY]).success
    rows = quarantined(query, "social_accounts.daily")
    assert [(r[1], r[2], r[3], r[4]) for r in rows] == [
        (1, "mentions", "mentions: '-2' is negative", "value_nulled")]
    assert query("select day(date), mentions from raw_social_accounts.daily order by 1") == [
        (1, None), (2, 2)]


def test_dates_in_the_future_are_quarantined(landing: Path, load, query):
    write(landing, "social_accounts/daily/d.csv", DAILY_HEADER
          + "2099-01-01,instagram,1,100,5,1,2,30\n"
          + "2026-01-02,instagram,1,100,5,1,2,30\n")
    write(landing, "listening/mentions/m.jsonl",
          '{"mention_id": "m1", "platform": "x", "published_at": "2099-05-01T00:00:00Z", '
          '"brand": "Nava"}\n'
          '{"mention_id": "m2", "platform": "x", "published_at": "2026-05-01T00:00:00Z", '
          '"brand": "Nava"}\n')
    assert load([DAILY, ("listening", "mentions")]).success
    rows = quarantined(query, "social_accounts.daily") + quarantined(query, "listening.mentions")
    assert [(r[1], r[2]) for r in rows] == [(1, "date"), (1, "published_at")]
    assert all("is in the future" in r[3] for r in rows)
    assert query("select mention_id from raw_listening.mentions") == [("m2",)]


def test_empty_file_loads_nothing_and_says_so(landing: Path, load, query):
    write(landing, "marketing/spend/empty.csv", "")
    write(landing, "marketing/spend/header_only.csv", SPEND_HEADER)
    result = load([SPEND])
    assert result.success
    assert query("select count(*) from raw_marketing.spend") == [(0,)]
    assert audit(query, "marketing/spend/empty.csv")[:4] == ("empty", 0, 0, 0)
    assert audit(query, "marketing/spend/header_only.csv")[:4] == ("empty", 0, 0, 0)
    assert materialized(result, SPEND)["files_loaded"] == 2


def test_malformed_json_line_is_quarantined(landing: Path, load, query):
    write(landing, "listening/mentions/m.jsonl",
          '{"mention_id": "m1", "platform": "x", "published_at": "2026-05-01T00:00:00Z", '
          '"brand": "Nava", "reach_estimate": 10}\n'
          '{"mention_id": "m2", "platform": "x", \n'
          '["not", "an", "object"]\n'
          '{"mention_id": "m4", "platform": "x", "published_at": "2026-05-01T00:00:00Z", '
          '"brand": "Nava", "sentiment_label": "angry"}\n')
    assert load([("listening", "mentions")]).success
    rows = quarantined(query, "listening.mentions")
    assert [(r[1], r[2]) for r in rows] == [(2, None), (3, None), (4, "sentiment_label")]
    assert "invalid JSON on line 2" in rows[0][3]
    assert "line 3 is not a JSON object" in rows[1][3]
    assert "'angry' is not one of" in rows[2][3]
    assert query("select mention_id, reach_estimate from raw_listening.mentions") == [("m1", 10)]
    assert audit(query, "listening/mentions/m.jsonl")[:4] == ("loaded", 4, 1, 3)


def test_persian_digits_load_as_numbers(landing: Path, load, query):
    write(landing, "marketing/spend/s.csv", SPEND_HEADER
          + "2026-01-01,instagram,c1,agency,۱۲۵۰۰۰۰۰۰۰,IRR\n"
          + "۲۰۲۶-۰۱-۰۲,instagram,c1,ads,١٢٫٥,USD\n")
    assert load([SPEND]).success
    assert query("select date::varchar, amount::varchar from raw_marketing.spend order by 1") == [
        ("2026-01-01", "1250000000.00"), ("2026-01-02", "12.50")]
