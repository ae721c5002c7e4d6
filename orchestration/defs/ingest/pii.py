"""Keyed hashing of personal data (emails, author ids, customer references) at load.

HMAC-SHA256 with a key from ``PII_HASH_KEY``: the same person hashes to the same value in
every table (joins still work), and without the key nobody can confirm a guessed email.
Emails are trimmed and lower-cased first, other identifiers trimmed.
"""

from __future__ import annotations

import hashlib
import hmac

import duckdb
import pyarrow as pa

from orchestration.defs.ingest.contracts import PiiKind

UDF_NAME = "pii_hash"


def pii_hash(value: str | None, key: str) -> str | None:
    """The keyed hash of one identifier (already normalised), hex encoded."""
    if value is None:
        return None
    return hmac.new(key.encode(), value.encode(), hashlib.sha256).hexdigest()


def normalise_sql(expr: str, kind: PiiKind) -> str:
    """SQL that normalises an identifier before hashing."""
    if kind == "email":
        return f"nullif(lower(trim({expr})), '')"
    return f"nullif(trim(cast({expr} as varchar)), '')"


def register(con: duckdb.DuckDBPyConnection, key: str) -> None:
    """Register ``pii_hash(varchar) -> varchar`` on a connection (vectorised over Arrow)."""

    def _hash_array(values: pa.Array) -> pa.Array:
        return pa.array([pii_hash(v, key) for v in values.to_pylist()], type=pa.string())

    con.create_function(
        UDF_NAME, _hash_array, [duckdb.sqltype("VARCHAR")], duckdb.sqltype("VARCHAR"),
        type="arrow", null_handling="special", side_effects=False,
    )
