-- One row per version of a Shopify order (one per connector sync): the order's amounts,
-- status and the UTM values it was tagged with. `is_latest` marks the current version.
{%- set available = source_columns(source('shopify', 'order')) %}

with

source as (
    select * from {{ source('shopify', 'order') }}
),

renamed as (
    select
        -- ids
        id as order_id,
        {{ normalize_text(column_or_null(available, 'customer_id', dbt.type_string())) }}
            as customer_id,

        -- strings
        {{ normalize_text(column_or_null(available, 'name', dbt.type_string())) }} as order_name,
        {{ normalize_currency('currency') }} as currency,
        lower({{ normalize_text(column_or_null(available, 'financial_status',
                                                dbt.type_string())) }}) as financial_status,
        {{ normalize_text(column_or_null(available, 'landing_site_base_url',
                                         dbt.type_string())) }} as landing_site_base_url,
        {{ normalize_text(column_or_null(available, 'referring_site', dbt.type_string())) }}
            as referring_site,
        lower({{ normalize_text(column_or_null(available, 'source_name', dbt.type_string())) }})
            as source_name,
        {{ column_or_null(available, 'order_url_tags', dbt.type_string()) }} as order_url_tags,

        -- numerics (the order's currency)
        {{ parse_number('total_price', dbt.type_numeric()) }} as total_price,
        {{ measure(available, 'subtotal_price', dbt.type_numeric()) }} as subtotal_price,
        {{ measure(available, 'total_discounts', dbt.type_numeric()) }} as total_discounts,
        {{ measure(available, 'total_tax', dbt.type_numeric()) }} as total_tax,

        -- timestamps
        {{ to_utc('created_at') }} as created_at,
        {{ to_utc(column_or_null(available, 'processed_at', type_timestamp_tz())) }}
            as processed_at,
        {{ to_utc(column_or_null(available, 'cancelled_at', type_timestamp_tz())) }}
            as cancelled_at,
        {{ to_utc('_fivetran_synced') }} as version_synced_at,
        {{ loaded_at(available) }} as _loaded_at

    from source
),

utm_parsed as (
    select
        renamed.*,
        coalesce(
            lower({{ normalize_text(json_key_value_lookup('order_url_tags', 'utm_source')) }}),
            lower({{ normalize_text(url_query_parameter('landing_site_base_url',
                                                        'utm_source')) }})
        ) as utm_source,
        coalesce(
            lower({{ normalize_text(json_key_value_lookup('order_url_tags', 'utm_medium')) }}),
            lower({{ normalize_text(url_query_parameter('landing_site_base_url',
                                                        'utm_medium')) }})
        ) as utm_medium,
        coalesce(
            {{ normalize_text(json_key_value_lookup('order_url_tags', 'utm_campaign')) }},
            {{ normalize_text(url_query_parameter('landing_site_base_url', 'utm_campaign')) }}
        ) as utm_campaign
    from renamed
),

versioned as (
    select
        -- ids
        order_id,
        customer_id,

        -- strings
        order_name,
        currency,
        financial_status,
        landing_site_base_url,
        referring_site,
        source_name,
        utm_source,
        utm_medium,
        utm_campaign,

        -- numerics
        total_price,
        subtotal_price,
        total_discounts,
        total_tax,

        -- booleans
        cancelled_at is not null as is_cancelled,
        version_synced_at = max(version_synced_at) over (partition by order_id) as is_latest,

        -- timestamps
        created_at,
        processed_at,
        cancelled_at,
        version_synced_at,
        _loaded_at

    from utm_parsed
)

select * from versioned
