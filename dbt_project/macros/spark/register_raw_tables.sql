{#- on-run-start (Spark target only): raw tables exported to Parquet by the loader's side
    (orchestration/defs/spark/export.py: <raw_parquet_dir>/<schema>/<table>/) registered as
    external Parquet tables <schema>.<table>, the names the sources read.
    Which tables: the var `raw_parquet_tables` (["raw_ga4.events", ...]: what the Dagster step
    exported), else every source (a manual `dbt run --target spark` after an export). Nothing
    is registered without a folder (var `raw_parquet_dir`, else env RAW_PARQUET_DIR): the case
    of sources that are tables an ELT tool landed in the lakehouse, each `<source>_schema`
    var pointing at them. A date-partitioned folder (<column>=<value>/) is discovered on read
    (the profile sets spark.sql.hive.manageFilesourcePartitions=false). -#}
{% macro register_raw_tables() %}
    {%- if target.type != 'spark' or not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set folder = var('raw_parquet_dir', env_var('RAW_PARQUET_DIR', '')) -%}
    {%- if folder == '' -%}
        {{ return('') }}
    {%- endif -%}
    {%- set tables = var('raw_parquet_tables', none) -%}
    {%- if tables is none -%}
        {%- set tables = [] -%}
        {%- for source in graph.sources.values() -%}
            {%- do tables.append(source.schema ~ '.' ~ (source.identifier or source.name)) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set schemas = [] -%}
    {%- for name in tables | unique -%}
        {%- set schema, identifier = name.split('.', 1) -%}
        {%- if schema not in schemas -%}
            {%- do schemas.append(schema) -%}
            {%- do run_query('create schema if not exists ' ~ schema) -%}
        {%- endif -%}
        {%- set relation = schema ~ '.`' ~ identifier ~ '`' -%}
        {%- do run_query('drop table if exists ' ~ relation) -%}
        {%- do run_query('create table ' ~ relation ~ " using parquet location '"
            ~ folder ~ '/' ~ schema ~ '/' ~ identifier ~ "'") -%}
    {%- endfor -%}
{% endmacro %}
