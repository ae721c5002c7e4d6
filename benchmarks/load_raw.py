"""Time the raw load (every table, first load and an idempotent re-load) and print figures.

    python benchmarks/load_raw.py [--landing DIR] [--scale small|default|large] [--seed 42]
                                  [--no-gx]

The loader validates each batch with its Great Expectations suite, as the raw assets do;
``--no-gx`` leaves GX out, to see its cost.

Without ``--landing`` it generates the given scale into a temporary folder first. Prints per
source: files, rows, seconds; then totals, rows per second and peak RSS of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb

from orchestration.defs import settings
from orchestration.defs.ingest.contracts import SOURCES, tables_of
from orchestration.defs.ingest.loader import RawLoader
from orchestration.defs.quality.batch import GxBatchValidator
from sample_data import generate


def _load_all(landing: Path, warehouse: Path, gx: bool) -> tuple[float, int]:
    total_rows = 0
    started = time.perf_counter()
    with duckdb.connect(str(warehouse), config=settings.duckdb_config()) as con:
        loader = RawLoader(con, landing, "benchmark-key",
                           validators=[GxBatchValidator()] if gx else [])
        for source in SOURCES:
            t0 = time.perf_counter()
            files = rows = 0
            for table in tables_of(source):
                outcome = loader.load_table(table)
                files += len(outcome.files)
                rows += outcome.rows_loaded + outcome.rows_quarantined
            total_rows += rows
            print(f"  {source:<20} {files:>6} files {rows:>12,} rows "
                  f"{time.perf_counter() - t0:>8.2f} s", flush=True)
    return time.perf_counter() - started, total_rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--landing", type=Path)
    parser.add_argument("--scale", default="default", choices=("small", "default", "large"))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-gx", action="store_true", help="leave GX batch validation out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        landing = args.landing or Path(tmp) / "landing"
        if args.landing is None:
            print(f"generating {args.scale} into {landing} ...", flush=True)
            generate(landing, args.scale, seed=args.seed)
        warehouse = Path(tmp) / "warehouse.duckdb"
        print("first load:")
        seconds, rows = _load_all(landing, warehouse, not args.no_gx)
        print(f"first load: {rows:,} rows in {seconds:.1f} s ({rows / max(seconds, 1e-9):,.0f} "
              "rows/s)")
        print("re-load (every file unchanged, so skipped):")
        again, _ = _load_all(landing, warehouse, not args.no_gx)
        print(f"re-load: {again:.1f} s")
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS: {peak_mib:,.0f} MiB; warehouse file: "
              f"{warehouse.stat().st_size / 2**20:,.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
