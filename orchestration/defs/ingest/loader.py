"""Loading landing files into ``raw_<source>.<table>``: idempotent, set-wise, with
quarantine and an audit row per file that reconciles landed = loaded + quarantined.

Per file, first: hash the bytes; skip it when this path was loaded with the same hash, or
when the same content was already loaded from another path; otherwise parse it (CSV and JSON
in Python, so every problem names its line; Parquet stays in the file) and check its header.
A file refused, unreadable, missing a required column or emptied (an empty file replacing a
loaded one) is rejected alone: nothing of it is written, it has its own audit row, the other
files go on.

Then set-wise: the files read, in landing order, form sets of about ``SET_ROWS`` rows (one
set for most tables). Each set is ONE landing relation per file shape (DuckDB's Parquet
reader over all the set's files, or the text files' rows concatenated), and a few statements
for the whole set run the row rules, the duplicate-key verdict (a key twice in a file: the
first row wins; in two files of the set: the first file in landing order wins; against rows
already loaded from other files: those win), the batch validators (per file: a file they
reject leaves the set, its old rows stay), the replacement of the rows the files loaded
before, the quarantine, the ``replaces_by`` supersession and the bookkeeping. An impossible
measure value is nulled (the row loads, listed in ``_nulled_columns``) and recorded in the
quarantine as ``value_nulled``; any other problem quarantines the row (``row_quarantined``).

Atomicity: each set is written in one transaction. An unexpected error rolls the whole set
back (the warehouse is as it was before the set; sets written before it stay), records each
of its files as rejected ("load failed") and is raised. A rejected file's message names file,
table and column (``FileRejected`` carries them structured).
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

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
from orchestration.defs.ingest.readers import (
    TEXT_READERS,
    FileRejected,
    ParsedFile,
    ParseProblem,
)
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

# Rows per set: the files of a table are checked and written in sets of about this many rows
# (a set holds at least one file), which bounds the memory a load takes (text files' rows are
# held in Arrow until their set is written) without a statement per file.
SET_ROWS = 500_000

LANDING = "_landing"
LANDING_LINES = "_landing_lines"
CHECKED = "_checked"
VERDICT = "_verdict"
BATCH = "_batch"
SET = "_set"
SET_ROWS_ARROW = "_set_rows"
STATE_ROWS = "_state_rows"
AUDIT_ROWS = "_audit_rows"
VALIDATION_ROWS = "_validation_rows"
PATH_COLUMN = "_landing_path"
# Columns the loader adds to each landed row: a data column of these names is not read.
CARRIED = ("_source_file", "_row_number")


class BatchValidator(Protocol):
    """Runs on a file's rows after the row rules, before its set is written.

    ``batch`` names a DuckDB relation holding exactly the file's rows about to be written
    (contract columns typed, plus ``_row_number`` and ``_nulled_columns``). Return messages
    to reject the whole file (it leaves the set: nothing of it is written, the rows it loaded
    before stay), or an empty list to let it load. This is where a Great Expectations suite
    plugs in per batch (see ``ValidatesSets`` for validating a set of files at once).
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


@runtime_checkable
class ValidatesSets(Protocol):
    """A ``BatchValidator`` that can validate the batches of several files at once: True
    when the set passed and that implies each file's batch passes (its record, if it keeps
    one, then stands for each file); False: the loader validates file by file."""

    def validate_set(self, con: duckdb.DuckDBPyConnection, table: Table, batch: str) -> bool:
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


@dataclass
class _Candidate:
    """A file read and ready for its set: hash, shape and (text formats) parsed rows."""

    file: LandedFile
    file_hash: str
    size: int
    replaces: bool  # the path has a loaded_files row: its outcome is "replaced"
    started: datetime
    types: dict[str, str]
    rows_landed: int
    parsed: ParsedFile | None
    signature: tuple[str, ...]
    notes: list[str] = field(default_factory=list)  # said in the audit message

    @property
    def problems(self) -> list[ParseProblem]:
        return self.parsed.problems if self.parsed is not None else []

    @property
    def good_landed(self) -> int:
        return self.rows_landed - len(self.problems)

    def extras_missing(self, table: Table) -> tuple[list[str], list[str]]:
        extras = sorted(set(self.types) - set(table.column_names))
        return extras, [c for c in table.column_names if c not in self.types]


