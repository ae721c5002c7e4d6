-- One row per SMART goal, valid or not: the framework's goal table (goal, purpose, how it is
-- measured, what indicates success) with where the goal stands on the last day of
-- goal_progress. A goal that failed its checks is here with status `invalid` and its reasons
-- (int_goals_validated), a goal that starts after the last day of data with `not started`:
-- no goal is silently left out.

with

goals as (
    select * from {{ ref('int_goals_validated') }}
),

goal_progress as (
    select * from {{ ref('goal_progress') }}
    where is_latest
),

final as (
    select
        goals.goal_id,
        goals.goal_title,
        goals.goal_purpose,
        goals.metric_key,
        goals.metric_name,
        goals.goal_measure_text as how_measured,
        goals.success_criteria,
        goals.goal_scope,
        goals.goal_type,
        coalesce(goal_progress.goal_direction, goals.goal_direction) as goal_direction,
        goals.is_valid,
        goals.invalid_reasons,
        goals.start_date,
        goals.deadline_date,
        coalesce(goal_progress.baseline_value, goals.baseline_value) as baseline_value,
        goals.target_value,
        goal_progress.progress_date as as_of_date,
        goal_progress.current_value,
        goal_progress.progress,
        goal_progress.elapsed_share,
        goal_progress.projected_value,
        goal_progress.projected_progress,
        case
            when not goals.is_valid then 'invalid'
            when goal_progress.goal_id is null then 'not started'
            else goal_progress.goal_status
        end as goal_status
    from goals
    left join goal_progress
        on goals.goal_id = goal_progress.goal_id
)

select * from final
