"""Every DuckDB connection the pipeline opens runs with an explicit memory limit, thread count
and spill directory from settings (DuckDB's default, 80% of RAM, is not a plan): the Python
connections, Dagster's warehouse resource and every dbt target."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from orchestration.defs import settings
from orchestration.defs.resources import warehouse_resource

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("orchestration", "benchmarks")


def _connect_calls() -> list[tuple[Path, int, ast.Call]]:
    calls = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "connect"
                        and isinstance(node.func.value, ast.Name)
                        and node.func.value.id == "duckdb"):
                    calls.append((path, node.lineno, node))
    return calls


def test_every_python_connection_passes_the_settings() -> None:
    calls = _connect_calls()
    assert len(calls) >= 8  # the loader's resource, checks, publish, report, demo, replay, ...
    missing = [f"{path.relative_to(ROOT)}:{line}" for path, line, call in calls
               if "config" not in {k.arg for k in call.keywords}]
    assert missing == [], f"duckdb.connect without config= (memory limit): {missing}"


def test_settings_reach_the_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "w.duckdb"))
    monkeypatch.setenv("DUCKDB_MEMORY_LIMIT", "300MB")
    monkeypatch.setenv("DUCKDB_THREADS", "1")
    monkeypatch.delenv("DUCKDB_TEMP_DIRECTORY", raising=False)
    resource = warehouse_resource(tmp_path / "w.duckdb")
    with resource.get_connection() as con:
        memory, threads, temp = con.execute(
            "select current_setting('memory_limit'), current_setting('threads'), "
            "current_setting('temp_directory')").fetchone()
    # DuckDB reports 300MB (10^6 bytes) in MiB
    assert memory == "286.1 MiB"
    assert threads == 1
    assert temp == str(tmp_path / "w.duckdb.tmp")
    monkeypatch.setenv("DUCKDB_TEMP_DIRECTORY", str(tmp_path / "spill"))
    assert settings.duckdb_config()["temp_directory"] == str(tmp_path / "spill")


def test_a_query_bigger_than_the_memory_limit_spills_instead_of_growing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sort of ~600 MB under a 200 MB limit finishes by spilling to the temp directory (an
    in-memory connection has nowhere to spill without it)."""
    monkeypatch.setenv("DUCKDB_MEMORY_LIMIT", "200MB")
    monkeypatch.setenv("DUCKDB_TEMP_DIRECTORY", str(tmp_path / "spill"))
    expected_max = max((i * 7919) % 50000000 for i in range(12000000))
    with duckdb.connect(":memory:", config=settings.duckdb_config()) as con:
        con.execute("create table t as select (i * 7919) % 50000000 as k, "
                    "repeat('x', 40) || i as v from range(12000000) as r(i)")
        largest = con.execute("select max(k), count(*) from (select * from t order by v)")
        assert largest.fetchone() == (expected_max, 12000000)


def test_every_dbt_target_has_a_memory_limit_and_writers_spill() -> None:
    """In ``config_options`` (set when the database opens), not ``settings``: dbt-duckdb
    applies ``settings`` on every new connection, and once DuckDB has spilled it refuses to
    set the temp directory again ("Cannot switch temporary directory after the current one
    has been used"), which failed every model and test after the first spill at scale."""
    profile = yaml.safe_load((ROOT / "dbt_project" / "profiles.yml").read_text())
    outputs = profile["social_roi"]["outputs"]
    assert set(outputs) >= {"dev", "ci", "lint", "serving", "spark"}
    for name, target in outputs.items():
        if target["type"] == "spark":  # the JVM's memory is bounded instead
            assert "SPARK_DRIVER_MEMORY" in target["server_side_parameters"][
                "spark.driver.memory"], name
            continue
        options, per_connection = target["config_options"], target.get("settings") or {}
        assert not {"memory_limit", "threads", "temp_directory"} & set(per_connection), name
        assert "DUCKDB_MEMORY_LIMIT" in options["memory_limit"], name
        if name != "lint":  # lint compiles SQL in memory and never runs a model
            assert "DUCKDB_TEMP_DIRECTORY" in options["temp_directory"], name
            assert "DUCKDB_THREADS" in str(options["threads"]), name


def test_dbt_connection_uses_the_settings(tmp_path: Path) -> None:
    env = {"PATH": os.environ["PATH"],
           "WAREHOUSE_PATH": str(tmp_path / "w.duckdb"), "DUCKDB_MEMORY_LIMIT": "500MB",
           "DUCKDB_THREADS": "1", "DBT_TARGET": "dev", "HOME": str(tmp_path)}
    dbt = Path(sys.executable).parent / "dbt"
    out = subprocess.run(
        [str(dbt), "show", "--quiet", "--output", "json", "--inline",
         "select current_setting('memory_limit') as m, current_setting('threads') as t, "
         "current_setting('temp_directory') as d", "--target-path", str(tmp_path / "target")],
        cwd=ROOT / "dbt_project", env=env, capture_output=True, text=True, check=True)
    assert '"m": "476.8 MiB"' in out.stdout
    assert '"t": 1' in out.stdout
    assert f'"d": "{tmp_path / "w.duckdb.tmp"}"' in out.stdout
