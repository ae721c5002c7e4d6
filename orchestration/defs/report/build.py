"""Build the static HTML report from a warehouse's marts (read-only), ``raw_meta`` for the
data-quality section: ``python -m orchestration.defs.report.build [WAREHOUSE] [OUT_DIR]``."""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.defs import settings
from orchestration.defs.ingest.contracts import TABLES_BY_KEY
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


class Lineage:
    """Which landing sources a mart is built from, and which of them loaded no rows."""

    def __init__(self, con: duckdb.DuckDBPyConnection,
                 sources: dict[str, tuple[str, ...]]) -> None:
        self.sources = sources
        self.loaded = dict(con.execute(
            "select source, sum(rows_loaded) from raw_meta.load_audit "
            "where status in ('loaded', 'replaced') group by source").fetchall())
        self.landing = {source for source, _ in TABLES_BY_KEY}

    def missing(self, mart: str) -> list[str]:
        """The landing sources of ``mart`` (loaded by the loader, not written by another
        asset) that loaded no rows."""
        return [s for s in self.sources.get(mart, ())
                if (s in self.landing or s in self.loaded) and not self.loaded.get(s)]

    def why_empty(self, mart: str) -> str:
        upstream = self.sources.get(mart, ())
        nothing = self.missing(mart)
        if nothing:
            return (f"no data: marts.{mart} is built from the sources {', '.join(upstream)}, "
                    f"and no rows were loaded for {', '.join(nothing)} (no landing files, or "
                    "every file rejected: see Data quality).")
        return (f"no data: marts.{mart} has no rows although its sources "
                f"({', '.join(upstream) or 'none'}) loaded rows: too few days or no "
                "overlap for this mart to compute.")


def build_report(warehouse: Path, out_dir: Path, manifest: Path | None = None) -> Report:
    """Read the marts of ``warehouse`` (read-only) and write ``out_dir/index.html``."""
    if manifest is None:
        from orchestration.defs.dbt.project import ensure_manifest

        manifest = ensure_manifest()
    sources = mart_sources(manifest)
    with duckdb.connect(str(warehouse), read_only=True,
                        config=settings.duckdb_config()) as con:
        lineage = Lineage(con, sources)
        ctx = Context(con, Catalog(con), lineage.why_empty, lineage.missing)
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
