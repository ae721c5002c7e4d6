"""Freshness and volume of every raw table as Dagster asset checks, one multi-check per
source, each result carrying its numbers (observed value, threshold) in its metadata.

``source_fresh`` (WARN): the newest data of the table is older than the contract's threshold
(``contracts.FRESHNESS_HOURS``); defined only for feeds (a threshold and a moment column).
``volume_normal`` (WARN): the table's latest landing file has fewer than half the rows of the
median of the files before it (an export that silently stopped or shrank).
Stale or thin data does not make a published figure wrong, it makes it old or partial: both
warn and block nothing.
"""

from collections.abc import Iterator
from datetime import UTC, datetime

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from orchestration.defs.ingest.assets import raw_key
from orchestration.defs.ingest.contracts import SOURCES, Table, freshness_hours, tables_of
from orchestration.defs.quality.connection import read_only
from orchestration.defs.quality.feeds import (
    MIN_TRAILING_FILES,
    VOLUME_DROP_RATIO,
    freshness,
    moment_column,
    volume,
)
from orchestration.defs.resources import WAREHOUSE_POOL

FRESHNESS_CHECK = "source_fresh"
VOLUME_CHECK = "volume_normal"


def _is_feed(table: Table) -> bool:
    return freshness_hours(table) is not None and moment_column(table) is not None


def feed_check_specs(table: Table) -> list[dg.AssetCheckSpec]:
    key, target = raw_key(table), f"{table.schema}.{table.name}"
    specs = []
    if _is_feed(table):
        column = moment_column(table)
        assert column is not None
        specs.append(dg.AssetCheckSpec(
            FRESHNESS_CHECK, asset=key,
            description=(f"Warns when the newest {column.name} of {target} is more than "
                         f"{freshness_hours(table):g} h old (the source's freshness threshold "
                         "in the landing contract)."),
            metadata={"threshold_hours": freshness_hours(table)},
        ))
    specs.append(dg.AssetCheckSpec(
        VOLUME_CHECK, asset=key,
        description=(f"Warns when the latest landing file of {target} has fewer than "
                     f"{VOLUME_DROP_RATIO:g} x the median rows of the files before it (at "
                     f"least {MIN_TRAILING_FILES} of them)."),
    ))
    return specs


def freshness_result(con: duckdb.DuckDBPyConnection, table: Table, now: datetime
                     ) -> dg.AssetCheckResult:
    found = freshness(con, table, now)
    assert found is not None
    metadata = {"threshold_hours": found.threshold_hours, "column": found.column,
                "observed_age_hours": found.age_hours,
                "newest": found.newest.isoformat() if found.newest else None,
                "checked_at": now.isoformat()}
    return dg.AssetCheckResult(
        asset_key=raw_key(table), check_name=FRESHNESS_CHECK, passed=found.fresh,
        severity=dg.AssetCheckSeverity.WARN, description=found.describe(), metadata=metadata)


def volume_result(con: duckdb.DuckDBPyConnection, table: Table) -> dg.AssetCheckResult:
    found = volume(con, table)
    metadata = {"latest_file": found.latest_file, "latest_rows": found.latest_rows,
                "trailing_median_rows": found.trailing_median,
                "trailing_files": found.trailing_files,
                "threshold_rows": found.threshold_rows, "drop_ratio": VOLUME_DROP_RATIO}
    return dg.AssetCheckResult(
        asset_key=raw_key(table), check_name=VOLUME_CHECK, passed=not found.dropped,
        severity=dg.AssetCheckSeverity.WARN, description=found.describe(), metadata=metadata)


def build_feed_checks(source: str) -> dg.AssetChecksDefinition:
    tables = tables_of(source)
    specs = [spec for t in tables for spec in feed_check_specs(t)]

    @dg.multi_asset_check(name=f"feed_checks_{source}", specs=specs, can_subset=True,
                          pool=WAREHOUSE_POOL)
    def _checks(context: dg.AssetCheckExecutionContext, duckdb: DuckDBResource
                ) -> Iterator[dg.AssetCheckResult]:
        selected = context.selected_asset_check_keys
        now = datetime.now(UTC)
        with read_only(duckdb) as con:
            for table in tables:
                key = raw_key(table)
                if dg.AssetCheckKey(key, FRESHNESS_CHECK) in selected:
                    yield freshness_result(con, table, now)
                if dg.AssetCheckKey(key, VOLUME_CHECK) in selected:
                    yield volume_result(con, table)

    return _checks


def feed_checks() -> list[dg.AssetChecksDefinition]:
    return [build_feed_checks(source) for source in SOURCES]
