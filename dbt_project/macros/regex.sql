{#- True when the whole of `expr` matches the regular expression `pattern` (a Python-style
    pattern as the landing contract writes it, e.g. `^[A-Za-z]{3}$`). -#}
{% macro full_match(expr, pattern) -%}
    {{ return(adapter.dispatch('full_match', 'social_roi')(expr, pattern)) }}
{%- endmacro %}

{% macro default__full_match(expr, pattern) -%}
    regexp_like({{ expr }}, '^(?:{{ pattern | replace("'", "''") }})$')
{%- endmacro %}

{% macro duckdb__full_match(expr, pattern) -%}
    regexp_full_match({{ expr }}, '{{ pattern | replace("'", "''") }}')
{%- endmacro %}

{% macro postgres__full_match(expr, pattern) -%}
    ({{ expr }} ~ '^(?:{{ pattern | replace("'", "''") }})$')
{%- endmacro %}

{#- Spark (Java regex): backslashes in string literals are escapes, so doubled; `\z` anchors at
    the very end (`$` also matches before a final line break). -#}
{% macro spark__full_match(expr, pattern) -%}
    regexp_like({{ expr }}, '^(?:{{ pattern | replace("\\", "\\\\") | replace("'", "\\'") }})\\z')
{%- endmacro %}
