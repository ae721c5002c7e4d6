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
