"""Write-audit-publish: the serving copy (a DuckDB file and a Parquet folder) is replaced
atomically, survives a publish killed at any step, and is what blocked checks protect."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.defs.publish.serving import (
    CURRENT_LINK,
    PARQUET_DIR,
    SERVING_FILE,
    VERSIONS_DIR,
    current_publish_id,
    publish,
)

ROOT = Path(__file__).resolve().parents[1]


def _working(path: Path, rows: int = 3) -> Path:
    """A working warehouse with two mart tables, a view and a table of another schema."""
    with duckdb.connect(str(path)) as con:
        con.execute("create schema if not exists marts")
        con.execute("create schema if not exists staging")
        con.execute("create or replace table marts.kpi_a as select range as metric_date_index, "
                    f"range * 2 as value from range({rows})")
        con.execute("create or replace table marts.kpi_b as select 'x' || range as label "
                    f"from range({rows + 1})")
        con.execute("create or replace view marts.kpi_a_view as select * from marts.kpi_a")
        con.execute("create or replace table staging.private as select 1 as secret")
    return path


def _rows_and_ids(con: duckdb.DuckDBPyConnection, relation: str) -> tuple[int, set[str]]:
    rows = con.execute(f"select publish_id from {relation}").fetchall()
    return len(rows), {r[0] for r in rows}


def _served(serving: Path) -> dict[str, tuple[int, set[str]]]:
    """Per served table: rows and the publish ids its rows carry."""
    with duckdb.connect(str(serving / SERVING_FILE), read_only=True) as con:
        names = [r[0] for r in con.execute(
            "select table_schema || '.' || table_name from information_schema.tables "
            "order by 1").fetchall()]
        return {n: _rows_and_ids(con, n) for n in names}


def _parquet(serving: Path) -> dict[str, tuple[int, set[str]]]:
    current = serving / PARQUET_DIR / CURRENT_LINK
    with duckdb.connect() as con:
        return {p.stem: _rows_and_ids(con, f"'{p}'")
                for p in sorted(current.glob("*.parquet"))}


def test_every_mart_table_is_published_with_one_publish_id(tmp_path: Path):
    working = _working(tmp_path / "w.duckdb")
    serving = tmp_path / "serving"
    published = publish(working, serving)
    pid = published.publish_id
    # the two mart tables, not the view nor another schema's table; 3 and 4 rows
    assert _served(serving) == {"marts.kpi_a": (3, {pid}), "marts.kpi_b": (4, {pid})}
    assert _parquet(serving) == {"kpi_a": (3, {pid}), "kpi_b": (4, {pid})}
    assert (published.tables, published.rows) == (("kpi_a", "kpi_b"), 7)
    assert current_publish_id(serving) == pid
    with duckdb.connect(str(serving / SERVING_FILE), read_only=True) as con:
        assert con.execute("select sum(value) from marts.kpi_a").fetchone() == (6,)


def test_a_new_publish_replaces_the_old_and_keeps_one_previous_parquet_version(
    tmp_path: Path
):
    working = _working(tmp_path / "w.duckdb")
    serving = tmp_path / "serving"
    first = publish(working, serving).publish_id
    _working(working, rows=5)
    second = publish(working, serving).publish_id
    assert _served(serving)["marts.kpi_a"] == (5, {second})
    versions = serving / PARQUET_DIR / VERSIONS_DIR
    assert sorted(p.name for p in versions.iterdir()) == sorted([first, second])
    third = publish(working, serving).publish_id
    assert sorted(p.name for p in versions.iterdir()) == sorted([second, third])
    assert not list(serving.glob("*.tmp"))


KILLER = """
import os, signal, sys
from pathlib import Path
from orchestration.defs.publish.serving import publish

def progress(step):
    if step == sys.argv[3]:
        os.kill(os.getpid(), signal.SIGKILL)

