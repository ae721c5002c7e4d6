"""Set-wise loading: many files of a table are checked and written together, yet every file
keeps its own outcome, audit row and file state, as if loaded one by one in landing order.

Hand-made fixtures; every expected figure is counted by hand from the rows written here.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from orchestration.defs.ingest import loader as loader_module
from orchestration.defs.ingest.contracts import TABLES_BY_KEY, Table
from orchestration.defs.ingest.loader import RawLoader
from orchestration.defs.quality.batch import GxBatchValidator
from tests.conftest import jsonl_text, write
from tests.test_atomic_and_formats import no_follower_collapse

SPEND = TABLES_BY_KEY[("marketing", "spend")]
DAILY = TABLES_BY_KEY[("social_accounts", "daily")]
GA4 = TABLES_BY_KEY[("ga4", "events")]
HEADER = "date,channel,campaign,cost_category,amount,currency\n"
DAILY_HEADER = ("date,platform,account_id,followers,following,posts_published,mentions,"
                "profile_views\n")


def _spend_files(landing: Path) -> None:
    # a.csv: c1 twice (row 3 repeats row 1's key)      -> 2 loaded, 1 quarantined
    write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n"
          "2026-01-01,x,c2,ads,6,USD\n2026-01-01,x,c1,ads,7,USD\n")
    # b.csv: c2 is a.csv's row 2; c3 is new             -> 1 loaded, 1 quarantined
    write(landing, "marketing/spend/b.csv", HEADER + "2026-01-01,x,c2,ads,8,USD\n"
          "2026-01-01,x,c3,ads,9,USD\n")
    # c.csv: no `amount` column (required)              -> rejected, nothing written
    write(landing, "marketing/spend/c.csv", "date,channel,campaign,cost_category,currency\n"
          "2026-01-01,x,c4,ads,USD\n")
    # d.csv: the same bytes as b.csv                    -> duplicate, skipped
    write(landing, "marketing/spend/d.csv", HEADER + "2026-01-01,x,c2,ads,8,USD\n"
          "2026-01-01,x,c3,ads,9,USD\n")
    # e.csv: c3 is b.csv's row 2; a month 13; c5 new    -> 1 loaded, 2 quarantined
    write(landing, "marketing/spend/e.csv", HEADER + "2026-01-01,x,c3,ads,1,USD\n"
          "2026-13-01,x,c9,ads,1,USD\n2026-01-01,x,c5,ads,2,USD\n")


@pytest.mark.parametrize("set_rows", [1_000_000, 2])
def test_files_of_one_run_keep_their_own_outcomes_and_the_first_file_wins(
    landing: Path, warehouse: Path, monkeypatch: pytest.MonkeyPatch, set_rows: int
):
    """With one set for the whole table, and with sets of about 2 rows (a set per file or
    two): the same outcomes. Every file is new, so each is `loaded` (never `replaced`) and
    has exactly one audit row in the run."""
    monkeypatch.setattr(loader_module, "SET_ROWS", set_rows)
    _spend_files(landing)
    with duckdb.connect(str(warehouse)) as con:
        loader = RawLoader(con, landing, "k", run_id="first")
        got = [(f.source_file.rsplit("/", 1)[1], f.status, f.rows_landed, f.rows_loaded,
                f.rows_quarantined) for f in loader.load_table(SPEND).files]
        assert got == [("a.csv", "loaded", 3, 2, 1), ("b.csv", "loaded", 2, 1, 1),
                       ("c.csv", "rejected", 0, 0, 0), ("d.csv", "duplicate", 0, 0, 0),
                       ("e.csv", "loaded", 3, 1, 2)]
        assert con.execute(
            "select campaign, amount::int, _source_file, _row_number from raw_marketing.spend "
            "order by 1").fetchall() == [("c1", 5, "marketing/spend/a.csv", 1),
                                         ("c2", 6, "marketing/spend/a.csv", 2),
                                         ("c3", 9, "marketing/spend/b.csv", 2),
                                         ("c5", 2, "marketing/spend/e.csv", 3)]
        assert con.execute(
            "select source_file, row_number, rule, reason from raw_meta.quarantine "
            "order by 1, 2").fetchall() == [
            ("marketing/spend/a.csv", 3, "duplicate_key",
             "date+channel+campaign+cost_category: duplicate key: same as row 1 of this file"),
            ("marketing/spend/b.csv", 1, "duplicate_key",
             "date+channel+campaign+cost_category: duplicate key: already loaded from "
             "marketing/spend/a.csv row 2"),
            ("marketing/spend/e.csv", 1, "duplicate_key",
             "date+channel+campaign+cost_category: duplicate key: already loaded from "
             "marketing/spend/b.csv row 2"),
            ("marketing/spend/e.csv", 2, "type", "date: '2026-13-01' is not a valid DATE"),
        ]
        # one audit row per file, each agreeing with the file state and the table
        assert con.execute(
            "select split_part(source_file, '/', 3), status, rows_landed, rows_loaded, "
            "rows_quarantined, rejected_column from raw_meta.load_audit order by 1"
        ).fetchall() == [("a.csv", "loaded", 3, 2, 1, None), ("b.csv", "loaded", 2, 1, 1, None),
                         ("c.csv", "rejected", 0, 0, 0, "amount"),
                         ("d.csv", "duplicate", 0, 0, 0, None),
                         ("e.csv", "loaded", 3, 1, 2, None)]
        assert con.execute(
            "select f.source_file, f.status, f.rows_loaded, count(t._source_file) "
            "from raw_meta.loaded_files as f left join raw_marketing.spend as t "
            "on t._source_file = f.source_file group by all order by 1").fetchall() == [
            ("marketing/spend/a.csv", "loaded", 2, 2), ("marketing/spend/b.csv", "loaded", 1, 1),
            ("marketing/spend/d.csv", "duplicate", 0, 0),
            ("marketing/spend/e.csv", "loaded", 1, 1)]

        # nothing changed: nothing is read, written or audited again
        again = RawLoader(con, landing, "k", run_id="second").load_table(SPEND)
        assert [f.status for f in again.files] == ["unchanged", "unchanged", "rejected",
                                                   "unchanged", "unchanged"]
        assert con.execute("select count(*) from raw_marketing.spend").fetchone() == (4,)
        assert con.execute("select status from raw_meta.load_audit where run_id = 'second'"
                           ).fetchall() == [("rejected",)]


def test_many_small_files_load_once_each(landing: Path, warehouse: Path):
    """300 files of one row each, every tenth repeating the key of the file before it."""
    for i in range(300):
        campaign = f"c{i - 1 if i % 10 == 9 else i}"
        write(landing, f"marketing/spend/f{i:03d}.csv",
              HEADER + f"2026-01-01,x,{campaign},ads,{i},USD\n")
    with duckdb.connect(str(warehouse)) as con:
        files = RawLoader(con, landing, "k").load_table(SPEND).files
        assert [f.status for f in files] == ["loaded"] * 300
        assert sum(f.rows_loaded for f in files) == 270
        assert sum(f.rows_quarantined for f in files) == 30
        assert con.execute("select count(*), count(distinct campaign), sum(amount)::int "
                           "from raw_marketing.spend").fetchone() == (
            270, 270, sum(i for i in range(300) if i % 10 != 9))
        assert con.execute("select count(*), count(distinct source_file) "
                           "from raw_meta.load_audit").fetchone() == (300, 300)
        assert con.execute(
            "select count(*) from raw_meta.quarantine where reason like '%already loaded from "
            "marketing/spend/f%8.csv row 1'").fetchone() == (30,)




def test_a_file_the_batch_validators_reject_leaves_the_others_as_if_it_never_came(
    landing: Path, warehouse: Path
):
    write(landing, "social_accounts/daily/a.csv", DAILY_HEADER + "2026-01-01,x,9,1000,1,1,1,1\n")
    # b.csv collapses from 1000 to 10 followers: rejected whole
    write(landing, "social_accounts/daily/b.csv", DAILY_HEADER + "2026-01-02,x,9,1000,1,1,1,1\n"
          "2026-01-03,x,9,10,1,1,1,1\n")
    # c.csv's row has b.csv's second key: b.csv never loaded, so it is no duplicate
    write(landing, "social_accounts/daily/c.csv", DAILY_HEADER + "2026-01-03,x,9,990,1,1,1,1\n")
    with duckdb.connect(str(warehouse)) as con:
        files = RawLoader(con, landing, "k", validators=[no_follower_collapse]
                          ).load_table(DAILY).files
        assert [(f.status, f.rows_loaded, f.rows_quarantined) for f in files] == [
            ("loaded", 1, 0), ("rejected", 0, 0), ("loaded", 1, 0)]
        assert "9 fell from 1000 to 10 followers on 2026-01-03" in (files[1].message or "")
        assert con.execute("select day(date), followers, _source_file "
                           "from raw_social_accounts.daily order by 1").fetchall() == [
            (1, 1000, "social_accounts/daily/a.csv"), (3, 990, "social_accounts/daily/c.csv")]
        assert con.execute("select count(*) from raw_meta.quarantine").fetchone() == (0,)
        assert con.execute("select source_file from raw_meta.loaded_files order by 1"
                           ).fetchall() == [("social_accounts/daily/a.csv",),
                                            ("social_accounts/daily/c.csv",)]


def failing_validator(con: duckdb.DuckDBPyConnection, table: Table, batch: str) -> list[str]:
    """Not a verdict: a validator that breaks (an unexpected error)."""
    raise RuntimeError("the validator broke")


def test_an_unexpected_error_leaves_the_warehouse_as_it_was(landing: Path, warehouse: Path):
    write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n")
    with duckdb.connect(str(warehouse)) as con:
        RawLoader(con, landing, "k").load_table(SPEND)
        before = con.execute("select * from raw_marketing.spend").fetchall()
        write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c1,ads,6,USD\n")
        write(landing, "marketing/spend/b.csv", HEADER + "2026-01-02,x,c1,ads,7,USD\n")
        with pytest.raises(RuntimeError, match="the validator broke"):
            RawLoader(con, landing, "k", run_id="broken", validators=[failing_validator]
                      ).load_table(SPEND)
        assert con.execute("select * from raw_marketing.spend").fetchall() == before
        assert con.execute("select source_file, rows_loaded from raw_meta.loaded_files"
                           ).fetchall() == [("marketing/spend/a.csv", 1)]
        assert con.execute(
            "select source_file, status, message from raw_meta.load_audit "
            "where run_id = 'broken' order by 1").fetchall() == [
            ("marketing/spend/a.csv", "rejected",
             "marketing/spend/a.csv: load failed: the validator broke"),
            ("marketing/spend/b.csv", "rejected",
             "marketing/spend/b.csv: load failed: the validator broke")]


def _events(day: str, names: list[str], first: int = 0) -> list[dict]:
    base = {"20260301": 1772323200000000, "20260302": 1772409600000000,
            "20260303": 1772496000000000}[day]
    return [{"event_date": day, "event_timestamp": base + (first + i) * 1_000_000,
             "event_name": name, "user_pseudo_id": f"u{first + i}"}
            for i, name in enumerate(names)]


def test_a_day_landed_again_among_other_files_replaces_only_that_day(
    landing: Path, warehouse: Path
):
    write(landing, "ga4/events/d1.jsonl", jsonl_text(_events("20260301", ["a", "b"])))
    write(landing, "ga4/events/d2.jsonl", jsonl_text(_events("20260302", ["c"])))
    with duckdb.connect(str(warehouse)) as con:
        RawLoader(con, landing, "k").load_table(GA4)
        # one run: day 1 exported twice (x1: one event more; x2: x1's events and one more,
        # in another order), late events of day 2, and a new day 3
        write(landing, "ga4/events/x1.jsonl", jsonl_text(_events("20260301", ["a", "b", "late"])))
        write(landing, "ga4/events/x2.jsonl", jsonl_text(
            list(reversed(_events("20260301", ["a", "b", "late", "later"])))))
        write(landing, "ga4/events/d2_late.jsonl", jsonl_text(_events("20260302", ["d"], 1)))
        write(landing, "ga4/events/d3.jsonl", jsonl_text(_events("20260303", ["e", "f"])))
        files = {f.source_file.rsplit("/", 1)[1]: f for f in
                 RawLoader(con, landing, "k", run_id="second").load_table(GA4).files}
        assert {n: (f.status, f.rows_loaded) for n, f in files.items()} == {
            "d1.jsonl": ("unchanged", 0), "d2.jsonl": ("unchanged", 0),
            "d2_late.jsonl": ("loaded", 1), "d3.jsonl": ("loaded", 2),
            "x1.jsonl": ("loaded", 3), "x2.jsonl": ("loaded", 4)}
        # x1 replaced d1 (loaded before it); x2, landed after x1, replaced x1
        assert "replaced 2 row(s) of the same event_date loaded from ga4/events/d1.jsonl" in (
            files["x1.jsonl"].message or "")
        assert "replaced 3 row(s) of the same event_date loaded from ga4/events/x1.jsonl" in (
            files["x2.jsonl"].message or "")
        assert con.execute("select event_date, count(*), count(distinct _source_file), "
                           "min(_source_file) from raw_ga4.events group by 1 order by 1"
                           ).fetchall() == [("20260301", 4, 1, "ga4/events/x2.jsonl"),
                                            ("20260302", 2, 2, "ga4/events/d2.jsonl"),
                                            ("20260303", 2, 1, "ga4/events/d3.jsonl")]
        assert con.execute("select split_part(source_file, '/', 3), rows_loaded "
                           "from raw_meta.loaded_files order by 1").fetchall() == [
            ("d1.jsonl", 0), ("d2.jsonl", 1), ("d2_late.jsonl", 1), ("d3.jsonl", 2),
            ("x1.jsonl", 0), ("x2.jsonl", 4)]
        assert con.execute("select count(*) from raw_meta.load_audit where run_id = 'second'"
                           ).fetchone() == (4,)


def _parquet(landing: Path, relative: str, events: list[dict]) -> None:
    path = landing / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(events), path)


def test_an_unreadable_parquet_file_is_rejected_and_the_others_load(
    landing: Path, warehouse: Path
):
    _parquet(landing, "ga4/events/events_20260301.parquet", _events("20260301", ["a", "b"]))
    write(landing, "ga4/events/events_20260302.parquet", b"PAR1 not really parquet")
    _parquet(landing, "ga4/events/events_20260303.parquet", _events("20260303", ["c"]))
    with duckdb.connect(str(warehouse)) as con:
        files = RawLoader(con, landing, "k").load_table(GA4).files
        assert [(f.status, f.rows_loaded) for f in files] == [
            ("loaded", 2), ("rejected", 0), ("loaded", 1)]
        assert (files[1].message or "").startswith(
            "ga4/events/events_20260302.parquet: unreadable Parquet file")
        assert con.execute("select _source_file, _row_number, event_name from raw_ga4.events "
                           "order by 1, 2").fetchall() == [
            ("ga4/events/events_20260301.parquet", 1, "a"),
            ("ga4/events/events_20260301.parquet", 2, "b"),
            ("ga4/events/events_20260303.parquet", 1, "c")]


CAMPAIGNS = TABLES_BY_KEY[("marketing", "campaigns")]
CAMPAIGN_HEADER = "campaign_id,name,channel,utm_campaign,objective,start_date,end_date\n"


def _validations(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Per audit row: file, status, and the linked validation's success and the rows its
    failed expectations saw (GX reports counts only for a failure)."""
    out = []
    for file, status, success, result in con.execute(
            "select a.source_file, a.status, v.success, v.result::varchar "
            "from raw_meta.load_audit as a join raw_meta.batch_validations as v "
            "on v.validation_id = a.validation_ids[1] and v.source_file = a.source_file "
            "order by 1").fetchall():
        counts = [r["result"]["element_count"] for r in json.loads(result)["results"]
                  if not r["success"]]
        out.append((file, status, success, counts))
    return out


