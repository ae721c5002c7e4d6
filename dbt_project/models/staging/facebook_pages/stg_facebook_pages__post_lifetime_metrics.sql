-- One row per Facebook post, date and sync: LIFETIME (cumulative) post metrics as of that
-- date. Never sum these rows: daily figures are differences of consecutive snapshots
-- (int_facebook_post_metrics_differenced).
{%- set available = source_columns(source('facebook_pages', 'lifetime_post_metrics_total')) %}

with

source as (
    select * from {{ source('facebook_pages', 'lifetime_post_metrics_total') }}
),

renamed as (
    select
        -- ids
        cast(post_id as {{ dbt.type_string() }}) as post_id,

        -- strings
        'facebook' as platform,

        -- numerics
        {{ measure(available, 'post_impressions', dbt.type_bigint()) }} as post_impressions,
        {{ measure(available, 'post_impressions_organic', dbt.type_bigint()) }}
            as post_impressions_organic,
        {{ measure(available, 'post_impressions_paid', dbt.type_bigint()) }}
            as post_impressions_paid,
        {{ measure(available, 'post_engaged_users', dbt.type_bigint()) }}
            as post_engaged_users,
        {{ measure(available, 'post_clicks', dbt.type_bigint()) }} as post_clicks,
        {{ measure(available, 'post_media_view', dbt.type_bigint()) }} as post_media_view,
        {{ measure(available, 'post_video_views', dbt.type_bigint()) }} as post_video_views,
        {{ measure(available, 'post_reactions_like_total', dbt.type_bigint()) }}
            as post_reactions_like_total,
        {{ measure(available, 'post_reactions_love_total', dbt.type_bigint()) }}
            as post_reactions_love_total,
        {{ measure(available, 'post_reactions_wow_total', dbt.type_bigint()) }}
            as post_reactions_wow_total,
        {{ measure(available, 'post_reactions_haha_total', dbt.type_bigint()) }}
            as post_reactions_haha_total,
        {{ measure(available, 'post_reactions_sorry_total', dbt.type_bigint()) }}
            as post_reactions_sorry_total,
        {{ measure(available, 'post_reactions_anger_total', dbt.type_bigint()) }}
            as post_reactions_anger_total,

        -- booleans
        _fivetran_synced = max(_fivetran_synced) over (partition by post_id, date) as is_latest,

        -- dates
        cast(date as date) as metric_date,

        -- timestamps
        {{ to_utc('_fivetran_synced') }} as synced_at,
        {{ loaded_at(available) }} as _loaded_at

    from source
)

select * from renamed
