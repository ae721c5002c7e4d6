-- One row per Shopify order (its latest version): amounts in the order's currency and in
-- the reporting currency, refunds netted, new vs returning customer, UTM and referrer.
-- A new customer is the customer's first non-cancelled order in the order history (the
-- customer's order sequence, numbered as Fivetran's dbt_shopify numbers it, over the orders
-- that were not cancelled). A customer whose record predates the first loaded order may
-- have bought before the history starts: still counted, and flagged.
-- Money follows ground_truth.json's conventions: the order total converts at the FX rate of
-- the order's own UTC date, each refund at the rate of the refund's own UTC date. A
-- cancelled order keeps its row (flagged) with gross, refunded and net revenue 0.
-- The GA4 session an order can be linked to is the session of the first GA4 `purchase`
-- event whose transaction_id is the order id; orders GA4 never saw (no consent, ad
-- blockers, other devices) keep NULL session columns and is_linked_to_ga4 = false.
-- Incremental by order: a run rebuilds every order whose figures can have changed since the
-- previous run, whole, and replaces its row: a new version of the order; every order of a
-- customer with a new order version or customer record (the customer's sequence); a refund
-- or refunded line loaded; a GA4 purchase event of the order loaded, or a change to its
-- linked session; and every order when an FX rate landed or the order history's first day
-- moved. `_built_at` tells the attribution models downstream which orders changed.
{%- set reporting_currency = var('reporting_currency') %}
-- depends_on: {{ ref('stg_marketing__fx_rates') }}
{{
    config(**incremental_by_key('order_id'))
}}

with

orders as (
    select * from {{ ref('stg_shopify__orders') }}
),

{%- if is_incremental() %}
    changed_orders as (
        select changed.order_id
        from {{ ref('stg_shopify__orders') }} as changed
        where changed._loaded_at > {{ last_built_at() }}
    ),

    changed_customers as (
        -- every customer an order version names, old or new, and customers loaded since
        select versions.customer_id
        from {{ ref('stg_shopify__orders') }} as versions
        where versions.order_id in (select changed_orders.order_id from changed_orders)
        union distinct
        select changed.customer_id
        from {{ ref('stg_shopify__customers') }} as changed
        where changed._loaded_at > {{ last_built_at() }}
    ),

    orders_to_process as (
        select changed_orders.order_id from changed_orders
        union distinct
        select customer_orders.order_id
        from {{ ref('stg_shopify__orders') }} as customer_orders
        where
            customer_orders.customer_id in (
                select changed_customers.customer_id from changed_customers
            )
        union distinct
        select changed.order_id
        from {{ ref('stg_shopify__refunds') }} as changed
        where changed._loaded_at > {{ last_built_at() }}
        union distinct
        select refunded.order_id
        from {{ ref('stg_shopify__refunds') }} as refunded
        inner join {{ ref('stg_shopify__order_line_refunds') }} as changed
            on refunded.refund_id = changed.refund_id
        where changed._loaded_at > {{ last_built_at() }}
        union distinct
        select purchased.order_id
        from {{ ref('stg_shopify__orders') }} as purchased
        inner join {{ ref('int_web_events_sessionised') }} as changed
            on cast(purchased.order_id as {{ dbt.type_string() }}) = changed.transaction_id
        where
            changed.event_name = 'purchase'
            and changed._loaded_at > {{ last_built_at() }}
        union distinct
        select linked.order_id
        from {{ this }} as linked
        inner join {{ ref('int_web_sessions_assembled') }} as changed
            on linked.ga4_session_key = changed.session_key
        where changed._loaded_at > {{ last_built_at() }}
        union distinct
        -- every order: an FX rate landed, or the order history's first day moved
        select every_order.order_id
        from {{ ref('stg_shopify__orders') }} as every_order
        where
            exists (
                select 1
                from {{ ref('stg_marketing__fx_rates') }} as changed
                where changed._loaded_at > {{ last_built_at() }}
            )
            or (
                select min(stored.order_history_start_date) from {{ this }} as stored
            ) != (
                select min({{ local_date('history.created_at') }})
                from {{ ref('stg_shopify__orders') }} as history
                where history.is_latest
            )
    ),
{%- endif %}

refunds as (
    select * from {{ ref('stg_shopify__refunds') }}
),

order_line_refunds as (
    select * from {{ ref('stg_shopify__order_line_refunds') }}
),

customers as (
    select * from {{ ref('stg_shopify__customers') }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates_filled') }}
),

web_events as (
    select * from {{ ref('int_web_events_sessionised') }}
    {%- if is_incremental() %}
        where transaction_id in (
            select cast(orders_to_process.order_id as {{ dbt.type_string() }})
            from orders_to_process
        )
    {%- endif %}
),

web_sessions as (
    select * from {{ ref('int_web_sessions_assembled') }}
),

purchase_sessions as (
    -- One row per transaction: the session of its first purchase event.
    select
        transaction_id,
        session_key
    from (
        select
            transaction_id,
            session_key,
            row_number() over (
                partition by transaction_id order by event_at, event_key
            ) as purchase_rank
        from web_events
        where
            event_name = 'purchase'
            and transaction_id is not null
            and session_key is not null
    ) as ranked
    where purchase_rank = 1
),

order_sessions as (
    select
        purchase_sessions.transaction_id,
        web_sessions.session_key,
        web_sessions.session_source,
        web_sessions.session_medium,
        web_sessions.session_campaign,
        web_sessions.default_channel_group,
        web_sessions.social_platform,
        web_sessions.landing_page_path,
        web_sessions.session_started_at
    from purchase_sessions
    inner join web_sessions
        on purchase_sessions.session_key = web_sessions.session_key
),

every_latest_order as (
    select * from orders
    where is_latest
),

latest_orders as (
    select * from every_latest_order
    {%- if is_incremental() %}
        where order_id in (select orders_to_process.order_id from orders_to_process)
    {%- endif %}
),

refund_amounts as (
    -- One row per refund: its refunded line subtotals, in the order's currency.
    select
        refunds.refund_id,
        refunds.order_id,
        refunds.refunded_at,
        sum(order_line_refunds.refunded_subtotal) as refunded_amount
    from refunds
    inner join order_line_refunds
        on refunds.refund_id = order_line_refunds.refund_id
    group by
        refunds.refund_id,
        refunds.order_id,
        refunds.refunded_at
),

refunds_converted as (
    -- Each refund at the FX rate of its own UTC date.
    select
        refund_amounts.order_id,
        refund_amounts.refund_id,
        refund_amounts.refunded_amount,
        refund_amounts.refunded_amount * fx_rates.rate_to_reporting_currency
            as refunded_amount_reporting
    from refund_amounts
    inner join latest_orders
        on refund_amounts.order_id = latest_orders.order_id
    left join fx_rates
        on
            latest_orders.currency = fx_rates.currency
            and cast(refund_amounts.refunded_at as date) = fx_rates.rate_date
),

order_refunds as (
    select
        order_id,
        count(refund_id) as refund_count,
        sum(refunded_amount) as refunded_amount,
        sum(refunded_amount_reporting) as refunded_amount_reporting
    from refunds_converted
    group by order_id
),

order_history as (
    -- First business-local date of the order history loaded: a customer whose record is
    -- older than that may have bought before it.
    select min({{ local_date('every_latest_order.created_at') }}) as history_start_date
    from every_latest_order
),

customer_sequence as (
    -- the order's place in the customer's sequence of kept (non-cancelled) orders, by
    -- created_at (order_id breaks ties), over every order of the customers of the orders
    -- built; NULL for cancelled orders and guest checkouts
    select
        customer_orders.order_id,
        case
            when customer_orders.customer_id is not null and not customer_orders.is_cancelled
                then row_number() over (
                    partition by customer_orders.customer_id, customer_orders.is_cancelled
                    order by customer_orders.created_at, customer_orders.order_id
                )
        end as customer_order_number,
        {{ local_date('customers.created_at') }} as customer_created_date
    from every_latest_order as customer_orders
    left join customers
        on customer_orders.customer_id = customers.customer_id
    {%- if is_incremental() %}
        where
            customer_orders.customer_id in (select latest_orders.customer_id from latest_orders)
            or customer_orders.order_id in (select latest_orders.order_id from latest_orders)
    {%- endif %}
),

joined as (
    select
        latest_orders.*,
        {{ local_date('latest_orders.created_at') }} as order_date,
        cast(latest_orders.created_at as date) as order_utc_date,
        fx_rates.rate_to_reporting_currency as order_fx_rate,
        coalesce(order_refunds.refund_count, 0) as refund_count,
        coalesce(order_refunds.refunded_amount, 0) as refunded_amount,
        coalesce(order_refunds.refunded_amount_reporting, 0) as refunded_amount_reporting,
        customer_sequence.customer_order_number,
        customer_sequence.customer_created_date,
        order_history.history_start_date,
        order_sessions.session_key as ga4_session_key,
        order_sessions.session_source,
        order_sessions.session_medium,
        order_sessions.session_campaign,
        order_sessions.default_channel_group as session_default_channel_group,
        order_sessions.social_platform as session_social_platform,
        order_sessions.landing_page_path as session_landing_page_path,
        order_sessions.session_started_at
    from latest_orders
    inner join customer_sequence
        on latest_orders.order_id = customer_sequence.order_id
    cross join order_history
    left join fx_rates
        on
            latest_orders.currency = fx_rates.currency
            and cast(latest_orders.created_at as date) = fx_rates.rate_date
    left join order_refunds
        on latest_orders.order_id = order_refunds.order_id
    left join order_sessions
        on cast(latest_orders.order_id as {{ dbt.type_string() }}) = order_sessions.transaction_id
),

final as (
    select
        -- ids
        order_id,
        cast(order_id as {{ dbt.type_string() }}) as transaction_id,
        customer_id,
        ga4_session_key,

        -- strings
        order_name,
        currency,
        '{{ reporting_currency }}' as reporting_currency,
        financial_status,
        source_name,
        utm_source,
        utm_medium,
        utm_campaign,
        landing_site_base_url,
        referring_site,
        session_source,
        session_medium,
        session_campaign,
        session_default_channel_group,
        session_social_platform,
        session_landing_page_path,

        -- numerics: the order's currency
        total_price,
        subtotal_price,
        total_discounts,
        total_tax,
        refunded_amount,

        -- numerics: the reporting currency
        order_fx_rate,
        total_price * order_fx_rate as total_price_reporting,
        refunded_amount_reporting,
        case when is_cancelled then 0 else total_price * order_fx_rate end as gross_revenue,
        case when is_cancelled then 0 else refunded_amount_reporting end as refunded_revenue,
        case
            when is_cancelled then 0
            else total_price * order_fx_rate - refunded_amount_reporting
        end as net_revenue,

        -- numerics: counts
        refund_count,
        customer_order_number,

        -- booleans
        is_cancelled,
        refund_count > 0 as has_refund,
        ga4_session_key is not null as is_linked_to_ga4,
        coalesce(customer_order_number = 1, false) as is_new_customer,
        -- NULL for guest checkouts and customers without a customer record
        customer_created_date < history_start_date as is_customer_created_before_history,

        -- dates
        order_date,
        order_utc_date,
        history_start_date as order_history_start_date,

        -- timestamps
        created_at,
        session_started_at,
        processed_at,
        cancelled_at,
        version_synced_at,
        {{ built_at() }} as _built_at

    from joined
)

select * from final
