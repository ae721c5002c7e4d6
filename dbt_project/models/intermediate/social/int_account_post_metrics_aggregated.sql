-- One row per platform, account and calendar day: the account's post figures that day
-- (its posts of any age, orphans resolved to it included), the one place the marts
-- (kpi_tier_1_daily, kpi_tier_2_daily, benchmark_interaction) take post totals from.
--
-- Rules:
-- * accounts: every account of int_account_daily_metrics_unioned (own accounts,
--   competitors, `(unmatched)`); days: every date of int_dates_enriched, which spans every
--   day with activity, so no post figure falls outside.
-- * a figure is known for an account when its platform reports it (some post metric row of
--   the platform carries it: YouTube has no impressions, only Instagram reach and saves)
--   and the account's posts are collected (it has post metrics, or it is an own account,
--   whose connector delivers them). Known: the sum of the day's post figures, 0 on a quiet
--   day. Not known: NULL, never 0.
-- * sums of daily deltas: a restated (lowered) lifetime snapshot's negative delta lowers
--   that day's figure, so the period's sum stays the latest lifetime value.
{%- set figures = [
    'impression_count', 'reach', 'like_count', 'reaction_count', 'comment_count',
    'share_count', 'save_count', 'click_count', 'video_view_count',
] %}

with

calendar as (
    select * from {{ ref('int_dates_enriched') }}
),

account_days as (
    select * from {{ ref('int_account_daily_metrics_unioned') }}
),

post_days as (
    select * from {{ ref('int_post_daily_metrics_unioned') }}
),

accounts as (
    select
        platform,
        account_id,
        max(brand) as brand,
        max(case when is_own then 1 else 0 end) = 1 as is_own
    from account_days
    group by platform, account_id
),

platform_coverage as (
    select
        platform,
        {%- for figure in figures %}
            max(case when {{ figure }} is not null then 1 else 0 end) = 1
                as reports_{{ figure }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from post_days
    group by platform
),

accounts_with_post_data as (
    select distinct
        platform,
        account_id
    from post_days
),

post_totals as (
    select
        platform,
        account_id,
        metric_date,
        {%- for figure in figures %}
            sum({{ figure }}) as {{ figure }},
        {%- endfor %}
        count(distinct post_id) as measured_post_count,
        sum(case when is_orphan then 1 else 0 end) as orphan_post_count
    from post_days
    group by platform, account_id, metric_date
),

account_calendar as (
    select
        accounts.platform,
        accounts.account_id,
        accounts.brand,
        accounts.is_own,
        accounts_with_post_data.account_id is not null or accounts.is_own as has_post_data,
        calendar.calendar_date as metric_date
    from accounts
    cross join calendar
    left join accounts_with_post_data
        on
            accounts.platform = accounts_with_post_data.platform
            and accounts.account_id = accounts_with_post_data.account_id
),

final as (
    select
        account_calendar.platform,
        account_calendar.account_id,
        account_calendar.brand,
        account_calendar.is_own,
        {%- for figure in figures %}
            cast(
                case
                    when account_calendar.has_post_data and platform_coverage.reports_{{ figure }}
                        then coalesce(post_totals.{{ figure }}, 0)
                end as {{ dbt.type_bigint() }}
            ) as {{ figure }},
        {%- endfor %}
        cast(coalesce(post_totals.measured_post_count, 0) as {{ dbt.type_bigint() }})
            as measured_post_count,
        cast(coalesce(post_totals.orphan_post_count, 0) as {{ dbt.type_bigint() }})
            as orphan_post_count,
        account_calendar.metric_date
    from account_calendar
    left join platform_coverage
        on account_calendar.platform = platform_coverage.platform
    left join post_totals
        on
            account_calendar.platform = post_totals.platform
            and account_calendar.account_id = post_totals.account_id
            and account_calendar.metric_date = post_totals.metric_date
)

select * from final
