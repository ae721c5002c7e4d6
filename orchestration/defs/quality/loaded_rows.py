"""A raw table's generated column expectations (not-null, ranges, allowed values, patterns,
moments not in the future, key uniqueness), validated by GX on the rows of the table's latest
load: the loader's row rules enforce each of them row by row, so a failure means a rule and
its contract disagree and the loaded rows hold what the contract forbids.

The frame is the rows whose ``_loaded_at`` is the table's latest, at most ``MAX_ROWS`` of
them (a reservoir sample, repeatable, beyond that: GX validates pandas DataFrames in memory),
with values only in the columns the expectations read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from orchestration.defs.ingest.contracts import Table
from orchestration.defs.ingest.validation import quote
from orchestration.defs.ingest.warehouse_meta import META_COLUMNS
from orchestration.defs.quality import gx_runtime
from orchestration.defs.quality.batch import latest_moments
from orchestration.defs.quality.suites import RAW_DIR, raw_suite_path

MAX_ROWS = 1_000_000


@dataclass(frozen=True)
class LoadedRowsValidation:
    validation: gx_runtime.Validation
    loaded_at: datetime | None
    rows: int
    rows_validated: int


def validate_latest_load(con: duckdb.DuckDBPyConnection, table: Table, now: datetime,
                         suites: Path = RAW_DIR, max_rows: int = MAX_ROWS
                         ) -> LoadedRowsValidation | None:
    """None when the table has no suite or no rows-scope expectation."""
    path = raw_suite_path(table, suites)
    if not path.exists():
        return None
    suite = gx_runtime.load_suite(path, gx_runtime.ROWS_SCOPE)
    if not suite.expectations:
        return None
    found = con.execute(f"select max(_loaded_at), count(*) filter (where _loaded_at = "
                        f"(select max(_loaded_at) from {table.qualified})) "
                        f"from {table.qualified}").fetchone()
    loaded_at, rows = (found[0], int(found[1])) if found else (None, 0)
    # a column no expectation reads keeps its name, not its values: GA4's nested columns
    # cost more to turn into pandas objects than to validate, and a million of them is GBs
    read = gx_runtime.columns_read(path, gx_runtime.ROWS_SCOPE)
    names = [d[0] for d in con.execute(f"select * from {table.qualified} limit 0").description
             if d[0] not in META_COLUMNS]
    columns = ", ".join(quote(n) if n in read else f"null as {quote(n)}" for n in names)
    latest = (f"select {columns} from {table.qualified} "
              f"where _loaded_at = (select max(_loaded_at) from {table.qualified})")
    if rows > max_rows:
        latest = (f"select * from ({latest}) using sample reservoir({int(max_rows)} rows) "
                  "repeatable (42)")
    frame = con.execute(latest).df()
    validation = gx_runtime.validate(frame, suite, latest_moments(now))
    return LoadedRowsValidation(validation, loaded_at, rows, len(frame))
