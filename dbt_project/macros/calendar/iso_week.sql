{#- ISO 8601 day of week (1 = Monday .. 7 = Sunday), week (1-53) and week-numbering year of
    a DATE. The default uses the Postgres / DuckDB `extract` fields; engines that name them
    differently (Snowflake dayofweekiso / weekiso / yearofweekiso, BigQuery isoweek /
    isoyear, Spark dayofweek_iso / yearofweek; Spark's `week` is the ISO week too) override
    these macros. -#}

{% macro iso_day_of_week(date_expr) -%}
    {{ return(adapter.dispatch('iso_day_of_week', 'social_roi')(date_expr)) }}
{%- endmacro %}

{% macro default__iso_day_of_week(date_expr) -%}
    cast(extract(isodow from {{ date_expr }}) as {{ dbt.type_int() }})
{%- endmacro %}

{% macro spark__iso_day_of_week(date_expr) -%}
    cast(extract(dayofweek_iso from {{ date_expr }}) as {{ dbt.type_int() }})
{%- endmacro %}

{% macro iso_week_of_year(date_expr) -%}
    {{ return(adapter.dispatch('iso_week_of_year', 'social_roi')(date_expr)) }}
{%- endmacro %}

{% macro default__iso_week_of_year(date_expr) -%}
    cast(extract(week from {{ date_expr }}) as {{ dbt.type_int() }})
{%- endmacro %}

{% macro iso_year(date_expr) -%}
    {{ return(adapter.dispatch('iso_year', 'social_roi')(date_expr)) }}
{%- endmacro %}

{% macro default__iso_year(date_expr) -%}
    cast(extract(isoyear from {{ date_expr }}) as {{ dbt.type_int() }})
{%- endmacro %}

{% macro spark__iso_year(date_expr) -%}
    cast(extract(yearofweek from {{ date_expr }}) as {{ dbt.type_int() }})
{%- endmacro %}
