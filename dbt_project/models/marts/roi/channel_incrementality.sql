-- One row per quarter and channel: what the channel's investment added to net revenue and to
-- awareness according to the incrementality model (int_channel_effects_estimated), with its
-- interval, the incremental return on money and on money + time, and beside it the revenue
-- each attribution model credits to the same channel, so the gap between credit and effect is
-- visible. Incremental figures are model estimates of cause from observational data;
-- attribution is correlational credit, not cause. A channel the model could not estimate has
-- NULL incremental figures and says why.
{%- set models = ['first_touch', 'last_touch', 'last_non_direct', 'linear', 'position_based',
                  'time_decay'] %}

with

effects as (
    select * from {{ ref('int_channel_effects_estimated') }}
),

activity as (
    select * from {{ ref('int_channel_activity_aggregated') }}
),

attribution as (
    select * from {{ ref('attribution_by_channel') }}
),

calendar as (
    select * from {{ ref('int_dates_enriched') }}
),

quarters as (
    select
        calendar_date,
        cast({{ dbt.date_trunc('quarter', 'calendar_date') }} as date) as quarter_start_date
    from calendar
),

quarter_investment as (
    select
        activity.channel,
        quarters.quarter_start_date,
        count(*) as days_in_period,
        sum(activity.money_invested) as money_invested,
        sum(activity.time_cost) as time_cost,
        sum(activity.hours_logged) as hours_logged,
        sum(activity.total_investment) as total_investment
    from activity
    inner join quarters
        on activity.activity_date = quarters.calendar_date
    group by
        activity.channel,
        quarters.quarter_start_date
),

quarter_effects as (
    select
        effects.channel,
        quarters.quarter_start_date,
        effects.outcome,
        sum(effects.contribution) as incremental,
        sum(effects.contribution_lower) as incremental_lower,
        sum(effects.contribution_upper) as incremental_upper,
        max(effects.holdout_mape) as holdout_mape,
        max(effects.r_squared) as r_squared,
        max(effects.interval_level) as interval_level,
        max(effects.days_modelled) as days_modelled,
        min(case when effects.is_estimable then 1 else 0 end) = 1 as is_estimable,
        max(effects.estimability_reason) as estimability_reason
    from effects
    inner join quarters
        on effects.effect_date = quarters.calendar_date
    group by
        effects.channel,
        quarters.quarter_start_date,
        effects.outcome
),

quarter_attribution as (
    select
        attribution.channel,
        cast({{ dbt.date_trunc('quarter', 'attribution.month_start_date') }} as date)
            as quarter_start_date,
        {%- for m in models %}
            sum(case
                when attribution.attribution_model = '{{ m }}'
                    then attribution.credited_net_revenue
            end) as attributed_net_revenue_{{ m }}
            {%- if not loop.last %},{% endif %}
        {%- endfor %}
    from attribution
    group by
        attribution.channel,
        cast({{ dbt.date_trunc('quarter', 'attribution.month_start_date') }} as date)
),

{%- set outcomes = ['net_revenue', 'orders', 'new_customers', 'new_visitors',
                    'follower_growth'] %}

pivoted as (
    select
        channel,
        quarter_start_date,
        {%- for o in outcomes %}
            max(case when outcome = '{{ o }}' then incremental end) as incremental_{{ o }},
            max(case when outcome = '{{ o }}' then incremental_lower end)
                as incremental_{{ o }}_lower,
            max(case when outcome = '{{ o }}' then incremental_upper end)
                as incremental_{{ o }}_upper,
        {%- endfor %}
        max(case when outcome = 'net_revenue' then holdout_mape end) as holdout_mape,
        max(case when outcome = 'net_revenue' then r_squared end) as r_squared,
        max(interval_level) as interval_level,
        max(days_modelled) as days_modelled,
        max(case when outcome = 'net_revenue' and is_estimable then 1 else 0 end)
        = 1 as is_estimable,
        max(case when outcome = 'net_revenue' then estimability_reason end)
            as estimability_reason
    from quarter_effects
    group by
        channel,
        quarter_start_date
),

final as (
    select
        -- strings
        quarter_investment.channel,
        {{ dbt.concat([
            dbt.cast("extract(year from quarter_investment.quarter_start_date)",
                     dbt.type_string()),
            "'-Q'",
            dbt.cast("extract(quarter from quarter_investment.quarter_start_date)",
                     dbt.type_string()),
        ]) }} as quarter_label,
        pivoted.estimability_reason,

        -- numerics: investment
        cast(quarter_investment.days_in_period as {{ dbt.type_bigint() }}) as days_in_period,
        cast(quarter_investment.money_invested as {{ type_double() }}) as money_invested,
        cast(quarter_investment.time_cost as {{ type_double() }}) as time_cost,
        cast(quarter_investment.hours_logged as {{ type_double() }}) as hours_logged,
        cast(quarter_investment.total_investment as {{ type_double() }}) as total_investment,

        -- numerics: incremental effects
        {%- for o in outcomes %}
            cast(pivoted.incremental_{{ o }} as {{ type_double() }}) as incremental_{{ o }},
            cast(pivoted.incremental_{{ o }}_lower as {{ type_double() }})
                as incremental_{{ o }}_lower,
            cast(pivoted.incremental_{{ o }}_upper as {{ type_double() }})
                as incremental_{{ o }}_upper,
        {%- endfor %}
        cast({{ safe_divide('pivoted.incremental_net_revenue',
                             'quarter_investment.money_invested') }} as {{ type_double() }})
            as incremental_roas,
        cast({{ safe_divide('pivoted.incremental_net_revenue - quarter_investment.money_invested',
                             'quarter_investment.money_invested') }} as {{ type_double() }})
            as incremental_roi_money,
        cast({{ safe_divide('pivoted.incremental_net_revenue - quarter_investment.total_investment',
                             'quarter_investment.total_investment') }} as {{ type_double() }})
            as incremental_roi_total,
        cast({{ safe_divide('pivoted.incremental_net_revenue_lower'
                             ~ ' - quarter_investment.total_investment',
                             'quarter_investment.total_investment') }} as {{ type_double() }})
            as incremental_roi_total_lower,
        cast({{ safe_divide('pivoted.incremental_net_revenue_upper'
                             ~ ' - quarter_investment.total_investment',
                             'quarter_investment.total_investment') }} as {{ type_double() }})
            as incremental_roi_total_upper,

        -- numerics: attribution beside it
        {%- for m in models %}
            cast(
                coalesce(quarter_attribution.attributed_net_revenue_{{ m }}, 0)
                as {{ type_double() }}
            ) as attributed_net_revenue_{{ m }},
        {%- endfor %}

        -- numerics: model fit
        cast(pivoted.holdout_mape as {{ type_double() }}) as holdout_mape,
        cast(pivoted.r_squared as {{ type_double() }}) as r_squared,
        cast(pivoted.interval_level as {{ type_double() }}) as interval_level,
        cast(pivoted.days_modelled as {{ dbt.type_bigint() }}) as days_modelled,

        -- booleans
        coalesce(pivoted.is_estimable, false) as is_estimable,

        -- dates
        quarter_investment.quarter_start_date
    from quarter_investment
    left join pivoted
        on
            quarter_investment.channel = pivoted.channel
            and quarter_investment.quarter_start_date = pivoted.quarter_start_date
    left join quarter_attribution
        on
            quarter_investment.channel = quarter_attribution.channel
            and quarter_investment.quarter_start_date = quarter_attribution.quarter_start_date
)

select * from final
