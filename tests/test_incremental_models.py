"""Incremental models keyed by an entity (a post, an order, a touch) proven equal to a full
refresh: the sample's last days arrive one refresh at a time, with the mess real connectors
send between them (a restated snapshot of an old post, a comment on an old post, a statistic
whose link to its post arrives a day after the statistic; a late refund of an old order, an
old order cancelled by a later version, a purchase event a day late, an FX sheet exported
again with a corrected rate). After every refresh, the models must hold exactly what a full
refresh of the same raw tables builds."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from benchmarks.samples import data_files, held_back, link_files
from orchestration.defs.ingest.contracts import TABLES_BY_KEY
from orchestration.defs.ingest.loader import RawLoader
from sample_data import generate
from tests.conftest import csv_text, jsonl_text, run_dbt, write

END = date(2026, 11, 1)
SOURCES = ("facebook_pages", "instagram_business", "linkedin_pages", "social_comments")
MODELS = (
    "intermediate.int_facebook_post_metrics_differenced",
    "intermediate.int_instagram_post_metrics_differenced",
    "intermediate.int_linkedin_post_metrics_differenced",
)
SELECTION = " ".join(f"+{m.split('.')[1]}" for m in MODELS)
REKEYED_STATISTIC = "stat-rekeyed-1"
REKEYED_POST = "9990000000000000001"


# the orders' calendar spans every source's dates: every source is loaded
SALES_SOURCES = tuple(sorted({source for source, _ in TABLES_BY_KEY}))
SALES_MODELS = (
    "intermediate.int_orders_enriched",
    "intermediate.int_touches_classified",
    "intermediate.int_journey_touches_assembled",
    "intermediate.int_attribution_credits_allocated",
)


def _load(landing: Path, warehouse: Path, sources: tuple[str, ...] = SOURCES) -> None:
    with duckdb.connect(str(warehouse)) as con:
        loader = RawLoader(con, landing, "test-key")
        for (source, _), table in TABLES_BY_KEY.items():
            if source in sources:
                loader.load_table(table)


def _build(warehouse: Path, target: Path, *extra: str, models: tuple[str, ...] = MODELS) -> None:
    selection = " ".join(f"+{m.split('.')[1]}" for m in models)
    run_dbt(warehouse, target, "build", "--select", selection, "--indirect-selection",
            "cautious", "--exclude-resource-type", "unit_test", *extra)


def _rows(warehouse: Path, models: tuple[str, ...] = MODELS) -> dict[str, list[tuple]]:
    """Every row of each model, sorted; `_built_at` (when the row was written) left out, and
    credits rounded to 1e-12 (a window's float sum differs in its last bits between runs)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = {}
        for model in models:
            columns = [c for (c,) in con.execute(
                "select column_name from information_schema.columns where table_schema = ? "
                "and table_name = ? and column_name != '_built_at' order by ordinal_position",
                model.split(".")).fetchall()]
            listed = ", ".join(f"round({c}, 12)" if c == "credit" else c for c in columns)
            rows[model] = sorted(con.execute(f"select {listed} from {model}").fetchall(),
                                 key=repr)
        return rows


def _assert_equals_full_refresh(warehouse: Path, target: Path,
                                models: tuple[str, ...]) -> None:
    """The models as the incremental refreshes left them equal a full refresh of a copy of the
    same warehouse (compared after every refresh: a later refresh that rebuilds everything,
    e.g. for a new FX rate, would hide an earlier wrong one)."""
    copy = warehouse.with_name("full-refresh.duckdb")
    shutil.copy(warehouse, copy)
    _build(copy, target, "--full-refresh", models=models)
    incremental, full = _rows(warehouse, models), _rows(copy, models)
    for model in models:
        assert incremental[model] == full[model], model


def _is_linked(warehouse: Path, transaction_id: str) -> bool | None:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute("select is_linked_to_ga4 from intermediate.int_orders_enriched "
                          "where transaction_id = ?", [transaction_id]).fetchone()
    return None if row is None else bool(row[0])


def _first_days(generated: Path, landing: Path) -> tuple[list[date], dict[date, list[Path]]]:
    """Link every data file but the last three days' daily files into ``landing``; return
    those days and their files."""
    days = [END - timedelta(days=n) for n in (2, 1, 0)]
    later = {day: held_back(generated, day) for day in days}
    first = sorted(set(data_files(generated)) - {p for files in later.values() for p in files})
    link_files(generated, landing, first)
    return days, later


def _csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _linkedin_keys(warehouse: Path) -> set[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {k for (k,) in con.execute(f"select distinct post_id from {MODELS[2]}").fetchall()}


def _first_row(landing: Path, folder: str) -> dict:
    first = sorted((landing / folder).iterdir())[0]
    return json.loads(first.read_text(encoding="utf-8").splitlines()[0])


def test_post_metrics_incremental_equals_full_refresh(tmp_path: Path) -> None:
    generated, landing = tmp_path / "generated", tmp_path / "landing"
    warehouse, target = tmp_path / "warehouse.duckdb", tmp_path / "target"
    generate(generated, "small", seed=5, end_date=END)
    days, later = _first_days(generated, landing)
    _load(landing, warehouse)
    _build(warehouse, target, "--full-refresh")

    # day 1, with a LinkedIn statistic that names no post (no share URN, no link yet). The
    # landing contract requires the URN: such a row comes from a connector's own table (the
    # ELT path), written here into the raw table as that tool would write it
    link_files(generated, landing, later[days[0]])
    _load(landing, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "insert into raw_linkedin_pages.share_statistic by name "
            "select * replace (? as _fivetran_id, null as _share_entity_urn, "
            "current_timestamp as _loaded_at) "
            "from raw_linkedin_pages.share_statistic limit 1", [REKEYED_STATISTIC])
    _build(warehouse, target)
    _assert_equals_full_refresh(warehouse, target, MODELS)
    assert REKEYED_STATISTIC in _linkedin_keys(warehouse)

    # day 2, with the statistic's link to its post, and a restated snapshot of the oldest
    # Facebook post's first day (a later sync of that date, more likes)
    link_files(generated, landing, later[days[1]])
    write(landing, "linkedin_pages/ugc_post_share_statistic/rekeyed.jsonl", jsonl_text([{
        "share_statistic_id": REKEYED_STATISTIC,
        "ugc_post_id": f"urn:li:ugcPost:{REKEYED_POST}"}]))
    snapshot = _first_row(generated, "facebook_pages/lifetime_post_metrics_total")
    write(landing, "facebook_pages/lifetime_post_metrics_total/restated.jsonl", jsonl_text([{
        **snapshot,
        "post_reactions_like_total": (snapshot["post_reactions_like_total"] or 0) + 7,
        "_fivetran_synced": f"{snapshot['date']}T23:59:00Z"}]))
    _load(landing, warehouse)
    _build(warehouse, target)
    _assert_equals_full_refresh(warehouse, target, MODELS)
    assert REKEYED_STATISTIC not in _linkedin_keys(warehouse)
    assert REKEYED_POST in _linkedin_keys(warehouse)

    # day 3: that day's Facebook syncs leave out the oldest post, and a late comment on it
    # arrives (only the comment can tell the refresh to rebuild that post)
    quiet = snapshot
    for relative in later[days[2]]:
        if relative.parts[0] != "facebook_pages":
            link_files(generated, landing, [relative])
            continue
        lines = (generated / relative).read_text(encoding="utf-8").splitlines(keepends=True)
        write(landing, str(relative), "".join(
            line for line in lines if f'"{quiet["post_id"]}"' not in line))
    write(landing, "social_comments/comments/comments_late.jsonl", jsonl_text([{
        "platform": "facebook", "comment_id": "late-1", "post_id": quiet["post_id"],
        "parent_comment_id": None, "created_at": f"{quiet['date']}T09:00:00Z",
        "author_id": "c1", "text": "late", "like_count": 0, "is_from_owner": False}]))
    _load(landing, warehouse)
    _build(warehouse, target)
    _assert_equals_full_refresh(warehouse, target, MODELS)
    # the late comment reached its post's day (else the comparison proves nothing about it)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        commented = con.execute(
            f"select comment_count from {MODELS[0]} where post_id = ? and metric_date = ?",
            [quiet["post_id"], quiet["date"]]).fetchall()
    assert commented and commented[0][0] >= 1


def test_orders_and_attribution_incremental_equal_full_refresh(tmp_path: Path) -> None:
    generated, landing = tmp_path / "generated", tmp_path / "landing"
    warehouse, target = tmp_path / "warehouse.duckdb", tmp_path / "target"
    generate(generated, "small", seed=5, end_date=END)
    days, later = _first_days(generated, landing)

    def refresh(*extra: str) -> None:
        _load(landing, warehouse, SALES_SOURCES)
        _build(warehouse, target, *extra, models=SALES_MODELS)
        if not extra:
            _assert_equals_full_refresh(warehouse, target, SALES_MODELS)

    refresh("--full-refresh")
    orders = [row for path in sorted((generated / "shopify" / "order").iterdir())
              for row in _csv_rows(path)]
    oldest = orders[0]
    # a customer with two orders or more: cancelling the first changes which one is new
    by_customer: dict[str, list[dict[str, str]]] = {}
    for row in orders:
        if row["customer_id"]:
            by_customer.setdefault(row["customer_id"], []).append(row)
    repeat = next(rows for rows in by_customer.values() if len(rows) >= 2)
    line = next(row for path in sorted((generated / "shopify" / "order_line").iterdir())
                for row in _csv_rows(path) if row["order_id"] == oldest["id"])

    # day 1, with a late refund of the oldest order, and without the GA4 purchase event of one
    # of the day's orders (it arrives a day late: the order goes from unlinked to linked)
    late_purchase = ""
    for relative in later[days[0]]:
        if relative.parts[:2] != ("ga4", "events"):
            link_files(generated, landing, [relative])
            continue
        lines = (generated / relative).read_text(encoding="utf-8").splitlines(keepends=True)
        late_purchase = next(line for line in lines
                             if json.loads(line)["event_name"] == "purchase")
        write(landing, str(relative), "".join(line for line in lines if line != late_purchase))
    assert late_purchase
    write(landing, "shopify/refund/refund_late.csv", csv_text([{
        "id": "9299999999991", "order_id": oldest["id"],
        "created_at": f"{days[0]}T10:00:00+03:30"}]))
    write(landing, "shopify/order_line_refund/order_line_refund_late.csv", csv_text([{
        "id": "9699999999991", "refund_id": "9299999999991", "order_line_id": line["id"],
        "quantity": "1", "subtotal": line["price"]}]))
    refresh()
    transaction = json.loads(late_purchase)["ecommerce"]["transaction_id"]
    assert _is_linked(warehouse, transaction) is False

    # day 2, with the late purchase event, and a new version of the repeat customer's first
    # order: cancelled
    link_files(generated, landing, later[days[1]])
    write(landing, f"ga4/events/events_{days[1]:%Y%m%d}_late.jsonl", late_purchase)
    write(landing, "shopify/order/order_cancelled_late.csv", csv_text([{
        **repeat[0], "cancelled_at": f"{days[1]}T09:00:00+03:30",
        "financial_status": "voided", "_fivetran_synced": f"{days[1]}T09:05:00+03:30"}]))
    refresh()
    assert _is_linked(warehouse, transaction) is True

    # day 3, with the FX sheet of the oldest order's UTC date exported again, its rate for the
    # order's currency on that date corrected (the loader replaces a re-landed file's rows)
    link_files(generated, landing, later[days[2]])
    utc_day = datetime.fromisoformat(oldest["created_at"]).astimezone(UTC).date().isoformat()
    sheet = next(path for path in sorted((generated / "marketing" / "fx_rates").iterdir())
                 if any(row["date"] == utc_day for row in _csv_rows(path)))
    rates = _csv_rows(sheet)
    rate = next(row for row in rates
                if row["date"] == utc_day and row["currency"] == oldest["currency"])
    corrected_rate = float(rate["rate_to_reporting_currency"]) * 1.5
    rate["rate_to_reporting_currency"] = repr(corrected_rate)
    relanded = landing / sheet.relative_to(generated)
    relanded.unlink()  # a hard link into the generated sample: never write through it
    write(landing, str(sheet.relative_to(generated)), csv_text(rates))
    refresh()
    # the mess reached the models (else the comparison proves nothing about it)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        refunded = con.execute(
            "select refund_count, order_fx_rate from intermediate.int_orders_enriched "
            "where order_id = ?", [int(oldest["id"])]).fetchall()
        numbers = con.execute(
            "select order_id, is_cancelled, customer_order_number "
            "from intermediate.int_orders_enriched where list_contains(?, order_id) "
            "order by created_at, order_id", [[int(row["id"]) for row in repeat]]).fetchall()
    assert refunded and refunded[0][0] >= 1
    assert refunded[0][1] == pytest.approx(corrected_rate)
    assert numbers[0][1] is True and numbers[0][2] is None
    assert numbers[1][2] == 1
