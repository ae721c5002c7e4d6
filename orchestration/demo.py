"""``make demo``: generate the bundled sample data, materialise every asset, print a summary and
the problems a person can act on.

    python -m orchestration.demo [--scale small|default|large] [--seed N] [--skip-generate]
                                 [--strict] [--verbose] [--answers]

While the run works the console shows one line per finished stage; every Dagster and dbt event
goes to a log file beside the warehouse (``LOG_DIR``), or to the screen with ``--verbose``.
The run closes with a short summary, the answer per channel and a list of problems: landing
files rejected (file, table, column, reason), rows quarantined and values nulled per table with
their top reasons, and asset checks that failed or warned (dbt tests included, with their
failing-row counts). A bad file never stops
the other tables or the models: they build from what did load.

Exit code: 0 when the run completed, even with problems listed; 1 when a step of the run
failed. ``--strict`` (for CI: ``make demo ARGS=--strict``) also exits 1 when any problem is
listed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from datetime import UTC, datetime
from typing import TextIO

import dagster as dg
import duckdb
from rich.console import Console

from orchestration.console import models_skipped, quiet_job
from orchestration.defs import settings
from orchestration.defs.jobs import REFRESH_JOB
from orchestration.summary import (
    Problems,
    channel_fit_answer,
    conversation_answer,
    find_problems,
    goals_answer,
    roi_answer,
    run_summary,
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
    parser.add_argument("--verbose", action="store_true",
                        help="print every Dagster and dbt event here instead of the log file")
    parser.add_argument("--answers", action="store_true",
                        help="also print what people say, the goals and the channels that fit "
                             "them (the marts hold them all)")
    args = parser.parse_args(argv)
    # bound to the terminal now: while the run works, sys.stdout goes to the log file
    console = Console(file=sys.stdout, highlight=False, soft_wrap=True)
    started = time.monotonic()

    landing, warehouse = settings.landing_dir(), settings.warehouse_path()
    if not args.skip_generate:
        from sample_data import generate

        began = time.monotonic()
        with _quiet(None if args.verbose else open(os.devnull, "w")):
            generate(landing, scale=args.scale, seed=args.seed)
        console.print(f"  [green]done[/]  {'generate ' + args.scale + ' sample data':<42} "
                      f"{time.monotonic() - began:>6.1f} s  into {landing}")

    # built here, not imported, so the resources read the environment of this call
    from orchestration.definitions import build_definitions
    from orchestration.defs.publish.assets import mart_keys
    from orchestration.defs.publish.outcome import publish_outcome
    from orchestration.defs.report.assets import REPORT_KEY

    job = build_definitions().resolve_job_def(REFRESH_JOB)
    run_config: dict[str, object] | None = None
    log_path = settings.log_dir(warehouse) / f"refresh-{datetime.now(UTC):%Y%m%dT%H%M%S}.log"
    if not args.verbose:
        job, run_config = quiet_job(job, console, log_path)
        console.print(f"Refreshing {warehouse}; every Dagster and dbt event goes to {log_path}")
    instance = dg.DagsterInstance.get() if settings.dagster_home_set() else None
    with instance or dg.DagsterInstance.ephemeral() as active, _quiet(
            None if args.verbose else log_path.open("a", encoding="utf-8")):
        result = job.execute_in_process(run_config=run_config, instance=active,
                                        raise_on_error=False)
    problems = Problems()
    lines: list[str] = []
    if warehouse.exists():
        with duckdb.connect(str(warehouse), read_only=True,
                             config=settings.duckdb_config()) as con:
            lines += ["", run_summary(con, result, time.monotonic() - started)]
            lines += ["", roi_answer(con)]
            if args.answers:
                lines += ["", conversation_answer(con), "", goals_answer(con), "",
                          channel_fit_answer(con)]
            problems = find_problems(con, result)
    lines += ["", problems.render(), ""]
    lines.append(publish_outcome(result, settings.serving_dir(warehouse),
                                 set(mart_keys())).render())
    report = settings.report_dir(warehouse) / "index.html"
    if REPORT_KEY in {e.asset_key for e in result.get_asset_materialization_events()}:
        lines.append(f"Report (open it in a browser, it works offline): {report}")
    elif models_skipped(result):
        lines.append(f"Report unchanged (nothing new): {report}")
    else:
        lines.append(f"Report NOT written this run (the last one stays: {report})")
    lines.append("Next: `make dev` opens the Dagster UI (lineage, checks, every run's events)"
                 + ("" if args.verbose else f"; this run's log: {log_path}"))
    print("\n".join(lines))
    if not result.success:
        print("The run failed; see the errors above (and raw_meta.load_audit).", file=sys.stderr)
        return 1
    if args.strict and problems:
        print("--strict: exiting 1 because problems are listed above.", file=sys.stderr)
        return 1
    return 0


@contextmanager
def _quiet(sink: TextIO | None) -> Iterator[None]:
    """Everything printed to stdout and stderr goes to ``sink`` (None: stays on screen)."""
    if sink is None:
        yield
        return
    with sink, redirect_stdout(sink), redirect_stderr(sink):
        yield


if __name__ == "__main__":
    raise SystemExit(main())