def test_gx_validates_a_set_of_good_files_once_and_links_it_from_each_file(
    landing: Path, warehouse: Path
):
    write(landing, "marketing/campaigns/a.csv", CAMPAIGN_HEADER
          + "cmp_1,Spring,instagram,spring,awareness,2026-03-01,2026-03-31\n")
    write(landing, "marketing/campaigns/b.csv", CAMPAIGN_HEADER
          + "cmp_2,Summer,instagram,summer,awareness,2026-06-01,2026-06-30\n"
          + "cmp_3,Open,linkedin,open,engagement,2026-04-01,\n")
    with duckdb.connect(str(warehouse)) as con:
        files = RawLoader(con, landing, "k", validators=[GxBatchValidator()]
                          ).load_table(CAMPAIGNS).files
        assert [(f.status, f.rows_loaded) for f in files] == [("loaded", 1), ("loaded", 2)]
        # one validation of the set, recorded for each file
        assert _validations(con) == [("marketing/campaigns/a.csv", "loaded", True, []),
                                     ("marketing/campaigns/b.csv", "loaded", True, [])]
        assert con.execute("select count(distinct result::varchar), count(*) "
                           "from raw_meta.batch_validations").fetchone() == (1, 2)


def test_gx_attributes_a_failed_set_to_its_files(landing: Path, warehouse: Path):
    write(landing, "marketing/campaigns/a.csv", CAMPAIGN_HEADER
          + "cmp_1,Spring,instagram,spring,awareness,2026-03-01,2026-03-31\n")
    # cmp_2 ends before it starts: a critical expectation fails, b.csv is rejected
    write(landing, "marketing/campaigns/b.csv", CAMPAIGN_HEADER
          + "cmp_2,Swapped,instagram,swapped,conversion,2026-03-10,2026-03-01\n"
          + "cmp_3,Open,linkedin,open,engagement,2026-04-01,\n")
    write(landing, "marketing/campaigns/c.csv", CAMPAIGN_HEADER
          + "cmp_4,Autumn,instagram,autumn,awareness,2026-09-01,2026-09-30\n")
    with duckdb.connect(str(warehouse)) as con:
        files = RawLoader(con, landing, "k", validators=[GxBatchValidator()]
                          ).load_table(CAMPAIGNS).files
        assert [(f.status, f.rows_loaded) for f in files] == [
            ("loaded", 1), ("rejected", 0), ("loaded", 1)]
        assert "1 of 2 row(s) fail" in (files[1].message or "")
        assert con.execute("select campaign_id from raw_marketing.campaigns order by 1"
                           ).fetchall() == [("cmp_1",), ("cmp_4",)]
        # each file's own validation, of its own rows (b.csv's 2, not the set's 4)
        assert _validations(con) == [("marketing/campaigns/a.csv", "loaded", True, []),
                                     ("marketing/campaigns/b.csv", "rejected", False, [2]),
                                     ("marketing/campaigns/c.csv", "loaded", True, [])]


