"""Great Expectations per landing batch: each raw table's suite runs inside the load (the
loader's BatchValidator hook); a failed critical expectation rejects the file, and every
batch's GX result JSON is kept in raw_meta.batch_validations, linked from its audit row."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from orchestration.defs.ingest.contracts import TABLES_BY_KEY
from orchestration.defs.quality import generate_suites
from orchestration.defs.quality.suites import generated_expectations
from tests.conftest import Loader, write

CAMPAIGNS = ("marketing", "campaigns")
PAGE = ("facebook_pages", "page")


def _audit(query: Callable[[str], list[tuple]], table: str) -> list[tuple]:
    return query("select source_file, status, rows_landed, rows_loaded, rows_quarantined, "
                 "message, validation_ids from raw_meta.load_audit "
                 f"where table_name = '{table}' order by finished_at")


def _validation(query: Callable[[str], list[tuple]], validation_id: str) -> tuple:
    (row,) = query("select suite, success, result::varchar, source_file "
                   f"from raw_meta.batch_validations where validation_id = '{validation_id}'")
    return row


def test_a_campaign_ending_before_it_starts_rejects_the_file_with_the_gx_result_kept(
    landing: Path, load: Loader, query: Callable[[str], list[tuple]]
):
    # three campaigns, one (cmp_2) ends on 2026-03-01 before it starts on 2026-03-10: the
    # contract's row rules accept every row (each date is a valid date), the hand-written
    # expectation end_date >= start_date does not.
    write(landing, "marketing/campaigns/campaigns.csv",
          "campaign_id,name,channel,utm_campaign,objective,start_date,end_date\n"
          "cmp_1,Spring,instagram,spring,awareness,2026-03-01,2026-03-31\n"
          "cmp_2,Swapped,instagram,swapped,conversion,2026-03-10,2026-03-01\n"
          "cmp_3,Open,linkedin,open,engagement,2026-04-01,\n")
    load([CAMPAIGNS])
    assert query("select count(*) from raw_marketing.campaigns") == [(0,)]
    ((file, status, landed, loaded, quarantined, message, ids),) = _audit(query, "campaigns")
    assert (file, status, landed, loaded, quarantined) == (
        "marketing/campaigns/campaigns.csv", "rejected", 0, 0, 0)
    assert "expect_column_pair_values_a_to_be_greater_than_b" in message
    assert "end_date vs start_date" in message and "1 of 3 row(s) fail" in message
    assert len(ids) == 1
    suite, success, result, source_file = _validation(query, ids[0])
    assert (suite, success, source_file) == (
        "raw_marketing.campaigns", False, "marketing/campaigns/campaigns.csv")
    document = json.loads(result)
    failed = [r for r in document["results"] if not r["success"]]
    assert [r["expectation_config"]["type"] for r in failed] == [
        "expect_column_pair_values_a_to_be_greater_than_b"]
    assert failed[0]["result"]["unexpected_count"] == 1
    assert failed[0]["result"]["element_count"] == 3


def test_a_fixed_file_loads_and_its_passing_result_is_linked_too(
    landing: Path, load: Loader, query: Callable[[str], list[tuple]]
):
    path = write(landing, "marketing/campaigns/campaigns.csv",
                 "campaign_id,channel,start_date,end_date\n"
                 "cmp_1,instagram,2026-03-10,2026-03-01\n")
    load([CAMPAIGNS])
    path.write_text("campaign_id,channel,start_date,end_date\n"
                    "cmp_1,instagram,2026-03-01,2026-03-10\n", encoding="utf-8")
    load([CAMPAIGNS])
    audit = _audit(query, "campaigns")
    assert [a[1] for a in audit] == ["rejected", "loaded"]
    assert query("select campaign_id, end_date::varchar from raw_marketing.campaigns") == [
        ("cmp_1", "2026-03-10")]
    suite, success, result, _ = _validation(query, audit[1][6][0])
    assert (suite, success) == ("raw_marketing.campaigns", True)
    assert json.loads(result)["statistics"]["unsuccessful_expectations"] == 0


def test_bad_values_are_quarantined_by_row_and_the_rest_of_the_batch_is_validated(
    landing: Path, load: Loader, query: Callable[[str], list[tuple]]
):
    # a negative count (fan_count -5, nulled), a rating of 7 on a 0..5 scale (nulled) and a
    # duplicate key (row 3 repeats row 1's id and sync: quarantined): the row rules act
    # first, row by row; the suite then sees the 2 rows that load, and passes.
    write(landing, "facebook_pages/page/page.csv",
          "id,name,fan_count,overall_star_rating,_fivetran_synced\n"
          "p1,Nava,-5,4.5,2026-01-01T00:00:00Z\n"
          "p2,Other,10,7,2026-01-01T00:00:00Z\n"
          "p1,Nava again,12,4.0,2026-01-01T00:00:00Z\n")
    load([PAGE])
    ((_, status, landed, loaded, quarantined, _, ids),) = _audit(query, "page")
    assert (status, landed, loaded, quarantined) == ("loaded", 3, 2, 1)
    assert query("select count(*) filter (where action = 'value_nulled'), "
                 "count(*) filter (where action = 'row_quarantined') "
                 "from raw_meta.quarantine") == [(2, 1)]
    suite, success, result, _ = _validation(query, ids[0])
    assert (suite, success) == ("raw_facebook_pages.page", True)
    # the batch runs the suite's batch-scope expectations (columns, row count); the column
    # expectations the row rules enforce run on the loaded rows, in the asset check
    kinds = sorted(r["expectation_config"]["type"] for r in json.loads(result)["results"])
    assert kinds == ["expect_table_columns_to_match_set", "expect_table_row_count_to_be_between"]


def test_suites_are_generated_from_the_contract():
    # surveys.csat by hand: its 7 columns exist (one expectation); response_id and
    # submitted_at not null;
    # csat_score 1..5, nps_score 0..10; submitted_at not in the future; response_id unique;
    # the row-count ceiling (a warning)
    found = generated_expectations(TABLES_BY_KEY[("surveys", "csat")])
    kinds = [(e["type"], e["kwargs"].get("column"), e["severity"]) for e in found]
    (columns,) = [e for e in found if e["type"] == "expect_table_columns_to_match_set"]
    assert columns["kwargs"]["column_set"] == [
        "response_id", "submitted_at", "customer_ref", "channel", "csat_score", "nps_score",
        "comment"]
    assert {k[1] for k in kinds if k[0] == "expect_column_values_to_not_be_null"} == {
        "response_id", "submitted_at"}
    between = {e["kwargs"]["column"]: (e["kwargs"].get("min_value"), e["kwargs"]["max_value"])
               for e in found if e["type"] == "expect_column_values_to_be_between"}
    assert between == {"csat_score": (1, 5), "nps_score": (0, 10),
                       "submitted_at": (None, {"$PARAMETER": "latest_timestamp"})}
    assert ("expect_column_values_to_be_unique", "response_id", "critical") in kinds
    assert ("expect_table_row_count_to_be_between", None, "warning") in kinds
    assert len(found) == 1 + 2 + 3 + 1 + 1


def test_committed_suites_are_up_to_date():
    assert generate_suites.stale_files() == []


def test_the_loaded_rows_check_finds_a_day_in_the_future(tmp_path: Path):
    # the column expectations on the rows of a table's latest load, as the Dagster check runs
    # them: a subscribers day (DATE, compared with a `latest_date` parameter) a year after
    # now slipped past the row rules (written straight into the raw table); 1 of the 2 rows
    # of the latest load fails, an older load's rows are not validated again.
    from datetime import UTC, datetime

    import duckdb

    from orchestration.defs.ingest.warehouse_meta import ensure_meta_tables, ensure_raw_table
    from orchestration.defs.quality.loaded_rows import validate_latest_load

    table = TABLES_BY_KEY[("blog", "subscribers_daily")]
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        ensure_meta_tables(con)
        ensure_raw_table(con, table)
        con.execute(
            f"insert into {table.qualified} (date, blog_or_list, subscribers_total, "
            "subscribed, unsubscribed, _loaded_at) values "
            "(date '2027-12-01', 'blog', 5, 1, 0, timestamptz '2026-11-30 00:00:00+00'), "
            "(date '2026-01-01', 'news', 3, 0, 0, timestamptz '2026-11-30 00:00:00+00'), "
            "(date '2028-01-01', 'news', 3, 0, 0, timestamptz '2026-11-01 00:00:00+00')")
        found = validate_latest_load(con, table, datetime(2026, 11, 30, tzinfo=UTC))
    assert found is not None
    assert (found.rows, found.rows_validated) == (2, 2)
    assert [f.describe() for f in found.validation.blocking] == [
        "expect_column_values_to_be_between on date: 1 of 2 row(s) fail, "
        "e.g. 2027-12-01T00:00:00"]


USERS = ("twitter_organic", "twitter_user_history")
TWEETS = ("twitter_organic", "tweet")
TWEET_HEADER = "id,account_id,user_id,created_at,full_text,retweet_count,_fivetran_synced\n"


def test_a_tweet_posted_before_its_account_existed_rejects_the_file(
    landing: Path, load: Loader, query: Callable[[str], list[tuple]]
):
    # u1's account was created on 2025-06-01; tweet t2 says 2025-05-01 (a broken clock or
    # another account's tweets): the suite's lookup brings the account's creation into the
    # batch and the hand-written expectation rejects the file (1 of 2 tweets fails)
    write(landing, "twitter_organic/twitter_user_history/users.csv",
          "id,screen_name,followers_count,created_at,_fivetran_synced\n"
          "u1,nava,100,2025-06-01T00:00:00Z,2026-01-02T00:00:00Z\n")
    write(landing, "twitter_organic/tweet/tweets.csv", TWEET_HEADER
          + "t1,a1,u1,2025-07-01T10:00:00Z,hello,1,2026-01-02T00:00:00Z\n"
          + "t2,a1,u1,2025-05-01T10:00:00Z,early,0,2026-01-02T00:00:00Z\n")
    load([USERS])
    load([TWEETS])
    ((_, status, _, loaded, _, message, ids),) = _audit(query, "tweet")
    assert (status, loaded) == ("rejected", 0)
    assert "created_at vs account_created_at: 1 of 2 row(s) fail" in message
    assert _validation(query, ids[0])[1] is False


def test_a_tweet_of_an_account_not_loaded_yet_is_not_judged(
    landing: Path, load: Loader, query: Callable[[str], list[tuple]]
):
    # the same early tweet before any profile is loaded: nothing to compare with, it loads
    write(landing, "twitter_organic/tweet/tweets.csv", TWEET_HEADER
          + "t2,a1,u1,2025-05-01T10:00:00Z,early,0,2026-01-02T00:00:00Z\n")
    load([TWEETS])
    ((_, status, _, loaded, _, _, ids),) = _audit(query, "tweet")
    assert (status, loaded) == ("loaded", 1)
    assert _validation(query, ids[0])[1] is True
