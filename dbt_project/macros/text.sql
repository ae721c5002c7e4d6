{#- Text normalisation for Persian and English text. translate() exists on DuckDB, Postgres,
    Snowflake, BigQuery, Spark and Trino; each macro dispatches so an engine can differ. -#}

{#- Persian (U+06F0..) and Arabic-Indic (U+0660..) digits, and the Arabic decimal and
    thousands separators, to ASCII. For numeric fields that arrive as text. -#}
{% macro to_ascii_digits(expr) -%}
    {{ return(adapter.dispatch('to_ascii_digits', 'social_roi')(expr)) }}
{%- endmacro %}

{% macro default__to_ascii_digits(expr) -%}
    replace(translate({{ expr }}, '۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫', '01234567890123456789.'), '٬', '')
{%- endmacro %}

{#- Arabic yeh and kaf (and alef maksura) to their Persian forms, zero-width non-joiner kept,
    surrounding whitespace trimmed, empty text as NULL. -#}
{% macro normalize_text(expr) -%}
    {{ return(adapter.dispatch('normalize_text', 'social_roi')(expr)) }}
{%- endmacro %}

{% macro default__normalize_text(expr) -%}
    nullif(trim(translate(cast({{ expr }} as {{ dbt.type_string() }}), 'يىك', 'ییک')), '')
{%- endmacro %}

{#- A number that may arrive as text with Persian digits: cast after normalising digits. -#}
{% macro parse_number(expr, data_type) -%}
    {{ dbt.safe_cast(to_ascii_digits("trim(cast(" ~ expr ~ " as " ~ dbt.type_string() ~ "))"), data_type) }}
{%- endmacro %}

{#- ISO 4217 code: trimmed, upper case; common spellings of the rial mapped to IRR. -#}
{% macro normalize_currency(expr) -%}
    case
        when upper(trim({{ expr }})) in ('RIAL', 'RIALS', 'IRR', 'ریال') then 'IRR'
        else upper(trim({{ expr }}))
    end
{%- endmacro %}

{#- A web domain as backlink tools and people write it, reduced to the bare host: lower case,
    scheme, `www.`, port, path, query and fragment dropped (`https://www.Acme.com/shop?x` ->
    `acme.com`); empty text as NULL. regexp_replace exists on DuckDB, Postgres, Snowflake,
    BigQuery, Spark and Trino. -#}
{% macro web_domain(expr) -%}
    {{ return(adapter.dispatch('web_domain', 'social_roi')(expr)) }}
{%- endmacro %}

{% macro default__web_domain(expr) -%}
    nullif(
        regexp_replace(
            regexp_replace(
                regexp_replace(lower(trim(cast({{ expr }} as {{ dbt.type_string() }}))),
                    '^[a-z][a-z0-9+.-]*://', ''),
                '^www[.]', ''),
            '[/?#:].*$', ''),
        '')
{%- endmacro %}
