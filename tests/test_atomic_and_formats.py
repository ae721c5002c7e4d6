"""A file that fails leaves nothing behind; Parquet and JSON files load like the others."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from orchestration.defs.ingest.contracts import TABLES_BY_KEY, Table
from orchestration.defs.ingest.loader import RawLoader
from tests.conftest import write

DAILY = TABLES_BY_KEY[("social_accounts", "daily")]
HEADER = "date,platform,account_id,followers,following,posts_published,mentions,profile_views\n"


def no_follower_collapse(con: duckdb.DuckDBPyConnection, table: Table, batch: str) -> list[str]:
    """A batch rule: an account never loses more than half its followers in a day."""
    rows = con.execute(
        f"select account_id, date, followers, prev from ("
        f"  select account_id, date, followers, "
        f"  lag(followers) over (partition by platform, account_id order by date) as prev "
        f"  from {batch}) where followers < prev / 2"
    ).fetchall()
    return [f"{r[0]} fell from {r[3]} to {r[2]} followers on {r[1]}" for r in rows]


def test_a_failing_batch_rolls_back_the_whole_file(landing: Path, warehouse: Path):
    path = write(landing, "social_accounts/daily/a.csv",
                 HEADER + "2026-01-01,x,9,1000,1,1,1,1\n2026-01-02,x,9,1010,1,1,1,1\n")
    with duckdb.connect(str(warehouse)) as con:
        loader = RawLoader(con, landing, "k", validators=[no_follower_collapse])
        assert loader.load_table(DAILY).files[0].status == "loaded"
        before = con.execute("select * from raw_social_accounts.daily order by date").fetchall()

        path.write_text(HEADER + "2026-01-01,x,9,1000,1,1,1,1\n2026-01-02,x,9,10,1,1,1,1\n"
                        "2026-01-03,x,9,-5,1,1,1,1\n")
        (outcome,) = loader.load_table(DAILY).files
        assert outcome.status == "rejected"
        assert "9 fell from 1000 to 10 followers on 2026-01-02" in (outcome.message or "")
        assert con.execute("select * from raw_social_accounts.daily order by date"
                           ).fetchall() == before
        # nothing of the failed attempt reached quarantine or the file state either
        assert con.execute("select count(*) from raw_meta.quarantine").fetchone() == (0,)
        assert con.execute("select status, rows_loaded from raw_meta.loaded_files"
                           ).fetchall() == [("loaded", 2)]


def _event(ts: int, name: str, session: int, params: dict[str, str | int]) -> dict:
    return {
        "event_date": "20260301", "event_timestamp": ts, "event_name": name,
        "event_params": [
            {"key": k, "value": {"string_value": v if isinstance(v, str) else None,
                                 "int_value": v if isinstance(v, int) else None,
                                 "float_value": None, "double_value": None}}
            for k, v in {"ga_session_id": session, **params}.items()
        ],
        "user_pseudo_id": "u1", "user_id": None, "user_first_touch_timestamp": ts,
        "traffic_source": {"name": "(direct)", "medium": "(none)", "source": "(direct)"},
        "collected_traffic_source": None, "device": {"category": "mobile"},
        "geo": {"country": "Iran"}, "ecommerce": None,
    }


def test_parquet_ga4_events_keep_their_nested_shape(landing: Path, warehouse: Path):
    events = [
        _event(1772341200000000, "session_start", 7, {"page_location": "https://x/blog/a"}),
        _event(1772341210000000, "page_view", 7, {"engagement_time_msec": 1500}),
        _event(1772341220000000, "page_view", 7, {}) | {"user_pseudo_id": None},
    ]
    path = landing / "ga4/events/events_20260301.parquet"
    path.parent.mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(events), path)
    with duckdb.connect(str(warehouse)) as con:
        (outcome,) = RawLoader(con, landing, "k").load_table(TABLES_BY_KEY[("ga4", "events")]).files
        assert (outcome.rows_landed, outcome.rows_loaded, outcome.rows_quarantined) == (3, 2, 1)
        got = con.execute(
            "select event_name, _row_number, "
            "[p.value.int_value for p in event_params if p.key = 'ga_session_id'][1], "
            "device.category from raw_ga4.events order by _row_number").fetchall()
        assert got == [("session_start", 1, 7, "mobile"), ("page_view", 2, 7, "mobile")]
        assert con.execute("select row_number, column_name from raw_meta.quarantine"
                           ).fetchall() == [(3, "user_pseudo_id")]


def test_json_array_file_loads(landing: Path, warehouse: Path):
    write(landing, "strategy/goals/goals.json",
          '[{"goal_id": "g1", "title": "More followers", "metric": "followers", '
          '"target_value": 5000, "start_date": "2026-01-01", "deadline": "2026-06-30"}]')
    with duckdb.connect(str(warehouse)) as con:
        (outcome,) = RawLoader(con, landing, "k").load_table(
            TABLES_BY_KEY[("strategy", "goals")]).files
        assert outcome.rows_loaded == 1
        assert con.execute("select target_value, deadline::varchar from raw_strategy.goals"
                           ).fetchall() == [(5000.0, "2026-06-30")]


def test_json_lines_split_on_newlines_only(landing: Path, warehouse: Path):
    """A JSON string may hold U+2028 (and other separators str.splitlines splits on)."""
    text = "سلام\u2028دنیا"
    write(landing, "listening/mentions/m.jsonl",
          '{"mention_id": "m1", "platform": "x", "published_at": "2026-05-01T00:00:00Z", '
          f'"brand": "Nava", "text": "{text}", "reach_estimate": 5}}\r\n'
          '{"mention_id": "m2", "platform": "x", "published_at": "2026-05-01T00:00:00Z", '
          '"brand": "Nava", "engagements": 2}\n')
    with duckdb.connect(str(warehouse)) as con:
        (outcome,) = RawLoader(con, landing, "k").load_table(
            TABLES_BY_KEY[("listening", "mentions")]).files
        assert (outcome.rows_landed, outcome.rows_loaded) == (2, 2)
        assert con.execute("select mention_id, text, reach_estimate, engagements, _row_number "
                           "from raw_listening.mentions order by 1").fetchall() == [
            ("m1", text, 5, None, 1), ("m2", None, None, 2, 2)]
