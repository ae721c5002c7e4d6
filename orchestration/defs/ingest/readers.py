"""Reading one landing file into rows the validator can check.

CSV and JSON lines are parsed in Python so every problem can name its row; their values stay
text (``VARCHAR``) and the validator casts them. Parquet is read by DuckDB in place (it is
typed already, and large GA4 exports must not pass through Python row by row).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

import pyarrow as pa

from orchestration.defs import settings
from orchestration.defs.ingest.landing import LandedFile


class FileRejected(Exception):
    """The whole file cannot be loaded. Structured: the file, the reason in words and, when
    one column is to blame (a required column missing from the header, a column named twice),
    that column; the message names all of them."""

    def __init__(self, source_file: str, reason: str, column: str | None = None) -> None:
        self.source_file = source_file
        self.reason = reason
        self.column = column
        super().__init__(f"{source_file}: {reason}")


@dataclass(frozen=True)
class ParseProblem:
    """A row that could not even be split into columns."""

    row_number: int
    reason: str
    raw_record: str | None


@dataclass
class ParsedFile:
    """Rows of a text file as strings, plus the rows that could not be parsed."""

    columns: list[str]
    table: pa.Table | None
    problems: list[ParseProblem] = field(default_factory=list)
    # JSON lines keep each good line whole (column `_line`): DuckDB extracts the columns,
    # which is several times faster than re-encoding nested values in Python.
    json_lines: bool = False

    @property
    def rows_landed(self) -> int:
        good = self.table.num_rows if self.table is not None else 0
        return good + len(self.problems)


def decode(raw: bytes, relative: str) -> str:
    """Text of a file that must be UTF-8 (a byte-order mark is allowed)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise FileRejected(
            relative, f"not UTF-8 text (byte 0x{raw[err.start]:02x} at offset {err.start}, "
                      f"line {line}); re-save the file as UTF-8"
        ) from None


def _arrow_of(columns: list[str], rows: list[list[str | None]], numbers: list[int]) -> pa.Table:
    arrays = {name: pa.array([r[i] for r in rows], type=pa.string())
              for i, name in enumerate(columns)}
    arrays["_row_number"] = pa.array(numbers, type=pa.int64())
    return pa.table(arrays)


def _check_header(columns: list[str], relative: str) -> None:
    """Column names must be usable as columns: none empty, none twice, and no two differing
    only by case (the warehouse's column names are case-insensitive)."""
    seen: dict[str, str] = {}
    for name in columns:
        if not name:
            raise FileRejected(relative, "the header has an empty column name")
        if name in seen.values():
            raise FileRejected(relative, f"column '{name}' appears twice in the header", name)
        other = seen.get(name.casefold())
        if other is not None:
            raise FileRejected(relative, f"columns '{other}' and '{name}' of the header differ "
                                         "only by case", name)
        seen[name.casefold()] = name


class _Keys:
    """The keys of a file's JSON objects, checked as they come: a key must not be empty, and
    two keys (in one object or across the file) must not differ only by case."""

    def __init__(self, relative: str) -> None:
        self.relative = relative
        self.columns: dict[str, None] = {}
        self._folded: dict[str, tuple[str, str]] = {}

    def add(self, keys: object, where: str) -> None:
        for key in keys:  # type: ignore[attr-defined]
            if key in self.columns:
                continue
            if not key:
                raise FileRejected(self.relative, f"{where} has an empty key; every key must "
                                                  "name a column")
            other = self._folded.get(key.casefold())
            if other is not None:
                raise FileRejected(
                    self.relative, f"keys '{other[0]}' ({other[1]}) and '{key}' ({where}) "
                                   "differ only by case; a column can have one spelling", key)
            self._folded[key.casefold()] = (key, where)
            self.columns[key] = None


