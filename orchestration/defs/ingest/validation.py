"""Row rules of the landing contract, as SQL run by DuckDB over one file's rows.

For every contract column the validator builds two expressions over the landed value: the
typed value written to the raw table, and the problem (if any). Problems: empty but required,
unreadable as the column's type, not a finite number (NaN, inf, 1e400 in a DOUBLE column),
negative count, out of range, not an accepted value, not
matching a pattern, in the future, and duplicate key (within the file or against rows other
files already loaded).

A problem in a MEASURE column (``Table.is_measure``: a numeric value the row can do without)
nulls that value and flags the row (``_nulled``); a problem anywhere else quarantines the
whole row (``_problems``). Each problem is a ``{column, rule, reason, value}`` struct: the
rule broken, the reason in words and the original value as landed (personal data hashed).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from orchestration.defs import settings
from orchestration.defs.ingest.contracts import Column, Table
from orchestration.defs.ingest.pii import mask_emails_sql, protected_sql

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫"
ASCII_DIGITS = "01234567890123456789."
FUTURE_TOLERANCE_DAYS = 1


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _digits(src: str) -> str:
    """Trimmed text with Persian / Arabic-Indic digits and separators made ASCII."""
    return (f"translate(replace(trim({src}), '٬', ''), {literal(PERSIAN_DIGITS)}, "
            f"{literal(ASCII_DIGITS)})")


# A date or date and time written without any time zone (no offset, no Z, no zone name).
NAIVE_TIMESTAMP = r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?"


def naive_zone(table: Table) -> str | None:
    """The zone a naive timestamp of the table is read in; None: it is quarantined."""
    rule = table.naive_timestamps
    if rule == "utc":
        return "UTC"
    if rule == "business":
        return settings.business_timezone()
    return None


def _naive_sql(src: str, landed_type: str) -> str | None:
    """SQL true when the landed value is a timestamp without a zone (None: never)."""
    if landed_type == "VARCHAR":
        return f"regexp_full_match({_digits(src)}, {literal(NAIVE_TIMESTAMP)})"
    if landed_type.startswith("TIMESTAMP") and "TIME ZONE" not in landed_type:
        return f"{src} is not null"
    return None


def _timestamptz_expr(src: str, landed_type: str, zone: str | None) -> str:
    """A TIMESTAMPTZ value: with an offset as written; without one, in ``zone`` (NULL when
    there is none: the problem is reported as ``time_zone``)."""
    naive = _naive_sql(src, landed_type)
    value = (f"try_cast({_digits(src)} as TIMESTAMPTZ)" if landed_type == "VARCHAR"
             else f"try_cast({src} as TIMESTAMPTZ)")
    if naive is None:
        return value
    local = (f"try_cast({_digits(src)} as TIMESTAMP)" if landed_type == "VARCHAR"
             else f"cast({src} as TIMESTAMP)")
    in_zone = "null" if zone is None else f"timezone({literal(zone)}, {local})"
    return f"case when {naive} then {in_zone} else {value} end"


def _same_type(landed: str, target: str) -> bool:
    """Whether DuckDB's spelling of a landed type is the contract's type (quotes aside)."""
    def plain(t: str) -> str:
        return t.replace('"', "").replace(" ", "").upper()
    return plain(landed) == plain(target)


def typed_expr(column: Column, src: str, landed_type: str, zone: str | None = "UTC") -> str:
    """The value as the raw table stores it: personal data hashed or masked (``pii.py``),
    emails masked in every other text, JSON or nested value."""
    target = column.type
    if column.pii is not None:
        return protected_sql(src, column.pii)
    nested = target.startswith("STRUCT") or target.endswith("]")
    if target == "TIMESTAMPTZ":
        return _timestamptz_expr(src, landed_type, zone)
    if landed_type != "VARCHAR":
        if nested:  # typed already (Parquet): its text values lose their emails too
            text = f"cast(to_json({src}) as varchar)"
            masked = f"try_cast(try_cast({mask_emails_sql(text)} as JSON) as {target})"
            if _same_type(landed_type, target):
                # only a value that can hold an email (an @, or %40) takes the trip through
                # JSON text: the others are the contract's type already
                return (f"case when contains({text}, '@') or contains({text}, '%40') "
                        f"then {masked} else {src} end")
            return masked
        return f"try_cast({src} as {target})"
    if target == "VARCHAR":
        return mask_emails_sql(src)
    if target == "BIGINT":
        digits = _digits(src)
        return (f"case when regexp_full_match({digits}, '[+-]?[0-9]+(\\.0+)?') "
                f"then try_cast({digits} as BIGINT) end")
    if target.startswith(("DOUBLE", "DECIMAL", "DATE", "TIMESTAMP")):
        return f"try_cast({_digits(src)} as {target})"
    if target == "BOOLEAN":
        return f"try_cast(lower(trim({src})) as BOOLEAN)"
    if target == "JSON":
        return f"try_cast({mask_emails_sql(src)} as JSON)"
    # STRUCT and LIST types arrive as JSON text
    return f"try_cast(try_cast({mask_emails_sql(src)} as JSON) as {target})"


PROBLEM = "STRUCT(\"column\" VARCHAR, rule VARCHAR, reason VARCHAR, \"value\" VARCHAR)"
PROBLEMS = f"{PROBLEM}[]"


def _original(column: Column, src: str) -> str:
    """The landed value as text for the quarantine; personal data only as its hash."""
    if column.pii is not None:
        return protected_sql(src, column.pii)
    return f"cast({src} as varchar)"


def problem_struct(column: str, rule: str, reason: str, value: str = "null") -> str:
    """SQL of one problem: ``column`` and ``reason`` are SQL expressions, ``rule`` a name."""
    return (f"{{'column': {column}, 'rule': {literal(rule)}, 'reason': {reason}, "
            f"'value': {value}}}")


def _show(src: str) -> str:
    """The offending value, shortened, for a reason text (emails masked first: a shortened
    email is no longer recognisable as one)."""
    shown = mask_emails_sql(f"cast({src} as varchar)")
    return f"'''' || left({shown}, 60) || ''''"


def _future_bound(column: Column, now: datetime) -> str:
    if column.epoch_micros:
        bound = int(now.timestamp() * 1_000_000) + FUTURE_TOLERANCE_DAYS * 86_400_000_000
        return str(bound)
    if column.type == "DATE":
        return f"(date {literal(now.date().isoformat())} + {FUTURE_TOLERANCE_DAYS})"
    return f"(timestamptz {literal(now.isoformat())} + interval {FUTURE_TOLERANCE_DAYS} day)"


def problem_expr(
    column: Column, src: str, value: str, now: datetime, naive: str | None = None
) -> str:
    """A ``{column, rule, reason, value}`` struct when the value breaks a rule, else NULL
    (first rule broken wins)."""
    name = literal(column.name)
    shown = "'value'" if column.pii else _show(src)
    original = _original(column, src)

    def when(condition: str, rule: str, reason: str) -> str:
        struct = problem_struct(name, rule, f"{shown} || {literal(reason)}", original)
        return f"when {condition} then {struct}"

    whens: list[str] = []
    if column.not_null:
        whens.append(f"when {src} is null then "
                     + problem_struct(name, "required", literal("empty, but required")))
    if naive is not None:
        whens.append(when(naive, "time_zone", " has no time zone offset, and this source's "
                          "zone is not known (contract NAIVE_TIMESTAMPS): write the offset"))
    whens.append(when(f"{src} is not null and {value} is null", "type",
                      f" is not a valid {column.type}"))
    if column.type.startswith(("DOUBLE", "FLOAT", "REAL")):
        # NaN, inf and overflowing literals (1e400) cast to DOUBLE but are not figures
        whens.append(when(f"not isfinite({value})", "finite", " is not a finite number"))
    if column.non_negative:
        whens.append(when(f"{value} < 0", "non_negative", " is negative"))
    if column.min_value is not None:
        whens.append(when(f"{value} < {column.min_value}", "min_value",
                          f" is below {column.min_value:g}"))
    if column.max_value is not None:
        whens.append(when(f"{value} > {column.max_value}", "max_value",
                          f" is above {column.max_value:g}"))
    if column.accepted is not None:
        allowed = ", ".join(literal(v) for v in column.accepted)
        whens.append(when(f"{value} not in ({allowed})", "accepted",
                          " is not one of: " + ", ".join(column.accepted)))
    if column.pattern is not None:
        whens.append(when(f"not regexp_full_match({value}, {literal(column.pattern)})",
                          "pattern", f" does not match {column.pattern}"))
    if column.not_future:
        whens.append(when(f"{value} > {_future_bound(column, now)}", "not_future",
                          " is in the future"))
    return "case " + " ".join(whens) + " end"


def _problem_list(names: list[str]) -> str:
    if not names:
        return f"cast([] as {PROBLEMS})"
    return (f"cast(list_filter([{', '.join(names)}], lambda p: p is not null) "
            f"as {PROBLEMS})")


def checked_sql(
    table: Table, landed_types: dict[str, str], landing_relation: str, now: datetime,
    carry: Sequence[str] = (),
) -> str:
    """SELECT over the landed rows: ``_row_number``, the ``carry`` columns of the landing
    relation as they are (the loader's ``_source_file``), every contract column typed, and two
    lists of problems (empty for a good row): ``_problems``, which quarantine the row, and
    ``_nulled``, the measure values set to NULL in it."""
    zone = naive_zone(table)
    values: list[str] = []  # each typed value computed once, then read by its rules
    checks: list[str] = []
    typed: list[str] = []
    problems: list[str] = []
    nulled: list[str] = []
    for i, column in enumerate(table.columns):
        landed_type = landed_types.get(column.name)
        if landed_type is None:
            typed.append(f"cast(null as {column.type}) as {quote(column.name)}")
            continue
        src = f"l.{quote(column.name)}"
        v, p = f"__v{i}", f"__p{i}"
        values.append(f"{typed_expr(column, src, landed_type, zone)} as {v}")
        naive = (_naive_sql(src, landed_type)
                 if zone is None and column.type == "TIMESTAMPTZ" else None)
        checks += [f"l.{v}", f"{problem_expr(column, src, f'l.{v}', now, naive)} as {p}"]
        if table.is_measure(column):
            typed.append(f"case when {p} is null then {v} end as {quote(column.name)}")
            nulled.append(p)
        else:
            typed.append(f"{v} as {quote(column.name)}")
            problems.append(p)
    carried = [quote(c) for c in carry]
    valued = ", ".join(["l.*", *values])
    checked = ", ".join(["l._row_number", *(f"l.{c}" for c in carried), *checks])
    return (
        f"select {', '.join(['_row_number', *carried, *typed])}, "
        f"{_problem_list(problems)} as _problems, {_problem_list(nulled)} as _nulled "
        f"from (select {checked} from (select {valued} from {landing_relation} as l) as l)"
    )


def raw_record_sql(table: Table, landed_types: dict[str, str], alias: str = "l") -> str:
    """JSON of the landed values of a row, personal data hashed, for the quarantine table."""
    parts = []
    for name in landed_types:
        src = f"{alias}.{quote(name)}"
        column = table.column(name) if name in table.column_names else None
        if column is None:
            continue  # extra columns are not kept: they might carry personal data
        if column.pii is not None:
            src = protected_sql(src, column.pii)
        parts.append(f"{literal(name)}: {src}")
    return "to_json({" + ", ".join(parts) + "})" if parts else "cast(null as json)"
