"""Resources: the DuckDB warehouse and the landing folder, configured from the environment."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.defs import settings

# Every asset that writes the warehouse runs in this pool; dagster.yaml limits pools to 1.
WAREHOUSE_POOL = "duckdb_warehouse"


class LandingResource(dg.ConfigurableResource):
    """Where landing files are read from, and the key personal data is hashed with."""

    path: str
    pii_hash_key: str

    @property
    def root(self) -> Path:
        return Path(self.path)


def warehouse_resource(path: Path | None = None) -> DuckDBResource:
    path = (path or settings.warehouse_path()).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return DuckDBResource(database=str(path), connection_config=settings.duckdb_config())


def landing_resource(path: Path | None = None) -> LandingResource:
    return LandingResource(path=str(path or settings.landing_dir()),
                           pii_hash_key=settings.pii_hash_key())


def resources(
    warehouse: Path | None = None, landing: Path | None = None
) -> dict[str, dg.ConfigurableResource]:
    from orchestration.defs.dbt.project import dbt_resource

    return {"duckdb": warehouse_resource(warehouse), "landing": landing_resource(landing),
            "dbt": dbt_resource()}
