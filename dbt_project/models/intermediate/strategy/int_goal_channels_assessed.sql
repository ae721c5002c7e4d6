-- One row per valid goal and channel: the raw evidence a planner weighs when choosing which
-- channels to use for the goal (strategy guide, step 6, "brainstorming channels"), over the
-- goal's period (its start date to its deadline or the last date of data, whichever is
-- earlier; days before the first date of data are not counted). The mart channel_fit scores
-- it.
--   * Contribution to the goal's channel evidence (catalog field channel_evidence): the
--     incrementality model's estimate where it could estimate the channel (an estimate of
--     cause), else the observed figure: last-non-direct attribution credit for orders, net
--     revenue and new customers (credit, correlational, not cause), new visitors of the
--     sessions whose channel it is, net follower change of its own accounts.
--   * A goal scoped to one platform or channel counts that channel only: the others get no
--     contribution and the reason.
--   * Investment (money, hours, their cost) in the same period, for the cost per unit.
--   * The team's self-assessment (experience, planned hours, resources) against the resources
--     the channel needs (seed channel_resource_needs), and the audience survey's share of
--     respondents using the platform.
-- Channels: the self-assessment's, every channel with investment or an own account, and every
-- channel attribution credits, except the buckets that name no channel a team can work on
-- (var channel_fit_excluded_channels: shared costs, direct, unattributed, other).
{%- set excluded = var('channel_fit_excluded_channels') %}
{%- set excluded_list = (["''"] + excluded | map('tojson') | list)
    | join(', ') | replace('"', "'") %}

with

goals as (
    select * from {{ ref('int_goals_validated') }}
    where is_valid
),

self_assessments as (
    select * from {{ ref('stg_strategy__self_assessments') }}
),

channel_aliases as (
    select * from {{ ref('marketing_channel_aliases') }}
),

resource_needs as (
    select * from {{ ref('channel_resource_needs') }}
),

source_categories as (
    select * from {{ ref('ga4_source_categories') }}
),

activity as (
    select * from {{ ref('int_channel_activity_aggregated') }}
),

effects as (
    select * from {{ ref('int_channel_effects_estimated') }}
),

attribution_credits as (
    select * from {{ ref('attribution_credits') }}
    where attribution_model = 'last_non_direct'
),

web_sessions as (
    select * from {{ ref('int_web_sessions_assembled') }}
),

roi_monthly as (
    select * from {{ ref('social_roi_monthly') }}
),

incrementality as (
    select * from {{ ref('channel_incrementality') }}
),

verdicts as (
    select * from {{ ref('channel_verdict') }}
),

survey as (
    select * from {{ ref('audience_survey_summary') }}
    where question = 'platforms_used'
),

calendar as (
    select * from {{ ref('int_dates_enriched') }}
),

-- the self-assessment and the survey name channels as people write them: the spend exports'
-- aliases map them to the canonical keys (`twitter` is x); a channel written two ways is one
-- channel with the best experience, the planned hours summed and any resource it has
assessed as (
    select
        coalesce(channel_aliases.channel, self_assessments.channel) as channel,
        max(case self_assessments.team_experience
            when 'professional' then 2
            when 'personal' then 1
            else 0
        end) as experience_level,
        sum(self_assessments.hours_per_week_planned) as hours_per_week_planned,
        max(case when self_assessments.has_skilled_writer then 1 else 0 end) as has_writer,
        max(case when self_assessments.has_photo_library then 1 else 0 end) as has_photos,
        max(case when self_assessments.has_photographer then 1 else 0 end) as has_photographer,
        max(case when self_assessments.has_video_library then 1 else 0 end) as has_videos,
        max(case when self_assessments.has_video_skills then 1 else 0 end) as has_video_skills
    from self_assessments
    left join channel_aliases
        on self_assessments.channel = channel_aliases.alias
    group by coalesce(channel_aliases.channel, self_assessments.channel)
),

