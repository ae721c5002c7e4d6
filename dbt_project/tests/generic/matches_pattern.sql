{#- Fails for every non-NULL value that does not match the regular expression `pattern` as a
    whole: the loader's pattern rule (e.g. a three-letter ISO 4217 currency code), for tables
    it did not load (an ELT tool's schema). Regular expressions differ between engines, so the
    match is a dispatched macro. -#}
{% test matches_pattern(model, column_name, pattern) %}
    select {{ column_name }} as unmatched_value
    from {{ model }}
    where
        {{ column_name }} is not null
        and not {{ full_match(dbt.cast(column_name, dbt.type_string()), pattern) }}
{% endtest %}