def test_the_rows_of_a_file_rejected_by_the_validators_still_count_as_loaded(
    landing: Path, warehouse: Path
):
    path = write(landing, "social_accounts/daily/a.csv",
                 DAILY_HEADER + "2026-01-01,x,9,1000,1,1,1,1\n2026-01-02,x,9,1000,1,1,1,1\n")
    with duckdb.connect(str(warehouse)) as con:
        RawLoader(con, landing, "k", validators=[no_follower_collapse]).load_table(DAILY)
        # a.csv changes into a collapse (rejected: its two rows stay); b.csv, new in the same
        # run, repeats the key of a.csv's second row: that row is loaded already
        path.write_text(DAILY_HEADER + "2026-01-01,x,9,1000,1,1,1,1\n"
                        "2026-01-02,x,9,10,1,1,1,1\n")
        write(landing, "social_accounts/daily/b.csv", DAILY_HEADER + "2026-01-02,x,9,990,1,1,1,1\n"
              "2026-01-03,x,9,995,1,1,1,1\n")
        files = RawLoader(con, landing, "k", validators=[no_follower_collapse]
                          ).load_table(DAILY).files
        assert [(f.status, f.rows_loaded, f.rows_quarantined) for f in files] == [
            ("rejected", 0, 0), ("loaded", 1, 1)]
        assert con.execute("select day(date), followers, _source_file "
                           "from raw_social_accounts.daily order by 1").fetchall() == [
            (1, 1000, "social_accounts/daily/a.csv"), (2, 1000, "social_accounts/daily/a.csv"),
            (3, 995, "social_accounts/daily/b.csv")]
        (reason,), = con.execute("select reason from raw_meta.quarantine").fetchall()
        assert "already loaded from social_accounts/daily/a.csv row 2" in reason


