-- Per attribution model, the net revenue attribution_by_channel credits (all months and
-- channels) equals the attributable revenue: the net revenue of every order not cancelled in
-- int_orders_enriched; and per model and month the credited orders equal the month's
-- attributable orders. Each credit row is rounded to 4 decimals: 1/100 of a cent of drift
-- per credit row at most. Returns the offending model (and month) rows.
{{ config(severity='error') }}

with

by_channel as (
    select * from {{ ref('attribution_by_channel') }}
),

credits as (
    select * from {{ ref('attribution_credits') }}
),

orders as (
    select * from {{ ref('int_orders_enriched') }}
    where not is_cancelled
),

attributable as (
    select
        cast({{ dbt.date_trunc('month', 'order_date') }} as date) as month_start_date,
        count(*) as orders,
        sum(net_revenue) as net_revenue
    from orders
    group by cast({{ dbt.date_trunc('month', 'order_date') }} as date)
),

credit_rows as (
    select
        attribution_model,
        count(*) as credit_rows
    from credits
    group by attribution_model
),

credited_months as (
    select
        month_start_date,
        attribution_model,
        sum(credited_orders) as credited_orders,
        sum(credited_net_revenue) as credited_net_revenue
    from by_channel
    group by
        month_start_date,
        attribution_model
),

compared as (
    select
        credited_months.attribution_model,
        credited_months.month_start_date,
        credited_months.credited_orders,
        coalesce(attributable.orders, 0) as attributable_orders,
        credited_months.credited_net_revenue,
        coalesce(attributable.net_revenue, 0) as attributable_net_revenue
    from credited_months
    left join attributable
        on credited_months.month_start_date = attributable.month_start_date
),

model_totals as (
    select
        compared.attribution_model,
        sum(compared.credited_net_revenue) as credited_net_revenue,
        sum(compared.attributable_net_revenue) as attributable_net_revenue,
        sum(case when abs(compared.credited_orders - compared.attributable_orders) > 0.000001
            then 1 else 0 end) as months_off
    from compared
    group by compared.attribution_model
),

all_revenue as (
    select
        sum(net_revenue) as net_revenue,
        count(*) as orders
    from orders
)

select
    model_totals.attribution_model,
    model_totals.credited_net_revenue,
    all_revenue.net_revenue as attributable_net_revenue,
    model_totals.months_off
from model_totals
cross join all_revenue
left join credit_rows
    on model_totals.attribution_model = credit_rows.attribution_model
where
    model_totals.months_off > 0
    or abs(model_totals.credited_net_revenue - all_revenue.net_revenue)
    > 0.0001 * coalesce(credit_rows.credit_rows, 0) + 0.000001
    or abs(model_totals.attributable_net_revenue - all_revenue.net_revenue) > 0.000001
