-- One row per day and channel: the investment in money (one column per cost category the
-- landing contract names, the rest in money_other_categories) and in time (hours and their
-- cost), in the reporting currency, for every day of the calendar (and any other day with a
-- cost) and every channel with any cost, zero on days without one. Figures sum
-- int_marketing_costs_unioned; rows converted at a fallback FX rate and rows that could not
-- be converted (NULL money, not in the sums) are counted beside them.
{%- set reporting_currency = var('reporting_currency') %}
{%- set categories = cost_category_columns() %}

with

costs as (
    select * from {{ ref('int_marketing_costs_unioned') }}
),

calendar as (
    select * from {{ ref('int_dates_enriched') }}
),

source_categories as (
    select * from {{ ref('ga4_source_categories') }}
),

social_platforms as (
    -- The social platforms the project knows (the GA4 source-category seed's platforms).
    select distinct source_categories.social_platform as channel
    from source_categories
    where source_categories.social_platform is not null
),

days as (
    select calendar.calendar_date as cost_date from calendar
    union
    select costs.cost_date from costs
    where costs.cost_date is not null
),

channels as (
    select distinct costs.channel from costs
),

spine as (
    select
        days.cost_date,
        channels.channel
    from days
    cross join channels
),

daily as (
    select
        cost_date,
        channel,
        {%- for category in categories %}
            sum(
                case
                    when
                        cost_kind = 'money' and cost_type = '{{ category.category }}'
                        then cost_amount
                end
            ) as {{ category.column }},
        {%- endfor %}
        sum(
            case
                when
                    cost_kind = 'money'
                    and (
                        cost_type is null
                        or cost_type not in (
                            {%- for category in categories %}
                                '{{ category.category }}'{{ ',' if not loop.last }}
                            {%- endfor %}
                        )
                    )
                    then cost_amount
            end
        ) as money_other_categories,
        sum(case when cost_kind = 'money' then cost_amount end) as money_total,
        sum(case when cost_kind = 'time' then hours end) as hours_logged,
        sum(case when cost_kind = 'time' then cost_amount end) as time_cost,
        sum(case when cost_kind = 'money' then source_rows else 0 end) as spend_rows,
        sum(case when cost_kind = 'time' then source_rows else 0 end) as time_log_rows,
        sum(case when is_fx_fallback then source_rows else 0 end) as fx_fallback_rows,
        sum(case when cost_kind = 'money' then unconverted_rows else 0 end)
            as money_unconverted_rows,
        sum(case when cost_kind = 'time' then unconverted_rows else 0 end)
            as time_unconverted_rows
    from costs
    group by
        cost_date,
        channel
),

final as (
    select
        -- ids
        spine.channel,

        -- strings
        '{{ reporting_currency }}' as reporting_currency,

        -- numerics
        {%- for category in categories %}
            {{ money('coalesce(daily.' ~ category.column ~ ', 0)') }} as {{ category.column }},
        {%- endfor %}
        {{ money('coalesce(daily.money_other_categories, 0)') }} as money_other_categories,
        {{ money('coalesce(daily.money_total, 0)') }} as money_total,
        cast(coalesce(daily.hours_logged, 0) as {{ type_double() }}) as hours_logged,
        {{ money('coalesce(daily.time_cost, 0)') }} as time_cost,
        {{ money('coalesce(daily.money_total, 0) + coalesce(daily.time_cost, 0)') }}
            as total_investment,
        cast(coalesce(daily.spend_rows, 0) as {{ dbt.type_bigint() }}) as spend_rows,
        cast(coalesce(daily.time_log_rows, 0) as {{ dbt.type_bigint() }}) as time_log_rows,
        cast(coalesce(daily.fx_fallback_rows, 0) as {{ dbt.type_bigint() }}) as fx_fallback_rows,
        cast(coalesce(daily.money_unconverted_rows, 0) as {{ dbt.type_bigint() }})
            as money_unconverted_rows,
        cast(coalesce(daily.time_unconverted_rows, 0) as {{ dbt.type_bigint() }})
            as time_unconverted_rows,

        -- booleans
        social_platforms.channel is not null as is_social_channel,
        coalesce(daily.fx_fallback_rows, 0) > 0 as is_fx_fallback,
        coalesce(daily.money_unconverted_rows, 0) + coalesce(daily.time_unconverted_rows, 0) > 0
            as has_unconverted_costs,

        -- dates
        spine.cost_date

    from spine
    left join daily
        on
            spine.cost_date = daily.cost_date
            and spine.channel = daily.channel
    left join social_platforms
        on spine.channel = social_platforms.channel
)

select * from final
