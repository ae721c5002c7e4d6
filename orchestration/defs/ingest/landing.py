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
    # why the loader must not open it (a link pointing outside the landing folder), or None
    refused: str | None = None

    def sha256(self) -> str:
        digest = hashlib.sha256()
        with self.path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()


def table_dir(landing: Path, table: Table) -> Path:
    return landing / table.source / table.name


def outside_landing(landing: Path, path: Path) -> bool:
    """Whether ``path`` (through any symbolic link on the way) leads out of ``landing``."""
    return not path.resolve().is_relative_to(landing.resolve())


def files_for(landing: Path, table: Table) -> list[LandedFile]:
    """The table's landing files in a stable order (by relative path). Hidden files and
    files of unknown extensions are not data and are left alone. A file reached through a
    symbolic link that leads outside the landing folder (the link itself, or a linked folder
    on the way) is listed with ``refused`` set: it is reported, never opened."""
    folder = table_dir(landing, table)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if path.name.startswith((".", "_")):
            continue
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            continue
        relative = path.relative_to(landing).as_posix()
        if outside_landing(landing, path):
            found.append(LandedFile(path, relative, fmt, refused=(
                "a symbolic link pointing outside the landing folder; not followed")))
        elif path.is_file():
            found.append(LandedFile(path, relative, fmt))
    return found


def fingerprint(files: list[LandedFile]) -> str:
    """A cheap digest of names, sizes and modification times (for the sensor's cursor)."""
    digest = hashlib.sha256()
    for f in files:
        stat = f.path.lstat() if f.refused else f.path.stat()
        digest.update(f"{f.relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
