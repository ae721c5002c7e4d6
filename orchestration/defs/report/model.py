"""What a report is made of: sections holding charts and tables of figures, read from the marts.

Every figure a chart draws is also in a table beside it (the table is what the tests compare
with the marts, and what a reader can copy); every chart names the metric catalog entries it
draws."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import plotly.graph_objects as go


@dataclass(frozen=True)
class Table:
    table_id: str
    caption: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


@dataclass(frozen=True)
class Chart:
    chart_id: str
    title: str
    what: str
    metric_keys: tuple[str, ...]
    figure: go.Figure


@dataclass
class Section:
    section_id: str
    title: str
    intro: str
    marts: tuple[str, ...]
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # why the section has nothing to show (no data for its sources), or None
    empty_reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CatalogEntry:
    metric_key: str
    metric_name: str
    definition: str
    mart_name: str
    mart_column: str


class Catalog:
    """``marts.metric_catalog``: the one definition of every metric a chart draws."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        rows = con.execute(
            "select metric_key, metric_name, definition, mart_name, mart_column "
            "from marts.metric_catalog order by metric_key").fetchall()
        self.entries = {r[0]: CatalogEntry(*r) for r in rows}

    def keys(self, mart: str, columns: Iterable[str]) -> tuple[str, ...]:
        """The catalog keys of these columns of a mart; an uncatalogued column is an error
        (a chart must never draw a figure the catalog does not define)."""
        found: list[str] = []
        for column in columns:
            keys = [e.metric_key for e in self.entries.values()
                    if e.mart_name == mart and e.mart_column == column]
            if not keys:
                raise KeyError(f"marts.{mart}.{column} has no metric catalog entry")
            found.append(keys[0])
        return tuple(found)

    def entry(self, key: str) -> CatalogEntry:
        if key not in self.entries:
            raise KeyError(f"{key} is not in marts.metric_catalog")
        return self.entries[key]


def mart_sources(manifest_path: Path) -> dict[str, tuple[str, ...]]:
    """Each model's upstream dbt sources (``source_name``), from the dbt manifest's lineage."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    parents: dict[str, list[str]] = manifest["parent_map"]
    sources = manifest["sources"]
    result: dict[str, tuple[str, ...]] = {}
    for node_id, node in manifest["nodes"].items():
        if node.get("resource_type") != "model":
            continue
        seen: set[str] = set()
        stack = [node_id]
        found: set[str] = set()
        while stack:
            current = stack.pop()
            for parent in parents.get(current, []):
                if parent in seen:
                    continue
                seen.add(parent)
                if parent in sources:
                    found.add(sources[parent]["source_name"])
                else:
                    stack.append(parent)
        result[node["name"]] = tuple(sorted(found))
    return result


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()
         ) -> list[tuple[Any, ...]]:
    return con.execute(sql, list(params)).fetchall()
