"""A nulled measure through dbt: the snapshot with an impossible share count still gives that
day's impressions and likes, and the next day's share delta is measured from the last known
value (NULL is unknown, not zero). A hand-made LinkedIn page, three syncs of one post."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tests.conftest import build_everything, failure_message, write

ORG_ID = "2414183"
POST = "urn:li:ugcPost:7001"
DIFFERENCED = "intermediate.int_linkedin_post_metrics_differenced"


def _linkedin_page(landing: Path) -> None:
    write(landing, "social_accounts/accounts/accounts.csv",
          "platform,account_id,handle,display_name,brand,is_own,industry\n"
          f"linkedin,{ORG_ID},navacoffee,Nava Coffee,Nava,true,coffee_roastery\n")
    # LinkedIn's connector has no follower counts: they come from social_accounts/daily
    write(landing, "social_accounts/daily/linkedin.csv",
          "date,platform,account_id,followers,following,posts_published,mentions,"
          "profile_views\n"
          + "".join(f"2026-03-0{d},linkedin,{ORG_ID},{500 + d},0,0,0,3\n" for d in (1, 2, 3)))
    write(landing, "linkedin_pages/organization/organization.csv",
          f"id,localized_name,vanity_name\n{ORG_ID},Nava Coffee,navacoffee\n")
    write(landing, "linkedin_pages/ugc_post_history/posts.csv",
          "id,author,commentary,created_time,first_published_at,last_modified_time,"
          "lifecycle_state,_fivetran_synced\n"
          f"{POST},urn:li:organization:{ORG_ID},New roast,2026-02-28T08:00:00Z,"
          "2026-02-28T08:00:00Z,2026-02-28T08:00:00Z,PUBLISHED,2026-03-01T06:00:00Z\n")
    write(landing, "linkedin_pages/organization_ugc_post/links.csv",
          f"organization_id,ugc_post_id\n{ORG_ID},{POST}\n")
    # one statistic id for every sync here: a connector that mints a new one per sync is
    # the loader's key concern (test_source_grain) and staging's `is_latest`, not this test's
    write(landing, "linkedin_pages/ugc_post_share_statistic/links.csv",
          f"share_statistic_id,ugc_post_id\ns1,{POST}\n")
    header = ("_fivetran_id,_organization_entity_urn,_share_entity_urn,click_count,"
              "comment_count,engagement,impression_count,like_count,share_count,"
              "_fivetran_synced\n")
    org = f"urn:li:organization:{ORG_ID}"
    for day, impressions, likes, shares in (("01", 100, 5, "2"), ("02", 250, 9, "-4"),
                                            ("03", 300, 10, "3")):
        write(landing, f"linkedin_pages/share_statistic/sync_2026_03_{day}.csv", header
              + f"s1,{org},{POST},1,0,0.02,{impressions},{likes},{shares},"
                f"2026-03-{day}T06:00:00Z\n")


def test_a_nulled_share_count_leaves_the_days_other_figures_and_no_false_delta(
    tmp_path: Path,
):
    landing, warehouse = tmp_path / "landing", tmp_path / "warehouse.duckdb"
    _linkedin_page(landing)
    result = build_everything(landing, warehouse)
    assert result.success, failure_message(result)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select action, original_value from raw_meta.quarantine").fetchall(
        ) == [("value_nulled", "-4")]
        rows = con.execute(
            f"select metric_date::varchar, impression_count, like_count, share_count "
            f"from {DIFFERENCED} where post_id = ? order by metric_date",
            [POST.rsplit(":", 1)[-1]]).fetchall()
    # by hand: day 1 counts in full; day 2 from its own snapshot (250 - 100, 9 - 5) with no
    # share figure; day 3's shares are 3 - 2 (the last known value), never 3 - 0 or 3 - (-4)
    assert rows == [("2026-03-01", 100, 5, 2), ("2026-03-02", 150, 4, None),
                    ("2026-03-03", 50, 1, 1)]
