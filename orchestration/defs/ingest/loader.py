"""Loading landing files into ``raw_<source>.<table>``: idempotent, atomic per file,
with quarantine and an audit row that reconciles landed = loaded + quarantined.

Per file: hash the bytes; skip it when this path was loaded with the same hash, or when the
same content was already loaded from another path; otherwise parse, check the header, run the
row rules (and any batch validators) and, in one transaction, replace the rows this path
loaded before with the good rows, quarantine the bad ones and record the outcome. An
impossible measure value is nulled (the row loads, listed in ``_nulled_columns``) and recorded
in the quarantine as ``value_nulled``; any other problem quarantines the row
(``row_quarantined``). A file that fails is rolled back whole and recorded as rejected with a
message naming file, table and column (``FileRejected`` carries them structured).
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

import duckdb

from orchestration.defs import settings
from orchestration.defs.ingest import pii
from orchestration.defs.ingest.contracts import Table
from orchestration.defs.ingest.landing import (
    FORMATS,
    LandedFile,
    UnreadPath,
    files_for,
    unread_paths,
)
from orchestration.defs.ingest.readers import TEXT_READERS, FileRejected, ParsedFile
from orchestration.defs.ingest.validation import (
    PROBLEMS,
    checked_sql,
    literal,
    problem_struct,
    quote,
    raw_record_sql,
)
from orchestration.defs.ingest.warehouse_meta import (
    BATCH_VALIDATIONS,
    LOAD_AUDIT,
    LOADED_FILES,
    QUARANTINE,
    ROW_QUARANTINED,
    VALUE_NULLED,
    ensure_meta_tables,
    ensure_raw_table,
)

# Outcomes that change what a table holds.
CHANGED = ("loaded", "replaced", "empty", "removed")

LANDING = "_landing"
LANDING_LINES = "_landing_lines"
CHECKED = "_checked"
VERDICT = "_verdict"
BATCH = "_batch"


class BatchValidator(Protocol):
    """Runs on a file's rows after the row rules, before the transaction commits.

    ``batch`` names a DuckDB relation holding exactly the rows about to be written (contract
    columns typed, plus ``_row_number``). Return messages to reject the whole file (the load
    rolls back), or an empty list to let it commit. This is where a Great Expectations suite
    plugs in per batch.
    """

    def __call__(self, con: duckdb.DuckDBPyConnection, table: Table, batch: str) -> list[str]:
        ...


@dataclass(frozen=True)
class ValidationRecord:
    """What a validator keeps of one batch's validation: its suite, whether the batch passed
    and the full result (JSON), stored in ``raw_meta.batch_validations`` and linked from the
    file's audit row, whether the file committed or was rejected."""

    suite: str
    success: bool
    result_json: str


@runtime_checkable
class RecordsValidation(Protocol):
    """A ``BatchValidator`` that also keeps a record of its last validation."""

    def take_record(self) -> ValidationRecord | None:
        ...


QUARANTINE_COLUMNS = ("source, table_name, source_file, file_hash, row_number, column_name, "
                      "reason, raw_record, quarantined_at, action, original_value, rule")


@dataclass(frozen=True)
class FileOutcome:
    """What became of one landing file. ``rows_landed = rows_loaded + rows_quarantined``; a
    row with nulled values counts as loaded (``values_nulled`` counts the values)."""

    source_file: str
    # loaded | replaced | empty | unchanged | duplicate | rejected (nothing written; a loaded
    # file replaced by an empty one is rejected, its rows held) | pending (still being
    # written: left for the next run) | removed (deleted from the landing folder, its rows
    # with it) | deleted_kept (deleted, its rows kept: DELETED_FILES=keep)
    status: str
    rows_landed: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    message: str | None = None
    values_nulled: int = 0
    rejected_column: str | None = None
    rejected_reason: str | None = None


@dataclass
class TableOutcome:
    table: Table
    files: list[FileOutcome] = field(default_factory=list)

    def count(self, *statuses: str) -> int:
        return sum(1 for f in self.files if f.status in statuses)

    @property
    def rows_loaded(self) -> int:
        return sum(f.rows_loaded for f in self.files)

    @property
    def rows_quarantined(self) -> int:
        return sum(f.rows_quarantined for f in self.files)

    @property
    def values_nulled(self) -> int:
        return sum(f.values_nulled for f in self.files)

    @property
    def rejected(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status == "rejected"]


