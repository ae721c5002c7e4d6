"""Social models against the landing files: every expected figure is computed here from the
JSON-lines and CSV files with the standard library, never read back from the warehouse."""

from __future__ import annotations

import itertools
from collections import defaultdict

from tests.landing_files import csv_rows, latest
from tests.landing_files import jsonl_rows as rows

POST_METRICS = "intermediate.int_post_daily_metrics_unioned"
ACCOUNT_DAYS = "intermediate.int_account_daily_metrics_unioned"
REACTIONS = ("like", "love", "wow", "haha", "sorry", "anger")


def summed(con, platform: str, metric: str) -> dict[str, int | None]:
    """Sum of a daily metric per post of a platform, from the model under test."""
    return dict(con.execute(
        f"select post_id, sum({metric}) from {POST_METRICS} where platform = ? group by post_id",
        [platform],
    ).fetchall())


def linkedin_numeric(urn: str) -> str:
    return urn.rsplit(":", 1)[-1]


def test_facebook_daily_deltas_sum_to_latest_lifetime_values(pipeline):
    landing, con, truth, _ = pipeline
    metrics = latest(rows(landing, "facebook_pages", "lifetime_post_metrics_total"), "post_id",
                     ("date", "_fivetran_synced"))
    likes = {p: r["post_reactions_like_total"] for p, r in metrics.items()}
    reactions = {p: sum(r[f"post_reactions_{k}_total"] for k in REACTIONS)
                 for p, r in metrics.items()}
    clicks = {p: r["post_clicks"] for p, r in metrics.items()}
    views = {p: r["post_media_view"] if r["post_media_view"] is not None
             else r["post_impressions"] for p, r in metrics.items()}
    shares = {p: r["share_count"]
              for p, r in latest(rows(landing, "facebook_pages", "post_history"), "id").items()}
    comments: dict[str, int] = defaultdict(int)
    for c in rows(landing, "social_comments", "comments"):
        if c["platform"] == "facebook":
            comments[c["post_id"]] += 1

    assert summed(con, "facebook", "like_count") == likes
    assert summed(con, "facebook", "reaction_count") == reactions
    assert summed(con, "facebook", "click_count") == clicks
    assert summed(con, "facebook", "impression_count") == views
    assert summed(con, "facebook", "share_count") == shares
    assert {p: v for p, v in summed(con, "facebook", "comment_count").items() if v} == comments
    engagement = truth["headline"]["engagement"]["facebook"]
    # Likes are the 'like' reaction, as the headline counts them; reactions all six types.
    assert sum(likes.values()) == engagement["likes"]
    assert sum(reactions.values()) > sum(likes.values())
    assert sum(shares.values()) == engagement["shares"]
    assert sum(comments.values()) == engagement["comments"]


def test_instagram_daily_deltas_sum_to_latest_lifetime_values(pipeline):
    landing, con, truth, _ = pipeline
    insights = latest(rows(landing, "instagram_business", "media_insights"), "id")
    families = ("video_photo", "reel", "carousel_album", "story")

    def family_sum(r: dict, metric: str) -> int | None:
        values = [r.get(f"{f}_{metric}") for f in families]
        return None if all(v is None for v in values) else sum(v or 0 for v in values)

    expected = {
        "like_count": {m: r["like_count"] for m, r in insights.items()},
        "comment_count": {m: r["comment_count"] for m, r in insights.items()},
        "share_count": {m: family_sum(r, "shares") for m, r in insights.items()},
        "reach": {m: family_sum(r, "reach") for m, r in insights.items()},
        "impression_count": {m: family_sum(r, "views") for m, r in insights.items()},
    }
    for metric, per_media in expected.items():
        assert summed(con, "instagram", metric) == per_media, metric
    engagement = truth["headline"]["engagement"]["instagram"]
    assert sum(v or 0 for v in expected["like_count"].values()) == engagement["likes"]
    assert sum(v or 0 for v in expected["comment_count"].values()) == engagement["comments"]
    assert sum(v or 0 for v in expected["share_count"].values()) == engagement["shares"]


def test_linkedin_daily_deltas_sum_to_latest_lifetime_values(pipeline):
    landing, con, truth, _ = pipeline
    # A share's versions are keyed by the share (its URN, else the post the link table names),
    # never by the connector's row id.
    links = {r["share_statistic_id"]: r["ugc_post_id"]
             for r in rows(landing, "linkedin_pages", "ugc_post_share_statistic")}
    by_post = latest([{**r, "post": linkedin_numeric(r["_share_entity_urn"]
                                                      or links[r["_fivetran_id"]])}
                      for r in rows(landing, "linkedin_pages", "share_statistic")], "post")
    for metric, column in (("like_count", "like_count"), ("comment_count", "comment_count"),
                           ("share_count", "share_count"), ("click_count", "click_count"),
                           ("impression_count", "impression_count")):
        assert summed(con, "linkedin", metric) == {p: r[column] for p, r in by_post.items()}, metric
    engagement = truth["headline"]["engagement"]["linkedin"]
    assert sum(r["like_count"] for r in by_post.values()) == engagement["likes"]


