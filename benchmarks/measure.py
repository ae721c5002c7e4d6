"""After a refresh: its stages (from the run's event log, as the child process handed them
over) with rows in and out counted in the warehouse, the serving copy and
``raw_meta.load_audit``; and the warehouse's headline figures the baseline is compared with.

Stages: ``load <source>`` (one Dagster step per source; rows in = rows landed, rows out = rows
loaded, from ``raw_meta.load_audit`` of the run), ``read texts``, ``dbt build`` (models and
their tests; rows in = rows of the raw tables, rows out = rows of the tables the run
materialised: staging models are views and are not counted), ``checks`` (the asset-check steps:
feed checks per source and the marts' Great Expectations suites), ``publish`` (rows in = rows
of the marts, rows out = rows of the serving copy), ``report``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from orchestration.defs import settings

CHANGED_STATUSES = ("loaded", "replaced", "empty", "removed")


@dataclass
class Stage:
    name: str
    seconds: float
    rows_in: int | None = None
    rows_out: int | None = None
    peak_rss_bytes: int | None = None
    note: str = ""

    @property
    def rows_per_second(self) -> float | None:
        rows = self.rows_out if self.rows_out is not None else self.rows_in
        if rows is None or self.seconds <= 0:
            return None
        return rows / self.seconds

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "rows_per_second": self.rows_per_second}


@dataclass
class Loaded:
    """What one run loaded, from ``raw_meta.load_audit``."""

    files_by_status: dict[str, int] = field(default_factory=dict)
    changed_files: list[str] = field(default_factory=list)  # source/table/file
    rows_landed: dict[str, int] = field(default_factory=dict)  # per source
    rows_loaded: dict[str, int] = field(default_factory=dict)


def stage_of(step_key: str) -> str:
    if step_key.startswith("raw_"):
        return "load " + step_key.removeprefix("raw_")
    if step_key.startswith("feed_checks_") or step_key == "gx_mart_suites":
        return "checks"
    return {"text_analysis": "read texts", "dbt_models": "dbt build",
            "serving__marts": "publish", "report": "report"}.get(step_key, step_key)


def _count(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> int:
    row = con.execute(f'select count(*) from "{schema}"."{table}"').fetchone()
    return int(row[0]) if row else 0


def _tables(con: duckdb.DuckDBPyConnection, where: str) -> list[tuple[str, str]]:
    return [(s, t) for s, t in con.execute(
        "select table_schema, table_name from information_schema.tables "
        f"where table_type = 'BASE TABLE' and {where} order by 1, 2").fetchall()]


def loaded(con: duckdb.DuckDBPyConnection, run_id: str) -> Loaded:
    out = Loaded()
    for status, n in con.execute(
            "select status, count(*) from raw_meta.load_audit where run_id = ? group by 1",
            [run_id]).fetchall():
        out.files_by_status[status] = int(n)
    out.changed_files = [r[0] for r in con.execute(
        "select source_file from raw_meta.load_audit "
        f"where run_id = ? and status in {CHANGED_STATUSES} order by 1", [run_id]).fetchall()]
    for source, landed, rows in con.execute(
            "select source, coalesce(sum(rows_landed), 0), coalesce(sum(rows_loaded), 0) "
            "from raw_meta.load_audit where run_id = ? group by 1", [run_id]).fetchall():
        out.rows_landed[source] = int(landed)
        out.rows_loaded[source] = int(rows)
    return out


def stages(facts: Mapping[str, Any], warehouse: Path, serving_dir: Path,
           peak_between: Any) -> tuple[list[Stage], Loaded]:
    """The run's stages in the order they ran, with rows counted; ``peak_between(start,
    end)`` gives the peak RSS of the refresh's process tree between two unix times."""
    steps: dict[str, dict[str, Any]] = facts["steps"]
    by_stage: dict[str, list[dict[str, Any]]] = {}
    for key, step in sorted(steps.items(), key=lambda kv: kv[1]["start"] or 0):
        if step["start"] is None:
            continue
        by_stage.setdefault(stage_of(key), []).append({**step, "key": key})
    result: list[Stage] = []
    with duckdb.connect(str(warehouse), read_only=True,
                        config=settings.duckdb_config()) as con:
        done = loaded(con, facts["run_id"])
        dbt_assets = [a for step in by_stage.get("dbt build", []) for a in step["assets"]]
        materialised = {tuple(a.split("/", 1)) for a in dbt_assets if "/" in a}
        for name, group in by_stage.items():
            seconds = sum((s["end"] or s["start"]) - s["start"] for s in group)
            peaks = [peak_between(s["start"], s["end"] or s["start"]) for s in group]
            peak = max((p for p in peaks if p is not None), default=None)
            stage = Stage(name, seconds, peak_rss_bytes=peak)
            if any(s["status"] != "success" for s in group):
                stage.note = "FAILED"
            if name.startswith("load "):
                source = name.removeprefix("load ")
                stage.rows_in = done.rows_landed.get(source, 0)
                stage.rows_out = done.rows_loaded.get(source, 0)
            elif name == "dbt build":
                stage.rows_in = sum(_count(con, s, t)
                                    for s, t in _tables(con, "table_schema like 'raw\\_%' "
                                                             "escape '\\' "
                                                             "and table_schema <> 'raw_meta'"))
                tables = [(s, t) for s, t in _tables(con, "true") if (s, t) in materialised]
                stage.rows_out = sum(_count(con, s, t) for s, t in tables)
                checks = sum(sum(s["checks"].values()) for s in group)
                stage.note = (f"{len(dbt_assets)} models/seeds ({len(tables)} tables counted, "
                              f"views not), {checks} tests")
            elif name == "checks":
                passed = sum(s["checks"]["passed"] for s in group)
                warned = sum(s["checks"]["warned"] for s in group)
                failed = sum(s["checks"]["failed"] for s in group)
                stage.note = (f"{len(group)} steps: {passed} passed, {warned} warned, "
                              f"{failed} failed")
            elif name == "publish":
                stage.rows_in = sum(_count(con, s, t)
                                    for s, t in _tables(con, "table_schema = 'marts'"))
                stage.rows_out = serving_rows(serving_dir)
            result.append(stage)
    return result, done


