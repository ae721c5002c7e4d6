"""Suites as reviewable JSON files in ``expectations/``: one per raw table (generated from the
landing contract, plus hand-written expectations the generator keeps) and one per mart
(hand-written).

A raw table's suite says what the contract already says, as a gate behind the loader's row
rules (which quarantine or null a bad value row by row, so the rows a suite sees should pass;
a failure there means a rule and its contract disagree; see ``gx_runtime.scope_of`` for where
each expectation runs): every contract column
present, not-null and key uniqueness at the source's grain, value ranges, allowed values,
patterns, moments not in the future, and a row-count ceiling against the table's recent
batches (a warning). Expectations whose ``meta.origin`` is ``hand-written`` are judgement the
contract cannot express (e.g. a campaign ending before it starts); the generator keeps them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from orchestration.defs.ingest.contracts import TABLES, Column, Table

EXPECTATIONS_DIR = Path(__file__).resolve().parents[3] / "expectations"
RAW_DIR = EXPECTATIONS_DIR / "raw"
MARTS_DIR = EXPECTATIONS_DIR / "marts"
GENERATED = "contract"
HAND_WRITTEN = "hand-written"
# Suite parameters filled at validation time (see ``batch.py``): the latest moment a value
# may hold (now plus the loader's future tolerance), one per way the contract stores moments.
LATEST_TIMESTAMP = "latest_timestamp"
LATEST_DATE = "latest_date"
LATEST_EPOCH_MICROS = "latest_epoch_micros"
ROW_COUNT_CEILING = "row_count_ceiling"


def suite_name(table: Table) -> str:
    return f"{table.schema}.{table.name}"


def raw_suite_path(table: Table, root: Path = RAW_DIR) -> Path:
    return root / f"{suite_name(table)}.json"


def _expectation(type_: str, severity: str = "critical", **kwargs: Any) -> dict[str, Any]:
    return {"type": type_, "kwargs": kwargs, "meta": {"origin": GENERATED},
            "severity": severity}


def _column_expectations(column: Column) -> list[dict[str, Any]]:
    name = column.name
    found = []
    if column.not_null:
        found.append(_expectation("expect_column_values_to_not_be_null", column=name))
    low = 0 if column.non_negative else column.min_value
    if column.min_value is not None and column.non_negative:
        low = max(0, column.min_value)
    if low is not None or column.max_value is not None:
        found.append(_expectation("expect_column_values_to_be_between", column=name,
                                  min_value=low, max_value=column.max_value))
    if column.accepted is not None:
        found.append(_expectation("expect_column_values_to_be_in_set", column=name,
                                  value_set=list(column.accepted)))
    if column.pattern is not None:
        found.append(_expectation("expect_column_values_to_match_regex", column=name,
                                  regex=column.pattern))
    if column.not_future or column.epoch_micros:
        latest = (LATEST_EPOCH_MICROS if column.epoch_micros
                  else LATEST_DATE if column.type == "DATE" else LATEST_TIMESTAMP)
        found.append(_expectation("expect_column_values_to_be_between", column=name,
                                  max_value={"$PARAMETER": latest}))
    return found


def generated_expectations(table: Table) -> list[dict[str, Any]]:
    # every contract column present (one expectation, not one per column: it is cheaper)
    found = [_expectation("expect_table_columns_to_match_set",
                          column_set=list(table.column_names), exact_match=False)]
    found += [e for c in table.columns for e in _column_expectations(c)]
    if len(table.key) == 1:
        found.append(_expectation("expect_column_values_to_be_unique", column=table.key[0]))
    elif table.key:
        found.append(_expectation("expect_compound_columns_to_be_unique",
                                  column_list=list(table.key)))
    found.append(_expectation("expect_table_row_count_to_be_between", severity="warning",
                              max_value={"$PARAMETER": ROW_COUNT_CEILING}))
    return found


def raw_suite(table: Table, existing: dict[str, Any] | None = None) -> dict[str, Any]:
    """The suite document of a raw table: the contract's expectations, then the hand-written
    ones of ``existing`` (the committed file), unchanged, as are its ``meta.lookups``."""
    kept = [e for e in (existing or {}).get("expectations", [])
            if e.get("meta", {}).get("origin") == HAND_WRITTEN]
    lookups = ((existing or {}).get("meta") or {}).get("lookups")
    return {
        "name": suite_name(table),
        "meta": {**({"lookups": lookups} if lookups else {}), "description": (
            f"What {suite_name(table)} may hold. Generated from "
            "orchestration/defs/ingest/contracts.py by `python -m "
            "orchestration.defs.quality.generate_suites`; expectations with meta.origin "
            "'hand-written' are kept as written. Hand-written and table-level expectations "
            "(meta.scope 'batch') run on each landing batch before the loader commits it: a "
            "failed critical one rejects the file, a failed warning is recorded only. Column "
            "expectations (meta.scope 'rows', which the loader's row rules enforce) run on the "
            "rows of the table's latest load, as the asset check gx_loaded_rows.")},
        "expectations": generated_expectations(table) + kept,
    }


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def read(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def expected_raw_files(root: Path = RAW_DIR) -> dict[Path, str]:
    return {raw_suite_path(t, root): render(raw_suite(t, read(raw_suite_path(t, root))))
            for t in TABLES}
