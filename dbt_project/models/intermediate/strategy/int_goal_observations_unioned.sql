-- The observed values of every metric a valid SMART goal follows, at the goal's scope, one row
-- per metric x scope x date observed: the daily KPI marts (through kpi_daily) and the own
-- brand's rows of the monthly benchmark marts. A monthly value counts once its month is over
-- (dated on the month's last day, and only when that day is on or before the last day of KPI
-- data), so a half month never passes for a whole one. Several own accounts on one platform
-- are combined as the goal's measure says: summed for stocks and flows, averaged (unweighted)
-- for rates. How a goal turns these into its value on a date: goal_progress.
{%- set monthly_marts = ['benchmark_distribution', 'benchmark_interaction',
                         'benchmark_influence'] %}
{%- set monthly_metrics = metrics_of(monthly_marts) %}

with

goals as (
    select * from {{ ref('int_goals_validated') }}
),

kpi_daily as (
    select * from {{ ref('kpi_daily') }}
),

{% for mart in monthly_marts -%}
    {{ mart }} as (
        select * from {{ ref(mart) }}
    ),

{% endfor -%}

followed as (
    select distinct
        metric_key,
        goal_scope,
        goal_measure
    from goals
    where is_valid
),

last_data_day as (
    select max(metric_date) as last_data_date from kpi_daily
),

daily as (
    select
        kpi_daily.metric_key,
        kpi_daily.platform as goal_scope,
        kpi_daily.metric_date as observed_on,
        case
            when max(followed.goal_measure) = 'mean' then avg(kpi_daily.metric_value)
            else sum(kpi_daily.metric_value)
        end as observed_value,
        count(*) as accounts_combined
    from kpi_daily
    inner join followed
        on
            kpi_daily.metric_key = followed.metric_key
            and kpi_daily.platform = followed.goal_scope
    group by 1, 2, 3
),

monthly_long as (
    {%- for metric in monthly_metrics %}
        select
            {{ sql_text(metric.key) }} as metric_key,
            platform as goal_scope,
            month_start_date,
            cast({{ metric.column }} as {{ type_double() }}) as observed_value
        from {{ metric.mart }}
        where is_own_brand
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

monthly as (
    select
        monthly_long.metric_key,
        monthly_long.goal_scope,
        cast({{ dbt.last_day('monthly_long.month_start_date', 'month') }} as date) as observed_on,
        monthly_long.observed_value,
        1 as accounts_combined
    from monthly_long
    inner join followed
        on
            monthly_long.metric_key = followed.metric_key
            and monthly_long.goal_scope = followed.goal_scope
    cross join last_data_day
    where
        monthly_long.observed_value is not null
        and cast({{ dbt.last_day('monthly_long.month_start_date', 'month') }} as date)
        <= last_data_day.last_data_date
),

unioned as (
    select * from daily
    union all
    select * from monthly
)

select * from unioned
