-- YouTube channel_basic_a2 rows without a video belong to the channel: their subscribers
-- gained and lost count for the account (int_account_daily_metrics_unioned), but they are
-- no post, so views, likes, comments and shares on them reach no post figure. The connector
-- has only been seen to put subscriber changes there; this returns the channel rows that
-- carry any other figure, so such figures are reported, not silently left out.
{{ config(severity='warn') }}

select
    channel_id,
    metric_date,
    country_code,
    live_or_on_demand,
    subscribed_status,
    view_count,
    like_count,
    comment_count,
    share_count
from {{ ref('stg_youtube_analytics__video_daily_reports') }}
where
    is_latest
    and video_id is null
    and (
        coalesce(view_count, 0) <> 0
        or coalesce(like_count, 0) <> 0
        or coalesce(comment_count, 0) <> 0
        or coalesce(share_count, 0) <> 0
    )
