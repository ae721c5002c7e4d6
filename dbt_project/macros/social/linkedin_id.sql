{#- LinkedIn ids arrive as URNs (`urn:li:organization:123`, `urn:li:ugcPost:456`,
    `urn:li:share:789`) in some tables and as bare numbers in others. The numeric id (the last
    segment of a URN, or the value itself) is the join key everywhere in this project. -#}
{% macro linkedin_id(expr) -%}
    {{ return(adapter.dispatch('linkedin_id', 'social_roi')(expr)) }}
{%- endmacro %}

{% macro default__linkedin_id(expr) -%}
    case
        when trim(cast({{ expr }} as {{ dbt.type_string() }})) like 'urn:li:%'
            then {{ dbt.split_part("trim(cast(" ~ expr ~ " as " ~ dbt.type_string() ~ "))", "':'", 4) }}
        else nullif(trim(cast({{ expr }} as {{ dbt.type_string() }})), '')
    end
{%- endmacro %}

{#- The entity type of a LinkedIn URN (`ugcPost`, `share`, `organization`), NULL for a bare id. -#}
{% macro linkedin_urn_type(expr) -%}
    case
        when trim(cast({{ expr }} as {{ dbt.type_string() }})) like 'urn:li:%'
            then {{ dbt.split_part("trim(cast(" ~ expr ~ " as " ~ dbt.type_string() ~ "))", "':'", 3) }}
    end
{%- endmacro %}
