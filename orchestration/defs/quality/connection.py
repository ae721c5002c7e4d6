"""A read-only connection to the warehouse for checks (they never write it)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
from dagster_duckdb import DuckDBResource

from orchestration.defs import settings


@contextmanager
def read_only(resource: DuckDBResource) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(resource.database, read_only=True, config=settings.duckdb_config())
    try:
        yield con
    finally:
        con.close()
