-- One row per Facebook post version (one per connector sync): text, type, lifetime share
-- count as of that sync. All versions kept; `is_latest` marks the newest per post.
{%- set available = source_columns(source('facebook_pages', 'post_history')) %}

with

source as (
    select * from {{ source('facebook_pages', 'post_history') }}
),

renamed as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as post_id,
        cast(page_id as {{ dbt.type_string() }}) as page_id,

        -- strings
        'facebook' as platform,
        {{ normalize_text(column_or_null(available, 'message', dbt.type_string())) }}
            as post_message,
        lower({{ normalize_text(column_or_null(available, 'status_type', dbt.type_string())) }})
            as status_type,

        -- numerics
        {{ measure(available, 'share_count', dbt.type_bigint()) }} as share_count,

        -- booleans
        {{ column_or_null(available, 'is_published', dbt.type_boolean()) }} as is_published,
        _fivetran_synced = max(_fivetran_synced) over (partition by id) as is_latest,

        -- timestamps
        {{ to_utc('created_time') }} as created_at,
        {{ to_utc(column_or_null(available, 'updated_time', dbt.type_timestamp())) }}
            as updated_at,
        {{ to_utc('_fivetran_synced') }} as version_synced_at,
        {{ loaded_at(available) }} as _loaded_at

    from source
)

select * from renamed
