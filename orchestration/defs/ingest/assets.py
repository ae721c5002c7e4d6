"""Raw assets: one multi-asset per source, one asset per raw table, each downstream of the
landing folder it reads (an external asset, so the UI shows lineage from the files).

A bad landing file never fails its asset (so the dbt models downstream still build from what
did load): each raw table has two non-blocking checks instead, ``landing_files_accepted``
(ERROR: a file was rejected whole; it names file, table, column and reason) and
``landing_rows_clean`` (WARN: rows of its files are quarantined or values nulled; counts and
the top reasons). Only an unexpected error fails the asset.
"""

from collections.abc import Iterator

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from orchestration.defs.ingest.contracts import SOURCES, TABLES, Table, tables_of
from orchestration.defs.ingest.loader import RawLoader, TableOutcome
from orchestration.defs.ingest.problems import RejectedFile, quarantine_state
from orchestration.defs.ingest.warehouse_meta import QUARANTINE
from orchestration.defs.quality.batch import GxBatchValidator
from orchestration.defs.resources import WAREHOUSE_POOL, LandingResource

RAW_GROUP = "raw"
LANDING_GROUP = "landing"
FILES_CHECK = "landing_files_accepted"
ROWS_CHECK = "landing_rows_clean"


def landing_key(table: Table) -> dg.AssetKey:
    return dg.AssetKey(["landing", table.source, table.name])


def raw_key(table: Table) -> dg.AssetKey:
    return dg.AssetKey([table.schema, table.name])


def _column_schema(table: Table) -> dg.TableSchema:
    columns = [dg.TableColumn(c.name, c.type.lower(), description=c.description or None)
               for c in table.columns]
    columns += [
        dg.TableColumn("_loaded_at", "timestamptz", description="When the loader wrote the row."),
        dg.TableColumn("_source_file", "varchar", description="Landing file, relative path."),
        dg.TableColumn("_file_hash", "varchar", description="SHA-256 of the file's bytes."),
        dg.TableColumn("_row_number", "bigint", description="Row (line for JSON lines) in it."),
        dg.TableColumn("_nulled_columns", "varchar[]", description=(
            "Measure columns whose impossible value was nulled at load (NULL when none); the "
            "original values are in raw_meta.quarantine.")),
    ]
    return dg.TableSchema(columns)


def landing_specs() -> list[dg.AssetSpec]:
    from orchestration.defs.ingest.contracts import TABLES

    return [
        dg.AssetSpec(
            landing_key(t), group_name=LANDING_GROUP, kinds={"file"},
            description=f"Files dropped in <landing>/{t.source}/{t.name}/ (csv, jsonl, json, "
                        "parquet).",
        )
        for t in TABLES
    ]


def _metadata(outcome: TableOutcome, row_count: int) -> dict[str, int]:
    return {
        "files_seen": len(outcome.files),
        "files_loaded": outcome.count("loaded", "replaced", "empty"),
        "files_replaced": outcome.count("replaced"),
        "files_skipped": outcome.count("unchanged", "duplicate"),
        "files_rejected": outcome.count("rejected"),
        "files_pending": outcome.count("pending"),
        "files_removed": outcome.count("removed"),
        "rows_loaded": outcome.rows_loaded,
        "rows_quarantined": outcome.rows_quarantined,
        "values_nulled": outcome.values_nulled,
        "dagster/row_count": row_count,
    }


def check_specs(key: dg.AssetKey, table: Table) -> list[dg.AssetCheckSpec]:
    target = f"{table.schema}.{table.name}"
    return [
        dg.AssetCheckSpec(
            FILES_CHECK, asset=key, blocking=False,
            description=(
                f"Fails (ERROR) when a landing file of {target} was rejected whole in the run "
                "(a required column missing, not UTF-8, unparseable): nothing of it was "
                "written and the table keeps its last good rows. Names file, table, column "
                "and reason. Non-blocking: the models downstream build from what loaded."),
        ),
        dg.AssetCheckSpec(
            ROWS_CHECK, asset=key, blocking=False,
            description=(
                f"Warns when rows of {target}'s landing files are quarantined or impossible "
                f"measure values were nulled ({QUARANTINE}), with counts and the top reasons."),
        ),
    ]