@dataclass(frozen=True)
class _AuditRow:
    file: LandedFile
    file_hash: str | None
    size: int | None
    outcome: FileOutcome
    extras: list[str]
    missing: list[str]
    started: datetime
    records: list[ValidationRecord]


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
        self._parquet_types: dict[tuple[str, ...], dict[str, str]] = {}
        self._scratch: list[tuple[str, str]] = []  # landing views and tables of the set
        self._registered: list[str] = []
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
        waiting: dict[str, FileOutcome] = {}
        for file in files:
            if settle and file.refused is None and self._settling(file, settle):
                waiting[file.relative] = self._pending(table, file, settle)
        loaded = self._load_files(table, [f for f in files if f.relative not in waiting])
        outcome.files += [waiting.get(f.relative) or loaded[f.relative] for f in files]
        self._recheck_held_rows(table, files, outcome)
        return outcome

    def _recheck_held_rows(
        self, table: Table, files: list[LandedFile], outcome: TableOutcome
    ) -> None:
        """Rows held because another file had them first (a duplicate key already loaded
        from another file, or a whole file with the same content) are released when that
        other file changed or went: once the table changed in this run, every file holding
        such rows that was skipped as unchanged is loaded again (together, as one set). The
        files loaded in this run were checked against each other and the table already."""
        if not any(f.status in CHANGED for f in outcome.files):
            return
        held = {r[0] for r in self.con.execute(
            f"select distinct source_file from {QUARANTINE} where source = ? and "
            "table_name = ? and rule = 'duplicate_key' and reason like '%already loaded from%' "
            f"union select source_file from {LOADED_FILES} where source = ? and "
            "table_name = ? and status = 'duplicate'",
            [table.source, table.name, table.source, table.name]).fetchall()}
        position = {f.source_file: i for i, f in enumerate(outcome.files)}
        again = [f for f in files if f.relative in held and f.relative in position
                 and outcome.files[position[f.relative]].status == "unchanged"]
        if not again:
            return
        for name, result in self._load_files(table, again, recheck=True).items():
            outcome.files[position[name]] = result

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
        """Load one file (a set of one). ``recheck``: load it again even if unchanged (rows of
        it were held as duplicates of another file's rows, and the table changed)."""
        ensure_raw_table(self.con, table)
        return self._load_files(table, [file], recheck)[file.relative]

    # ------------------------------------------------------------------ the set of a run
    def _load_files(
        self, table: Table, files: Sequence[LandedFile], recheck: bool = False
    ) -> dict[str, FileOutcome]:
        """Every file's outcome. Files skipped (unchanged, a copy of a loaded file) or
        rejected before their rows are checked are decided here one by one; the others are
        read and gathered, in landing order, into sets of about ``SET_ROWS`` rows, each
        checked and written by ``_load_set`` in one transaction."""
        state = {r[0]: r[1:] for r in self.con.execute(
            f"select source_file, file_hash, status, rows_loaded + rows_quarantined "
            f"from {LOADED_FILES} where source = ? and table_name = ?",
            [table.source, table.name]).fetchall()}
        out: dict[str, FileOutcome] = {}
        before: dict[str, tuple[str, str, int] | None] = {}
        pending: list[_Candidate] = []
        rows = 0
        for file in files:
            started = datetime.now(UTC)
            if file.refused is not None:
                out[file.relative] = FileOutcome(file.relative, "rejected",
                                                 message=f"{file.relative}: {file.refused}",
                                                 rejected_reason=file.refused)
                self._audit_alone(table, file, None, None, out[file.relative], started)
                continue
            file_hash = file.sha256()
            size = file.path.stat().st_size
            prior = state.get(file.relative)
            if prior is not None and prior[0] == file_hash and not recheck:
                out[file.relative] = FileOutcome(file.relative, "unchanged")
                continue
            twin = None if size == 0 else min(
                (name for name, (h, status, _) in state.items() if h == file_hash
                 and name != file.relative and status in ("loaded", "replaced")), default=None)
            if twin is not None:
                out[file.relative] = self._duplicate(table, file, file_hash, size, twin)
                state[file.relative] = (file_hash, "duplicate", 0)
                continue
            try:
                candidate = self._read(table, file, file_hash, size, prior, started)
            except FileRejected as err:
                out[file.relative] = FileOutcome(
                    file.relative, "rejected", message=str(err), rejected_column=err.column,
                    rejected_reason=err.reason)
                self._audit_alone(table, file, file_hash, size, out[file.relative], started)
                continue
            if recheck:
                candidate.notes.append("loaded again: another file of the table changed, and "
                                       "rows of this one were held as duplicates of its rows")
            # as it will stand once its set is written (a later copy of it is a duplicate)
            before[file.relative] = prior
            state[file.relative] = (file_hash, "loaded" if candidate.rows_landed else "empty",
                                    candidate.rows_landed)
            pending.append(candidate)
            rows += candidate.rows_landed
            if rows >= SET_ROWS:
                out.update(self._flush(table, pending, state, before))
                pending, rows = [], 0
        if pending:
            out.update(self._flush(table, pending, state, before))
        return out

    def _flush(
        self, table: Table, pending: list[_Candidate],
        state: dict[str, tuple[str, str, int]], before: dict[str, tuple[str, str, int] | None],
    ) -> dict[str, FileOutcome]:
        """Write a set; a file the validators rejected gets its file state back (a later
        copy of it is no duplicate of a loaded file)."""
        outcomes = self._load_set(table, pending)
        for name, outcome in outcomes.items():
            if outcome.status == "rejected":
                prior = before[name]
                if prior is None:
                    state.pop(name, None)
                else:
                    state[name] = prior
        return outcomes

    def _duplicate(
        self, table: Table, file: LandedFile, file_hash: str, size: int, twin: str
    ) -> FileOutcome:
        outcome = FileOutcome(file.relative, "duplicate",
                              message=f"same content as {twin}, already loaded; skipped")
        started = datetime.now(UTC)
        self.con.begin()
        self._record_states(table, [(file.relative, file_hash, outcome)])
        self._audit(table, file, file_hash, size, outcome, [], [], started)
        self.con.commit()
        return outcome

    def _read(
        self, table: Table, file: LandedFile, file_hash: str, size: int,
        prior: tuple[str, str, int] | None, started: datetime,
    ) -> _Candidate:
        """Parse a text file (Python: every problem names its line) or read a Parquet file's
        footer (its rows stay in the file until the set is checked); check the header."""
        parsed: ParsedFile | None = None
        if file.format == "parquet":
            types, rows_landed, signature = self._parquet_shape(file)
        else:
            parsed = TEXT_READERS[file.format](file, not any(c.pii for c in table.columns))
            types = {c: "VARCHAR" for c in parsed.columns}
            rows_landed = parsed.rows_landed
            signature = (file.format, *parsed.columns)
        if types:  # a header-only file lacking a required column is rejected too
            self._check_header(table, file, types)
        if rows_landed == 0:
            self._hold_empty_replacement(table, file, size, prior)
        return _Candidate(
            file=file, file_hash=file_hash, size=size, replaces=prior is not None,
            started=started, types=types, rows_landed=rows_landed, parsed=parsed,
            signature=signature)

    def _parquet_shape(self, file: LandedFile) -> tuple[dict[str, str], int, tuple[str, ...]]:
        """Column types (as DuckDB reads them), rows and schema of a Parquet file, from its
        footer; DuckDB describes each schema once."""
        try:
            meta = pq.ParquetFile(file.path).metadata
            schema = meta.schema.to_arrow_schema()
        except (OSError, pa.ArrowException) as err:
            raise FileRejected(file.relative, f"unreadable Parquet file: {err}") from None
        signature = ("parquet", schema.to_string(show_schema_metadata=False))
        types = self._parquet_types.get(signature)
        if types is None:
            described = self.con.execute(
                f"describe select * from read_parquet({literal(str(file.path))})").fetchall()
            types = {r[0]: r[1] for r in described}
            self._parquet_types[signature] = types
        return types, int(meta.num_rows), signature

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

    def _hold_empty_replacement(
        self, table: Table, file: LandedFile, size: int, prior: tuple[str, str, int] | None
    ) -> None:
        """A loaded file replaced by an empty one (an interrupted copy) keeps its old rows and
        is reported, unless ``ACCEPT_EMPTY_REPLACEMENTS`` says empty replacements are real."""
        if prior is None or not prior[2] or settings.accept_empty_replacements():
            return
        loaded = self.con.execute(f"select count(*) from {table.qualified} "
                                  "where _source_file = ?", [file.relative]).fetchone()
        what = "0 bytes" if size == 0 else "no rows, a header only"
        raise FileRejected(
            file.relative,
            f"replaced by an empty file ({what}), as an interrupted copy leaves it: the "
            f"{loaded[0] if loaded else 0} row(s) it loaded are held; set "
            "ACCEPT_EMPTY_REPLACEMENTS=true to let an empty file empty its rows")

    def _load_set(self, table: Table, files: list[_Candidate]) -> dict[str, FileOutcome]:
        """Check and write a set of read files in one transaction: a handful of statements
        for the whole set, whatever the number of files. A file the batch validators reject
        is left out (its old rows stay); an unexpected error rolls the whole set back, each
        file of it is recorded as rejected and the error is raised."""
        self.con.begin()
        try:
            outcomes = self._write_set(table, files)
            self.con.commit()
        except Exception as err:
            self.con.rollback()
            for c in files:
                self._audit_alone(table, c.file, c.file_hash, c.size, FileOutcome(
                    c.file.relative, "rejected", message=f"{c.file.relative}: load failed: {err}",
                    rejected_reason=f"load failed: {err}"), c.started)
            raise
        finally:
            self._drop_scratch()
        return outcomes

    def _write_set(self, table: Table, files: list[_Candidate]) -> dict[str, FileOutcome]:
        con = self.con
        by_name = {c.file.relative: c for c in files}
        with self._as_relation(SET_ROWS_ARROW, pa.table({
            "_source_file": pa.array([c.file.relative for c in files], pa.string()),
            "_ord": pa.array(range(len(files)), pa.int64()),
            "_file_hash": pa.array([c.file_hash for c in files], pa.string()),
            "_path": pa.array([str(c.file.path) for c in files], pa.string()),
        })) as rows:
            con.execute(f"create temp table {SET} as select * from {rows}")
        groups = self._land(table, [c for c in files if c.good_landed > 0])
        rejected: dict[str, FileRejected] = {}
        records: dict[str, list[ValidationRecord]] = {}
        if groups:
            for i, (relation, types) in enumerate(groups):
                into = (f"insert into {CHECKED} by name " if i
                        else f"create temp table {CHECKED} as ")
                con.execute(into + checked_sql(table, types, relation, self.now,
                                               ("_source_file",)))
            while True:  # a file the validators reject leaves the set: the others again
                # without a key the verdict is the checked rows: a view, not a copy
                kind = "table" if table.key else "view"
                con.execute(f"create or replace temp {kind} {VERDICT} as "
                            f"{self._verdict_sql(table)}")
                self._scratch.append((kind, VERDICT))
                failed = self._validate(table, [c for c in files if c.good_landed > 0
                                                and c.file.relative not in rejected], records)
                if not failed:
                    break
                # out of the set: its rows are not written, the rows it loaded before stay
                # and count as loaded from another file for the others
                rejected.update(failed)
                names = ", ".join(literal(f) for f in failed)
                con.execute(f"delete from {CHECKED} where _source_file in ({names})")
                con.execute(f"delete from {SET} where _source_file in ({names})")
        written = [c for c in files if c.file.relative not in rejected]
        counts = self._replace_rows(table, written, groups)
        outcomes: dict[str, FileOutcome] = {}
        for c in written:
            loaded, quarantined, nulled = counts.get(c.file.relative, (0, 0, 0))
            quarantined += len(c.problems)
            if loaded + quarantined != c.rows_landed:
                raise RuntimeError(f"{c.file.relative}: {c.rows_landed} rows landed but "
                                   f"{loaded} loaded + {quarantined} quarantined")
            if c.rows_landed == 0:
                status, message = "empty", "the file holds no rows"
            else:
                status = "replaced" if c.replaces else "loaded"
                message = (f"{quarantined} row(s) quarantined, {nulled} value(s) nulled, see "
                           f"{QUARANTINE}") if quarantined or nulled else None
            outcomes[c.file.relative] = FileOutcome(c.file.relative, status, c.rows_landed,
                                                    loaded, quarantined, message,
                                                    values_nulled=nulled)
        self._record_states(table, [(c.file.relative, c.file_hash, outcomes[c.file.relative])
                                    for c in written])
        if table.replaces_by and groups:
            self._replace_other_files_rows(table, by_name)
        for name, err in rejected.items():
            outcomes[name] = FileOutcome(name, "rejected", message=str(err),
                                         rejected_column=err.column, rejected_reason=err.reason)
        rows = []
        for c in files:
            outcome = outcomes[c.file.relative]
            if c.notes and outcome.status != "rejected":
                message = "; ".join([*([outcome.message] if outcome.message else []), *c.notes])
                outcome = outcomes[c.file.relative] = replace(outcome, message=message)
            extras, missing = (([], []) if outcome.status == "rejected" else c.extras_missing(
                table))
            rows.append(_AuditRow(c.file, c.file_hash, c.size, outcome, extras, missing,
                                  c.started, records.get(c.file.relative, [])))
        self._write_audit(table, rows)
        return outcomes

    def _land(self, table: Table, files: list[_Candidate]) -> list[tuple[str, dict[str, str]]]:
        """One landing relation per shape of file in the set (the same columns, in the same
        order, of the same types: usually one), each with ``_source_file`` and
        ``_row_number``; their names and column types."""
        shapes: dict[tuple[str, ...], list[_Candidate]] = {}
        for c in files:
            shapes.setdefault(c.signature, []).append(c)
        out = []
        for i, members in enumerate(shapes.values()):
            relation = f"{LANDING}_{i}"
            types = {k: v for k, v in members[0].types.items() if k not in CARRIED}
            if members[0].parsed is None:  # Parquet: DuckDB reads the files where they are
                paths = ", ".join(literal(str(c.file.path)) for c in members)
                con_sql = (
                    f"create temp view {relation} as select s._source_file, "
                    "p.file_row_number + 1 as _row_number, "
                    f"p.* exclude (file_row_number, {PATH_COLUMN}) "
                    f"from read_parquet([{paths}], filename = {literal(PATH_COLUMN)}, "
                    f"file_row_number = true) as p join {SET} as s on s._path = p.{PATH_COLUMN}")
                self.con.execute(con_sql)
                self._scratch.append(("view", relation))
                out.append((relation, types))
                continue
            parsed = [c.parsed for c in members if c.parsed is not None]
            tables = []
            for c, p in zip(members, parsed, strict=True):
                assert p.table is not None
                kept = p.table.select([n for n in p.table.column_names if n != "_source_file"])
                tables.append(kept.append_column(
                    "_source_file", pa.array([c.file.relative] * kept.num_rows, pa.string())))
            combined = pa.concat_tables(tables)
            if parsed[0].json_lines:
                # every key as text: nested objects and arrays come out as their JSON text
                structure = json.dumps({c: "VARCHAR" for c in types}, ensure_ascii=False)
                fields = "".join(f", parsed.{quote(c)} as {quote(c)}" for c in types)
                with self._as_relation(LANDING_LINES, combined) as lines:
                    self.con.execute(
                        f"create temp table {relation} as select _source_file, _row_number"
                        f"{fields} from (select _source_file, _row_number, from_json(_line, "
                        f"{literal(structure)}) as parsed from {lines})")
                self._scratch.append(("table", relation))
            else:
                self._register(relation, combined)
                self._registered.append(relation)
            out.append((relation, types))
        return out

    def _validate(
        self, table: Table, files: list[_Candidate], records: dict[str, list[ValidationRecord]]
    ) -> dict[str, FileRejected]:
        """The batch validators, on each file's rows about to be written (a validator's
        verdict is per file; one that ``ValidatesSets`` first tries the whole set at once);
        the files they reject."""
        failed: dict[str, FileRejected] = {}
        for c in files:
            records[c.file.relative] = []
        per_file = list(self.validators)
        if len(files) > 1 and any(isinstance(v, ValidatesSets) for v in per_file):
            self._batch_view(None)
            for validator in self.validators:
                if not isinstance(validator, ValidatesSets):
                    continue
                passed = validator.validate_set(self.con, table, BATCH)
                record = (validator.take_record() if isinstance(validator, RecordsValidation)
                          else None)
                if passed:
                    per_file.remove(validator)
                    for c in files:
                        records[c.file.relative] += [record] if record is not None else []
        if not per_file:
            return failed
        for c in files:
            name = c.file.relative
            self._batch_view(name)
            for validator in per_file:
                messages = validator(self.con, table, BATCH)
                if isinstance(validator, RecordsValidation):
                    record = validator.take_record()
                    if record is not None:
                        records[name].append(record)
                if messages:
                    failed[name] = FileRejected(name, f"batch validation failed for "
                                                f"{table.schema}.{table.name}: "
                                                + "; ".join(messages))
                    break
        return failed

    def _batch_view(self, source_file: str | None) -> None:
        """``_batch``: the rows about to be written of one file (None: of the whole set), as
        a validator sees them (contract columns, ``_row_number``, ``_nulled_columns``)."""
        where = "" if source_file is None else f" and _source_file = {literal(source_file)}"
        self.con.execute(
            f"create or replace temp view {BATCH} as select * exclude (_source_file, "
            "_problems, _nulled), case when len(_nulled) > 0 "
            "then list_transform(_nulled, lambda p: p.column) end as _nulled_columns "
            f"from {VERDICT} where len(_problems) = 0{where}")

    def _replace_rows(
        self, table: Table, files: list[_Candidate], groups: list[tuple[str, dict[str, str]]]
    ) -> dict[str, tuple[int, int, int]]:
        """Replace the rows and quarantine entries the files loaded before with their good
        rows and their quarantined ones; rows loaded, rows quarantined and values nulled per
        file (parse problems not counted)."""
        con = self.con
        if not files:
            return {}
        names = ", ".join(literal(c.file.relative) for c in files)
        if any(c.replaces for c in files):
            con.execute(f"delete from {table.qualified} where _source_file in ({names})")
            con.execute(f"delete from {QUARANTINE} where source = ? and table_name = ? "
                        f"and source_file in ({names})", [table.source, table.name])
        counts: dict[str, tuple[int, int, int]] = {}
        if groups:
            con.execute(
                f"insert into {table.qualified} by name select v.* exclude (_problems, "
                "_nulled), case when len(v._nulled) > 0 then list_transform(v._nulled, "
                "lambda p: p.column) end as _nulled_columns, "
                f"?::timestamptz as _loaded_at, s._file_hash from {VERDICT} as v "
                f"join {SET} as s on s._source_file = v._source_file "
                "where len(v._problems) = 0", [self.now])
            counts = {r[0]: (int(r[1]), int(r[2]), int(r[3])) for r in con.execute(
                "select _source_file, count(*) filter (where len(_problems) = 0), "
                "count(*) filter (where len(_problems) > 0), "
                "coalesce(sum(len(_nulled)) filter (where len(_problems) = 0), 0) "
                f"from {VERDICT} group by 1").fetchall()}
        params = [table.source, table.name, self.now]
        for relation, types in groups:
            record = raw_record_sql(table, types)
            if any(q for _, q, _ in counts.values()):
                # one row per quarantined row, naming every problem it had
                con.execute(
                    f"insert into {QUARANTINE} ({QUARANTINE_COLUMNS}) "
                    "select ?, ?, v._source_file, s._file_hash, v._row_number, "
                    "v._problems[1].column, "
                    "array_to_string(list_transform(list_concat(v._problems, v._nulled), "
                    "lambda p: p.column || ': ' || p.reason), '; '), "
                    f"{record}, ?::timestamptz, {literal(ROW_QUARANTINED)}, "
                    "v._problems[1].value, v._problems[1].rule "
                    f"from {VERDICT} as v join {relation} as l on l._row_number = v._row_number "
                    "and l._source_file = v._source_file "
                    f"join {SET} as s on s._source_file = v._source_file "
                    "where len(v._problems) > 0 order by s._ord, v._row_number", params)
            if any(n for _, _, n in counts.values()):
                # one row per value nulled in a row that loaded
                con.execute(
                    f"insert into {QUARANTINE} ({QUARANTINE_COLUMNS}) "
                    "select ?, ?, v._source_file, s._file_hash, v._row_number, v.p.column, "
                    f"v.p.column || ': ' || v.p.reason, {record}, ?::timestamptz, "
                    f"{literal(VALUE_NULLED)}, v.p.value, v.p.rule "
                    f"from (select _source_file, _row_number, unnest(_nulled) as p "
                    f"from {VERDICT} where len(_problems) = 0) as v "
                    f"join {relation} as l on l._row_number = v._row_number "
                    "and l._source_file = v._source_file "
                    f"join {SET} as s on s._source_file = v._source_file "
                    "order by s._ord, v._row_number", params)
        problems = [[table.source, table.name, c.file.relative, c.file_hash, p.row_number,
                     p.reason, p.raw_record, self.now, ROW_QUARANTINED]
                    for c in files for p in c.problems]
        if problems:
            con.executemany(
                f"insert into {QUARANTINE} ({QUARANTINE_COLUMNS}) values (?, ?, ?, ?, ?, "
                "null, ?, ?::json, ?::timestamptz, ?, null, 'unreadable')", problems)
        if problems or any(q or n for _, q, n in counts.values()):
            # no plain email in what the quarantine keeps: raw lines, values landed in the
            # wrong column and the reasons quoting them
            raw = "cast(raw_record as varchar)"
            con.execute(
                f"update {QUARANTINE} set reason = {pii.mask_emails_sql('reason')}, "
                f"original_value = {pii.mask_emails_sql('original_value')}, "
                f"raw_record = cast({pii.mask_emails_sql(raw)} as json) "
                f"where source = ? and table_name = ? and source_file in ({names})",
                [table.source, table.name])
        return counts

    def _replace_other_files_rows(self, table: Table, files: dict[str, _Candidate]) -> None:
        """A file is the new export of the ``replaces_by`` values in it (GA4: a day): an
        other file holding exactly the same values and no row this one lacks (the same day
        landed again, whatever its name or row order, late events included) is superseded,
        its rows go. Other files keep their rows: files cut at UTC midnight hold parts of
        two property days, a file of late events holds only some of a day. Within a set, a
        file supersedes only files landed before it (by path), as if loaded one by one."""
        cols = list(table.replaces_by)
        by = ", ".join(quote(c) for c in cols)
        joined = " and ".join(f"t.{quote(c)} is not distinct from m.{quote(c)}" for c in cols)
        pairs = self.con.execute(
            f"with mine as (select distinct _source_file as f, {by} from {VERDICT} "
            "where len(_problems) = 0), "
            "mine_n as (select f, count(*) as n from mine group by f), "
            f"theirs as (select _source_file as c, {by}, count(*) as rows "
            f"from {table.qualified} where _source_file in (select t._source_file "
            f"from {table.qualified} as t semi join mine as m on {joined}) group by all), "
            "theirs_n as (select c, count(*) as n, sum(rows) as rows from theirs group by c), "
            f"matched as (select m.f, t.c, count(*) as n from mine as m join theirs as t "
            f"on {joined} group by all) "
            "select x.f, x.c, tn.rows from matched as x join mine_n as mn on mn.f = x.f "
            "join theirs_n as tn on tn.c = x.c "
            f"left join {SET} as s on s._source_file = x.c "
            f"join {SET} as me on me._source_file = x.f "
            "where x.f <> x.c and x.n = mn.n and x.n = tn.n "
            "and (s._ord is null or s._ord < me._ord) "
            "order by me._ord, x.c").fetchall()
        columns = ", ".join(quote(c) for c in table.column_names)
        gone: set[str] = set()
        for mine, name, rows in pairs:
            if name in gone:
                continue
            # a re-export holds every event the earlier one had; a file of late events does not
            missing = self.con.execute(
                f"select count(*) from (select {columns} from {table.qualified} "
                f"where _source_file = ? except all select {columns} from {table.qualified} "
                "where _source_file = ?)", [name, mine]).fetchone()
            if missing is None or missing[0] > 0:
                continue
            self.con.execute(f"delete from {table.qualified} where _source_file = ?", [name])
            self.con.execute(
                f"update {LOADED_FILES} set rows_loaded = rows_loaded - ? where source = ? "
                "and table_name = ? and source_file = ?",
                [int(rows), table.source, table.name, name])
            gone.add(name)
            files[mine].notes.append(f"replaced {int(rows)} row(s) of the same "
                                     f"{'+'.join(table.replaces_by)} loaded from {name}")

    def _verdict_sql(self, table: Table) -> str:
        """``_checked`` with duplicate keys added to the problems: a key twice in a file
        (the first row wins), already loaded from a file outside the set (that row wins), or
        in two files of the set: the file that holds the key in the table now wins (a
        changed file keeps its keys), else the first file in landing order."""
        if not table.key:
            return f"select * from {CHECKED}"
        keys = [quote(k) for k in table.key]
        key_list = ", ".join(keys)
        joined = " and ".join(f"r.{k} is not distinct from e.{k}" for k in keys)
        held_on = " and ".join(f"c.{k} is not distinct from h.{k}" for k in keys)
        key_name = literal("+".join(table.key))

        def duplicate(reason: str) -> str:
            return "[" + problem_struct(key_name, "duplicate_key", reason) + "]"

        return f"""
            with candidates as (
                select c.* exclude (_problems) from {CHECKED} as c where len(c._problems) = 0
            ),
            held as (
                select distinct _source_file, {key_list} from {table.qualified}
                where _source_file in (select _source_file from {SET})
                    and ({key_list}) in (select ({key_list}) from candidates)
            ),
            good as (
                select c.*, cast(h._source_file is null as bigint) * 1152921504606846976
                    + s._ord * 4294967296 + c._row_number as _rank
                from candidates as c
                join {SET} as s on s._source_file = c._source_file
                left join held as h on h._source_file = c._source_file and {held_on}
            ),
            ranked as (
                select *,
                    min(_row_number) over (partition by _source_file, {key_list}) as _first_row,
                    arg_min(_source_file, _rank) over (partition by {key_list}) as _first_file,
                    arg_min(_source_file || ' row ' || _row_number, _rank)
                        over (partition by {key_list}) as _first_where
                from good
            ),
            existing as (
                select {key_list},
                    arg_min(_source_file || ' row ' || _row_number, _row_number) as _where
                from {table.qualified}
                where _source_file not in (select _source_file from {SET})
                    and ({key_list}) in (select ({key_list}) from candidates)
                group by all
            )
            select r.* exclude (_first_row, _first_file, _first_where, _rank),
                cast(case
                    when r._row_number <> r._first_row then {duplicate(
                        "'duplicate key: same as row ' || r._first_row || ' of this file'")}
                    when e._where is not null then {duplicate(
                        "'duplicate key: already loaded from ' || e._where")}
                    when r._first_file <> r._source_file then {duplicate(
                        "'duplicate key: already loaded from ' || r._first_where")}
                    else []
                end as {PROBLEMS}) as _problems
            from ranked as r
            left join existing as e on {joined}
            union all by name
            select * from {CHECKED} where len(_problems) > 0
            order by _source_file, _row_number
        """

    # ------------------------------------------------------------------ bookkeeping
    def _record_states(
        self, table: Table, states: list[tuple[str, str, FileOutcome]]
    ) -> None:
        """``loaded_files`` rows of files written (one statement for a set)."""
        if not states:
            return
        with self._as_relation(STATE_ROWS, pa.table({
            "source_file": pa.array([s[0] for s in states], pa.string()),
            "file_hash": pa.array([s[1] for s in states], pa.string()),
            "status": pa.array([s[2].status for s in states], pa.string()),
            "rows_loaded": pa.array([s[2].rows_loaded for s in states], pa.int64()),
            "rows_quarantined": pa.array([s[2].rows_quarantined for s in states], pa.int64()),
            "values_nulled": pa.array([s[2].values_nulled for s in states], pa.int64()),
        })) as rows:
            self.con.execute(
                f"insert or replace into {LOADED_FILES} (source, table_name, source_file, "
                "file_hash, status, rows_loaded, rows_quarantined, loaded_at, values_nulled) "
                "select ?, ?, source_file, file_hash, status, rows_loaded, rows_quarantined, "
                f"?::timestamptz, values_nulled from {rows}",
                [table.source, table.name, self.now])

    def _audit(
        self, table: Table, file: LandedFile, file_hash: str | None, size: int | None,
        outcome: FileOutcome,
        extras: list[str], missing: list[str], started: datetime,
    ) -> None:
        self._write_audit(table, [_AuditRow(file, file_hash, size, outcome, extras, missing,
                                             started, [])])

    def _write_audit(self, table: Table, rows: list[_AuditRow]) -> None:
        """Audit rows, and the validators' records of each file's batch (linked from the
        file's audit row), in two statements whatever the number of files."""
        validations: list[tuple[str, _AuditRow, ValidationRecord]] = []
        ids: list[list[str] | None] = []
        for row in rows:
            mine = [(uuid.uuid4().hex, row, record) for record in row.records]
            validations += mine
            ids.append([v[0] for v in mine] or None)
        now = datetime.now(UTC)
        if validations:
            with self._as_relation(VALIDATION_ROWS, pa.table({
                "validation_id": pa.array([v[0] for v in validations], pa.string()),
                "source_file": pa.array([v[1].file.relative for v in validations], pa.string()),
                "file_hash": pa.array([v[1].file_hash for v in validations], pa.string()),
                "suite": pa.array([v[2].suite for v in validations], pa.string()),
                "success": pa.array([v[2].success for v in validations], pa.bool_()),
                "result": pa.array([v[2].result_json for v in validations], pa.string()),
            })) as validation_rows:
                self.con.execute(
                    f"insert into {BATCH_VALIDATIONS} (validation_id, run_id, source, "
                    "table_name, source_file, file_hash, suite, success, result, validated_at) "
                    "select validation_id, ?, ?, ?, source_file, file_hash, suite, success, "
                    f"result::json, ?::timestamptz from {validation_rows}",
                    [self.run_id, table.source, table.name, now])
        texts = pa.list_(pa.string())
        with self._as_relation(AUDIT_ROWS, pa.table({
            "source_file": pa.array([r.file.relative for r in rows], pa.string()),
            "file_hash": pa.array([r.file_hash for r in rows], pa.string()),
            "file_bytes": pa.array([r.size for r in rows], pa.int64()),
            "status": pa.array([r.outcome.status for r in rows], pa.string()),
            "rows_landed": pa.array([r.outcome.rows_landed for r in rows], pa.int64()),
            "rows_loaded": pa.array([r.outcome.rows_loaded for r in rows], pa.int64()),
            "rows_quarantined": pa.array([r.outcome.rows_quarantined for r in rows], pa.int64()),
            "extra_columns": pa.array([r.extras for r in rows], texts),
            "missing_optional_columns": pa.array([r.missing for r in rows], texts),
            "message": pa.array([r.outcome.message for r in rows], pa.string()),
            "started_at": pa.array([r.started for r in rows], pa.timestamp("us", tz="UTC")),
            "values_nulled": pa.array([r.outcome.values_nulled for r in rows], pa.int64()),
            "rejected_column": pa.array([r.outcome.rejected_column for r in rows], pa.string()),
            "rejected_reason": pa.array([r.outcome.rejected_reason for r in rows], pa.string()),
            "validation_ids": pa.array(ids, texts),
        })) as audit_rows:
            self.con.execute(
                f"insert into {LOAD_AUDIT} (run_id, source, table_name, source_file, file_hash, "
                "file_bytes, status, rows_landed, rows_loaded, rows_quarantined, extra_columns, "
                "missing_optional_columns, message, started_at, finished_at, values_nulled, "
                "rejected_column, rejected_reason, validation_ids) "
                "select ?, ?, ?, source_file, file_hash, file_bytes, status, rows_landed, "
                "rows_loaded, rows_quarantined, extra_columns, missing_optional_columns, "
                "message, started_at, ?::timestamptz, values_nulled, rejected_column, "
                f"rejected_reason, validation_ids from {audit_rows}",
                [self.run_id, table.source, table.name, datetime.now(UTC)])

    def _audit_alone(
        self, table: Table, file: LandedFile, file_hash: str | None, size: int | None,
        outcome: FileOutcome, started: datetime,
    ) -> None:
        self.con.begin()
        self._audit(table, file, file_hash, size, outcome, [], [], started)
        self.con.commit()

    def _register(self, name: str, table: pa.Table) -> None:
        """``con.register``, after settling the result of the statement before (DuckDB
        refuses to register while a statement's result is unread)."""
        self.con.execute("select 1").fetchall()
        self.con.register(name, table)

    @contextlib.contextmanager
    def _as_relation(self, name: str, table: pa.Table) -> Iterator[str]:
        """An Arrow table readable by SQL as ``name`` inside the block (one statement reads
        all its rows), unregistered after it however the block ends."""
        self._register(name, table)
        try:
            yield name
        finally:
            self.con.unregister(name)

    def _drop_scratch(self) -> None:
        self.con.execute(f"drop view if exists {BATCH}")
        for name in (SET_ROWS_ARROW, LANDING_LINES, *self._registered):
            with contextlib.suppress(duckdb.Error):
                self.con.unregister(name)
        for kind, name in reversed(dict.fromkeys(self._scratch)):  # views before their tables
            self.con.execute(f"drop {kind} if exists {name}")
        self.con.execute(f"drop table if exists {CHECKED}")
        self.con.execute(f"drop table if exists {SET}")
        self._scratch, self._registered = [], []
