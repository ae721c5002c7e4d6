-- Per day, the 'all' row's organic and paid social orders equal the sum of the platform
-- rows plus the orders credited to social sites without an own account (no platform), as
-- int_orders_attributed has them. Returns the days where they differ.
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

unplatformed as (
    select
        order_date,
        sum(
            case when attributed_channel_group = 'Organic Social' then 1 else 0 end
        ) as organic_social_orders,
        sum(case when attributed_channel_group = 'Paid Social' then 1 else 0 end)
            as paid_social_orders
    from orders_attributed
    where
        is_social_attributed
        and not is_cancelled
        and attributed_social_platform is null
    group by order_date
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