def read_csv(file: LandedFile, keep_raw: bool) -> ParsedFile:
    text = decode(file.path.read_bytes(), file.relative)
    limit = settings.csv_max_field_chars()
    csv.field_size_limit(limit)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            return ParsedFile([], None)
        columns = [name.strip() for name in header]
        _check_header(columns, file.relative)
        rows: list[list[str | None]] = []
        numbers: list[int] = []
        problems: list[ParseProblem] = []
        row_number = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as err:
                row_number += 1
                reason = str(err)
                if "field limit" in reason:
                    reason = (f"a field is longer than {limit:,} characters (the limit, "
                              "setting CSV_MAX_FIELD_CHARS)")
                problems.append(ParseProblem(
                    row_number, f"malformed CSV at line {reader.line_num}: {reason}", None))
                continue
            if not record:
                continue  # a blank line is not a row
            row_number += 1
            if len(record) != len(columns):
                problems.append(ParseProblem(
                    row_number,
                    f"malformed row (line {reader.line_num}): {len(record)} fields, "
                    f"the header has {len(columns)}",
                    json.dumps(record, ensure_ascii=False) if keep_raw else None,
                ))
                continue
            rows.append([value if value != "" else None for value in record])
            numbers.append(row_number)
    except csv.Error as err:
        raise FileRejected(
            file.relative, f"unreadable CSV at line {reader.line_num}: {err}"
        ) from None
    return ParsedFile(columns, _arrow_of(columns, rows, numbers), problems)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _records_to_parsed(
    records: list[tuple[int, dict[str, object]]], problems: list[ParseProblem], relative: str
) -> ParsedFile:
    keys = _Keys(relative)
    for position, rec in records:
        keys.add(rec, f"element {position}")
    columns = list(keys.columns)
    rows = [[_text(rec.get(name)) for name in columns] for _, rec in records]
    numbers = [n for n, _ in records]
    return ParsedFile(columns, _arrow_of(columns, rows, numbers), problems)


def read_jsonl(file: LandedFile, keep_raw: bool) -> ParsedFile:
    """JSON lines (split on newlines only: a JSON string may hold other line separators).
    Every line is parsed once here to find malformed ones and the columns; the good lines
    go to DuckDB whole."""
    text = decode(file.path.read_bytes(), file.relative)
    lines: list[str] = []
    numbers: list[int] = []
    keys = _Keys(file.relative)
    problems: list[ParseProblem] = []
    for line_number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        raw = line if keep_raw else None
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            # the quarantine keeps the broken line as a JSON string
            kept = json.dumps(line, ensure_ascii=False) if keep_raw else None
            problems.append(ParseProblem(line_number, f"invalid JSON on line {line_number}: "
                                                      f"{err.msg} (column {err.colno})", kept))
            continue
        if not isinstance(value, dict):
            problems.append(ParseProblem(line_number, f"line {line_number} is not a JSON object",
                                         raw))
            continue
        keys.add(value, f"line {line_number}")
        lines.append(line)
        numbers.append(line_number)
    if not lines and not problems:
        return ParsedFile([], None)
    table = pa.table({"_row_number": pa.array(numbers, type=pa.int64()),
                      "_line": pa.array(lines, type=pa.string())})
    return ParsedFile(list(keys.columns), table, problems, json_lines=True)


def read_json(file: LandedFile, keep_raw: bool) -> ParsedFile:
    """A JSON document holding an array of objects (row number = position in the array)."""
    text = decode(file.path.read_bytes(), file.relative)
    if not text.strip():
        return ParsedFile([], None)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise FileRejected(file.relative, f"invalid JSON at line {err.lineno} column "
                                          f"{err.colno}: {err.msg}") from None
    if isinstance(document, dict):
        document = [document]
    if not isinstance(document, list):
        raise FileRejected(file.relative, "expected a JSON array of objects")
    records: list[tuple[int, dict[str, object]]] = []
    problems: list[ParseProblem] = []
    for position, value in enumerate(document, start=1):
        if isinstance(value, dict):
            records.append((position, value))
        else:
            raw = json.dumps(value, ensure_ascii=False) if keep_raw else None
            problems.append(ParseProblem(position, f"element {position} is not a JSON object",
                                         raw))
    if not records and not problems:
        return ParsedFile([], None)
    return _records_to_parsed(records, problems, file.relative)


TEXT_READERS = {"csv": read_csv, "jsonl": read_jsonl, "json": read_json}
