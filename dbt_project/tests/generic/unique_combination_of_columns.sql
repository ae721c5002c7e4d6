{#- Fails for every combination of the given columns that appears more than once (the grain
    of a multi-column key). NULL key parts count as values (`is not distinct from`): GROUP BY
    puts NULLs in one group on every engine, so two rows (channel, NULL video, date) are
    duplicates, as the loader's key check counts them. The project declares no dbt packages,
    so this replaces dbt_utils.unique_combination_of_columns. -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
    {%- set columns = combination_of_columns | join(', ') %}
    select {{ columns }}, count(*) as occurrences
    from {{ model }}
    group by {{ columns }}
    having count(*) > 1
{% endtest %}
