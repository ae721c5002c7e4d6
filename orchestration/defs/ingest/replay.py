"""Replay quarantined rows after a contract change.

The quarantine keeps, per row, the landing file (path and SHA-256), the row number, the
column, the rule and the reason: enough to find the row again in its file. After the
contract changed (a value accepted now, a rule relaxed, a column added), replay loads again
every file that has rows in quarantine, with the contract as it is now: the rows it accepts
load, the others stay in quarantine with their new reason. A file that is gone from the
landing folder cannot be replayed; it is reported with its hash (put the file back).

    python -m orchestration.defs.ingest.replay [--table source.table ...]

Reads ``WAREHOUSE_PATH``, ``LANDING_DIR`` and ``PII_HASH_KEY`` like the pipeline; run it
while no load is running (DuckDB allows one writer).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.defs import settings
from orchestration.defs.ingest.contracts import TABLES, Table
from orchestration.defs.ingest.landing import FORMATS, LandedFile
from orchestration.defs.ingest.loader import RawLoader
from orchestration.defs.ingest.warehouse_meta import (
    QUARANTINE,
    ROW_QUARANTINED,
    ensure_meta_tables,
    ensure_raw_table,
)


@dataclass(frozen=True)
class Replayed:
    """What replay did with one file that had rows in quarantine."""

    source_file: str
    status: str  # replayed | file gone | no table | rejected
    before: int
    after: int
    message: str = ""

    def __str__(self) -> str:
        if self.status == "replayed":
            return (f"{self.source_file}: {self.before} row(s) in quarantine before, "
                    f"{self.after} after ({self.before - self.after} released)")
        return f"{self.source_file}: {self.before} row(s) cannot be replayed: {self.message}"


def _held(con: duckdb.DuckDBPyConnection, table: Table, source_file: str) -> int:
    row = con.execute(
        f"select count(*) from {QUARANTINE} where source = ? and table_name = ? "
        "and source_file = ? and action = ?",
        [table.source, table.name, source_file, ROW_QUARANTINED]).fetchone()
    return int(row[0]) if row else 0


def replay(
    con: duckdb.DuckDBPyConnection, landing: Path, pii_key: str,
    tables: Sequence[Table] = TABLES,
) -> list[Replayed]:
    """Load again, with ``tables``' contracts, every file of theirs with rows in quarantine."""
    ensure_meta_tables(con)
    by_key = {(t.source, t.name): t for t in tables}
    files = con.execute(
        f"select source, table_name, source_file, any_value(file_hash) from {QUARANTINE} "
        "group by all order by all").fetchall()
    loader = RawLoader(con, landing, pii_key, run_id="replay")
    out: list[Replayed] = []
    for source, name, source_file, file_hash in files:
        table = by_key.get((source, name))
        if table is None:
            continue
        before = _held(con, table, source_file)
        path = landing / source_file
        if not path.is_file():
            out.append(Replayed(source_file, "file gone", before, before, (
                f"the file is gone from the landing folder (it had SHA-256 {file_hash}); put "
                "it back and replay again")))
            continue
        ensure_raw_table(con, table)
        file = LandedFile(path, source_file, FORMATS.get(path.suffix.lower(), "csv"))
        outcome = loader.load_file(table, file, recheck=True)
        if outcome.status == "rejected":
            out.append(Replayed(source_file, "rejected", before, before,
                                outcome.message or "rejected"))
            continue
        out.append(Replayed(source_file, "replayed", before, _held(con, table, source_file)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m orchestration.defs.ingest.replay",
        description="Load again the landing files whose rows are in raw_meta.quarantine, with "
                    "the contract as it is now.")
    parser.add_argument("--table", action="append", default=[], metavar="SOURCE.TABLE",
                        help="only this raw table (repeatable); default: every table")
    args = parser.parse_args(argv)
    wanted = set(args.table)
    unknown = wanted - {f"{t.source}.{t.name}" for t in TABLES}
    if unknown:
        parser.error(f"no such table in the contract: {', '.join(sorted(unknown))}")
    tables = [t for t in TABLES if not wanted or f"{t.source}.{t.name}" in wanted]
    with duckdb.connect(str(settings.warehouse_path()), config=settings.duckdb_config()) as con:
        results = replay(con, settings.landing_dir(), settings.pii_hash_key(), tables)
    for result in results:
        print(result)
    if not results:
        print("nothing in quarantine to replay")
    return 0


if __name__ == "__main__":
    sys.exit(main())
