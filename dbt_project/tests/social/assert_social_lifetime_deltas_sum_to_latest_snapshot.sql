-- Golden reconciliation: for every post of a lifetime source, the daily deltas sum to the
-- post's latest known lifetime value, metric by metric: the value of the last snapshot that
-- has one (several syncs on one business-local date: the last of the date; a snapshot with
-- the metric NULL, e.g. a Facebook reaction total with one of the six types missing, is
-- unknown, not 0). Snapshots are keyed by the post (LinkedIn: the share URN, never the
-- connector's row id). Returns the posts and metrics that disagree.
{{ config(severity='error') }}


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

linkedin_post_statistics as (
    select * from {{ ref('stg_linkedin_pages__post_share_statistics') }}
),

facebook_metrics as (
    select * from {{ ref('stg_facebook_pages__post_lifetime_metrics') }}
),

snapshot_values as (
    select
        'facebook' as platform,
        post_id,
        metric_date,
        synced_at,
        post_reactions_like_total as like_count,
        post_reactions_like_total + post_reactions_love_total + post_reactions_wow_total
        + post_reactions_haha_total + post_reactions_sorry_total
        + post_reactions_anger_total as reaction_count,
        cast(null as {{ dbt.type_bigint() }}) as comment_count,
        coalesce(post_media_view, post_impressions) as impression_count,
        post_clicks as click_count
    from facebook_metrics
    union all
    select
        'instagram' as platform,
        media_id as post_id,
        {{ local_date('synced_at') }} as metric_date,
        synced_at,
        coalesce(like_count, reel_likes) as like_count,
        coalesce(like_count, reel_likes) as reaction_count,
        coalesce(comment_count, reel_comments) as comment_count,
        cast(null as {{ dbt.type_bigint() }}) as impression_count,
        cast(null as {{ dbt.type_bigint() }}) as click_count
    from instagram_insights
    union all
    select
        'linkedin' as platform,
        coalesce(
            linkedin_statistics.post_id,
            linkedin_post_statistics.post_id,
            linkedin_statistics.share_statistic_id
        ) as post_id,
        {{ local_date('linkedin_statistics.synced_at') }} as metric_date,
        linkedin_statistics.synced_at,
        linkedin_statistics.like_count,
        linkedin_statistics.like_count as reaction_count,
        linkedin_statistics.comment_count,
        linkedin_statistics.impression_count,
        linkedin_statistics.click_count
    from linkedin_statistics
    left join linkedin_post_statistics
        on linkedin_statistics.share_statistic_id = linkedin_post_statistics.share_statistic_id
),

last_of_day as (
    select *
    from (
        select
            snapshot_values.*,
            row_number() over (
                partition by platform, post_id, metric_date
                order by synced_at desc
            ) as day_rank
        from snapshot_values
    ) as ranked
    where day_rank = 1
),

{%- set metrics = ['like_count', 'reaction_count', 'comment_count', 'impression_count',
                   'click_count'] %}

long_values as (
    {%- for metric in metrics %}
    select
        platform,
        post_id,
        metric_date,
        '{{ metric }}' as metric_name,
        {{ metric }} as lifetime_value
    from last_of_day
    where {{ metric }} is not null
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

expected as (
    select
        platform,
        post_id,
        metric_name,
        lifetime_value
    from (
        select
            long_values.*,
            row_number() over (
                partition by platform, post_id, metric_name
                order by metric_date desc
            ) as recency_rank
        from long_values
    ) as ranked
    where recency_rank = 1
),

actual as (
    {%- for metric in metrics %}
    select
        platform,
        post_id,
        '{{ metric }}' as metric_name,
        sum({{ metric }}) as summed_value
    from post_days
    group by platform, post_id
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
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
