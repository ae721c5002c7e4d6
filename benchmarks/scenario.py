"""One scale's benchmark: generate (or reuse) the sample, then in a fresh work folder the full
refresh without the last day's daily files, the baseline over the same files, the incremental
refresh once those files landed (and the baseline again), and a refresh with nothing new.
Every refresh and every baseline runs in a child process whose tree's memory is sampled."""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.measure import Loaded, Stage, cross_check, stages
from benchmarks.monitor import Monitored, child_env, run_monitored
from benchmarks.samples import Sample, link_files, make_landing

REPO = Path(__file__).resolve().parent.parent
Say = Callable[[str], None]


@dataclass
class Refresh:
    kind: str  # full | incremental | no-change
    seconds: float  # the child process, start to exit
    run_seconds: float | None  # the Dagster run, RUN_START to its end
    startup_seconds: float | None  # process start to execute_in_process (imports, definitions)
    success: bool
    peak_total_bytes: int
    peak_by_process: dict[str, int]
    stages: list[Stage]
    loaded: Loaded
    log: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "seconds": self.seconds, "run_seconds": self.run_seconds,
            "startup_seconds": self.startup_seconds,
            "success": self.success, "peak_rss_bytes": self.peak_total_bytes,
            "peak_rss_by_process": self.peak_by_process,
            "stages": [s.to_json() for s in self.stages],
            "files_by_status": self.loaded.files_by_status,
            "files_changed": len(self.loaded.changed_files),
            "rows_landed": sum(self.loaded.rows_landed.values()),
            "rows_loaded": sum(self.loaded.rows_loaded.values()),
            "log": self.log,
        }


@dataclass
class Baseline:
    label: str
    seconds: float  # the child process
    query_seconds: float
    peak_total_bytes: int
    figures: dict[str, dict[str, float]]
    cross_check: dict[str, dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "seconds": self.seconds,
                "query_seconds": self.query_seconds, "peak_rss_bytes": self.peak_total_bytes,
                "cross_check": self.cross_check,
                "totals": {k: sum(v.values()) for k, v in self.figures.items()}}


@dataclass
class ScaleResult:
    scale: str
    sample_key: str
    period: str
    held_back_day: str
    held_back_files: list[str]
    landing_made_of: str
    generate: Stage
    refreshes: list[Refresh] = field(default_factory=list)
    baselines: list[Baseline] = field(default_factory=list)
    engine: str = "duckdb"

    def refresh(self, kind: str) -> Refresh | None:
        return next((r for r in self.refreshes if r.kind == kind), None)

    def to_json(self) -> dict[str, Any]:
        return {"scale": self.scale, "sample": self.sample_key, "period": self.period,
                "held_back_day": self.held_back_day, "held_back_files": self.held_back_files,
                "landing_made_of": self.landing_made_of, "generate": self.generate.to_json(),
                "refreshes": [r.to_json() for r in self.refreshes],
                "baselines": [b.to_json() for b in self.baselines], "engine": self.engine}


def gib(n: int | None) -> str:
    return "-" if n is None else f"{n / 2**30:.2f} GiB"


def generate(sample: Sample, say: Say) -> Stage:
    """The sample, generated in a child process unless the cache has it."""
    cached = sample.cached()
    if cached is None:
        if sample.folder.exists():
            shutil.rmtree(sample.folder)  # an interrupted generation
        sample.folder.mkdir(parents=True)
        log = sample.folder / "generate.log"
        say(f"[{sample.scale}] generating the sample into {sample.landing} "
            f"(log: {log}) ...")
        with log.open("w", encoding="utf-8") as out:
            done = run_monitored(sample.generate_command(), cwd=REPO, stdout=out)
        if done.returncode != 0:
            raise RuntimeError(f"generating {sample.key} failed; see {log}")
        rows, files = sample.rows_and_files()
        cached = {"seconds": done.seconds, "peak_rss_bytes": done.peak_total_bytes,
                  "rows": rows, "files": files,
                  "generated_at": datetime.now(UTC).isoformat(timespec="seconds")}
        sample.marker.write_text(json.dumps(cached, indent=1), encoding="utf-8")
        note = f"{files:,} files"
    else:
        note = f"cached; measured when generated ({cached['generated_at']})"
    stage = Stage("generate", float(cached["seconds"]), None, int(cached["rows"]),
                  int(cached["peak_rss_bytes"]), note)
    say(f"[{sample.scale}] done  generate  {stage.seconds:8.1f} s  {stage.rows_out:,} rows  "
        f"({note})")
    return stage


