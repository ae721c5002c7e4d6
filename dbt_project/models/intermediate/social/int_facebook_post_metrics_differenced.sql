-- One row per Facebook post and day: daily figures derived from LIFETIME snapshots (post
-- metrics per date, share counts per post version), plus comments counted from
-- social_comments (the connector has no per-post comment counts).

with

lifetime_metrics as (
    select * from {{ ref('stg_facebook_pages__post_lifetime_metrics') }}
),

post_versions as (
    select * from {{ ref('stg_facebook_pages__posts') }}
),

comments as (
    select * from {{ ref('stg_social_comments__comments') }}
),

metric_snapshots as (
    select
        post_id,
        metric_date,
        synced_at,
        -- Meta replaced impressions with views (post_media_view) in November 2025.
        coalesce(post_media_view, post_impressions) as impression_count,
        {{ sum_nullable([
            'post_reactions_like_total', 'post_reactions_love_total',
            'post_reactions_wow_total', 'post_reactions_haha_total',
            'post_reactions_sorry_total', 'post_reactions_anger_total',
        ]) }} as like_count,
        post_clicks as click_count,
        post_video_views as video_view_count
    from lifetime_metrics
),

share_snapshots as (
    select
        post_id,
        {{ local_date('version_synced_at') }} as metric_date,
        version_synced_at as synced_at,
        share_count
    from post_versions
),

{{ lifetime_to_daily(
    'metric_deltas', 'metric_snapshots', ['post_id'],
    ['impression_count', 'like_count', 'click_count', 'video_view_count'],
) }},

{{ lifetime_to_daily('share_deltas', 'share_snapshots', ['post_id'], ['share_count']) }},

daily_comments as (
    select
        post_id,
        {{ local_date('created_at') }} as metric_date,
        count(*) as comment_count
    from comments
    where platform = 'facebook'
    group by post_id, {{ local_date('created_at') }}
),

post_days as (
    select
        post_id,
        metric_date
    from metric_deltas
    union
    select
        post_id,
        metric_date
    from share_deltas
    union
    select
        post_id,
        metric_date
    from daily_comments
),

final as (
    select
        'facebook' as platform,
        post_days.post_id,
        post_days.metric_date,
        metric_deltas.impression_count,
        cast(null as {{ dbt.type_bigint() }}) as reach,
        metric_deltas.like_count,
        cast(coalesce(daily_comments.comment_count, 0) as {{ dbt.type_bigint() }})
            as comment_count,
        share_deltas.share_count,
        cast(null as {{ dbt.type_bigint() }}) as save_count,
        metric_deltas.click_count,
        metric_deltas.video_view_count,
        coalesce(metric_deltas.is_restated, false)
        or coalesce(share_deltas.is_restated, false) as is_restated,
        'lifetime_delta' as metric_basis
    from post_days
    left join metric_deltas
        on
            post_days.post_id = metric_deltas.post_id
            and post_days.metric_date = metric_deltas.metric_date
    left join share_deltas
        on
            post_days.post_id = share_deltas.post_id
            and post_days.metric_date = share_deltas.metric_date
    left join daily_comments
        on
            post_days.post_id = daily_comments.post_id
            and post_days.metric_date = daily_comments.metric_date
)

select * from final
