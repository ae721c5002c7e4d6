"""Command line: generate the landing files and print a short summary."""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from .config import DEFAULT_END_DATE, SCALES
from .generator import generate


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m sample_data", description=__doc__)
    p.add_argument("--out", type=Path, required=True, help="landing folder to write")
    p.add_argument("--scale", choices=sorted(SCALES), default="default")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--end-date", type=date.fromisoformat, default=DEFAULT_END_DATE,
                   help="last generated date, YYYY-MM-DD (default %(default)s)")
    p.add_argument("--bad-input", action="store_true",
                   help="also write files exercising each kind of bad input")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    truth = generate(args.out, args.scale, args.seed, args.end_date, args.bad_input)
    per_source: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, v in truth["files"].items():
        source = key.split(".")[0]
        per_source[source][0] += v["files"]
        per_source[source][1] += v["rows"]
    g = truth["generator"]
    print(f"sample data: scale={g['scale']} seed={g['seed']} {g['start_date']}..{g['end_date']}"
          f" -> {args.out}")
    for source, (files, rows) in sorted(per_source.items()):
        print(f"  {source:<20} {files:>5} files {rows:>12,} rows")
    shop, ga4 = truth["headline"]["shop"], truth["headline"]["ga4"]
    print(f"  orders {shop['orders']['value']:,}  net revenue USD "
          f"{shop['net_revenue_usd']['value']:,.2f}  GA4 sessions {ga4['sessions']['value']:,}")
    if "bad_input" in truth:
        print(f"  bad-input files: {len(truth['bad_input']['files'])}")
    elapsed = time.perf_counter() - started
    print(f"  ground truth: {args.out / '_ground_truth.json'}  ({elapsed:.1f} s)")
    return 0
