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

{#- dbt.safe_cast on DuckDB: dbt-duckdb keeps dbt's default (a plain cast, which fails the
    whole query on one unreadable value); DuckDB's try_cast gives NULL instead, as
    safe_cast promises on other engines. Staging relies on it for text where a number
    belongs (macro `measure`). -#}
{% macro duckdb__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}

{#- Spark's `float` is 4 bytes too; `double` is 8. -#}
{% macro spark__type_double() -%}
    double
{%- endmacro %}
