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
