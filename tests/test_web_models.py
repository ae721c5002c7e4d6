"""GA4 web models: sessions, engagement and channels reconciled with figures computed here
from the landing files alone, and the incremental build proven equal to a full refresh."""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
import pytest

from orchestration.defs.ingest.contracts import TABLES_BY_KEY
from orchestration.defs.ingest.loader import RawLoader
from sample_data import generate
from tests.conftest import run_dbt

SESSIONS = "intermediate.int_web_sessions_assembled"
EVENTS = "intermediate.int_web_events_sessionised"
STAGED = "staging.stg_ga4__events"
KEY_EVENTS = {"purchase", "sign_up", "generate_lead"}


def _events(landing: Path) -> list[dict[str, Any]]:
    """Every GA4 event of the landing folder (JSON lines or a JSON array per file)."""
    events: list[dict[str, Any]] = []
    for path in sorted((landing / "ga4" / "events").iterdir()):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            events.extend(json.loads(text))
        else:
            events.extend(json.loads(line) for line in text.splitlines() if line.strip())
    return events


def _param(event: dict[str, Any], key: str) -> Any:
    for param in event.get("event_params") or []:
        if param["key"] == key:
            value = param["value"]
            for slot in ("string_value", "int_value", "double_value", "float_value"):
                if value.get(slot) is not None:
                    return value[slot]
    return None


def _sessions(landing: Path) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """GA4 sessions: events grouped by (user_pseudo_id, ga_session_id)."""
    sessions: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for event in _events(landing):
        session_id = _param(event, "ga_session_id")
        if session_id is not None:
            sessions[(event["user_pseudo_id"], int(session_id))].append(event)
    return sessions


def _is_engaged(events: list[dict[str, Any]]) -> bool:
    """GA4: session_engaged '1', over 10 s of engagement, a key event, or 2+ page views."""
    flagged = any(str(_param(e, "session_engaged")) == "1" for e in events)
    engagement_ms = sum(_param(e, "engagement_time_msec") or 0 for e in events)
    page_views = sum(e["event_name"] == "page_view" for e in events)
    key_event = any(e["event_name"] in KEY_EVENTS for e in events)
    return flagged or engagement_ms > 10_000 or key_event or page_views >= 2


