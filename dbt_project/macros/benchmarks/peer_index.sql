{#- Benchmarking against the competitive set (metrics.md "Goals and benchmarks": benchmark
    index = own value / peer median x 100; percentile rank within the peer set).

    peer_index_columns(metric) emits two columns for a metric column of the current CTE:
    - <metric>_index_vs_peer_median: the row's value / the median of the competitive set's
      values (every brand, own included, with a value in the same partition: month and
      platform by default) x 100; 100 = the median. NULL when the row's value is NULL, when
      fewer than two brands have a value (a brand compared with itself is no benchmark), or
      when the median is NULL, 0 or negative (an index over a signed median, e.g. net
      sentiment, would flip its meaning).
    - <metric>_percentile_rank: percent_rank() of the value among the brands with a value
      (0 = lowest, 1 = highest, ascending whatever the metric's direction); NULL under the
      same conditions, except that a negative or zero median does not matter here.
    Brands without a value (NULL: a competitor without public data) are left out of the
    median, the count and the ranking: missing is never read as 0. -#}
{% macro peer_index_columns(metric, partition_by=['month_start_date', 'platform']) -%}
    {%- set partition = partition_by | join(', ') %}
    {%- set peers = 'count(' ~ metric ~ ') over (partition by ' ~ partition ~ ')' %}
    {%- set median = peer_median(metric, partition_by) %}
    cast(
        case
            when {{ metric }} is null or {{ peers }} < 2 then null
            when {{ median }} is null or {{ median }} <= 0 then null
            else cast({{ metric }} as {{ type_double() }}) / {{ median }} * 100
        end as {{ type_double() }}
    ) as {{ metric }}_index_vs_peer_median,
    cast(
        case
            when {{ metric }} is null or {{ peers }} < 2 then null
            else percent_rank() over (
                partition by {{ partition }}, case when {{ metric }} is null then 1 else 0 end
                order by {{ metric }}
            )
        end as {{ type_double() }}
    ) as {{ metric }}_percentile_rank
{%- endmacro %}

{#- The median of a column over a window (NULLs ignored), as an 8-byte float. Engines differ:
    DuckDB has median() as a window aggregate; the ANSI ordered-set form works as a window on
    Snowflake, SQL Server, Oracle and Redshift; BigQuery spells it percentile_cont(x, 0.5). -#}
{% macro peer_median(metric, partition_by) -%}
    {{ return(adapter.dispatch('peer_median', 'social_roi')(metric, partition_by)) }}
{%- endmacro %}

{% macro default__peer_median(metric, partition_by) -%}
    percentile_cont(0.5) within group (
        order by cast({{ metric }} as {{ type_double() }})
    ) over (partition by {{ partition_by | join(', ') }})
{%- endmacro %}

{% macro bigquery__peer_median(metric, partition_by) -%}
    percentile_cont(cast({{ metric }} as float64), 0.5) over (
        partition by {{ partition_by | join(', ') }}
    )
{%- endmacro %}

{% macro duckdb__peer_median(metric, partition_by) -%}
    median(cast({{ metric }} as {{ type_double() }})) over (
        partition by {{ partition_by | join(', ') }}
    )
{%- endmacro %}

{#- Spark's percentile() is exact and interpolates like percentile_cont (not percentile_approx). -#}
{% macro spark__peer_median(metric, partition_by) -%}
    percentile(cast({{ metric }} as {{ type_double() }}), 0.5) over (
        partition by {{ partition_by | join(', ') }}
    )
{%- endmacro %}
