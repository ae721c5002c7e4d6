{#- dbt's cross-database macros on Spark, where dbt-spark's spelling gives other figures than
    DuckDB's (the engine every figure of this project was checked on). dbt looks for a
    `dbt`-namespace macro in the root project first, so these replace dbt-spark's. -#}

{#- split_part as dbt-duckdb spells it (`string_split(text, delimiter)[part]`): a literal
    delimiter (dbt-spark's regex split escapes only its first character), NULL past the last
    part, a negative part counted from the end. -#}
{% macro spark__split_part(string_text, delimiter_text, part_number) -%}
    try_element_at(split({{ string_text }}, concat('\\Q', {{ delimiter_text }}, '\\E')), {{ part_number }})
{%- endmacro %}

{#- listagg with its order: dbt-spark ignores `order_by_clause`. Here the values are
    collected with their order keys (`order by a, b desc`), sorted, and joined; NULL values
    are skipped like string_agg's, NULL keys sort last, and a group without values gives NULL,
    as on DuckDB. -#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- set keys = [] -%}
    {%- if order_by_clause -%}
        {%- set clause = modules.re.sub('(?i)^\\s*order\\s+by\\s+', '', order_by_clause) -%}
        {%- for key in clause.split(',') -%}
            {%- set parts = key.strip().split() -%}
            {%- do keys.append({'expr': parts[0],
                                'desc': parts | length > 1 and parts[1] | lower == 'desc'}) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set collected -%}
        collect_list(case when {{ measure }} is not null then struct(
            {%- for key in keys %}{{ key.expr }} as k{{ loop.index }}, {% endfor -%}
            {{ measure }} as v) end)
    {%- endset -%}
    {%- set comparisons = [] -%}
    {%- for key in keys -%}
        {%- set l, r = 'l.k' ~ loop.index, 'r.k' ~ loop.index -%}
        {%- set first, second = (r, l) if key.desc else (l, r) -%}
        {#- NULLs last, ascending or descending (DuckDB's default) -#}
        {%- do comparisons.append(
            "when " ~ l ~ " is null and " ~ r ~ " is not null then 1"
            ~ " when " ~ l ~ " is not null and " ~ r ~ " is null then -1"
            ~ " when " ~ first ~ " < " ~ second ~ " then -1"
            ~ " when " ~ first ~ " > " ~ second ~ " then 1") -%}
    {%- endfor -%}
    {%- set sorted -%}
        {%- if keys -%}
            array_sort({{ collected }}, (l, r) -> case {{ comparisons | join(' ') }} else 0 end)
        {%- else -%}
            {{ collected }}
        {%- endif -%}
    {%- endset -%}
    {%- set values = 'transform(' ~ sorted ~ ', item -> item.v)' -%}
    {%- if limit_num -%}
        {%- set values = 'slice(' ~ values ~ ', 1, ' ~ limit_num ~ ')' -%}
    {%- endif -%}
    case when size({{ values }}) > 0 then array_join({{ values }}, {{ delimiter_text }}) end
{%- endmacro %}
