-- One row per Shopify refund: which order, when. Amounts are on its refunded lines
-- (stg_shopify__order_line_refunds).
{%- set available = source_columns(source('shopify', 'refund')) %}

with

source as (
    select * from {{ source('shopify', 'refund') }}
),

renamed as (
    select
        -- ids
        id as refund_id,
        order_id,

        -- timestamps
        {{ to_utc('created_at') }} as refunded_at,
        {{ loaded_at(available) }} as _loaded_at

    from source
)

select * from renamed