def _session_start(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    starts = sorted((e for e in events if e["event_name"] == "session_start"),
                    key=lambda e: e["event_timestamp"])
    return starts[0] if starts else None


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    return con.execute(sql).fetchall()[0][0]


def test_one_session_per_user_and_ga_session_id(pipeline):
    landing, con, truth, _ = pipeline
    sessions = _sessions(landing)
    modelled = con.execute(f"select user_pseudo_id, ga_session_id from {SESSIONS}").fetchall()
    assert len(modelled) == len(set(modelled)) == len(sessions)
    assert set(modelled) == set(sessions)
    assert len(sessions) == truth["headline"]["ga4"]["sessions"]["value"]
    # every event with a session id is in the event model and points at its session
    with_session = sum(len(events) for events in sessions.values())
    assert _scalar(con, f"select count(session_key) from {EVENTS}") == with_session
    assert _scalar(con, f"select count(*) from {EVENTS}") == len(_events(landing))


def test_sessions_crossing_midnight_stay_one_session(pipeline):
    """Sessions whose events fall on two event_dates (the `small` sample may have none; the
    dbt unit test test_int_web_sessions_assembled_sessionisation always has one)."""
    landing, con, _, _ = pipeline
    crossing = {key for key, events in _sessions(landing).items()
                if len({e["event_date"] for e in events}) > 1}
    modelled = set(con.execute(
        f"select user_pseudo_id, ga_session_id from {SESSIONS} "
        "where first_event_date < last_event_date").fetchall())
    assert modelled == crossing


def test_engaged_sessions(pipeline):
    landing, con, truth, _ = pipeline
    expected = sum(_is_engaged(events) for events in _sessions(landing).values())
    assert _scalar(con, f"select count(*) from {SESSIONS} where is_engaged") == expected
    assert expected == truth["headline"]["ga4"]["engaged_sessions"]["value"]


def test_organic_search_sessions_landing_on_blog(pipeline):
    landing, con, truth, _ = pipeline
    expected = 0
    for events in _sessions(landing).values():
        start = _session_start(events)
        if start is None or _param(start, "medium") != "organic":
            continue
        if urlsplit(_param(start, "page_location") or "").path.startswith("/blog/"):
            expected += 1
    assert expected == truth["headline"]["ga4"]["organic_search_blog_sessions"]["value"]
    assert _scalar(con, f"""
        select count(*) from {SESSIONS}
        where default_channel_group = 'Organic Search' and landing_page_path like '/blog/%'
    """) == expected


def test_new_users_and_purchases(pipeline):
    landing, con, truth, _ = pipeline
    ga4 = truth["headline"]["ga4"]
    new_users = sum(
        any(e["event_name"] == "first_visit" for e in events)
        or any(_param(e, "ga_session_number") == 1 for e in events)
        for events in _sessions(landing).values()
    )
    assert _scalar(con, f"select count(*) from {SESSIONS} where is_new_user") == new_users
    assert new_users == ga4["new_users"]["value"]
    purchases = {e["ecommerce"]["transaction_id"]: e["ecommerce"]["purchase_revenue"]
                 for e in _events(landing) if e["event_name"] == "purchase"}
    count, revenue = con.execute(
        f"select sum(purchases), sum(purchase_revenue) from {SESSIONS}").fetchall()[0]
    assert count == len(purchases) == ga4["purchase_events"]["value"]
    assert revenue == pytest.approx(sum(purchases.values()))
    assert revenue == pytest.approx(ga4["purchase_revenue_usd"]["value"], abs=0.005)


def test_sessions_by_source_medium(pipeline):
    _, con, truth, _ = pipeline
    rows = con.execute(
        f"select session_source || ' / ' || session_medium, count(*) from {SESSIONS} group by 1"
    ).fetchall()
    assert dict(rows) == truth["headline"]["ga4"]["sessions_by_source_medium"]


def test_social_channels_split_per_platform(pipeline):
    landing, con, _, _ = pipeline
    expected: dict[tuple[str, str], int] = defaultdict(int)
    platform_of = {"instagram": "instagram", "l.instagram.com": "instagram",
                   "facebook": "facebook", "m.facebook.com": "facebook", "x": "x", "t.co": "x",
                   "linkedin": "linkedin", "www.linkedin.com": "linkedin", "youtube": "youtube"}
    for events in _sessions(landing).values():
        start = _session_start(events)
        source = _param(start, "source") if start else None
        medium = _param(start, "medium") if start else None
        if source in platform_of:
            paid = medium in ("paid_social", "cpc")
            expected[("Paid Social" if paid else "Organic Social", platform_of[source])] += 1
    rows = con.execute(f"""
        select default_channel_group, social_platform, count(*) from {SESSIONS}
        where default_channel_group in ('Organic Social', 'Paid Social')
            and social_platform is not null
        group by 1, 2
    """).fetchall()
    assert {(group, platform): n for group, platform, n in rows} == dict(expected)


# ------------------------------------------------------------- incremental == full refresh

def _load_ga4(landing: Path, warehouse: Path) -> None:
    with duckdb.connect(str(warehouse)) as con:
        RawLoader(con, landing, "test-key").load_table(TABLES_BY_KEY[("ga4", "events")])


def _dbt_build(warehouse: Path, target: Path, *extra: str) -> None:
    run_dbt(warehouse, target, "build", "--select", "+int_web_sessions_assembled",
            "--indirect-selection", "cautious", *extra)


def _snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {
            table: sorted(con.execute(f"select * from {table}").fetchall(), key=repr)
            for table in (STAGED, EVENTS, SESSIONS)
        }


def test_incremental_build_equals_full_refresh(tmp_path: Path):
    """Build on the first two export files, then one incremental build per later file, and
    compare with a full refresh. One event of a session of the second day is held back and
    arrives with the third file (a late event), so an already-built session must change."""
    generated = tmp_path / "generated"
    generate(generated, "small", seed=11)
    files = sorted((generated / "ga4" / "events").iterdir())
    assert len(files) >= 3
    landing, warehouse, target = tmp_path / "landing", tmp_path / "wh.duckdb", tmp_path / "t"
    folder = landing / "ga4" / "events"
    folder.mkdir(parents=True)

    # hold back the last event of the first multi-event session of the second file
    lines = files[1].read_text(encoding="utf-8").splitlines()
    by_session: dict[tuple[str, int], list[int]] = defaultdict(list)
    for number, line in enumerate(lines):
        event = json.loads(line)
        by_session[(event["user_pseudo_id"], _param(event, "ga_session_id"))].append(number)
    late_session, numbers = next((k, v) for k, v in by_session.items() if len(v) >= 3)
    held_back = numbers[-1]
    (folder / files[1].name).write_text(
        "\n".join(line for n, line in enumerate(lines) if n != held_back) + "\n",
        encoding="utf-8")
    late_file = generated / "late" / f"{files[2].stem}_late.jsonl"
    late_file.parent.mkdir()
    late_file.write_text(lines[held_back] + "\n", encoding="utf-8")

    def arrive(paths: list[Path]) -> None:
        for path in paths:
            shutil.copy(path, folder / path.name)
        _load_ga4(landing, warehouse)

    arrive([files[0]])
    _dbt_build(warehouse, target, "--full-refresh")
    user, session_id = late_session
    count_sql = (f"select event_count from {SESSIONS} "
                 f"where user_pseudo_id = '{user}' and ga_session_id = {session_id}")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute(count_sql).fetchall() == [(len(numbers) - 1,)]
    for batch in ([files[2], late_file], *([f] for f in files[3:])):
        arrive(batch)
        _dbt_build(warehouse, target)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute(count_sql).fetchall() == [(len(numbers),)]
    # the second day exported again under its own name without the session's first event:
    # the incremental build must drop that event (and change the session), as a full
    # refresh does
    (folder / files[1].name).write_text(
        "\n".join(line for n, line in enumerate(lines) if n not in (numbers[0], held_back))
        + "\n", encoding="utf-8")
    _load_ga4(landing, warehouse)
    _dbt_build(warehouse, target)
    incremental = _snapshot(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute(count_sql).fetchall() == [(len(numbers) - 1,)]

    _dbt_build(warehouse, target, "--full-refresh")
    full = _snapshot(warehouse)
    assert len(full[SESSIONS]) == len(_sessions(generated))
    assert incremental[STAGED] == full[STAGED]
    assert incremental[EVENTS] == full[EVENTS]
    assert incremental[SESSIONS] == full[SESSIONS]
