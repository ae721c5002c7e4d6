{#- dbt.split_part on Spark as dbt-duckdb spells it (`string_split(text, delimiter)[part]`):
    a literal delimiter (dbt-spark's regex split escapes only its first character), NULL past
    the last part, a negative part counted from the end. dbt looks for a `dbt`-namespace
    macro in the root project first, so this replaces dbt-spark's. -#}
{% macro spark__split_part(string_text, delimiter_text, part_number) -%}
    try_element_at(split({{ string_text }}, concat('\\Q', {{ delimiter_text }}, '\\E')), {{ part_number }})
{%- endmacro %}
