-- One row per marketing campaign: its channel, objective, dates and the utm_campaign value
-- that tags its links (the join key to orders and web sessions).
{%- set available = source_columns(source('marketing', 'campaigns')) %}

with

source as (
    select * from {{ source('marketing', 'campaigns') }}
),

renamed as (
    select
        -- ids
        {{ normalize_text('campaign_id') }} as campaign_id,
        lower({{ normalize_text('channel') }}) as channel,
        {{ normalize_text(column_or_null(available, 'utm_campaign', dbt.type_string())) }}
            as utm_campaign,

        -- strings
        {{ normalize_text(column_or_null(available, 'name', dbt.type_string())) }}
            as campaign_name,
        lower({{ normalize_text(column_or_null(available, 'objective', dbt.type_string())) }})
            as objective,

        -- dates
        {{ column_or_null(available, 'start_date', 'date') }} as start_date,
        {{ column_or_null(available, 'end_date', 'date') }} as end_date,

        -- timestamps
        {{ loaded_at(available) }} as _loaded_at

    from source
)

select * from renamed
