-- One row per row of the YouTube channel_basic_a2 report, at the report's real grain:
-- channel x video x date x country x live/on-demand x subscribed status. DAILY views, likes,
-- comments, shares, subscribers gained and lost, watch time. Several rows per video and day
-- are normal (they add up); a row without a video (empty video_id, read as NULL) belongs to
-- the channel (it carries the subscribers gained and lost on the channel itself). Older raw
-- tables without the breakdown columns still build (NULL there). A row re-synced with a new
-- `_fivetran_id` appears once per sync; `is_latest` marks the newest sync of each grain.
{%- set available = source_columns(source('youtube_analytics', 'channel_basic_a_2')) %}

with

source as (
    select * from {{ source('youtube_analytics', 'channel_basic_a_2') }}
),

renamed as (
    select
        -- ids
        cast(channel_id as {{ dbt.type_string() }}) as channel_id,
        nullif(trim(cast(video_id as {{ dbt.type_string() }})), '') as video_id,
        {{ column_or_null(available, '_fivetran_id', dbt.type_string()) }} as report_row_id,

        -- strings
        'youtube' as platform,
        upper(trim({{ column_or_null(available, 'country_code', dbt.type_string()) }}))
            as country_code,
        lower(trim({{ column_or_null(available, 'live_or_on_demand', dbt.type_string()) }}))
            as live_or_on_demand,
        lower(trim({{ column_or_null(available, 'subscribed_status', dbt.type_string()) }}))
            as subscribed_status,

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
        cast(date as date) as metric_date,

        -- timestamps
        {{ to_utc(column_or_null(available, '_fivetran_synced', dbt.type_timestamp())) }}
            as synced_at

    from source
),

versioned as (
    select
        renamed.*,
        row_number() over (
            partition by
                renamed.channel_id,
                renamed.video_id,
                renamed.metric_date,
                renamed.country_code,
                renamed.live_or_on_demand,
                renamed.subscribed_status
            order by renamed.synced_at desc
        ) = 1 as is_latest
    from renamed
)

select * from versioned
