"""Raw tables for Spark: every table dbt reads as a source, exported from the DuckDB
warehouse the loader writes to Parquet, one folder per schema and table::

    <RAW_PARQUET_DIR>/<schema>/<table>/data_0.parquet            (most tables)
    <RAW_PARQUET_DIR>/<schema>/<table>/<date column>=<day>/...   (tables with a date grain)

The dbt project's on-run-start hook ``register_raw_tables`` (Spark target only) registers each
folder as an external Parquet table ``<schema>.<table>``, so the models read the same names
on both engines. A table is written to a new folder first and swapped in whole: a failed
export leaves the previous one readable.

Run it alone: ``python -m orchestration.defs.spark.export [--out DIR]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.defs import settings
from orchestration.defs.dbt.project import DBT_PROJECT_DIR

# Tables partitioned by a date column on export (Spark prunes the folders a daily
# incremental model does not read). Other tables are small: one file each.
PARTITION_COLUMNS: dict[tuple[str, str], str] = {("raw_ga4", "events"): "event_date"}


@dataclass(frozen=True)
class Exported:
    schema: str
    table: str
    rows: int
    folder: Path


def source_tables(manifest: Path | None = None) -> list[tuple[str, str]]:
    """(schema, table) of every dbt source, as the parsed manifest resolves them."""
    manifest = manifest or DBT_PROJECT_DIR / "target" / "manifest.json"
    sources = json.loads(manifest.read_text(encoding="utf-8"))["sources"].values()
    return sorted({(s["schema"], s["identifier"] or s["name"]) for s in sources})


def export_raw(warehouse: Path, out: Path,
               tables: list[tuple[str, str]]) -> list[Exported]:
    """Each of ``tables`` found in ``warehouse`` written to ``out/<schema>/<table>``."""
    out.mkdir(parents=True, exist_ok=True)
    done: list[Exported] = []
    with duckdb.connect(str(warehouse), read_only=True,
                        config=settings.duckdb_config()) as con:
        present = set(con.execute(
            "select table_schema, table_name from information_schema.tables"
        ).fetchall())
        for schema, table in tables:
            if (schema, table) not in present:
                continue
            folder = out / schema / table
            staging = folder.with_name(f".{table}.new")
            if staging.exists():
                shutil.rmtree(staging)
            staging.mkdir(parents=True)
            partition = PARTITION_COLUMNS.get((schema, table))
            relation = f'"{schema}"."{table}"'
            rows = con.execute(f"select count(*) from {relation}").fetchone()[0]
            if partition and rows:
                con.execute(f"copy (select * from {relation}) to '{staging}' "
                            f"(format parquet, partition_by ({partition}), overwrite_or_ignore)")
            else:
                con.execute(f"copy (select * from {relation}) to "
                            f"'{staging / 'data_0.parquet'}' (format parquet)")
            if folder.exists():
                shutil.rmtree(folder)
            staging.rename(folder)
            done.append(Exported(schema, table, int(rows), folder))
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warehouse", type=Path, default=settings.warehouse_path())
    parser.add_argument("--out", type=Path, default=settings.raw_parquet_dir())
    args = parser.parse_args()
    exported = export_raw(args.warehouse, args.out, source_tables())
    rows = sum(e.rows for e in exported)
    print(f"exported {len(exported)} tables, {rows:,} rows, to {args.out}")


if __name__ == "__main__":
    main()
