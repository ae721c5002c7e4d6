{#- The value of `fields` at the row where `order_by` is least, per group: one aggregate
    (`min_by`, which DuckDB and Spark both spell so) instead of a row_number window and a
    join back. `fields` and `order_by` are lists of column expressions, each packed into one
    struct: the struct is never NULL, so a NULL field at the first row stays NULL (min_by
    would otherwise skip rows whose value is NULL on DuckDB), and the order is the fields'
    order, the later ones breaking ties of the earlier ones. `where` keeps only the rows it
    is true for (the aggregate FILTER clause of both engines). Read a field as
    `<cte>.<alias>.<field>`; a field name is its expression's last part after a dot. -#}
{% macro first_by(fields, order_by, where=none) -%}
    min_by({{ struct_of(fields) }}, {{ struct_of(order_by) }})
    {%- if where is not none %} filter (where {{ where }}){% endif %}
{%- endmacro %}

{#- A struct of the given column expressions, each field named as its column. -#}
{% macro struct_of(columns) -%}
    {{ return(adapter.dispatch('struct_of', 'social_roi')(columns)) }}
{%- endmacro %}

{% macro default__struct_of(columns) -%}
    struct_pack(
    {%- for column in columns %}{{ column.split('.')[-1] }} := {{ column }}
        {%- if not loop.last %}, {% endif %}{% endfor -%}
    )
{%- endmacro %}

{% macro spark__struct_of(columns) -%}
    named_struct(
    {%- for column in columns %}'{{ column.split('.')[-1] }}', {{ column }}
        {%- if not loop.last %}, {% endif %}{% endfor -%}
    )
{%- endmacro %}

{#- One field of a struct column (`traffic_source.source`). -#}
{% macro struct_field(struct_expr, field) -%}
    {{ return(adapter.dispatch('struct_field', 'social_roi')(struct_expr, field)) }}
{%- endmacro %}

{% macro default__struct_field(struct_expr, field) -%}
    ({{ struct_expr }}).{{ field }}
{%- endmacro %}

{% macro duckdb__struct_field(struct_expr, field) -%}
    struct_extract({{ struct_expr }}, '{{ field }}')
{%- endmacro %}
