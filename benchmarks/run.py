"""The benchmark: one command that prints a table (issue 14, section 1). Not a test.

    python benchmarks/run.py [--scales small,default,large] [--no-scaling] [--cache DIR]
                             [--seed 42] [--spark [SCALE]]   (also: make bench ARGS="...")

For each scale: the sample (generated once, cached in ``<cache>/<scale>-<seed>-<end date>/``,
ending one day after the project's default end date), then, in a fresh work folder
``<cache>/work/<scale>/``:

1. the full refresh (the Dagster job ``refresh_warehouse``, as ``make demo`` runs it) of a
   landing folder holding every sample file but the last day's daily files (files whose name
   carries that date; monthly and whole-period files stay as they are);
2. the baseline: the same headline figures (sessions, net revenue, followers per day) by
   plain DuckDB SQL over the same landing files, checked against the warehouse;
3. the one-day incremental refresh, once the held-back files landed (and the baseline again);
4. the no-change refresh (nothing new landed).

With ``large`` selected (and without ``--no-scaling``): the full refresh of ``large2y`` (two
years, 2x the data of ``large``) and the ratio of the two full refreshes.

With ``--spark``: the full refresh of ``default`` (or the scale given) once more with
``WAREHOUSE_ENGINE=spark`` (dbt on Spark in local mode), beside DuckDB's.

Each refresh and baseline runs in a child process; its whole process tree's RSS is sampled
every 0.2 s. Per stage: wall seconds (the run's event log), rows in and out, rows per second
(rows out, else rows in, per second) and the tree's peak RSS while the stage ran. The table is
printed at the end and written to ``<cache>/latest.json`` and ``<cache>/latest.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil

from benchmarks.report import render, targets
from benchmarks.samples import BENCH_END_DATE, Sample
from benchmarks.scenario import REPO, ScaleResult, run_scale
from orchestration.defs import settings

SCALES = ("small", "default", "large")
TWO_YEARS = "large2y"


def machine() -> dict[str, Any]:
    load = os.getloadavg()
    memory = psutil.virtual_memory().total
    duck = settings.duckdb_config()
    description = (f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
                   f"{memory / 2**30:.1f} GiB RAM, load average {load[0]:.1f} at the start "
                   f"(a shared machine: other work ran beside the benchmark), DuckDB "
                   f"memory_limit {duck['memory_limit']}, threads {duck['threads']}")
    return {"started_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "system": platform.platform(), "cpus": os.cpu_count(), "memory_bytes": memory,
            "load_average": load, "duckdb": duck, "description": description}


def prepare(say: Any) -> None:
    """Parse the dbt project now if its manifest is stale, so no refresh pays for it."""
    started = time.perf_counter()
    from orchestration.defs.dbt.project import ensure_manifest

    ensure_manifest()
    say(f"dbt manifest ready ({time.perf_counter() - started:.1f} s)")


def scaling_row(one: ScaleResult | None, two: ScaleResult | None) -> dict[str, Any]:
    a = one.refresh("full") if one else None
    b = two.refresh("full") if two else None
    if a is None or b is None:
        return {"ratio": None, "text": "not measured"}
    ratio = b.seconds / a.seconds
    return {"ratio": ratio, "large_seconds": a.seconds, "large2y_seconds": b.seconds,
            "large_period": one.period if one else None,
            "large2y_period": two.period if two else None,
            "text": f"full refresh of large ({one.period if one else ''}) {a.seconds:,.1f} s, "
                    f"of large2y ({two.period if two else ''}, two years) {b.seconds:,.1f} s:"
                    f" {ratio:.2f}x (target <= 2.2x: {'met' if ratio <= 2.2 else 'NOT met'})"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default=",".join(SCALES),
                        help="comma-separated scales to run (default %(default)s)")
    parser.add_argument("--no-scaling", action="store_true",
                        help=f"skip the {TWO_YEARS} (2x large) full refresh")
    parser.add_argument("--cache", type=Path, default=REPO / "data" / "benchmark",
                        help="samples, work folders and results (default %(default)s)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--spark", metavar="SCALE", nargs="?", const="default", default=None,
                        help="also the full refresh of SCALE (default: default) with "
                             "WAREHOUSE_ENGINE=spark (Spark local mode), beside DuckDB's")
    args = parser.parse_args(argv)
    scales = [s.strip() for s in args.scales.split(",") if s.strip()]
    unknown = sorted(set(scales) - set(SCALES))
    if unknown:
        parser.error(f"unknown scale(s) {', '.join(unknown)}; choose from {', '.join(SCALES)}")
    cache: Path = args.cache.resolve()
    cache.mkdir(parents=True, exist_ok=True)

    def say(line: str) -> None:
        print(line, flush=True)

    info = machine()
    say(f"benchmark: scales {', '.join(scales)}; cache {cache}; {info['description']}")
    prepare(say)
    results: list[ScaleResult] = []
    for scale in scales:
        results.append(run_scale(Sample(cache, scale, args.seed, BENCH_END_DATE),
                                 cache / "work", say))
    scaling: dict[str, Any] | None = None
    if "large" in scales and not args.no_scaling:
        two = run_scale(Sample(cache, TWO_YEARS, args.seed, BENCH_END_DATE), cache / "work",
                        say, full_only=True)
        scaling = scaling_row(next(r for r in results if r.scale == "large"), two)
        scaling["large2y"] = two.to_json()
    elif not args.no_scaling:
        say("scaling row skipped: it needs large among the scales")
    engines: list[ScaleResult] = []
    if args.spark:
        sample = Sample(cache, args.spark, args.seed, BENCH_END_DATE)
        duck = next((r for r in results if r.scale == args.spark), None)
        engines.append(duck or run_scale(sample, cache / "work", say, full_only=True))
        engines.append(run_scale(sample, cache / "work", say, full_only=True, engine="spark"))

    text = render(results, scaling, info, engines=engines)
    print("\n" + text)
    payload = {"machine": info, "results": [r.to_json() for r in results],
               "scaling": scaling, "engines": [r.to_json() for r in engines],
               "targets": {r.scale: [t.__dict__ | {"verdict": t.verdict}
                                     for t in targets(r, scaling if r.scale == "large"
                                                      else None)] for r in results}}
    (cache / "latest.json").write_text(json.dumps(payload, indent=1), encoding="utf-8")
    (cache / "latest.md").write_text(
        render(results, scaling, info, markdown=True, engines=engines) + "\n",
        encoding="utf-8")
    print(f"written: {cache / 'latest.json'}, {cache / 'latest.md'}")
    failed = [f"{r.scale} {x.kind} ({r.engine})" for r in [*results, *engines]
              for x in r.refreshes if not x.success]
    if failed:
        print(f"refreshes that failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
