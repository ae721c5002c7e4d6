{#- One row per day from start_date_expr to end_date_expr inclusive, as `date_day`: a
    subquery for a FROM clause. Portable: day offsets from cross-joined digits (10^5 of
    them, about 273 years), added with dbt.dateadd. Both bounds are SQL expressions, so they
    may be scalar subqueries over the data. -#}
{% macro date_spine_days(start_date_expr, end_date_expr) -%}
    {%- set digits -%}
        (select 0 as digit union all select 1 union all select 2 union all select 3
         union all select 4 union all select 5 union all select 6 union all select 7
         union all select 8 union all select 9)
    {%- endset -%}
    (
        select cast({{ dbt.dateadd('day', 'offsets.day_offset', 'bounds.start_date') }} as date)
            as date_day
        from (
            select
                ones.digit + 10 * tens.digit + 100 * hundreds.digit + 1000 * thousands.digit
                + 10000 * ten_thousands.digit as day_offset
            from {{ digits }} as ones
            cross join {{ digits }} as tens
            cross join {{ digits }} as hundreds
            cross join {{ digits }} as thousands
            cross join {{ digits }} as ten_thousands
        ) as offsets
        cross join (
            select
                cast({{ start_date_expr }} as date) as start_date,
                cast({{ end_date_expr }} as date) as end_date
        ) as bounds
        where offsets.day_offset
            <= {{ dbt.datediff('bounds.start_date', 'bounds.end_date', 'day') }}
    )
{%- endmacro %}
