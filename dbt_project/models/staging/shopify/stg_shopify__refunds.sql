-- One row per Shopify refund: which order, when. Amounts are on its refunded lines
-- (stg_shopify__order_line_refunds).

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
        {{ to_utc('created_at') }} as refunded_at

    from source
)

select * from renamed
