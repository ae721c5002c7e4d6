{#- The building blocks every published metric uses, so a formula is written once.
    Rates are ratios of sums over the row's grain (metrics.md: "all rates over a period are
    ratios of sums"), as DOUBLE; a zero or missing denominator gives NULL, never 0 or an
    error, so an average over days never counts a day without posts as a zero rate. -#}
{% macro safe_divide(numerator, denominator) -%}
    case
        when {{ denominator }} is null or {{ denominator }} = 0 then null
        else cast({{ numerator }} as {{ type_double() }}) / cast({{ denominator }} as {{ type_double() }})
    end
{%- endmacro %}

{#- A count summed for a mart: BIGINT, never HUGEINT (DuckDB's sum of integers), which BI
    tools cannot read. -#}
{% macro sum_count(expr) -%}
    cast(sum({{ expr }}) as {{ dbt.type_bigint() }})
{%- endmacro %}

{#- Money in the reporting currency for a mart: four decimals, so sums of daily figures over
    a period come to the total of the orders to the cent (cents per day would drift). -#}
{% macro money(expr) -%}
    cast({{ expr }} as decimal(18, 4))
{%- endmacro %}