def _files_check(key: dg.AssetKey, table: Table, outcome: TableOutcome) -> dg.AssetCheckResult:
    rejected = [RejectedFile(f.source_file, f"{table.schema}.{table.name}", f.rejected_column,
                             f.rejected_reason or f.message or "rejected")
                for f in outcome.rejected]
    if not rejected:
        return dg.AssetCheckResult(
            asset_key=key, check_name=FILES_CHECK, passed=True,
            metadata={"files_seen": len(outcome.files)})
    return dg.AssetCheckResult(
        asset_key=key, check_name=FILES_CHECK, passed=False,
        severity=dg.AssetCheckSeverity.ERROR,
        description=(f"{len(rejected)} landing file(s) rejected, nothing of them written (the "
                     "table keeps its last good rows): " + "; ".join(map(str, rejected))),
        metadata={"files_rejected": len(rejected),
                  "rejected_files": dg.MetadataValue.json([r.as_dict() for r in rejected])},
    )


def _rows_check(
    con: duckdb.DuckDBPyConnection, key: dg.AssetKey, table: Table, outcome: TableOutcome
) -> dg.AssetCheckResult:
    state = quarantine_state(con, table.source, table.name, top=5)
    run = {"rows_quarantined_this_run": outcome.rows_quarantined,
           "values_nulled_this_run": outcome.values_nulled}
    if not state:
        return dg.AssetCheckResult(asset_key=key, check_name=ROWS_CHECK, passed=True,
                                   metadata={"rows_quarantined": 0, "values_nulled": 0, **run})
    (now,) = state
    return dg.AssetCheckResult(
        asset_key=key, check_name=ROWS_CHECK, passed=False,
        severity=dg.AssetCheckSeverity.WARN,
        description=f"{now.describe()}; top reasons: "
                    + "; ".join(str(r) for r in now.top_reasons),
        metadata={"rows_quarantined": now.rows_quarantined, "values_nulled": now.values_nulled,
                  **run,
                  "top_reasons": dg.MetadataValue.json([r.as_dict() for r in now.top_reasons])},
    )


def build_source_assets(source: str) -> dg.AssetsDefinition:
    tables = {raw_key(t): t for t in tables_of(source)}
    checks = [spec for key, t in tables.items() for spec in check_specs(key, t)]
    specs = [
        dg.AssetSpec(
            key, group_name=RAW_GROUP, deps=[landing_key(t)], kinds={"duckdb"},
            description=f"{t.description} Loaded from landing files into "
                        f"{t.schema}.{t.name}; bad rows go to raw_meta.quarantine.",
            metadata={"dagster/column_schema": _column_schema(t),
                      "dagster/table_name": f"{t.schema}.{t.name}"},
        )
        for key, t in tables.items()
    ]

    @dg.multi_asset(name=f"raw_{source}", specs=specs, check_specs=checks, can_subset=True,
                    pool=WAREHOUSE_POOL)
    def _load(
        context: dg.AssetExecutionContext, duckdb: DuckDBResource, landing: LandingResource
    ) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
        selected_checks = context.selected_asset_check_keys
        with duckdb.get_connection() as con:
            loader = RawLoader(con, landing.root, landing.pii_hash_key, run_id=context.run_id,
                               validators=[GxBatchValidator()])
            if not landing.root.is_dir():
                context.log.warning(f"the landing folder {landing.root} does not exist: "
                                    "nothing to load, and no loaded file is taken as deleted")
            for unread in loader.report_unread(TABLES):
                context.log.warning(f"not loaded: {unread.describe()}")
            for key, table in tables.items():
                if key not in context.selected_asset_keys:
                    continue
                outcome = loader.load_table(table)
                rows = con.execute(f"select count(*) from {table.qualified}").fetchone()
                row_count = int(rows[0]) if rows else 0
                for f in outcome.files:
                    if f.status == "rejected":
                        context.log.error(f"rejected, nothing written: {f.message}")
                    elif f.status != "unchanged":
                        context.log.info(f"{f.source_file}: {f.status}, {f.rows_loaded} loaded, "
                                         f"{f.rows_quarantined} quarantined, "
                                         f"{f.values_nulled} value(s) nulled")
                yield dg.MaterializeResult(asset_key=key, metadata=_metadata(outcome, row_count))
                if dg.AssetCheckKey(key, FILES_CHECK) in selected_checks:
                    yield _files_check(key, table, outcome)
                if dg.AssetCheckKey(key, ROWS_CHECK) in selected_checks:
                    yield _rows_check(con, key, table, outcome)

    return _load


def raw_assets() -> list[dg.AssetsDefinition]:
    return [build_source_assets(source) for source in SOURCES]
