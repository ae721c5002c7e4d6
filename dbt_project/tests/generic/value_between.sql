{#- Fails for every row whose value lies outside [min_value, max_value] (bounds included);
    NULL values pass (a rate with no denominator is NULL, not out of range). Either bound may
    be omitted. -#}
{% test value_between(model, column_name, min_value=none, max_value=none) %}
    select {{ column_name }}
    from {{ model }}
    where
        {{ column_name }} is not null
        and (
            {%- if min_value is not none %} {{ column_name }} < {{ min_value }}{% else %} false{% endif %}
            or {%- if max_value is not none %} {{ column_name }} > {{ max_value }}{% else %} false{% endif %}
        )
{% endtest %}
