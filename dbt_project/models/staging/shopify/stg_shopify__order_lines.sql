-- One row per Shopify order line: which product, how many, at what unit price (the order's
-- currency).
{%- set available = source_columns(source('shopify', 'order_line')) %}

with

source as (
    select * from {{ source('shopify', 'order_line') }}
),

renamed as (
    select
        -- ids
        id as order_line_id,
        order_id,
        {{ column_or_null(available, 'product_id', dbt.type_bigint()) }} as product_id,

        -- strings
        {{ normalize_text(column_or_null(available, 'title', dbt.type_string())) }}
            as product_title,
        {{ normalize_text(column_or_null(available, 'sku', dbt.type_string())) }} as sku,

        -- numerics
        {{ measure(available, 'quantity', dbt.type_bigint()) }} as quantity,
        {{ measure(available, 'price', dbt.type_numeric()) }} as unit_price

    from source
)

select * from renamed
