"""Is each raw table still being fed? Freshness (the age of its newest data against the
contract's threshold) and volume (its latest landing file against the median of the files
before it), computed on the warehouse and returned in numbers."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from orchestration.defs.ingest.contracts import Column, Table, freshness_hours
from orchestration.defs.ingest.validation import quote
from orchestration.defs.ingest.warehouse_meta import LOADED_FILES

# A latest file below this share of the trailing median is a drop (an export that stopped).
VOLUME_DROP_RATIO = 0.5
# ... and only when a file that small is this unlikely by chance (a Poisson count around the
# median): a table of a few rows a day drops by half often, harmlessly.
VOLUME_CHANCE = 0.01
TRAILING_FILES = 14
MIN_TRAILING_FILES = 3


def moment_column(table: Table) -> Column | None:
    """What tells a row's age: the connector's sync time when every file has it, else the
    first required moment (event time or day), else any moment column."""
    columns = [c for c in table.columns if c.not_future or c.epoch_micros]
    required = [c for c in columns if c.required]
    for column in required:
        if column.name == "_fivetran_synced":
            return column
    return (required or columns or [None])[0]


def _newest_sql(table: Table, column: Column) -> str:
    """The newest moment the table's data covers, as a timestamptz: a day counts until its
    end (data for 31 October is current until 1 November 00:00 UTC)."""
    name = quote(column.name)
    if column.epoch_micros:
        return f"max(make_timestamp({name}))::timestamptz"
    if column.type == "DATE":
        return f"(max({name}) + 1)::timestamptz"
    return f"max({name})::timestamptz"


@dataclass(frozen=True)
class Freshness:
    table: Table
    column: str
    threshold_hours: float
    newest: datetime | None
    age_hours: float | None

    @property
    def fresh(self) -> bool:
        return self.age_hours is not None and self.age_hours <= self.threshold_hours

    def describe(self) -> str:
        where = f"{self.table.schema}.{self.table.name}"
        if self.newest is None:
            return f"{where} holds no data (threshold {self.threshold_hours:g} h)"
        verdict = "within" if self.fresh else "older than"
        return (f"{where}: newest data ({self.column}) {self.newest.isoformat()} is "
                f"{self.age_hours:.1f} h old, {verdict} the threshold of "
                f"{self.threshold_hours:g} h")


def freshness(con: duckdb.DuckDBPyConnection, table: Table, now: datetime
              ) -> Freshness | None:
    """None when the table is not a feed (no threshold or no moment column)."""
    threshold, column = freshness_hours(table), moment_column(table)
    if threshold is None or column is None:
        return None
    con.execute("set TimeZone = 'UTC'")
    try:
        row = con.execute(f"select {_newest_sql(table, column)} from {table.qualified}"
                          ).fetchone()
    except duckdb.CatalogException:  # never loaded
        row = None
    newest = row[0] if row else None
    age = None if newest is None else (now - newest) / timedelta(hours=1)
    return Freshness(table, column.name, threshold, newest, None if age is None
                     else round(age, 2))


@dataclass(frozen=True)
class Volume:
    table: Table
    latest_file: str | None
    latest_rows: int | None
    trailing_median: float | None
    trailing_files: int

    @property
    def threshold_rows(self) -> float | None:
        if self.trailing_median is None:
            return None
        return VOLUME_DROP_RATIO * self.trailing_median

    @property
    def chance(self) -> float | None:
        """How likely a file this small is by chance alone: P(X <= latest rows) for a Poisson
        count with the trailing median as its mean. One row instead of a median of three is
        ordinary (0.20); none instead of 100 is not (4e-44)."""
        if self.trailing_median is None or self.latest_rows is None:
            return None
        return poisson_cdf(self.latest_rows, self.trailing_median)

    @property
    def dropped(self) -> bool:
        """Below ``VOLUME_DROP_RATIO`` x the median, and too unlikely to be chance (below
        ``VOLUME_CHANCE``): small daily counts vary a lot without anything being wrong."""
        threshold, chance = self.threshold_rows, self.chance
        return (threshold is not None and self.latest_rows is not None
                and self.latest_rows < threshold and chance is not None
                and chance < VOLUME_CHANCE)

    def describe(self) -> str:
        where = f"{self.table.schema}.{self.table.name}"
        if self.trailing_median is None:
            return (f"{where}: {self.trailing_files} earlier file(s), fewer than "
                    f"{MIN_TRAILING_FILES}: no trailing median yet")
        verdict = "below" if self.dropped else "not below"
        text = (f"{where}: latest file {self.latest_file} has {self.latest_rows} row(s), "
                f"{verdict} {VOLUME_DROP_RATIO:g} x the median of the {self.trailing_files} "
                f"file(s) before it ({self.trailing_median:g} rows; threshold "
                f"{self.threshold_rows:g})")
        if (self.latest_rows is not None and self.threshold_rows is not None
                and self.latest_rows < self.threshold_rows and not self.dropped):
            text += f", but as likely as {self.chance:.2g} by chance alone"
        return text


def poisson_cdf(k: int, mean: float) -> float:
    """P(X <= k) for X ~ Poisson(mean), summed in log space (no overflow for large counts)."""
    if mean <= 0:
        return 1.0
    terms = [i * math.log(mean) - mean - math.lgamma(i + 1) for i in range(k + 1)]
    top = max(terms)
    return min(1.0, math.exp(top) * sum(math.exp(t - top) for t in terms))


def volume(con: duckdb.DuckDBPyConnection, table: Table) -> Volume:
    """The latest landing file of the table (the last loaded; the last by name among files
    loaded together) against the median rows landed of up to ``TRAILING_FILES`` before it."""
    try:
        rows = con.execute(
            f"select source_file, rows_loaded + rows_quarantined from {LOADED_FILES} "
            "where source = ? and table_name = ? and status in ('loaded', 'replaced', 'empty') "
            "order by loaded_at desc, source_file desc limit ?",
            [table.source, table.name, TRAILING_FILES + 1],
        ).fetchall()
    except duckdb.CatalogException:  # nothing ever loaded
        rows = []
    if not rows:
        return Volume(table, None, None, None, 0)
    (latest_file, latest_rows), earlier = rows[0], [int(r[1]) for r in rows[1:]]
    median = statistics.median(earlier) if len(earlier) >= MIN_TRAILING_FILES else None
    return Volume(table, latest_file, int(latest_rows), median, len(earlier))
