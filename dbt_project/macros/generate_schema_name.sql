{#- Layers land in schemas named for the layer (staging, intermediate, marts), not
    <target schema>_<layer>: BI tools and people read `marts.kpi_tier_1_daily`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
