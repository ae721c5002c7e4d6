-- Every KPI of the tier marts in long form, one row per date x platform x account x metric,
-- so one BI chart can show any metric. Generated from the metric catalog
-- (macros/metric_catalog.sql): a metric added there appears here, with no SQL to copy.
-- Rows whose value is NULL (a rate with no denominator that day) are left out.
{%- set marts = ['kpi_tier_1_daily', 'kpi_tier_2_daily', 'kpi_tier_3_daily'] %}
{%- set metrics = metrics_of(marts) %}
{%- set used_marts = metrics | map(attribute='mart') | unique | list %}

with

{% for mart in used_marts -%}
    {{ mart }} as (
        select * from {{ ref(mart) }}
    ),

{% endfor -%}

long_form as (
    {%- for metric in metrics %}
        select
            {{ metric.mart }}.metric_date,
            {{ metric.mart }}.platform,
            {{ metric.mart }}.account_id,
            cast({{ metric.tier }} as integer) as kpi_tier,
            {{ sql_text(metric.dimension) }} as benchmark_dimension,
            {{ sql_text(metric.key) }} as metric_key,
            {{ sql_text(metric.unit) }} as unit,
            cast({{ metric.mart }}.{{ metric.column }} as {{ type_double() }}) as metric_value
        from {{ metric.mart }}
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
)

select * from long_form
where metric_value is not null
