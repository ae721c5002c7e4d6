"""Staging nulls every impossible measure of every raw table, as the loader does (the ELT
path: tables no loader checked). Each raw table gets one row, made here from the contract,
whose every bounded measure (Table.measure_columns with a minimum) holds -7, a value below
every contract minimum, and whose other columns hold valid values; after `dbt run` of the
staging models no numeric staging column may hold -7."""

from __future__ import annotations

from pathlib import Path

import duckdb

from orchestration.defs.conversations.store import ensure_tables
from orchestration.defs.ingest.contracts import TABLES, Column, Table
from orchestration.defs.ingest.dbt_sources import ASSET_WRITTEN_SOURCES
from orchestration.defs.ingest.warehouse_meta import ensure_raw_table
from tests.conftest import run_dbt

IMPOSSIBLE = -7
EPOCH_MICROS = 1_772_359_200_000_000  # 2026-03-01 10:00 UTC


def _bounded(table: Table, column: Column) -> bool:
    return table.is_measure(column) and (column.non_negative or column.min_value is not None)


def _value(table: Table, column: Column) -> object:
    """A value the contract accepts, except -7 in a bounded measure."""
    if _bounded(table, column):
        return IMPOSSIBLE
    if column.accepted is not None:
        return column.accepted[0]
    if column.epoch_micros:
        return EPOCH_MICROS
    kind = column.type.split("(")[0]
    if kind == "VARCHAR":
        if column.pattern is not None:
            return "20260301" if "\\d" in column.pattern else "USD"
        return "k1"
    if kind in ("BIGINT", "DOUBLE", "DECIMAL"):
        return 1
    if kind == "DATE":
        return "2026-03-01"
    if kind == "TIMESTAMPTZ":
        return "2026-03-01 10:00:00+00"
    if kind == "BOOLEAN":
        return True
    return None  # JSON, STRUCT and LIST columns


def test_no_impossible_measure_reaches_staging(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    planted = 0
    with duckdb.connect(str(warehouse)) as con:
        for table in TABLES:
            ensure_raw_table(con, table)
            values = [_value(table, c) for c in table.columns]
            names = ", ".join(f'"{c.name}"' for c in table.columns)
            marks = ", ".join("?" for _ in values)
            con.execute(f"insert into {table.qualified} ({names}) values ({marks})", values)
            planted += sum(v == IMPOSSIBLE for v in values)
        ensure_tables(con)  # the text-analysis asset's tables, which staging reads too
    assert planted > 80  # the measures of every platform, shop, survey, blog, ...

    target = tmp_path / "target"
    run_dbt(warehouse, target, "run", "--select", "staging")

    with duckdb.connect(str(warehouse), read_only=True) as con:
        columns = con.execute(
            "select table_name, column_name from information_schema.columns "
            "where table_schema = 'staging' and (data_type like '%INT%' "
            "or data_type like 'DECIMAL%' or data_type in ('DOUBLE', 'FLOAT'))").fetchall()
        assert len(columns) > 80
        leaked = [f"{t}.{c}" for t, c in columns
                  if con.execute(f'select count(*) from staging."{t}" where "{c}" = ?',
                                 [IMPOSSIBLE]).fetchone() != (0,)]
        # every staging model of a landing source (the text-analysis asset's tables are not
        # landing sources: nothing is planted in them)
        empty = [t for (t,) in con.execute(
            "select distinct table_name from information_schema.columns "
            "where table_schema = 'staging'").fetchall()
            if not t.startswith(tuple(f"stg_{s}__" for s in ASSET_WRITTEN_SOURCES))
            and con.execute(f'select count(*) from staging."{t}"').fetchone() == (0,)]
    assert not empty, f"staging models without the planted row: {empty}"
    assert not leaked, "impossible measures that reached staging:\n" + "\n".join(leaked)
