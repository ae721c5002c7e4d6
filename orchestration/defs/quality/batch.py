"""The raw tables' suites as the loader's ``BatchValidator``: one validation per landing file
(the whole batch as one DataFrame, never row by row), suites read once per process.

Only the suite's batch-scope expectations run here (``gx_runtime.scope_of``: the hand-written
ones, which judge what the row rules cannot, and the table-level ones: columns, row count).
The generated column expectations restate the loader's row rules, which quarantine or null a
bad value before the batch is validated; GX checks them once per table on the rows of its
latest load (``loaded_rows.py``, a Dagster asset check), not once per file: GX costs about
7 ms per expectation and validation, whatever the rows.

A failed ``critical`` expectation rejects the file (the loader rolls it back and records it as
rejected, naming the expectation, column and counts); a failed ``warning`` is recorded only.
Either way the GX validation result JSON is kept in ``raw_meta.batch_validations``, linked
from the file's audit row (``raw_meta.load_audit.validation_ids``).
"""

from __future__ import annotations

import json
import statistics
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from orchestration.defs.ingest.contracts import Table
from orchestration.defs.ingest.loader import ValidationRecord
from orchestration.defs.ingest.validation import FUTURE_TOLERANCE_DAYS, quote
from orchestration.defs.ingest.warehouse_meta import LOAD_AUDIT
from orchestration.defs.quality import gx_runtime
from orchestration.defs.quality.suites import (
    LATEST_DATE,
    LATEST_EPOCH_MICROS,
    LATEST_TIMESTAMP,
    RAW_DIR,
    ROW_COUNT_CEILING,
    raw_suite_path,
)

# A batch more than this many times the median of the table's recent batches is suspicious.
ROW_COUNT_FACTOR = 20
RECENT_BATCHES = 10
NO_CEILING = 2**62


def row_count_ceiling(con: duckdb.DuckDBPyConnection, table: Table) -> int:
    """``ROW_COUNT_FACTOR`` x the median rows of the table's last ``RECENT_BATCHES`` loaded
    files; no ceiling before the first one."""
    rows = con.execute(
        f"select rows_loaded from {LOAD_AUDIT} where source = ? and table_name = ? "
        "and status in ('loaded', 'replaced') and rows_loaded > 0 "
        "order by finished_at desc limit ?",
        [table.source, table.name, RECENT_BATCHES],
    ).fetchall()
    if not rows:
        return NO_CEILING
    return int(ROW_COUNT_FACTOR * statistics.median(r[0] for r in rows))


def latest_moments(now: datetime) -> dict[str, object]:
    """The latest moment a value may hold, as each column kind reaches pandas: the loader's
    own bound (now plus its tolerance for clocks and time zones)."""
    latest = now + timedelta(days=FUTURE_TOLERANCE_DAYS)
    return {LATEST_TIMESTAMP: latest,
            LATEST_DATE: datetime.combine(latest.date(), datetime.min.time()),
            LATEST_EPOCH_MICROS: int(latest.timestamp() * 1_000_000)}


def _exists(con: duckdb.DuckDBPyConnection, qualified: str) -> bool:
    schema, _, name = qualified.partition(".")
    found = con.execute("select count(*) from information_schema.tables "
                        "where table_schema = ? and table_name = ?", [schema, name]).fetchone()
    return bool(found and found[0])


