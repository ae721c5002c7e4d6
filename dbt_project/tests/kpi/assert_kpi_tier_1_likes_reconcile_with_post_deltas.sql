-- Tier-1 likes and comments over the whole period, per own platform and on the `all` rows,
-- equal the sum of the post-level daily figures of own posts (int_post_daily_metrics_unioned,
-- own posts by int_posts_unioned.is_own): no post day lost to the date spine or the
-- account join, none counted twice, restated negative deltas included. Returns the
-- platforms that disagree.

with

post_days as (
    select * from {{ ref('int_post_daily_metrics_unioned') }}
),

posts as (
    select * from {{ ref('int_posts_unioned') }}
),

mart as (
    select * from {{ ref('kpi_tier_1_daily') }}
),

own_post_days as (
    select
        post_days.platform,
        post_days.like_count,
        post_days.comment_count
    from post_days
    inner join posts
        on
            post_days.platform = posts.platform
            and post_days.post_id = posts.post_id
    where posts.is_own
),

expected as (
    select
        platform,
        sum(like_count) as likes,
        sum(comment_count) as comments
    from own_post_days
    group by platform
    union all
    select
        'all' as platform,
        sum(like_count) as likes,
        sum(comment_count) as comments
    from own_post_days
),

actual as (
    select
        platform,
        sum(likes) as likes,
        sum(comments) as comments
    from mart
    group by platform
)

select
    coalesce(expected.platform, actual.platform) as platform,
    expected.likes as expected_likes,
    actual.likes as actual_likes,
    expected.comments as expected_comments,
    actual.comments as actual_comments
from expected
full outer join actual
    on expected.platform = actual.platform
where
    coalesce(expected.likes, 0) != coalesce(actual.likes, 0)
    or coalesce(expected.comments, 0) != coalesce(actual.comments, 0)
