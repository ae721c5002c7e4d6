{#- Daily figures from lifetime (cumulative) snapshots, as CTE definitions.

    `snapshots` names a CTE with the `entity_columns`, a `metric_date` (the date a snapshot
    describes), a `synced_at` (orders snapshots within a date) and one column per metric
    holding its lifetime value. The macro emits three CTEs, the last named `name`, with one
    row per entity and metric_date that has a snapshot:

    1. `<name>__latest`: per entity and date only the last snapshot (several syncs on one
       date: the latest wins);
    2. `<name>__deltas`: one row per entity, date and metric with a value; the delta is the
       value minus the previous snapshot's value of that metric (the first snapshot counts
       in full), so the deltas of an entity always sum to its latest lifetime value. A NULL
       value is skipped, never read as 0, so a metric missing from one sync is not counted
       twice when it reappears. Snapshots are never summed.
    3. `<name>`: the metrics pivoted back to columns, and `is_restated` = true when any
       metric went down (a restated, corrected lifetime value): the negative delta is kept
       so the sums still equal the latest lifetime value, and the row is flagged.

    Portable SQL only (window functions, union all, case). -#}
{% macro lifetime_to_daily(name, snapshots, entity_columns, metrics) -%}
    {%- set entity = entity_columns | join(', ') %}
{{ name }}__latest as (
    select *
    from (
        select
            {{ snapshots }}.*,
            row_number() over (
                partition by {{ entity }}, metric_date
                order by synced_at desc
            ) as snapshot_rank
        from {{ snapshots }}
    ) as ranked
    where snapshot_rank = 1
),

{{ name }}__deltas as (
    select
        {{ entity }},
        metric_date,
        metric_name,
        metric_value
        - coalesce(
            lag(metric_value) over (
                partition by {{ entity }}, metric_name
                order by metric_date
            ),
            0
        ) as metric_delta
    from (
        {%- for metric in metrics %}
        select
            {{ entity }},
            metric_date,
            '{{ metric }}' as metric_name,
            cast({{ metric }} as {{ dbt.type_bigint() }}) as metric_value
        from {{ name }}__latest
        where {{ metric }} is not null
        {% if not loop.last %}union all{% endif %}
        {%- endfor %}
    ) as long_values
),

{{ name }} as (
    select
        {{ entity }},
        metric_date,
        {%- for metric in metrics %}
        cast(
            sum(case when metric_name = '{{ metric }}' then metric_delta end)
            as {{ dbt.type_bigint() }}
        ) as {{ metric }},
        {%- endfor %}
        max(case when metric_delta < 0 then 1 else 0 end) = 1 as is_restated
    from {{ name }}__deltas
    group by {{ entity }}, metric_date
)
{%- endmacro %}
