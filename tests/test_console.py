"""The quiet console of `make demo`: one line per finished stage, every event in the log file,
and a failed step printed in full on the console, never only in the log."""

from __future__ import annotations

import io
from pathlib import Path

import dagster as dg
from rich.console import Console

from orchestration.console import quiet_job


def _job(*assets: dg.AssetsDefinition) -> dg.JobDefinition:
    defs = dg.Definitions(assets=list(assets), jobs=[dg.define_asset_job("refresh")])
    return defs.resolve_job_def("refresh")


def test_a_failed_step_is_printed_in_full_and_the_rest_goes_to_the_log(tmp_path: Path):
    @dg.asset(name="raw_blog")
    def loads() -> dg.MaterializeResult:
        return dg.MaterializeResult(metadata={"rows_loaded": 7, "files_loaded": 2})

    @dg.asset(deps=[loads])
    def dbt_models() -> None:
        raise ValueError("the model int_orders_enriched could not be built")

    screen = io.StringIO()
    job, run_config = quiet_job(_job(loads, dbt_models), Console(file=screen, width=200),
                                tmp_path / "logs" / "run.log")
    result = job.execute_in_process(run_config=run_config, raise_on_error=False)
    assert result.success is False
    printed = screen.getvalue()
    lines = printed.splitlines()
    # the stage that worked: one line with its counts
    assert any(x.startswith("  done  load blog") and "2 file(s) loaded, 7 row(s)" in x
               for x in lines), printed
    # the one that failed: named, with the error and where it was raised
    assert "FAILED dbt build (models and their tests)" in printed
    assert "ValueError: the model int_orders_enriched could not be built" in printed
    assert "test_console.py" in printed  # the stack, not a summary
    # Dagster's own events are in the log file, not on the screen
    log = (tmp_path / "logs" / "run.log").read_text(encoding="utf-8")
    assert "STEP_START" in log and "STEP_FAILURE" in log
    assert "STEP_START" not in printed
