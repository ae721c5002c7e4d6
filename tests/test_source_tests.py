"""The generated source tests on raw tables no loader checked (as an ELT tool fills them): each
rule of the landing contract finds the rows that break it, at `warn`, with their count. Rows
are written straight into the raw tables; `dbt test` runs the sources' tests only."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb

from orchestration.defs.ingest.contracts import TABLES_BY_KEY
from orchestration.defs.ingest.warehouse_meta import ensure_raw_table
from tests.conftest import run_dbt

SPEND = TABLES_BY_KEY[("marketing", "spend")]
EVENTS = TABLES_BY_KEY[("ga4", "events")]


def test_each_broken_rule_warns_with_its_count(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    future_day = (now + timedelta(days=5)).date().isoformat()
    tomorrow = (now + timedelta(days=1)).date().isoformat()
    future_micros = int((now + timedelta(days=3)).timestamp() * 1_000_000)
    past_micros = 1_772_359_200_000_000  # 2026-03-01 10:00 UTC
    warehouse = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        ensure_raw_table(con, SPEND)
        ensure_raw_table(con, EVENTS)
        con.executemany(
            f"insert into {SPEND.qualified} (date, channel, campaign, cost_category, amount, "
            "currency) values (?, ?, ?, ?, ?, ?)",
            [
                # the same key twice: a NULL campaign is a value of the key, as for the loader
                ("2026-03-01", "instagram", None, "ads", 10, "USD"),
                ("2026-03-01", "instagram", None, "ads", 12, "USD"),
                # different keys: NULL and `general` are different campaigns
                ("2026-03-01", "x", None, "ads", 3, "usd"),
                ("2026-03-01", "x", "general", "ads", 3, "USD"),
                (future_day, "x", "general", "ads", 5, "USD"),  # more than a day ahead
                (tomorrow, "x", "general", "tools", 5, "USD"),  # within the day's tolerance
                ("2026-03-02", "x", "general", "ads", -3, "USD"),  # negative amount
                ("2026-03-03", "x", "general", "ads", 3, "US$"),  # not an ISO 4217 code
            ],
        )
        con.executemany(
            f"insert into {EVENTS.qualified} (event_date, event_timestamp, event_name, "
            "user_pseudo_id) values (?, ?, ?, ?)",
            [
                ("20260301", past_micros, "page_view", "u1"),
                ("20260301", future_micros, "page_view", "u1"),  # logged in the future
                ("2026-03-01", past_micros, "scroll", "u1"),  # not YYYYMMDD
                ("20260301", past_micros, "scroll", None),  # required value empty
            ],
        )

    target = tmp_path / "target"
    # Warnings only: dbt exits 0.
    run_dbt(warehouse, target, "test", "--select", "source:marketing.spend", "source:ga4.events")
    results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))["results"]
    # tests only: not the on-run-start hook (it registers raw tables on Spark, a no-op here)
    outcome = {r["unique_id"].split(".")[2]: (r["status"], r["failures"]) for r in results
               if r["unique_id"].startswith("test.")}
    failing = {name: o for name, o in outcome.items() if o != ("pass", 0)}
    assert failing == {
        "source_unique_combination_of_columns_marketing_spend_date__channel__campaign__cost_category":
            ("warn", 1),
        "source_not_in_future_marketing_spend_date__date__1": ("warn", 1),
        "source_value_between_marketing_spend_amount__0": ("warn", 1),
        "source_matches_pattern_marketing_spend_currency___A_Za_z_3_": ("warn", 1),
        "source_not_in_future_ga4_events_event_timestamp__epoch_micros__1": ("warn", 1),
        "source_matches_pattern_ga4_events_event_date___d_8_": ("warn", 1),
        "source_not_null_ga4_events_user_pseudo_id": ("warn", 1),
    }, json.dumps(failing, indent=1)
    assert len(outcome) > len(failing)  # the other rules ran and passed