def test_emails_in_nested_parquet_values_are_masked_and_other_values_kept_as_landed(
    landing: Path, warehouse: Path
):
    def event(ts: int, location: str, revenue: float | None) -> dict:
        return {"event_date": "20260301", "event_timestamp": ts, "event_name": "page_view",
                "user_pseudo_id": "u1",
                "event_params": [{"key": "page_location",
                                  "value": {"string_value": location, "int_value": None,
                                            "float_value": None, "double_value": None}},
                                 {"key": "value", "value": {"string_value": None,
                                                            "int_value": 7, "float_value": None,
                                                            "double_value": 0.1}}],
                "ecommerce": {"transaction_id": "t1", "purchase_revenue": revenue}}

    _parquet(landing, "ga4/events/events_20260301.parquet", [
        event(1772323200000000, "https://x.ir/?email=sara@example.com", 1.5),
        event(1772323201000000, "https://x.ir/?u=sara%40example.com", None),
        event(1772323202000000, "https://x.ir/blog/a", 0.3)])
    with duckdb.connect(str(warehouse)) as con:
        RawLoader(con, landing, "k").load_table(GA4)
        assert con.execute(
            "select event_params[1].value.string_value, event_params[2].value.int_value, "
            "event_params[2].value.double_value, ecommerce.purchase_revenue "
            "from raw_ga4.events order by _row_number").fetchall() == [
            ("https://x.ir/?email=[email]", 7, 0.1, 1.5),
            ("https://x.ir/?u=[email]", 7, 0.1, None),
            ("https://x.ir/blog/a", 7, 0.1, 0.3)]


