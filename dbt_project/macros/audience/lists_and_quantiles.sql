{#- One output row per item of a delimited text list (`a;b;c` -> three rows), used in a select
    list: the other columns of the row repeat beside each item. A NULL list gives no row.
    Set-returning functions differ by engine, so the models call this macro. -#}
{% macro split_to_rows(expr, delimiter=';') -%}
    {{ return(adapter.dispatch('split_to_rows', 'social_roi')(expr, delimiter)) }}
{%- endmacro %}

{#- Postgres and engines alike: unnest an array built from the text. -#}
{% macro default__split_to_rows(expr, delimiter) -%}
    unnest(string_to_array({{ expr }}, '{{ delimiter }}'))
{%- endmacro %}

{% macro duckdb__split_to_rows(expr, delimiter) -%}
    unnest(string_split({{ expr }}, '{{ delimiter }}'))
{%- endmacro %}

{#- Spark's split() takes a regular expression: the delimiter is quoted. -#}
{% macro spark__split_to_rows(expr, delimiter) -%}
    explode(split({{ expr }}, '\\Q{{ delimiter }}\\E'))
{%- endmacro %}

{#- The continuous (interpolated) percentile of an aggregate group, fraction in [0, 1]
    (0.5 = median): the ordered-set aggregate of standard SQL by default. -#}
{% macro percentile_continuous(expr, fraction) -%}
    {{ return(adapter.dispatch('percentile_continuous', 'social_roi')(expr, fraction)) }}
{%- endmacro %}

{% macro default__percentile_continuous(expr, fraction) -%}
    percentile_cont({{ fraction }}) within group (order by {{ expr }})
{%- endmacro %}

{% macro duckdb__percentile_continuous(expr, fraction) -%}
    quantile_cont({{ expr }}, {{ fraction }})
{%- endmacro %}

{% macro spark__percentile_continuous(expr, fraction) -%}
    percentile({{ expr }}, {{ fraction }})
{%- endmacro %}
