"""Writes the dbt sources (``models/staging/<source>/_<source>__sources.yml``) from the
landing contract, so the raw tables are described once, in ``contracts.py``.

    python -m orchestration.defs.ingest.dbt_sources          # rewrite the files
    python -m orchestration.defs.ingest.dbt_sources --check  # fail if they are stale

Generation is strict: a source, table or column of the contract without a description is an
error (:class:`MissingDescriptionError`) naming it, so the docs never ship an empty field.

Each source's schema is a dbt var (``<source>_schema``, default ``raw_<source>``), so a user
whose ELT tool already lands a connector's tables can point staging at that schema.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from orchestration.defs.ingest.contracts import SOURCE_DESCRIPTIONS, SOURCES, Table, tables_of

STAGING_DIR = Path(__file__).resolve().parents[3] / "dbt_project" / "models" / "staging"
HEADER = ("# Generated from orchestration/defs/ingest/contracts.py by\n"
          "# `python -m orchestration.defs.ingest.dbt_sources`; edit the contract instead.\n")

# Freshness of the landing data, by how often each kind of source is exported.
FRESHNESS: dict[str, dict[str, Any] | None] = {
    "daily": {"warn_after": {"count": 2, "period": "day"},
              "error_after": {"count": 4, "period": "day"}},
    "weekly": {"warn_after": {"count": 8, "period": "day"},
               "error_after": {"count": 15, "period": "day"}},
    "rarely": None,
}
SOURCE_CADENCE = {"seo": "weekly", "surveys": "weekly", "strategy": "rarely"}

META_COLUMNS = (
    ("_loaded_at", "When the loader wrote the row (UTC)."),
    ("_source_file", "Landing file the row came from, relative to the landing folder."),
    ("_file_hash", "SHA-256 of that file's bytes when it was loaded."),
    ("_row_number", "1-based data row of the file (line for JSON lines, header excluded)."),
    ("_nulled_columns", "Measure columns whose impossible value (negative count, score out of "
                        "range, text for a number) the loader set to NULL in this row; NULL "
                        "when none. The original values are in raw_meta.quarantine "
                        "(action value_nulled)."),
)


class MissingDescriptionError(ValueError):
    """A source, table or column of the contract has an empty description."""


def _described(text: str | None, what: str) -> str:
    if text is None or not text.strip():
        raise MissingDescriptionError(
            f"{what} has an empty description: add description=... in "
            "orchestration/defs/ingest/contracts.py")
    return text


def _column(table: Table, name: str) -> dict[str, Any]:
    column = table.column(name)
    description = _described(
        column.description,
        f"column {name!r} of table {table.name!r} in source {table.source!r}")
    entry: dict[str, Any] = {"name": name, "description": description,
                             "data_type": column.type.lower()}
    tests: list[Any] = []
    if column.not_null:
        tests.append("not_null")
    if table.key == (name,):
        tests.append("unique")
    if column.accepted is not None:
        tests.append({"accepted_values": {"arguments": {"values": list(column.accepted)}}})
    if tests:
        entry["data_tests"] = tests
    return entry


def _table(table: Table) -> dict[str, Any]:
    description = _described(table.description,
                             f"table {table.name!r} in source {table.source!r}")
    entry: dict[str, Any] = {"name": table.name, "description": description}
    if len(table.key) > 1:
        entry["data_tests"] = [{"unique_combination_of_columns": {
            "arguments": {"combination_of_columns": list(table.key)}}}]
    entry["columns"] = [_column(table, c.name) for c in table.columns] + [
        {"name": name, "description": text} for name, text in META_COLUMNS]
    return entry


def source_yaml(source: str) -> str:
    config: dict[str, Any] = {"loaded_at_field": "_loaded_at"}
    freshness = FRESHNESS[SOURCE_CADENCE.get(source, "daily")]
    config["freshness"] = freshness
    document = {"version": 2, "sources": [{
        "name": source,
        "description": _described(SOURCE_DESCRIPTIONS.get(source), f"source {source!r}"),
        "schema": f"{{{{ var('{source}_schema', 'raw_{source}') }}}}",
        "quoting": {"identifier": True},
        "config": config,
        "tables": [_table(t) for t in tables_of(source)],
    }]}
    body = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    return HEADER + body


def paths() -> dict[Path, str]:
    return {STAGING_DIR / source / f"_{source}__sources.yml": source_yaml(source)
            for source in SOURCES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    stale = []
    for path, text in paths().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(str(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        print("stale dbt sources (run python -m orchestration.defs.ingest.dbt_sources):\n"
              + "\n".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
