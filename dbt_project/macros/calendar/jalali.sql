{#- Gregorian -> Solar Hijri (Jalali) date, by integer arithmetic only (no engine calendar
    functions): the 33-year-cycle algorithm of the jdf / jalaali "gregorian_to_jalali"
    function. It counts days from a fixed origin with the Gregorian leap rules, then splits
    the count into 33-year cycles (12053 days), 4-year blocks (1461 days, leap year first)
    and years, and the day of the year into months (six of 31 days, five of 30, Esfand of
    29 or 30). Checked day by day against Borkowski's algorithm (jalaali-js, the reference
    used by Iranian software) for every date from 1900-01-01 to 2255-12-31; they first
    differ in March 2256.

    jalali_date_part(date_expr, 'year' | 'month' | 'day' | 'day_of_year')
    The year, month (1-12), day of month (1-31) or day of year (1-366) of a DATE expression.
    Years 1 and later of the Gregorian calendar; the inputs must be dates, not timestamps. -#}

{% macro jalali_date_part(date_expr, part) -%}
    {%- set gy = "cast(extract(year from " ~ date_expr ~ ") as " ~ dbt.type_bigint() ~ ")" -%}
    {%- set gm = "cast(extract(month from " ~ date_expr ~ ") as " ~ dbt.type_bigint() ~ ")" -%}
    {%- set gd = "cast(extract(day from " ~ date_expr ~ ") as " ~ dbt.type_bigint() ~ ")" -%}
    {#- Days before the month in a common year. -#}
    {%- set days_before_month -%}
        case {{ gm }}
            when 1 then 0 when 2 then 31 when 3 then 59 when 4 then 90 when 5 then 120
            when 6 then 151 when 7 then 181 when 8 then 212 when 9 then 243 when 10 then 273
            when 11 then 304 else 334
        end
    {%- endset -%}
    {#- The year whose leap day counts: next year's from March on. -#}
    {%- set leap_year = "(" ~ gy ~ " + case when " ~ gm ~ " > 2 then 1 else 0 end)" -%}
    {%- set day_number -%}
        (355666 + 365 * {{ gy }}
            + {{ integer_divide(leap_year ~ " + 3", 4) }}
            - {{ integer_divide(leap_year ~ " + 99", 100) }}
            + {{ integer_divide(leap_year ~ " + 399", 400) }}
            + {{ gd }} + {{ days_before_month }})
    {%- endset -%}
    {%- set in_cycle = integer_modulo(day_number, 12053) -%}
    {%- set in_block = integer_modulo(in_cycle, 1461) -%}
    {#- 0-based day of the Jalali year. -#}
    {%- set day_of_year -%}
        (case when {{ in_block }} > 365
            then {{ integer_modulo("(" ~ in_block ~ " - 1)", 365) }}
            else {{ in_block }} end)
    {%- endset -%}
    {%- if part == 'year' -%}
        (-1595 + 33 * {{ integer_divide(day_number, 12053) }}
            + 4 * {{ integer_divide(in_cycle, 1461) }}
            + case when {{ in_block }} > 365
                then {{ integer_divide("(" ~ in_block ~ " - 1)", 365) }} else 0 end)
    {%- elif part == 'month' -%}
        (case when {{ day_of_year }} < 186
            then 1 + {{ integer_divide(day_of_year, 31) }}
            else 7 + {{ integer_divide("(" ~ day_of_year ~ " - 186)", 30) }} end)
    {%- elif part == 'day' -%}
        (case when {{ day_of_year }} < 186
            then 1 + {{ integer_modulo(day_of_year, 31) }}
            else 1 + {{ integer_modulo("(" ~ day_of_year ~ " - 186)", 30) }} end)
    {%- elif part == 'day_of_year' -%}
        ({{ day_of_year }} + 1)
    {%- else -%}
        {{ exceptions.raise_compiler_error("jalali_date_part: unknown part '" ~ part ~ "'") }}
    {%- endif -%}
{%- endmacro %}

{#- Persian name of a Jalali month number (1-12). -#}
{% macro jalali_month_name_fa(month_expr) -%}
    case {{ month_expr }}
        when 1 then 'فروردین' when 2 then 'اردیبهشت' when 3 then 'خرداد'
        when 4 then 'تیر' when 5 then 'مرداد' when 6 then 'شهریور'
        when 7 then 'مهر' when 8 then 'آبان' when 9 then 'آذر'
        when 10 then 'دی' when 11 then 'بهمن' when 12 then 'اسفند'
    end
{%- endmacro %}

{#- English transliteration of a Jalali month number (1-12). -#}
{% macro jalali_month_name_en(month_expr) -%}
    case {{ month_expr }}
        when 1 then 'Farvardin' when 2 then 'Ordibehesht' when 3 then 'Khordad'
        when 4 then 'Tir' when 5 then 'Mordad' when 6 then 'Shahrivar'
        when 7 then 'Mehr' when 8 then 'Aban' when 9 then 'Azar'
        when 10 then 'Dey' when 11 then 'Bahman' when 12 then 'Esfand'
    end
{%- endmacro %}
