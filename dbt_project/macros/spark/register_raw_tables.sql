{#- on-run-start (Spark target only): every source table registered as an external Parquet
    table over the folder the raw export wrote (orchestration/defs/spark/export.py):
    <raw_parquet_dir>/<schema>/<table>. Leave `raw_parquet_dir` empty (env RAW_PARQUET_DIR
    unset and no var) when the sources are tables an ELT tool landed in the lakehouse: point
    each `<source>_schema` var at them instead and nothing is registered. -#}
{% macro register_raw_tables() %}
    {%- if target.type != 'spark' or not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set folder = var('raw_parquet_dir', env_var('RAW_PARQUET_DIR', '')) -%}
    {%- if folder == '' -%}
        {{ return('') }}
    {%- endif -%}
    {%- set schemas = [] -%}
    {%- for source in graph.sources.values() -%}
        {%- if source.schema not in schemas -%}
            {%- do schemas.append(source.schema) -%}
            {%- do run_query('create schema if not exists ' ~ source.schema) -%}
        {%- endif -%}
        {%- set identifier = source.identifier or source.name -%}
        {%- set location = folder ~ '/' ~ source.schema ~ '/' ~ identifier -%}
        {%- do run_query('drop table if exists ' ~ source.schema ~ '.`' ~ identifier ~ '`') -%}
        {#- a date-partitioned folder (<column>=<value>/) is discovered on read: the profile
            sets spark.sql.hive.manageFilesourcePartitions=false -#}
        {%- do run_query('create table ' ~ source.schema ~ '.`' ~ identifier ~ '` using parquet'
            ~ " location '" ~ location ~ "'") -%}
    {%- endfor -%}
{% endmacro %}
