"""Generate the ``large`` sample (365 days, >= 10M GA4 events, >= 100k orders) and report
wall time, peak RSS and what was written.

    python benchmarks/generate_large.py [--out DIR] [--seed 42] [--keep]

Without ``--out`` it writes to a temporary directory and removes it afterwards (unless
``--keep``). Run from the repository root so ``sample_data`` and ``orchestration`` import.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sample_data import generate


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", type=Path, default=None)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = p.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="sample_large_"))
    started = time.perf_counter()
    truth = generate(out, "large", args.seed)
    wall = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    files = truth["files"]
    events = files["ga4.events"]["rows"]
    orders = truth["headline"]["shop"]["orders_created"]
    print(f"wall time      {wall:,.1f} s")
    print(f"peak RSS       {peak_kib / 1024:,.0f} MiB")
    print(f"GA4 events     {events:,} in {files['ga4.events']['files']} parquet files")
    print(f"orders         {orders:,} created ({truth['headline']['shop']['orders']['value']:,} "
          f"not cancelled), {files['shopify.order']['rows']:,} order versions")
    print(f"on disk        {_dir_size(out) / 2**20:,.0f} MiB in {out}")
    if args.out is None and not args.keep:
        shutil.rmtree(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
