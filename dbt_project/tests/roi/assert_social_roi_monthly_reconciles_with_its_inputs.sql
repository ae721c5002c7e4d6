-- social_roi_monthly per month: each attribution model's credited orders and net revenue
-- equal attribution_by_channel's (no channel lost to, or doubled by, the month x channel x
-- method spine), the incremental rows equal the incrementality model's daily contributions,
-- and every method carries the month's whole investment (social_investment_daily). Returns
-- the months and methods that disagree by more than a hundredth.
{{ config(severity='error') }}

with

roi as (
    select * from {{ ref('social_roi_monthly') }}
),

attribution as (
    select * from {{ ref('attribution_by_channel') }}
),

effects as (
    select * from {{ ref('int_channel_effects_estimated') }}
),

investment as (
    select * from {{ ref('social_investment_daily') }}
),

published as (
    select
        month_start_date,
        credit_method,
        sum(coalesce(orders_credited, 0)) as orders,
        sum(coalesce(net_revenue_credited, 0)) as net_revenue,
        sum(total_investment) as total_investment
    from roi
    group by
        month_start_date,
        credit_method
),

credited as (
    select
        month_start_date,
        attribution_model as credit_method,
        sum(credited_orders) as orders,
        sum(credited_net_revenue) as net_revenue
    from attribution
    group by
        month_start_date,
        attribution_model
    union all
    select
        cast({{ dbt.date_trunc('month', 'effect_date') }} as date) as month_start_date,
        'incremental' as credit_method,
        sum(case when outcome = 'orders' then coalesce(contribution, 0) else 0 end) as orders,
        sum(case when outcome = 'net_revenue' then coalesce(contribution, 0) else 0 end)
            as net_revenue
    from effects
    group by cast({{ dbt.date_trunc('month', 'effect_date') }} as date)
),

invested as (
    select
        cast({{ dbt.date_trunc('month', 'metric_date') }} as date) as month_start_date,
        sum(total_investment) as total_investment
    from investment
    group by cast({{ dbt.date_trunc('month', 'metric_date') }} as date)
)

select
    published.month_start_date,
    published.credit_method,
    published.orders,
    credited.orders as expected_orders,
    published.net_revenue,
    credited.net_revenue as expected_net_revenue,
    published.total_investment,
    invested.total_investment as expected_total_investment
from published
left join credited
    on
        published.month_start_date = credited.month_start_date
        and published.credit_method = credited.credit_method
left join invested
    on published.month_start_date = invested.month_start_date
where
    abs(published.orders - coalesce(credited.orders, 0)) > 0.01
    or abs(published.net_revenue - coalesce(credited.net_revenue, 0)) > 0.01
    or abs(published.total_investment - coalesce(invested.total_investment, 0)) > 0.01
