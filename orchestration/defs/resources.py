"""Resources: the DuckDB warehouse and the landing folder, configured from the environment."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
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


class WarehouseLockedError(RuntimeError):
    """Another process holds the working warehouse file."""


class WarehouseResource(DuckDBResource):
    """The working warehouse. Unlike ``DuckDBResource`` (which retries a locked file for about
    100 s with backoff, once per step), it connects once: when another process holds the file
    the step fails at once, saying who holds it and what to do."""

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        try:
            con = duckdb.connect(self.database, read_only=False,
                                 config=dict(self.connection_config))
        except duckdb.IOException as err:
            if "lock" not in str(err).lower():
                raise
            raise WarehouseLockedError(
                f"the working warehouse {self.database} is held by another process, so the "
                f"pipeline cannot write it: {err}. BI tools and notebooks should read the "
                "serving copy (SERVING_DIR, see the README), never the working file; stop "
                "that process or let its run finish, then run again.") from None
        try:
            yield con
        finally:
            con.close()


def warehouse_resource(path: Path | None = None) -> WarehouseResource:
    path = (path or settings.warehouse_path()).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return WarehouseResource(database=str(path), connection_config=settings.duckdb_config())


def landing_resource(path: Path | None = None) -> LandingResource:
    return LandingResource(path=str(path or settings.landing_dir()),
                           pii_hash_key=settings.pii_hash_key())


def resources(
    warehouse: Path | None = None, landing: Path | None = None
) -> dict[str, dg.ConfigurableResource]:
    from orchestration.defs.dbt.project import dbt_resource

    return {"duckdb": warehouse_resource(warehouse), "landing": landing_resource(landing),
            "dbt": dbt_resource()}
