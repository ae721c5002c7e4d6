"""One bad file never fails its raw asset: the file writes nothing, the table keeps its good
rows, the asset materialises, and an asset check says what was wrong (ERROR for a rejected
file, WARN for quarantined rows and nulled values)."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from orchestration.defs.ingest.assets import FILES_CHECK, ROWS_CHECK, raw_key
from orchestration.defs.ingest.contracts import TABLES_BY_KEY
from tests.conftest import materialized, write

ORG_POSTS = ("linkedin_pages", "organization_ugc_post")
BAD_FILE = "linkedin_pages/organization_ugc_post/export_2026_03_02.csv"


def _check(result: dg.ExecuteInProcessResult, table: tuple[str, str], name: str):
    key = dg.AssetCheckKey(raw_key(TABLES_BY_KEY[table]), name)
    found = [c for c in result.get_asset_check_evaluations() if c.asset_check_key == key]
    assert len(found) == 1, f"{key} evaluated {len(found)} times"
    return found[0]


def test_a_misspelled_required_column_fails_a_check_not_the_asset(landing: Path, load, query):
    write(landing, "linkedin_pages/organization_ugc_post/export_2026_03_01.csv",
          "organization_id,ugc_post_id\n2414183,urn:li:ugcPost:7001\n")
    write(landing, BAD_FILE, "organiation_id,ugc_post_id\n2414183,urn:li:ugcPost:7002\n")
    write(landing, "linkedin_pages/organization/o.csv",
          "id,localized_name,vanity_name\n2414183,Nava Coffee,navacoffee\n")
    result = load([ORG_POSTS, ("linkedin_pages", "organization")])

    assert result.success
    assert materialized(result, ORG_POSTS)["files_rejected"] == 1
    assert query("select ugc_post_id from raw_linkedin_pages.organization_ugc_post") == [
        ("urn:li:ugcPost:7001",)]

    check = _check(result, ORG_POSTS, FILES_CHECK)
    assert not check.passed
    assert check.severity == dg.AssetCheckSeverity.ERROR
    (rejected,) = check.metadata["rejected_files"].value
    assert rejected == {
        "file": BAD_FILE,
        "table": "raw_linkedin_pages.organization_ugc_post",
        "column": "organization_id",
        "reason": rejected["reason"],
    }
    assert "missing from the file's header" in rejected["reason"]
    assert BAD_FILE in check.description and "organization_id" in check.description
    assert "raw_linkedin_pages.organization_ugc_post" in check.description
    # the audit keeps the rejection structured
    assert query("select status, rejected_column from raw_meta.load_audit "
                 f"where source_file = '{BAD_FILE}'") == [("rejected", "organization_id")]

    # the other table of the same source passes both checks
    assert _check(result, ("linkedin_pages", "organization"), FILES_CHECK).passed
    assert _check(result, ("linkedin_pages", "organization"), ROWS_CHECK).passed

    # the next run tries the file again and says the same
    again = load([ORG_POSTS])
    assert again.success and not _check(again, ORG_POSTS, FILES_CHECK).passed


def test_quarantined_rows_and_nulled_values_warn_with_counts_and_reasons(
    landing: Path, load
):
    write(landing, "blog/subscribers_daily/s.csv",
          "date,blog_or_list,subscribers_total,subscribed,unsubscribed\n"
          "2026-01-01,newsletter,50,-2,1\n"
          "2026-01-02,newsletter,51,-1,0\n"
          "2026-01-03,,52,1,0\n"
          "2026-01-04,newsletter,53,1,0\n")
    result = load([("blog", "subscribers_daily")])
    assert result.success
    check = _check(result, ("blog", "subscribers_daily"), ROWS_CHECK)
    assert not check.passed
    assert check.severity == dg.AssetCheckSeverity.WARN
    meta = {k: v.value for k, v in check.metadata.items()}
    assert (meta["rows_quarantined"], meta["values_nulled"]) == (1, 2)
    assert meta["top_reasons"][0] == {
        "action": "value_nulled", "column": "subscribed", "rule": "non_negative", "count": 2,
        "example": "blog/subscribers_daily/s.csv row 1: subscribed: '-2' is negative"}
    assert meta["top_reasons"][1]["action"] == "row_quarantined"
    assert meta["top_reasons"][1]["column"] == "blog_or_list"
    assert "2 value(s) nulled" in check.description and "1 row(s) quarantined" in (
        check.description)
    assert _check(result, ("blog", "subscribers_daily"), FILES_CHECK).passed
