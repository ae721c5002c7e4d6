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
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from orchestration.defs.ingest.contracts import (
    SOURCE_DESCRIPTIONS,
    SOURCES,
    Column,
    Table,
    tables_of,
)
from orchestration.defs.ingest.pii import TEXT_MASKS
from orchestration.defs.ingest.validation import FUTURE_TOLERANCE_DAYS

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


# Every generated source test is a warning, and says why (the project's severity policy,
# README "dbt"): the loader already enforces each rule on the files it loads (bad rows
# quarantined, impossible measures nulled), so a source test only fails on the ELT path,
# `<source>_schema` pointing at tables an ELT tool landed. There it reports the problem and
# its row count, and the models still build from what they can use.
WHY_WARN = (
    "Warn, as every source test: the loader already enforces this on landing files; on the "
    "ELT path (`{source}_schema` set to an ELT tool's schema) it reports the failing rows "
    "while the models build from the rest.")

# How a not-in-the-future column holds its moment, for the `not_in_future` generic test.
_DATE_TYPES = ("DATE",)


def _test(name: str, table: Table, what: str,
          arguments: dict[str, Any] | None = None) -> dict[str, Any]:
    """One generated data test: ``{name: {arguments, config: {severity: warn}, description}}``."""
    body: dict[str, Any] = {}
    if arguments:
        body["arguments"] = arguments
    body["config"] = {"severity": "warn"}
    body["description"] = f"{what} {WHY_WARN.format(source=table.source)}"
    return {name: body}


