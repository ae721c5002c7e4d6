"""Incremental models keyed by an entity (a post) proven equal to a full refresh: the sample's
last days arrive one refresh at a time, with the mess real connectors send between them (a
restated snapshot of an old post, a comment on an old post, a statistic whose link to its
post arrives a day after the statistic). After every refresh, the models must hold exactly
what a full refresh of the same raw tables builds."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import duckdb

from benchmarks.samples import data_files, held_back, link_files
from orchestration.defs.ingest.contracts import TABLES_BY_KEY
from orchestration.defs.ingest.loader import RawLoader
from sample_data import generate
from tests.conftest import run_dbt, write

END = date(2026, 11, 1)
SOURCES = ("facebook_pages", "instagram_business", "linkedin_pages", "social_comments")
MODELS = (
    "intermediate.int_facebook_post_metrics_differenced",
    "intermediate.int_instagram_post_metrics_differenced",
    "intermediate.int_linkedin_post_metrics_differenced",
)
SELECTION = " ".join(f"+{m.split('.')[1]}" for m in MODELS)
REKEYED_STATISTIC = "stat-rekeyed-1"
REKEYED_POST = "9990000000000000001"


def _load(landing: Path, warehouse: Path) -> None:
    with duckdb.connect(str(warehouse)) as con:
        loader = RawLoader(con, landing, "test-key")
        for (source, _), table in TABLES_BY_KEY.items():
            if source in SOURCES:
                loader.load_table(table)


def _build(warehouse: Path, target: Path, *extra: str) -> None:
    run_dbt(warehouse, target, "build", "--select", SELECTION, "--indirect-selection",
            "cautious", "--exclude-resource-type", "unit_test", *extra)


def _rows(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {m: sorted(con.execute(f"select * from {m}").fetchall(), key=repr)
                for m in MODELS}


def _linkedin_keys(warehouse: Path) -> set[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {k for (k,) in con.execute(f"select distinct post_id from {MODELS[2]}").fetchall()}


def _jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(row) + "\n" for row in rows)


def _first_row(landing: Path, folder: str) -> dict:
    first = sorted((landing / folder).iterdir())[0]
    return json.loads(first.read_text(encoding="utf-8").splitlines()[0])


def test_post_metrics_incremental_equals_full_refresh(tmp_path: Path) -> None:
    generated, landing = tmp_path / "generated", tmp_path / "landing"
    warehouse, target = tmp_path / "warehouse.duckdb", tmp_path / "target"
    generate(generated, "small", seed=5, end_date=END)
    days = [END - timedelta(days=n) for n in (2, 1, 0)]
    later = {day: held_back(generated, day) for day in days}
    first = sorted(set(data_files(generated)) - {p for files in later.values() for p in files})
    link_files(generated, landing, first)
    _load(landing, warehouse)
    _build(warehouse, target, "--full-refresh")

    # day 1, with a LinkedIn statistic that names no post (no share URN, no link yet). The
    # landing contract requires the URN: such a row comes from a connector's own table (the
    # ELT path), written here into the raw table as that tool would write it
    link_files(generated, landing, later[days[0]])
    _load(landing, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "insert into raw_linkedin_pages.share_statistic by name "
            "select * replace (? as _fivetran_id, null as _share_entity_urn, "
            "current_timestamp as _loaded_at) "
            "from raw_linkedin_pages.share_statistic limit 1", [REKEYED_STATISTIC])
    _build(warehouse, target)
    assert REKEYED_STATISTIC in _linkedin_keys(warehouse)

    # day 2, with the statistic's link to its post, and a restated snapshot of the oldest
    # Facebook post's first day (a later sync of that date, more likes)
    link_files(generated, landing, later[days[1]])
    write(landing, "linkedin_pages/ugc_post_share_statistic/rekeyed.jsonl", _jsonl([{
        "share_statistic_id": REKEYED_STATISTIC,
        "ugc_post_id": f"urn:li:ugcPost:{REKEYED_POST}"}]))
    snapshot = _first_row(generated, "facebook_pages/lifetime_post_metrics_total")
    write(landing, "facebook_pages/lifetime_post_metrics_total/restated.jsonl", _jsonl([{
        **snapshot,
        "post_reactions_like_total": (snapshot["post_reactions_like_total"] or 0) + 7,
        "_fivetran_synced": f"{snapshot['date']}T23:59:00Z"}]))
    _load(landing, warehouse)
    _build(warehouse, target)
    assert REKEYED_STATISTIC not in _linkedin_keys(warehouse)
    assert REKEYED_POST in _linkedin_keys(warehouse)

    # day 3: that day's Facebook syncs leave out the oldest post, and a late comment on it
    # arrives (only the comment can tell the refresh to rebuild that post)
    quiet = snapshot
    for relative in later[days[2]]:
        if relative.parts[0] != "facebook_pages":
            link_files(generated, landing, [relative])
            continue
        lines = (generated / relative).read_text(encoding="utf-8").splitlines(keepends=True)
        write(landing, str(relative), "".join(
            line for line in lines if f'"{quiet["post_id"]}"' not in line))
    write(landing, "social_comments/comments/comments_late.jsonl", _jsonl([{
        "platform": "facebook", "comment_id": "late-1", "post_id": quiet["post_id"],
        "parent_comment_id": None, "created_at": f"{quiet['date']}T09:00:00Z",
        "author_id": "c1", "text": "late", "like_count": 0, "is_from_owner": False}]))
    _load(landing, warehouse)
    _build(warehouse, target)
    incremental = _rows(warehouse)

    _build(warehouse, target, "--full-refresh")
    full = _rows(warehouse)
    for model in MODELS:
        assert incremental[model] == full[model], model
    # the late comment reached its post's day (else the comparison proves nothing about it)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        commented = con.execute(
            f"select comment_count from {MODELS[0]} where post_id = ? and metric_date = ?",
            [quiet["post_id"], quiet["date"]]).fetchall()
    assert commented and commented[0][0] >= 1
