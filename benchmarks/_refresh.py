"""One refresh, in its own process (the benchmark samples this process tree's memory): the
Dagster job ``refresh_warehouse`` as ``make demo`` runs it, on the folders the environment
names (LANDING_DIR, WAREHOUSE_PATH, SERVING_DIR, REPORT_DIR, LOG_DIR, DAGSTER_HOME).

    python -m benchmarks._refresh --out FACTS.json [--label full]

Prints one line per finished stage (the project's progress logger) while every Dagster and
dbt event goes to ``LOG_DIR/refresh-<label>.log``; then writes what the run's event log says
to FACTS.json: the run id and status, each step's start and end (unix time), the assets each
step materialised and the checks it evaluated, and when the process started and the job's
execution began and ended (start-up: imports, definitions, the dbt manifest). Counting rows
is left to the parent process, so it does not add to the refresh's time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import dagster as dg
import psutil
from rich.console import Console

from orchestration.console import quiet_job
from orchestration.defs import settings
from orchestration.defs.jobs import REFRESH_JOB


def step_facts(instance: dg.DagsterInstance, run_id: str) -> dict[str, dict[str, Any]]:
    """Per step key: start, end (unix seconds), status, assets materialised, checks."""
    steps: dict[str, dict[str, Any]] = {}
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None or not event.step_key:
            continue
        step = steps.setdefault(event.step_key, {
            "start": None, "end": None, "status": None, "assets": [],
            "checks": {"passed": 0, "warned": 0, "failed": 0}})
        kind = event.event_type
        if kind == dg.DagsterEventType.STEP_START:
            step["start"] = entry.timestamp
        elif kind in (dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.STEP_FAILURE):
            step["end"] = entry.timestamp
            step["status"] = "success" if kind == dg.DagsterEventType.STEP_SUCCESS else "failure"
        elif kind == dg.DagsterEventType.ASSET_MATERIALIZATION:
            step["assets"].append(event.asset_key.to_user_string())
        elif kind == dg.DagsterEventType.ASSET_CHECK_EVALUATION:
            evaluation = event.event_specific_data
            if evaluation.passed:
                step["checks"]["passed"] += 1
            elif evaluation.severity.value == "WARN":
                step["checks"]["warned"] += 1
            else:
                step["checks"]["failed"] += 1
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--label", default="refresh")
    args = parser.parse_args(argv)
    console = Console(file=sys.stdout, highlight=False, soft_wrap=True)

    # built here, not imported, so the resources read this process's environment
    from orchestration.definitions import build_definitions

    warehouse = settings.warehouse_path()
    log_path = settings.log_dir(warehouse) / f"refresh-{args.label}.log"
    job, run_config = quiet_job(build_definitions().resolve_job_def(REFRESH_JOB), console,
                                log_path)
    with dg.DagsterInstance.get() as instance:
        executing = time.time()
        with log_path.open("a", encoding="utf-8") as log, redirect_stdout(log), \
                redirect_stderr(log):
            result = job.execute_in_process(run_config=run_config, instance=instance,
                                            raise_on_error=False)
        executed = time.time()
        record = instance.get_run_record_by_id(result.run_id)
        facts = {
            "run_id": result.run_id,
            "success": result.success,
            "run_start": record.start_time if record is not None else None,
            "run_end": record.end_time if record is not None else None,
            "steps": step_facts(instance, result.run_id),
            "log": str(log_path),
            # unix times: the process started; execute_in_process called; it returned
            "process_start": psutil.Process().create_time(),
            "execute_start": executing,
            "execute_end": executed,
        }
    args.out.write_text(json.dumps(facts, indent=1), encoding="utf-8")
    return 0 if result.success else 1


if __name__ == "__main__":
    raise SystemExit(main())