class Work:
    """A scale's work folder: landing, warehouse, serving copy, report, logs, Dagster home."""

    def __init__(self, root: Path, engine: str = "duckdb") -> None:
        self.root = root
        self.engine = engine
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        self.landing = root / "landing"
        self.warehouse = root / "warehouse" / "warehouse.duckdb"
        self.serving = root / "serving"
        self.dagster_home = root / "dagster_home"
        self.dagster_home.mkdir()
        # the instance settings `make demo` uses (every concurrency pool limited to 1)
        shutil.copy(REPO / ".dagster_home" / "dagster.yaml", self.dagster_home)

    def env(self) -> dict[str, str]:
        return child_env(LANDING_DIR=self.landing, WAREHOUSE_PATH=self.warehouse,
                         SERVING_DIR=self.serving, REPORT_DIR=self.root / "report",
                         LOG_DIR=self.root / "logs", DAGSTER_HOME=self.dagster_home,
                         WAREHOUSE_ENGINE=self.engine, SPARK_HOME_DIR=self.root / "spark",
                         PYTHONUNBUFFERED="1")  # progress lines show as they come


def refresh(work: Work, kind: str, say: Say, tag: str) -> Refresh:
    facts_path = work.root / f"facts-{kind}.json"
    say(f"[{tag}] {kind} refresh ...")
    done = run_monitored([sys.executable, "-m", "benchmarks._refresh", "--out",
                          str(facts_path), "--label", kind], env=work.env(), cwd=REPO)
    if not facts_path.exists():
        raise RuntimeError(f"the {kind} refresh of {tag} wrote no facts (exit "
                           f"{done.returncode}); see the logs in {work.root / 'logs'}")
    facts = json.loads(facts_path.read_text(encoding="utf-8"))
    found, loaded = stages(facts, work.warehouse, work.serving, done.peak_between)
    run_seconds = (facts["run_end"] - facts["run_start"]
                   if facts.get("run_end") and facts.get("run_start") else None)
    startup = (facts["execute_start"] - facts["process_start"]
               if facts.get("execute_start") and facts.get("process_start") else None)
    result = Refresh(kind, done.seconds, run_seconds, startup, bool(facts["success"]),
                     done.peak_total_bytes, done.peak_by_process, found, loaded, facts["log"])
    say(f"[{tag}] {kind} refresh {'done' if result.success else 'FAILED'}: "
        f"{result.seconds:.1f} s (start-up {startup or 0:.1f} s, Dagster run "
        f"{run_seconds or 0:.1f} s), "
        f"{len(loaded.changed_files):,} files and {sum(loaded.rows_loaded.values()):,} rows "
        f"loaded, peak RSS {gib(result.peak_total_bytes)}")
    return result


def baseline(work: Work, label: str, say: Say, tag: str) -> Baseline:
    out = work.root / f"baseline-{label}.json"
    done: Monitored = run_monitored(
        [sys.executable, "-m", "benchmarks.baseline", str(work.landing), str(out)],
        env=work.env(), cwd=REPO)
    if done.returncode != 0:
        raise RuntimeError(f"the baseline over {work.landing} failed")
    data = json.loads(out.read_text(encoding="utf-8"))
    checked = cross_check(data["figures"], work.warehouse)
    result = Baseline(label, done.seconds, float(data["total_seconds"]), done.peak_total_bytes,
                      data["figures"], checked)
    verdicts = ", ".join(
        f"{name} " + ("match" if c["match"] else "NOT COMPARED" if c.get("error") else "DIFFER")
        for name, c in checked.items())
    say(f"[{tag}] baseline ({label}): {result.seconds:.1f} s (queries "
        f"{result.query_seconds:.2f} s), peak RSS {gib(result.peak_total_bytes)}; "
        f"against the warehouse: {verdicts}")
    return result


def run_scale(sample: Sample, work_root: Path, say: Say, full_only: bool = False,
              engine: str = "duckdb") -> ScaleResult:
    """The scenario of one scale; ``engine`` is where dbt builds (``WAREHOUSE_ENGINE``). On
    Spark only the full refresh runs, without the baseline (its cross-check reads an
    intermediate table, which stays on Spark)."""
    gen = generate(sample, say)
    truth = json.loads((sample.landing / "_ground_truth.json").read_text(encoding="utf-8"))
    period = f"{truth['generator']['start_date']}..{truth['generator']['end_date']}"
    tag = sample.scale if engine == "duckdb" else f"{sample.scale} on {engine}"
    work = Work(work_root / (sample.scale if engine == "duckdb" else
                             f"{sample.scale}-{engine}"), engine)
    started = time.perf_counter()
    later, how = make_landing(sample, work.landing)
    say(f"[{sample.scale}] landing folder {work.landing}: every file but the "
        f"{len(later)} daily files of {sample.end_date} ({how}, "
        f"{time.perf_counter() - started:.1f} s)")
    result = ScaleResult(sample.scale, sample.key, period, sample.end_date.isoformat(),
                         [str(p) for p in later], how, gen, engine=engine)
    result.refreshes.append(refresh(work, "full", say, tag))
    if engine != "duckdb":
        return result
    result.baselines.append(baseline(work, "after the full refresh", say, sample.scale))
    if full_only:
        return result
    link_files(sample.landing, work.landing, later)
    result.refreshes.append(refresh(work, "incremental", say, sample.scale))
    result.baselines.append(baseline(work, "after the incremental refresh", say,
                                     sample.scale))
    result.refreshes.append(refresh(work, "no-change", say, sample.scale))
    return result
