-- How each valid SMART goal stands on every day from its start to its deadline (or to the last
-- day of data, if sooner): the framework's goal table (goal, purpose, how measured, what
-- indicates success) beside the measured value, the progress from baseline to target, the
-- share of time elapsed, the value projected at the deadline and a status.
-- - Value on a date: macros/strategy/goal_measure.sql (latest value of a stock, sum or mean
--   over the trailing goal_flow_window_days of a flow or rate, latest complete month of a
--   monthly metric).
-- - Baseline: the goal's own, else the value measured on its first day with a value.
-- - progress = (value - baseline) / (target - baseline), so a goal to reduce (target below
--   baseline) progresses as the value falls; elapsed share = days since the start / days from
--   start to deadline.
-- - Projected value: value + the least-squares slope of the last goal_trend_days values x the
--   days left; with fewer than goal_trend_min_days values there is no trend and the status
--   compares progress with the elapsed share (pace) instead.
-- - Status, in order: `no data` (no value yet), `achieved` (progress >= 1), `missed` (the
--   deadline has come), then `on track` (projected progress, or progress against pace, >= 1),
--   `at risk` (>= goal_at_risk_progress of it), `off track`.
{%- set window_days = var('goal_flow_window_days') %}
{%- set trend_days = var('goal_trend_days') %}

with

goals as (
    select * from {{ ref('int_goals_validated') }}
    where is_valid
),

observations as (
    select * from {{ ref('int_goal_observations_unioned') }}
),

calendar as (
    select * from {{ ref('int_dates_enriched') }}
),

kpi_daily as (
    select * from {{ ref('kpi_daily') }}
),

last_data_day as (
    select max(metric_date) as last_data_date from kpi_daily
),

goal_dates as (
    select
        goals.*,
        calendar.calendar_date as progress_date
    from goals
    cross join last_data_day
    inner join calendar
        on
            goals.start_date <= calendar.calendar_date
            and goals.deadline_date >= calendar.calendar_date
            and last_data_day.last_data_date >= calendar.calendar_date
),

-- every observation that bears on a goal's value on a date: the trailing window for flows
-- and rates, everything up to the date for stocks and monthly values
observed as (
    select
        goal_dates.goal_id,
        goal_dates.progress_date,
        observations.observed_on,
        observations.observed_value,
        row_number() over (
            partition by goal_dates.goal_id, goal_dates.progress_date
            order by observations.observed_on desc
        ) as recency_rank
    from goal_dates
    inner join observations
        on
            goal_dates.metric_key = observations.metric_key
            and goal_dates.goal_scope = observations.goal_scope
            and goal_dates.progress_date >= observations.observed_on
            and (
                goal_dates.goal_measure in ('latest', 'month')
                or observations.observed_on
                > {{ dbt.dateadd('day', -1 * window_days, 'goal_dates.progress_date') }}
            )
),

measured as (
    select
        goal_id,
        progress_date,
        sum(observed_value) as window_sum,
        avg(observed_value) as window_mean,
        max(case when recency_rank = 1 then observed_value end) as latest_value,
        max(observed_on) as value_observed_on,
        count(*) as observations_used
    from observed
    group by 1, 2
),

valued as (
    select
        goal_dates.*,
        measured.value_observed_on,
        coalesce(measured.observations_used, 0) as observations_used,
        case goal_dates.goal_measure
            when 'sum' then measured.window_sum
            when 'mean' then measured.window_mean
            else measured.latest_value
        end as current_value,
        {{ dbt.datediff('goal_dates.start_date', 'goal_dates.progress_date', 'day') }}
            as days_elapsed,
        {{ dbt.datediff('goal_dates.start_date', 'goal_dates.deadline_date', 'day') }}
            as days_total,
        {{ dbt.datediff('goal_dates.progress_date', 'goal_dates.deadline_date', 'day') }}
            as days_left
    from goal_dates
    left join measured
        on
            goal_dates.goal_id = measured.goal_id
            and goal_dates.progress_date = measured.progress_date
),

first_measured_dates as (
    select
        goal_id,
        min(progress_date) as first_measured_date
    from valued
    where current_value is not null
    group by 1
),

first_measured as (
    select
        valued.goal_id,
        valued.current_value as first_measured_value
    from valued
    inner join first_measured_dates
        on
            valued.goal_id = first_measured_dates.goal_id
            and valued.progress_date = first_measured_dates.first_measured_date
),