-- the resources each channel needs (seed channel_resource_needs), one row per channel and
-- resource, against those the team has for the channel
{%- set resources = [
    ('skilled writer', 'needs_skilled_writer', 'has_writer'),
    ('photo library', 'needs_photo_library', 'has_photos'),
    ('photographer', 'needs_photographer', 'has_photographer'),
    ('video library', 'needs_video_library', 'has_videos'),
    ('video skills', 'needs_video_skills', 'has_video_skills'),
] %}
resource_rows as (
    {%- for name, needs, has in resources %}
        select
            resource_needs.channel,
            {{ loop.index }} as resource_order,
            '{{ name }}' as resource_name,
            resource_needs.{{ needs }} as is_needed,
            assessed.channel is not null as is_assessed,
            coalesce(assessed.{{ has }}, 0) = 1 as is_available
        from resource_needs
        left join assessed
            on resource_needs.channel = assessed.channel
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

channel_resources as (
    select
        channel,
        sum(case when is_needed then 1 else 0 end) as resources_needed,
        case
            when max(case when is_assessed then 1 else 0 end) = 1
                then sum(case when is_needed and is_available then 1 else 0 end)
        end as resources_available,
        {{ dbt.listagg(
            "case when is_assessed and is_needed and not is_available then resource_name end",
            "', '", "order by resource_order") }} as resources_missing
    from resource_rows
    group by channel
),

-- a platform named two ways keeps the larger share (a respondent may have named both)
platform_shares as (
    select
        coalesce(channel_aliases.channel, survey.answer) as channel,
        max(survey.answer_share) as audience_share,
        max(survey.margin_of_error_95) as audience_share_margin_of_error,
        max(survey.respondents) as audience_respondents
    from survey
    left join channel_aliases
        on survey.answer = channel_aliases.alias
    group by coalesce(channel_aliases.channel, survey.answer)
),

survey_respondents as (
    select max(survey.respondents) as respondents from survey
),

social_platforms as (
    select distinct source_categories.social_platform as channel
    from source_categories
    where source_categories.social_platform is not null
    union
    select distinct activity.channel from activity
    where activity.has_own_account
),

channels as (
    select assessed.channel from assessed
    union
    select distinct incrementality.channel from incrementality
    union
    select distinct verdicts.channel from verdicts
    union
    select distinct roi_monthly.channel from roi_monthly
),

plannable_channels as (
    select channels.channel
    from channels
    where
        channels.channel is not null
        and channels.channel not in ({{ excluded_list }})
),

data_period as (
    select
        min(calendar.calendar_date) as data_start_date,
        max(calendar.calendar_date) as data_end_date
    from calendar
),

goal_periods as (
    select
        goals.*,
        case
            when data_period.data_start_date > goals.start_date then data_period.data_start_date
            else goals.start_date
        end as period_start_date,
        case
            when data_period.data_end_date < goals.deadline_date then data_period.data_end_date
            else goals.deadline_date
        end as period_end_date
    from goals
    cross join data_period
),

goal_channels as (
    select
        goal_periods.*,
        plannable_channels.channel,
        goal_periods.goal_scope = 'all'
        or goal_periods.goal_scope = plannable_channels.channel as is_in_scope
    from goal_periods
    cross join plannable_channels
),

period_activity as (
    select
        goal_periods.goal_id,
        activity.channel,
        sum(activity.money_invested) as money_invested,
        sum(activity.hours_logged) as hours_logged,
        sum(activity.time_cost) as time_cost,
        sum(activity.total_investment) as total_investment,
        sum(activity.follower_growth) as follower_growth,
        max(case when activity.has_own_account then 1 else 0 end) = 1 as has_own_account
    from goal_periods
    inner join activity
        on
            activity.activity_date between goal_periods.period_start_date
            and goal_periods.period_end_date
    group by
        goal_periods.goal_id,
        activity.channel
),

period_effects as (
    select
        goal_periods.goal_id,
        effects.channel,
        sum(effects.contribution) as incremental,
        sum(effects.contribution_lower) as incremental_lower,
        sum(effects.contribution_upper) as incremental_upper,
        min(case when effects.is_estimable then 1 else 0 end) = 1 as is_estimable,
        max(effects.estimability_reason) as estimability_reason
    from goal_periods
    inner join effects
        on
            goal_periods.channel_evidence = effects.outcome
            and effects.effect_date between goal_periods.period_start_date
            and goal_periods.period_end_date
    group by
        goal_periods.goal_id,
        effects.channel
),

period_credits as (
    select
        goal_periods.goal_id,
        attribution_credits.channel,
        sum(attribution_credits.credit) as orders_credited,
        sum(attribution_credits.credited_net_revenue) as net_revenue_credited,
        sum(attribution_credits.credited_new_customers) as new_customers_credited
    from goal_periods
    inner join attribution_credits
        on
            attribution_credits.order_date between goal_periods.period_start_date
            and goal_periods.period_end_date
    group by
        goal_periods.goal_id,
        attribution_credits.channel
),

period_visitors as (
    select
        goal_periods.goal_id,
        {{ attribution_channel('web_sessions.default_channel_group',
                               'web_sessions.social_platform') }} as channel,
        sum(case when web_sessions.is_new_user then 1 else 0 end) as new_visitors
    from goal_periods
    inner join web_sessions
        on
            web_sessions.session_start_date between goal_periods.period_start_date
            and goal_periods.period_end_date
    group by
        goal_periods.goal_id,
        {{ attribution_channel('web_sessions.default_channel_group',
                               'web_sessions.social_platform') }}
),

joined as (
    select
        goal_channels.*,
        goal_channels.period_end_date >= goal_channels.period_start_date as has_period_data,
        {{ dbt.datediff('goal_channels.period_start_date', 'goal_channels.period_end_date',
                        'day') }} + 1 as days_in_period,
        coalesce(period_activity.money_invested, 0) as money_invested,
        coalesce(period_activity.hours_logged, 0) as hours_logged,
        coalesce(period_activity.time_cost, 0) as time_cost,
        coalesce(period_activity.total_investment, 0) as total_investment,
        coalesce(period_activity.has_own_account, false) as has_own_account,
        case goal_channels.channel_evidence
            when 'orders' then coalesce(period_credits.orders_credited, 0)
            when 'net_revenue' then coalesce(period_credits.net_revenue_credited, 0)
            when 'new_customers' then coalesce(period_credits.new_customers_credited, 0)
            when 'new_visitors' then coalesce(period_visitors.new_visitors, 0)
            when 'follower_growth' then
                case when period_activity.has_own_account then period_activity.follower_growth end
        end as observed_value,
        case goal_channels.channel_evidence
            when 'orders' then 'orders credited by last-non-direct attribution'
            when 'net_revenue' then 'net revenue credited by last-non-direct attribution'
            when 'new_customers' then 'new customers credited by last-non-direct attribution'
            when 'new_visitors' then 'new visitors of the sessions from the channel'
            when 'follower_growth' then 'net follower change of the own accounts'
        end as observed_definition,
        period_effects.incremental,
        period_effects.incremental_lower,
        period_effects.incremental_upper,
        coalesce(period_effects.is_estimable, false) as is_incremental_estimable,
        case
            when period_effects.channel is null
                then 'the incrementality model has no estimate for the channel in this period'
            when not period_effects.is_estimable then period_effects.estimability_reason
        end as incremental_missing_reason,
        assessed.channel is not null as has_self_assessment,
        case assessed.experience_level
            when 2 then 'professional'
            when 1 then 'personal'
            when 0 then 'none'
        end as team_experience,
        assessed.hours_per_week_planned,
        channel_resources.channel is not null as has_resource_needs,
        channel_resources.resources_needed,
        channel_resources.resources_available,
        channel_resources.resources_missing,
        social_platforms.channel is not null as is_social_platform,
        case
            when platform_shares.channel is not null then platform_shares.audience_share
            when social_platforms.channel is not null and survey_respondents.respondents > 0
                then 0
        end as audience_share,
        platform_shares.audience_share_margin_of_error,
        case
            when social_platforms.channel is not null or platform_shares.channel is not null
                then survey_respondents.respondents
        end as audience_respondents
    from goal_channels
    cross join survey_respondents
    left join period_activity
        on
            goal_channels.goal_id = period_activity.goal_id
            and goal_channels.channel = period_activity.channel
    left join period_effects
        on
            goal_channels.goal_id = period_effects.goal_id
            and goal_channels.channel = period_effects.channel
    left join period_credits
        on
            goal_channels.goal_id = period_credits.goal_id
            and goal_channels.channel = period_credits.channel
    left join period_visitors
        on
            goal_channels.goal_id = period_visitors.goal_id
            and goal_channels.channel = period_visitors.channel
    left join assessed
        on goal_channels.channel = assessed.channel
    left join channel_resources
        on goal_channels.channel = channel_resources.channel
    left join platform_shares
        on goal_channels.channel = platform_shares.channel
    left join social_platforms
        on goal_channels.channel = social_platforms.channel
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
        observed_definition,
        case
            when channel_evidence is null
                then 'the goal''s metric has no channel evidence: no channel figure bears on it'
            when not is_in_scope then 'the goal counts ' || goal_scope || ' only'
            when not has_period_data then 'the goal''s period has no data yet'
            when goal_direction = 'reduce'
                then 'the goal reduces its metric: a channel''s contribution adds to it'
            when channel_evidence = 'follower_growth' and not has_own_account
                then 'the channel has no own social account: no followers to grow'
            when not is_incremental_estimable and observed_value is null
                then 'no figure of the channel in the goal''s period'
        end as contribution_reason,
        case
            when channel_evidence is not null and is_in_scope and has_period_data
                then incremental_missing_reason
        end as incremental_missing_reason,
        team_experience,
        resources_missing,

        -- numerics
        cast(case when has_period_data then days_in_period else 0 end as {{ dbt.type_bigint() }})
            as days_in_period,
        cast(
            case when is_in_scope and has_period_data then observed_value end as {{ type_double() }}
        ) as observed_contribution,
        cast(
            case when is_in_scope and has_period_data then incremental end as {{ type_double() }}
        ) as incremental_contribution,
        cast(
            case when is_in_scope and has_period_data then incremental_lower end
            as {{ type_double() }}
        ) as incremental_contribution_lower,
        cast(
            case when is_in_scope and has_period_data then incremental_upper end
            as {{ type_double() }}
        ) as incremental_contribution_upper,
        {{ money('money_invested') }} as money_invested,
        cast(hours_logged as {{ type_double() }}) as hours_logged,
        {{ money('time_cost') }} as time_cost,
        {{ money('total_investment') }} as total_investment,
        cast(hours_per_week_planned as {{ type_double() }}) as hours_per_week_planned,
        cast(
            case when has_resource_needs then resources_needed end as {{ dbt.type_bigint() }}
        ) as resources_needed,
        cast(
            case when has_resource_needs then resources_available end as {{ dbt.type_bigint() }}
        ) as resources_available,
        cast(audience_share as {{ type_double() }}) as audience_share,
        cast(audience_share_margin_of_error as {{ type_double() }})
            as audience_share_margin_of_error,
        cast(audience_respondents as {{ dbt.type_bigint() }}) as audience_respondents,

        -- booleans
        is_in_scope,
        is_incremental_estimable and is_in_scope and has_period_data
        and channel_evidence is not null as is_incremental_estimable,
        has_self_assessment,
        has_own_account,
        is_social_platform,

        -- dates
        start_date,
        deadline_date,
        period_start_date,
        period_end_date
    from joined
)

select * from final
