"""The dbt sources generated from the landing contract: current, fully described, tested keys."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from orchestration.defs.ingest import dbt_sources
from orchestration.defs.ingest.contracts import TABLES, Column, Table

SOURCE_FILES = sorted(dbt_sources.STAGING_DIR.glob("*/_*__sources.yml"))


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _tables() -> dict[tuple[str, str], dict[str, Any]]:
    """Every generated source table, keyed by (source, table); duplicates fail the test."""
    seen: Counter[tuple[str, str]] = Counter()
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for path in SOURCE_FILES:
        for source in _load(path)["sources"]:
            for table in source["tables"]:
                key = (source["name"], table["name"])
                seen[key] += 1
                out[key] = table
    duplicated = sorted(k for k, n in seen.items() if n > 1)
    assert not duplicated, f"tables generated more than once: {duplicated}"
    return out


def _tests_of(entry: dict[str, Any]) -> list[Any]:
    return entry.get("data_tests") or []


def test_generated_files_are_up_to_date() -> None:
    assert dbt_sources.main(["--check"]) == 0


def test_one_file_per_source_and_no_strays() -> None:
    assert sorted(dbt_sources.paths()) == SOURCE_FILES


def test_every_source_table_and_column_is_described() -> None:
    missing = []
    for path in SOURCE_FILES:
        for source in _load(path)["sources"]:
            if not str(source.get("description") or "").strip():
                missing.append(f"{path.name}: source {source['name']}")
            for table in source["tables"]:
                where = f"{path.name}: {source['name']}.{table['name']}"
                if not str(table.get("description") or "").strip():
                    missing.append(where)
                assert table.get("columns"), f"{where} has no columns"
                for column in table["columns"]:
                    if not str(column.get("description") or "").strip():
                        missing.append(f"{where}.{column['name']}")
    assert not missing, "empty descriptions:\n" + "\n".join(missing)


def test_every_contract_table_appears_exactly_once() -> None:
    generated = _tables()
    expected = {(t.source, t.name) for t in TABLES}
    assert set(generated) == expected
    for t in TABLES:
        names = [c["name"] for c in generated[(t.source, t.name)]["columns"]]
        assert names[: len(t.columns)] == list(t.column_names), f"{t.source}.{t.name}"


@pytest.mark.parametrize("table", [t for t in TABLES if t.key], ids=lambda t: t.qualified)
def test_key_columns_carry_unique_tests(table: Table) -> None:
    generated = _tables()[(table.source, table.name)]
    combos = [test["unique_combination_of_columns"]["arguments"]["combination_of_columns"]
              for test in _tests_of(generated)
              if isinstance(test, dict) and "unique_combination_of_columns" in test]
    if len(table.key) == 1:
        (key,) = table.key
        column = next(c for c in generated["columns"] if c["name"] == key)
        assert "unique" in _tests_of(column), f"{table.qualified}.{key} lacks a unique test"
        assert not combos
    else:
        assert combos == [list(table.key)], f"{table.qualified} lacks its key combination test"


def test_personal_data_columns_say_they_are_hashed() -> None:
    for t in TABLES:
        for c in t.columns:
            if c.pii is not None:
                assert "HMAC-SHA256" in c.description, f"{t.qualified}.{c.name}"
                assert ("lower-cased" in c.description) == (c.pii == "email"), c.name


def _blank_column(table: Table, name: str) -> Table:
    columns = tuple(dataclasses.replace(c, description="  ") if c.name == name else c
                    for c in table.columns)
    return dataclasses.replace(table, columns=columns)


def test_generation_refuses_an_empty_column_description() -> None:
    table = next(t for t in TABLES if (t.source, t.name) == ("shopify", "order"))
    with pytest.raises(dbt_sources.MissingDescriptionError) as err:
        dbt_sources._table(_blank_column(table, "currency"))
    message = str(err.value)
    assert "'currency'" in message and "'order'" in message and "'shopify'" in message


def test_generation_refuses_an_empty_table_description() -> None:
    table = Table("blog", "subscribers_daily", (Column("date", description="Day."),))
    with pytest.raises(dbt_sources.MissingDescriptionError, match=r"'subscribers_daily'.*'blog'"):
        dbt_sources._table(table)
