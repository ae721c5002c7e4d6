{#- An 8-byte floating point type. dbt.type_float() is `float`, which DuckDB (like Postgres's
    `real`) stores in 4 bytes: rates and money would lose digits. -#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double', 'social_roi')()) }}
{%- endmacro %}

{% macro default__type_double() -%}
    {{ dbt.type_float() }}
{%- endmacro %}

{% macro duckdb__type_double() -%}
    double
{%- endmacro %}

{% macro postgres__type_double() -%}
    double precision
{%- endmacro %}
