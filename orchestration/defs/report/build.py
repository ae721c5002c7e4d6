"""Build the static HTML report from a warehouse's marts (read-only), ``raw_meta`` for the
data-quality section: ``python -m orchestration.defs.report.build [WAREHOUSE] [OUT_DIR]``."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.defs import settings
from orchestration.defs.report import render
from orchestration.defs.report.model import Catalog, Section, mart_sources
from orchestration.defs.report.sections import BUILDERS, Context

INDEX = "index.html"


@dataclass(frozen=True)
class Report:
    path: Path
    sections: list[Section]

    @property
    def charts(self) -> int:
        return sum(len(s.charts) for s in self.sections)

    @property
    def empty(self) -> list[str]:
        return [f"{s.section_id}: {r}" for s in self.sections for r in s.empty_reasons]


def _why_empty(con: duckdb.DuckDBPyConnection, sources: dict[str, tuple[str, ...]]
               ) -> Callable[[str], str]:
    loaded = dict(con.execute(
        "select source, sum(rows_loaded) from raw_meta.load_audit "
        "where status in ('loaded', 'replaced') group by source").fetchall())

    def why(mart: str) -> str:
        upstream = sources.get(mart, ())
        nothing = [s for s in upstream if s in loaded or _is_landing(con, s)]
        nothing = [s for s in nothing if not loaded.get(s)]
        if nothing:
            return (f"no data: marts.{mart} is built from the sources {', '.join(upstream)}, "
                    f"and no rows were loaded for {', '.join(nothing)} (no landing files, or "
                    "every file rejected: see Data quality).")
        return (f"no data: marts.{mart} has no rows although its sources "
                f"({', '.join(upstream) or 'none'}) loaded rows: too few days or no "
                "overlap for this mart to compute.")

    return why


def _is_landing(con: duckdb.DuckDBPyConnection, source: str) -> bool:
    """A source the loader writes (a ``raw_<source>`` schema), not one another asset writes."""
    return bool(con.execute(
        "select count(*) from information_schema.schemata where schema_name = ?",
        [f"raw_{source}"]).fetchone()[0])


def build_report(warehouse: Path, out_dir: Path, manifest: Path | None = None) -> Report:
    """Read the marts of ``warehouse`` (read-only) and write ``out_dir/index.html``."""
    if manifest is None:
        from orchestration.defs.dbt.project import ensure_manifest

        manifest = ensure_manifest()
    sources = mart_sources(manifest)
    with duckdb.connect(str(warehouse), read_only=True,
                        config=settings.duckdb_config()) as con:
        ctx = Context(con, Catalog(con), _why_empty(con, sources))
        sections = [builder(ctx) for builder in BUILDERS]
        latest = con.execute(
            "select max(metric_date), max(jalali_date) from marts.kpi_tier_1_daily"
        ).fetchone()
        subtitle = (f"Built {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC from "
                    f"{warehouse.name}; latest KPI day {latest[0] or 'none'}"
                    + (f" ({latest[1]} in the Jalali calendar)" if latest[1] else "")
                    + ". Attribution figures are credit given to channels, not proof that "
                    "they caused the sales.")
        page = render.page(sections, ctx.catalog, subtitle)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / INDEX
    partial = out_dir / f".{INDEX}.{os.getpid()}.tmp"
    partial.write_text(page, encoding="utf-8")
    partial.replace(path)
    return Report(path, sections)


def main(argv: list[str]) -> int:
    warehouse = Path(argv[0]) if argv else settings.warehouse_path()
    out_dir = Path(argv[1]) if len(argv) > 1 else settings.report_dir(warehouse)
    report = build_report(warehouse, out_dir)
    print(f"report: {report.path} ({report.charts} charts)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
