"""What the loader could not use, read back from ``raw_meta`` for people: files rejected whole,
and per raw table the rows quarantined and values nulled with their most frequent reasons.

The raw assets' checks and the ``make demo`` summary both read it from here, so the UI and the
terminal say the same thing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import duckdb

from orchestration.defs.ingest.warehouse_meta import (
    LOAD_AUDIT,
    QUARANTINE,
    ROW_QUARANTINED,
    VALUE_NULLED,
)


@dataclass(frozen=True)
class RejectedFile:
    """A landing file nothing of which was written."""

    file: str
    table: str
    column: str | None
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        column = f", column {self.column}" if self.column else ""
        return f"{self.file} (table {self.table}{column}): {self.reason}"


@dataclass(frozen=True)
class Reason:
    """How often one rule broke in one column, with one example (file, row and reason)."""

    action: str  # row_quarantined | value_nulled
    column: str | None
    rule: str | None
    count: int
    example: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        what = "row(s) quarantined" if self.action == ROW_QUARANTINED else "value(s) nulled"
        return f"{self.count} {what}, {self.rule or 'problem'} in {self.column or 'the row'} " \
               f"(e.g. {self.example})"


@dataclass(frozen=True)
class TableQuarantine:
    """Rows of a raw table's current landing files held in quarantine, and values nulled."""

    table: str
    rows_quarantined: int
    values_nulled: int
    top_reasons: list[Reason]

    def describe(self) -> str:
        return (f"{self.table}: {self.rows_quarantined} row(s) quarantined, "
                f"{self.values_nulled} value(s) nulled (see {QUARANTINE})")


@dataclass(frozen=True)
class UnreadFolder:
    """Landing files in a folder no table reads (nothing of them loaded)."""

    path: str
    message: str

    def __str__(self) -> str:
        return self.message


def unread_in_run(con: duckdb.DuckDBPyConnection, run_id: str) -> list[UnreadFolder]:
    """Folders of the landing folder no table reads, as the run ``run_id`` found them."""
    rows = con.execute(
        f"select source_file, message from {LOAD_AUDIT} "
        "where run_id = ? and status = 'unread' order by source_file", [run_id]).fetchall()
    return [UnreadFolder(*row) for row in rows]


def rejected_in_run(con: duckdb.DuckDBPyConnection, run_id: str) -> list[RejectedFile]:
    """Files the run ``run_id`` rejected, from the load audit."""
    rows = con.execute(
        f"select source_file, 'raw_' || source || '.' || table_name, rejected_column, "
        f"coalesce(rejected_reason, message) from {LOAD_AUDIT} "
        "where run_id = ? and status = 'rejected' order by source_file",
        [run_id],
    ).fetchall()
    return [RejectedFile(*row) for row in rows]


def quarantine_state(
    con: duckdb.DuckDBPyConnection, source: str | None = None, table: str | None = None,
    top: int = 3,
) -> list[TableQuarantine]:
    """Per raw table (all, or the one named), what its landing files have in quarantine now;
    tables with nothing in quarantine are left out."""
    where = "where (? is null or source = ?) and (? is null or table_name = ?)"
    params = [source, source, table, table]
    totals = con.execute(
        f"select source, table_name, count(*) filter (where action = '{ROW_QUARANTINED}'), "
        f"count(*) filter (where action = '{VALUE_NULLED}') from {QUARANTINE} {where} "
        "group by all order by 1, 2",
        params,
    ).fetchall()
    reasons = con.execute(
        f"""
        select source, table_name, action, column_name, rule, count(*),
            arg_min(source_file || ' row ' || row_number || ': ' || reason,
                    source_file || lpad(row_number::varchar, 20, '0')),
            row_number() over (partition by source, table_name
                               order by count(*) desc, action, column_name) as rank
        from {QUARANTINE} {where}
        group by source, table_name, action, column_name, rule
        qualify rank <= ?
        order by source, table_name, rank
        """,
        [*params, top],
    ).fetchall()
    out = []
    for src, name, quarantined, nulled in totals:
        top_reasons = [Reason(r[2], r[3], r[4], int(r[5]), r[6])
                       for r in reasons if (r[0], r[1]) == (src, name)]
        out.append(TableQuarantine(f"raw_{src}.{name}", int(quarantined), int(nulled),
                                   top_reasons))
    return out
