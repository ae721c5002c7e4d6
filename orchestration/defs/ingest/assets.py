"""Raw assets: one multi-asset per source, one asset per raw table, each downstream of the
landing folder it reads (an external asset, so the UI shows lineage from the files)."""

from collections.abc import Iterator

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.defs.ingest.contracts import SOURCES, Table, tables_of
from orchestration.defs.ingest.loader import RawLoader, TableOutcome
from orchestration.defs.resources import WAREHOUSE_POOL, LandingResource

RAW_GROUP = "raw"
LANDING_GROUP = "landing"


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
        "rows_loaded": outcome.rows_loaded,
        "rows_quarantined": outcome.rows_quarantined,
        "dagster/row_count": row_count,
    }


def build_source_assets(source: str) -> dg.AssetsDefinition:
    tables = {raw_key(t): t for t in tables_of(source)}
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

    @dg.multi_asset(name=f"raw_{source}", specs=specs, can_subset=True, pool=WAREHOUSE_POOL)
    def _load(
        context: dg.AssetExecutionContext, duckdb: DuckDBResource, landing: LandingResource
    ) -> Iterator[dg.MaterializeResult]:
        rejected: list[str] = []
        with duckdb.get_connection() as con:
            loader = RawLoader(con, landing.root, landing.pii_hash_key, run_id=context.run_id)
            for key, table in tables.items():
                if key not in context.selected_asset_keys:
                    continue
                outcome = loader.load_table(table)
                rows = con.execute(f"select count(*) from {table.qualified}").fetchone()
                row_count = int(rows[0]) if rows else 0
                for f in outcome.files:
                    if f.status not in ("unchanged",):
                        context.log.info(f"{f.source_file}: {f.status}, {f.rows_loaded} loaded, "
                                         f"{f.rows_quarantined} quarantined")
                rejected += [f.message or f.source_file for f in outcome.rejected]
                yield dg.MaterializeResult(asset_key=key, metadata=_metadata(outcome, row_count))
        if rejected:
            raise dg.Failure(
                description=f"{len(rejected)} landing file(s) rejected:\n" + "\n".join(rejected),
                metadata={"rejected_files": rejected},
            )

    return _load


def raw_assets() -> list[dg.AssetsDefinition]:
    return [build_source_assets(source) for source in SOURCES]
