"""What the loader does with the landing folder itself: links, folders no table reads, files
still being written, files deleted or emptied after they loaded. Tiny hand-made fixtures; the
expected figures are counted by hand."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.conftest import materialized, write

SPEND = ("marketing", "spend")
HEADER = "date,channel,campaign,cost_category,amount,currency\n"


def _audit(query, source_file: str) -> list[tuple]:
    return query("select status, rows_loaded, message from raw_meta.load_audit "
                 f"where source_file = '{source_file}' order by finished_at")


def test_a_link_pointing_outside_the_landing_folder_is_never_followed(
    tmp_path: Path, landing: Path, load, query
):
    outside = write(tmp_path, "elsewhere/secret.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n")
    write(landing, "marketing/spend/good.csv", HEADER + "2026-01-02,x,c2,ads,7,USD\n")
    (landing / "marketing/spend/link.csv").symlink_to(outside)
    # a whole table folder linked outside is not followed either
    write(tmp_path, "elsewhere/fx/r.csv", "date,currency,rate_to_reporting_currency\n"
          "2026-01-01,EUR,1.1\n")
    (landing / "marketing/fx_rates").symlink_to(tmp_path / "elsewhere/fx")
    # a link to another file inside the landing folder is fine
    (landing / "marketing/spend/inside.csv").symlink_to(landing / "marketing/spend/good.csv")
    result = load([SPEND, ("marketing", "fx_rates")])
    assert result.success
    assert query("select campaign from raw_marketing.spend") == [("c2",)]
    assert query("select count(*) from raw_marketing.fx_rates") == [(0,)]
    (status, loaded, message), = _audit(query, "marketing/spend/link.csv")
    assert (status, loaded) == ("rejected", 0)
    assert "outside the landing folder" in message and "not followed" in message
    assert _audit(query, "marketing/fx_rates/r.csv")[0][0] == "rejected"
    assert _audit(query, "marketing/spend/inside.csv")[0][0] == "duplicate"
    assert materialized(result, SPEND)["files_rejected"] == 1


def test_a_header_only_file_lacking_a_required_column_is_rejected(landing: Path, load, query):
    write(landing, "marketing/spend/h.csv", "date,channel,campaign,cost_category,currency\n")
    write(landing, "marketing/spend/ok.csv", HEADER)
    result = load([SPEND])
    assert result.success
    assert query("select status, rejected_column from raw_meta.load_audit "
                 "order by source_file") == [("rejected", "amount"), ("empty", None)]
    assert materialized(result, SPEND)["files_rejected"] == 1


def test_a_loaded_file_replaced_by_an_empty_one_keeps_its_rows_and_is_reported(
    landing: Path, load, query
):
    write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n"
          "2026-01-02,x,c1,ads,6,USD\n")
    write(landing, "marketing/spend/b.csv", HEADER + "2026-01-03,x,c1,ads,7,USD\n")
    assert load([SPEND]).success
    write(landing, "marketing/spend/a.csv", "")  # an interrupted copy
    write(landing, "marketing/spend/b.csv", HEADER)  # a header only
    result = load([SPEND])
    assert result.success
    assert query("select sum(amount)::int from raw_marketing.spend") == [(18,)]
    for name, rows in (("a.csv", 2), ("b.csv", 1)):
        status, _loaded, message = _audit(query, f"marketing/spend/{name}")[-1]
        assert status == "rejected" and f"the {rows} row(s) it loaded are held" in message
    assert materialized(result, SPEND)["files_rejected"] == 2
    # held on every run until the file is fixed
    assert load([SPEND]).success
    assert query("select count(*) from raw_marketing.spend") == [(3,)]


def test_an_empty_replacement_is_accepted_when_the_setting_says_so(
    landing: Path, load, query, monkeypatch: pytest.MonkeyPatch
):
    write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n")
    assert load([SPEND]).success
    monkeypatch.setenv("ACCEPT_EMPTY_REPLACEMENTS", "true")
    write(landing, "marketing/spend/a.csv", HEADER)
    assert load([SPEND]).success
    assert query("select count(*) from raw_marketing.spend") == [(0,)]
    assert _audit(query, "marketing/spend/a.csv")[-1][0] == "empty"


def test_a_deleted_file_takes_its_rows_with_it(landing: Path, load, query):
    a = write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n"
              "2026-01-02,x,c1,ads,-1,USD\n" + "bad,row\n")
    write(landing, "marketing/spend/b.csv", HEADER + "2026-01-03,x,c1,ads,7,USD\n")
    assert load([SPEND]).success
    assert query("select count(*) from raw_meta.quarantine") == [(2,)]
    a.unlink()
    result = load([SPEND])
    assert result.success
    assert query("select day(date) from raw_marketing.spend") == [(3,)]
    assert query("select count(*) from raw_meta.quarantine") == [(0,)]
    assert query("select source_file from raw_meta.loaded_files") == [
        ("marketing/spend/b.csv",)]
    status, loaded, message = _audit(query, "marketing/spend/a.csv")[-1]
    assert (status, loaded) == ("removed", 0)
    assert "deleted from the landing folder" in message
    assert "its 1 row(s) and 2 quarantine" in message
    assert materialized(result, SPEND)["files_removed"] == 1
    # said once
    assert load([SPEND]).success
    assert len(_audit(query, "marketing/spend/a.csv")) == 2


def test_a_deleted_file_keeps_its_rows_when_the_setting_says_so(
    landing: Path, load, query, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("DELETED_FILES", "keep")
    a = write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n")
    assert load([SPEND]).success
    a.unlink()
    assert load([SPEND]).success
    assert load([SPEND]).success
    assert query("select count(*) from raw_marketing.spend") == [(1,)]
    assert [r[0] for r in _audit(query, "marketing/spend/a.csv")] == ["loaded", "deleted_kept"]


def test_a_file_modified_in_the_last_seconds_waits_for_the_next_run(
    landing: Path, load, query, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("LANDING_SETTLE_SECONDS", "60")
    old = write(landing, "marketing/spend/old.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n")
    fresh = write(landing, "marketing/spend/fresh.csv", HEADER + "2026-01-02,x,c1,ads,6,")
    two_minutes_ago = time.time() - 120
    os.utime(old, (two_minutes_ago, two_minutes_ago))
    result = load([SPEND])
    assert result.success
    assert query("select day(date) from raw_marketing.spend") == [(1,)]
    status, _loaded, message = _audit(query, "marketing/spend/fresh.csv")[-1]
    assert status == "pending" and "left for the next run" in message
    assert materialized(result, SPEND)["files_pending"] == 1
    # the copy finishes; a minute later it loads
    write(landing, "marketing/spend/fresh.csv", HEADER + "2026-01-02,x,c1,ads,6,USD\n")
    os.utime(fresh, (two_minutes_ago, two_minutes_ago))
    assert load([SPEND]).success
    assert query("select day(date) from raw_marketing.spend order by 1") == [(1,), (2,)]


def test_files_in_a_folder_no_table_reads_are_reported(landing: Path, load, query, warehouse):
    import duckdb

    from orchestration.summary import find_problems

    write(landing, "shopify/orders/o.csv", "id\n1\n")
    write(landing, "shopify/orders/p.csv", "id\n2\n")
    write(landing, "shopfy/order/o.csv", "id\n1\n")
    write(landing, "marketing/spend.csv", HEADER)  # a file where a table folder belongs
    write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n")
    write(landing, "shopify/notes.txt", "not data")
    write(landing, "marketing/.DS_Store", "hidden")
    # names starting with _ are markers and notes, not data (Spark's _SUCCESS, a sidecar)
    write(landing, "_ground_truth.json", "{}")
    write(landing, "marketing/spend/_SUCCESS.csv", "")
    result = load([SPEND])
    assert result.success
    rows = query("select source_file, message from raw_meta.load_audit "
                 "where status = 'unread' order by 1")
    assert [r[0] for r in rows] == ["marketing/spend.csv", "shopfy/", "shopify/orders/"]
    assert "1 file(s)" in rows[1][1] and "did you mean shopify/" in rows[1][1]
    assert "2 file(s)" in rows[2][1] and "did you mean shopify/order/" in rows[2][1]
    # said once per run, and again on the next run while the files are still there
    second = load([SPEND, ("marketing", "fx_rates")])
    assert query("select count(*) from raw_meta.load_audit where status = 'unread'") == [(6,)]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        text = find_problems(con, second).render()
    assert "shopify/orders/" in text and "no table reads" in text


def test_a_missing_landing_folder_is_not_taken_for_deleted_files(
    landing: Path, load, query
):
    """An unmounted share or a wrong LANDING_DIR must not wipe the warehouse."""
    write(landing, "marketing/spend/a.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n")
    assert load([SPEND]).success
    landing.rename(landing.with_name("moved"))
    assert load([SPEND]).success
    assert query("select count(*) from raw_marketing.spend") == [(1,)]
    assert query("select count(*) from raw_meta.load_audit where status = 'removed'") == [(0,)]
