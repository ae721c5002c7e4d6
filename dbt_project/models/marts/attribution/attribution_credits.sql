-- One row per attributable order x journey touch x attribution model: the credit the model
-- gives the touch and the net revenue that credit carries. Attribution is credit
-- (correlational), not cause. Attributable orders: every order not cancelled
-- (int_orders_enriched); attributable revenue: their net revenue in the reporting currency.
-- Per order and model the credits sum to 1 and the credited net revenue to the order's net
-- revenue. Logic: int_journey_touches_assembled (journeys) and
-- int_attribution_credits_allocated (the six models).

with

credits as (
    select * from {{ ref('int_attribution_credits_allocated') }}
),

final as (
    select
        -- grain
        cast(order_id as {{ dbt.type_bigint() }}) as order_id,
        cast(touch_key as {{ dbt.type_string() }}) as touch_key,
        cast(attribution_model as {{ dbt.type_string() }}) as attribution_model,

        -- the touch
        cast(touch_number as {{ dbt.type_bigint() }}) as touch_number,
        cast(touch_count as {{ dbt.type_bigint() }}) as touch_count,
        cast(attribution_basis as {{ dbt.type_string() }}) as attribution_basis,
        cast(session_key as {{ dbt.type_string() }}) as session_key,
        cast(channel as {{ dbt.type_string() }}) as channel,
        cast(channel_group as {{ dbt.type_string() }}) as channel_group,
        cast(touch_source as {{ dbt.type_string() }}) as touch_source,
        cast(touch_medium as {{ dbt.type_string() }}) as touch_medium,
        cast(utm_campaign as {{ dbt.type_string() }}) as utm_campaign,
        cast(campaign_id as {{ dbt.type_string() }}) as campaign_id,
        cast(campaign_name as {{ dbt.type_string() }}) as campaign_name,
        cast(social_platform as {{ dbt.type_string() }}) as social_platform,
        cast(touched_at as {{ dbt.type_timestamp() }}) as touched_at,
        cast(days_before_order as {{ type_double() }}) as days_before_order,

        -- the credit
        cast(credit as {{ type_double() }}) as credit,
        {{ money('net_revenue * credit') }} as credited_net_revenue,
        cast(case when is_new_customer then credit else 0 end as {{ type_double() }})
            as credited_new_customers,

        -- the order
        cast(order_date as date) as order_date,
        cast({{ dbt.date_trunc('month', 'order_date') }} as date) as order_month_start_date,
        cast(order_created_at as {{ dbt.type_timestamp() }}) as order_created_at,
        {{ money('net_revenue') }} as order_net_revenue,
        cast(is_new_customer as {{ dbt.type_boolean() }}) as is_new_customer,
        cast(reporting_currency as {{ dbt.type_string() }}) as reporting_currency
    from credits
    where not is_cancelled
)

select * from final
