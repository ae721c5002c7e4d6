-- One row per day, role, channel and activity: hours the team logged and the hourly cost of
-- the role, in the currency of that cost, and the campaign the work was for when the log
-- names one (NULL when the file has no campaign column).
{%- set available = source_columns(source('marketing', 'time_log')) %}

with

source as (
    select * from {{ source('marketing', 'time_log') }}
),

renamed as (
    select
        -- ids
        lower({{ normalize_text('channel') }}) as channel,

        -- strings
        lower({{ normalize_text('role') }}) as team_role,
        lower({{ normalize_text('activity') }}) as activity,
        {{ normalize_text(column_or_null(available, 'campaign', dbt.type_string())) }}
            as campaign,
        {{ normalize_currency(column_or_null(available, 'currency', dbt.type_string())) }}
            as currency,

        -- numerics
        {{ parse_number('hours', type_double()) }} as hours,
        {{ measure(available, 'hourly_cost', dbt.type_numeric()) }} as hourly_cost,

        -- dates
        cast({{ adapter.quote('date') }} as date) as log_date

    from source
)

select * from renamed
