"""Personal data at load: identifiers hashed, free text masked.

Identifiers (emails, author ids, customer references): HMAC-SHA256 with a key from
``PII_HASH_KEY``: the same person hashes to the same value in every table (joins still work),
and without the key nobody can confirm a guessed email. Emails are trimmed and lower-cased
first, other identifiers trimmed.

Free text (comments, mentions, survey answers) keeps its words, but what identifies a person
inside it is replaced by a placeholder (see ``TEXT_MASKS``): emails by ``[email]``, phone
numbers by ``[phone]``, other runs of ten or more digits (national ids, card and customer
numbers) by ``[number]``, and @handles by ``@user``. Digits of any script count.

Every other text value (any text, JSON or nested column without a personal-data kind, and
everything ``raw_meta.quarantine`` keeps: raw lines, reasons, original values) has its emails
replaced by ``[email]`` (``mask_emails_sql``), plain or URL-encoded: no plain email is stored.
"""

from __future__ import annotations

import contextlib
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


# An email, also URL-encoded (``sara%40example.com`` in a query string).
EMAIL_PATTERN = ("[A-Za-z0-9._%+\\-]+(@|%40)[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)*"
                 "\\.[A-Za-z]{2,}")

_DIGIT = "[0-9\u06f0-\u06f9\u0660-\u0669]"
_SEP = "[ .()\\-]?"

# (what it is, RE2 pattern, placeholder), applied in this order: emails before handles (an
# email holds an @), phone numbers (a leading +, 00 or 0) before other long numbers.
TEXT_MASKS: tuple[tuple[str, str, str], ...] = (
    ("email", EMAIL_PATTERN, "[email]"),
    ("phone number", f"(\\+|00|0|\u06f0|\u0660){_DIGIT}([ .()\\-]{{0,2}}{_DIGIT}){{8,}}",
     "[phone]"),
    ("national id or other long number", f"{_DIGIT}({_SEP}{_DIGIT}){{9,}}", "[number]"),
    ("handle", "@[A-Za-z0-9_][A-Za-z0-9_.]{1,}", "@user"),
)


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def mask_text_sql(expr: str) -> str:
    """SQL (DuckDB) that masks personal data inside a free-text value."""
    masked = f"cast({expr} as varchar)"
    for _, pattern, placeholder in TEXT_MASKS:
        masked = (f"regexp_replace({masked}, {_sql_literal(pattern)}, "
                  f"{_sql_literal(placeholder)}, 'g')")
    return masked


def mask_emails_sql(expr: str) -> str:
    """SQL (DuckDB) that replaces every email inside a text value by ``[email]``: applied at
    load to every text value that is not personal data by contract (URLs with ``?email=``,
    nested GA4 parameters, names) and to everything the quarantine keeps."""
    return f"regexp_replace({expr}, {_sql_literal(EMAIL_PATTERN)}, '[email]', 'g')"


def normalise_sql(expr: str, kind: PiiKind) -> str:
    """SQL that normalises an identifier before hashing."""
    if kind == "email":
        return f"nullif(lower(trim({expr})), '')"
    return f"nullif(trim(cast({expr} as varchar)), '')"


def protected_sql(expr: str, kind: PiiKind) -> str:
    """SQL of the value as stored: free text masked, an identifier hashed."""
    if kind == "text":
        return mask_text_sql(expr)
    return f"{UDF_NAME}({normalise_sql(expr, kind)})"


def register(con: duckdb.DuckDBPyConnection, key: str) -> None:
    """Register ``pii_hash(varchar) -> varchar`` on a connection (vectorised over Arrow)."""

    def _hash_array(values: pa.Array) -> pa.Array:
        return pa.array([pii_hash(v, key) for v in values.to_pylist()], type=pa.string())

    with contextlib.suppress(duckdb.Error):  # registered already by another loader
        con.remove_function(UDF_NAME)
    con.create_function(
        UDF_NAME, _hash_array, [duckdb.sqltype("VARCHAR")], duckdb.sqltype("VARCHAR"),
        type="arrow", null_handling="special", side_effects=False,
    )
