"""Finding landing files: ``<landing>/<source>/<table>/<file>.{csv,jsonl,json,parquet}``."""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable
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


@dataclass(frozen=True)
class UnreadPath:
    """Data files in the landing folder that no table reads: a folder (its path ends with
    ``/``) or a file in the wrong place, how many data files it holds and the table folder
    the name comes closest to."""

    path: str
    files: int
    suggestion: str | None

    def describe(self) -> str:
        hint = f"; did you mean {self.suggestion}?" if self.suggestion else ""
        return (f"{self.files} file(s) in {self.path}, which no table reads (tables read "
                f"<source>/<table>/){hint}")


def _hidden(path: Path) -> bool:
    return path.name.startswith((".", "_"))


def _data_files(path: Path) -> int:
    if path.is_file():
        return int(path.suffix.lower() in FORMATS)
    return sum(1 for p in path.rglob("*") if p.suffix.lower() in FORMATS
               and not any(_hidden(part) for part in p.relative_to(path).parents
                           if part.name) and not _hidden(p))


def _closest(name: str, candidates: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(name, sorted(candidates), n=1, cutoff=0.6)
    return found[0] + "/" if found else None


def unread_paths(landing: Path, tables: Iterable[Table]) -> list[UnreadPath]:
    """Data files the loader would never read: in a folder that is no source, in a source's
    folder that is no table of it, or lying where a table folder belongs."""
    known = {(t.source, t.name) for t in tables}
    sources = {s for s, _ in known}
    if not landing.is_dir():
        return []
    out: list[UnreadPath] = []

    def add(path: Path, candidates: Iterable[str], name: str) -> None:
        files = _data_files(path)
        if files:
            relative = path.relative_to(landing).as_posix() + ("/" if path.is_dir() else "")
            out.append(UnreadPath(relative, files, _closest(name, candidates)))

    for top in sorted(landing.iterdir()):
        if _hidden(top):
            continue
        if top.name not in sources or not top.is_dir():
            add(top, sources, top.stem)
            continue
        tables_here = [f"{top.name}/{t}" for s, t in known if s == top.name]
        for sub in sorted(top.iterdir()):
            if _hidden(sub) or ((top.name, sub.name) in known and sub.is_dir()):
                continue
            add(sub, tables_here, f"{top.name}/{sub.stem}")
    return out


def fingerprint(files: list[LandedFile]) -> str:
    """A cheap digest of names, sizes and modification times (for the sensor's cursor)."""
    digest = hashlib.sha256()
    for f in files:
        stat = f.path.lstat() if f.refused else f.path.stat()
        digest.update(f"{f.relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
