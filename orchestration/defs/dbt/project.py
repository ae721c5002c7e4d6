"""Where the dbt project lives, and building its manifest when it is missing."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject

DBT_PROJECT_DIR = Path(__file__).resolve().parents[3] / "dbt_project"

# The dbt installed beside this interpreter (the project's venv), whatever PATH says.
DBT_EXECUTABLE = str(Path(sys.executable).parent / "dbt") if (
    Path(sys.executable).parent / "dbt").exists() else (shutil.which("dbt") or "dbt")

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def ensure_manifest() -> Path:
    """``dagster dev`` parses the project itself; every other entry point (``make demo``, tests,
    CI) comes through here, so a fresh clone never needs a committed manifest."""
    if not dbt_project.manifest_path.exists():
        dbt_resource().cli(
            ["parse", "--quiet"], target_path=dbt_project.target_path
        ).wait()
    return dbt_project.manifest_path


def dbt_resource() -> DbtCliResource:
    return DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE)
