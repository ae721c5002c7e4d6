"""The dbt step on Spark (``WAREHOUSE_ENGINE=spark``): what happens around ``dbt build``.

Before: the raw tables the loader wrote to the DuckDB file are exported to Parquet
(``export.py``) and the profile's ``spark`` target registers them (on-run-start hook).
After: the tables of the served schemas (the marts and the semantic layer's time spine), and
any other model a mart suite's query reads (a reconciliation against an intermediate model),
are read back from Spark's Parquet files into the warehouse file, replacing DuckDB's in one
transaction, so the mart checks, the serving copy and the report read them as they do after a
DuckDB build.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.defs import settings
from orchestration.defs.spark.compare import spark_table_folder
from orchestration.defs.spark.export import Exported, export_raw, source_tables

# The dbt var listing the exported raw tables (``schema.table``) the on-run-start hook
# ``register_raw_tables`` registers on Spark.
RAW_TABLES_VAR = "raw_parquet_tables"


@dataclass(frozen=True)
class SparkPaths:
    home: Path
    raw: Path

    @classmethod
    def from_settings(cls) -> SparkPaths:
        return cls(settings.spark_home_dir().resolve(), settings.raw_parquet_dir().resolve())

    def dbt_environment(self) -> dict[str, str]:
        """What dbt's ``spark`` target reads (absolute paths: dbt runs in the project folder)."""
        return {"SPARK_HOME_DIR": str(self.home), "RAW_PARQUET_DIR": str(self.raw)}


def prepare(warehouse: Path, manifest: Path, paths: SparkPaths) -> list[Exported]:
    """Export every source table dbt reads; set the environment of the ``dbt`` it starts
    (run it with ``--target spark``)."""
    paths.home.mkdir(parents=True, exist_ok=True)
    exported = export_raw(warehouse, paths.raw, source_tables(manifest))
    os.environ.update(paths.dbt_environment())
    return exported


def spark_tables(home: Path, schema: str) -> list[str]:
    folder = home / "warehouse" / f"{schema}.db"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir()
                  if p.is_dir() and not p.name.startswith((".", "_")))


def mirror(con: duckdb.DuckDBPyConnection, home: Path, schemas: tuple[str, ...],
           relations: set[str] | frozenset[str] = frozenset()) -> dict[str, int]:
    """Each Spark table of ``schemas``, and each ``schema.table`` of ``relations`` Spark built,
    copied into the same schema of the DuckDB connection, replacing it; all or nothing. A
    relation of ``relations`` that neither Spark built nor the connection has (a raw table
    stays in DuckDB) is an error. Returns rows per ``schema.table``."""
    tables = [(schema, table) for schema in schemas for table in spark_tables(home, schema)]
    for name in sorted(relations):
        schema, table = name.split(".", 1)
        if schema in schemas:
            continue
        if spark_table_folder(home, schema, table).is_dir():
            tables.append((schema, table))
        elif not con.execute("select count(*) from information_schema.tables where "
                             "table_schema = ? and table_name = ?", [schema, table]
                             ).fetchone()[0]:  # neither built by Spark nor loaded here
            raise FileNotFoundError(f"{name} is read after the build, but Spark has no such "
                                    f"table in {home} and the warehouse file has none")
    rows: dict[str, int] = {}
    con.execute("begin transaction")
    try:
        for schema in dict.fromkeys([*schemas, *(schema for schema, _ in tables)]):
            con.execute(f'create schema if not exists "{schema}"')
        for schema, table in tables:
            folder = spark_table_folder(home, schema, table)
            if not any(folder.rglob("*.parquet")):
                continue
            con.execute(f'create or replace table "{schema}"."{table}" as select * from '
                        f"read_parquet('{folder}/**/*.parquet', hive_partitioning = true)")
            rows[f"{schema}.{table}"] = con.execute(
                f'select count(*) from "{schema}"."{table}"').fetchone()[0]
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return rows
