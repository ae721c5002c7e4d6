-- One row per currency and day, from the first day the FX sheet gives a rate for that
-- currency to the last day of the data period (or of the sheet, if later): the rate of that
-- day, or carried forward from the last day with a rate. The reporting currency is 1.0 on
-- every day by definition. Every money conversion joins this on the transaction's own UTC
-- date.
{%- set reporting_currency = var('reporting_currency') %}

with

fx_rates as (
    -- One rate per currency and day: the sheet's key is case-sensitive (`CAD` and `cad` are
    -- two rows the landing contract accepts), staging upper-cases the code. Two rates for one
    -- day average (stg_marketing__fx_rates warns about the duplicate).
    select
        currency,
        rate_date,
        avg(rate_to_reporting_currency) as rate_to_reporting_currency
    from {{ ref('stg_marketing__fx_rates') }}
    group by
        currency,
        rate_date
),

calendar as (
    select * from {{ ref('int_dates_enriched') }}
),

currencies as (
    select distinct fx_rates.currency from fx_rates
    union
    select '{{ reporting_currency }}' as currency
),

period as (
    select
        min(fx_rates.rate_date) as start_date,
        max(fx_rates.rate_date) as last_rate_date
    from fx_rates
),

period_end as (
    select
        case
            when max(calendar.calendar_date) > max(period.last_rate_date)
                then max(calendar.calendar_date)
            else max(period.last_rate_date)
        end as end_date
    from period
    cross join calendar
),

spine as (
    select date_days.date_day as rate_date
    from {{ date_spine_days(
        '(select period.start_date from period)',
        '(select coalesce(period_end.end_date, period.last_rate_date)'
        ~ ' from period_end cross join period)'
    ) }} as date_days
),

grid as (
    select
        currencies.currency,
        spine.rate_date,
        fx_rates.rate_to_reporting_currency as given_rate
    from currencies
    cross join spine
    left join fx_rates
        on
            currencies.currency = fx_rates.currency
            and spine.rate_date = fx_rates.rate_date
),

grouped as (
    -- Each day with a rate starts a group; the days after it without one join its group.
    select
        currency,
        rate_date,
        given_rate,
        count(given_rate) over (
            partition by currency
            order by rate_date
            rows between unbounded preceding and current row
        ) as rate_group
    from grid
),

filled as (
    select
        currency,
        rate_date,
        given_rate,
        rate_group,
        max(given_rate) over (partition by currency, rate_group) as carried_rate,
        max(case when given_rate is not null then rate_date end)
            over (partition by currency, rate_group) as source_rate_date
    from grouped
),

final as (
    select
        -- ids
        currency,

        -- numerics
        case
            when currency = '{{ reporting_currency }}' then 1.0
            else carried_rate
        end as rate_to_reporting_currency,

        -- booleans
        currency != '{{ reporting_currency }}' and given_rate is null as is_carried_forward,

        -- dates
        rate_date,
        case
            when currency = '{{ reporting_currency }}' then rate_date
            else source_rate_date
        end as source_rate_date

    from filled
    where currency = '{{ reporting_currency }}' or rate_group > 0
)

select * from final
