-- Money, time cost and hours of social_investment_daily, per channel over the whole period,
-- equal the sums of int_marketing_costs_unioned (every converted cost row on a day the mart
-- has, none lost to the date x channel spine, none counted twice), and total_investment is
-- money plus time cost. Returns the channels that disagree (by more than a hundredth).
{{ config(severity='error') }}

with

costs as (
    select * from {{ ref('int_marketing_costs_unioned') }}
),

mart as (
    select * from {{ ref('social_investment_daily') }}
),

expected as (
    select
        channel,
        coalesce(sum(case when cost_kind = 'money' then cost_amount end), 0) as money_total,
        coalesce(sum(case when cost_kind = 'time' then cost_amount end), 0) as time_cost,
        coalesce(sum(case when cost_kind = 'time' then hours end), 0) as hours_logged
    from costs
    group by channel
),

actual as (
    select
        channel,
        sum(money_total) as money_total,
        sum(time_cost) as time_cost,
        sum(hours_logged) as hours_logged,
        sum(total_investment) as total_investment
    from mart
    group by channel
)

select
    coalesce(expected.channel, actual.channel) as channel,
    expected.money_total as expected_money_total,
    actual.money_total as actual_money_total,
    expected.time_cost as expected_time_cost,
    actual.time_cost as actual_time_cost,
    expected.hours_logged as expected_hours_logged,
    actual.hours_logged as actual_hours_logged,
    actual.total_investment as actual_total_investment
from expected
full outer join actual
    on expected.channel = actual.channel
where
    expected.channel is null
    or actual.channel is null
    or abs(expected.money_total - actual.money_total) > 0.01
    or abs(expected.time_cost - actual.time_cost) > 0.01
    or abs(expected.hours_logged - actual.hours_logged) > 0.0001
    or abs(expected.money_total + expected.time_cost - actual.total_investment) > 0.01
