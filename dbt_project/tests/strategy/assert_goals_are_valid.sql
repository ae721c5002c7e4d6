{{ config(severity='warn') }}
-- Every SMART goal can be judged: one row per invalid goal, naming it and saying why.
select
    goal_id,
    goal_title,
    invalid_reasons
from {{ ref('int_goals_validated') }}
where not is_valid
