"""`make docs-gx`: GX Data Docs (HTML) built from the suites validated on a warehouse."""

from __future__ import annotations

import json
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


def test_a_suite_with_lookups_is_validated_with_them(
    landing: Path, load: Loader, warehouse: Path, tmp_path: Path
):
    # the tweet suite compares each tweet with its account's creation (a lookup into the
    # profiles table): on the whole table too, the lookup column is there and the tweet, a
    # month after the account was created, passes
    write(landing, "twitter_organic/twitter_user_history/u.csv",
          "id,screen_name,followers_count,created_at,_fivetran_synced\n"
          "u1,nava,100,2025-06-01T00:00:00Z,2026-01-02T00:00:00Z\n")
    write(landing, "twitter_organic/tweet/t.csv",
          "id,account_id,user_id,created_at,full_text,retweet_count,_fivetran_synced\n"
          "t1,a1,u1,2025-07-01T10:00:00Z,hello,1,2026-01-02T00:00:00Z\n")
    load([("twitter_organic", "twitter_user_history"), ("twitter_organic", "tweet")])
    out = tmp_path / "gx_docs"
    build_data_docs(warehouse, out)
    results = [json.loads(p.read_text(encoding="utf-8"))
               for p in out.rglob("uncommitted/validations/**/*.json")]
    (tweet,) = [r for r in results if r["meta"]["active_batch_definition"]["data_asset_name"]
                == "raw_twitter_organic.tweet"]
    lookup = [r for r in tweet["results"] if r["expectation_config"]["kwargs"].get("column_B")
              == "account_created_at"]
    assert len(lookup) == 1 and lookup[0]["success"] is True
    assert lookup[0]["result"]["element_count"] == 1
