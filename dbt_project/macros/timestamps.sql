{#- A timestamp (with or without time zone, or ISO text with an offset) as a UTC timestamp
    without time zone: the convention of every `<event>_at` column in this project. -#}
{% macro to_utc(expr) -%}
    {{ return(adapter.dispatch('to_utc', 'social_roi')(expr)) }}
{%- endmacro %}

{% macro default__to_utc(expr) -%}
    cast(convert_timezone('UTC', cast({{ expr }} as timestamp_tz)) as timestamp)
{%- endmacro %}

{% macro duckdb__to_utc(expr) -%}
    timezone('UTC', cast({{ expr }} as timestamptz))
{%- endmacro %}

{#- Spark's `timestamp` is already an instant; text with an offset is read at that offset,
    text without one in the session time zone (UTC in the profile), as on DuckDB. -#}
{% macro spark__to_utc(expr) -%}
    cast({{ expr }} as timestamp)
{%- endmacro %}

{#- The business-local calendar date of a UTC timestamp. -#}
{% macro local_date(utc_expr, tz=var('business_timezone')) -%}
    {{ return(adapter.dispatch('local_date', 'social_roi')(utc_expr, tz)) }}
{%- endmacro %}

{% macro default__local_date(utc_expr, tz) -%}
    cast(convert_timezone('UTC', '{{ tz }}', {{ utc_expr }}) as date)
{%- endmacro %}

{% macro duckdb__local_date(utc_expr, tz) -%}
    cast(timezone('{{ tz }}', timezone('UTC', {{ utc_expr }})) as date)
{%- endmacro %}

{#- from_utc_timestamp reads its argument as UTC wall time when the session time zone is UTC
    (the profile sets it). -#}
{% macro spark__local_date(utc_expr, tz) -%}
    cast(from_utc_timestamp({{ utc_expr }}, '{{ tz }}') as date)
{%- endmacro %}

{#- Microseconds since the epoch (GA4's event_timestamp) as a UTC timestamp. -#}
{% macro from_epoch_micros(expr) -%}
    {{ return(adapter.dispatch('from_epoch_micros', 'social_roi')(expr)) }}
{%- endmacro %}

{% macro default__from_epoch_micros(expr) -%}
    timestamp_micros({{ expr }})
{%- endmacro %}

{% macro duckdb__from_epoch_micros(expr) -%}
    make_timestamp({{ expr }})
{%- endmacro %}

{#- A timestamp with time zone: what a raw `timestamptz` column or ISO text with an offset is
    read as before `to_utc` makes it a UTC timestamp. Spark's `timestamp` is an instant
    (shown in the session time zone, UTC in this project's profile). -#}
{% macro type_timestamp_tz() -%}
    {{ return(adapter.dispatch('type_timestamp_tz', 'social_roi')()) }}
{%- endmacro %}

{% macro default__type_timestamp_tz() -%}
    timestamp with time zone
{%- endmacro %}

{% macro spark__type_timestamp_tz() -%}
    timestamp
{%- endmacro %}
