"""Publish the working warehouse's marts to the serving copy, atomically.

The serving copy is a folder (``SERVING_DIR``, default ``data/serving``) holding:

- ``serving.duckdb``: every table of the working warehouse's ``marts`` schema (and the
  semantic layer's time spine, schema ``semantic``, so MetricFlow can query it), each with two
  more columns, ``publish_id`` and ``published_at``, the same in every table of one publish. It is
  built beside the old one (``serving.duckdb.<publish_id>.tmp``), checkpointed, synced to disk
  and renamed over it: a reader opens either the old file or the new, never a mix, and a
  reader already connected keeps reading the old one until it reconnects.
- ``parquet/current``: a symbolic link to ``parquet/versions/<publish_id>/``, one
  ``<mart>.parquet`` per mart. The new version is written in full before the link is swapped
  (``os.replace`` of a link is atomic); the previous version is kept for readers in the middle
  of a query, older ones are removed.

A run killed at any point leaves the last complete publish in place, plus at most a temporary
file or folder that the next publish removes.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from orchestration.defs import settings

MART_SCHEMA = "marts"
# The semantic layer's time spine goes along, so MetricFlow can query the serving copy.
SERVED_SCHEMAS = (MART_SCHEMA, "semantic")
SERVING_FILE = "serving.duckdb"
PARQUET_DIR = "parquet"
VERSIONS_DIR = "versions"
CURRENT_LINK = "current"
TMP_SUFFIX = ".tmp"
PUBLISH_COLUMNS = ("publish_id", "published_at")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Published:
    publish_id: str
    published_at: datetime
    serving_file: Path
    parquet_dir: Path
    tables: tuple[str, ...]
    rows: int


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def served_tables(con: duckdb.DuckDBPyConnection, catalog: str) -> list[tuple[str, str]]:
    """(schema, table) of the base tables of the served schemas of an attached database
    (views are not data)."""
    marks = ", ".join("?" for _ in SERVED_SCHEMAS)
    rows = con.execute(
        "select table_schema, table_name from information_schema.tables "
        f"where table_catalog = ? and table_schema in ({marks}) "
        "and table_type = 'BASE TABLE' order by table_schema, table_name",
        [catalog, *SERVED_SCHEMAS]).fetchall()
    return [(r[0], r[1]) for r in rows]


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_leftovers(serving: Path) -> None:
    """Temporary files and folders of publishes that did not finish."""
    for leftover in serving.glob(f"{SERVING_FILE}.*{TMP_SUFFIX}*"):
        leftover.unlink(missing_ok=True)
    versions = serving / PARQUET_DIR / VERSIONS_DIR
    for leftover in versions.glob(f"*{TMP_SUFFIX}"):
        shutil.rmtree(leftover, ignore_errors=True)


def _swap_link(link: Path, target: str) -> None:
    staged = link.with_name(f".{link.name}.{uuid.uuid4().hex}")
    os.symlink(target, staged)
    os.replace(staged, link)


def _prune_versions(parquet: Path, keep: set[str]) -> None:
    for version in (parquet / VERSIONS_DIR).iterdir():
        if version.name not in keep and not version.name.endswith(TMP_SUFFIX):
            shutil.rmtree(version, ignore_errors=True)


def current_publish_id(serving: Path) -> str | None:
    """The publish id of the serving copy's Parquet folder (its ``current`` link), if any."""
    link = serving / PARQUET_DIR / CURRENT_LINK
    return Path(os.readlink(link)).name if link.is_symlink() else None


def publish(warehouse: Path, serving: Path, progress: Progress | None = None) -> Published:
    """Copy every mart of ``warehouse`` to the serving copy in ``serving``; see the module."""
    say = progress or (lambda _step: None)
    serving.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(serving)
    publish_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    published_at = datetime.now(UTC)
    target = serving / SERVING_FILE
    staged = serving / f"{SERVING_FILE}.{publish_id}{TMP_SUFFIX}"
    parquet = serving / PARQUET_DIR
    version = parquet / VERSIONS_DIR / f"{publish_id}{TMP_SUFFIX}"
    version.mkdir(parents=True)
    stamp = (f"{_literal(publish_id)} as publish_id, "
             f"{_literal(published_at.isoformat())}::timestamptz as published_at")
    rows = 0
    with duckdb.connect(str(staged), config=settings.duckdb_config()) as con:
        con.execute("set TimeZone = 'UTC'")
        con.execute(f"attach {_literal(str(warehouse))} as working (read_only)")
        found = con.execute("select current_database()").fetchone()
        database = _quote(found[0] if found else "memory")
        tables = []
        for schema, name in served_tables(con, "working"):
            if not tables or tables[-1][0] != schema:
                con.execute(f"create schema if not exists {database}.{_quote(schema)}")
            tables.append((schema, name))
            say(f"copy {name}")
            served = f"{database}.{_quote(schema)}.{_quote(name)}"
            con.execute(f"create table {served} as select *, {stamp} "
                        f"from working.{_quote(schema)}.{_quote(name)}")
            if schema != MART_SCHEMA:
                continue
            count = con.execute(f"select count(*) from {served}").fetchone()
            rows += int(count[0]) if count else 0
            say(f"parquet {name}")
            con.execute(f"copy {served} to "
                        f"{_literal(str(version / f'{name}.parquet'))} (format parquet)")
        con.execute("detach working")
        say("checkpoint")
        con.execute("checkpoint")
    _fsync(staged)
    say("rename serving file")
    os.replace(staged, target)
    _fsync(serving)
    say("swap parquet link")
    final = version.with_name(publish_id)
    os.replace(version, final)
    previous = current_publish_id(serving)
    _swap_link(parquet / CURRENT_LINK, f"{VERSIONS_DIR}/{publish_id}")
    _prune_versions(parquet, {publish_id, *([previous] if previous else [])})
    say("done")
    return Published(publish_id, published_at, target, parquet / CURRENT_LINK,
                     tuple(name for schema, name in tables if schema == MART_SCHEMA), rows)
