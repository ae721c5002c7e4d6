-- One row per Shopify customer. The id and the email arrive hashed (HMAC at load): both stay
-- hashed here; no other personal data is read.
{%- set available = source_columns(source('shopify', 'customer')) %}

with

source as (
    select * from {{ source('shopify', 'customer') }}
),

renamed as (
    select
        -- ids
        {{ normalize_text('id') }} as customer_id,

        -- strings
        {{ normalize_text(column_or_null(available, 'email', dbt.type_string())) }}
            as email_hash,

        -- booleans
        {{ column_or_null(available, 'accepts_marketing', dbt.type_boolean()) }}
            as has_accepted_marketing,

        -- timestamps
        {{ to_utc('created_at') }} as created_at,
        {{ loaded_at(available) }} as _loaded_at

    from source
)

select * from renamed
