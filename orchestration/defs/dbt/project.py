"""Where the dbt project lives, and building its manifest when it is missing."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject

DBT_PROJECT_DIR = Path(__file__).resolve().parents[3] / "dbt_project"

# The project's dbt command (dbt, plus Python models in a Spark session: dbt/cli.py) installed
# beside this interpreter (the project's venv), whatever PATH says.
DBT_EXECUTABLE = str(Path(sys.executable).parent / "social-roi-dbt") if (
    Path(sys.executable).parent / "social-roi-dbt").exists() else (
    shutil.which("social-roi-dbt") or "social-roi-dbt")

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


PROJECT_FILES = ("*.sql", "*.yml", "*.yaml", "*.csv", "*.md")


def _newest_project_file() -> float:
    newest = 0.0
    for folder in ("models", "macros", "tests", "seeds", "analyses"):
        for pattern in PROJECT_FILES:
            for path in (DBT_PROJECT_DIR / folder).rglob(pattern):
                newest = max(newest, path.stat().st_mtime)
    for name in ("dbt_project.yml", "profiles.yml"):
        newest = max(newest, (DBT_PROJECT_DIR / name).stat().st_mtime)
    return newest


def ensure_manifest() -> Path:
    """Parse the project when its manifest is missing or older than any project file.

    ``dagster dev`` parses the project itself; every other entry point (``make demo``, tests,
    CI) comes through here, so a fresh clone never needs a committed manifest and an edited
    model is never hidden behind a stale one."""
    manifest = dbt_project.manifest_path
    if not manifest.exists() or manifest.stat().st_mtime < _newest_project_file():
        # A full parse: dbt's partial parsing can drop a singular test's YAML properties
        # (its description), and this manifest is what Dagster shows for every check.
        dbt_resource().cli(
            ["parse", "--quiet", "--no-partial-parse"], target_path=dbt_project.target_path
        ).wait()
    return dbt_project.manifest_path


def dbt_resource() -> DbtCliResource:
    return DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE)