baselined as (
    select
        valued.*,
        coalesce(valued.baseline_value, first_measured.first_measured_value)
            as effective_baseline,
        case
            when valued.baseline_value is not null then 'goal'
            else 'measured on the first day with a value'
        end as baseline_source
    from valued
    left join first_measured
        on valued.goal_id = first_measured.goal_id
),

-- least-squares trend of the value over the last goal_trend_days days (x = days elapsed)
trend_sums as (
    select
        baselined.*,
        count(baselined.current_value) over trend_window as trend_values,
        sum(case when baselined.current_value is not null then baselined.days_elapsed end)
            over trend_window
            as sum_x,
        sum(baselined.current_value) over trend_window as sum_y,
        sum(baselined.current_value * baselined.days_elapsed) over trend_window as sum_xy,
        sum(
            case
                when
                    baselined.current_value is not null
                    then baselined.days_elapsed * baselined.days_elapsed
            end
        )
            over trend_window as sum_xx
    from baselined
    window trend_window as (
        partition by goal_id
        order by progress_date
        rows between {{ trend_days - 1 }} preceding and current row
    )
),

trended as (
    select
        trend_sums.*,
        case
            when
                trend_sums.trend_values >= {{ var('goal_trend_min_days') }}
                and trend_sums.trend_values * trend_sums.sum_xx
                - trend_sums.sum_x * trend_sums.sum_x
                > 0
                then
                    (
                        trend_sums.trend_values * trend_sums.sum_xy
                        - trend_sums.sum_x * trend_sums.sum_y
                    )
                    / (
                        trend_sums.trend_values * trend_sums.sum_xx
                        - trend_sums.sum_x * trend_sums.sum_x
                    )
        end as trend_slope_per_day
    from trend_sums
),

scored as (
    select
        trended.*,
        -- + 0.0: no progress on a goal to reduce is 0, not -0 (0 / a negative span)
        (trended.current_value - trended.effective_baseline)
        / nullif(trended.target_value - trended.effective_baseline, 0) + 0.0 as progress,
        cast(trended.days_elapsed as {{ type_double() }}) / trended.days_total as elapsed_share,
        trended.current_value + trended.trend_slope_per_day * trended.days_left as projected_value,
        (
            trended.current_value
            + trended.trend_slope_per_day * trended.days_left
            - trended.effective_baseline
        )
        / nullif(trended.target_value - trended.effective_baseline, 0) + 0.0 as projected_progress
    from trended
),

statused as (
    select
        scored.*,
        case
            when scored.current_value is null then 'no data'
            when scored.progress >= 1 or scored.progress_date >= scored.deadline_date then 'final'
            when scored.trend_slope_per_day is not null then 'trend'
            else 'pace'
        end as status_basis,
        case
            when scored.current_value is null then 'no data'
            when scored.progress >= 1 then 'achieved'
            when scored.progress_date >= scored.deadline_date then 'missed'
            when
                scored.trend_slope_per_day is not null and scored.projected_progress >= 1
                then 'on track'
            when
                scored.trend_slope_per_day is not null
                and scored.projected_progress >= {{ var('goal_at_risk_progress') }}
                then 'at risk'
            when scored.trend_slope_per_day is not null then 'off track'
            when scored.progress >= scored.elapsed_share then 'on track'
            when
                scored.progress >= {{ var('goal_at_risk_progress') }} * scored.elapsed_share
                then 'at risk'
            else 'off track'
        end as goal_status
    from scored
),

final as (
    select
        goal_id,
        progress_date,
        goal_title,
        goal_purpose,
        metric_key,
        metric_name,
        goal_measure_text as how_measured,
        success_criteria,
        goal_scope,
        goal_type,
        case
            when target_value < effective_baseline then 'reduce' else 'increase'
        end as goal_direction,
        start_date,
        deadline_date,
        effective_baseline as baseline_value,
        baseline_source,
        target_value,
        current_value,
        value_observed_on,
        observations_used,
        progress,
        cast(days_elapsed as {{ dbt.type_bigint() }}) as days_elapsed,
        cast(days_total as {{ dbt.type_bigint() }}) as days_total,
        elapsed_share,
        trend_values,
        trend_slope_per_day,
        projected_value,
        projected_progress,
        status_basis,
        goal_status,
        progress_date = max(progress_date) over (partition by goal_id) as is_latest
    from statused
)

select * from final
