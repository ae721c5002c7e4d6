-- One row per YouTube video and day: the DAILY channel_basic_a2 report as it is. A video
-- that has no report rows at all falls back to its LIFETIME statistics, counted in full on
-- its business-local publication date (a first snapshot: its full value).

with

video_reports as (
    select * from {{ ref('stg_youtube_analytics__video_daily_reports') }}
),

videos as (
    select * from {{ ref('stg_youtube_analytics__videos') }}
),

daily_reports as (
    select
        video_id as post_id,
        metric_date,
        cast(sum(view_count) as {{ dbt.type_bigint() }}) as video_view_count,
        cast(sum(like_count) as {{ dbt.type_bigint() }}) as like_count,
        cast(sum(comment_count) as {{ dbt.type_bigint() }}) as comment_count,
        cast(sum(share_count) as {{ dbt.type_bigint() }}) as share_count,
        'daily_report' as metric_basis
    from video_reports
    group by video_id, metric_date
),

lifetime_fallback as (
    select
        videos.video_id as post_id,
        {{ local_date('videos.published_at') }} as metric_date,
        videos.lifetime_view_count as video_view_count,
        videos.lifetime_like_count as like_count,
        videos.lifetime_comment_count as comment_count,
        cast(null as {{ dbt.type_bigint() }}) as share_count,
        'lifetime_delta' as metric_basis
    from videos
    left join daily_reports
        on videos.video_id = daily_reports.post_id
    where daily_reports.post_id is null
),

video_days as (
    select * from daily_reports
    union all
    select * from lifetime_fallback
),

final as (
    select
        'youtube' as platform,
        post_id,
        metric_date,
        cast(null as {{ dbt.type_bigint() }}) as impression_count,
        cast(null as {{ dbt.type_bigint() }}) as reach,
        like_count,
        comment_count,
        share_count,
        cast(null as {{ dbt.type_bigint() }}) as save_count,
        cast(null as {{ dbt.type_bigint() }}) as click_count,
        video_view_count,
        false as is_restated,
        metric_basis
    from video_days
)

select * from final
