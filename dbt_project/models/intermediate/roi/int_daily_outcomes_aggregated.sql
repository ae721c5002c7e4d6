-- One row per calendar day of the data period: the business outcomes the incrementality
-- model explains (net revenue, orders and new customers of non-cancelled orders on their
-- business-local order date; new visitors = GA4 sessions that were a user's first), and the
-- calendar controls it needs (weekday, public holiday). A day without orders or sessions is
-- a zero, not a gap: the regression needs every day.

with

calendar as (
    select * from {{ ref('int_dates_enriched') }}
),

orders as (
    select * from {{ ref('int_orders_enriched') }}
),

web_sessions as (
    select * from {{ ref('int_web_sessions_assembled') }}
),

daily_orders as (
    select
        order_date,
        sum(case when is_cancelled then 0 else net_revenue end) as net_revenue,
        sum(case when is_cancelled then 0 else 1 end) as orders,
        sum(case when is_new_customer and not is_cancelled then 1 else 0 end) as new_customers
    from orders
    group by order_date
),

daily_sessions as (
    select
        session_start_date,
        count(*) as sessions,
        sum(case when is_new_user then 1 else 0 end) as new_visitors
    from web_sessions
    group by session_start_date
),

final as (
    select
        -- numerics
        cast(coalesce(daily_orders.net_revenue, 0) as {{ type_double() }}) as net_revenue,
        cast(coalesce(daily_orders.orders, 0) as {{ dbt.type_bigint() }}) as orders,
        cast(coalesce(daily_orders.new_customers, 0) as {{ dbt.type_bigint() }})
            as new_customers,
        cast(coalesce(daily_sessions.sessions, 0) as {{ dbt.type_bigint() }}) as sessions,
        cast(coalesce(daily_sessions.new_visitors, 0) as {{ dbt.type_bigint() }})
            as new_visitors,
        calendar.iso_day_of_week,

        -- booleans
        calendar.is_public_holiday,

        -- dates
        calendar.calendar_date as outcome_date
    from calendar
    left join daily_orders
        on calendar.calendar_date = daily_orders.order_date
    left join daily_sessions
        on calendar.calendar_date = daily_sessions.session_start_date
)

select * from final
