"""A short, printable summary of what the warehouse holds: rows per layer, files, quarantine."""

from __future__ import annotations

import duckdb

from orchestration.defs.ingest.warehouse_meta import LOADED_FILES, META_SCHEMA, QUARANTINE

LAYERS = (("raw", "raw_%"), ("staging", "staging%"), ("intermediate", "intermediate%"),
          ("marts", "marts%"))


def _rows_per_layer(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int, int]]:
    """Relations (tables and views) and their rows, per layer."""
    tables = con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema <> ?", [META_SCHEMA]
    ).fetchall()
    out = []
    for layer, pattern in LAYERS:
        prefix = pattern.rstrip("%")
        names = [(s, t) for s, t in tables if s.startswith(prefix)]
        total = 0
        for schema, name in names:
            row = con.execute(f'select count(*) from "{schema}"."{name}"').fetchone()
            total += int(row[0]) if row else 0
        out.append((layer, len(names), total))
    return out


def summarise(con: duckdb.DuckDBPyConnection) -> str:
    lines = ["Warehouse summary", "-----------------"]
    for layer, tables, rows in _rows_per_layer(con):
        lines.append(f"{layer:<13} {tables:>4} relations {rows:>12,} rows")
    has_meta = con.execute(
        "select count(*) from information_schema.tables where table_schema = ?", [META_SCHEMA]
    ).fetchone()
    if has_meta and has_meta[0]:
        for status, files, loaded, quarantined in con.execute(
            f"select status, count(*), sum(rows_loaded), sum(rows_quarantined) "
            f"from {LOADED_FILES} group by status order by status"
        ).fetchall():
            lines.append(f"files {status:<10} {files:>6,}  rows loaded {int(loaded):>12,}  "
                         f"quarantined {int(quarantined):>8,}")
        row = con.execute(f"select count(*) from {QUARANTINE}").fetchone()
        lines.append(f"rows in quarantine now: {int(row[0]) if row else 0:,} "
                     f"(see {QUARANTINE})")
    return "\n".join(lines)
