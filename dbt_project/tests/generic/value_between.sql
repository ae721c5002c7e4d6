{#- Fails for every row whose value lies outside [min_value, max_value] (bounds inclusive).
    NULLs pass (a rate with a zero denominator is NULL, not out of range). Either bound may
    be left out for a one-sided check, e.g. `value_between: {arguments: {min_value: 0}}`.
    The project declares no dbt packages, so this replaces dbt_utils.accepted_range. -#}
{% test value_between(model, column_name, min_value=none, max_value=none) %}
    {%- if min_value is none and max_value is none -%}
        {{ exceptions.raise_compiler_error(
            "value_between on " ~ model ~ "." ~ column_name ~ ": give min_value, max_value or both") }}
    {%- endif %}
    select {{ column_name }} as out_of_range_value
    from {{ model }}
    where
        {{ column_name }} is not null
        and (
            {%- if min_value is not none %} {{ column_name }} < {{ min_value }}{% else %} 1 = 0{% endif %}
            or {%- if max_value is not none %} {{ column_name }} > {{ max_value }}{% else %} 1 = 0{% endif %}
        )
{% endtest %}
