-- KPI tier 3 (number of sales) per business-local day: one 'all' row per day with the
-- shop's orders, revenue and new customers and the share credited to social media by last
-- non-direct click, and one row per own social platform with the orders, net revenue and
-- new customers credited to that platform's Organic and Paid Social traffic. Every calendar
-- day is present (zeros on a day without orders). Cancelled orders count in neither orders
-- nor revenue nor new customers: a new customer is the customer's first non-cancelled order
-- in the order history (int_orders_enriched.is_new_customer), so a customer whose first
-- order was cancelled is new on the day of its first order that was not.
--
-- Attribution knows the platform a visit came from (GA4's source), never which of the
-- business's accounts on it, so a platform's credit is booked once: on its own account's
-- row (account_id = the account) when the business has exactly one own account on that
-- platform, and on one platform row (account_id = 'all': every own account of the
-- platform) when it has several. Never on each account, which would count it once per
-- account. Own accounts are those of kpi_tier_1_daily (int_account_daily_metrics_unioned),
-- without the `(unmatched)` pseudo-account.

with

orders_attributed as (
    select * from {{ ref('int_orders_attributed') }}
),

dates as (
    select * from {{ ref('int_dates_enriched') }}
),

account_days as (
    select * from {{ ref('int_account_daily_metrics_unioned') }}
),

own_accounts as (
    select distinct
        platform,
        account_id
    from account_days
    where is_own and account_id <> {{ unmatched_account_id() }}
),

platform_accounts as (
    select
        platform,
        count(*) as own_account_count,
        max(account_id) as any_account_id
    from own_accounts
    group by platform
),

reporting_rows as (
    -- the shop as a whole, and each own platform: its account when it has one, else 'all'
    select
        'all' as platform,
        'all' as account_id
    union all
    select
        platform,
        case when own_account_count = 1 then any_account_id else 'all' end as account_id
    from platform_accounts
),

order_scopes as (
    -- each order counts in the 'all' row and, when credited to a platform's social
    -- traffic, in that platform's rows too: one formula serves both
    select
        'all' as platform,
        orders_attributed.*
    from orders_attributed
    union all
    select
        orders_attributed.attributed_social_platform as platform,
        orders_attributed.*
    from orders_attributed
    where
        orders_attributed.is_social_attributed
        and orders_attributed.attributed_social_platform is not null
),

order_flags as (
    select
        order_date,
        platform,
        attributed_channel_group,
        is_new_customer,
        case when is_cancelled then 0 else 1 end as counted_order,
        case when is_cancelled then 0 else gross_revenue end as counted_gross_revenue,
        case when is_cancelled then 0 else refunded_revenue end as counted_refunded_revenue,
        case when is_cancelled then 0 else net_revenue end as counted_net_revenue,
        case when is_new_customer and not is_cancelled then 1 else 0 end as new_customer,
        is_social_attributed
    from order_scopes
),

daily_figures as (
    select
        order_date,
        platform,
        sum(counted_order) as orders,
        sum(counted_gross_revenue) as gross_revenue,
        sum(counted_refunded_revenue) as refunded_revenue,
        sum(counted_net_revenue) as net_revenue,
        sum(new_customer) as new_customers,
        sum(case when is_social_attributed then counted_order else 0 end)
            as social_attributed_orders,
        sum(case when is_social_attributed then counted_net_revenue else 0 end)
            as social_attributed_net_revenue,
        sum(case when is_social_attributed then new_customer else 0 end)
            as social_attributed_new_customers,
        sum(case when attributed_channel_group = 'Organic Social' then counted_order else 0 end)
            as organic_social_orders,
        sum(
            case
                when attributed_channel_group = 'Organic Social' then counted_net_revenue else 0
            end
        ) as organic_social_net_revenue,
        sum(case when attributed_channel_group = 'Organic Social' then new_customer else 0 end)
            as organic_social_new_customers,
        sum(case when attributed_channel_group = 'Paid Social' then counted_order else 0 end)
            as paid_social_orders,
        sum(
            case
                when attributed_channel_group = 'Paid Social' then counted_net_revenue else 0
            end
        ) as paid_social_net_revenue,
        sum(case when attributed_channel_group = 'Paid Social' then new_customer else 0 end)
            as paid_social_new_customers
    from order_flags
    group by
        order_date,
        platform
),

spine as (
    select
        dates.calendar_date as metric_date,
        reporting_rows.platform,
        reporting_rows.account_id
    from dates
    cross join reporting_rows
),

joined as (
    select
        spine.metric_date,
        spine.platform,
        spine.account_id,
        spine.platform = 'all' as is_shop_row,
        coalesce(shop_day.orders, 0) as shop_orders,
        coalesce(shop_day.gross_revenue, 0) as shop_gross_revenue,
        coalesce(shop_day.refunded_revenue, 0) as shop_refunded_revenue,
        coalesce(shop_day.net_revenue, 0) as shop_net_revenue,
        coalesce(shop_day.new_customers, 0) as shop_new_customers,
        coalesce(row_day.social_attributed_orders, 0) as social_attributed_orders,
        coalesce(row_day.social_attributed_net_revenue, 0) as social_attributed_net_revenue,
        coalesce(row_day.social_attributed_new_customers, 0) as social_attributed_new_customers,
        coalesce(row_day.organic_social_orders, 0) as organic_social_orders,
        coalesce(row_day.organic_social_net_revenue, 0) as organic_social_net_revenue,
        coalesce(row_day.organic_social_new_customers, 0) as organic_social_new_customers,
        coalesce(row_day.paid_social_orders, 0) as paid_social_orders,
        coalesce(row_day.paid_social_net_revenue, 0) as paid_social_net_revenue,
        coalesce(row_day.paid_social_new_customers, 0) as paid_social_new_customers
    from spine
    left join daily_figures as shop_day
        on
            spine.metric_date = shop_day.order_date
            and shop_day.platform = 'all'
    left join daily_figures as row_day
        on
            spine.metric_date = row_day.order_date
            and spine.platform = row_day.platform
),

final as (
    select
        -- grain
        cast(metric_date as date) as metric_date,
        cast(platform as {{ dbt.type_string() }}) as platform,
        cast(account_id as {{ dbt.type_string() }}) as account_id,

        -- the shop ('all' rows only)
        case when is_shop_row then cast(shop_orders as {{ dbt.type_bigint() }}) end as orders,
        case when is_shop_row then {{ money('shop_gross_revenue') }} end as gross_revenue,
        case when is_shop_row then {{ money('shop_refunded_revenue') }} end as refunded_revenue,
        case when is_shop_row then {{ money('shop_net_revenue') }} end as net_revenue,
        case when is_shop_row then cast(shop_new_customers as {{ dbt.type_bigint() }}) end
            as new_customers,
        case when is_shop_row then {{ money(safe_divide('shop_net_revenue', 'shop_orders')) }} end
            as average_order_value,

        -- credited to social media (last non-direct click)
        cast(social_attributed_orders as {{ dbt.type_bigint() }}) as social_attributed_orders,
        {{ money('social_attributed_net_revenue') }} as social_attributed_net_revenue,
        cast(social_attributed_new_customers as {{ dbt.type_bigint() }})
            as social_attributed_new_customers,
        cast(organic_social_orders as {{ dbt.type_bigint() }}) as organic_social_orders,
        {{ money('organic_social_net_revenue') }} as organic_social_net_revenue,
        cast(organic_social_new_customers as {{ dbt.type_bigint() }})
            as organic_social_new_customers,
        cast(paid_social_orders as {{ dbt.type_bigint() }}) as paid_social_orders,
        {{ money('paid_social_net_revenue') }} as paid_social_net_revenue,
        cast(paid_social_new_customers as {{ dbt.type_bigint() }}) as paid_social_new_customers,
        {{ safe_divide('social_attributed_orders', 'shop_orders') }} as social_order_share
    from joined
)

select * from final
