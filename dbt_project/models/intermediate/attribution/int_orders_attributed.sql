-- One row per order with its last-non-direct and first-touch credit, read from the one
-- journey and credit logic every attribution model shares (int_attribution_credits_allocated;
-- credit is correlational, not cause): the touch each of those two models gives the order's
-- whole credit to. kpi_tier_3_daily counts orders by it. Last non-direct, GA4's rule: the
-- latest non-Direct touch of the journey (the purchase session or an earlier session of the
-- same GA4 user within `attribution_lookback_days`), the purchase session when all are
-- Direct; an order GA4 never linked: its UTM tags, else its referring site, else
-- 'Unattributed'. First touch: the journey's earliest touch, Direct included.

with

orders as (
    select * from {{ ref('int_orders_enriched') }}
),

credits as (
    select * from {{ ref('int_attribution_credits_allocated') }}
),

last_non_direct as (
    select * from credits
    where attribution_model = 'last_non_direct' and credit > 0
),

first_touch as (
    select * from credits
    where attribution_model = 'first_touch' and credit > 0
),

final as (
    select
        -- ids
        orders.order_id,
        last_non_direct.session_key as attributed_session_key,
        first_touch.session_key as attributed_first_touch_session_key,
        last_non_direct.campaign_id as attributed_campaign_id,

        -- strings
        last_non_direct.attribution_basis,
        last_non_direct.touch_source as attributed_source,
        last_non_direct.touch_medium as attributed_medium,
        last_non_direct.utm_campaign as attributed_campaign,
        last_non_direct.channel_group as attributed_channel_group,
        last_non_direct.channel as attributed_channel,
        last_non_direct.social_platform as attributed_social_platform,
        first_touch.touch_source as attributed_first_touch_source,
        first_touch.touch_medium as attributed_first_touch_medium,
        first_touch.utm_campaign as attributed_first_touch_campaign,
        first_touch.channel_group as attributed_first_touch_channel_group,
        first_touch.channel as attributed_first_touch_channel,
        first_touch.social_platform as attributed_first_touch_social_platform,
        orders.reporting_currency,

        -- numerics
        orders.gross_revenue,
        orders.refunded_revenue,
        orders.net_revenue,

        -- booleans
        coalesce(
            last_non_direct.channel_group in ('Organic Social', 'Paid Social'), false
        ) as is_social_attributed,
        coalesce(
            first_touch.channel_group in ('Organic Social', 'Paid Social'), false
        ) as is_first_touch_social,
        orders.is_new_customer,
        orders.is_cancelled,

        -- dates
        orders.order_date,

        -- timestamps
        orders.created_at
    from orders
    left join last_non_direct
        on orders.order_id = last_non_direct.order_id
    left join first_touch
        on orders.order_id = first_touch.order_id
)

select * from final
