"""Do the tables dbt built on Spark equal those it built on DuckDB? Row for row, as multisets:
every column by name, floating-point values equal within rounding (relative 1e-9; a value
within 1e-12 of zero counts as zero: a zero computed as a difference of sums keeps a residue
of the summing order), every other value (money in decimals, counts, dates, text) exact.

Spark's tables are read from their Parquet files (the managed tables under
``<SPARK_HOME_DIR>/warehouse/<schema>.db/<table>``, partition folders included) with DuckDB,
so no Spark session is needed to compare.

``python -m orchestration.defs.spark.compare --duckdb data/warehouse.duckdb [--schema marts]``
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from orchestration.defs import settings

FLOAT_TYPES = {"DOUBLE", "FLOAT", "REAL"}
# relative tolerance of floating-point values (sums in another order differ in the last bits)
SIGNIFICANT_DIGITS = 9
# a floating-point value this close to zero is zero (a slope of a flat series, n*sum(xy) -
# sum(x)*sum(y), leaves ~1e-16 of rounding, whose sign and size depend on the summing order)
ZERO_TOLERANCE = 1e-12


@dataclass
class TableDifference:
    table: str
    problems: list[str] = field(default_factory=list)
    rows_duckdb: int = 0
    rows_spark: int = 0

    @property
    def equal(self) -> bool:
        return not self.problems


def spark_table_folder(spark_home: Path, schema: str, table: str) -> Path:
    return spark_home / "warehouse" / f"{schema}.db" / table


def _normalised(column: str, data_type: str, value: str | None = None) -> str:
    """The select item comparing ``column`` (of DuckDB type ``data_type``): ``value`` (an
    expression; default the column itself) made comparable, named ``column``."""
    quoted = f'"{column}"'
    v = value or quoted
    if data_type.upper() in FLOAT_TYPES:
        # round to SIGNIFICANT_DIGITS significant digits; NaN and infinities kept as they are
        return (f"case when {v} is null or isnan({v}) or isinf({v}) "
                f"then {v} when abs({v}) < {ZERO_TOLERANCE} then 0 "
                f"else round({v}, {SIGNIFICANT_DIGITS - 1} - "
                f"cast(floor(log10(abs({v}))) as integer)) end as {quoted}")
    if data_type.upper().startswith("TIMESTAMP"):
        return f"cast({v} as timestamp) as {quoted}"
    return v if v == quoted else f"{v} as {quoted}"


def compare_table(con: duckdb.DuckDBPyConnection, spark_home: Path, schema: str,
                  table: str) -> TableDifference:
    """``schema.table`` of the DuckDB connection against the Spark table of the same name."""
    diff = TableDifference(f"{schema}.{table}")
    folder = spark_table_folder(spark_home, schema, table)
    files = list(folder.rglob("*.parquet")) if folder.is_dir() else []
    duck_columns = con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position",
        [schema, table]).fetchall()
    if not files:
        rows = con.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
        if rows or not folder.is_dir():
            diff.problems.append(f"no Spark table data at {folder} ({rows} rows on DuckDB)")
        return diff
    con.execute(f"create or replace temp view spark_side as select * from read_parquet("
                f"'{folder}/**/*.parquet', hive_partitioning = true, union_by_name = true)")
    spark_columns = {name: data_type for name, data_type in con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_name = 'spark_side'").fetchall()}
    duck = dict(duck_columns)
    if set(duck) != set(spark_columns):
        only_duck, only_spark = set(duck) - set(spark_columns), set(spark_columns) - set(duck)
        diff.problems.append(f"columns differ: only on DuckDB {sorted(only_duck)}, "
                             f"only on Spark {sorted(only_spark)}")
        return diff
    duck_select = ", ".join(_normalised(c, t) for c, t in duck_columns)
    # a partition column read back from its folder name is text: cast to DuckDB's type
    spark_select = ", ".join(
        _normalised(c, t, f'cast("{c}" as {t})')
        if spark_columns[c] != t and not t.upper().startswith(("TIMESTAMP", "DECIMAL"))
        else _normalised(c, t) for c, t in duck_columns)
    diff.rows_duckdb = con.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
    diff.rows_spark = con.execute("select count(*) from spark_side").fetchone()[0]
    if diff.rows_duckdb != diff.rows_spark:
        diff.problems.append(f"rows: {diff.rows_duckdb} on DuckDB, {diff.rows_spark} on Spark")
    for label, left, right in (
        ("only on DuckDB", f'select {duck_select} from "{schema}"."{table}"',
         f"select {spark_select} from spark_side"),
        ("only on Spark", f"select {spark_select} from spark_side",
         f'select {duck_select} from "{schema}"."{table}"'),
    ):
        extra = con.execute(f"select * from ({left} except all {right}) limit 3").fetchall()
        if extra:
            count = con.execute(f"select count(*) from ({left} except all {right})").fetchone()[0]
            names = [c for c, _ in duck_columns]
            sample = "; ".join(str(dict(zip(names, row, strict=True))) for row in extra)
            diff.problems.append(f"{count} row(s) {label}, e.g. {sample}")
    return diff


def compare_schema(warehouse: Path, spark_home: Path, schema: str,
                   tables: list[str] | None = None) -> list[TableDifference]:
    with duckdb.connect(str(warehouse), read_only=True, config=settings.duckdb_config()) as con:
        names = tables or [t for (t,) in con.execute(
            "select table_name from information_schema.tables where table_schema = ? "
            "and table_type = 'BASE TABLE' order by 1", [schema]).fetchall()]
        return [compare_table(con, spark_home, schema, name) for name in names]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duckdb", type=Path, default=settings.warehouse_path())
    parser.add_argument("--spark-home", type=Path, default=settings.spark_home_dir())
    parser.add_argument("--schema", default="marts")
    parser.add_argument("--table", action="append")
    args = parser.parse_args()
    diffs = compare_schema(args.duckdb, args.spark_home, args.schema, args.table)
    for d in diffs:
        status = "equal" if d.equal else "DIFFERENT"
        print(f"{d.table}: {status} ({d.rows_duckdb} rows)")
        for problem in d.problems:
            print(f"    {problem}")
    different = [d for d in diffs if not d.equal]
    print(f"{len(diffs) - len(different)} of {len(diffs)} tables equal")
    raise SystemExit(1 if different else 0)


if __name__ == "__main__":
    main()
