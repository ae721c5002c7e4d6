-- Tier-1 likes, reactions and comments over the whole period, per own account and on the
-- `all` rows, equal the sum of the post-level daily figures of own accounts
-- (int_post_daily_metrics_unioned.is_own; metrics of posts missing from the posts tables
-- included, on the account they resolve to or `(unmatched)`): no post day lost to the date
-- spine or the account join, none counted twice, restated negative deltas included.
-- Returns the accounts that disagree.
{{ config(severity='error') }}


with

post_days as (
    select * from {{ ref('int_post_daily_metrics_unioned') }}
),

mart as (
    select * from {{ ref('kpi_tier_1_daily') }}
),

own_post_days as (
    select
        platform,
        account_id,
        like_count,
        reaction_count,
        comment_count
    from post_days
    where is_own
),

expected as (
    select
        platform,
        account_id,
        sum(like_count) as likes,
        sum(reaction_count) as reactions,
        sum(comment_count) as comments
    from own_post_days
    group by platform, account_id
    union all
    select
        'all' as platform,
        'all' as account_id,
        sum(like_count) as likes,
        sum(reaction_count) as reactions,
        sum(comment_count) as comments
    from own_post_days
),

actual as (
    select
        platform,
        account_id,
        sum(likes) as likes,
        sum(reactions) as reactions,
        sum(comments) as comments
    from mart
    group by platform, account_id
)

select
    coalesce(expected.platform, actual.platform) as platform,
    coalesce(expected.account_id, actual.account_id) as account_id,
    expected.likes as expected_likes,
    actual.likes as actual_likes,
    expected.reactions as expected_reactions,
    actual.reactions as actual_reactions,
    expected.comments as expected_comments,
    actual.comments as actual_comments
from expected
full outer join actual
    on
        expected.platform = actual.platform
        and expected.account_id = actual.account_id
where
    coalesce(expected.likes, 0) != coalesce(actual.likes, 0)
    or coalesce(expected.reactions, 0) != coalesce(actual.reactions, 0)
    or coalesce(expected.comments, 0) != coalesce(actual.comments, 0)
