-- One row per YouTube video: title, publication and LIFETIME statistics (views, likes,
-- comments) as of the last sync. The connector keeps no versions of this table.
{%- set available = source_columns(source('youtube_analytics', 'video')) %}

with

source as (
    select * from {{ source('youtube_analytics', 'video') }}
),

renamed as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as video_id,
        cast(snippet_channel_id as {{ dbt.type_string() }}) as channel_id,

        -- strings
        'youtube' as platform,
        {{ normalize_text(column_or_null(available, 'snippet_title', dbt.type_string())) }}
            as video_title,
        upper(trim({{ column_or_null(available, 'content_details_duration',
                                     dbt.type_string()) }})) as duration_iso8601,

        -- numerics
        {{ measure(available, 'statistics_view_count', dbt.type_bigint()) }}
            as lifetime_view_count,
        {{ measure(available, 'statistics_like_count', dbt.type_bigint()) }}
            as lifetime_like_count,
        {{ measure(available, 'statistics_comment_count', dbt.type_bigint()) }}
            as lifetime_comment_count,

        -- timestamps
        {{ to_utc('snippet_published_at') }} as published_at

    from source
)

select * from renamed
