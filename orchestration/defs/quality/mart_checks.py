"""The marts' GX suites as Dagster asset checks on the dbt mart assets: ERROR and blocking
(a mart that breaks its suite publishes a wrong figure), each result with its numbers: the
failing expectations, their failing rows and observed values."""

from collections.abc import Iterator

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.defs.quality import gx_runtime
from orchestration.defs.quality.connection import read_only
from orchestration.defs.quality.marts import MART_SCHEMA, MartSuite, mart_suites, validate_mart
from orchestration.defs.resources import WAREHOUSE_POOL


def mart_key(mart: str) -> dg.AssetKey:
    """The dbt translator names a mart's asset ``marts/<model>``."""
    return dg.AssetKey([MART_SCHEMA, mart])


def mart_check_result(suite: MartSuite, validation: gx_runtime.Validation
                      ) -> dg.AssetCheckResult:
    failing_rows = sum(f.unexpected_count or 0 for f in validation.failures)
    metadata = {
        "suite": suite.name, "evaluated_expectations": validation.evaluated,
        "failed_expectations": len(validation.failures), "failing_rows": failing_rows,
        "failures": dg.MetadataValue.json([f.as_dict() for f in validation.failures]),
    }
    passed = not validation.blocking
    description = (f"{suite.name}: {validation.evaluated} expectation(s) met" if passed else
                   f"{suite.name}: " + "; ".join(f.describe() for f in validation.failures))
    return dg.AssetCheckResult(
        asset_key=mart_key(suite.mart), check_name=suite.check_name, passed=passed,
        severity=dg.AssetCheckSeverity.ERROR, description=description, metadata=metadata)


def mart_check_specs(suites: list[MartSuite]) -> list[dg.AssetCheckSpec]:
    return [dg.AssetCheckSpec(s.check_name, asset=mart_key(s.mart), blocking=True,
                              description=f"GX suite {s.path.name}: {s.description}")
            for s in suites]


def build_mart_checks(suites: list[MartSuite] | None = None) -> dg.AssetChecksDefinition:
    suites = mart_suites() if suites is None else suites
    by_key = {dg.AssetCheckKey(mart_key(s.mart), s.check_name): s for s in suites}

    @dg.multi_asset_check(name="gx_mart_suites", specs=mart_check_specs(suites),
                          can_subset=True, pool=WAREHOUSE_POOL)
    def _checks(context: dg.AssetCheckExecutionContext, duckdb: DuckDBResource
                ) -> Iterator[dg.AssetCheckResult]:
        with read_only(duckdb) as con:
            for key in sorted(context.selected_asset_check_keys, key=str):
                suite = by_key[key]
                yield mart_check_result(suite, validate_mart(con, suite))

    return _checks
