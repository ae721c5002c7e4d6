"""A small preview of each mart, for the Dagster UI: its row count, its latest date and a
markdown table of its headline figures (the columns the metric catalog defines) on that date.

The dbt asset yields one observation per mart it built, after ``dbt build`` has exited (the
warehouse is then free to open read-only)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb

from orchestration.defs import settings

# the date a mart's rows are "as of", in order of preference
DATE_COLUMNS = ("metric_date", "progress_date", "published_date", "month_start_date",
                "quarter_start_date", "as_of_date")
LABEL_TYPES = ("VARCHAR", "BOOLEAN")
NUMERIC_TYPES = ("BIGINT", "INTEGER", "DOUBLE", "DECIMAL", "HUGEINT")
MAX_FIGURES = 4
MAX_LABELS = 2
MAX_ROWS = 5


def _markdown(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    def show(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"
        return str(value).replace("|", "\\|")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(show(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def mart_preview(con: duckdb.DuckDBPyConnection, mart: str) -> dict[str, Any]:
    """Row count, latest date and headline figures of ``marts.<mart>``."""
    columns = dict(con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = 'marts' and table_name = ? order by ordinal_position",
        [mart]).fetchall())
    count = int(con.execute(f"select count(*) from marts.{mart}").fetchone()[0])
    date_column = next((c for c in DATE_COLUMNS if c in columns), None)
    figures = [c for (c,) in con.execute(
        "select distinct mart_column from marts.metric_catalog where mart_name = ?",
        [mart]).fetchall() if c in columns]
    figures = [c for c in columns if c in figures][:MAX_FIGURES]
    source = "figures as the metric catalog defines them"
    if not figures:  # a mart the catalog has no metric of: its first numeric columns
        figures = [c for c, kind in columns.items() if kind.startswith(NUMERIC_TYPES)
                   and not c.endswith("_id")][:MAX_FIGURES]
        source = "no metric catalog entry: its first numeric columns"
    labels = [c for c, kind in columns.items() if kind in LABEL_TYPES
              and c not in ("publish_id",) and not c.endswith("_id")][:MAX_LABELS]
    metadata: dict[str, Any] = {"preview_row_count": dg.MetadataValue.int(count)}
    latest = None
    if date_column:
        latest = con.execute(f"select max({date_column}) from marts.{mart}").fetchone()[0]
        metadata["preview_latest_date"] = dg.MetadataValue.text(
            f"{date_column} {latest}" if latest else "no rows")
    shown = labels + figures
    if shown and count:
        where = f"where {date_column} = ?" if date_column and latest else ""
        params = [latest] if where else []
        rows = con.execute(
            f"select {', '.join(shown)} from marts.{mart} {where} "
            f"order by {', '.join(str(i + 1) for i in range(len(shown)))} limit {MAX_ROWS}",
            params).fetchall()
        title = f"latest {date_column} ({latest})" if where else "first rows"
        metadata["preview"] = dg.MetadataValue.md(
            f"**{mart}**, {title}; {source}\n\n"
            + _markdown(shown, rows))
    return metadata


def mart_observations(warehouse: str | Path, marts: Iterable[dg.AssetKey]
                      ) -> Iterator[dg.AssetObservation]:
    marts = list(marts)
    if not marts:
        return
    with duckdb.connect(str(warehouse), read_only=True,
                        config=settings.duckdb_config()) as con:
        present = {t for (t,) in con.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'marts'").fetchall()}
        for key in marts:
            name = key.path[-1]
            if name in present:
                yield dg.AssetObservation(asset_key=key, metadata=mart_preview(con, name))
