"""Tests of the sample data generator: determinism, contract shape, and the ground truth
recomputed independently from the files with csv/json only."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from orchestration.defs.ingest.contracts import TABLES, Column
from sample_data import generate

DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


@pytest.fixture(scope="module")
def landing(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("landing")
    truth = generate(out, "small", seed=42, bad_input=True)
    return out, truth


def _bad_paths(truth: dict[str, Any]) -> set[str]:
    return {f["path"] for f in truth.get("bad_input", {}).get("files", [])}


def _clean_files(root: Path, truth: dict[str, Any], source: str, table: str) -> list[Path]:
    bad = _bad_paths(truth)
    return sorted(p for p in (root / source / table).iterdir()
                  if p.relative_to(root).as_posix() not in bad)


def _rows(root: Path, truth: dict[str, Any], source: str, table: str) -> Iterator[dict[str, Any]]:
    for path in _clean_files(root, truth, source, table):
        if path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as fh:
                yield from csv.DictReader(fh)
        else:
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    yield json.loads(line)


def _num(text: str) -> float:
    return float(text.translate(DIGITS))


def _hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_deterministic(tmp_path: Path) -> None:
    generate(tmp_path / "a", "small", seed=7)
    generate(tmp_path / "b", "small", seed=7)
    generate(tmp_path / "c", "small", seed=8)
    a, b, c = (_hashes(tmp_path / n) for n in "abc")
    assert a == b
    assert a != c


def test_every_table_has_files_with_contract_columns(landing: tuple[Path, dict[str, Any]]) -> None:
    root, truth = landing
    for t in TABLES:
        files = _clean_files(root, truth, t.source, t.name)
        assert files, f"no file for {t.source}.{t.name}"
        for path in files:
            if path.suffix == ".csv":
                with path.open(encoding="utf-8", newline="") as fh:
                    header = next(csv.reader(fh))
                assert tuple(header) == t.column_names, path
            else:
                with path.open(encoding="utf-8") as fh:
                    for line in fh:
                        assert tuple(json.loads(line)) == t.column_names, path


def test_keys_unique_across_files(landing: tuple[Path, dict[str, Any]]) -> None:
    root, truth = landing
    for t in TABLES:
        if not t.key:
            continue
        keys = Counter(tuple(str(r[k]) for k in t.key) for r in _rows(root, truth, t.source,
                                                                     t.name))
        dupes = [k for k, n in keys.items() if n > 1]
        assert not dupes, f"{t.source}.{t.name}: duplicate keys {dupes[:3]}"


def _fx(root: Path, truth: dict[str, Any]) -> dict[tuple[str, date], float]:
    return {(r["currency"], date.fromisoformat(r["date"])): float(r["rate_to_reporting_currency"])
            for r in _rows(root, truth, "marketing", "fx_rates")}


def _latest(rows: Iterator[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        synced = datetime.fromisoformat(r["_fivetran_synced"])
        cur = out.get(r[key])
        if cur is None or synced > datetime.fromisoformat(cur["_fivetran_synced"]):
            out[r[key]] = r
    return out


def _utc_day(ts: str) -> date:
    return datetime.fromisoformat(ts).astimezone(UTC).date()


def test_shop_totals_match_ground_truth(landing: tuple[Path, dict[str, Any]]) -> None:
    root, truth = landing
    fx = _fx(root, truth)
    orders = _latest(_rows(root, truth, "shopify", "order"), "id")
    live = {i: o for i, o in orders.items() if not o["cancelled_at"]}
    gross = sum(_num(o["total_price"]) * fx[(o["currency"], _utc_day(o["created_at"]))]
                for o in live.values())
    lines = {r["id"]: r for r in _rows(root, truth, "shopify", "order_line")}
    refunds = {r["id"]: r for r in _rows(root, truth, "shopify", "refund")}
    refunded = 0.0
    for r in _rows(root, truth, "shopify", "order_line_refund"):
        refund = refunds[r["refund_id"]]
        order = orders[lines[r["order_line_id"]]["order_id"]]
        assert refund["order_id"] == order["id"]
        if order["id"] in live:
            refunded += _num(r["subtotal"]) * fx[(order["currency"],
                                                  _utc_day(refund["created_at"]))]
    shop = truth["headline"]["shop"]
    assert len(live) == shop["orders"]["value"]
    assert gross == pytest.approx(shop["gross_revenue_usd"]["value"], abs=0.011)
    assert refunded == pytest.approx(shop["refunds_usd"]["value"], abs=0.011)
    assert gross - refunded == pytest.approx(shop["net_revenue_usd"]["value"], abs=0.011)
    assert refunded > 0
    # new customers: customers with a kept (non-cancelled) order, each new once, on its
    # first kept order; those whose record predates the first order are flagged
    buyers = {o["customer_id"] for o in live.values() if o["customer_id"]}
    history_start = min(datetime.fromisoformat(o["created_at"]).date() for o in orders.values())
    created = {c["id"]: datetime.fromisoformat(c["created_at"]).date()
               for c in _rows(root, truth, "shopify", "customer")}
    assert len(buyers) == shop["new_customers"]["value"]
    assert sum(1 for b in buyers if created[b] < history_start) == \
        shop["new_customers_created_before_history"]["value"] > 0
    assert len(buyers) < len(created)  # a customer whose only order is cancelled is not new
    big = [o for o in orders.values() if o["currency"] == "IRR"]
    assert big and max(_num(o["total_price"]) for o in big) > 2**31


def _params(event: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for p in event["event_params"] or []:
        v = p["value"]
        out[p["key"]] = v.get("string_value") if v.get("string_value") is not None \
            else v.get("int_value")
    return out


def test_ga4_totals_match_ground_truth(landing: tuple[Path, dict[str, Any]]) -> None:
    root, truth = landing
    sessions: set[tuple[str, int]] = set()
    engaged: set[tuple[str, int]] = set()
    organic_blog = late = purchases = 0
    txn: set[str] = set()
    for path in _clean_files(root, truth, "ga4", "events"):
        export_day = path.stem.removeprefix("events_")
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                e = json.loads(line)
                p = _params(e)
                key = (e["user_pseudo_id"], p["ga_session_id"])
                sessions.add(key)
                late += e["event_date"] < export_day
                if p.get("session_engaged") == "1":
                    engaged.add(key)
                if e["event_name"] == "session_start" and p.get("medium") == "organic":
                    organic_blog += p["page_location"].split("navacoffee.ir", 1)[1].startswith(
                        "/blog/")
                if e["event_name"] == "purchase":
                    purchases += 1
                    txn.add(e["ecommerce"]["transaction_id"])
    ga4 = truth["headline"]["ga4"]
    assert len(sessions) == ga4["sessions"]["value"]
    assert len(engaged) == ga4["engaged_sessions"]["value"]
    assert organic_blog == ga4["organic_search_blog_sessions"]["value"]
    assert late == truth["late_events"]["value"] and late > 0
    assert purchases == ga4["purchase_events"]["value"]
    order_ids = {r["id"] for r in _rows(root, truth, "shopify", "order")}
    assert txn <= order_ids
    assert 0.75 < len(txn) / len(order_ids) < 0.95


def test_marketing_listening_and_other_totals(landing: tuple[Path, dict[str, Any]]) -> None:
    root, truth = landing
    fx = _fx(root, truth)
    spend: dict[str, float] = defaultdict(float)
    for r in _rows(root, truth, "marketing", "spend"):
        spend[r["channel"]] += _num(r["amount"]) * fx[(r["currency"], date.fromisoformat(
            r["date"]))]
    hours: dict[str, float] = defaultdict(float)
    for r in _rows(root, truth, "marketing", "time_log"):
        hours[r["channel"]] += _num(r["hours"])
    per = truth["headline"]["marketing"]["per_channel"]
    for ch, v in per.items():
        assert spend[ch] == pytest.approx(v["spend_usd"], abs=0.011), ch
        assert hours[ch] == pytest.approx(v["hours"], abs=0.001), ch

    brands = Counter(r["brand"].replace("ي", "ی").replace("ك", "ک")
                     for r in _rows(root, truth, "listening", "mentions"))
    lst = truth["headline"]["listening"]
    assert dict(brands) == lst["mentions_by_brand"]["value"]
    assert any("ك" in b or "ي" in b for b in lst["raw_brand_values"])

    end = truth["generator"]["end_date"]
    own = {(r["platform"], r["account_id"]) for r in _rows(root, truth, "social_accounts",
                                                           "accounts") if r["is_own"] == "true"}
    for r in _rows(root, truth, "social_accounts", "daily"):
        if r["date"] == end and (r["platform"], r["account_id"]) in own:
            expected = truth["headline"]["followers"][r["platform"]]["followers_at_end"]
            assert int(r["followers"]) == expected

    csat = [int(r["csat_score"]) for r in _rows(root, truth, "surveys", "csat")
            if r["csat_score"]]
    assert sum(s >= 4 for s in csat) / len(csat) == pytest.approx(
        truth["headline"]["surveys"]["csat"]["value"], abs=1e-6)
    active = {(r["referring_url"], r["target_url"]) for r in _rows(root, truth, "seo",
                                                                  "backlinks") if not r["lost_at"]}
    assert len(active) == truth["headline"]["seo"]["active_backlinks_at_end"]["value"]

    # the brands table names every brand with its web domain; the own domain is the one the
    # SEO export covers
    brands = {r["brand"]: r for r in _rows(root, truth, "social_accounts", "brands")}
    assert set(brands) == set(lst["mentions_by_brand"]["value"])
    own_brands = [b for b, r in brands.items() if r["is_own"] == "true"]
    assert own_brands == [lst["own_brand"]]
    targets = {r["target_domain"] for r in _rows(root, truth, "seo", "backlinks")}
    assert targets == {brands[own_brands[0]]["website_domain"]}
    subscribers = defaultdict(int)
    for r in _rows(root, truth, "blog", "subscribers_daily"):
        if r["date"] == end:
            subscribers[r["brand"] or own_brands[0]] += int(_num(r["subscribers_total"]))
    assert dict(subscribers) == truth["headline"]["blog_subscribers_by_brand"]["value"]


def test_bad_input_manifest(landing: tuple[Path, dict[str, Any]]) -> None:
    root, truth = landing
    bad = truth["bad_input"]
    kinds = {f["kind"] for f in bad["files"]}
    assert {"malformed_csv_rows", "wrong_types", "duplicate_rows", "missing_required_column",
            "unknown_extra_columns", "non_utf8_encoding", "negative_counts", "future_dates",
            "empty_file", "malformed_json_line"} <= kinds
    for f in bad["files"]:
        assert (root / f["path"]).is_file(), f["path"]
    assert (root / "seo/backlinks/bad_empty.csv").stat().st_size == 0
    by_key = {(t.source, t.name): t for t in TABLES}
    for table, added in bad["good_rows_added"].items():
        t = by_key[tuple(table.split("."))]  # type: ignore[index]
        clean = {tuple(str(r[k]) for k in t.key) for r in _rows(root, truth, t.source, t.name)}
        for row in added["rows"]:  # an optional key column a file lacks is empty
            assert tuple(str(row.get(k, "")) for k in t.key) not in clean


def _check_value(col: Column, value: object, now: datetime) -> str | None:
    """Why ``value`` breaks the contract column ``col`` (None when it passes)."""
    if value is None or value == "":
        return "null in a not-null column" if col.not_null else None
    if col.type.startswith("STRUCT") or col.type.endswith("[]") or col.type == "JSON":
        if isinstance(value, str) and col.type == "JSON":
            json.loads(value)
        return None
    text = str(value).translate(DIGITS) if not isinstance(value, bool) else value
    number: float | None = None
    if col.type == "BIGINT":
        number = int(text)
    elif col.type in ("DOUBLE",) or col.type.startswith("DECIMAL"):
        number = float(text)
    elif col.type == "BOOLEAN":
        if value not in (True, False, "true", "false"):
            return "not a boolean"
    elif col.type == "DATE":
        if date.fromisoformat(str(value)) > now.date():
            return "future date" if col.not_future else None
    elif col.type == "TIMESTAMPTZ":
        ts = datetime.fromisoformat(str(value))
        if ts.tzinfo is None:
            return "timestamp without offset"
        if col.not_future and ts > now:
            return "future timestamp"
    if number is not None:
        if col.non_negative and number < 0:
            return "negative"
        if col.min_value is not None and number < col.min_value:
            return "below min"
        if col.max_value is not None and number > col.max_value:
            return "above max"
    if col.accepted is not None and value not in col.accepted:
        return "not accepted"
    if col.pattern is not None and not re.match(col.pattern, str(value)):
        return "pattern"
    return None


def test_clean_values_pass_contract_rules(landing: tuple[Path, dict[str, Any]]) -> None:
    root, truth = landing
    # nothing may lie after the generated period (the loader rejects future values)
    end = date.fromisoformat(truth["generator"]["end_date"])
    now = datetime(end.year, end.month, end.day, 23, 59, 59, tzinfo=UTC)
    for t in TABLES:
        for row in _rows(root, truth, t.source, t.name):
            for col in t.columns:
                problem = _check_value(col, row.get(col.name), now)
                assert problem is None, f"{t.source}.{t.name}.{col.name}={row.get(col.name)!r}"
