{#- Staging tolerates a missing optional column: a user whose ELT tool lands fewer columns
    can point the sources at its schema. `source_columns` reads the relation's columns once
    per model; `column_or_null` then gives the column cast to its type, or a typed NULL when
    the relation lacks it. Use: `{{ column_or_null(available, 'purpose', dbt.type_string()) }}
    as goal_purpose`. -#}

{#- None means "unknown": at parse time, and where the relation cannot be listed (a unit test's
    fixture, the in-memory lint target); column_or_null then keeps every column. -#}
{% macro source_columns(relation) -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set columns = adapter.get_columns_in_relation(relation) -%}
    {%- if columns | length == 0 -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(columns | map(attribute='name') | map('lower') | list) }}
{%- endmacro %}

{% macro column_or_null(available, name, data_type) -%}
    {%- if available is none or name | lower in available -%}
        cast({{ adapter.quote(name) }} as {{ data_type }})
    {%- else -%}
        cast(null as {{ data_type }})
    {%- endif -%}
{%- endmacro %}
