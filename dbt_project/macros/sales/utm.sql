{#- UTM values of a Shopify order. Shopify's `order_url_tags` is a JSON array of
    {"key": ..., "value": ...} objects; the landing page URL carries the same values in its
    query string. Both macros return NULL when the key is absent or empty. -#}

{#- The value of `key` in a JSON array of {key, value} objects. -#}
{% macro json_key_value_lookup(json_expr, key) -%}
    {{ return(adapter.dispatch('json_key_value_lookup', 'social_roi')(json_expr, key)) }}
{%- endmacro %}

{#- Portable fallback on the text of the array: the value after `"key": "<key>", "value": "`,
    in the order Fivetran and Shopify serialise an element. Exact on DuckDB (below); on other
    engines replace with the engine's JSON functions if the serialisation differs. -#}
{% macro default__json_key_value_lookup(json_expr, key) -%}
    nullif(
        {{ dbt.split_part(
            dbt.split_part(
                "cast(" ~ json_expr ~ " as " ~ dbt.type_string() ~ ")",
                "'\"key\": \"" ~ key ~ "\", \"value\": \"'",
                2
            ),
            "'\"'",
            1
        ) }},
        ''
    )
{%- endmacro %}

{% macro duckdb__json_key_value_lookup(json_expr, key) -%}
    nullif(
        [
            tag.value
            for tag in from_json(
                cast({{ json_expr }} as json), '[{"key": "VARCHAR", "value": "VARCHAR"}]'
            )
            if tag.key = '{{ key }}'
        ][1],
        ''
    )
{%- endmacro %}

{% macro spark__json_key_value_lookup(json_expr, key) -%}
    nullif(
        get(
            filter(
                from_json(cast({{ json_expr }} as string), 'array<struct<key: string, value: string>>'),
                tag -> tag.key = '{{ key }}'
            ),
            0
        ).value,
        ''
    )
{%- endmacro %}

{#- The (URL-decoded) value of query parameter `key` in a URL. -#}
{% macro url_query_parameter(url_expr, key) -%}
    {{ return(adapter.dispatch('url_query_parameter', 'social_roi')(url_expr, key)) }}
{%- endmacro %}

{#- Portable fallback: text between `<key>=` and the next `&` or `#`; not URL-decoded and it
    also matches a parameter whose name ends in `<key>`. -#}
{% macro default__url_query_parameter(url_expr, key) -%}
    nullif(
        {{ dbt.split_part(
            dbt.split_part(
                dbt.split_part(url_expr, "'" ~ key ~ "='", 2),
                "'&'",
                1
            ),
            "'#'",
            1
        ) }},
        ''
    )
{%- endmacro %}

{% macro duckdb__url_query_parameter(url_expr, key) -%}
    nullif(
        url_decode(regexp_extract({{ url_expr }}, '[?&]{{ key }}=([^&#]*)', 1)),
        ''
    )
{%- endmacro %}

{#- Spark's url_decode reads `+` as a space; DuckDB's (and this project's figures) keep it. -#}
{% macro spark__url_query_parameter(url_expr, key) -%}
    nullif(
        try_url_decode(replace(regexp_extract({{ url_expr }}, '[?&]{{ key }}=([^&#]*)', 1), '+', '%2B')),
        ''
    )
{%- endmacro %}