publish(Path(sys.argv[1]), Path(sys.argv[2]), progress)
"""


@pytest.mark.parametrize(("step", "duckdb_is_new", "parquet_is_new"), [
    ("copy kpi_b", False, False),
    ("checkpoint", False, False),
    ("rename serving file", False, False),
    ("swap parquet link", True, False),
    ("done", True, True),
])
def test_a_publish_killed_at_any_step_leaves_a_complete_serving_copy(
    tmp_path: Path, step: str, duckdb_is_new: bool, parquet_is_new: bool
):
    working = _working(tmp_path / "w.duckdb")
    serving = tmp_path / "serving"
    old = publish(working, serving).publish_id
    _working(working, rows=6)  # the new publish would serve 6 and 7 rows
    killed = subprocess.run([sys.executable, "-c", KILLER, str(working), str(serving), step],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert killed.returncode == -9, killed.stderr
    served, parquet = _served(serving), _parquet(serving)
    (served_ids,) = {frozenset(ids) for _, ids in served.values()}
    (parquet_ids,) = {frozenset(ids) for _, ids in parquet.values()}
    # one publish in every table of each copy, never a mix; old or new as the step says
    assert len(served_ids) == 1 and len(parquet_ids) == 1
    assert (next(iter(served_ids)) != old) is duckdb_is_new
    assert (next(iter(parquet_ids)) != old) is parquet_is_new
    assert served["marts.kpi_a"][0] == (6 if duckdb_is_new else 3)
    assert parquet["kpi_a"][0] == (6 if parquet_is_new else 3)
    # the next publish completes and clears what the killed one left
    again = publish(working, serving).publish_id
    assert _served(serving) == {"marts.kpi_a": (6, {again}), "marts.kpi_b": (7, {again})}
    assert not list(serving.glob("*.tmp"))
    assert not list((serving / PARQUET_DIR / VERSIONS_DIR).glob("*.tmp"))


def test_a_failing_blocking_mart_check_leaves_the_last_good_copy(tmp_path: Path):
    from orchestration.defs.publish.assets import SERVING_KEY, mart_keys, serving_marts
    from orchestration.defs.quality.mart_checks import build_mart_checks, mart_key
    from orchestration.defs.quality.marts import mart_suites
    from orchestration.defs.resources import resources

    working = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(working)) as con:
        con.execute("create schema marts")
        con.execute("create table marts.kpi_tier_2_daily (metric_date date, platform varchar, "
                    "shares bigint, impressions bigint, virality_rate double, "
                    "engaged_search_content_session_share double)")
        con.execute("insert into marts.kpi_tier_2_daily values "
                    "('2026-01-02', 'all', 7, 10, 0.7, 0.2)")
    serving = tmp_path / "serving"
    good = publish(working, serving).publish_id
    with duckdb.connect(str(working)) as con:  # a rate of 1.7: the tier-2 suite fails
        con.execute("update marts.kpi_tier_2_daily set virality_rate = 1.7")
    (suite,) = [s for s in mart_suites() if s.path.stem == "kpi_tier_2_daily"]

    def run() -> dg.ExecuteInProcessResult:
        return dg.materialize(
            [*(dg.AssetSpec(k) for k in mart_keys()), build_mart_checks([suite]),
             serving_marts],
            selection=dg.AssetSelection.assets(serving_marts)
            | dg.AssetSelection.checks_for_assets(mart_key(suite.mart)),
            resources=resources(working, tmp_path), raise_on_error=False)

    blocked = run()
    assert blocked.success is False
    assert SERVING_KEY not in {e.asset_key for e in blocked.get_asset_materialization_events()}
    assert _served(serving) == {"marts.kpi_tier_2_daily": (1, {good})}
    # the run says so, names the check, and which publish BI tools still read
    from orchestration.defs.publish.outcome import publish_outcome

    text = publish_outcome(blocked, serving, set(mart_keys())).render()
    assert text.startswith("Serving copy NOT published") and f"still read publish {good}" in text
    assert "  - marts/kpi_tier_2_daily: gx_kpi_tier_2_daily failed (ERROR)" in text
    with duckdb.connect(str(working)) as con:
        con.execute("update marts.kpi_tier_2_daily set virality_rate = 0.7")
    passed = run()
    assert passed.success is True
    (served_ids,) = {frozenset(ids) for _, ids in _served(serving).values()}
    assert served_ids != {good}
    (new,) = served_ids
    assert publish_outcome(passed, serving, set(mart_keys())).render().startswith(
        f"Serving copy for BI tools: published {new} to ")


HOLDER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("holding", flush=True)
time.sleep(300)
"""


