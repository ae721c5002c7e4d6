-- One row per Instagram business account version (one per connector sync): followers,
-- follows and media count as of that sync. All versions kept; `is_latest` marks the newest.
{%- set available = source_columns(source('instagram_business', 'user_history')) %}

with

source as (
    select * from {{ source('instagram_business', 'user_history') }}
),

renamed as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as user_id,

        -- strings
        'instagram' as platform,
        lower({{ normalize_text(column_or_null(available, 'username', dbt.type_string())) }})
            as username,
        {{ normalize_text(column_or_null(available, 'name', dbt.type_string())) }}
            as account_name,

        -- numerics
        {{ measure(available, 'followers_count', dbt.type_bigint()) }} as followers_count,
        {{ measure(available, 'follows_count', dbt.type_bigint()) }} as follows_count,
        {{ measure(available, 'media_count', dbt.type_bigint()) }} as media_count,

        -- booleans
        _fivetran_synced = max(_fivetran_synced) over (partition by id) as is_latest,

        -- timestamps
        {{ to_utc('_fivetran_synced') }} as version_synced_at

    from source
)

select * from renamed
