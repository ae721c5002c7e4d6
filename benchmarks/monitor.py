"""Run a command as a child process and sample the resident memory (RSS) of its whole process
tree every ``interval`` seconds (psutil): the peak of each process (named by a short summary
of its command line) and the peak of the sum over the tree."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import psutil

INTERVAL_SECONDS = 0.2


def summarise(cmdline: list[str]) -> str:
    """A short name for a process from its command line ("dagster run", "dbt build", ...)."""
    if not cmdline:
        return "?"
    words = [Path(cmdline[0]).name, *cmdline[1:]]
    text = " ".join(words)
    if "benchmarks._refresh" in text:
        return "dagster run (refresh_warehouse)"
    if "benchmarks.baseline" in text:
        return "baseline (plain DuckDB SQL)"
    if "sample_data" in text:
        return "sample_data generate"
    for i, word in enumerate(words):
        if Path(word).name == "dbt" or word.endswith("dbt.cli.main"):
            rest = [w for w in words[i + 1:] if not w.startswith("-")]
            return "dbt " + (rest[0] if rest else " ".join(words[i + 1:])[:30] or "(no args)")
    return " ".join(words[:3])[:60]


@dataclass
class Sample:
    at: float  # unix time
    total_bytes: int


@dataclass
class Monitored:
    """What one monitored command did."""

    command: list[str]
    returncode: int
    started: float  # unix time
    seconds: float
    peak_total_bytes: int = 0
    # peak RSS per process summary (the max over processes of that summary)
    peak_by_process: dict[str, int] = field(default_factory=dict)
    samples: list[Sample] = field(default_factory=list)

    def peak_between(self, start: float, end: float) -> int | None:
        """Peak RSS of the tree over samples taken in [start, end] (unix times)."""
        inside = [s.total_bytes for s in self.samples if start <= s.at <= end]
        return max(inside) if inside else None


def run_monitored(command: list[str], env: Mapping[str, str] | None = None,
                  cwd: Path | None = None, interval: float = INTERVAL_SECONDS,
                  stdout: IO[str] | None = None) -> Monitored:
    """Run ``command`` to its end, sampling its process tree's RSS; its output goes to this
    process's stdout and stderr (or ``stdout``)."""
    started = time.time()
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, env=dict(env) if env is not None else None,
                            cwd=cwd, stdout=stdout)
    result = Monitored(command, 0, started, 0.0)
    names: dict[int, str] = {}
    try:
        root = psutil.Process(proc.pid)
    except psutil.NoSuchProcess:
        root = None
    while proc.poll() is None:
        if root is not None:
            _sample(root, names, result)
        time.sleep(interval)
    result.returncode = proc.returncode
    result.seconds = time.perf_counter() - t0
    return result


def _sample(root: psutil.Process, names: dict[int, str], result: Monitored) -> None:
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return
    total = 0
    for process in processes:
        try:
            rss = process.memory_info().rss
            if process.pid not in names:
                names[process.pid] = summarise(process.cmdline())
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
        total += rss
        name = names[process.pid]
        result.peak_by_process[name] = max(result.peak_by_process.get(name, 0), rss)
    result.samples.append(Sample(time.time(), total))
    result.peak_total_bytes = max(result.peak_total_bytes, total)


def child_env(**overrides: str | Path) -> dict[str, str]:
    """This process's environment with ``overrides``."""
    env = dict(os.environ)
    env.update({k: str(v) for k, v in overrides.items()})
    return env
