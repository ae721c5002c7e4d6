"""Finding landing files: ``<landing>/<source>/<table>/<file>.{csv,jsonl,json,parquet}``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from orchestration.defs.ingest.contracts import Table

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
           ".parquet": "parquet"}


@dataclass(frozen=True)
class LandedFile:
    """One file in the landing folder, identified by its path relative to the landing root."""

    path: Path
    relative: str
    format: str

    def sha256(self) -> str:
        digest = hashlib.sha256()
        with self.path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()


def table_dir(landing: Path, table: Table) -> Path:
    return landing / table.source / table.name


def files_for(landing: Path, table: Table) -> list[LandedFile]:
    """The table's landing files in a stable order (by relative path). Hidden files and
    files of unknown extensions are not data and are left alone."""
    folder = table_dir(landing, table)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.startswith((".", "_")):
            continue
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            continue
        found.append(LandedFile(path, path.relative_to(landing).as_posix(), fmt))
    return found


def fingerprint(files: list[LandedFile]) -> str:
    """A cheap digest of names, sizes and modification times (for the sensor's cursor)."""
    digest = hashlib.sha256()
    for f in files:
        stat = f.path.stat()
        digest.update(f"{f.relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
