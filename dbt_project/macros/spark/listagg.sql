{#- dbt.listagg on Spark: dbt-spark's own joins collect_list(), which ignores the order (the
    list comes out in whatever order the rows arrive) and gives '' for a group without a
    value. Spark 4's listagg() keeps the order asked for and gives NULL for an empty group,
    as listagg/string_agg do on DuckDB and the other engines. No model limits a list; a limit
    is refused rather than applied to an unordered list. -#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
        {{ exceptions.raise_compiler_error('listagg with limit_num: not implemented for Spark') }}
    {%- endif -%}
    listagg({{ measure }}, {{ delimiter_text }})
    {%- if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
{%- endmacro %}
