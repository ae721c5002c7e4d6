-- One row per Instagram media and sync: LIFETIME (cumulative) insights as of that sync, in
-- the connector's per-media-type columns. Never sum these rows: daily figures are
-- differences of consecutive snapshots (int_instagram_post_metrics_differenced).
{%- set available = source_columns(source('instagram_business', 'media_insights')) %}

with

source as (
    select * from {{ source('instagram_business', 'media_insights') }}
),

renamed as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as media_id,

        -- strings
        'instagram' as platform,

        -- numerics
        {{ measure(available, 'like_count', dbt.type_bigint()) }} as like_count,
        {{ measure(available, 'comment_count', dbt.type_bigint()) }} as comment_count,
        {{ measure(available, 'video_photo_reach', dbt.type_bigint()) }}
            as video_photo_reach,
        {{ measure(available, 'video_photo_shares', dbt.type_bigint()) }}
            as video_photo_shares,
        {{ measure(available, 'video_photo_saved', dbt.type_bigint()) }}
            as video_photo_saved,
        {{ measure(available, 'video_photo_views', dbt.type_bigint()) }}
            as video_photo_views,
        {{ measure(available, 'reel_reach', dbt.type_bigint()) }} as reel_reach,
        {{ measure(available, 'reel_shares', dbt.type_bigint()) }} as reel_shares,
        {{ measure(available, 'reel_views', dbt.type_bigint()) }} as reel_views,
        {{ measure(available, 'reel_likes', dbt.type_bigint()) }} as reel_likes,
        {{ measure(available, 'reel_comments', dbt.type_bigint()) }} as reel_comments,
        {{ measure(available, 'carousel_album_reach', dbt.type_bigint()) }}
            as carousel_album_reach,
        {{ measure(available, 'carousel_album_shares', dbt.type_bigint()) }}
            as carousel_album_shares,
        {{ measure(available, 'carousel_album_saved', dbt.type_bigint()) }}
            as carousel_album_saved,
        {{ measure(available, 'carousel_album_views', dbt.type_bigint()) }}
            as carousel_album_views,
        {{ measure(available, 'story_reach', dbt.type_bigint()) }} as story_reach,
        {{ measure(available, 'story_views', dbt.type_bigint()) }} as story_views,
        {{ measure(available, 'story_shares', dbt.type_bigint()) }} as story_shares,
        {{ measure(available, 'story_replies', dbt.type_bigint()) }} as story_replies,

        -- booleans
        _fivetran_synced = max(_fivetran_synced) over (partition by id) as is_latest,

        -- timestamps
        {{ to_utc('_fivetran_synced') }} as synced_at,
        {{ loaded_at(available) }} as _loaded_at

    from source
)

select * from renamed
