"""GX Data Docs (HTML) of the warehouse: every raw table's suite on the whole table and every
mart suite, validated through a read-only connection into a file-based GX context under
``--out`` (default ``build/gx_docs``), whose static site is then built.

``python -m orchestration.defs.quality.docs [--warehouse data/warehouse.duckdb]
[--out build/gx_docs]`` (``make docs-gx``) prints the path of the site's index.html.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from orchestration.defs import settings
from orchestration.defs.ingest.contracts import TABLES
from orchestration.defs.quality.batch import NO_CEILING, batch_frame_sql, latest_moments
from orchestration.defs.quality.marts import mart_suites
from orchestration.defs.quality.suites import ROW_COUNT_CEILING, raw_suite_path

DEFAULT_OUT = Path("build/gx_docs")
SITE = "local_site"


def _frames(con: duckdb.DuckDBPyConnection) -> list[tuple[str, Path, str]]:
    """(data asset name, suite file, query) for every suite whose table exists."""
    present = {f"{s}.{t}" for s, t in con.execute(
        "select table_schema, table_name from information_schema.tables").fetchall()}
    found = [(f"{t.schema}.{t.name}", raw_suite_path(t), f"select * from {t.qualified}")
             for t in TABLES if f"{t.schema}.{t.name}" in present and raw_suite_path(t).exists()]
    found += [(s.name, s.path, s.query) for s in mart_suites()
              if f"marts.{s.mart}" in present]
    return found


def build_data_docs(warehouse: Path, out: Path = DEFAULT_OUT) -> Path:
    """Validate every suite on the warehouse and build the Data Docs site; returns its
    index.html. ``out`` is rebuilt from scratch."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    context: Any = gx.get_context(mode="file", project_root_dir=str(out))
    context.variables.progress_bars = ProgressBarsConfig(globally=False,
                                                         metric_calculations=False)
    source = context.data_sources.add_pandas("warehouse")
    parameters = {**latest_moments(datetime.now(UTC)), ROW_COUNT_CEILING: NO_CEILING}
    with duckdb.connect(str(warehouse), read_only=True,
                        config=settings.duckdb_config()) as con:
        for name, suite_path, query in _frames(con):
            # with the suite's lookups (facts of other tables its expectations compare with)
            frame = con.execute(batch_frame_sql(con, suite_path, f"({query})")).df()
            suite = context.suites.add(gx.ExpectationSuite(**_suite_document(suite_path)))
            batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(
                "whole_table")
            definition = context.validation_definitions.add(
                gx.ValidationDefinition(name=name, data=batch, suite=suite))
            definition.run(batch_parameters={"dataframe": frame},
                           expectation_parameters=parameters)
    context.build_data_docs(site_names=[SITE])
    index = next(out.rglob(f"data_docs/{SITE}/index.html"))
    return index


def _suite_document(path: Path) -> dict[str, Any]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return {k: document[k] for k in ("name", "expectations", "meta") if k in document}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warehouse", type=Path, default=settings.warehouse_path())
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not args.warehouse.exists():
        print(f"no warehouse at {args.warehouse}: run `make demo` first")
        return 1
    index = build_data_docs(args.warehouse, args.out)
    print(f"GX Data Docs: {index.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