@dataclass(frozen=True)
class _Landed:
    """A parsed file ready for the validator: its relation, column types and parse problems."""

    types: dict[str, str]
    rows_landed: int
    parsed: ParsedFile | None


class RawLoader:
    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        landing: Path,
        pii_key: str,
        *,
        run_id: str | None = None,
        now: datetime | None = None,
        validators: Sequence[BatchValidator] = (),
    ) -> None:
        self.con = con
        self.landing = landing
        self.run_id = run_id or uuid.uuid4().hex
        self.now = now or datetime.now(UTC)
        self.validators = tuple(validators)
        self._records: list[ValidationRecord] = []
        self._notes: list[str] = []  # said in the audit message of the file being loaded
        con.execute("set TimeZone = 'UTC'")
        pii.register(con, pii_key)
        ensure_meta_tables(con)

    # ------------------------------------------------------------------ public
    def load_table(self, table: Table) -> TableOutcome:
        ensure_raw_table(self.con, table)
        outcome = TableOutcome(table)
        files = files_for(self.landing, table)
        if self.landing.is_dir():  # a missing landing folder (unmounted?) deletes nothing
            outcome.files += self._follow_deleted(table, {f.relative for f in files})
        settle = settings.landing_settle_seconds()
        for file in files:
            if settle and file.refused is None and self._settling(file, settle):
                outcome.files.append(self._pending(table, file, settle))
                continue
            outcome.files.append(self.load_file(table, file))
        self._recheck_held_rows(table, files, outcome)
        return outcome

    def _recheck_held_rows(
        self, table: Table, files: list[LandedFile], outcome: TableOutcome
    ) -> None:
        """Rows held because another file had them first (a duplicate key already loaded
        from another file, or a whole file with the same content) are released when that
        other file changed or went: once the table changed in this run, every file holding
        such rows that was skipped as unchanged, or read before the last change, is loaded
        again."""
        changes = [i for i, f in enumerate(outcome.files) if f.status in CHANGED]
        if not changes:
            return
        held = {r[0] for r in self.con.execute(
            f"select distinct source_file from {QUARANTINE} where source = ? and "
            "table_name = ? and rule = 'duplicate_key' and reason like '%already loaded from%' "
            f"union select source_file from {LOADED_FILES} where source = ? and "
            "table_name = ? and status = 'duplicate'",
            [table.source, table.name, table.source, table.name]).fetchall()}
        position = {f.source_file: i for i, f in enumerate(outcome.files)}
        for file in files:
            at = position.get(file.relative)
            if file.relative not in held or at is None:
                continue
            status = outcome.files[at].status
            # a file read after the last change was checked against the table as it is now
            if status in ("pending", "rejected") or (at > changes[-1] and status != "unchanged"):
                continue
            outcome.files[at] = self.load_file(table, file, recheck=True)

    def report_unread(self, tables: Sequence[Table]) -> list[UnreadPath]:
        """Data files in folders no table reads, one audit row (status ``unread``) per folder
        and run (every raw asset of a run calls this; the first one writes the rows)."""
        found = unread_paths(self.landing, tables)
        now = datetime.now(UTC)
        for unread in found:
            seen = self.con.execute(
                f"select 1 from {LOAD_AUDIT} where run_id = ? and status = 'unread' "
                "and source_file = ?", [self.run_id, unread.path]).fetchone()
            if seen is not None:
                continue
            parts = unread.path.rstrip("/").split("/")
            self.con.execute(
                f"insert into {LOAD_AUDIT} (run_id, source, table_name, source_file, status, "
                "rows_landed, rows_loaded, rows_quarantined, message, started_at, finished_at) "
                "values (?, ?, ?, ?, 'unread', 0, 0, 0, ?, ?, ?)",
                [self.run_id, parts[0], "/".join(parts[1:]), unread.path, unread.describe(),
                 now, now])
        return found

    # ------------------------------------------------------------------ files that changed
    @staticmethod
    def _settling(file: LandedFile, settle: float) -> bool:
        return time.time() - file.path.stat().st_mtime < settle

    def _pending(self, table: Table, file: LandedFile, settle: float) -> FileOutcome:
        outcome = FileOutcome(file.relative, "pending", message=(
            f"modified less than {settle:g} s ago (LANDING_SETTLE_SECONDS): still being "
            "written, left for the next run"))
        self._audit_alone(table, file, None, file.path.stat().st_size, outcome,
                          datetime.now(UTC))
        return outcome

    def _follow_deleted(self, table: Table, present: set[str]) -> list[FileOutcome]:
        """Files this table loaded that are gone from the landing folder: their rows and
        quarantine entries are removed (``DELETED_FILES=follow``) or kept (``keep``); either
        way one audit row says so."""
        known = self.con.execute(
            f"select source_file, status, rows_loaded from {LOADED_FILES} "
            "where source = ? and table_name = ? order by source_file",
            [table.source, table.name]).fetchall()
        mode = settings.deleted_files()
        out = []
        for relative, status, rows_loaded in known:
            if relative in present or status == "deleted_kept":
                continue
            path = self.landing / relative
            file = LandedFile(path, relative, FORMATS.get(path.suffix.lower(), "unknown"))
            started = datetime.now(UTC)
            self.con.begin()
            if mode == "keep":
                self.con.execute(
                    f"update {LOADED_FILES} set status = 'deleted_kept' where source = ? "
                    "and table_name = ? and source_file = ?",
                    [table.source, table.name, relative])
                outcome = FileOutcome(relative, "deleted_kept", message=(
                    f"deleted from the landing folder; its {rows_loaded} row(s) are kept "
                    "(DELETED_FILES=keep)"))
            else:
                where = "where source = ? and table_name = ? and source_file = ?"
                params = [table.source, table.name, relative]
                removed = self.con.execute(
                    f"delete from {table.qualified} where _source_file = ?",
                    [relative]).fetchone()
                entries = self.con.execute(f"delete from {QUARANTINE} {where}",
                                           params).fetchone()
                self.con.execute(f"delete from {LOADED_FILES} {where}", params)
                outcome = FileOutcome(relative, "removed", message=(
                    f"deleted from the landing folder: its {removed[0] if removed else 0} "
                    f"row(s) and {entries[0] if entries else 0} quarantine entry(ies) were "
                    "removed with it (DELETED_FILES=follow)"))
            self._audit(table, file, None, None, outcome, [], [], started)
            self.con.commit()
            out.append(outcome)
        return out

    def load_file(self, table: Table, file: LandedFile, recheck: bool = False) -> FileOutcome:
        """Load one file. ``recheck``: load it again even if unchanged (rows of it were held
        as duplicates of another file's rows, and the table changed)."""
        started = datetime.now(UTC)
        self._records = []
        if file.refused is not None:
            outcome = FileOutcome(file.relative, "rejected",
                                  message=f"{file.relative}: {file.refused}",
                                  rejected_reason=file.refused)
            self._audit_alone(table, file, None, None, outcome, started)
            return outcome
        file_hash = file.sha256()
        size = file.path.stat().st_size
        skip = self._skip_reason(table, file, file_hash, size, recheck)
        if skip is not None:
            return skip
        self.con.begin()
        try:
            outcome, extras, missing = self._load(table, file, file_hash, size, recheck)
            self._audit(table, file, file_hash, size, outcome, extras, missing, started)
            self.con.commit()
        except FileRejected as err:
            self.con.rollback()
            outcome = FileOutcome(file.relative, "rejected", message=str(err),
                                  rejected_column=err.column, rejected_reason=err.reason)
            self._audit_alone(table, file, file_hash, size, outcome, started)
        except Exception as err:
            self.con.rollback()
            outcome = FileOutcome(file.relative, "rejected",
                                  message=f"{file.relative}: load failed: {err}",
                                  rejected_reason=f"load failed: {err}")
            self._audit_alone(table, file, file_hash, size, outcome, started)
            raise
        finally:
            self._drop_scratch()
        return outcome

    # ------------------------------------------------------------------ steps
    def _skip_reason(
        self, table: Table, file: LandedFile, file_hash: str, size: int, recheck: bool = False
    ) -> FileOutcome | None:
        prior = self.con.execute(
            f"select file_hash from {LOADED_FILES} "
            "where source = ? and table_name = ? and source_file = ?",
            [table.source, table.name, file.relative],
        ).fetchone()
        if prior is not None and prior[0] == file_hash and not recheck:
            return FileOutcome(file.relative, "unchanged")
        if size == 0:
            return None
        twin = self.con.execute(
            f"select source_file from {LOADED_FILES} where source = ? and table_name = ? "
            "and file_hash = ? and source_file <> ? and status in ('loaded', 'replaced') "
            "order by source_file limit 1",
            [table.source, table.name, file_hash, file.relative],
        ).fetchone()
        if twin is None:
            return None
        outcome = FileOutcome(file.relative, "duplicate",
                              message=f"same content as {twin[0]}, already loaded; skipped")
        self.con.begin()
        self._record_state(table, file, file_hash, outcome)
        self._audit(table, file, file_hash, size, outcome, [], [], datetime.now(UTC))
        self.con.commit()
        return outcome

    def _read(self, table: Table, file: LandedFile) -> _Landed:
        if file.format == "parquet":
            source = (f"(select file_row_number + 1 as _row_number, * exclude (file_row_number) "
                      f"from read_parquet({literal(str(file.path))}, file_row_number = true))")
            self.con.execute(f"create temp table {LANDING} as select * from {source}")
            described = self.con.execute(f"describe {LANDING}").fetchall()
            types = {r[0]: r[1] for r in described if r[0] != "_row_number"}
            rows = self.con.execute(f"select count(*) from {LANDING}").fetchone()
            return _Landed(types, int(rows[0]) if rows else 0, None)
        keep_raw = not any(c.pii for c in table.columns)
        parsed = TEXT_READERS[file.format](file, keep_raw)
        if parsed.table is not None and parsed.json_lines:
            # every key as text: nested objects and arrays come out as their JSON text
            structure = json.dumps({c: "VARCHAR" for c in parsed.columns}, ensure_ascii=False)
            fields = "".join(f", parsed.{quote(c)} as {quote(c)}" for c in parsed.columns)
            self.con.register(LANDING_LINES, parsed.table)
            self.con.execute(
                f"create temp table {LANDING} as select _row_number{fields} from ("
                f"select _row_number, from_json(_line, {literal(structure)}) as parsed "
                f"from {LANDING_LINES})"
            )
        elif parsed.table is not None:
            self.con.register(LANDING, parsed.table)
        return _Landed({c: "VARCHAR" for c in parsed.columns}, parsed.rows_landed, parsed)

    def _check_header(self, table: Table, file: LandedFile, types: dict[str, str]) -> None:
        missing = [c for c in table.required_columns if c not in types]
        if missing:
            names = ", ".join(missing)
            raise FileRejected(
                file.relative,
                f"table {table.schema}.{table.name} requires column(s) {names}, missing from "
                "the file's header",
                names,
            )

    def _load(
        self, table: Table, file: LandedFile, file_hash: str, size: int, recheck: bool = False
    ) -> tuple[FileOutcome, list[str], list[str]]:
        self._notes = []
        if recheck:
            self._notes.append("loaded again: another file of the table changed, and rows of "
                               "this one were held as duplicates of its rows")
        landed = self._read(table, file)
        parsed = landed.parsed
        parse_problems = parsed.problems if parsed is not None else []
        good_landed = landed.rows_landed - len(parse_problems)
        extras = sorted(set(landed.types) - set(table.column_names))
        missing = [c for c in table.column_names if c not in landed.types]
        if landed.types:  # a header-only file lacking a required column is rejected too
            self._check_header(table, file, landed.types)
        if landed.rows_landed == 0:
            self._hold_empty_replacement(table, file, size)
        self.con.execute(f"delete from {table.qualified} where _source_file = ?",
                         [file.relative])
        self.con.execute(f"delete from {QUARANTINE} where source = ? and table_name = ? "
                         "and source_file = ?", [table.source, table.name, file.relative])
        loaded = quarantined = nulled = 0
        if good_landed > 0:
            loaded, quarantined, nulled = self._validate_and_write(table, file, file_hash,
                                                                   landed)
        quarantined += self._quarantine_parse_problems(table, file, file_hash, parse_problems)
        if quarantined or nulled:
            self._mask_quarantined_emails(table, file)
        if loaded + quarantined != landed.rows_landed:
            raise RuntimeError(f"{file.relative}: {landed.rows_landed} rows landed but "
                               f"{loaded} loaded + {quarantined} quarantined")
        prior = self.con.execute(
            f"select 1 from {LOADED_FILES} where source = ? and table_name = ? "
            "and source_file = ?", [table.source, table.name, file.relative]).fetchone()
        if landed.rows_landed == 0:
            status = "empty"
        else:
            status = "replaced" if prior is not None else "loaded"
        message = None
        if status == "empty":
            message = "the file holds no rows"
        elif quarantined or nulled:
            message = (f"{quarantined} row(s) quarantined, {nulled} value(s) nulled, "
                       f"see {QUARANTINE}")
        if self._notes:
            message = "; ".join([*([message] if message else []), *self._notes])
        outcome = FileOutcome(file.relative, status, landed.rows_landed, loaded, quarantined,
                              message, values_nulled=nulled)
        self._record_state(table, file, file_hash, outcome)
        return outcome, extras, missing

    def _replace_other_files_rows(self, table: Table, file: LandedFile) -> None:
        """The file is the new export of the ``replaces_by`` values in it (GA4: a day): an
        other file holding exactly the same values and no row this one lacks (the same day
        landed again, whatever its name or row order, late events included) is superseded,
        its rows go. Other files keep their rows: files cut at UTC midnight hold parts of
        two property days, a file of late events holds only some of a day."""
        cols = list(table.replaces_by)
        by = ", ".join(quote(c) for c in cols)
        t_by = ", ".join(f"t.{quote(c)}" for c in cols)
        joined = " and ".join(f"t.{quote(c)} is not distinct from m.{quote(c)}" for c in cols)
        superseded = self.con.execute(
            f"with mine as (select distinct {by}, true as _mine from {BATCH}) "
            f"select t._source_file, count(*) from {table.qualified} as t "
            f"left join mine as m on {joined} where t._source_file <> ? group by 1 "
            "having count(*) filter (where m._mine is null) = 0 "
            f"and count(distinct ({t_by})) = (select count(*) from mine) order by 1",
            [file.relative]).fetchall()
        columns = ", ".join(quote(c) for c in table.column_names)
        for name, rows in superseded:
            # a re-export holds every event the earlier one had; a file of late events does not
            missing = self.con.execute(
                f"select count(*) from (select {columns} from {table.qualified} "
                f"where _source_file = ? except all select {columns} from {BATCH})",
                [name]).fetchone()
            if missing is None or missing[0] > 0:
                continue
            self.con.execute(f"delete from {table.qualified} where _source_file = ?", [name])
            self.con.execute(
                f"update {LOADED_FILES} set rows_loaded = rows_loaded - ? where source = ? "
                "and table_name = ? and source_file = ?",
                [rows, table.source, table.name, name])
            self._notes.append(f"replaced {rows} row(s) of the same "
                               f"{'+'.join(table.replaces_by)} loaded from {name}")

    def _hold_empty_replacement(self, table: Table, file: LandedFile, size: int) -> None:
        """A loaded file replaced by an empty one (an interrupted copy) keeps its old rows and
        is reported, unless ``ACCEPT_EMPTY_REPLACEMENTS`` says empty replacements are real."""
        prior = self.con.execute(
            f"select rows_loaded + rows_quarantined from {LOADED_FILES} "
            "where source = ? and table_name = ? and source_file = ?",
            [table.source, table.name, file.relative]).fetchone()
        if prior is None or not prior[0] or settings.accept_empty_replacements():
            return
        loaded = self.con.execute(f"select count(*) from {table.qualified} "
                                  "where _source_file = ?", [file.relative]).fetchone()
        what = "0 bytes" if size == 0 else "no rows, a header only"
        raise FileRejected(
            file.relative,
            f"replaced by an empty file ({what}), as an interrupted copy leaves it: the "
            f"{loaded[0] if loaded else 0} row(s) it loaded are held; set "
            "ACCEPT_EMPTY_REPLACEMENTS=true to let an empty file empty its rows")

    def _validate_and_write(
        self, table: Table, file: LandedFile, file_hash: str, landed: _Landed
    ) -> tuple[int, int, int]:
        """Rows loaded, rows quarantined and values nulled."""
        con = self.con
        con.execute(f"create temp table {CHECKED} as "
                    f"{checked_sql(table, landed.types, LANDING, self.now)}")
        con.execute(f"create temp table {VERDICT} as {self._verdict_sql(table, file)}")
        con.execute(f"create temp view {BATCH} as select * exclude (_problems, _nulled), "
                    "case when len(_nulled) > 0 "
                    "then list_transform(_nulled, lambda p: p.column) end as _nulled_columns "
                    f"from {VERDICT} where len(_problems) = 0")
        for validator in self.validators:
            messages = validator(con, table, BATCH)
            if isinstance(validator, RecordsValidation):
                record = validator.take_record()
                if record is not None:
                    self._records.append(record)
            if messages:
                raise FileRejected(file.relative, f"batch validation failed for "
                                   f"{table.schema}.{table.name}: " + "; ".join(messages))
        con.execute(
            f"insert into {table.qualified} by name select *, "
            f"?::timestamptz as _loaded_at, ? as _source_file, ? as _file_hash from {BATCH}",
            [self.now, file.relative, file_hash],
        )
        if table.replaces_by:
            self._replace_other_files_rows(table, file)
        counts = con.execute(
            "select count(*) filter (where len(_problems) = 0), "
            "count(*) filter (where len(_problems) > 0), "
            "coalesce(sum(len(_nulled)) filter (where len(_problems) = 0), 0) "
            f"from {VERDICT}"
        ).fetchone()
        assert counts is not None
        loaded, quarantined, nulled = (int(c) for c in counts)
        params = [table.source, table.name, file.relative, file_hash, self.now]
        record = raw_record_sql(table, landed.types)
        if quarantined:
            # one row per quarantined row, naming every problem it had
            con.execute(
                f"insert into {QUARANTINE} ({QUARANTINE_COLUMNS}) "
                "select ?, ?, ?, ?, v._row_number, v._problems[1].column, "
                "array_to_string(list_transform(list_concat(v._problems, v._nulled), "
                "lambda p: p.column || ': ' || p.reason), '; '), "
                f"{record}, ?::timestamptz, {literal(ROW_QUARANTINED)}, "
                "v._problems[1].value, v._problems[1].rule "
                f"from {VERDICT} as v join {LANDING} as l on l._row_number = v._row_number "
                "where len(v._problems) > 0",
                params,
            )
        if nulled:
            # one row per value nulled in a row that loaded
            con.execute(
                f"insert into {QUARANTINE} ({QUARANTINE_COLUMNS}) "
                "select ?, ?, ?, ?, v._row_number, v.p.column, v.p.column || ': ' || v.p.reason, "
                f"{record}, ?::timestamptz, {literal(VALUE_NULLED)}, v.p.value, v.p.rule "
                f"from (select _row_number, unnest(_nulled) as p from {VERDICT} "
                "where len(_problems) = 0) as v "
                f"join {LANDING} as l on l._row_number = v._row_number",
                params,
            )
        return loaded, quarantined, nulled

    def _verdict_sql(self, table: Table, file: LandedFile) -> str:
        """``_checked`` with duplicate keys added to the problems."""
        if not table.key:
            return f"select * from {CHECKED}"
        keys = [quote(k) for k in table.key]
        key_list = ", ".join(keys)
        joined = " and ".join(f"r.{k} is not distinct from e.{k}" for k in keys)
        key_name = literal("+".join(table.key))

        def duplicate(reason: str) -> str:
            return "[" + problem_struct(key_name, "duplicate_key", reason) + "]"

        return f"""
            with good as (
                select * exclude (_problems) from {CHECKED} where len(_problems) = 0
            ),
            ranked as (
                select *, min(_row_number) over (partition by {key_list}) as _first_row
                from good
            ),
            existing as (
                select {key_list},
                    arg_min(_source_file || ' row ' || _row_number, _row_number) as _where
                from {table.qualified}
                where _source_file <> {literal(file.relative)}
                    and ({key_list}) in (select ({key_list}) from good)
                group by all
            )
            select r.* exclude (_first_row),
                cast(case
                    when r._row_number <> r._first_row then {duplicate(
                        "'duplicate key: same as row ' || r._first_row || ' of this file'")}
                    when e._where is not null then {duplicate(
                        "'duplicate key: already loaded from ' || e._where")}
                    else []
                end as {PROBLEMS}) as _problems
            from ranked as r
            left join existing as e on {joined}
            union all by name
            select * from {CHECKED} where len(_problems) > 0
        """

    def _mask_quarantined_emails(self, table: Table, file: LandedFile) -> None:
        """No plain email in what the quarantine keeps of this file: raw lines, values landed
        in the wrong column and the reasons quoting them."""
        raw = "cast(raw_record as varchar)"
        self.con.execute(
            f"update {QUARANTINE} set reason = {pii.mask_emails_sql('reason')}, "
            f"original_value = {pii.mask_emails_sql('original_value')}, "
            f"raw_record = cast({pii.mask_emails_sql(raw)} as json) "
            "where source = ? and table_name = ? and source_file = ?",
            [table.source, table.name, file.relative])

    def _quarantine_parse_problems(
        self, table: Table, file: LandedFile, file_hash: str, problems: list
    ) -> int:
        if not problems:
            return 0
        self.con.executemany(
            f"insert into {QUARANTINE} ({QUARANTINE_COLUMNS}) "
            "values (?, ?, ?, ?, ?, null, ?, ?::json, ?::timestamptz, ?, null, 'unreadable')",
            [[table.source, table.name, file.relative, file_hash, p.row_number, p.reason,
              p.raw_record, self.now, ROW_QUARANTINED] for p in problems],
        )
        return len(problems)

    # ------------------------------------------------------------------ bookkeeping
    def _record_state(
        self, table: Table, file: LandedFile, file_hash: str, outcome: FileOutcome
    ) -> None:
        self.con.execute(
            f"insert or replace into {LOADED_FILES} (source, table_name, source_file, "
            "file_hash, status, rows_loaded, rows_quarantined, loaded_at, values_nulled) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [table.source, table.name, file.relative, file_hash, outcome.status,
             outcome.rows_loaded, outcome.rows_quarantined, self.now, outcome.values_nulled],
        )

    def _audit(
        self, table: Table, file: LandedFile, file_hash: str | None, size: int | None,
        outcome: FileOutcome,
        extras: list[str], missing: list[str], started: datetime,
    ) -> None:
        validation_ids = self._record_validations(table, file, file_hash)
        self.con.execute(
            f"insert into {LOAD_AUDIT} (run_id, source, table_name, source_file, file_hash, "
            "file_bytes, status, rows_landed, rows_loaded, rows_quarantined, extra_columns, "
            "missing_optional_columns, message, started_at, finished_at, values_nulled, "
            "rejected_column, rejected_reason, validation_ids) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [self.run_id, table.source, table.name, file.relative, file_hash, size,
             outcome.status, outcome.rows_landed, outcome.rows_loaded, outcome.rows_quarantined,
             extras, missing, outcome.message, started, datetime.now(UTC),
             outcome.values_nulled, outcome.rejected_column, outcome.rejected_reason,
             validation_ids or None],
        )

    def _record_validations(self, table: Table, file: LandedFile, file_hash: str) -> list[str]:
        """Store the validators' records of this file's batch; their ids for the audit row."""
        ids = []
        for record in self._records:
            validation_id = uuid.uuid4().hex
            self.con.execute(
                f"insert into {BATCH_VALIDATIONS} (validation_id, run_id, source, table_name, "
                "source_file, file_hash, suite, success, result, validated_at) "
                "values (?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?)",
                [validation_id, self.run_id, table.source, table.name, file.relative,
                 file_hash, record.suite, record.success, record.result_json, datetime.now(UTC)],
            )
            ids.append(validation_id)
        self._records = []
        return ids

    def _audit_alone(
        self, table: Table, file: LandedFile, file_hash: str | None, size: int | None,
        outcome: FileOutcome, started: datetime,
    ) -> None:
        self.con.begin()
        self._audit(table, file, file_hash, size, outcome, [], [], started)
        self.con.commit()

    def _drop_scratch(self) -> None:
        self.con.execute(f"drop view if exists {BATCH}")
        self.con.execute(f"drop table if exists {VERDICT}")
        self.con.execute(f"drop table if exists {CHECKED}")
        for registered in (LANDING, LANDING_LINES):  # CSV rows and JSON lines, from Arrow
            with contextlib.suppress(duckdb.Error):
                self.con.unregister(registered)
        self.con.execute(f"drop table if exists {LANDING}")  # Parquet and JSON lines
