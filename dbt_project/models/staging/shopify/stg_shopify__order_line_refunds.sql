-- One row per refunded order line: the quantity and subtotal refunded (the order's currency).
{%- set available = source_columns(source('shopify', 'order_line_refund')) %}

with

source as (
    select * from {{ source('shopify', 'order_line_refund') }}
),

renamed as (
    select
        -- ids
        id as order_line_refund_id,
        refund_id,
        order_line_id,

        -- numerics
        {{ measure(available, 'quantity', dbt.type_bigint()) }} as refunded_quantity,
        {{ measure(available, 'subtotal', dbt.type_numeric()) }} as refunded_subtotal,

        -- timestamps
        {{ loaded_at(available) }} as _loaded_at

    from source
)

select * from renamed
