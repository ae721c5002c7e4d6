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

{#- The config of an incremental model rebuilt by whole values of one key column (a post, an
    order): a run writes every row of each key it touches, and those keys replace the ones
    stored. DuckDB (and other engines with delete): `delete+insert` on that key. Spark
    (Parquet tables, no row-level delete, and a key is no partition): a table rebuilt whole
    on every run, as before it was incremental. Use: {{ config(**incremental_by_key('post_id')) }} -#}
{% macro incremental_by_key(key_column) %}
    {{ return(adapter.dispatch('incremental_by_key', 'social_roi')(key_column)) }}
{% endmacro %}

{% macro default__incremental_by_key(key_column) %}
    {{ return({'materialized': 'incremental', 'incremental_strategy': 'delete+insert',
               'unique_key': key_column, 'on_schema_change': 'append_new_columns'}) }}
{% endmacro %}

{% macro spark__incremental_by_key(key_column) %}
    {{ return({'materialized': 'table'}) }}
{% endmacro %}

{#- In a staging model: when the raw row landed, UTC: the loader's `_loaded_at`, else (a table
    an ELT tool wrote, schema var) the connector's `_fivetran_synced`. `available`: the
    source's columns (macro source_columns). -#}
{% macro loaded_at(available) -%}
    {%- if available is none or '_loaded_at' in available -%}
        {{ to_utc('_loaded_at') }}
    {%- else -%}
        {{ to_utc('_fivetran_synced') }}
    {%- endif -%}
{%- endmacro %}

{#- In an incremental model: the latest `_loaded_at` already in {{ this }} (1900-01-01 when it
    is empty, or has no `_loaded_at` yet: a table built before the model was incremental, so
    the run processes everything once), a scalar subquery. Rows loaded after it are new. -#}
{% macro last_loaded_at() -%}
    {{ latest_in_this('_loaded_at') }}
{%- endmacro %}

{#- The latest value of `column` in {{ this }}, a scalar subquery; 1900-01-01 when the table is
    empty or has no such column. (A unit test's `this` is its given rows, not a relation: the
    column is taken as there.) -#}
{% macro latest_in_this(column) -%}
    {%- set epoch = "cast('1900-01-01' as " ~ dbt.type_timestamp() ~ ")" -%}
    {%- set columns = adapter.get_columns_in_relation(this) | map(attribute='name')
        | map('lower') | list if execute and this is not none and this is not string
        else [column] -%}
    {%- if column in columns -%}
    (
        select coalesce(max(previous.{{ column }}), {{ epoch }})
        from {{ this }} as previous
    )
    {%- else -%}
    {{ epoch }}
    {%- endif -%}
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

{#- int_linkedin_post_metrics_differenced's pre-hook: delete the rows of a share statistic
    still keyed by its row id when a statistic-to-post link now names its post (the link
    arrived after the statistic: the run writes those figures under the post). -#}
{% macro linkedin_rekeyed_statistics_deleted() -%}
    delete from {{ this }}
    where post_id in (
        select linked.share_statistic_id
        from {{ ref('stg_linkedin_pages__post_share_statistics') }} as linked
        where linked.post_id is not null
    )
{%- endmacro %}

{#- The time this dbt invocation started, UTC, as a timestamp literal: the `_built_at` of every
    row an incremental model keyed by an entity writes in this run. A model downstream of it
    rebuilds the entities whose rows were written after its own latest `_built_at`. -#}
{% macro built_at() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- In an incremental model keyed by an entity: when its previous run started, the latest
    `_built_at` in {{ this }} (1900-01-01 when it is empty or has no `_built_at` yet: a table
    built before the model was incremental, so the run processes everything once), a scalar
    subquery. A raw row loaded after it (`_loaded_at`), or an upstream row built after it
    (`_built_at`), is new to this run. -#}
{% macro last_built_at() -%}
    {{ latest_in_this('_built_at') }}
{%- endmacro %}

{#- int_touches_classified's pre-hook: delete the own touches (`order-<id>`) of the orders
    rebuilt since its previous run; the run writes them again for the orders GA4 still has
    not linked. -#}
{% macro order_touches_deleted() -%}
    delete from {{ this }}
    where order_id in (
        select rebuilt.order_id
        from {{ ref('int_orders_enriched') }} as rebuilt
        where rebuilt._built_at > {{ last_built_at() }}
    )
{%- endmacro %}
