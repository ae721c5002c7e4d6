-- One row per day and channel: what the business invested in money (by cost category) and
-- in time (hours and their cost), in the reporting currency, with the Jalali date alongside.
-- Every channel with any cost (social platforms, paid_search, blog, `shared`, ...) on every
-- day; the figures are int_channel_investments_aggregated's.
{%- set categories = cost_category_columns() %}

with

investments as (
    select * from {{ ref('int_channel_investments_aggregated') }}
),

calendar as (
    select * from {{ ref('int_dates_enriched') }}
),

final as (
    select
        -- ids
        investments.channel,

        -- strings
        calendar.jalali_date_label as jalali_date,
        investments.reporting_currency,

        -- numerics
        {%- for category in categories %}
            investments.{{ category.column }},
        {%- endfor %}
        investments.money_other_categories,
        investments.money_total,
        investments.hours_logged,
        investments.time_cost,
        investments.total_investment,
        investments.spend_rows,
        investments.time_log_rows,
        investments.fx_fallback_rows,
        investments.money_unconverted_rows,
        investments.time_unconverted_rows,

        -- booleans
        investments.is_social_channel,
        investments.is_fx_fallback,
        investments.has_unconverted_costs,

        -- dates
        investments.cost_date as metric_date

    from investments
    left join calendar
        on investments.cost_date = calendar.calendar_date
)

select * from final
