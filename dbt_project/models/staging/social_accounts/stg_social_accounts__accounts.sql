-- One row per social account (platform, account id): own brand or competitor, handle and
-- brand (Persian yeh/kaf normalised so brands compare equal).
{%- set available = source_columns(source('social_accounts', 'accounts')) %}

with

source as (
    select * from {{ source('social_accounts', 'accounts') }}
),

renamed as (
    select
        -- ids
        lower({{ normalize_text('platform') }}) as platform,
        {{ normalize_text('account_id') }} as account_id,

        -- strings
        lower({{ normalize_text(column_or_null(available, 'handle', dbt.type_string())) }})
            as handle,
        {{ normalize_text(column_or_null(available, 'display_name', dbt.type_string())) }}
            as display_name,
        {{ normalize_text('brand') }} as brand,
        lower({{ normalize_text(column_or_null(available, 'industry', dbt.type_string())) }})
            as industry,

        -- booleans
        cast(is_own as {{ dbt.type_boolean() }}) as is_own

    from source
)

select * from renamed
