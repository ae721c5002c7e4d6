-- One row per order, credited to one channel (credit per order sums to 1) by last
-- non-direct click, Google Analytics' convention: the order's GA4 purchase session when its
-- channel is not Direct; else the same GA4 user's (user_pseudo_id) most recent earlier
-- non-direct session started within `attribution_lookback_days` before the order; else, for
-- an order GA4 never saw, the order's own Shopify UTM tags classified by the same default
-- channel grouping; else nothing is known: channel group 'Unattributed'. A GA4-seen order
-- whose sessions in the window are all Direct is credited to Direct (GA4's rule).
-- First touch: the user's earliest session in the same window (Direct included), the UTM
-- tags for an order GA4 never saw.
{%- set lookback_days = var('attribution_lookback_days') %}

with

orders as (
    select * from {{ ref('int_orders_enriched') }}
),

web_sessions as (
    select * from {{ ref('int_web_sessions_assembled') }}
),

source_categories as (
    select * from {{ ref('ga4_source_categories') }}
),

purchase_sessions as (
    -- the GA4 session of each order GA4 saw, with its user, and the window's first instant
    select
        orders.order_id,
        web_sessions.session_key,
        web_sessions.user_pseudo_id,
        web_sessions.session_started_at,
        {{ dbt.dateadd('day', -1 * lookback_days, 'orders.created_at') }} as window_started_at
    from orders
    inner join web_sessions
        on orders.ga4_session_key = web_sessions.session_key
),

candidate_sessions as (
    -- the purchase session, and the user's sessions started before it within the window
    select
        purchase_sessions.order_id,
        web_sessions.session_key,
        web_sessions.session_source,
        web_sessions.session_medium,
        web_sessions.session_campaign,
        web_sessions.default_channel_group,
        web_sessions.social_platform,
        web_sessions.session_started_at,
        web_sessions.session_key = purchase_sessions.session_key as is_purchase_session
    from purchase_sessions
    inner join web_sessions
        on
            purchase_sessions.user_pseudo_id = web_sessions.user_pseudo_id
            and (
                purchase_sessions.session_key = web_sessions.session_key
                or (
                    purchase_sessions.session_started_at > web_sessions.session_started_at
                    and purchase_sessions.window_started_at <= web_sessions.session_started_at
                )
            )
),

ranked_sessions as (
    select
        candidate_sessions.*,
        -- last non-direct: the latest non-direct session; the purchase session is the latest
        row_number() over (
            partition by
                candidate_sessions.order_id,
                case when candidate_sessions.default_channel_group = 'Direct' then 1 else 0 end
            order by
                candidate_sessions.session_started_at desc,
                case when candidate_sessions.is_purchase_session then 0 else 1 end,
                candidate_sessions.session_key desc
        ) as recency_rank,
        row_number() over (
            partition by candidate_sessions.order_id
            order by
                candidate_sessions.session_started_at,
                case when candidate_sessions.is_purchase_session then 1 else 0 end,
                candidate_sessions.session_key
        ) as first_touch_rank
    from candidate_sessions
),

last_non_direct_sessions as (
    select * from ranked_sessions
    where default_channel_group <> 'Direct' and recency_rank = 1
),

first_touch_sessions as (
    select * from ranked_sessions
    where first_touch_rank = 1
),

utm_classified as (
    -- an order GA4 never saw, by its own UTM tags, under GA4's default channel grouping
    select
        orders.order_id,
        orders.utm_source,
        orders.utm_medium,
        orders.utm_campaign,
        source_categories.social_platform,
        {{ default_channel_group('orders.utm_source', 'orders.utm_medium',
                                 'orders.utm_campaign',
                                 'source_categories.source_category') }}
            as default_channel_group
    from orders
    left join source_categories
        on lower(orders.utm_source) = lower(source_categories.source)
    where
        orders.ga4_session_key is null
        and (orders.utm_source is not null or orders.utm_medium is not null)
),

credited as (
    select
        orders.order_id,
        case
            when last_non_direct_sessions.is_purchase_session then 'ga4_purchase_session'
            when last_non_direct_sessions.session_key is not null then 'ga4_earlier_session'
            when orders.ga4_session_key is not null then 'ga4_purchase_session'
            when utm_classified.order_id is not null then 'shopify_utm'
            else 'none'
        end as attribution_basis,

        -- last non-direct click
        coalesce(last_non_direct_sessions.session_key, orders.ga4_session_key)
            as attributed_session_key,
        case
            when last_non_direct_sessions.session_key is not null
                then last_non_direct_sessions.session_source
            when orders.ga4_session_key is not null then orders.session_source
            else utm_classified.utm_source
        end as attributed_source,
        case
            when last_non_direct_sessions.session_key is not null
                then last_non_direct_sessions.session_medium
            when orders.ga4_session_key is not null then orders.session_medium
            else utm_classified.utm_medium
        end as attributed_medium,
        case
            when last_non_direct_sessions.session_key is not null
                then last_non_direct_sessions.session_campaign
            when orders.ga4_session_key is not null then orders.session_campaign
            else utm_classified.utm_campaign
        end as attributed_campaign,
        case
            when last_non_direct_sessions.session_key is not null
                then last_non_direct_sessions.default_channel_group
            when orders.ga4_session_key is not null then orders.session_default_channel_group
            when utm_classified.order_id is not null then utm_classified.default_channel_group
            else 'Unattributed'
        end as attributed_channel_group,
        case
            when last_non_direct_sessions.session_key is not null
                then last_non_direct_sessions.social_platform
            when orders.ga4_session_key is not null then orders.session_social_platform
            else utm_classified.social_platform
        end as attributed_social_platform,

        -- first touch
        first_touch_sessions.session_key as attributed_first_touch_session_key,
        case
            when first_touch_sessions.session_key is not null
                then first_touch_sessions.session_source
            else utm_classified.utm_source
        end as attributed_first_touch_source,
        case
            when first_touch_sessions.session_key is not null
                then first_touch_sessions.session_medium
            else utm_classified.utm_medium
        end as attributed_first_touch_medium,
        case
            when first_touch_sessions.session_key is not null
                then first_touch_sessions.session_campaign
            else utm_classified.utm_campaign
        end as attributed_first_touch_campaign,
        case
            when first_touch_sessions.session_key is not null
                then first_touch_sessions.default_channel_group
            when utm_classified.order_id is not null then utm_classified.default_channel_group
            else 'Unattributed'
        end as attributed_first_touch_channel_group,
        case
            when first_touch_sessions.session_key is not null
                then first_touch_sessions.social_platform
            else utm_classified.social_platform
        end as attributed_first_touch_social_platform
    from orders
    left join last_non_direct_sessions
        on orders.order_id = last_non_direct_sessions.order_id
    left join first_touch_sessions
        on orders.order_id = first_touch_sessions.order_id
    left join utm_classified
        on orders.order_id = utm_classified.order_id
),

final as (
    select
        -- ids
        orders.order_id,
        credited.attributed_session_key,
        credited.attributed_first_touch_session_key,

        -- strings
        credited.attribution_basis,
        credited.attributed_source,
        credited.attributed_medium,
        credited.attributed_campaign,
        credited.attributed_channel_group,
        credited.attributed_social_platform,
        credited.attributed_first_touch_source,
        credited.attributed_first_touch_medium,
        credited.attributed_first_touch_campaign,
        credited.attributed_first_touch_channel_group,
        credited.attributed_first_touch_social_platform,
        orders.reporting_currency,

        -- numerics
        orders.gross_revenue,
        orders.refunded_revenue,
        orders.net_revenue,

        -- booleans
        coalesce(
            credited.attributed_channel_group in ('Organic Social', 'Paid Social'), false
        ) as is_social_attributed,
        coalesce(
            credited.attributed_first_touch_channel_group in ('Organic Social', 'Paid Social'),
            false
        ) as is_first_touch_social,
        orders.is_new_customer,
        orders.is_cancelled,

        -- dates
        orders.order_date,

        -- timestamps
        orders.created_at
    from orders
    inner join credited
        on orders.order_id = credited.order_id
)

select * from final
