-- One row per SMART goal (strategy guide, step 2), checked before use: its metric is in the
-- metric catalog, the target differs from the baseline, the deadline follows the start and
-- the scope is `all` or a platform or channel the warehouse knows (an account's platform, a
-- KPI platform, an attribution channel). Invalid goals are kept
-- with every reason (`invalid_reasons`), never dropped; the test
-- assert_goals_are_valid names them. Each valid metric maps to the framework's goal type
-- (sales, site traffic, brand awareness, service) and each goal to a direction (a target
-- below the baseline is a goal to reduce). A metric at a grain no goal can follow (per order,
-- per quarter) is invalid too; every valid goal carries how it is measured
-- (macros/strategy/goal_measure.sql) and which channel evidence bears on it (catalog field
-- channel_evidence, read by channel_fit).
{%- set metrics = metric_catalog() %}

with

goals as (
    select * from {{ ref('stg_strategy__goals') }}
),

kpi_platforms as (
    select * from {{ ref('kpi_daily') }}
),

attribution_channels as (
    select * from {{ ref('attribution_by_channel') }}
),

social_accounts as (
    select * from {{ ref('stg_social_accounts__accounts') }}
),

catalog as (
    {%- for metric in metrics %}
        select
            {{ sql_text(metric.key) }} as metric_key,
            {{ sql_text(metric.dimension) }} as benchmark_dimension,
            cast({{ metric.tier if metric.tier is not none else 'null' }} as integer) as kpi_tier,
            {{ sql_text(metric.mart) }} as mart_name,
            {{ sql_text(metric.name) }} as metric_name,
            {{ sql_text(metric.definition) }} as metric_definition,
            {{ sql_text(metric.grain) }} as metric_grain,
            {{ sql_text(goal_measure(metric)) }} as goal_measure,
            {{ sql_text(goal_measure_text(goal_measure(metric))) }} as goal_measure_text,
            {{ sql_text(metric.channel_evidence or none) }} as channel_evidence
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

known_scopes as (
    select 'all' as scope
    union
    select distinct kpi_platforms.platform as scope from kpi_platforms
    union
    select distinct attribution_channels.channel as scope from attribution_channels
    union
    select distinct social_accounts.platform as scope from social_accounts
),

checked as (
    select
        goals.goal_id,
        goals.goal_title,
        goals.goal_purpose,
        goals.success_criteria,
        goals.metric_key,
        catalog.metric_name,
        catalog.metric_definition,
        catalog.metric_grain,
        catalog.goal_measure,
        catalog.goal_measure_text,
        catalog.channel_evidence,
        goals.goal_scope,
        goals.baseline_value,
        goals.target_value,
        goals.start_date,
        goals.deadline_date,
        catalog.metric_key is not null as is_metric_known,
        known_scopes.scope is not null as is_scope_known,
        case
            when catalog.goal_measure is null then null
            when catalog.kpi_tier = 3 then 'sales'
            when
                catalog.mart_name in ('benchmark_interaction', 'kpi_tier_2_daily')
                then 'site traffic'
            when catalog.metric_key in ('csat', 'net_promoter_score', 'repeat_purchase_rate')
                then 'service'
            when catalog.metric_key is not null then 'brand awareness'
        end as goal_type,
        case
            when goals.baseline_value is not null and goals.target_value < goals.baseline_value
                then 'reduce'
            else 'increase'
        end as goal_direction
    from goals
    left join catalog
        on goals.metric_key = catalog.metric_key
    left join known_scopes
        on goals.goal_scope = known_scopes.scope
),

reasons as (
    select
        checked.*,
        {{ dbt.concat([
            "case when not is_metric_known then "
            ~ dbt.concat(["'metric '", "coalesce(metric_key, '(empty)')",
                          "' is not in the metric catalog; '"])
            ~ " else '' end",
            "case when is_metric_known and goal_measure is null then "
            ~ dbt.concat(["'metric '", "metric_key",
                          "' is published per '", "metric_grain",
                          "': no daily or monthly series a goal can follow; '"])
            ~ " else '' end",
            "case when baseline_value = target_value "
            ~ "then 'the target equals the baseline; ' else '' end",
            "case when deadline_date <= start_date "
            ~ "then 'the deadline does not follow the start; ' else '' end",
            "case when not is_scope_known then "
            ~ dbt.concat(["'scope '", "coalesce(goal_scope, '(empty)')",
                          "' is no platform or channel of the warehouse; '"])
            ~ " else '' end",
        ]) }} as reason_text
    from checked
),

final as (
    select
        goal_id,
        goal_title,
        goal_purpose,
        success_criteria,
        metric_key,
        metric_name,
        metric_definition,
        goal_measure,
        goal_measure_text,
        channel_evidence,
        goal_scope,
        goal_type,
        goal_direction,
        baseline_value,
        target_value,
        start_date,
        deadline_date,
        reason_text = '' as is_valid,
        case
            when reason_text <> ''
                then substring(reason_text, 1, length(reason_text) - 2)
        end as invalid_reasons
    from reasons
)

select * from final
