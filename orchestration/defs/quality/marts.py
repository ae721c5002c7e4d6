"""The marts' suites (``expectations/marts/*.json``, hand-written): which mart each guards,
the frame it validates (the whole mart, or the rows of the suite's ``meta.query``, e.g. a
reconciliation of two marts) and the validation itself, through a read-only connection."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.defs.quality import gx_runtime
from orchestration.defs.quality.suites import MARTS_DIR

MART_SCHEMA = "marts"


@dataclass(frozen=True)
class MartSuite:
    path: Path
    name: str
    mart: str
    description: str
    query: str

    @property
    def check_name(self) -> str:
        return "gx_" + self.path.stem.replace(".", "__")


def mart_suites(root: Path = MARTS_DIR) -> list[MartSuite]:
    found = []
    for path in sorted(root.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        meta = document.get("meta", {})
        mart = meta["mart"]
        found.append(MartSuite(path, document["name"], mart, meta.get("description", ""),
                               meta.get("query") or f"select * from {MART_SCHEMA}.{mart}"))
    return found


def suite_relations(suites: list[MartSuite] | None = None) -> set[str]:
    """Every ``schema.table`` the suites' queries read (a reconciliation may read an
    intermediate model beside its mart), as DuckDB's parser names them."""
    return {name for suite in (mart_suites() if suites is None else suites)
            for name in duckdb.get_table_names(suite.query, qualified=True)}


def validate_mart(con: duckdb.DuckDBPyConnection, suite: MartSuite
                  ) -> gx_runtime.Validation:
    frame = con.execute(suite.query).df()
    return gx_runtime.validate(frame, gx_runtime.load_suite(suite.path))
