"""Quarantined rows are never lost: after a contract change, the replay command loads again
the files whose rows are in quarantine, and the rows the new contract accepts come out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

from orchestration.defs.ingest.contracts import Column, Table
from orchestration.defs.ingest.loader import RawLoader
from orchestration.defs.ingest.replay import replay
from tests.conftest import write


def _contract(channels: tuple[str, ...]) -> Table:
    return Table("crm", "visits", (
        Column("visit_id", required=True, not_null=True),
        Column("channel", accepted=channels),
    ), key=("visit_id",), description="test table", formats=("csv",))


def test_replay_after_a_contract_change_releases_the_rows_it_accepts(
    landing: Path, warehouse: Path
):
    write(landing, "crm/visits/a.csv", "visit_id,channel\nv1,web\nv2,telegram\nv3,fax\n")
    gone = write(landing, "crm/visits/b.csv", "visit_id,channel\nv4,telegram\n")
    with duckdb.connect(str(warehouse)) as con:
        RawLoader(con, landing, "k").load_table(_contract(("web",)))
        assert con.execute("select count(*) from raw_meta.quarantine").fetchone() == (3,)
        gone.unlink()  # its row cannot be replayed: the file is gone
        # the contract now accepts telegram
        results = replay(con, landing, "k", [_contract(("web", "telegram"))])
        assert con.execute("select visit_id from raw_crm.visits order by 1").fetchall() == [
            ("v1",), ("v2",)]
        assert con.execute("select source_file, row_number, reason from raw_meta.quarantine "
                           "order by 1").fetchall() == [
            ("crm/visits/a.csv", 3, "channel: 'fax' is not one of: web, telegram"),
            ("crm/visits/b.csv", 1, "channel: 'telegram' is not one of: web")]
    by_file = {r.source_file: r for r in results}
    assert (by_file["crm/visits/a.csv"].before, by_file["crm/visits/a.csv"].after) == (2, 1)
    assert by_file["crm/visits/b.csv"].status == "file gone"
    assert "cannot be replayed" in str(by_file["crm/visits/b.csv"])


def test_the_replay_command_runs_on_the_warehouse(landing: Path, warehouse: Path, load):
    write(landing, "marketing/spend/s.csv", "date,channel,campaign,cost_category,amount,currency\n"
          "2026-01-01,x,c1,ads,5,USD\n2026-13-01,x,c1,ads,5,USD\n")
    assert load([("marketing", "spend")]).success
    env = {"WAREHOUSE_PATH": str(warehouse), "LANDING_DIR": str(landing), "PATH": ""}
    done = subprocess.run([sys.executable, "-m", "orchestration.defs.ingest.replay",
                           "--table", "marketing.spend"],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "marketing/spend/s.csv: 1 row(s) in quarantine before, 1 after" in done.stdout
