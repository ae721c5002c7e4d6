-- One row per day, channel, campaign and cost category: money spent on marketing, in the
-- currency it was paid in (int_marketing_costs_unioned converts it).
{%- set available = source_columns(source('marketing', 'spend')) %}

with

source as (
    select * from {{ source('marketing', 'spend') }}
),

renamed as (
    select
        -- ids
        lower({{ normalize_text('channel') }}) as channel,

        -- strings
        {{ normalize_text(column_or_null(available, 'campaign', dbt.type_string())) }}
            as campaign,
        lower({{ normalize_text('cost_category') }}) as cost_category,
        {{ normalize_currency('currency') }} as currency,

        -- numerics
        {{ parse_number('amount', dbt.type_numeric()) }} as amount,

        -- dates
        cast({{ adapter.quote('date') }} as date) as spend_date

    from source
)

select * from renamed
