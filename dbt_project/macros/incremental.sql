{#- The config of an incremental model rebuilt by whole values of one date column: a run
    writes every row of each date it touches, and those dates replace the ones stored.
    DuckDB (and other engines with delete): `delete+insert` on that column. Spark (Parquet
    tables, no row-level delete): `insert_overwrite` of the table partitioned by that column
    (dynamic partition overwrite, set in the profile). Use: {{ config(**incremental_by_date('event_date')) }} -#}
{% macro incremental_by_date(date_column) %}
    {{ return(adapter.dispatch('incremental_by_date', 'social_roi')(date_column)) }}
{% endmacro %}

{% macro default__incremental_by_date(date_column) %}
    {{ return({'materialized': 'incremental', 'incremental_strategy': 'delete+insert',
               'unique_key': date_column, 'on_schema_change': 'append_new_columns'}) }}
{% endmacro %}

{% macro spark__incremental_by_date(date_column) %}
    {{ return({'materialized': 'incremental', 'incremental_strategy': 'insert_overwrite',
               'partition_by': [date_column], 'on_schema_change': 'append_new_columns'}) }}
{% endmacro %}

{#- In an incremental model: the latest `_loaded_at` already in {{ this }} (1900-01-01 when it
    is empty), a scalar subquery. Rows loaded after it are new to this run. -#}
{% macro last_loaded_at() -%}
    (
        select coalesce(max(_loaded_at), cast('1900-01-01' as {{ dbt.type_timestamp() }}))
        from {{ this }}
    )
{%- endmacro %}

{#- In an incremental model: the first date a run re-processes, `days` before the latest
    `date_column` already in {{ this }} (1900-01-01 when it is empty), a scalar subquery. -#}
{% macro lookback_start(date_column, days) -%}
    (
        select
            coalesce(
                cast({{ dbt.dateadd('day', -1 * days, 'max(' ~ date_column ~ ')') }} as date),
                cast('1900-01-01' as date)
            )
        from {{ this }}
    )
{%- endmacro %}
