-- One row per calendar date over the data period: Gregorian, ISO-week and Solar Hijri
-- (Jalali) attributes, and Iran's working week (Friday off, Thursday a half day).
-- The period runs from the first to the last business-local date with any activity (orders,
-- refunds, spend, time logs, subscriber counts, social account days, web sessions, mentions,
-- comments on own posts, survey responses); the vars
-- `calendar_start_date` / `calendar_end_date` ('YYYY-MM-DD') override either bound.
-- Public holidays: the fixed Solar Hijri ones of seed iran_solar_holidays (Nowruz ...); the
-- lunar religious holidays move every year and are not flagged.
{%- set start_override = var('calendar_start_date', none) %}
{%- set end_override = var('calendar_end_date', none) %}

with

orders as (
    select * from {{ ref('stg_shopify__orders') }}
),

refunds as (
    select * from {{ ref('stg_shopify__refunds') }}
),

spends as (
    select * from {{ ref('stg_marketing__spends') }}
),

time_logs as (
    select * from {{ ref('stg_marketing__time_logs') }}
),

subscriber_counts as (
    select * from {{ ref('stg_blog__subscriber_counts') }}
),

account_days as (
    select * from {{ ref('int_account_daily_metrics_unioned') }}
),

web_sessions as (
    select * from {{ ref('int_web_sessions_assembled') }}
),

mentions as (
    select * from {{ ref('stg_listening__mentions') }}
),

comments as (
    select * from {{ ref('stg_social_comments__comments') }}
),

survey_responses as (
    select * from {{ ref('stg_surveys__csat_responses') }}
),

holidays as (
    select * from {{ ref('iran_solar_holidays') }}
),

activity_dates as (
    select {{ local_date('orders.created_at') }} as activity_date from orders
    union all
    select {{ local_date('refunds.refunded_at') }} as activity_date from refunds
    union all
    select spends.spend_date as activity_date from spends
    union all
    select time_logs.log_date as activity_date from time_logs
    union all
    select subscriber_counts.report_date as activity_date from subscriber_counts
    union all
    select account_days.metric_date as activity_date from account_days
    union all
    select web_sessions.session_start_date as activity_date from web_sessions
    union all
    select {{ local_date('mentions.published_at') }} as activity_date from mentions
    union all
    select {{ local_date('comments.created_at') }} as activity_date from comments
    union all
    select {{ local_date('survey_responses.submitted_at') }} as activity_date
    from survey_responses
),

period as (
    select
        coalesce(
            {{ "cast('" ~ start_override ~ "' as date)" if start_override else 'null' }},
            min(activity_dates.activity_date)
        ) as start_date,
        coalesce(
            {{ "cast('" ~ end_override ~ "' as date)" if end_override else 'null' }},
            max(activity_dates.activity_date)
        ) as end_date
    from activity_dates
),

spine as (
    select date_days.date_day as calendar_date
    from {{ date_spine_days(
        '(select period.start_date from period)',
        '(select period.end_date from period)'
    ) }} as date_days
),

jalali as (
    select
        calendar_date,
        {{ jalali_date_part('calendar_date', 'year') }} as jalali_year,
        {{ jalali_date_part('calendar_date', 'month') }} as jalali_month,
        {{ jalali_date_part('calendar_date', 'day') }} as jalali_day,
        {{ jalali_date_part('calendar_date', 'day_of_year') }} as jalali_day_of_year,
        {{ iso_day_of_week('calendar_date') }} as iso_day_of_week
    from spine
),

enriched as (
    select
        -- dates
        calendar_date,
        cast({{ dbt.date_trunc('month', 'calendar_date') }} as date) as month_start_date,
        cast({{ dbt.dateadd('day', '1 - iso_day_of_week', 'calendar_date') }} as date)
            as iso_week_start_date,

        -- numerics: Gregorian
        cast(extract(year from calendar_date) as {{ dbt.type_int() }}) as calendar_year,
        cast(extract(quarter from calendar_date) as {{ dbt.type_int() }}) as calendar_quarter,
        cast(extract(month from calendar_date) as {{ dbt.type_int() }}) as calendar_month,
        cast(extract(day from calendar_date) as {{ dbt.type_int() }}) as day_of_month,

        -- numerics: ISO 8601 week
        {{ iso_year('calendar_date') }} as iso_year,
        {{ iso_week_of_year('calendar_date') }} as iso_week,
        iso_day_of_week,

        -- numerics: Solar Hijri
        jalali_year,
        jalali_month,
        jalali_day,
        jalali_day_of_year,
        cast(
            {{ integer_divide('jalali_month - 1', 3) }} + 1 as {{ dbt.type_int() }}
        ) as jalali_quarter,

        -- strings
        case iso_day_of_week
            when 1 then 'Monday' when 2 then 'Tuesday' when 3 then 'Wednesday'
            when 4 then 'Thursday' when 5 then 'Friday' when 6 then 'Saturday'
            else 'Sunday'
        end as day_name,
        {{ jalali_month_name_fa('jalali_month') }} as jalali_month_name_fa,
        {{ jalali_month_name_en('jalali_month') }} as jalali_month_name_en,
        {{ dbt.concat([
            dbt.cast('jalali_year', dbt.type_string()), "'-'",
            "lpad(" ~ dbt.cast('jalali_month', dbt.type_string()) ~ ", 2, '0')", "'-'",
            "lpad(" ~ dbt.cast('jalali_day', dbt.type_string()) ~ ", 2, '0')",
        ]) }} as jalali_date_label,

        -- booleans
        iso_day_of_week = 5 as is_weekend,
        iso_day_of_week = 4 as is_half_working_day

    from jalali
),

final as (
    select
        enriched.*,
        holidays.holiday_name,
        holidays.holiday_name is not null as is_public_holiday
    from enriched
    left join holidays
        on
            enriched.jalali_month = holidays.jalali_month
            and enriched.jalali_day = holidays.jalali_day
)

select * from final
