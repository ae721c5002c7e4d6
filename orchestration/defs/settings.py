"""Paths and secrets from environment variables, with the defaults the demo uses."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

DEFAULT_LANDING_DIR = "data/landing"
DEFAULT_WAREHOUSE_PATH = "data/warehouse.duckdb"
# Demo only. Set PII_HASH_KEY to a secret of your own before loading real data: with this key
# anyone can test whether a given email or id appears in the warehouse.
DEMO_PII_HASH_KEY = "demo-key-not-secret-change-me"


def landing_dir() -> Path:
    return Path(os.environ.get("LANDING_DIR", DEFAULT_LANDING_DIR))


def warehouse_path() -> Path:
    return Path(os.environ.get("WAREHOUSE_PATH", DEFAULT_WAREHOUSE_PATH))


ENGINES = ("duckdb", "spark")


def warehouse_engine() -> str:
    """``WAREHOUSE_ENGINE``: where dbt builds the models, ``duckdb`` (default: the warehouse
    file) or ``spark`` (the profile's ``spark`` target; the raw tables are exported to Parquet
    first and the marts come back into the warehouse file for the checks, the serving copy and
    the report). The loader writes DuckDB either way."""
    engine = os.environ.get("WAREHOUSE_ENGINE", "duckdb").strip().lower() or "duckdb"
    if engine not in ENGINES:
        raise SettingError(f"WAREHOUSE_ENGINE must be one of {', '.join(ENGINES)}, not {engine!r}")
    return engine


def raw_parquet_dir() -> Path:
    """``RAW_PARQUET_DIR``: where the raw tables are exported as Parquet for Spark (default
    ``<SPARK_HOME_DIR>/raw``)."""
    text = os.environ.get("RAW_PARQUET_DIR", "").strip()
    return Path(text) if text else spark_home_dir() / "raw"


def spark_home_dir() -> Path:
    """``SPARK_HOME_DIR``: the Spark target's warehouse folder, metastore and exported raw
    tables (default ``data/spark``)."""
    return Path(os.environ.get("SPARK_HOME_DIR", "data/spark"))


def pii_hash_key() -> str:
    return os.environ.get("PII_HASH_KEY", DEMO_PII_HASH_KEY)


DEFAULT_DUCKDB_MEMORY_LIMIT = "2500MB"
DEFAULT_DUCKDB_THREADS = 2


def duckdb_temp_directory() -> Path:
    """``DUCKDB_TEMP_DIRECTORY``: where DuckDB spills what does not fit in ``memory_limit``
    (sorts, joins, aggregates bigger than memory). Default: ``<warehouse file>.tmp``, DuckDB's
    own place for a file database, set explicitly so in-memory connections spill too."""
    text = os.environ.get("DUCKDB_TEMP_DIRECTORY", "").strip()
    return Path(text) if text else Path(f"{warehouse_path()}.tmp")


def duckdb_config() -> dict[str, Any]:
    """Settings for every DuckDB connection the pipeline opens (DuckDB's default memory limit
    is 80% of RAM, which it will use): ``DUCKDB_MEMORY_LIMIT`` (default 2500MB),
    ``DUCKDB_THREADS`` (default 2) and ``DUCKDB_TEMP_DIRECTORY`` (spilling). dbt's profile
    reads the same variables."""
    return {
        "memory_limit": os.environ.get("DUCKDB_MEMORY_LIMIT", DEFAULT_DUCKDB_MEMORY_LIMIT),
        "threads": int(os.environ.get("DUCKDB_THREADS", DEFAULT_DUCKDB_THREADS)),
        "temp_directory": str(duckdb_temp_directory().absolute()),
    }


def skip_unchanged_models() -> bool:
    """``DBT_SKIP_UNCHANGED`` (default true): a full refresh skips ``dbt build`` when the
    models' inputs are exactly those of the last complete build (see
    ``orchestration/defs/dbt/fingerprint.py``); false always builds."""
    return _flag("DBT_SKIP_UNCHANGED", default=True)


def dagster_home_set() -> bool:
    return bool(os.environ.get("DAGSTER_HOME"))


class SettingError(ValueError):
    """An environment variable holds a value the pipeline cannot use."""


def dbt_vars() -> dict[str, Any]:
    """``DBT_VARS``: a JSON object of dbt vars passed to every ``dbt build`` Dagster runs, e.g.
    ``{"linkedin_pages_schema": "fivetran_linkedin_pages"}`` to build on the tables an ELT tool
    landed, or ``{"reporting_currency": "EUR"}``. Empty when unset."""
    text = os.environ.get("DBT_VARS", "").strip()
    if not text:
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise SettingError(f"DBT_VARS is not valid JSON ({error.msg} at character "
                           f"{error.pos}): {text!r}") from error
    if not isinstance(value, dict):
        raise SettingError(f"DBT_VARS must be a JSON object of dbt vars, not {text!r}")
    return value


def conversation_themes_path() -> Path | None:
    """``CONVERSATION_THEMES_FILE``: the business's own theme taxonomy (YAML, the shape of the
    bundled ``orchestration/conversations/themes.yml``); unset = the bundled default."""
    text = os.environ.get("CONVERSATION_THEMES_FILE", "").strip()
    if not text:
        return None
    path = Path(text)
    if not path.is_file():
        raise SettingError(f"CONVERSATION_THEMES_FILE names no file: {text!r}")
    return path


DEFAULT_CSV_MAX_FIELD_CHARS = 10_000_000


def csv_max_field_chars() -> int:
    """``CSV_MAX_FIELD_CHARS``: the longest CSV field the loader accepts, in characters
    (default 10,000,000); a row with a longer field is quarantined as malformed."""
    text = os.environ.get("CSV_MAX_FIELD_CHARS", "").strip()
    if not text:
        return DEFAULT_CSV_MAX_FIELD_CHARS
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise SettingError(f"CSV_MAX_FIELD_CHARS must be a positive whole number, not {text!r}")
    return value


def _flag(name: str, default: bool) -> bool:
    text = os.environ.get(name, "").strip().lower()
    if not text:
        return default
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise SettingError(f"{name} must be true or false, not {text!r}")


def accept_empty_replacements() -> bool:
    """``ACCEPT_EMPTY_REPLACEMENTS`` (default false): whether a loaded landing file replaced
    by an empty one (0 bytes, or a header only) empties its rows. By default such a file is
    taken for an interrupted copy: its old rows are held and the file is reported."""
    return _flag("ACCEPT_EMPTY_REPLACEMENTS", False)


DELETED_FILES_MODES = ("follow", "keep")


def deleted_files() -> str:
    """``DELETED_FILES``: what becomes of the rows of a landing file deleted after it loaded:
    ``follow`` (default: they are removed, with an audit row) or ``keep``."""
    text = os.environ.get("DELETED_FILES", "").strip().lower() or "follow"
    if text not in DELETED_FILES_MODES:
        raise SettingError(f"DELETED_FILES must be one of {', '.join(DELETED_FILES_MODES)}, "
                           f"not {text!r}")
    return text


def landing_settle_seconds() -> float:
    """``LANDING_SETTLE_SECONDS`` (default 0): a landing file modified less than this many
    seconds ago is taken as still being written and left for the next run."""
    text = os.environ.get("LANDING_SETTLE_SECONDS", "").strip()
    if not text:
        return 0.0
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 0:
        raise SettingError(f"LANDING_SETTLE_SECONDS must be a number of seconds, not {text!r}")
    return value


DEFAULT_BUSINESS_TIMEZONE = "Asia/Tehran"  # the dbt var business_timezone's default


def business_timezone() -> str:
    """``BUSINESS_TIMEZONE``: the business's time zone (IANA name), in which the loader reads
    a timestamp without an offset from a source kept in business time (the contract's
    ``NAIVE_TIMESTAMPS``). Unset: the dbt var ``business_timezone`` from ``DBT_VARS``, else
    Asia/Tehran (the dbt project's default), so the loader and the models agree."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = (os.environ.get("BUSINESS_TIMEZONE", "").strip()
            or str(dbt_vars().get("business_timezone", "")).strip()
            or DEFAULT_BUSINESS_TIMEZONE)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingError(f"BUSINESS_TIMEZONE is not a time zone name: {name!r}") from None
    return name


def serving_dir(warehouse: Path) -> Path:
    """``SERVING_DIR``: where the published copy of the marts goes (``serving.duckdb`` and
    ``parquet/current/``) for BI tools. Unset: a ``serving`` folder beside the warehouse file
    (``data/serving`` for the demo)."""
    text = os.environ.get("SERVING_DIR", "").strip()
    return Path(text) if text else warehouse.parent / "serving"


def log_dir(warehouse: Path) -> Path:
    """``LOG_DIR``: where ``make demo`` writes each run's full Dagster and dbt log. Unset: a
    ``logs`` folder beside the warehouse file (``data/logs`` for the demo)."""
    text = os.environ.get("LOG_DIR", "").strip()
    return Path(text) if text else warehouse.parent / "logs"


def report_dir(warehouse: Path) -> Path:
    """``REPORT_DIR``: where the static HTML report (``index.html``) and its browser
    screenshot go. Unset: a ``report`` folder beside the warehouse file (``data/report`` for
    the demo)."""
    text = os.environ.get("REPORT_DIR", "").strip()
    return Path(text) if text else warehouse.parent / "report"