def test_a_process_holding_the_working_file_fails_the_step_at_once_saying_so(
    landing: Path, warehouse: Path
):
    import time

    from orchestration.defs.ingest.assets import raw_assets
    from orchestration.defs.resources import resources
    from tests.conftest import failure_message, write

    write(landing, "blog/subscribers_daily/s.csv",
          "date,blog_or_list,subscribers_total,subscribed,unsubscribed\n"
          "2026-01-01,news,10,1,0\n")
    subscribers = dg.AssetKey(["raw_blog", "subscribers_daily"])

    def load() -> dg.ExecuteInProcessResult:
        return dg.materialize(raw_assets(), selection=dg.AssetSelection.assets(subscribers),
                              resources=resources(warehouse, landing), raise_on_error=False)

    assert load().success
    # a notebook left open on the working file (read-only, as the old README advised)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(warehouse)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        result = load()
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert result.success is False
    message = failure_message(result)
    assert "is held by another process" in message and f"PID {holder.pid}" in message
    assert "serving copy" in message
    # dagster-duckdb's resource retried a locked file with backoff for about 100 s
    assert waited < 30


READER = """
import json, os, sys, time, duckdb
from pathlib import Path
serving, stop = Path(sys.argv[1]), Path(sys.argv[2])
while not stop.exists():
    answer = {"error": None}
    try:
        with duckdb.connect(str(serving / "serving.duckdb"), read_only=True) as con:
            tables = [r[0] for r in con.execute(
                "select table_schema || '.' || table_name from information_schema.tables"
            ).fetchall()]
            ids = set()
            for table in tables:
                ids |= {r[0] for r in con.execute(
                    f"select distinct publish_id from {table}").fetchall()}
            answer["duckdb"] = sorted(ids)
            answer["tables"] = len(tables)
        # Parquet: resolve the current version once, then read its files
        version = (serving / "parquet" / "current").resolve()
        with duckdb.connect() as con:
            answer["parquet"] = sorted({r[0] for r in con.execute(
                f"select distinct publish_id from '{version}/*.parquet'").fetchall()})
    except Exception as err:
        answer["error"] = repr(err)
    print(json.dumps(answer), flush=True)
    time.sleep(0.05)
"""


def test_a_reader_querying_in_a_loop_during_a_refresh_sees_whole_publishes(
    pipeline, tmp_path: Path
):
    import json
    import shutil
    import time

    from orchestration.defs import settings
    from orchestration.defs.conversations.assets import text_analysis
    from orchestration.defs.dbt.assets import dbt_models
    from orchestration.defs.ingest.assets import raw_assets
    from orchestration.defs.publish.assets import SERVING_KEY, serving_marts
    from orchestration.defs.resources import resources
    from tests.conftest import failure_message

    landing = pipeline[0]
    working = tmp_path / "warehouse.duckdb"
    shutil.copy(landing.parent / "warehouse.duckdb", working)
    serving = settings.serving_dir(working)
    first = publish(working, serving).publish_id
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(serving), str(stop)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # the whole refresh: raw loads, the dbt build with its tests, the publish
        result = dg.materialize([*raw_assets(), text_analysis, dbt_models, serving_marts],
                                resources=resources(working, landing), raise_on_error=False)
        time.sleep(1.0)  # let the reader see the new publish
    finally:
        stop.touch()
        out, err = reader.communicate(timeout=60)
    assert result.success, failure_message(result)
    (materialization,) = [e for e in result.get_asset_materialization_events()
                          if e.asset_key == SERVING_KEY]
    second = materialization.materialization.metadata["publish_id"].value
    answers = [json.loads(line) for line in out.splitlines()]
    assert len(answers) > 10, err
    assert [a["error"] for a in answers if a["error"]] == []
    # every answer from one complete publish, in the DuckDB file and in the Parquet folder
    assert {len(a["duckdb"]) for a in answers} == {1}
    assert {len(a["parquet"]) for a in answers} == {1}
    seen = {a["duckdb"][0] for a in answers} | {a["parquet"][0] for a in answers}
    assert seen == {first, second}
    assert answers[-1]["duckdb"] == [second] and answers[-1]["parquet"] == [second]
