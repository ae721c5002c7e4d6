-- channel_incrementality per channel over every quarter: incremental net revenue, orders and
-- new visitors (and their bounds) equal the sums of the incrementality model's daily
-- contributions, and the investment equals int_channel_activity_aggregated's. Returns the
-- channels that disagree by more than a hundredth.
{{ config(severity='error') }}

with

published as (
    select
        channel,
        sum(coalesce(incremental_net_revenue, 0)) as net_revenue,
        sum(coalesce(incremental_net_revenue_lower, 0)) as net_revenue_lower,
        sum(coalesce(incremental_orders, 0)) as orders,
        sum(coalesce(incremental_new_visitors, 0)) as new_visitors,
        sum(total_investment) as total_investment
    from {{ ref('channel_incrementality') }}
    group by channel
),

effects as (
    select
        channel,
        sum(case when outcome = 'net_revenue' then coalesce(contribution, 0) else 0 end)
            as net_revenue,
        sum(case when outcome = 'net_revenue' then coalesce(contribution_lower, 0) else 0 end)
            as net_revenue_lower,
        sum(case when outcome = 'orders' then coalesce(contribution, 0) else 0 end) as orders,
        sum(case when outcome = 'new_visitors' then coalesce(contribution, 0) else 0 end)
            as new_visitors
    from {{ ref('int_channel_effects_estimated') }}
    group by channel
),

activity as (
    select
        channel,
        sum(total_investment) as total_investment
    from {{ ref('int_channel_activity_aggregated') }}
    group by channel
)

select
    published.*,
    effects.net_revenue as expected_net_revenue,
    activity.total_investment as expected_total_investment
from published
left join effects
    on published.channel = effects.channel
left join activity
    on published.channel = activity.channel
where
    abs(published.net_revenue - coalesce(effects.net_revenue, 0)) > 0.01
    or abs(published.net_revenue_lower - coalesce(effects.net_revenue_lower, 0)) > 0.01
    or abs(published.orders - coalesce(effects.orders, 0)) > 0.01
    or abs(published.new_visitors - coalesce(effects.new_visitors, 0)) > 0.01
    or abs(published.total_investment - coalesce(activity.total_investment, 0)) > 0.01
