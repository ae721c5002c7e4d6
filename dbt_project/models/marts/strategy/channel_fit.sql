-- One row per valid goal and channel: which channels suit the goal (strategy guide, step 6,
-- "brainstorming channels"), with the evidence a planner weighs and a fit score whose
-- components are each visible, ranked within the goal (rank 1 = best fit).
-- The evidence comes from int_goal_channels_assessed (goal's period: start date to the
-- deadline or the last date of data). The contribution the score uses is the incrementality
-- model's estimate where it could estimate the channel (an estimate of cause), else the
-- observed figure (for sales figures attribution credit: correlational, not cause);
-- contribution_basis says which.
-- Components, each in [0, 1] (NULL when unknown):
--   contribution_score  the channel's contribution / the best channel's of the goal (0 when
--                       not positive);
--   cost_score          the cheapest total cost per unit of the goal / the channel's;
--   experience_score    team experience none 0, personal 0.5, professional 1;
--   resource_score      share of the resources the channel needs that the team has;
--   audience_score      share of survey respondents using the platform.
-- fit_score = sum(weight x component, an unknown component counting 0) / sum(weights), with
-- the weights of the vars channel_fit_weight_* (dbt_project.yml).
{%- set weights = {
    'contribution': var('channel_fit_weight_contribution'),
    'cost': var('channel_fit_weight_cost'),
    'experience': var('channel_fit_weight_experience'),
    'resources': var('channel_fit_weight_resources'),
    'audience': var('channel_fit_weight_audience'),
} %}
{%- set weight_sum = weights.values() | sum %}
{%- if weight_sum <= 0 %}
    {{ exceptions.raise_compiler_error(
        "the vars channel_fit_weight_* must sum to more than 0, got " ~ weight_sum) }}
{%- endif %}

with

assessed as (
    select * from {{ ref('int_goal_channels_assessed') }}
),

contributions as (
    select
        assessed.*,
        case
            when assessed.contribution_reason is not null then null
            when assessed.is_incremental_estimable then 'incremental'
            when assessed.observed_contribution is not null then 'observed'
        end as contribution_basis
    from assessed
),

scored_contributions as (
    select
        contributions.*,
        case contributions.contribution_basis
            when 'incremental' then contributions.incremental_contribution
            when 'observed' then contributions.observed_contribution
        end as contribution
    from contributions
),

unit_costs as (
    select
        scored_contributions.*,
        case
            when scored_contributions.contribution > 0 and scored_contributions.total_investment > 0
                then
                    cast(scored_contributions.money_invested as {{ type_double() }})
                    / scored_contributions.contribution
        end as money_per_unit,
        case
            when scored_contributions.contribution > 0 and scored_contributions.total_investment > 0
                then scored_contributions.hours_logged / scored_contributions.contribution
        end as hours_per_unit,
        case
            when scored_contributions.contribution > 0 and scored_contributions.total_investment > 0
                then
                    cast(scored_contributions.total_investment as {{ type_double() }})
                    / scored_contributions.contribution
        end as total_cost_per_unit,
        case
            when scored_contributions.contribution is null then 'no contribution'
            when scored_contributions.contribution <= 0
                then 'the contribution is not positive: nothing was bought with the cost'
            when scored_contributions.total_investment <= 0
                then 'no investment recorded in the goal''s period: the cost is unknown, not 0'
        end as cost_reason
    from scored_contributions
),

goal_bests as (
    select
        unit_costs.*,
        max(unit_costs.contribution) over (partition by unit_costs.goal_id) as best_contribution,
        min(unit_costs.total_cost_per_unit) over (partition by unit_costs.goal_id)
            as cheapest_cost_per_unit,
        coalesce(
            min(unit_costs.contribution_basis) over (partition by unit_costs.goal_id)
            <> max(unit_costs.contribution_basis) over (partition by unit_costs.goal_id),
            false
        ) as has_mixed_bases
    from unit_costs
),

components as (
    select
        goal_bests.*,
        case
            when goal_bests.contribution is null then null
            when goal_bests.contribution <= 0 or goal_bests.best_contribution <= 0 then 0
            else goal_bests.contribution / goal_bests.best_contribution
        end as contribution_score,
        case
            when goal_bests.total_cost_per_unit is not null
                then goal_bests.cheapest_cost_per_unit / goal_bests.total_cost_per_unit
        end as cost_score,
        case goal_bests.team_experience
            when 'professional' then 1.0
            when 'personal' then 0.5
            when 'none' then 0.0
        end as experience_score,
        case
            when not goal_bests.has_self_assessment or goal_bests.resources_needed is null
                then null
            when goal_bests.resources_needed = 0 then 1.0
            else
                cast(goal_bests.resources_available as {{ type_double() }})
                / goal_bests.resources_needed
        end as resource_score,
        goal_bests.audience_share as audience_score
    from goal_bests
),

