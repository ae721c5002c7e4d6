"""What the loader does with the landing folder itself: links, folders no table reads, files
still being written, files deleted or emptied after they loaded. Tiny hand-made fixtures; the
expected figures are counted by hand."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import materialized, write

SPEND = ("marketing", "spend")
HEADER = "date,channel,campaign,cost_category,amount,currency\n"


def _audit(query, source_file: str) -> list[tuple]:
    return query("select status, rows_loaded, message from raw_meta.load_audit "
                 f"where source_file = '{source_file}' order by finished_at")


def test_a_link_pointing_outside_the_landing_folder_is_never_followed(
    tmp_path: Path, landing: Path, load, query
):
    outside = write(tmp_path, "elsewhere/secret.csv", HEADER + "2026-01-01,x,c1,ads,5,USD\n")
    write(landing, "marketing/spend/good.csv", HEADER + "2026-01-02,x,c2,ads,7,USD\n")
    (landing / "marketing/spend/link.csv").symlink_to(outside)
    # a whole table folder linked outside is not followed either
    write(tmp_path, "elsewhere/fx/r.csv", "date,currency,rate_to_reporting_currency\n"
          "2026-01-01,EUR,1.1\n")
    (landing / "marketing/fx_rates").symlink_to(tmp_path / "elsewhere/fx")
    # a link to another file inside the landing folder is fine
    (landing / "marketing/spend/inside.csv").symlink_to(landing / "marketing/spend/good.csv")
    result = load([SPEND, ("marketing", "fx_rates")])
    assert result.success
    assert query("select campaign from raw_marketing.spend") == [("c2",)]
    assert query("select count(*) from raw_marketing.fx_rates") == [(0,)]
    (status, loaded, message), = _audit(query, "marketing/spend/link.csv")
    assert (status, loaded) == ("rejected", 0)
    assert "outside the landing folder" in message and "not followed" in message
    assert _audit(query, "marketing/fx_rates/r.csv")[0][0] == "rejected"
    assert _audit(query, "marketing/spend/inside.csv")[0][0] == "duplicate"
    assert materialized(result, SPEND)["files_rejected"] == 1
