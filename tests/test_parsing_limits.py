"""Parsing: long CSV text fields, and JSON objects whose keys cannot be columns (an empty key,
keys differing only by case) reject that one file, never the rest of the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import materialized, write

CSAT = ("surveys", "csat")
CSAT_HEADER = "response_id,submitted_at,customer_ref,csat_score,comment\n"
SPEND = ("marketing", "spend")
FX = ("marketing", "fx_rates")


def test_a_long_csv_text_field_loads(landing: Path, load, query):
    comment = "خیلی خوب بود " * 20_000  # 260,000 characters, over Python's 128 KB default
    write(landing, "surveys/csat/r.csv", CSAT_HEADER
          + f'r1,2026-01-01T10:00:00Z,C1,4,"{comment}"\n'
          + "r2,2026-01-01T11:00:00Z,C2,5,short\n")
    assert load([CSAT]).success
    assert query("select response_id, length(comment) from raw_surveys.csat order by 1") == [
        ("r1", len(comment)), ("r2", 5)]
    assert query("select count(*) from raw_meta.quarantine") == [(0,)]


def test_a_csv_field_over_the_limit_is_quarantined_naming_the_limit(
    landing: Path, load, query, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("CSV_MAX_FIELD_CHARS", "1000")
    write(landing, "surveys/csat/r.csv", CSAT_HEADER
          + f'r1,2026-01-01T10:00:00Z,C1,4,"{"x" * 1001}"\n'
          + f'r2,2026-01-01T11:00:00Z,C2,5,"{"y" * 1000}"\n')
    assert load([CSAT]).success
    assert query("select response_id from raw_surveys.csat") == [("r2",)]
    (row, reason), = query("select row_number, reason from raw_meta.quarantine")
    assert row == 1 and "CSV_MAX_FIELD_CHARS" in reason and "1,000 characters" in reason


@pytest.mark.parametrize("keys", [('"campaign"', '"Campaign"'), ('"campaign"', '""')])
def test_json_keys_that_cannot_be_columns_reject_only_that_file(
    landing: Path, load, query, keys: tuple[str, str]
):
    first, second = keys
    write(landing, "marketing/spend/bad.jsonl",
          '{"date": "2026-01-01", "channel": "x", ' + first + ': "c1", '
          + second + ': "c2", "cost_category": "ads", "amount": 5, "currency": "USD"}\n')
    write(landing, "marketing/spend/good.jsonl",
          '{"date": "2026-01-02", "channel": "x", "campaign": "c3", "cost_category": "ads", '
          '"amount": 7, "currency": "USD"}\n')
    write(landing, "marketing/fx_rates/r.csv", "date,currency,rate_to_reporting_currency\n"
          "2026-01-01,EUR,1.1\n")
    result = load([SPEND, FX])
    assert result.success
    assert query("select campaign from raw_marketing.spend") == [("c3",)]
    assert query("select currency from raw_marketing.fx_rates") == [("EUR",)]
    (status, message), = query("select status, message from raw_meta.load_audit "
                               "where source_file = 'marketing/spend/bad.jsonl'")
    assert status == "rejected" and "line 1" in message
    assert ("differ only by case" in message) if second == '"Campaign"' else (
        "empty key" in message)
    assert materialized(result, SPEND)["files_rejected"] == 1
