"""End to end: generate `small` data, materialise every raw asset with Dagster into a real
DuckDB file, and reconcile the warehouse with figures computed here from the files alone."""

from __future__ import annotations

import csv
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import pyarrow.parquet as pq
import pytest

from orchestration.defs.ingest.assets import FILES_CHECK, raw_assets
from orchestration.defs.ingest.contracts import TABLES
from orchestration.defs.resources import resources
from sample_data import generate
from tests.conftest import failure_message

DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫٬", "01234567890123456789. ")


def _records(path: Path) -> list[dict[str, Any]]:
    """The data rows of one landing file, read with nothing but the standard library."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pylist()
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _files(landing: Path, source: str, table: str) -> list[Path]:
    folder = landing / source / table
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _number(text: Any) -> Decimal:
    return Decimal(str(text).translate(DIGITS).replace(" ", ""))


def _materialise(landing: Path, warehouse: Path) -> dg.ExecuteInProcessResult:
    return dg.materialize(raw_assets(), resources=resources(warehouse, landing),
                          raise_on_error=False)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, duckdb.DuckDBPyConnection]:
    root = tmp_path_factory.mktemp("clean")
    landing, warehouse = root / "landing", root / "warehouse.duckdb"
    generate(landing, "small", seed=7)
    result = _materialise(landing, warehouse)
    assert result.success, failure_message(result)
    con = duckdb.connect(str(warehouse), read_only=True)
    yield landing, con
    con.close()


def test_every_landed_row_is_loaded(clean):
    landing, con = clean
    for table in TABLES:
        expected = sum(len(_records(p)) for p in _files(landing, table.source, table.name))
        assert expected > 0, f"the generator wrote no rows for {table.qualified}"
        (loaded,) = con.execute(f"select count(*) from {table.qualified}").fetchone()
        assert loaded == expected, table.qualified
    assert con.execute("select count(*) from raw_meta.quarantine").fetchone() == (0,)
    assert con.execute("select count(*) from raw_meta.load_audit "
                       "where rows_landed <> rows_loaded + rows_quarantined").fetchone() == (0,)
    files = sum(len(_files(landing, t.source, t.name)) for t in TABLES)
    assert con.execute("select count(*) from raw_meta.loaded_files").fetchone() == (files,)


def test_money_and_counts_reconcile_with_the_files(clean):
    landing, con = clean
    totals: Counter[str] = Counter()
    for path in _files(landing, "shopify", "order"):
        for row in _records(path):
            totals[row["currency"].upper()] += _number(row["total_price"])
    got = dict(con.execute("select upper(currency), sum(total_price) from raw_shopify.order "
                           "group by 1").fetchall())
    assert got == dict(totals)
    assert any(v > 2**31 for v in got.values()), "IRR amounts exceed 32-bit integers"

    spend: Counter[str] = Counter()
    for path in _files(landing, "marketing", "spend"):
        for row in _records(path):
            spend[row["currency"]] += _number(row["amount"])
    assert dict(con.execute("select currency, sum(amount) from raw_marketing.spend "
                            "group by 1").fetchall()) == dict(spend)

    hours = sum(_number(r["hours"]) for p in _files(landing, "marketing", "time_log")
                for r in _records(p))
    (loaded_hours,) = con.execute("select sum(hours) from raw_marketing.time_log").fetchone()
    assert Decimal(str(loaded_hours)).quantize(Decimal("0.001")) == hours.quantize(
        Decimal("0.001"))

    events: Counter[str] = Counter()
    revenue = Decimal(0)
    for path in _files(landing, "ga4", "events"):
        for event in _records(path):
            events[event["event_name"]] += 1
            if event["event_name"] == "purchase":
                revenue += Decimal(str(event["ecommerce"]["purchase_revenue"]))
    assert dict(con.execute("select event_name, count(*) from raw_ga4.events group by 1"
                            ).fetchall()) == dict(events)
    (loaded_revenue,) = con.execute("select sum(ecommerce.purchase_revenue) from raw_ga4.events "
                                    "where event_name = 'purchase'").fetchone()
    assert round(Decimal(str(loaded_revenue)), 2) == round(revenue, 2)

    likes = sum(int(r["like_count"]) for p in _files(landing, "social_comments", "comments")
                for r in _records(p) if r.get("like_count") is not None)
    assert con.execute("select sum(like_count) from raw_social_comments.comments").fetchone() == (
        likes,)


def test_personal_data_never_reaches_the_warehouse(clean):
    landing, con = clean
    emails = {r["email"].strip().lower() for p in _files(landing, "shopify", "customer")
              for r in _records(p) if r.get("email")}
    assert emails
    stored = {r[0] for r in con.execute("select email from raw_shopify.customer").fetchall()}
    assert not emails & stored
    assert all(len(v) == 64 for v in stored if v is not None)


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("bad")
    landing, warehouse = root / "landing", root / "warehouse.duckdb"
    truth = generate(landing, "small", seed=7, bad_input=True)
    result = _materialise(landing, warehouse)
    con = duckdb.connect(str(warehouse), read_only=True)
    yield landing, truth, result, con
    con.close()


def test_bad_input_goes_where_the_ground_truth_says(bad):
    _, truth, result, con = bad
    manifest = truth["bad_input"]["files"]
    assert {f["kind"] for f in manifest} >= {
        "malformed_csv_rows", "wrong_types", "duplicate_rows", "missing_required_column",
        "unknown_extra_columns", "non_utf8_encoding", "negative_counts", "future_dates",
        "empty_file", "malformed_json_line"}
    # rejected files fail their raw table's ERROR check, never the run
    assert result.success, failure_message(result)
    failed = [c for c in result.get_asset_check_evaluations()
              if c.check_name == FILES_CHECK and not c.passed]
    message = "\n".join(c.description or "" for c in failed)
    for entry in manifest:
        path, (source, table) = entry["path"], entry["table"].split(".")
        status, landed, loaded, quarantined, nulled = con.execute(
            "select status, rows_landed, rows_loaded, rows_quarantined, values_nulled "
            "from raw_meta.load_audit where source_file = ?", [path]).fetchone()
        rows = con.execute("select row_number, column_name, action from raw_meta.quarantine "
                           "where source_file = ? order by row_number", [path]).fetchall()
        if entry["outcome"] in ("rows_quarantined", "values_nulled"):
            expected = [(r["row"], r["column"], r["action"]) for r in entry["rows"]]
            if entry["kind"] == "duplicate_rows":  # the loader names the key it compared
                expected = [(r["row"], "response_id", r["action"]) for r in entry["rows"]]
            assert rows == expected, path
            whole = sum(1 for r in entry["rows"] if r["action"] == "row_quarantined")
            assert (status, loaded, quarantined, nulled) == (
                "loaded", entry["good_rows"], whole, len(expected) - whole), path
            assert landed == loaded + quarantined
        elif entry["outcome"] in ("rejected", "encoding"):
            assert status == "rejected" and rows == [] and path in message, path
            if entry["outcome"] == "rejected":
                assert entry["column"] in message
            (left,) = con.execute(f'select count(*) from "raw_{source}"."{table}" '
                                  "where _source_file = ?", [path]).fetchone()
            assert left == 0
        elif entry["outcome"] == "loaded":
            assert (status, loaded, quarantined) == ("loaded", entry["good_rows"], 0)
        else:
            assert (entry["outcome"], status, landed) == ("empty", "empty", 0)


def test_bad_input_loses_no_good_row(bad, clean):
    _, truth, _, con = bad
    _, clean_con = clean
    added = truth["bad_input"]["good_rows_added"]
    for table in TABLES:
        (got,) = con.execute(f"select count(*) from {table.qualified}").fetchone()
        (base,) = clean_con.execute(f"select count(*) from {table.qualified}").fetchone()
        extra = added.get(f"{table.source}.{table.name}", {}).get("count", 0)
        assert got == base + extra, table.qualified
