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
    {{ return(adapter.dispatch('money', 'social_roi')(expr)) }}
{%- endmacro %}

{% macro default__money(expr) -%}
    cast({{ expr }} as decimal(18, 4))
{%- endmacro %}

{#- Spark: the same cents as DuckDB. DuckDB casts a double to decimal(18, 4) by multiplying
    it by 10^4 (in double arithmetic) and rounding half away from zero: 86.00795 (stored as
    86.0079499999...) gives 86.0079. Spark's cast rounds the double's shortest text instead
    ("86.00795", so 86.0080). The multiplication and round() (half up on that product's
    text, which only ends in .5 when the product is exactly .5) give DuckDB's figure; the
    quotient by 10^4 is the double nearest the cents, whose text is exactly them (amounts
    below 10^11). Money summed as decimals (scale 4) goes through double unchanged. -#}
{% macro spark__money(expr) -%}
    cast(round(cast({{ expr }} as double) * 10000) / 10000 as decimal(18, 4))
{%- endmacro %}