def _range(column: Column) -> tuple[float | None, float | None]:
    """The contract's bounds of a numeric column: a count is never negative."""
    low = column.min_value
    if column.non_negative and (low is None or low < 0):
        low = 0
    return low, column.max_value


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _bounds_text(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"between {_number(low)} and {_number(high)}"
    return f"at least {_number(low)}" if low is not None else f"at most {_number(high)}"


def _measure_rule(table: Table, column: Column) -> dict[str, Any] | None:
    """The rule staging applies to a measure (macro `measure`): the bounds outside which the
    value is impossible and becomes NULL, as the loader nulls it. None for other columns."""
    if not table.is_measure(column):
        return None
    low, high = _range(column)
    rule: dict[str, Any] = {}
    if low is not None:
        rule["min_value"] = _number(low)
    if high is not None:
        rule["max_value"] = _number(high)
    return rule


def _column_tests(table: Table, column: Column) -> list[dict[str, Any]]:
    name = column.name
    tests: list[dict[str, Any]] = []
    if column.not_null:
        tests.append(_test("not_null", table, (
            f"`{name}` may not be empty (the landing contract requires it).")))
    if table.key == (name,) and column.not_null:
        tests.append(_test("unique", table, (
            f"`{name}` is the key of {table.name}: one row per value, a duplicate would be "
            "counted twice.")))
    if column.accepted is not None:
        tests.append(_test("accepted_values", table, (
            f"The landing contract accepts only these values of `{name}`."),
            {"values": list(column.accepted)}))
    low, high = _range(column)
    if low is not None or high is not None:
        bounds: dict[str, Any] = {}
        if low is not None:
            bounds["min_value"] = _number(low)
        if high is not None:
            bounds["max_value"] = _number(high)
        nulled = (" The loader nulls an impossible value and keeps the row; staging does the "
                  "same (macro `measure`)." if table.is_measure(column) else "")
        tests.append(_test("value_between", table, (
            f"`{name}` is {_bounds_text(low, high)} (an impossible value otherwise).{nulled}"),
            bounds))
    if column.pattern is not None:
        tests.append(_test("matches_pattern", table, (
            f"`{name}` must match {column.pattern}."), {"pattern": column.pattern}))
    if column.not_future:
        kind = ("epoch_micros" if column.epoch_micros
                else "date" if column.type in _DATE_TYPES else "timestamp")
        tests.append(_test("not_in_future", table, (
            f"`{name}` is a moment that has happened: more than {FUTURE_TOLERANCE_DAYS} day "
            "ahead of now is an error of the source."),
            {"kind": kind, "tolerance_days": FUTURE_TOLERANCE_DAYS}))
    return tests


def _column(table: Table, name: str) -> dict[str, Any]:
    column = table.column(name)
    description = _described(
        column.description,
        f"column {name!r} of table {table.name!r} in source {table.source!r}")
    entry: dict[str, Any] = {"name": name, "description": description,
                             "data_type": column.type.lower()}
    rule = _measure_rule(table, column)
    if rule is not None:
        entry["config"] = {"meta": {"measure": rule}}
    tests = _column_tests(table, column)
    if tests:
        entry["data_tests"] = tests
    return entry


def _key_test(table: Table) -> list[dict[str, Any]]:
    """The grain: a combination test unless the key is one never-empty column (its `unique`
    column test). NULL key parts count as values (see the generic test)."""
    if not table.key or (len(table.key) == 1 and table.column(table.key[0]).not_null):
        return []
    columns = ", ".join(table.key)
    return [_test("unique_combination_of_columns", table, (
        f"The grain of {table.name} is ({columns}): one row per combination, a duplicate "
        "would be counted twice."), {"combination_of_columns": list(table.key)})]


def _table(table: Table) -> dict[str, Any]:
    description = _described(table.description,
                             f"table {table.name!r} in source {table.source!r}")
    entry: dict[str, Any] = {"name": table.name, "description": description}
    key_tests = _key_test(table)
    if key_tests:
        entry["data_tests"] = key_tests
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


MEASURES_MACRO = STAGING_DIR.parents[1] / "macros" / "contract_measures.sql"


def measures_macro() -> str:
    """The measure rules as a dbt macro, ``contract_measures()``: ``{"<source>.<table>":
    {column: {min_value, max_value}}}``, read by the staging macro ``measure``. (Also in each
    source column's ``meta``, for the docs; a unit test's context has no graph to read it
    from, hence this macro.)"""
    rules: dict[str, dict[str, dict[str, Any]]] = {}
    for source in SOURCES:
        for table in tables_of(source):
            measures = {c.name: _measure_rule(table, c) or {} for c in table.measure_columns}
            if measures:
                rules[f"{source}.{table.name}"] = measures
    lines = [f"    {json.dumps(name)}: {json.dumps(measures, sort_keys=True)},"
             for name, measures in rules.items()]
    return (
        "{#- Generated from orchestration/defs/ingest/contracts.py by\n"
        "    `python -m orchestration.defs.ingest.dbt_sources`; edit the contract instead.\n"
        "    Every measure of the landing contract (Table.measure_columns) per source table,\n"
        "    with the bounds outside which a value is impossible. -#}\n"
        "{% macro contract_measures() -%}\n"
        "{{ return({\n" + "\n".join(lines) + "\n}) }}\n"
        "{%- endmacro %}\n")


KNOWN_VALUES_MACRO = STAGING_DIR.parents[1] / "macros" / "contract_known_values.sql"


def known_values_macro() -> str:
    """The values the contract names for a column without restricting it to them
    (``Column.known``) as a dbt macro, ``contract_known_values()``: ``{"<source>.<table>":
    {column: [values]}}``, e.g. the cost categories social_investment_daily has a column for."""
    known: dict[str, dict[str, list[str]]] = {}
    for source in SOURCES:
        for table in tables_of(source):
            columns = {c.name: list(c.known) for c in table.columns if c.known is not None}
            if columns:
                known[f"{source}.{table.name}"] = columns
    lines = [f"    {json.dumps(name)}: {json.dumps(columns, sort_keys=True)},"
             for name, columns in known.items()]
    return (
        "{#- Generated from orchestration/defs/ingest/contracts.py by\n"
        "    `python -m orchestration.defs.ingest.dbt_sources`; edit the contract instead.\n"
        "    The values the landing contract names for a column (Column.known) per source\n"
        "    table; other values load too. -#}\n"
        "{% macro contract_known_values() -%}\n"
        "{{ return({\n" + "\n".join(lines) + "\n}) }}\n"
        "{%- endmacro %}\n")


TEXT_MASKS_MACRO = STAGING_DIR.parents[1] / "macros" / "contract_text_masks.sql"


def text_masks_macro() -> str:
    """The loader's masks of personal data inside free text (``pii.TEXT_MASKS``) as a dbt
    macro, ``contract_text_masks()``: ``[{what, pattern, placeholder}]`` in the order they
    apply, read by the staging macro ``mask_personal_data`` so tables an ELT tool landed (which
    the loader never saw) are masked the same way. YAML single quotes keep the patterns'
    backslashes as they are."""
    def quoted(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    lines = [f"- {{what: {quoted(what)}, pattern: {quoted(pattern)}, "
             f"placeholder: {quoted(placeholder)}}}" for what, pattern, placeholder in TEXT_MASKS]
    return (
        "{#- Generated from orchestration/defs/ingest/pii.py by\n"
        "    `python -m orchestration.defs.ingest.dbt_sources`; edit TEXT_MASKS instead.\n"
        "    The masks of personal data inside free text, in the order they apply. -#}\n"
        "{% macro contract_text_masks() -%}\n"
        "{% set masks_yaml %}\n" + "\n".join(lines) + "\n{% endset %}\n"
        "{{ return(fromyaml(masks_yaml)) }}\n"
        "{%- endmacro %}\n")


# Sources the pipeline's own assets write (not the loader, not from the landing contract);
# their YAML is written by hand next to the staging models that read them.
ASSET_WRITTEN_SOURCES: tuple[str, ...] = ("text_analysis",)


def paths() -> dict[Path, str]:
    files = {STAGING_DIR / source / f"_{source}__sources.yml": source_yaml(source)
             for source in SOURCES}
    files[MEASURES_MACRO] = measures_macro()
    files[KNOWN_VALUES_MACRO] = known_values_macro()
    files[TEXT_MASKS_MACRO] = text_masks_macro()
    return files


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
