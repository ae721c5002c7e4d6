"""The loader's own tables in schema ``raw_meta``: file state, audit log and quarantine."""

from __future__ import annotations

import duckdb

from orchestration.defs.ingest.contracts import Table
from orchestration.defs.ingest.validation import quote

META_SCHEMA = "raw_meta"
LOADED_FILES = f"{META_SCHEMA}.loaded_files"
LOAD_AUDIT = f"{META_SCHEMA}.load_audit"
QUARANTINE = f"{META_SCHEMA}.quarantine"
BATCH_VALIDATIONS = f"{META_SCHEMA}.batch_validations"
# Columns the loader adds to every raw table, after the contract's: see the README.
RAW_META_DDL = (
    ("_loaded_at", "timestamptz"), ("_source_file", "varchar"), ("_file_hash", "varchar"),
    ("_row_number", "bigint"), ("_nulled_columns", "varchar[]"),
)
META_COLUMNS = tuple(name for name, _ in RAW_META_DDL)
ROW_QUARANTINED = "row_quarantined"
VALUE_NULLED = "value_nulled"

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
    values_nulled bigint default 0,
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
    finished_at timestamptz not null,
    values_nulled bigint default 0,
    rejected_column varchar,
    rejected_reason varchar
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
    quarantined_at timestamptz not null,
    action varchar default 'row_quarantined',
    original_value varchar,
    rule varchar
);
create table if not exists {BATCH_VALIDATIONS} (
    validation_id varchar primary key,
    run_id varchar,
    source varchar not null,
    table_name varchar not null,
    source_file varchar not null,
    file_hash varchar,
    suite varchar not null,
    success boolean not null,
    result json not null,
    validated_at timestamptz not null
);
"""

# Columns later versions added, for warehouses created before them. The defaults describe the
# rows written before: no value was ever nulled, every quarantined row was quarantined whole.
_MIGRATIONS = (
    (LOADED_FILES, "values_nulled", "bigint default 0"),
    (LOAD_AUDIT, "values_nulled", "bigint default 0"),
    (LOAD_AUDIT, "rejected_column", "varchar"),
    (LOAD_AUDIT, "rejected_reason", "varchar"),
    (QUARANTINE, "action", "varchar default 'row_quarantined'"),
    (QUARANTINE, "original_value", "varchar"),
    (QUARANTINE, "rule", "varchar"),
    (LOAD_AUDIT, "validation_ids", "varchar[]"),
)


def ensure_meta_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(_DDL)
    for table, column, definition in _MIGRATIONS:
        con.execute(f"alter table {table} add column if not exists {column} {definition}")


def ensure_raw_table(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    """Create ``raw_<source>.<table>`` from the contract; add the columns the contract (or the
    loader's meta columns) gained since the table was created."""
    con.execute(f"create schema if not exists {quote(table.schema)}")
    wanted = [(c.name, c.type) for c in table.columns] + list(RAW_META_DDL)
    columns = [f"{quote(name)} {type_}" for name, type_ in wanted]
    con.execute(f"create table if not exists {table.qualified} ({', '.join(columns)})")
    present = {
        row[0]
        for row in con.execute(
            "select column_name from information_schema.columns "
            "where table_schema = ? and table_name = ?",
            [table.schema, table.name],
        ).fetchall()
    }
    for name, type_ in wanted:
        if name not in present:
            con.execute(f"alter table {table.qualified} add column {quote(name)} {type_}")
