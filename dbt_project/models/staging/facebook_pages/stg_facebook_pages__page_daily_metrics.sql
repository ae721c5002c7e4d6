-- One row per Facebook page, date and sync: DAILY page figures (fans at the end of the day,
-- fans added and removed that day, impressions, views, engagements).
{%- set available = source_columns(source('facebook_pages', 'daily_page_metrics_total')) %}

with

source as (
    select * from {{ source('facebook_pages', 'daily_page_metrics_total') }}
),

renamed as (
    select
        -- ids
        cast(page_id as {{ dbt.type_string() }}) as page_id,

        -- strings
        'facebook' as platform,

        -- numerics
        {{ measure(available, 'page_fans', dbt.type_bigint()) }} as page_fans,
        {{ measure(available, 'page_fan_adds', dbt.type_bigint()) }} as page_fan_adds,
        {{ measure(available, 'page_fan_removes', dbt.type_bigint()) }} as page_fan_removes,
        {{ measure(available, 'page_impressions', dbt.type_bigint()) }} as page_impressions,
        {{ measure(available, 'page_media_view', dbt.type_bigint()) }} as page_media_view,
        {{ measure(available, 'page_post_engagements', dbt.type_bigint()) }}
            as page_post_engagements,
        {{ measure(available, 'page_views_total', dbt.type_bigint()) }} as page_views_total,

        -- booleans
        _fivetran_synced = max(_fivetran_synced) over (partition by page_id, date) as is_latest,

        -- dates
        cast(date as date) as metric_date,

        -- timestamps
        {{ to_utc('_fivetran_synced') }} as synced_at

    from source
)

select * from renamed
