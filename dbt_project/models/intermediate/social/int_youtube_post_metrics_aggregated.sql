-- One row per YouTube video and day: the DAILY channel_basic_a2 report, whose rows (one per
-- country, live/on-demand playback and subscribed status, latest sync) are summed per video
-- and day. Rows without a video belong to the channel (its own subscriber gains and
-- losses: int_account_daily_metrics_unioned), never to a post. A video that has no report
-- row at all falls back to its LIFETIME statistics, counted in full on its business-local
-- publication date (a first snapshot: its full value). Reactions are the likes. The account
-- is the report's channel, which keeps the figures of a video missing from the videos table
-- on its channel.

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
        max(channel_id) as source_account_id,
        metric_date,
        cast(sum(view_count) as {{ dbt.type_bigint() }}) as video_view_count,
        cast(sum(like_count) as {{ dbt.type_bigint() }}) as like_count,
        cast(sum(comment_count) as {{ dbt.type_bigint() }}) as comment_count,
        cast(sum(share_count) as {{ dbt.type_bigint() }}) as share_count,
        'daily_report' as metric_basis
    from video_reports
    where is_latest and video_id is not null
    group by video_id, metric_date
),

lifetime_fallback as (
    select
        videos.video_id as post_id,
        videos.channel_id as source_account_id,
        {{ local_date('videos.published_at') }} as metric_date,
        videos.lifetime_view_count as video_view_count,
        videos.lifetime_like_count as like_count,
        videos.lifetime_comment_count as comment_count,
        cast(null as {{ dbt.type_bigint() }}) as share_count,
        'lifetime_delta' as metric_basis
    from videos
    where not exists (
        select 1
        from daily_reports
        where daily_reports.post_id = videos.video_id
    )
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
        source_account_id,
        metric_date,
        cast(null as {{ dbt.type_bigint() }}) as impression_count,
        cast(null as {{ dbt.type_bigint() }}) as reach,
        like_count,
        like_count as reaction_count,
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
