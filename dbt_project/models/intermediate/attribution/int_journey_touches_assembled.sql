-- One row per order x touch of its journey: the touches attribution models share out each
-- order's credit over (credit is correlational, not cause). An order linked to GA4 (the
-- session of the purchase event carrying its id, int_orders_enriched.ga4_session_key) has a
-- journey of its GA4 user's (user_pseudo_id) sessions started within
-- `attribution_lookback_days` before the order was placed and before the purchase session,
-- plus the purchase session itself; each order has its own journey (a repeat buyer's
-- earlier purchase sessions are ordinary touches of the later order's journey). An order
-- GA4 never linked has one touch: its UTM tags, else its referring site, else the
-- 'unattributed' touch (int_touches_classified). The journey join is on the user and a time
-- range, never a cross join. Touches are numbered in time order (the purchase session last
-- among touches of the same instant).
-- Incremental by order: a run rebuilds the journeys of the orders rebuilt since the previous
-- run, of the orders whose own touch was, and of every order of a GA4 user with a session
-- touch rebuilt since (a late session can join an earlier order's window), and replaces
-- those orders' rows.
{%- set lookback_days = var('attribution_lookback_days') %}
{{
    config(**incremental_by_key('order_id'))
}}

with

{%- if is_incremental() %}
    orders_to_process as (
        select rebuilt.order_id
        from {{ ref('int_orders_enriched') }} as rebuilt
        where rebuilt._built_at > {{ last_built_at() }}
        union distinct
        select rebuilt.order_id
        from {{ ref('int_touches_classified') }} as rebuilt
        where rebuilt.order_id is not null and rebuilt._built_at > {{ last_built_at() }}
        union distinct
        select user_orders.order_id
        from {{ ref('int_orders_enriched') }} as user_orders
        inner join {{ ref('int_touches_classified') }} as purchase_session
            on user_orders.ga4_session_key = purchase_session.session_key
        where purchase_session.user_pseudo_id in (
            select rebuilt.user_pseudo_id
            from {{ ref('int_touches_classified') }} as rebuilt
            where
                rebuilt.user_pseudo_id is not null
                and rebuilt._built_at > {{ last_built_at() }}
        )
    ),
{%- endif %}

orders as (
    select * from {{ ref('int_orders_enriched') }}
    {%- if is_incremental() %}
        where order_id in (select orders_to_process.order_id from orders_to_process)
    {%- endif %}
),

touches as (
    select * from {{ ref('int_touches_classified') }}
),

purchase_touches as (
    select
        orders.order_id,
        orders.created_at,
        touches.touch_key as purchase_touch_key,
        touches.user_pseudo_id,
        touches.touched_at as purchase_touched_at,
        {{ dbt.dateadd('day', -1 * lookback_days, 'orders.created_at') }} as window_started_at
    from orders
    inner join touches
        on orders.ga4_session_key = touches.session_key
),

ga4_journeys as (
    select
        purchase_touches.order_id,
        touches.touch_key,
        touches.touch_key = purchase_touches.purchase_touch_key as is_purchase_session
    from purchase_touches
    inner join touches
        on
            purchase_touches.user_pseudo_id = touches.user_pseudo_id
            and purchase_touches.purchase_touched_at >= touches.touched_at
            and (
                purchase_touches.purchase_touch_key = touches.touch_key
                or (
                    purchase_touches.purchase_touched_at > touches.touched_at
                    and purchase_touches.window_started_at <= touches.touched_at
                )
            )
),

order_journeys as (
    -- orders GA4 never linked: their one touch
    select
        touches.order_id,
        touches.touch_key,
        false as is_purchase_session
    from touches
    where touches.order_id is not null
    {%- if is_incremental() %}
        and touches.order_id in (select orders_to_process.order_id from orders_to_process)
    {%- endif %}
),

journey_touches as (
    select * from ga4_journeys
    union all
    select * from order_journeys
),

joined as (
    select
        journey_touches.order_id,
        journey_touches.is_purchase_session,
        -- the touch's columns but its order_id (an order's own touch carries it already)
        touches.touch_key,
        touches.session_key,
        touches.user_pseudo_id,
        touches.campaign_id,
        touches.touch_type,
        touches.touch_source,
        touches.touch_medium,
        touches.utm_campaign,
        touches.campaign_name,
        touches.channel_group,
        touches.channel,
        touches.social_platform,
        touches.is_direct,
        touches.touched_at,
        orders.created_at as order_created_at,
        orders.order_date,
        orders.net_revenue,
        orders.is_cancelled,
        orders.is_new_customer,
        orders.reporting_currency,
        {{ dbt.datediff('touches.touched_at', 'orders.created_at', 'second') }}
            as seconds_before_order
    from journey_touches
    inner join touches
        on journey_touches.touch_key = touches.touch_key
    inner join orders
        on journey_touches.order_id = orders.order_id
),

positioned as (
    select
        joined.*,
        row_number() over (
            partition by joined.order_id
            order by
                joined.touched_at,
                case when joined.is_purchase_session then 1 else 0 end,
                joined.touch_key
        ) as touch_number,
        count(*) over (partition by joined.order_id) as touch_count,
        sum(case when joined.is_direct then 0 else 1 end) over (partition by joined.order_id)
            as non_direct_touch_count
    from joined
),

final as (
    select
        -- ids
        order_id,
        touch_key,
        session_key,
        user_pseudo_id,
        campaign_id,

        -- strings
        case
            when is_purchase_session then 'ga4_purchase_session'
            when touch_type = 'ga4_session' then 'ga4_earlier_session'
            else touch_type
        end as attribution_basis,
        touch_type,
        touch_source,
        touch_medium,
        utm_campaign,
        campaign_name,
        channel_group,
        channel,
        social_platform,
        reporting_currency,

        -- numerics
        cast(touch_number as {{ dbt.type_bigint() }}) as touch_number,
        cast(touch_count as {{ dbt.type_bigint() }}) as touch_count,
        cast(non_direct_touch_count as {{ dbt.type_bigint() }}) as non_direct_touch_count,
        -- days from the touch to the order (0 for a touch after it: the purchase session of
        -- an order whose clock is a little behind GA4's)
        case
            when seconds_before_order > 0
                then cast(seconds_before_order as {{ type_double() }}) / 86400
            else cast(0 as {{ type_double() }})
        end as days_before_order,
        net_revenue,

        -- booleans
        is_purchase_session,
        is_direct,
        is_cancelled,
        is_new_customer,

        -- dates
        order_date,

        -- timestamps
        touched_at,
        order_created_at,
        {{ built_at() }} as _built_at
    from positioned
)

select * from final
