"""Severity on purpose: every dbt data test states its severity and says why, and the policy's
hard rules hold (README "dbt"; dbt_project.yml `data_tests:`).

Read from the parsed manifest. The project's default severities are written as Jinja in
dbt_project.yml, which the manifest keeps unrendered, so a test that inherits a default shows
``{{ 'warn' }}`` in its ``unrendered_config`` while one that states its own shows ``warn``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache
from typing import Any

from orchestration.defs.dbt.project import ensure_manifest

SEVERITIES = ("warn", "error")


@cache
def _tests() -> tuple[dict[str, Any], ...]:
    manifest = json.loads(ensure_manifest().read_text(encoding="utf-8"))
    return tuple(n for n in manifest["nodes"].values() if n["resource_type"] == "test")


def _listing(tests: list[dict[str, Any]]) -> str:
    by_file: dict[str, list[str]] = defaultdict(list)
    for test in tests:
        by_file[test["original_file_path"]].append(test["name"])
    return "\n".join(f"{path}:\n  " + "\n  ".join(sorted(names))
                     for path, names in sorted(by_file.items()))


def _on_source(test: dict[str, Any]) -> bool:
    return str(test.get("attached_node") or "").startswith("source.") or (
        bool(test.get("sources")) and not test.get("refs"))


def test_the_manifest_holds_generic_singular_and_source_tests() -> None:
    tests = _tests()
    assert any(_on_source(t) for t in tests)
    assert any(t.get("test_metadata") is None for t in tests), "no singular test found"
    assert len(tests) > 500


def test_the_project_default_is_not_mistaken_for_an_explicit_severity() -> None:
    """The detection below works: dbt_project.yml's defaults reach the manifest unrendered."""
    text = (ensure_manifest().parents[1] / "dbt_project.yml").read_text(encoding="utf-8")
    assert "+severity: \"{{ 'error' }}\"" in text and "+severity: \"{{ 'warn' }}\"" in text


def test_every_data_test_states_its_severity() -> None:
    implicit = [t for t in _tests()
                if str(t["unrendered_config"].get("severity", "")).lower() not in SEVERITIES]
    assert not implicit, ("data tests without an explicit severity (config: {severity: warn "
                          "or error}):\n" + _listing(implicit))


def test_every_data_test_says_why() -> None:
    silent = [t for t in _tests() if not str(t.get("description") or "").strip()]
    assert not silent, "data tests without a description:\n" + _listing(silent)


def test_no_source_test_is_an_error() -> None:
    """A source test describes incoming data; the models tolerate it by rule."""
    errors = [t for t in _tests() if _on_source(t) and t["config"]["severity"].lower() == "error"]
    assert not errors, "error-severity tests on sources:\n" + _listing(errors)


def test_orphans_warn() -> None:
    """Relationships tests find orphans (metrics of a post missing from the posts table, an
    account missing from social_accounts): reported with their count, never fatal."""
    relationships = [t for t in _tests()
                     if (t.get("test_metadata") or {}).get("name") == "relationships"]
    assert relationships
    errors = [t for t in relationships if t["config"]["severity"].lower() != "warn"]
    assert not errors, "relationships tests that are not warn:\n" + _listing(errors)


def test_singular_tests_state_their_severity_in_their_own_config() -> None:
    """A singular test's severity sits in its SQL (``{{ config(severity=...) }}``): dbt's
    partial parsing, which every ``dbt build`` uses, can drop the YAML properties of a
    singular test, and a warn test would then run at the project's default, error."""
    singular = [t for t in _tests() if t.get("test_metadata") is None]
    assert singular
    stated = re.compile(r"config\(\s*severity\s*=\s*'(warn|error)'\s*\)")
    implicit = [t for t in singular if not stated.search(t["raw_code"])]
    assert not implicit, ("singular tests without config(severity=...) in their SQL:\n"
                          + _listing(implicit))