def test_a_changed_file_keeps_the_keys_it_holds_against_a_new_file_landed_before_it(
    landing: Path, warehouse: Path
):
    write(landing, "marketing/spend/b.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n")
    with duckdb.connect(str(warehouse)) as con:
        RawLoader(con, landing, "k").load_table(SPEND)
        # one run: a.csv (new, first in landing order) has b.csv's key; b.csv changed (a row
        # added before it) and still holds that key: b.csv keeps it
        write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c1,ads,9,USD\n"
              "2026-01-02,x,c1,ads,1,USD\n")
        write(landing, "marketing/spend/b.csv", HEADER + "2026-01-03,x,c1,ads,2,USD\n"
              "2026-01-01,x,c1,ads,5,USD\n")
        files = RawLoader(con, landing, "k").load_table(SPEND).files
        assert [(f.status, f.rows_loaded, f.rows_quarantined) for f in files] == [
            ("loaded", 1, 1), ("replaced", 2, 0)]
        assert con.execute("select day(date), amount::int, _source_file, _row_number "
                           "from raw_marketing.spend order by 1").fetchall() == [
            (1, 5, "marketing/spend/b.csv", 2), (2, 1, "marketing/spend/a.csv", 2),
            (3, 2, "marketing/spend/b.csv", 1)]
        (reason,), = con.execute("select reason from raw_meta.quarantine").fetchall()
        assert reason.endswith("already loaded from marketing/spend/b.csv row 2")


def test_a_copy_of_a_file_the_validators_rejected_is_no_duplicate(
    landing: Path, warehouse: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(loader_module, "SET_ROWS", 1)  # a set per file: a.csv written first
    collapse = DAILY_HEADER + "2026-01-02,x,9,1000,1,1,1,1\n2026-01-03,x,9,10,1,1,1,1\n"
    write(landing, "social_accounts/daily/a.csv", collapse)
    write(landing, "social_accounts/daily/b.csv", collapse)
    with duckdb.connect(str(warehouse)) as con:
        files = RawLoader(con, landing, "k", validators=[no_follower_collapse]
                          ).load_table(DAILY).files
        assert [f.status for f in files] == ["rejected", "rejected"]
        assert con.execute("select count(*) from raw_meta.loaded_files").fetchone() == (0,)
