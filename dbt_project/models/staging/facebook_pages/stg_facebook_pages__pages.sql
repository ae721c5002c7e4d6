-- One row per Facebook page version (one per connector sync): name, fans and rating as of
-- that sync. All versions kept; `is_latest` marks the newest per page.
{%- set available = source_columns(source('facebook_pages', 'page')) %}

with

source as (
    select * from {{ source('facebook_pages', 'page') }}
),

renamed as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as page_id,

        -- strings
        'facebook' as platform,
        {{ normalize_text(column_or_null(available, 'name', dbt.type_string())) }} as page_name,

        -- numerics
        {{ measure(available, 'fan_count', dbt.type_bigint()) }} as fan_count,
        {{ measure(available, 'talking_about_count', dbt.type_bigint()) }}
            as talking_about_count,
        {{ measure(available, 'overall_star_rating', dbt.type_numeric()) }}
            as overall_star_rating,
        {{ measure(available, 'rating_count', dbt.type_bigint()) }} as rating_count,

        -- booleans
        _fivetran_synced = max(_fivetran_synced) over (partition by id) as is_latest,

        -- timestamps
        {{ to_utc('_fivetran_synced') }} as version_synced_at

    from source
)

select * from renamed
