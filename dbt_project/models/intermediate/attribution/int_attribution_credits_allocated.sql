-- One row per order x journey touch x attribution model: the share of the order credited to
-- the touch (credit is correlational, not cause: it says which touches preceded an order,
-- not that they made it happen). Every touch of every journey appears under every model
-- (credit 0 where the model gives it none); each order's credits sum to 1 per model.
--   first_touch      1 to the first touch of the journey.
--   last_touch       1 to the last touch (the purchase session, or the order's own touch).
--   last_non_direct  GA4's rule: 1 to the latest touch whose channel group is not Direct;
--                    to the last touch when every touch is Direct.
--   linear           1 / n to each of the n touches.
--   position_based   40/20/40: one touch 1; two touches 0.5 each; more: 0.4 to the first,
--                    0.4 to the last, 0.2 split evenly over the n - 2 in between.
--   time_decay       weight 2^(-days_before_order / `attribution_half_life_days`) per touch,
--                    normalised to sum 1 over the journey.
-- Incremental by order: a run rebuilds the credits of the orders whose journey was rebuilt
-- since the previous run (int_journey_touches_assembled._built_at).
{%- set half_life_days = var('attribution_half_life_days') %}
{{
    config(**incremental_by_key('order_id'))
}}

with

journey_touches as (
    select * from {{ ref('int_journey_touches_assembled') }}
    {%- if is_incremental() %}
        where order_id in (
            select rebuilt.order_id
            from {{ ref('int_journey_touches_assembled') }} as rebuilt
            where rebuilt._built_at > {{ last_built_at() }}
        )
    {%- endif %}
),

ranked as (
    select
        journey_touches.*,
        row_number() over (
            partition by journey_touches.order_id, journey_touches.is_direct
            order by journey_touches.touch_number desc
        ) as recency_rank_within_directness,
        power(
            cast(2 as {{ type_double() }}),
            -1 * journey_touches.days_before_order
            / cast({{ half_life_days }} as {{ type_double() }})
        ) as decay_weight
    from journey_touches
),

weighted as (
    select
        ranked.*,
        sum(ranked.decay_weight) over (partition by ranked.order_id) as decay_weight_total
    from ranked
),

credits as (
    {%- for model in attribution_models() %}
        select
            weighted.*,
            '{{ model }}' as attribution_model,
            {%- if model == 'first_touch' %}
                case when weighted.touch_number = 1 then 1 else 0 end
            {%- elif model == 'last_touch' %}
                case when weighted.touch_number = weighted.touch_count then 1 else 0 end
            {%- elif model == 'last_non_direct' %}
                case
                    when
                        weighted.non_direct_touch_count = 0
                        and weighted.touch_number = weighted.touch_count
                        then 1
                    when
                        weighted.non_direct_touch_count > 0
                        and not weighted.is_direct
                        and weighted.recency_rank_within_directness = 1
                        then 1
                    else 0
                end
            {%- elif model == 'linear' %}
                cast(1 as {{ type_double() }}) / cast(weighted.touch_count as {{ type_double() }})
            {%- elif model == 'position_based' %}
                case
                    when weighted.touch_count = 1 then cast(1 as {{ type_double() }})
                    when weighted.touch_count = 2 then cast(0.5 as {{ type_double() }})
                    when weighted.touch_number in (1, weighted.touch_count)
                        then cast(0.4 as {{ type_double() }})
                    else
                        cast(0.2 as {{ type_double() }})
                        / cast(weighted.touch_count - 2 as {{ type_double() }})
                end
            {%- elif model == 'time_decay' %}
                weighted.decay_weight / weighted.decay_weight_total
            {%- endif %} as raw_credit
        from weighted
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
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
        attribution_model,
        attribution_basis,
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
        touch_number,
        touch_count,
        days_before_order,
        cast(raw_credit as {{ type_double() }}) as credit,
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
    from credits
)

select * from final