def serving_rows(serving_dir: Path) -> int | None:
    path = serving_dir / "serving.duckdb"
    if not path.exists():
        return None
    with duckdb.connect(str(path), read_only=True, config=settings.duckdb_config()) as con:
        return sum(_count(con, s, t) for s, t in _tables(con, "true"))


# ---------------------------------------------------------------- headline figures
WAREHOUSE_FIGURES = {
    "sessions_per_day": "select session_start_date, count(*) "
                        "from intermediate.int_web_sessions_assembled group by 1",
    "net_revenue_per_day": "select metric_date, round(net_revenue, 2) "
                           "from marts.kpi_tier_3_daily where platform = 'all'",
    "followers_per_day": "select metric_date, followers "
                         "from marts.kpi_tier_1_daily where platform = 'all'",
    "sessions_per_month": "select month_start_date, sessions from marts.benchmark_interaction "
                          "where platform = 'web' and sessions is not null",
}
WAREHOUSE_SOURCES = {
    "sessions_per_day": "intermediate.int_web_sessions_assembled (no mart has sessions per "
                        "day; the marts' sessions come from it)",
    "net_revenue_per_day": "marts.kpi_tier_3_daily.net_revenue (platform 'all')",
    "followers_per_day": "marts.kpi_tier_1_daily.followers (platform 'all')",
    "sessions_per_month": "marts.benchmark_interaction.sessions (platform 'web')",
}


def warehouse_figures(warehouse: Path) -> dict[str, dict[str, float] | str]:
    """Per figure: its values per day (or month), or the error reading it (a failed build
    leaves a mart missing)."""
    out: dict[str, dict[str, float] | str] = {}
    with duckdb.connect(str(warehouse), read_only=True,
                        config=settings.duckdb_config()) as con:
        for name, sql in WAREHOUSE_FIGURES.items():
            try:
                out[name] = {day.isoformat(): float(v or 0)
                             for day, v in con.execute(sql).fetchall()}
            except duckdb.Error as error:
                out[name] = f"{type(error).__name__}: {str(error).splitlines()[0]}"
    return out


def monthly(per_day: Mapping[str, float]) -> dict[str, float]:
    out: dict[str, float] = {}
    for day, value in per_day.items():
        month = day[:7] + "-01"
        out[month] = out.get(month, 0.0) + value
    return out


TOLERANCE = {"net_revenue_per_day": 0.01}


def differences(baseline: Mapping[str, float], warehouse: Mapping[str, float],
                tolerance: float = 0.0, only_warehouse_keys: bool = False
                ) -> list[tuple[str, float, float]]:
    """(key, baseline, warehouse) wherever the two differ (a missing day counts as 0)."""
    keys = set(warehouse) if only_warehouse_keys else set(baseline) | set(warehouse)
    out = []
    for key in sorted(keys):
        b, w = baseline.get(key, 0.0), warehouse.get(key, 0.0)
        if abs(b - w) > tolerance + 1e-9:
            out.append((key, b, w))
    return out


def cross_check(baseline: Mapping[str, Mapping[str, float]], warehouse_path: Path
                ) -> dict[str, dict[str, Any]]:
    """Per figure: "match" or the days that differ, baseline against the warehouse."""
    ours = warehouse_figures(warehouse_path)
    theirs = dict(baseline)
    theirs["sessions_per_month"] = monthly(baseline["sessions_per_day"])
    out: dict[str, dict[str, Any]] = {}
    for name in WAREHOUSE_FIGURES:
        found = ours[name]
        if isinstance(found, str):
            out[name] = {"match": False, "compared_with": WAREHOUSE_SOURCES[name],
                         "error": found, "days": 0, "differences": [], "differing": 0}
            continue
        # benchmark_interaction has a web row only in months with social benchmark rows
        monthly_mart = name == "sessions_per_month"
        diffs = differences(theirs[name], found, TOLERANCE.get(name, 0.0),
                            only_warehouse_keys=monthly_mart)
        compared = set(found) if monthly_mart else set(theirs[name]) | set(found)
        out[name] = {"match": not diffs, "compared_with": WAREHOUSE_SOURCES[name],
                     "days": len(compared),
                     "differences": [{"key": k, "baseline": b, "warehouse": w}
                                     for k, b, w in diffs[:20]],
                     "differing": len(diffs)}
    return out
