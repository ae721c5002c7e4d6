"""The metric catalog is the one source of truth: every entry points at a real mart column,
every metric column of the marts has an entry, and kpi_daily carries exactly the catalog's
KPI figures."""

from __future__ import annotations

# Columns that identify or label a row rather than measure something.
GRAIN_COLUMNS = {"metric_date", "platform", "account_id", "brand", "jalali_date",
                 "month_start_date", "is_own_brand", "reporting_currency"}
CATALOGUED_MARTS_PREFIXES = ("kpi_tier_", "benchmark_")


def _mart_columns(con) -> dict[str, set[str]]:
    columns: dict[str, set[str]] = {}
    for table, column in con.execute(
        "select table_name, column_name from information_schema.columns "
        "where table_schema = 'marts'"
    ).fetchall():
        columns.setdefault(table, set()).add(column)
    return columns


def test_every_catalog_entry_points_at_a_real_column(pipeline):
    _, con, _, _ = pipeline
    columns = _mart_columns(con)
    entries = con.execute("select metric_key, mart_name, mart_column from marts.metric_catalog"
                          ).fetchall()
    assert len(entries) >= 15
    missing = [e for e in entries if e[2] not in columns.get(e[1], set())]
    assert missing == []


def test_every_metric_column_of_the_marts_is_catalogued(pipeline):
    _, con, _, _ = pipeline
    catalogued = {(m, c) for m, c in con.execute(
        "select mart_name, mart_column from marts.metric_catalog").fetchall()}
    uncatalogued = sorted(
        (mart, column)
        for mart, names in _mart_columns(con).items() if mart.startswith(CATALOGUED_MARTS_PREFIXES)
        for column in names
        if column not in GRAIN_COLUMNS and (mart, column) not in catalogued
        and not any((other, column) in catalogued for other in _mart_columns(con))
    )
    assert uncatalogued == []


def test_kpi_daily_is_the_tier_marts_in_long_form(pipeline):
    _, con, _, _ = pipeline
    for mart, column, key in con.execute(
        "select mart_name, mart_column, metric_key from marts.metric_catalog "
        "where mart_name like 'kpi_tier_%'"
    ).fetchall():
        wide = con.execute(
            f"select metric_date, platform, account_id, cast({column} as double) "
            f"from marts.{mart} where {column} is not null").fetchall()
        long = con.execute(
            "select metric_date, platform, account_id, metric_value from marts.kpi_daily "
            "where metric_key = ?", [key]).fetchall()
        assert sorted(long) == sorted(wide), key
