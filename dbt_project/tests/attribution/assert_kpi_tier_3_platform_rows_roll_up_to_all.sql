-- Per day, the 'all' row's organic and paid social orders equal the sum of the platform
-- rows plus the orders credited to social sites without a platform row (no platform, or a
-- platform the business has no own account on), as int_orders_attributed has them. Each
-- platform's credit is on exactly one row, so the sum never counts an order twice (several
-- own accounts on one platform share one platform row). Returns the days where they differ.
{{ config(severity='error') }}

with

mart as (
    select * from {{ ref('kpi_tier_3_daily') }}
),

orders_attributed as (
    select * from {{ ref('int_orders_attributed') }}
),

platform_sums as (
    select
        metric_date,
        sum(organic_social_orders) as organic_social_orders,
        sum(paid_social_orders) as paid_social_orders
    from mart
    where platform <> 'all'
    group by metric_date
),

platform_rows as (
    select distinct platform
    from mart
    where platform <> 'all'
),

unplatformed as (
    select
        orders_attributed.order_date,
        sum(
            case when orders_attributed.attributed_channel_group = 'Organic Social' then 1 else 0 end
        ) as organic_social_orders,
        sum(case when orders_attributed.attributed_channel_group = 'Paid Social' then 1 else 0 end)
            as paid_social_orders
    from orders_attributed
    left join platform_rows
        on orders_attributed.attributed_social_platform = platform_rows.platform
    where
        orders_attributed.is_social_attributed
        and not orders_attributed.is_cancelled
        and platform_rows.platform is null
    group by orders_attributed.order_date
)

select
    mart.metric_date,
    mart.organic_social_orders,
    mart.paid_social_orders,
    platform_sums.organic_social_orders as platform_organic_social_orders,
    platform_sums.paid_social_orders as platform_paid_social_orders
from mart
left join platform_sums
    on mart.metric_date = platform_sums.metric_date
left join unplatformed
    on mart.metric_date = unplatformed.order_date
where
    mart.platform = 'all'
    and (
        mart.organic_social_orders
        <> coalesce(platform_sums.organic_social_orders, 0)
        + coalesce(unplatformed.organic_social_orders, 0)
        or mart.paid_social_orders
        <> coalesce(platform_sums.paid_social_orders, 0)
        + coalesce(unplatformed.paid_social_orders, 0)
        or mart.social_attributed_orders <> mart.organic_social_orders + mart.paid_social_orders
    )
