{#- Integer division and remainder for non-negative integers, the building blocks of the
    calendar arithmetic. Engines differ (`/` is integer division on Postgres but not on
    DuckDB, BigQuery or Snowflake), hence the dispatch. -#}

{% macro integer_divide(numerator, denominator) -%}
    {{ return(adapter.dispatch('integer_divide', 'social_roi')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__integer_divide(numerator, denominator) -%}
    cast(floor(({{ numerator }}) / ({{ denominator }} * 1.0)) as {{ dbt.type_bigint() }})
{%- endmacro %}

{% macro duckdb__integer_divide(numerator, denominator) -%}
    (({{ numerator }}) // ({{ denominator }}))
{%- endmacro %}

{% macro spark__integer_divide(numerator, denominator) -%}
    (({{ numerator }}) div ({{ denominator }}))
{%- endmacro %}

{% macro integer_modulo(numerator, denominator) -%}
    {{ return(adapter.dispatch('integer_modulo', 'social_roi')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__integer_modulo(numerator, denominator) -%}
    mod({{ numerator }}, {{ denominator }})
{%- endmacro %}
