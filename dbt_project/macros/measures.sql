{#- A measure of a raw table, read by staging the way the loader reads it: text where a number
    belongs becomes NULL (dbt.safe_cast after Persian digits are made ASCII), and an
    impossible value (a negative count, a score out of its range) becomes NULL too; the row
    is kept. The loader does the same to the files it loads (and records what it nulled), so
    this matters on the ELT path, `<source>_schema` pointing at tables an ELT tool landed,
    where no loader ran.

    The rule is the landing contract's, not written here: dbt_sources.py generates each
    measure's bounds into macro contract_measures() (and into the source column's
    `meta.measure`, for the docs), and `measure` reads them for the source table the staging
    model selects from. Asking for a column the contract does not call a measure is a
    compile error. Text is read after Persian digits are made ASCII; a fraction in an
    integer measure is rounded by the engine's cast.

    Use like column_or_null: `{{ measure(available, 'share_count', dbt.type_bigint()) }}`
    (a typed NULL when the relation lacks the column). -#}
{% macro measure(available, name, data_type) -%}
    {%- set rule = measure_rule(name) -%}
    {%- if available is not none and name | lower not in available -%}
        cast(null as {{ data_type }})
    {%- else -%}
        {{ null_outside(parse_number(adapter.quote(name), data_type), rule) }}
    {%- endif -%}
{%- endmacro %}

{#- `value`, or NULL when it lies outside [min_value, max_value] (either bound optional). -#}
{% macro null_outside(value, rule) -%}
    {%- set conditions = [] -%}
    {%- if rule.get('min_value') is not none -%}
        {%- do conditions.append(value ~ ' < ' ~ rule['min_value']) -%}
    {%- endif -%}
    {%- if rule.get('max_value') is not none -%}
        {%- do conditions.append(value ~ ' > ' ~ rule['max_value']) -%}
    {%- endif -%}
    {%- if conditions -%}
        case when {{ conditions | join(' or ') }} then null else {{ value }} end
    {%- else -%}
        {{ value }}
    {%- endif -%}
{%- endmacro %}

{#- The contract's rule for measure `name` of the source table this model selects from, from
    the generated macro contract_measures() ({} at parse time). -#}
{% macro measure_rule(name) -%}
    {%- if not execute -%}
        {{ return({}) }}
    {%- endif -%}
    {%- set measures = contract_measures() -%}
    {%- for source_name, table_name in model.sources -%}
        {%- set table = measures.get(source_name ~ '.' ~ table_name, {}) -%}
        {%- if name in table -%}
            {{ return(table[name]) }}
        {%- endif -%}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error(
        model.name ~ ": " ~ name ~ " is not a measure of the landing contract "
        ~ "(Table.measure_columns) in the sources it selects from; read it with column_or_null") }}
{%- endmacro %}