fitted as (
    select
        components.*,
        (
            {{ weights.contribution }} * coalesce(components.contribution_score, 0)
            + {{ weights.cost }} * coalesce(components.cost_score, 0)
            + {{ weights.experience }} * coalesce(components.experience_score, 0)
            + {{ weights.resources }} * coalesce(components.resource_score, 0)
            + {{ weights.audience }} * coalesce(components.audience_score, 0)
        ) / {{ weight_sum }} as fit_score,
        (case when components.contribution_score is null then 0 else 1 end)
        + (case when components.cost_score is null then 0 else 1 end)
        + (case when components.experience_score is null then 0 else 1 end)
        + (case when components.resource_score is null then 0 else 1 end)
        + (case when components.audience_score is null then 0 else 1 end) as components_known,
        {{ dbt.concat([
            "case when components.contribution_score is null then "
            ~ dbt.concat(["'contribution: '", "components.contribution_reason", "'; '"])
            ~ " else '' end",
            "case when components.cost_score is null then "
            ~ dbt.concat(["'cost: '", "components.cost_reason", "'; '"])
            ~ " else '' end",
            "case when components.experience_score is null "
            ~ "then 'experience: the channel has no self-assessment row; ' else '' end",
            "case when components.resource_score is null then "
            ~ "case when not components.has_self_assessment "
            ~ "then 'resources: the channel has no self-assessment row; ' "
            ~ "else 'resources: seed channel_resource_needs does not list the channel; ' end"
            ~ " else '' end",
            "case when components.audience_score is null "
            ~ "then 'audience: the survey asks about social platforms only; ' else '' end",
        ]) }} as missing_text
    from components
),

final as (
    select
        -- ids
        goal_id,

        -- strings
        channel,
        goal_title,
        metric_key,
        metric_name,
        channel_evidence,
        goal_scope,
        goal_type,
        goal_direction,
        contribution_basis,
        contribution_reason,
        observed_definition,
        incremental_missing_reason,
        cost_reason,
        team_experience,
        resources_missing,
        case
            when missing_text <> '' then substring(missing_text, 1, length(missing_text) - 2)
        end as missing_components,
        cast('{{ var("reporting_currency") }}' as {{ dbt.type_string() }}) as reporting_currency,

        -- numerics: contribution to the goal's metric
        cast(contribution as {{ type_double() }}) as contribution,
        observed_contribution,
        incremental_contribution,
        incremental_contribution_lower,
        incremental_contribution_upper,

        -- numerics: cost
        days_in_period,
        money_invested,
        hours_logged,
        time_cost,
        total_investment,
        cast(money_per_unit as {{ type_double() }}) as money_per_unit,
        cast(hours_per_unit as {{ type_double() }}) as hours_per_unit,
        cast(total_cost_per_unit as {{ type_double() }}) as total_cost_per_unit,

        -- numerics: team and audience
        hours_per_week_planned,
        cast(
            case when days_in_period > 0 then hours_logged * 7 / days_in_period end
            as {{ type_double() }}
        ) as hours_per_week_logged,
        resources_needed,
        resources_available,
        audience_share,
        audience_share_margin_of_error,
        audience_respondents,

        -- numerics: the score
        cast(contribution_score as {{ type_double() }}) as contribution_score,
        cast(cost_score as {{ type_double() }}) as cost_score,
        cast(experience_score as {{ type_double() }}) as experience_score,
        cast(resource_score as {{ type_double() }}) as resource_score,
        cast(audience_score as {{ type_double() }}) as audience_score,
        cast(components_known as {{ dbt.type_bigint() }}) as components_known,
        cast(fit_score as {{ type_double() }}) as fit_score,
        cast(
            row_number() over (partition by goal_id order by fit_score desc, channel asc)
            as {{ dbt.type_bigint() }}
        ) as fit_rank,

        -- booleans
        is_in_scope,
        is_incremental_estimable,
        has_mixed_bases,
        has_self_assessment,

        -- dates
        start_date,
        deadline_date,
        period_start_date,
        period_end_date
    from fitted
)

select * from final
