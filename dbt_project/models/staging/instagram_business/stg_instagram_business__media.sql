-- One row per Instagram media version (post, reel, carousel or story; one per connector
-- sync). All versions kept; `is_latest` marks the newest per media.
{%- set available = source_columns(source('instagram_business', 'media_history')) %}

with

source as (
    select * from {{ source('instagram_business', 'media_history') }}
),

renamed as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as media_id,
        cast(user_id as {{ dbt.type_string() }}) as user_id,

        -- strings
        'instagram' as platform,
        {{ normalize_text(column_or_null(available, 'caption', dbt.type_string())) }}
            as caption,
        upper({{ normalize_text(column_or_null(available, 'media_type', dbt.type_string())) }})
            as media_type,
        trim({{ column_or_null(available, 'permalink', dbt.type_string()) }}) as permalink,

        -- booleans
        coalesce({{ column_or_null(available, 'is_story', dbt.type_boolean()) }}, false)
            as is_story,
        _fivetran_synced = max(_fivetran_synced) over (partition by id) as is_latest,

        -- timestamps
        {{ to_utc('created_time') }} as created_at,
        {{ to_utc('_fivetran_synced') }} as version_synced_at

    from source
)

select * from renamed
