"""Whether the models' inputs changed since their last complete build.

A refresh with nothing new (no landing file loaded, replaced or removed, no new text analysed,
no change to the dbt project, its vars or the mart suites) would rebuild every model to the
same tables. The fingerprint of the inputs is hashed before a full build and stored after it
succeeds (``raw_meta.model_builds``); the publish step marks it published once the serving copy
holds its marts. The next full build whose fingerprint is the last published one is skipped:
a build that failed, was blocked by a check or never reached the publish runs again.

The fingerprint covers:
- the raw tables, through the loader's own record of every file it holds
  (``raw_meta.loaded_files``: path, content hash, status, when it was loaded, so a replay
  under a new contract counts as a change);
- the text-analysis tables (row count and an order-independent hash of their rows);
- the dbt project's files (models, macros, tests, seeds, analyses, ``dbt_project.yml``),
  ``DBT_VARS`` and the mart suites (``expectations/marts``), which decide the publish.

When a var points a source at tables the loader does not write (``<source>_schema``, an ELT
tool's tables), their changes cannot be seen: every build runs.

The code digest (the dbt project's files, ``DBT_VARS`` and the engine) is stored after every
successful build (``raw_meta.model_code``). An incremental model rebuilds only what new data
touched, so a build under other code (an upgrade, a changed seed or var) than the last one's
is a full refresh: every incremental table is rebuilt under the new code.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from orchestration.defs import settings
from orchestration.defs.dbt.project import DBT_PROJECT_DIR, PROJECT_FILES

MODEL_BUILDS = "raw_meta.model_builds"
MODEL_CODE = "raw_meta.model_code"
LOADED_FILES = "raw_meta.loaded_files"
TEXT_ANALYSIS_SCHEMA = "text_analysis"
PROJECT_FOLDERS = ("models", "macros", "tests", "seeds", "analyses")
MART_SUITES = DBT_PROJECT_DIR.parent / "expectations" / "marts"


def sees_every_input(dbt_vars: dict[str, Any]) -> bool:
    """False when a var points a source at tables the loader does not track."""
    return not any(name.endswith("_schema") for name in dbt_vars)


def project_digest(project_dir: Path = DBT_PROJECT_DIR) -> str:
    digest = hashlib.sha256()
    files = [project_dir / "dbt_project.yml"]
    for folder in PROJECT_FOLDERS:
        for pattern in PROJECT_FILES:
            files += (project_dir / folder).rglob(pattern)
    files += MART_SUITES.glob("*.json")
    for path in sorted(set(files)):
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _tables(con: duckdb.DuckDBPyConnection, schema: str) -> list[str]:
    return [r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = ? "
        "and table_type = 'BASE TABLE' order by table_name", [schema]).fetchall()]


def code_digest(dbt_vars: dict[str, Any], project_dir: Path = DBT_PROJECT_DIR) -> str:
    """What the models are built from besides data: the project's files, the vars, the engine."""
    digest = hashlib.sha256()
    digest.update(project_digest(project_dir).encode())
    digest.update(json.dumps(dbt_vars, sort_keys=True, default=str).encode())
    digest.update(settings.warehouse_engine().encode())
    return digest.hexdigest()


def last_built_code(con: duckdb.DuckDBPyConnection) -> str | None:
    """The code digest of the latest successful build (None: no build recorded yet)."""
    if "model_code" not in _tables(con, "raw_meta"):
        return None
    row = con.execute(f"select code_digest from {MODEL_CODE} "
                      "order by built_at desc limit 1").fetchone()
    return str(row[0]) if row else None


def record_code(con: duckdb.DuckDBPyConnection, code: str, run_id: str) -> None:
    con.execute("create schema if not exists raw_meta")
    con.execute(f"create table if not exists {MODEL_CODE} (code_digest varchar not null, "
                "run_id varchar not null, built_at timestamptz not null)")
    con.execute(f"insert into {MODEL_CODE} values (?, ?, ?)", [code, run_id, datetime.now(UTC)])


def inputs_fingerprint(con: duckdb.DuckDBPyConnection, dbt_vars: dict[str, Any],
                       project_dir: Path = DBT_PROJECT_DIR) -> str:
    digest = hashlib.sha256()
    # the same inputs built by another engine (WAREHOUSE_ENGINE) are another build
    digest.update(code_digest(dbt_vars, project_dir).encode())
    if _tables(con, "raw_meta").count("loaded_files"):
        for row in con.execute(
                f"select source, table_name, source_file, file_hash, status, "
                f"cast(loaded_at as varchar) from {LOADED_FILES} order by all").fetchall():
            digest.update(repr(row).encode())
    for table in _tables(con, TEXT_ANALYSIS_SCHEMA):
        quoted = f'{TEXT_ANALYSIS_SCHEMA}."{table}"'
        row = con.execute(f"select count(*), coalesce(sum(hash(t)), 0) "
                          f"from {quoted} as t").fetchone()
        digest.update(f"{table}:{row}".encode())
    return digest.hexdigest()


def last_published(con: duckdb.DuckDBPyConnection) -> str | None:
    """The fingerprint of the latest build whose marts were published."""
    if "model_builds" not in _tables(con, "raw_meta"):
        return None
    row = con.execute(f"select fingerprint from {MODEL_BUILDS} where published "
                      "order by built_at desc limit 1").fetchone()
    return str(row[0]) if row else None


def record_build(con: duckdb.DuckDBPyConnection, fingerprint: str, run_id: str) -> None:
    con.execute("create schema if not exists raw_meta")
    con.execute(f"create table if not exists {MODEL_BUILDS} (fingerprint varchar not null, "
                "run_id varchar not null, built_at timestamptz not null, "
                "published boolean not null)")
    con.execute(f"insert into {MODEL_BUILDS} values (?, ?, ?, false)",
                [fingerprint, run_id, datetime.now(UTC)])


def mark_published(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """The build of this run reached the serving copy (no-op when the run did not build)."""
    if "model_builds" in _tables(con, "raw_meta"):
        con.execute(f"update {MODEL_BUILDS} set published = true where run_id = ?", [run_id])
