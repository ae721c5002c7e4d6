-- The 'all' rows of kpi_tier_3_daily, summed over the calendar, hold every order of
-- int_orders_enriched: orders not cancelled, their net revenue (within half a cent per day
-- of rounding) and new customers. Returns a row when they differ.
{{ config(severity='error') }}

with

mart_totals as (
    select
        sum(orders) as orders,
        sum(net_revenue) as net_revenue,
        sum(new_customers) as new_customers,
        count(*) as days
    from {{ ref('kpi_tier_3_daily') }}
    where platform = 'all'
),

order_totals as (
    select
        sum(case when is_cancelled then 0 else 1 end) as orders,
        sum(case when is_cancelled then 0 else net_revenue end) as net_revenue,
        sum(case when is_new_customer then 1 else 0 end) as new_customers
    from {{ ref('int_orders_enriched') }}
)

select
    mart_totals.orders as mart_orders,
    order_totals.orders as enriched_orders,
    mart_totals.net_revenue as mart_net_revenue,
    order_totals.net_revenue as enriched_net_revenue,
    mart_totals.new_customers as mart_new_customers,
    order_totals.new_customers as enriched_new_customers
from mart_totals
cross join order_totals
where
    mart_totals.orders <> order_totals.orders
    or mart_totals.new_customers <> order_totals.new_customers
    or abs(mart_totals.net_revenue - order_totals.net_revenue) > 0.005 * mart_totals.days + 0.000001
