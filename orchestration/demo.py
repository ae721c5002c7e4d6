"""``make demo``: generate the bundled sample data, materialise every asset, print a summary.

    python -m orchestration.demo [--scale small|default|large] [--skip-generate]
"""

from __future__ import annotations

import argparse
import sys

import dagster as dg
import duckdb

from orchestration.defs import settings
from orchestration.defs.jobs import REFRESH_JOB
from orchestration.summary import summarise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", default="default", choices=("small", "default", "large"))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--skip-generate", action="store_true",
                        help="load what is already in LANDING_DIR")
    args = parser.parse_args(argv)

    landing, warehouse = settings.landing_dir(), settings.warehouse_path()
    if not args.skip_generate:
        from sample_data import generate

        print(f"Generating {args.scale} sample data into {landing} ...", flush=True)
        generate(landing, scale=args.scale, seed=args.seed)

    from orchestration.definitions import defs

    print(f"Materialising every asset into {warehouse} ...", flush=True)
    instance = dg.DagsterInstance.get() if settings.dagster_home_set() else None
    with instance or dg.DagsterInstance.ephemeral() as active:
        result = defs.resolve_job_def(REFRESH_JOB).execute_in_process(
            instance=active, raise_on_error=False
        )
    with duckdb.connect(str(warehouse), read_only=True) as con:
        print(summarise(con))
    if not result.success:
        print("The run failed; see the errors above (and raw_meta.load_audit).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
