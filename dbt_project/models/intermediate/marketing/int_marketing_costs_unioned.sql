-- One row per day, channel, campaign and cost type: what marketing cost in the reporting
-- currency, money spent (cost type = the spend's cost category) and team time (cost type
-- `team_time`, hours x hourly cost, summed over roles and activities) in one table. Each
-- amount converts at the FX rate of its own date. Time logs carry no campaign.
{%- set reporting_currency = var('reporting_currency') %}

with

spends as (
    select * from {{ ref('stg_marketing__spends') }}
),

time_logs as (
    select * from {{ ref('stg_marketing__time_logs') }}
),

campaigns as (
    select * from {{ ref('stg_marketing__campaigns') }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates_filled') }}
),

money_costs as (
    select
        spends.spend_date as cost_date,
        spends.channel,
        spends.campaign,
        spends.cost_category as cost_type,
        'money' as cost_kind,
        cast(null as {{ type_double() }}) as hours,
        spends.amount * fx_rates.rate_to_reporting_currency as cost_amount
    from spends
    left join fx_rates
        on
            spends.currency = fx_rates.currency
            and spends.spend_date = fx_rates.rate_date
),

time_costs as (
    select
        time_logs.log_date as cost_date,
        time_logs.channel,
        cast(null as {{ dbt.type_string() }}) as campaign,
        'team_time' as cost_type,
        'time' as cost_kind,
        sum(time_logs.hours) as hours,
        sum(
            time_logs.hours * time_logs.hourly_cost * fx_rates.rate_to_reporting_currency
        ) as cost_amount
    from time_logs
    left join fx_rates
        on
            coalesce(time_logs.currency, '{{ reporting_currency }}') = fx_rates.currency
            and time_logs.log_date = fx_rates.rate_date
    group by
        time_logs.log_date,
        time_logs.channel
),

unioned as (
    select * from money_costs
    union all
    select * from time_costs
),

final as (
    select
        -- ids
        campaigns.campaign_id,

        -- strings
        unioned.channel,
        unioned.campaign,
        unioned.cost_type,
        unioned.cost_kind,
        campaigns.objective as campaign_objective,
        '{{ reporting_currency }}' as reporting_currency,

        -- numerics
        unioned.hours,
        unioned.cost_amount,

        -- dates
        unioned.cost_date

    from unioned
    left join campaigns
        on unioned.campaign = campaigns.campaign_id
)

select * from final
