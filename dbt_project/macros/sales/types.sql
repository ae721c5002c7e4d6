{#- A double-precision float. dbt.type_float() renders `float`, which is 4-byte REAL on
    DuckDB (about 7 significant digits): too coarse for FX rates such as 0.000000984695
    (IRR to USD) or for hours. -#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double', 'social_roi')()) }}
{%- endmacro %}

{% macro default__type_double() -%}
    double precision
{%- endmacro %}

{% macro bigquery__type_double() -%}
    float64
{%- endmacro %}
