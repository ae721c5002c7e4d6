"""The loader's own tables in schema ``raw_meta``: file state, audit log and quarantine."""

from __future__ import annotations

import duckdb

from orchestration.defs.ingest.contracts import Table
from orchestration.defs.ingest.validation import quote

META_SCHEMA = "raw_meta"
LOADED_FILES = f"{META_SCHEMA}.loaded_files"
LOAD_AUDIT = f"{META_SCHEMA}.load_audit"
QUARANTINE = f"{META_SCHEMA}.quarantine"
META_COLUMNS = ("_loaded_at", "_source_file", "_file_hash", "_row_number")

_DDL = f"""
create schema if not exists {META_SCHEMA};
create table if not exists {LOADED_FILES} (
    source varchar not null,
    table_name varchar not null,
    source_file varchar not null,
    file_hash varchar not null,
    status varchar not null,
    rows_loaded bigint not null,
    rows_quarantined bigint not null,
    loaded_at timestamptz not null,
    primary key (source, table_name, source_file)
);
create table if not exists {LOAD_AUDIT} (
    run_id varchar,
    source varchar not null,
    table_name varchar not null,
    source_file varchar not null,
    file_hash varchar,
    file_bytes bigint,
    status varchar not null,
    rows_landed bigint,
    rows_loaded bigint,
    rows_quarantined bigint,
    extra_columns varchar[],
    missing_optional_columns varchar[],
    message varchar,
    started_at timestamptz not null,
    finished_at timestamptz not null
);
create table if not exists {QUARANTINE} (
    source varchar not null,
    table_name varchar not null,
    source_file varchar not null,
    file_hash varchar not null,
    row_number bigint not null,
    column_name varchar,
    reason varchar not null,
    raw_record json,
    quarantined_at timestamptz not null
);
"""


def ensure_meta_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(_DDL)


def ensure_raw_table(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    """Create ``raw_<source>.<table>`` from the contract; add columns the contract gained."""
    con.execute(f"create schema if not exists {quote(table.schema)}")
    columns = [f"{quote(c.name)} {c.type}" for c in table.columns]
    columns += ["_loaded_at timestamptz", "_source_file varchar", "_file_hash varchar",
                "_row_number bigint"]
    con.execute(f"create table if not exists {table.qualified} ({', '.join(columns)})")
    present = {
        row[0]
        for row in con.execute(
            "select column_name from information_schema.columns "
            "where table_schema = ? and table_name = ?",
            [table.schema, table.name],
        ).fetchall()
    }
    for column in table.columns:
        if column.name not in present:
            con.execute(f"alter table {table.qualified} add column {quote(column.name)} "
                        f"{column.type}")
