"""Values: non-finite numbers never reach a DOUBLE column; a timestamp without an offset is
read in the zone its source documents, or quarantined."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write

FX = ("marketing", "fx_rates")


def test_non_finite_numbers_are_quarantined_from_double_columns(landing: Path, load, query):
    write(landing, "marketing/fx_rates/r.csv", "date,currency,rate_to_reporting_currency\n"
          "2026-01-01,EUR,NaN\n2026-01-02,EUR,inf\n2026-01-03,EUR,-Infinity\n"
          "2026-01-04,EUR,1e400\n2026-01-05,EUR,1.1\n")
    write(landing, "marketing/fx_rates/r.jsonl",
          '{"date": "2026-02-01", "currency": "GBP", "rate_to_reporting_currency": 1e400}\n'
          '{"date": "2026-02-02", "currency": "GBP", "rate_to_reporting_currency": 1.25}\n')
    assert load([FX]).success
    assert query("select day(date), rate_to_reporting_currency from raw_marketing.fx_rates "
                 "order by date") == [(5, 1.1), (2, 1.25)]
    rows = query("select source_file, row_number, column_name, rule, original_value "
                 "from raw_meta.quarantine order by source_file, row_number")
    assert [(r[1], r[2], r[3]) for r in rows] == [
        (1, "rate_to_reporting_currency", "finite"), (2, "rate_to_reporting_currency", "finite"),
        (3, "rate_to_reporting_currency", "finite"), (4, "rate_to_reporting_currency", "finite"),
        (1, "rate_to_reporting_currency", "finite")]
    assert [r[4] for r in rows[:4]] == ["NaN", "inf", "-Infinity", "1e400"]


def test_a_timestamp_without_an_offset_is_read_in_its_sources_zone(
    landing: Path, load, query, monkeypatch
):
    """Shopify (a connector export) writes UTC; surveys are kept in the business time zone
    (Asia/Tehran, +03:30 all year since 2022); listening tools' zone is unknown: a naive
    timestamp there is quarantined. A value with an offset is read as written everywhere."""
    monkeypatch.delenv("BUSINESS_TIMEZONE", raising=False)
    write(landing, "shopify/customer/c.csv", "id,created_at\n"
          "1,2026-01-01 10:00:00\n2,2026-01-01T10:00:00+01:00\n")
    write(landing, "surveys/csat/r.csv", "response_id,submitted_at\n"
          "r1,2026-01-01 10:00:00\nr2,2026-01-01T10:00:00Z\nr3,2026-01-02\n")
    write(landing, "listening/mentions/m.csv", "mention_id,platform,published_at,brand\n"
          "m1,x,2026-01-01T10:00:00,Nava\nm2,x,2026-01-01T10:00:00-05:00,Nava\n")
    assert load([("shopify", "customer"), ("surveys", "csat"),
                 ("listening", "mentions")]).success
    utc = "strftime(timezone('UTC', {}), '%Y-%m-%d %H:%M')"
    assert query(f"select {utc.format('created_at')} from raw_shopify.customer "
                 "order by _row_number") == [("2026-01-01 10:00",), ("2026-01-01 09:00",)]
    assert query(f"select response_id, {utc.format('submitted_at')} from raw_surveys.csat "
                 "order by 1") == [("r1", "2026-01-01 06:30"), ("r2", "2026-01-01 10:00"),
                                   ("r3", "2026-01-01 20:30")]
    assert query(f"select mention_id, {utc.format('published_at')} from raw_listening.mentions"
                 ) == [("m2", "2026-01-01 15:00")]
    (row, column, rule, reason), = query(
        "select row_number, column_name, rule, reason from raw_meta.quarantine")
    assert (row, column, rule) == (1, "published_at", "time_zone")
    assert "no time zone offset" in reason


def test_the_business_time_zone_is_a_setting(landing: Path, load, query, monkeypatch):
    monkeypatch.setenv("BUSINESS_TIMEZONE", "Europe/Berlin")
    write(landing, "surveys/csat/r.csv", "response_id,submitted_at\nr1,2026-01-01 10:00:00\n")
    assert load([("surveys", "csat")]).success
    assert query("select strftime(timezone('UTC', submitted_at), '%H:%M') "
                 "from raw_surveys.csat") == [("09:00",)]
