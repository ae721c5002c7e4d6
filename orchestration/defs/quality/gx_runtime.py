"""One ephemeral Great Expectations context per process, cached, with nothing written to disk
and nothing sent anywhere (usage statistics off, progress bars off).

GX 1.x has no DuckDB datasource: every suite validates a pandas DataFrame (read from DuckDB
by the caller). Importing GX takes seconds, so it is imported on first use only.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

DATASOURCE = "warehouse_frames"
ASSET = "frame"
BATCH_DEFINITION = "whole_frame"
# Expectation severities of GX 1.x: only a failed ``critical`` expectation blocks.
BLOCKING = "critical"


@dataclass(frozen=True)
class Failure:
    """One failed expectation, in numbers."""

    expectation: str
    column: str | None
    severity: str
    unexpected_count: int | None
    element_count: int | None
    observed_value: Any
    sample: list[Any]

    def describe(self) -> str:
        where = f" on {self.column}" if self.column else ""
        if self.unexpected_count is not None:
            what = f"{self.unexpected_count} of {self.element_count} row(s) fail"
            if self.sample:
                what += f", e.g. {', '.join(map(str, self.sample[:3]))}"
        else:
            what = f"observed {self.observed_value}"
        return f"{self.expectation}{where}: {what}"

    def as_dict(self) -> dict[str, Any]:
        return {"expectation": self.expectation, "column": self.column,
                "severity": self.severity, "unexpected_count": self.unexpected_count,
                "element_count": self.element_count,
                "observed_value": _plain(self.observed_value), "sample": _plain(self.sample)}


@dataclass(frozen=True)
class Validation:
    """A suite's verdict on one DataFrame: the result JSON as GX wrote it, and its failures."""

    suite: str
    success: bool
    evaluated: int
    failures: tuple[Failure, ...]
    result_json: str

    @property
    def blocking(self) -> tuple[Failure, ...]:
        return tuple(f for f in self.failures if f.severity == BLOCKING)


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


@cache
def _context() -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False,
                                                         metric_calculations=False)
    return context


@cache
def _batch_definition() -> Any:
    source = _context().data_sources.add_pandas(DATASOURCE)
    return source.add_dataframe_asset(ASSET).add_batch_definition_whole_dataframe(
        BATCH_DEFINITION)


# Where an expectation runs (``meta.scope``, else by kind, see ``scope_of``): on each landing
# batch inside the load, or on the rows of a table's latest load in its Dagster asset check.
BATCH_SCOPE = "batch"
ROWS_SCOPE = "rows"
SCOPES = (BATCH_SCOPE, ROWS_SCOPE)


def scope_of(expectation: dict[str, Any]) -> str:
    """``meta.scope`` when the suite says it; else a hand-written or table-level expectation
    (columns, row count) runs per batch, and a generated column expectation (the loader's row
    rules enforce it row by row before the batch is validated) runs on the loaded rows."""
    meta = expectation.get("meta") or {}
    if meta.get("scope") in SCOPES:
        return str(meta["scope"])
    if meta.get("origin") == "hand-written" or expectation["type"].startswith("expect_table_"):
        return BATCH_SCOPE
    return ROWS_SCOPE


@cache
def _suite(path: Path, mtime_ns: int, scope: str | None) -> Any:
    import great_expectations as gx

    del mtime_ns  # part of the cache key: an edited file is read again
    document = json.loads(path.read_text(encoding="utf-8"))
    if scope is not None:
        document["expectations"] = [e for e in document.get("expectations", [])
                                    if scope_of(e) == scope]
    return gx.ExpectationSuite(**{k: document[k] for k in ("name", "expectations", "meta")
                                  if k in document})


@cache
def _meta(path: Path, mtime_ns: int) -> dict[str, Any]:
    del mtime_ns
    document = json.loads(path.read_text(encoding="utf-8"))
    return dict(document.get("meta") or {})


def suite_meta(path: Path) -> dict[str, Any]:
    """The ``meta`` of a suite file (cached while the file is unchanged)."""
    return _meta(path, path.stat().st_mtime_ns)


# The kwargs through which an expectation names the columns whose values it reads.
COLUMN_KWARGS = ("column", "column_A", "column_B")
COLUMN_LIST_KWARGS = ("column_list",)


def columns_read(path: Path, scope: str) -> frozenset[str]:
    """The columns whose values the suite's expectations of ``scope`` read (table-level
    expectations read names and the row count only); cached while the file is unchanged."""
    return _columns_read(path, path.stat().st_mtime_ns, scope)


@cache
def _columns_read(path: Path, mtime_ns: int, scope: str) -> frozenset[str]:
    del mtime_ns
    document = json.loads(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for expectation in document.get("expectations", []):
        if scope_of(expectation) != scope:
            continue
        kwargs = expectation.get("kwargs") or {}
        found |= {str(kwargs[k]) for k in COLUMN_KWARGS if k in kwargs}
        found |= {str(c) for k in COLUMN_LIST_KWARGS for c in kwargs.get(k) or []}
    return frozenset(found)


def load_suite(path: Path, scope: str | None = None) -> Any:
    """The suite of a reviewable JSON file, or only its expectations of one scope (cached
    while the file is unchanged)."""
    return _suite(path, path.stat().st_mtime_ns, scope)


def validate(frame: pd.DataFrame, suite: Any, parameters: dict[str, Any] | None = None
             ) -> Validation:
    """Validate cheaply first (pass/fail only); only a frame that fails is validated again
    for its numbers (failing rows, observed values, a sample)."""
    batch = _batch_definition().get_batch(batch_parameters={"dataframe": frame})
    result = batch.validate(suite, expectation_parameters=parameters or {},
                            result_format={"result_format": "BOOLEAN_ONLY"})
    if not result.success:
        result = batch.validate(suite, expectation_parameters=parameters or {},
                                result_format={"result_format": "SUMMARY",
                                               "partial_unexpected_count": 5})
    document = result.to_json_dict()
    failures = []
    for item in document["results"]:
        if item["success"]:
            continue
        config, numbers = item["expectation_config"], item.get("result") or {}
        kwargs = config.get("kwargs", {})
        column = kwargs.get("column") or (
            "+".join(kwargs["column_list"]) if kwargs.get("column_list") else None) or (
            f"{kwargs['column_A']} vs {kwargs['column_B']}" if "column_A" in kwargs else None)
        error = (item.get("exception_info") or {}).get("exception_message")
        failures.append(Failure(
            expectation=config["type"], column=column,
            severity=config.get("severity") or BLOCKING,
            unexpected_count=numbers.get("unexpected_count"),
            element_count=numbers.get("element_count"),
            observed_value=numbers.get("observed_value", error),
            sample=list(numbers.get("partial_unexpected_list") or []),
        ))
    statistics = document.get("statistics", {})
    return Validation(
        suite=suite.name, success=bool(document["success"]),
        evaluated=int(statistics.get("evaluated_expectations", 0)),
        failures=tuple(failures),
        result_json=json.dumps(document, default=str, ensure_ascii=False),
    )
