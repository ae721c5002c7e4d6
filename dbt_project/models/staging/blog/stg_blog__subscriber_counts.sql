-- One row per day, brand and list (the blog, the newsletter, any other list): subscribers at
-- the end of the day and the day's subscriptions and unsubscriptions. `brand` is NULL for
-- the own brand's lists (the usual case), else Persian yeh/kaf normalised.
{%- set available = source_columns(source('blog', 'subscribers_daily')) %}

with

source as (
    select * from {{ source('blog', 'subscribers_daily') }}
),

renamed as (
    select
        -- ids
        lower({{ normalize_text('blog_or_list') }}) as list_name,

        -- strings
        {{ normalize_text(column_or_null(available, 'brand', dbt.type_string())) }} as brand,

        -- numerics
        {{ measure(available, 'subscribers_total', dbt.type_bigint()) }} as subscribers_total,
        {{ measure(available, 'subscribed', dbt.type_bigint()) }} as subscribed_count,
        {{ measure(available, 'unsubscribed', dbt.type_bigint()) }} as unsubscribed_count,

        -- dates
        cast({{ adapter.quote('date') }} as date) as report_date

    from source
)

select * from renamed
