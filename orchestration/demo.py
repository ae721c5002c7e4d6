"""``make demo``: generate the bundled sample data, materialise every asset, print a summary and
the problems a person can act on.

    python -m orchestration.demo [--scale small|default|large] [--seed N] [--skip-generate]
                                 [--strict]

The run ends with a list of problems: landing files rejected (file, table, column, reason),
rows quarantined and values nulled per table with their top reasons, and asset checks that
failed or warned (dbt tests included, with their failing-row counts). A bad file never stops
the other tables or the models: they build from what did load.

Exit code: 0 when the run completed, even with problems listed; 1 when a step of the run
failed. ``--strict`` (for CI: ``make demo ARGS=--strict``) also exits 1 when any problem is
listed.
"""

from __future__ import annotations

import argparse
import sys

import dagster as dg
import duckdb

from orchestration.defs import settings
from orchestration.defs.jobs import REFRESH_JOB
from orchestration.summary import (
    Problems,
    channel_fit_answer,
    conversation_answer,
    find_problems,
    goals_answer,
    roi_answer,
    summarise,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", default="default", choices=("small", "default", "large"))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--skip-generate", action="store_true",
                        help="load what is already in LANDING_DIR")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when any problem is listed (a rejected file, a quarantined "
                             "row or nulled value, a failed or warned check)")
    args = parser.parse_args(argv)

    landing, warehouse = settings.landing_dir(), settings.warehouse_path()
    if not args.skip_generate:
        from sample_data import generate

        print(f"Generating {args.scale} sample data into {landing} ...", flush=True)
        generate(landing, scale=args.scale, seed=args.seed)

    # built here, not imported, so the resources read the environment of this call
    from orchestration.definitions import build_definitions
    from orchestration.defs.publish.assets import mart_keys
    from orchestration.defs.publish.outcome import publish_outcome

    print(f"Materialising every asset into {warehouse} ...", flush=True)
    instance = dg.DagsterInstance.get() if settings.dagster_home_set() else None
    with instance or dg.DagsterInstance.ephemeral() as active:
        result = build_definitions().resolve_job_def(REFRESH_JOB).execute_in_process(
            instance=active, raise_on_error=False
        )
    problems = Problems()
    if warehouse.exists():
        with duckdb.connect(str(warehouse), read_only=True,
                             config=settings.duckdb_config()) as con:
            print(summarise(con))
            print()
            print(roi_answer(con))
            print()
            print(conversation_answer(con))
            print()
            print(goals_answer(con))
            print()
            print(channel_fit_answer(con))
            problems = find_problems(con, result)
    print()
    print(problems.render())
    print()
    print(publish_outcome(result, settings.serving_dir(warehouse), set(mart_keys())).render())
    if not result.success:
        print("The run failed; see the errors above (and raw_meta.load_audit).", file=sys.stderr)
        return 1
    if args.strict and problems:
        print("--strict: exiting 1 because problems are listed above.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
