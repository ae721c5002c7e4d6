"""`make docs-gx`: GX Data Docs (HTML) built from the suites validated on a warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb

from orchestration.defs.quality.docs import build_data_docs
from tests.conftest import Loader, write


def test_data_docs_are_built_for_raw_and_mart_suites(
    landing: Path, load: Loader, warehouse: Path, tmp_path: Path
):
    write(landing, "marketing/campaigns/c.csv",
          "campaign_id,channel,start_date,end_date\ncmp_1,instagram,2026-03-01,2026-03-10\n")
    load([("marketing", "campaigns")])
    with duckdb.connect(str(warehouse)) as con:  # a broken mart: a share of 1.7
        con.execute("create schema marts")
        con.execute("create table marts.kpi_tier_2_daily as select 1.7::double as "
                    "virality_rate, 0.5::double as engaged_search_content_session_share")
    out = tmp_path / "gx_docs"
    index = build_data_docs(warehouse, out)
    assert index.name == "index.html" and index.is_relative_to(out)
    html = index.read_text(encoding="utf-8")
    assert "raw_marketing.campaigns" in html and "marts.kpi_tier_2_daily" in html
    pages = {p.read_text(encoding="utf-8") for p in index.parent.rglob("validations/**/*.html")}
    # one validation page per suite run: the raw table's and the mart's
    assert len(pages) == 2
    mart_page = next(p for p in pages if "marts.kpi_tier_2_daily" in p)
    assert "1.7" in mart_page