def batch_frame_sql(con: duckdb.DuckDBPyConnection, path: Path, batch: str,
                    scope: str | None = None) -> str:
    """The batch, plus the columns of the suite's ``meta.lookups``: facts of another raw
    table a hand-written expectation compares the batch with, e.g. when the account a post
    belongs to was created. A lookup names ``table``, ``on`` (batch column -> that table's
    column) and ``columns`` (name -> aggregate over that table's rows of the key); a lookup
    table not loaded yet gives NULLs, which the expectations ignore.

    With a ``scope``, a column no expectation of that scope reads keeps its name but not its
    values (NULL): table-level expectations read names and the row count only, and turning a
    GA4 batch's nested columns into pandas objects cost more than validating it."""
    lookups = gx_runtime.suite_meta(path).get("lookups") or []
    selects, joins = ["b.*"], []
    if scope is not None:
        read = gx_runtime.columns_read(path, scope) | {c for lookup in lookups
                                                       for c in lookup["on"]}
        names = [d[0] for d in con.execute(f"select * from {batch} limit 0").description]
        selects = [f"b.{quote(n)}" if n in read else f"null as {quote(n)}" for n in names]
    for i, lookup in enumerate(lookups):
        alias = f"l{i}"
        columns: dict[str, str] = lookup["columns"]
        if not _exists(con, lookup["table"]):
            selects += [f"null as {quote(name)}" for name in columns]
            continue
        on: dict[str, str] = lookup["on"]
        keys = ", ".join(f"{quote(theirs)} as {quote(mine)}" for mine, theirs in on.items())
        values = ", ".join(f"{aggregate} as {quote(name)}" for name, aggregate in columns.items())
        group = ", ".join(str(n + 1) for n in range(len(on)))
        joins.append(
            f"left join (select {keys}, {values} from {lookup['table']} group by {group}) "
            f"as {alias} on " + " and ".join(f"b.{quote(mine)} = {alias}.{quote(mine)}"
                                            for mine in on))
        selects += [f"{alias}.{quote(name)}" for name in columns]
    return f"select {', '.join(selects)} from {batch} as b " + " ".join(joins)


# Expectations that hold on every part of a batch when they hold on the whole batch: a
# row-wise rule (without ``mostly``), the table's columns, a row count with no minimum.
ROW_WISE = ("expect_column_values_to_", "expect_column_pair_values_",
            "expect_multicolumn_values_")


def holds_on_parts(expectation: dict[str, Any]) -> bool:
    kind = expectation["type"]
    kwargs = expectation.get("kwargs") or {}
    if kwargs.get("mostly") not in (None, 1, 1.0):
        return False
    if kind == "expect_table_columns_to_match_set":
        return True
    if kind == "expect_table_row_count_to_be_between":
        return kwargs.get("min_value") in (None, 0)
    return kind.startswith(ROW_WISE)


@cache
def _parts_hold(path: Path, mtime_ns: int) -> bool:
    del mtime_ns
    document = json.loads(path.read_text(encoding="utf-8"))
    return all(holds_on_parts(e) for e in document.get("expectations", [])
               if gx_runtime.scope_of(e) == gx_runtime.BATCH_SCOPE)


class GxBatchValidator:
    """Validates each batch against ``<suites>/raw_<source>.<table>.json``.

    ``validate_set`` validates the batches of several files at once: when the suite's batch
    expectations hold on every part of a batch that passes them (``holds_on_parts``) and the
    set passes every one of them, each file's batch passes too, and the set's validation is
    each file's record (its figures are the set's); otherwise the loader validates file by
    file. GX costs about the same per validation whatever the rows, so a table's first load
    of hundreds of files costs one validation, not hundreds."""

    def __init__(self, suites: Path = RAW_DIR) -> None:
        self.suites = suites
        self._record: ValidationRecord | None = None

    def __call__(self, con: duckdb.DuckDBPyConnection, table: Table, batch: str) -> list[str]:
        validation = self._validate(con, table, batch)
        if validation is None:
            return []
        return [f"GX suite {validation.suite}: {f.describe()}" for f in validation.blocking]

    def validate_set(self, con: duckdb.DuckDBPyConnection, table: Table, batch: str) -> bool:
        """Whether the set's batch passing implies each file's passes (and it passed)."""
        self._record = None
        path = raw_suite_path(table, self.suites)
        if not path.exists():
            return True
        if not _parts_hold(path, path.stat().st_mtime_ns):
            return False
        validation = self._validate(con, table, batch)
        return validation is not None and not validation.failures

    def _validate(self, con: duckdb.DuckDBPyConnection, table: Table,
                  batch: str) -> gx_runtime.Validation | None:
        self._record = None
        path = raw_suite_path(table, self.suites)
        if not path.exists():
            return None
        frame = con.execute(batch_frame_sql(con, path, batch, gx_runtime.BATCH_SCOPE)).df()
        parameters = {**latest_moments(datetime.now(UTC)),
                      ROW_COUNT_CEILING: row_count_ceiling(con, table)}
        suite = gx_runtime.load_suite(path, gx_runtime.BATCH_SCOPE)
        validation = gx_runtime.validate(frame, suite, parameters)
        self._record = ValidationRecord(validation.suite, not validation.blocking,
                                        validation.result_json)
        return validation

    def take_record(self) -> ValidationRecord | None:
        record, self._record = self._record, None
        return record
