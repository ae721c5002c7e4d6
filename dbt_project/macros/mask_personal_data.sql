{#- Personal data inside free text masked the way the loader masks it at load
    (orchestration/defs/ingest/pii.py, generated into contract_text_masks()): emails,
    phone numbers, other long numbers and @handles replaced by placeholders. Staging applies
    it to every free-text column, so a table an ELT tool landed (which the loader never saw)
    is masked too; on text the loader already masked it changes nothing. -#}
{% macro mask_personal_data(expr) -%}
    {{ return(adapter.dispatch('mask_personal_data', 'social_roi')(expr)) }}
{%- endmacro %}

{% macro default__mask_personal_data(expr) -%}
    {%- set masked = namespace(sql=expr) -%}
    {%- for mask in contract_text_masks() -%}
        {%- set masked.sql = "regexp_replace(" ~ masked.sql ~ ", '" ~ mask.pattern | replace("'", "''")
            ~ "', '" ~ mask.placeholder ~ "')" -%}
    {%- endfor -%}
    {{ masked.sql }}
{%- endmacro %}

{#- DuckDB replaces the first match only unless told 'g'. -#}
{% macro duckdb__mask_personal_data(expr) -%}
    {%- set masked = namespace(sql=expr) -%}
    {%- for mask in contract_text_masks() -%}
        {%- set masked.sql = "regexp_replace(" ~ masked.sql ~ ", '" ~ mask.pattern | replace("'", "''")
            ~ "', '" ~ mask.placeholder ~ "', 'g')" -%}
    {%- endfor -%}
    {{ masked.sql }}
{%- endmacro %}

{#- Spark reads backslashes in string literals as escapes: double them; it replaces every
    match. -#}
{% macro spark__mask_personal_data(expr) -%}
    {%- set masked = namespace(sql=expr) -%}
    {%- for mask in contract_text_masks() -%}
        {%- set pattern = mask.pattern | replace("\\", "\\\\") | replace("'", "\\'") -%}
        {%- set masked.sql = "regexp_replace(" ~ masked.sql ~ ", '" ~ pattern
            ~ "', '" ~ mask.placeholder ~ "')" -%}
    {%- endfor -%}
    {{ masked.sql }}
{%- endmacro %}
