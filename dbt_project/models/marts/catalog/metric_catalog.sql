-- One row per published metric: what it means, its formula, whose convention it follows, its
-- unit and grain, and the mart and column that hold it. Generated from the catalog in
-- macros/metric_catalog.sql, which kpi_daily is generated from too.
{%- set metrics = metric_catalog() %}

with

catalog as (
    {%- for metric in metrics %}
        select
            {{ sql_text(metric.key) }} as metric_key,
            {{ sql_text(metric.name) }} as metric_name,
            cast({{ metric.tier if metric.tier is not none else 'null' }} as integer) as kpi_tier,
            {{ sql_text(metric.dimension) }} as benchmark_dimension,
            {{ sql_text(metric.definition) }} as definition,
            {{ sql_text(metric.formula) }} as formula,
            {{ sql_text(metric.convention) }} as convention,
            {{ sql_text(metric.unit) }} as unit,
            {{ sql_text(metric.grain) }} as grain,
            {{ sql_text(metric.mart) }} as mart_name,
            {{ sql_text(metric.column) }} as mart_column,
            {{ sql_text(goal_measure(metric)) }} as goal_measure,
            {{ sql_text(metric.channel_evidence or none) }} as channel_evidence
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
)

select * from catalog
