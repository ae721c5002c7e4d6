"""Paths and secrets from environment variables, with the defaults the demo uses."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_LANDING_DIR = "data/landing"
DEFAULT_WAREHOUSE_PATH = "data/warehouse.duckdb"
# Demo only. Set PII_HASH_KEY to a secret of your own before loading real data: with this key
# anyone can test whether a given email or id appears in the warehouse.
DEMO_PII_HASH_KEY = "demo-key-not-secret-change-me"


def landing_dir() -> Path:
    return Path(os.environ.get("LANDING_DIR", DEFAULT_LANDING_DIR))


def warehouse_path() -> Path:
    return Path(os.environ.get("WAREHOUSE_PATH", DEFAULT_WAREHOUSE_PATH))


def pii_hash_key() -> str:
    return os.environ.get("PII_HASH_KEY", DEMO_PII_HASH_KEY)


def dagster_home_set() -> bool:
    return bool(os.environ.get("DAGSTER_HOME"))
