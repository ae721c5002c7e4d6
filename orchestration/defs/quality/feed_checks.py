"""Freshness and volume of every raw table as Dagster asset checks, one multi-check per
source, each result carrying its numbers (observed value, threshold) in its metadata.

``source_fresh`` (WARN): the newest data of the table is older than the contract's threshold
(``contracts.FRESHNESS_HOURS``); defined only for feeds (a threshold and a moment column).
``volume_normal`` (WARN): the table's latest landing file has fewer than half the rows of the
median of the files before it (an export that silently stopped or shrank), and so few would
rarely happen by chance (``feeds.VOLUME_CHANCE``).
Stale or thin data does not make a published figure wrong, it makes it old or partial: both
warn and block nothing.
``gx_loaded_rows`` (ERROR): the generated column expectations of the table's GX suite on the
rows of its latest load (``loaded_rows.py``); a failure means the loaded rows hold what the
contract forbids. It blocks nothing downstream either: the dbt build serves every source, and
one source's failure must not stop the marts of the others; the run summary reports it.
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
    VOLUME_CHANCE,
    VOLUME_DROP_RATIO,
    freshness,
    moment_column,
    volume,
)
from orchestration.defs.quality.loaded_rows import validate_latest_load
from orchestration.defs.resources import WAREHOUSE_POOL

FRESHNESS_CHECK = "source_fresh"
VOLUME_CHECK = "volume_normal"
LOADED_ROWS_CHECK = "gx_loaded_rows"


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
                     f"least {MIN_TRAILING_FILES} of them) and so few would happen by chance "
                     f"less than {VOLUME_CHANCE:g} of the time (a Poisson count around the "
                     "median)."),
    ))
    specs.append(dg.AssetCheckSpec(
        LOADED_ROWS_CHECK, asset=key,
        description=(f"GX suite expectations/raw/{target}.json, its generated column "
                     "expectations, on the rows of the table's latest load."),
    ))
    return specs


def loaded_rows_result(con: duckdb.DuckDBPyConnection, table: Table, now: datetime
                       ) -> dg.AssetCheckResult:
    found = validate_latest_load(con, table, now)
    key = raw_key(table)
    if found is None:
        return dg.AssetCheckResult(asset_key=key, check_name=LOADED_ROWS_CHECK, passed=True,
                                   description="no column expectation in the suite")
    validation = found.validation
    metadata = {
        "suite": validation.suite, "loaded_at": found.loaded_at.isoformat()
        if found.loaded_at else None, "rows_of_latest_load": found.rows,
        "rows_validated": found.rows_validated, "evaluated_expectations": validation.evaluated,
        "failed_expectations": len(validation.failures),
        "failing_rows": sum(f.unexpected_count or 0 for f in validation.failures),
        "failures": dg.MetadataValue.json([f.as_dict() for f in validation.failures]),
    }
    passed = not validation.blocking
    description = (f"{validation.evaluated} expectation(s) met by {found.rows_validated} "
                   "row(s)" if passed else "; ".join(f.describe() for f in validation.failures))
    return dg.AssetCheckResult(asset_key=key, check_name=LOADED_ROWS_CHECK, passed=passed,
                               severity=dg.AssetCheckSeverity.ERROR, description=description,
                               metadata=metadata)


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
                "threshold_rows": found.threshold_rows, "drop_ratio": VOLUME_DROP_RATIO,
                "chance": found.chance, "chance_limit": VOLUME_CHANCE}
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
                if dg.AssetCheckKey(key, LOADED_ROWS_CHECK) in selected:
                    yield loaded_rows_result(con, table, now)

    return _checks


def feed_checks() -> list[dg.AssetChecksDefinition]:
    return [build_feed_checks(source) for source in SOURCES]
