"""The benchmark's samples: generated once per (scale, seed, end date) into a cache folder,
and the landing folders the refreshes read, made of hard links into that cache.

The samples end one day after the project's default end date, so that "one more day of files
landed" can be measured: the full refresh reads a landing folder WITHOUT the last day's daily
files (every file whose name carries that date: ``..._2026-11-01.csv``,
``events_20261101.parquet``), the incremental refresh adds them back. Monthly, weekly and
whole-period files (``daily_2026-11.csv``, ``campaigns.csv``) carry no day in their name: they
are in the landing folder from the start, as they are in the cache (the last day's rows inside
them included).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sample_data.config import DEFAULT_END_DATE

# Every benchmark sample ends one day after the default end date (see the module docstring).
BENCH_END_DATE = DEFAULT_END_DATE + timedelta(days=1)
GENERATED_MARKER = "generated.json"


@dataclass(frozen=True)
class Sample:
    """One cached sample: ``<cache>/<scale>-<seed>-<end date>/landing``."""

    cache: Path
    scale: str
    seed: int
    end_date: date

    @property
    def key(self) -> str:
        return f"{self.scale}-{self.seed}-{self.end_date.isoformat()}"

    @property
    def folder(self) -> Path:
        return self.cache / self.key

    @property
    def landing(self) -> Path:
        return self.folder / "landing"

    @property
    def marker(self) -> Path:
        return self.folder / GENERATED_MARKER

    def cached(self) -> dict[str, object] | None:
        """What the generation that filled the cache measured, or None when it is not (fully)
        generated yet."""
        if not self.marker.is_file():
            return None
        return json.loads(self.marker.read_text(encoding="utf-8"))

    def generate_command(self) -> list[str]:
        return [sys.executable, "-m", "sample_data", "--out", str(self.landing),
                "--scale", self.scale, "--seed", str(self.seed),
                "--end-date", self.end_date.isoformat()]

    def rows_and_files(self) -> tuple[int, int]:
        """Rows and files written, from the sample's ground truth."""
        truth = json.loads((self.landing / "_ground_truth.json").read_text(encoding="utf-8"))
        files = truth["files"].values()
        return sum(int(f["rows"]) for f in files), sum(int(f["files"]) for f in files)


def _day_pattern(day: date) -> re.Pattern[str]:
    # 2026-11-01 or 20261101, not part of a longer run of digits
    return re.compile(rf"(?<!\d){day:%Y}-?{day:%m}-?{day:%d}(?!\d)")


def data_files(landing: Path) -> list[Path]:
    """Landing data files, relative to ``landing`` (the generator's ``_ground_truth.json`` and
    any other hidden or underscore file left out: the loader never reads those)."""
    return sorted(
        p.relative_to(landing) for p in landing.rglob("*")
        if p.is_file() and not any(part.startswith((".", "_"))
                                   for part in p.relative_to(landing).parts)
    )


def held_back(landing: Path, day: date) -> list[Path]:
    """The daily files of ``day``: every data file whose name carries that date."""
    pattern = _day_pattern(day)
    return [p for p in data_files(landing) if pattern.search(p.name)]


def link_files(source: Path, target: Path, files: list[Path]) -> str:
    """Hard-link ``files`` (relative to ``source``) into ``target``; copies them when the two
    folders are on different file systems. Symbolic links would not do: the loader never
    follows a link that leads outside the landing folder. Returns "hard links" or "copies"."""
    how = "hard links"
    for relative in files:
        dest = target / relative
        dest.parent.mkdir(parents=True, exist_ok=True)
        if how == "hard links":
            try:
                os.link(source / relative, dest)
                continue
            except OSError:
                how = "copies"
        shutil.copy2(source / relative, dest)
    return how


def make_landing(sample: Sample, target: Path) -> tuple[list[Path], str]:
    """A fresh landing folder at ``target`` holding every data file of the sample except the
    last day's daily files; returns those held-back files and how the folder was made."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    later = held_back(sample.landing, sample.end_date)
    keep = sorted(set(data_files(sample.landing)) - set(later))
    return later, link_files(sample.landing, target, keep)
