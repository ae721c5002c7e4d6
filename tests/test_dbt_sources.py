"""The dbt sources generated from the landing contract: current, fully described, tested keys."""

from __future__ import annotations

import dataclasses
import functools
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from orchestration.defs.ingest import dbt_sources
from orchestration.defs.ingest.contracts import TABLES, Column, Table

# the files generated from the landing contract (sources the pipeline's own assets write,
# e.g. text_analysis, are described by hand)
SOURCE_FILES = sorted(p for p in dbt_sources.STAGING_DIR.glob("*/_*__sources.yml")
                      if p.parent.name not in dbt_sources.ASSET_WRITTEN_SOURCES)


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@functools.cache
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
    assert sorted(p for p in dbt_sources.paths() if p.suffix == ".yml") == SOURCE_FILES
    for source in dbt_sources.ASSET_WRITTEN_SOURCES:
        assert (dbt_sources.STAGING_DIR / source / f"_{source}__sources.yml").is_file()


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
    combos = [_body(test)["arguments"]["combination_of_columns"]
              for test in _tests_of(generated) if _name(test) == "unique_combination_of_columns"]
    if len(table.key) == 1 and table.column(table.key[0]).not_null:
        (key,) = table.key
        column = next(c for c in generated["columns"] if c["name"] == key)
        assert "unique" in [_name(t) for t in _tests_of(column)], (
            f"{table.qualified}.{key} lacks a unique test")
        assert not combos
    else:
        assert combos == [list(table.key)], f"{table.qualified} lacks its key combination test"


def _name(test: Any) -> str:
    return test if isinstance(test, str) else next(iter(test))


def _body(test: Any) -> dict[str, Any]:
    return {} if isinstance(test, str) else test[_name(test)]


def _every_test() -> list[tuple[str, Any]]:
    found = []
    for (source, name), table in _tables().items():
        found += [(f"{source}.{name}", t) for t in _tests_of(table)]
        for column in table["columns"]:
            found += [(f"{source}.{name}.{column['name']}", t) for t in _tests_of(column)]
    return found


def test_every_generated_test_is_a_described_warning() -> None:
    """Severity policy: a source test describes incoming data, so it warns; and says why."""
    tests = _every_test()
    assert len(tests) > 150
    wrong = [f"{where}: {_name(t)}" for where, t in tests
             if _body(t).get("config", {}).get("severity") != "warn"
             or "ELT" not in str(_body(t).get("description") or "")]
    assert not wrong, "tests without severity warn and a description:\n" + "\n".join(wrong)


def _column_tests(table: Table, column: str) -> dict[str, dict[str, Any]]:
    generated = _tables()[(table.source, table.name)]
    entry = next(c for c in generated["columns"] if c["name"] == column)
    return {_name(t): _body(t) for t in _tests_of(entry)}


def _bounds(column: Column) -> dict[str, float]:
    """A count is never below zero; a score stays within its contract range."""
    bounds: dict[str, float] = {}
    if column.non_negative:
        bounds["min_value"] = 0
    if column.min_value is not None:
        bounds["min_value"] = max(column.min_value, bounds.get("min_value", column.min_value))
    if column.max_value is not None:
        bounds["max_value"] = column.max_value
    return bounds


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.qualified)
def test_every_column_rule_of_the_contract_has_its_test(table: Table) -> None:
    """not_null, accepted values, ranges (a count is never negative), patterns and moments
    not in the future: each rule the loader applies is a source test for the ELT path."""
    for column in table.columns:
        tests = _column_tests(table, column.name)
        where = f"{table.qualified}.{column.name}"
        assert ("not_null" in tests) == column.not_null, where
        if column.accepted is not None:
            assert tests["accepted_values"]["arguments"] == {"values": list(column.accepted)}
        else:
            assert "accepted_values" not in tests, where
        if column.non_negative or column.min_value is not None or column.max_value is not None:
            assert tests["value_between"]["arguments"] == _bounds(column), where
        else:
            assert "value_between" not in tests, where
        if column.pattern is not None:
            assert tests["matches_pattern"]["arguments"] == {"pattern": column.pattern}, where
        if column.not_future:
            kind = ("epoch_micros" if column.epoch_micros
                    else "date" if column.type == "DATE" else "timestamp")
            assert tests["not_in_future"]["arguments"] == {"kind": kind, "tolerance_days": 1}
        else:
            assert "not_in_future" not in tests, where


def test_counts_of_facebook_post_metrics_may_not_be_negative() -> None:
    """One hand-checked example of the rule above: a lifetime count, never below zero."""
    table = next(t for t in TABLES if t.name == "lifetime_post_metrics_total")
    tests = _column_tests(table, "post_reactions_like_total")
    assert tests["value_between"]["arguments"] == {"min_value": 0}
    rating = _column_tests(next(t for t in TABLES if (t.source, t.name) == (
        "facebook_pages", "page")), "overall_star_rating")
    assert rating["value_between"]["arguments"] == {"min_value": 0, "max_value": 5}


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.qualified)
def test_measures_carry_the_rule_staging_applies(table: Table) -> None:
    """Each measure (Table.measure_columns) carries its bounds in `meta.measure`, which the
    staging macro `measure` reads to null an impossible value; no other column does."""
    generated = _tables()[(table.source, table.name)]
    measures = {c.name for c in table.measure_columns}
    for entry in generated["columns"]:
        rule = entry.get("config", {}).get("meta", {}).get("measure")
        if entry["name"] not in measures:
            assert rule is None, f"{table.qualified}.{entry['name']} is not a measure"
            continue
        column = table.column(entry["name"])
        assert rule == _bounds(column), f"{table.qualified}.{entry['name']}"


def test_personal_data_columns_say_they_are_hashed() -> None:
    for t in TABLES:
        for c in t.columns:
            if c.pii == "text":
                assert "masked at load" in c.description, f"{t.qualified}.{c.name}"
            elif c.pii is not None:
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


def test_the_measures_macro_holds_every_measure_and_its_rule() -> None:
    """``contract_measures()`` (read by the staging macro ``measure``) has every measure of
    the contract with the same bounds as the source column's meta."""
    text = dbt_sources.MEASURES_MACRO.read_text(encoding="utf-8")
    body = text[text.index("{{ return(") + len("{{ return("):text.rindex(") }}")]
    rules = json.loads(body.replace(",\n}", "\n}"))
    expected = {f"{t.source}.{t.name}": {c.name: _bounds(c) for c in t.measure_columns}
                for t in TABLES if t.measure_columns}
    assert rules == expected
