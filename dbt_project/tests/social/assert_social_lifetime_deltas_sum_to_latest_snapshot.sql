-- Golden reconciliation: for every post of a lifetime source, the daily deltas sum to the
-- post's latest lifetime value (the snapshot with the greatest sync), metric by metric.
-- Returns the posts and metrics that disagree.

with

post_days as (
    select * from {{ ref('int_post_daily_metrics_unioned') }}
),

instagram_insights as (
    select * from {{ ref('stg_instagram_business__media_insights') }}
),

linkedin_statistics as (
    select * from {{ ref('stg_linkedin_pages__share_statistics') }}
),

facebook_metrics as (
    select * from {{ ref('stg_facebook_pages__post_lifetime_metrics') }}
),

facebook_latest as (
    select
        post_id,
        post_reactions_like_total + post_reactions_love_total + post_reactions_wow_total
        + post_reactions_haha_total + post_reactions_sorry_total
        + post_reactions_anger_total as reactions,
        post_clicks
    from (
        select
            facebook_metrics.*,
            row_number() over (
                partition by facebook_metrics.post_id
                order by facebook_metrics.metric_date desc, facebook_metrics.synced_at desc
            ) as snapshot_rank
        from facebook_metrics
    ) as ranked
    where snapshot_rank = 1
),

expected as (
    select
        'instagram' as platform,
        media_id as post_id,
        'like_count' as metric_name,
        like_count as lifetime_value
    from instagram_insights
    where is_latest and like_count is not null
    union all
    select
        'instagram' as platform,
        media_id as post_id,
        'comment_count' as metric_name,
        comment_count as lifetime_value
    from instagram_insights
    where is_latest and comment_count is not null
    union all
    select
        'linkedin' as platform,
        post_id,
        'like_count' as metric_name,
        like_count as lifetime_value
    from linkedin_statistics
    where is_latest
    union all
    select
        'linkedin' as platform,
        post_id,
        'impression_count' as metric_name,
        impression_count as lifetime_value
    from linkedin_statistics
    where is_latest
    union all
    select
        'facebook' as platform,
        post_id,
        'like_count' as metric_name,
        reactions as lifetime_value
    from facebook_latest
    union all
    select
        'facebook' as platform,
        post_id,
        'click_count' as metric_name,
        post_clicks as lifetime_value
    from facebook_latest
),

actual as (
    select
        platform,
        post_id,
        'like_count' as metric_name,
        sum(like_count) as summed_value
    from post_days
    group by platform, post_id
    union all
    select
        platform,
        post_id,
        'comment_count' as metric_name,
        sum(comment_count) as summed_value
    from post_days
    group by platform, post_id
    union all
    select
        platform,
        post_id,
        'impression_count' as metric_name,
        sum(impression_count) as summed_value
    from post_days
    group by platform, post_id
    union all
    select
        platform,
        post_id,
        'click_count' as metric_name,
        sum(click_count) as summed_value
    from post_days
    group by platform, post_id
),

compared as (
    select
        expected.platform,
        expected.post_id,
        expected.metric_name,
        expected.lifetime_value,
        actual.summed_value
    from expected
    left join actual
        on
            expected.platform = actual.platform
            and expected.post_id = actual.post_id
            and expected.metric_name = actual.metric_name
)

select * from compared
where summed_value is null or summed_value <> lifetime_value
