{#- A multi-valued answer kept as text: normalised (Persian yeh/kaf, trimmed) with no spaces
    around the `;` separator; empty as NULL. -#}
{% macro normalize_semicolon_list(expr) -%}
    nullif(replace(replace({{ normalize_text(expr) }}, ' ;', ';'), '; ', ';'), '')
{%- endmacro %}
