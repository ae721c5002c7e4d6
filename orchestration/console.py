"""What a person sees while a run works: one line per stage (a source's load, the text
analysis, the dbt build, the checks, the publish) with its counts and elapsed time, while every
Dagster and dbt event goes to a log file. A failed step is printed in full, never left in the
log file alone.

Both are Dagster loggers (``progress`` and ``log_file``), attached to the job for one run with
``quiet_job``; ``--verbose`` keeps Dagster's own console logger instead.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dagster as dg
from rich.console import Console

# Step keys -> the stage a person recognises.
RAW_PREFIX = "raw_"
STAGE_NAMES: Mapping[str, str] = {
    "text_analysis": "read texts (sentiment, themes)",
    "dbt_models": "dbt build (models and their tests)",
    "gx_mart_suites": "mart checks (Great Expectations)",
    "serving__marts": "publish the marts for BI tools",
}
FEED_CHECKS_PREFIX = "feed_checks_"
DBT_STEP = "dbt_models"


CHECK_STEPS = ("gx_mart_suites",)


def models_skipped(result: dg.ExecuteInProcessResult) -> bool:
    """Whether the run's dbt step succeeded without building anything: its inputs were those
    of the last published build (orchestration/defs/dbt/fingerprint.py)."""
    succeeded = any(e.is_step_success and e.step_key == DBT_STEP for e in result.all_events)
    built = any(e.step_key == DBT_STEP for e in result.get_asset_materialization_events())
    return succeeded and not built


def is_check_step(step_key: str) -> bool:
    return step_key in CHECK_STEPS or step_key.startswith(FEED_CHECKS_PREFIX)


def stage_name(step_key: str) -> str:
    if step_key in STAGE_NAMES:
        return STAGE_NAMES[step_key]
    if step_key.startswith(RAW_PREFIX):
        return f"load {step_key.removeprefix(RAW_PREFIX)}"
    if step_key.startswith(FEED_CHECKS_PREFIX):
        return f"feed checks {step_key.removeprefix(FEED_CHECKS_PREFIX)}"
    return step_key


@dataclass
class StageTally:
    """What one step did, from its events."""

    started: float = field(default_factory=time.monotonic)
    assets: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    files_loaded: int = 0
    files_rejected: int = 0
    checks_passed: int = 0
    checks_warned: int = 0
    checks_failed: int = 0

    def add_materialization(self, metadata: Mapping[str, Any]) -> None:
        self.assets += 1

        def number(name: str) -> int:
            value = metadata.get(name)
            value = getattr(value, "value", value)
            return int(value) if isinstance(value, int | float) else 0

        self.rows_loaded += number("rows_loaded")
        self.rows_quarantined += number("rows_quarantined")
        self.files_loaded += number("files_loaded")
        self.files_rejected += number("files_rejected")

    def add_check(self, passed: bool, severity: str) -> None:
        if passed:
            self.checks_passed += 1
        elif severity == "WARN":
            self.checks_warned += 1
        else:
            self.checks_failed += 1

    def describe(self, step_key: str) -> str:
        parts = []
        if step_key.startswith(RAW_PREFIX):
            parts.append(f"{self.assets} table(s), {self.files_loaded:,} file(s) loaded, "
                         f"{self.rows_loaded:,} row(s)")
            if self.rows_quarantined:
                parts.append(f"{self.rows_quarantined:,} quarantined")
            if self.files_rejected:
                parts.append(f"{self.files_rejected} file(s) rejected")
        elif self.assets:
            parts.append(f"{self.assets} asset(s)")
        checks = self.checks_passed + self.checks_warned + self.checks_failed
        if step_key == DBT_STEP and not self.assets and not checks:
            return "skipped: nothing new since the last published build"
        if step_key.startswith(RAW_PREFIX) and checks == self.checks_passed:
            return ", ".join(parts)  # the loader's own checks: named only when one did not pass
        if checks:
            parts.append(f"checks: {self.checks_passed} passed, {self.checks_warned} warned, "
                         f"{self.checks_failed} failed")
        return ", ".join(parts)


class ProgressHandler(logging.Handler):
    """Turns the run's events into one line per finished step."""

    def __init__(self, console: Console) -> None:
        super().__init__(level=logging.DEBUG)
        self.console = console
        self.stages: dict[str, StageTally] = {}
        # the check steps (one per source, and the marts') make one line at the end
        self.checks = StageTally()
        self.check_steps = 0
        self.check_seconds = 0.0

    def _line(self, name: str, seconds: float, what: str) -> None:
        self.console.print(f"  [green]done[/]  {name:<42} {seconds:>6.1f} s  {what}",
                           highlight=False)

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        if event is None:
            return
        step = event.step_key
        kind = event.event_type
        if kind == dg.DagsterEventType.STEP_START and step:
            self.stages[step] = StageTally()
        elif kind == dg.DagsterEventType.ASSET_MATERIALIZATION and step in self.stages:
            self.stages[step].add_materialization(
                event.step_materialization_data.materialization.metadata)
        elif kind == dg.DagsterEventType.ASSET_CHECK_EVALUATION and step in self.stages:
            evaluation = event.event_specific_data
            self.stages[step].add_check(evaluation.passed, evaluation.severity.value)
        elif kind == dg.DagsterEventType.STEP_SUCCESS and step in self.stages:
            tally = self.stages[step]
            seconds = time.monotonic() - tally.started
            if is_check_step(step):
                self.check_steps += 1
                self.check_seconds += seconds
                self.checks.checks_passed += tally.checks_passed
                self.checks.checks_warned += tally.checks_warned
                self.checks.checks_failed += tally.checks_failed
            else:
                self._line(stage_name(step), seconds, tally.describe(step))
        elif kind in (dg.DagsterEventType.RUN_SUCCESS, dg.DagsterEventType.RUN_FAILURE):
            if self.check_steps:
                self._line(f"checks ({self.check_steps} steps: feeds, loaded rows, marts)",
                           self.check_seconds, self.checks.describe(""))
        elif kind == dg.DagsterEventType.STEP_FAILURE and step:
            error = event.step_failure_data.error
            self.console.print(f"  [red]FAILED[/] {stage_name(step)}", highlight=False)
            if error is not None:
                self.console.print(error.to_string(), markup=False, highlight=False)


def _logger(name: str, handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger(name)
    logger.handlers = [handler]
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    return logger


def progress_logger(console: Console) -> dg.LoggerDefinition:
    @dg.logger(description="One line per finished step, and failed steps in full.")
    def _progress(_init_context: dg.InitLoggerContext) -> logging.Logger:
        return _logger("social_roi.progress", ProgressHandler(console))

    return _progress


def file_logger(path: Path) -> dg.LoggerDefinition:
    @dg.logger(description="Every event of the run, to a log file.")
    def _log_file(_init_context: dg.InitLoggerContext) -> logging.Logger:
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter(
            "%(asctime)s %(levelname)s %(message)s"))
        return _logger("social_roi.log_file", handler)

    return _log_file


def quiet_job(job: dg.JobDefinition, console: Console, log_path: Path
              ) -> tuple[dg.JobDefinition, dict[str, Any]]:
    """The job with the progress and log-file loggers instead of Dagster's console logger,
    and the run config that switches them on."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    job = job.with_logger_defs({"progress": progress_logger(console),
                                "log_file": file_logger(log_path)})
    return job, {"loggers": {"progress": {}, "log_file": {}}}
