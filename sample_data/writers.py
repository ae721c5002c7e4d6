"""Landing-file writers: CSV (spreadsheet sources) and JSON lines (platform sources).

A sink writes the rows of one contract table into ``<out>/<source>/<table>/<file>``; it keeps
one file open at a time, so producers that emit day by day stream with bounded memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from orchestration.defs.ingest.contracts import TABLES_BY_KEY, Table

from .clock import iso_z

CSV_SOURCES = frozenset(
    {"shopify", "social_accounts", "marketing", "seo", "blog", "surveys", "strategy"}
)


@dataclass
class Stats:
    """Files and rows written per (source, table)."""

    files: dict[tuple[str, str], int] = field(default_factory=dict)
    rows: dict[tuple[str, str], int] = field(default_factory=dict)

    def add_file(self, key: tuple[str, str]) -> None:
        self.files[key] = self.files.get(key, 0) + 1

    def add_rows(self, key: tuple[str, str], n: int) -> None:
        self.rows[key] = self.rows.get(key, 0) + n


def csv_cell(value: Any) -> str:
    """Spreadsheet formatting: empty = null, ``true``/``false``, ISO dates and timestamps."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso_z(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


class TableSink:
    """Writes rows of one table, switching files when the file name changes."""

    def __init__(self, root: Path, source: str, name: str, stats: Stats) -> None:
        self.table: Table = TABLES_BY_KEY[(source, name)]
        self.dir = root / source / name
        self.fmt = "csv" if source in CSV_SOURCES else "jsonl"
        self.stats = stats
        self._file: str | None = None
        self._handle: IO[str] | None = None
        self._csv: Any = None
        self._seen: set[str] = set()

    def write(self, file_stem: str, row: Mapping[str, Any]) -> None:
        if file_stem != self._file:
            self._open(file_stem)
        extra = row.keys() - set(self.table.column_names)
        if extra:
            raise KeyError(f"{self.table.qualified}: unknown columns {sorted(extra)}")
        values = [row.get(c) for c in self.table.column_names]
        if self.fmt == "csv":
            self._csv.writerow([csv_cell(v) for v in values])
        else:
            obj = {c: json_value(v) for c, v in zip(self.table.column_names, values, strict=True)}
            assert self._handle is not None
            self._handle.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.stats.add_rows((self.table.source, self.table.name), 1)

    def write_all(self, file_stem: str, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            self.write(file_stem, row)

    def _open(self, file_stem: str) -> None:
        self.close()
        if file_stem in self._seen:
            raise ValueError(f"{self.table.qualified}: file {file_stem} reopened")
        self._seen.add(file_stem)
        self.dir.mkdir(parents=True, exist_ok=True)
        path = self.dir / f"{file_stem}.{self.fmt}"
        self._handle = path.open("w", encoding="utf-8", newline="")
        self._file = file_stem
        if self.fmt == "csv":
            self._csv = csv.writer(self._handle, lineterminator="\n")
            self._csv.writerow(self.table.column_names)
        self.stats.add_file((self.table.source, self.table.name))

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
        self._handle = None
        self._file = None


class Sinks:
    """All sinks of one run, created on first use."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.stats = Stats()
        self._sinks: dict[tuple[str, str], TableSink] = {}

    def __call__(self, source: str, name: str) -> TableSink:
        key = (source, name)
        if key not in self._sinks:
            self._sinks[key] = TableSink(self.root, source, name, self.stats)
        return self._sinks[key]

    def close(self) -> None:
        for sink in self._sinks.values():
            sink.close()
