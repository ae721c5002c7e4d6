"""Staging tolerates missing optional columns: a user whose ELT tool lands fewer columns than
the contract can point the dbt sources at its schema. Every optional column of every raw
table is dropped from a copy of the warehouse; every staging model must still build, with
the same rows, and NULL where the column was."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from orchestration.defs.ingest.contracts import TABLES
from tests.conftest import run_dbt


def test_staging_builds_without_any_optional_column(pipeline, tmp_path: Path):
    _, con, _, _ = pipeline
    (database,) = con.execute("select current_database()").fetchone()
    source_file = Path(con.execute("select path from duckdb_databases() where database_name = ?",
                                   [database]).fetchone()[0])
    staging = [r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'staging'"
    ).fetchall()]
    before = {m: con.execute(f"select count(*) from staging.{m}").fetchone()[0] for m in staging}
    (goals_with_purpose,) = con.execute(
        "select count(goal_purpose) from staging.stg_strategy__goals").fetchone()
    assert goals_with_purpose > 0

    warehouse = tmp_path / "fewer_columns.duckdb"
    shutil.copy(source_file, warehouse)
    dropped = 0
    with duckdb.connect(str(warehouse)) as writer:
        for table in TABLES:
            for column in table.columns:
                if not column.required:
                    writer.execute(f'alter table {table.qualified} drop column "{column.name}"')
                    dropped += 1
    assert dropped > 100

    target = tmp_path / "target"
    run_dbt(warehouse, target, "run", "--select", "staging")
    with duckdb.connect(str(warehouse), read_only=True) as reader:
        after = {m: reader.execute(f"select count(*) from staging.{m}").fetchone()[0]
                 for m in staging}
        assert after == before
        assert reader.execute("select count(goal_purpose) from staging.stg_strategy__goals"
                              ).fetchone() == (0,)
