"""Reading landing files with the standard library only, so tests compute their expected
figures independently of the loader and the models."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any


def jsonl_rows(landing: Path, source: str, table: str) -> list[dict[str, Any]]:
    """Every row of every JSON-lines file of a landing table."""
    out: list[dict[str, Any]] = []
    for path in sorted((landing / source / table).glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            out.extend(json.loads(line) for line in handle if line.strip())
    return out


def csv_rows(landing: Path, source: str, table: str) -> list[dict[str, str]]:
    """Every row of every CSV file of a landing table."""
    out: list[dict[str, str]] = []
    for path in sorted((landing / source / table).glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            out.extend(csv.DictReader(handle))
    return out


def latest(
    records: list[dict[str, Any]], key: str, order: tuple[str, ...] = ("_fivetran_synced",)
) -> dict[str, dict[str, Any]]:
    """The newest record per key (greatest `order` tuple; ISO timestamps sort as text)."""
    best: dict[str, dict[str, Any]] = {}
    for record in records:
        k = record[key]
        if k not in best or tuple(record[o] for o in order) > tuple(best[k][o] for o in order):
            best[k] = record
    return best
