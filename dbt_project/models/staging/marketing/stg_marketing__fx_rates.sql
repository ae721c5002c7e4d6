-- One row per day and currency: units of the reporting currency one unit of the currency is
-- worth that day (only the days the FX sheet gives; int_fx_rates_filled fills the gaps).
{%- set available = source_columns(source('marketing', 'fx_rates')) %}

with

source as (
    select * from {{ source('marketing', 'fx_rates') }}
),

renamed as (
    select
        -- ids
        {{ normalize_currency('currency') }} as currency,

        -- numerics
        {{ parse_number('rate_to_reporting_currency', type_double()) }}
            as rate_to_reporting_currency,

        -- dates
        cast({{ adapter.quote('date') }} as date) as rate_date,

        -- timestamps
        {{ loaded_at(available) }} as _loaded_at

    from source
)

select * from renamed