def test_x_and_youtube_daily_reports_are_taken_as_they_are(pipeline):
    landing, con, truth, _ = pipeline
    reports = rows(landing, "twitter_organic", "organic_tweet_report")
    likes: dict[str, int] = defaultdict(int)
    retweets: dict[str, int] = defaultdict(int)
    for r in reports:  # one sync per tweet, date and placement in the sample: sum them all
        likes[r["organic_tweet_id"]] += r["likes"]
        retweets[r["organic_tweet_id"]] += r["retweets"]
    assert summed(con, "x", "like_count") == likes
    assert summed(con, "x", "share_count") == retweets
    favourites = {t: r["favorite_count"]
                  for t, r in latest(rows(landing, "twitter_organic", "tweet"), "id").items()}
    assert likes == favourites

    videos = {r["id"]: r for r in rows(landing, "youtube_analytics", "video")}
    assert summed(con, "youtube", "like_count") == {
        v: r["statistics_like_count"] for v, r in videos.items()}
    assert summed(con, "youtube", "video_view_count") == {
        v: r["statistics_view_count"] for v, r in videos.items()}
    assert sum(likes.values()) == truth["headline"]["engagement"]["x"]["likes"]


def test_the_restated_snapshot_is_the_only_flagged_row(pipeline):
    landing, con, truth, _ = pipeline
    restated = truth["restated_snapshot"]
    flagged = con.execute(
        f"select platform, post_id, cast(metric_date as varchar), like_count "
        f"from {POST_METRICS} where is_restated"
    ).fetchall()
    assert flagged == [(restated["platform"], restated["id"], restated["restated_on"],
                        restated["value_after"] - restated["value_before"])]
    # The lifetime value the deltas add up to is the corrected one.
    assert summed(con, "instagram", "like_count")[restated["id"]] == restated["final_value"]
    # Independently of the ground truth: the only lowered lifetime like_count in the files.
    snapshots: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for r in rows(landing, "instagram_business", "media_insights"):
        if r["like_count"] is not None:
            snapshots[r["id"]].append((r["_fivetran_synced"], r["like_count"]))
    lowered = [m for m, s in snapshots.items()
               if any(b[1] < a[1] for a, b in itertools.pairwise(sorted(s)))]
    assert lowered == [restated["id"]]


def test_followers_at_end_per_own_platform(pipeline):
    landing, con, truth, _ = pipeline
    own = {r["platform"]: r["account_id"] for r in csv_rows(landing, "social_accounts", "accounts")
           if r["is_own"] == "true"}
    daily = csv_rows(landing, "social_accounts", "daily")
    last_day = max(r["date"] for r in daily)
    expected = {
        "facebook": max(rows(landing, "facebook_pages", "daily_page_metrics_total"),
                        key=lambda r: (r["date"], r["_fivetran_synced"]))["page_fans"],
        "instagram": max(rows(landing, "instagram_business", "user_history"),
                         key=lambda r: r["_fivetran_synced"])["followers_count"],
        "x": max(rows(landing, "twitter_organic", "twitter_user_history"),
                 key=lambda r: r["_fivetran_synced"])["followers_count"],
    }
    for platform in ("linkedin", "youtube"):
        expected[platform] = next(int(r["followers"]) for r in daily if r["date"] == last_day
                                  and r["platform"] == platform
                                  and r["account_id"] == own[platform])
    actual = dict(con.execute(
        f"select platform, follower_count from {ACCOUNT_DAYS} "
        f"where is_own and metric_date = cast(? as date)", [last_day],
    ).fetchall())
    assert actual == expected
    assert actual == {p: f["followers_at_end"] for p, f in truth["headline"]["followers"].items()}


def test_reported_gains_and_losses_match_the_files(pipeline):
    landing, con, truth, _ = pipeline
    page_days = rows(landing, "facebook_pages", "daily_page_metrics_total")
    reports = rows(landing, "youtube_analytics", "channel_basic_a_2")
    expected = {
        "facebook": (sum(r["page_fan_adds"] for r in page_days),
                     sum(r["page_fan_removes"] for r in page_days)),
        "youtube": (sum(r["subscribers_gained"] for r in reports),
                    sum(r["subscribers_lost"] for r in reports)),
    }
    actual = {p: (g, lost) for p, g, lost in con.execute(
        f"select platform, sum(followers_gained), sum(followers_lost) from {ACCOUNT_DAYS} "
        f"where is_own and has_reported_gains group by platform"
    ).fetchall()}
    assert actual == expected
    followers = truth["headline"]["followers"]
    assert actual == {p: (followers[p]["gained"], followers[p]["lost"]) for p in expected}
    # Platforms without reported gains: NULL gains, and the net change adds up to the
    # change in followers over the period.
    for platform in ("instagram", "x", "linkedin"):
        gained, net = con.execute(
            f"select count(followers_gained), sum(net_follower_change) from {ACCOUNT_DAYS} "
            f"where is_own and platform = ?", [platform],
        ).fetchone()
        assert gained == 0
        assert net == followers[platform]["net_change"]


def test_listening_brands_are_normalised(pipeline):
    _, con, truth, _ = pipeline
    counts = dict(con.execute(
        "select brand, count(*) from staging.stg_listening__mentions group by brand"
    ).fetchall())
    assert counts == truth["headline"]["listening"]["mentions_by_brand"]["value"]
