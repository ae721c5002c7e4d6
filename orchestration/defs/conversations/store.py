"""The text-analysis tables: each distinct text of the raw tables read once.

Texts are keyed by the MD5 of the text exactly as the raw table holds it (dbt computes the
same key in staging), so a text is analysed once however many rows carry it, and only texts
not analysed yet are read on a refresh. When the scorers or the theme taxonomy change
(``SCORER_VERSION``, ``ThemeTaxonomy.version``), every text is analysed again.

Tables (schema ``text_analysis``):

- ``sentiment_scores``: one row per text: detected language, label, score, scorer, version.
- ``text_themes``: one row per text and configured theme it matches.
- ``text_phrases``: one row per text and word pair (bigram) of texts matching no theme.
- ``theme_taxonomy``: the themes configured (labels, kind of action), rewritten each run.
- ``analysis_state``: the scorer and taxonomy versions the tables were built with.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from orchestration.conversations import (
    SCORER_VERSION,
    ThemeTaxonomy,
    candidate_phrases,
    score_text,
)

SCHEMA = "text_analysis"
SCORES = f"{SCHEMA}.sentiment_scores"
THEMES = f"{SCHEMA}.text_themes"
PHRASES = f"{SCHEMA}.text_phrases"
STATE = f"{SCHEMA}.analysis_state"
TAXONOMY = f"{SCHEMA}.theme_taxonomy"


@dataclass(frozen=True)
class TextColumn:
    """A free-text column of a raw table, and the dbt var that can point at another schema."""

    source: str
    table: str
    column: str

    def relation(self, schemas: dict[str, str]) -> str:
        schema = schemas.get(f"{self.source}_schema", f"raw_{self.source}")
        return f'"{schema}"."{self.table}"'


TEXT_COLUMNS: tuple[TextColumn, ...] = (
    TextColumn("social_comments", "comments", "text"),
    TextColumn("listening", "mentions", "text"),
    TextColumn("surveys", "csat", "comment"),
)

_DDL = (
    f"create schema if not exists {SCHEMA}",
    f"create table if not exists {SCORES} (text_hash varchar primary key, language varchar, "
    "label varchar, score double, scorer varchar, scorer_version varchar, "
    "analysed_at timestamptz)",
    f"create table if not exists {THEMES} (text_hash varchar, theme varchar, "
    "taxonomy_version varchar, primary key (text_hash, theme))",
    f"create table if not exists {PHRASES} (text_hash varchar, phrase varchar, "
    "language varchar, primary key (text_hash, phrase))",
    f"create table if not exists {TAXONOMY} (theme varchar primary key, label_en varchar, "
    "label_fa varchar, action_kind varchar, taxonomy_version varchar)",
    f"create table if not exists {STATE} (scorer_version varchar, taxonomy_version varchar, "
    "updated_at timestamptz)",
)


@dataclass
class AnalysisStats:
    """What one refresh did."""

    distinct_texts: int = 0
    analysed: int = 0
    reused: int = 0
    reanalysed_all: str | None = None  # why every text was analysed again
    missing_tables: list[str] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    themes: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    for statement in _DDL:
        con.execute(statement)


def _existing(con: duckdb.DuckDBPyConnection, column: TextColumn,
              schemas: dict[str, str]) -> bool:
    schema = schemas.get(f"{column.source}_schema", f"raw_{column.source}")
    found = con.execute(
        "select count(*) from information_schema.columns where table_schema = ? "
        "and table_name = ? and column_name = ?", [schema, column.table, column.column],
    ).fetchone()
    return bool(found and found[0])


def _reset_if_versions_changed(con: duckdb.DuckDBPyConnection, taxonomy_version: str) -> str | None:
    state = con.execute(f"select scorer_version, taxonomy_version from {STATE}").fetchone()
    if state == (SCORER_VERSION, taxonomy_version):
        return None
    reason = ("first run" if state is None else
              f"scorers {state[0]} -> {SCORER_VERSION}" if state[0] != SCORER_VERSION else
              f"theme taxonomy {state[1]} -> {taxonomy_version}")
    for table in (SCORES, THEMES, PHRASES, STATE):
        con.execute(f"delete from {table}")
    con.execute(f"insert into {STATE} values (?, ?, ?)",
                [SCORER_VERSION, taxonomy_version, datetime.now(UTC)])
    return reason


def _write_taxonomy(con: duckdb.DuckDBPyConnection, taxonomy: ThemeTaxonomy) -> None:
    con.execute(f"delete from {TAXONOMY}")
    con.executemany(
        f"insert into {TAXONOMY} values (?, ?, ?, ?, ?)",
        [[t.key, t.label_en, t.label_fa, t.action_kind, taxonomy.version]
         for t in taxonomy.themes],
    )


def refresh_text_analysis(
    con: duckdb.DuckDBPyConnection,
    taxonomy: ThemeTaxonomy,
    schemas: dict[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> AnalysisStats:
    """Analyse the texts of the raw tables that are not analysed yet, in one transaction."""
    started = time.monotonic()
    schemas = schemas or {}
    stats = AnalysisStats()
    ensure_tables(con)
    con.execute("begin transaction")
    try:
        stats.reanalysed_all = _reset_if_versions_changed(con, taxonomy.version)
        _write_taxonomy(con, taxonomy)
        selects = []
        for column in TEXT_COLUMNS:
            if not _existing(con, column, schemas):
                stats.missing_tables.append(f"{column.source}.{column.table}.{column.column}")
                continue
            selects.append(f'select cast("{column.column}" as varchar) as text '
                           f"from {column.relation(schemas)}")
        if not selects:
            con.execute("commit")
            return stats
        con.execute(
            "create or replace temp table _texts as select md5(text) as text_hash, "
            f"min(text) as text from ({' union all '.join(selects)}) "
            "where text is not null and trim(text) <> '' group by md5(text)"
        )
        counted = con.execute("select count(*) from _texts").fetchone()
        stats.distinct_texts = int(counted[0]) if counted else 0
        new = con.execute(
            f"select t.text_hash, t.text from _texts as t anti join {SCORES} as s "
            "on s.text_hash = t.text_hash order by t.text_hash"
        ).fetchall()
        stats.reused = stats.distinct_texts - len(new)
        _analyse(con, new, taxonomy, stats, progress)
        con.execute("drop table _texts")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    stats.seconds = time.monotonic() - started
    return stats


def _analyse(
    con: duckdb.DuckDBPyConnection,
    texts: list[tuple[str, str]],
    taxonomy: ThemeTaxonomy,
    stats: AnalysisStats,
    progress: Callable[[int, int], None] | None,
) -> None:
    now = datetime.now(UTC)
    scores: dict[str, list[object]] = {k: [] for k in (
        "text_hash", "language", "label", "score", "scorer", "scorer_version", "analysed_at")}
    themes: dict[str, list[str]] = {"text_hash": [], "theme": [], "taxonomy_version": []}
    phrases: dict[str, list[str]] = {"text_hash": [], "phrase": [], "language": []}
    for n, (text_hash, text) in enumerate(texts, start=1):
        result = score_text(text)
        for key, value in (("text_hash", text_hash), ("language", result.language),
                           ("label", result.label), ("score", result.score),
                           ("scorer", result.scorer),
                           ("scorer_version", result.scorer_version), ("analysed_at", now)):
            scores[key].append(value)
        stats.languages[result.language] += 1
        stats.labels[result.label] += 1
        matched = taxonomy.match(text, result.language)
        for theme in matched:
            themes["text_hash"].append(text_hash)
            themes["theme"].append(theme)
            themes["taxonomy_version"].append(taxonomy.version)
            stats.themes[theme] += 1
        if not matched:
            for phrase in candidate_phrases(text, result.language):
                phrases["text_hash"].append(text_hash)
                phrases["phrase"].append(phrase)
                phrases["language"].append(result.language)
        if progress is not None and (n % 5000 == 0 or n == len(texts)):
            progress(n, len(texts))
    stats.analysed = len(texts)
    for table, columns in ((SCORES, scores), (THEMES, themes), (PHRASES, phrases)):
        if columns["text_hash"]:
            con.register("_analysed_batch", pa.table(columns))
            con.execute(f"insert into {table} by name select * from _analysed_batch")
            con.unregister("_analysed_batch")
