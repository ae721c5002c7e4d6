-- One row per YouTube channel, video and date (report channel_basic_a2): DAILY views,
-- likes, comments, shares, subscribers gained and lost through the video, watch time.
{%- set available = source_columns(source('youtube_analytics', 'channel_basic_a_2')) %}

with

source as (
    select * from {{ source('youtube_analytics', 'channel_basic_a_2') }}
),

renamed as (
    select
        -- ids
        cast(channel_id as {{ dbt.type_string() }}) as channel_id,
        cast(video_id as {{ dbt.type_string() }}) as video_id,

        -- strings
        'youtube' as platform,

        -- numerics
        {{ measure(available, 'views', dbt.type_bigint()) }} as view_count,
        {{ measure(available, 'likes', dbt.type_bigint()) }} as like_count,
        {{ measure(available, 'dislikes', dbt.type_bigint()) }} as dislike_count,
        {{ measure(available, 'comments', dbt.type_bigint()) }} as comment_count,
        {{ measure(available, 'shares', dbt.type_bigint()) }} as share_count,
        {{ measure(available, 'subscribers_gained', dbt.type_bigint()) }}
            as subscribers_gained,
        {{ measure(available, 'subscribers_lost', dbt.type_bigint()) }} as subscribers_lost,
        {{ measure(available, 'watch_time_minutes', dbt.type_numeric()) }}
            as watch_time_minutes,
        {{ measure(available, 'average_view_duration_seconds', dbt.type_numeric()) }}
            as average_view_duration_seconds,

        -- dates
        cast(date as date) as metric_date

    from source
)

select * from renamed
