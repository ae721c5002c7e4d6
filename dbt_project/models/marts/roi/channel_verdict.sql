-- One row per quarter and channel: did the channel grow revenue, or only awareness? The
-- audience's movement (follower growth, impressions as the reach figure every platform
-- reports per post, sessions and new visitors from the platform) next to the revenue
-- contribution (the incrementality model's estimate first, attribution's credit beside it),
-- and a verdict in plain words with the rule and thresholds that decided it:
--   1. `not enough data` when the model could not estimate the channel (too short a history,
--      investment that hardly varies) or nothing was invested in the quarter;
--   2. `grows revenue` when the lower bound of the incremental net revenue interval is above 0;
--   3. `awareness only` when revenue is not shown but the lower bound of incremental new
--      visitors or of incremental follower growth is above 0;
--   4. `not enough data` when nothing is shown and the revenue interval is too wide to tell:
--      its upper bound reaches the quarter's total investment (the channel might pay back);
--   5. `neither` when nothing is shown and even the upper bound stays below the investment.
-- Incremental figures are model estimates of cause; attribution is credit, not cause.

with

incrementality as (
    select * from {{ ref('channel_incrementality') }}
),

activity as (
    select * from {{ ref('int_channel_activity_aggregated') }}
),

audience as (
    select
        activity.channel,
        cast({{ dbt.date_trunc('quarter', 'activity.activity_date') }} as date)
            as quarter_start_date,
        sum(activity.follower_growth) as follower_growth,
        sum(activity.impressions) as impressions,
        sum(activity.social_sessions) as social_sessions,
        sum(activity.social_new_visitors) as social_new_visitors
    from activity
    group by
        activity.channel,
        cast({{ dbt.date_trunc('quarter', 'activity.activity_date') }} as date)
),

judged as (
    select
        incrementality.*,
        audience.follower_growth,
        audience.impressions,
        audience.social_sessions,
        audience.social_new_visitors,
        coalesce(incrementality.incremental_net_revenue_lower > 0, false)
            as is_revenue_effect_shown,
        coalesce(
            incrementality.incremental_new_visitors_lower > 0
            or incrementality.incremental_follower_growth_lower > 0,
            false
        ) as is_awareness_effect_shown,
        coalesce(
            incrementality.incremental_net_revenue_upper < incrementality.total_investment,
            false
        ) as is_payback_ruled_out
    from incrementality
    left join audience
        on
            incrementality.channel = audience.channel
            and incrementality.quarter_start_date = audience.quarter_start_date
),

final as (
    select
        -- strings
        channel,
        quarter_label,
        case
            when not is_estimable or total_investment <= 0 then 'not enough data'
            when is_revenue_effect_shown then 'grows revenue'
            when is_awareness_effect_shown then 'awareness only'
            when not is_payback_ruled_out then 'not enough data'
            else 'neither'
        end as verdict,
        case
            when not is_estimable then estimability_reason
            when total_investment <= 0 then 'nothing was invested in the channel this quarter'
            when is_revenue_effect_shown
                then 'the lower bound of incremental net revenue is above 0'
            when is_awareness_effect_shown
                then
                    'revenue effect not shown (its interval includes 0); the lower bound of '
                    || 'incremental new visitors or follower growth is above 0'
            when not is_payback_ruled_out
                then
                    'no effect shown, and the revenue interval is too wide to tell: its '
                    || 'upper bound reaches the investment'
            else
                'no effect shown, and even the upper bound of incremental net revenue is '
                || 'below the investment'
        end as verdict_reason,

        -- numerics: awareness movement
        cast(follower_growth as {{ dbt.type_bigint() }}) as follower_growth,
        cast(impressions as {{ dbt.type_bigint() }}) as impressions,
        cast(social_sessions as {{ dbt.type_bigint() }}) as social_sessions,
        cast(social_new_visitors as {{ dbt.type_bigint() }}) as social_new_visitors,
        incremental_new_visitors,
        incremental_new_visitors_lower,
        incremental_new_visitors_upper,
        incremental_follower_growth,
        incremental_follower_growth_lower,
        incremental_follower_growth_upper,

        -- numerics: revenue contribution
        incremental_net_revenue,
        incremental_net_revenue_lower,
        incremental_net_revenue_upper,
        attributed_net_revenue_last_non_direct,
        attributed_net_revenue_linear,
        money_invested,
        total_investment,
        incremental_roi_total,

        -- numerics: thresholds that decided the verdict
        cast(0 as {{ type_double() }}) as revenue_lower_bound_threshold,
        cast(0 as {{ type_double() }}) as awareness_lower_bound_threshold,
        total_investment as payback_threshold,
        interval_level,

        -- booleans
        is_estimable,
        is_revenue_effect_shown,
        is_awareness_effect_shown,
        is_payback_ruled_out,

        -- dates
        quarter_start_date
    from judged
)

select * from final
