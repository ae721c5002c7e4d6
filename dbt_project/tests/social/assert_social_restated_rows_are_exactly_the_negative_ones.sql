-- A post-day is flagged `is_restated` exactly when one of its figures is negative (a
-- lifetime value went down): no negative figure passes unflagged, no flag without one.
{{ config(severity='warn') }}


with

post_days as (
    select * from {{ ref('int_post_daily_metrics_unioned') }}
),

checked as (
    select
        platform,
        post_id,
        metric_date,
        is_restated,
        coalesce(
            impression_count < 0 or reach < 0 or like_count < 0 or comment_count < 0
            or share_count < 0 or save_count < 0 or click_count < 0 or video_view_count < 0,
            false
        ) as has_negative_figure
    from post_days
)

select * from checked
where is_restated <> has_negative_figure
