-- KPI tier 1 (framework section 2: followers / fans, likes and comments), one row per date
-- and own account, plus one `all` row per date across the own accounts.
--
-- Rules:
-- * the spine is every calendar date (int_dates_enriched) x every own account, so a day
--   without posts is a row with 0 posts, 0 likes, 0 comments and NULL per-post rates.
-- * likes and comments are the post-level daily figures of the account's posts summed
--   (lifetime sources arrive differenced: a restated snapshot's negative delta lowers that
--   day's likes and the period sum stays the latest lifetime value). On a day without post
--   figures they are 0 when the platform reports them at all, else NULL.
-- * followers, gains, losses, net change and posts published come from
--   int_account_daily_metrics_unioned as they are (X and Instagram gains NULL there).
-- * followers at the start of the day = end-of-day followers - net change that day.
-- * the `all` row sums the counts over the accounts that report them; a rate on it is the
--   ratio of the summed numerator and denominator, both over the accounts that report both
--   (never an average of rates).

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

own_accounts as (
    select
        platform,
        account_id,
        max(brand) as brand
    from account_days
    where is_own
    group by platform, account_id
),

account_calendar as (
    select
        calendar.calendar_date as metric_date,
        calendar.jalali_date_label as jalali_date,
        own_accounts.platform,
        own_accounts.account_id,
        own_accounts.brand
    from calendar
    cross join own_accounts
),

platform_coverage as (
    select
        platform,
        max(case when like_count is not null then 1 else 0 end) = 1 as reports_likes,
        max(case when comment_count is not null then 1 else 0 end) = 1 as reports_comments
    from post_days
    group by platform
),

post_totals as (
    select
        platform,
        account_id,
        metric_date,
        sum(like_count) as like_count,
        sum(comment_count) as comment_count
    from post_days
    group by platform, account_id, metric_date
),

account_rows as (
    select
        account_calendar.metric_date,
        account_calendar.platform,
        account_calendar.account_id,
        account_calendar.brand,
        account_calendar.jalali_date,
        account_days.follower_count as followers,
        account_days.followers_gained,
        account_days.followers_lost,
        account_days.net_follower_change,
        account_days.follower_count - account_days.net_follower_change
            as followers_at_day_start,
        coalesce(account_days.posts_published, 0) as posts_published,
        case
            when platform_coverage.reports_likes then coalesce(post_totals.like_count, 0)
        end as like_count,
        case
            when platform_coverage.reports_comments then coalesce(post_totals.comment_count, 0)
        end as comment_count
    from account_calendar
    left join account_days
        on
            account_calendar.platform = account_days.platform
            and account_calendar.account_id = account_days.account_id
            and account_calendar.metric_date = account_days.metric_date
    left join post_totals
        on
            account_calendar.platform = post_totals.platform
            and account_calendar.account_id = post_totals.account_id
            and account_calendar.metric_date = post_totals.metric_date
    left join platform_coverage
        on account_calendar.platform = platform_coverage.platform
),

platform_rows as (
    select
        metric_date,
        platform,
        account_id,
        brand,
        jalali_date,
        followers,
        followers_gained,
        followers_lost,
        net_follower_change,
        followers_at_day_start,
        posts_published,
        like_count,
        comment_count,
        {{ safe_divide('comment_count', 'posts_published') }} as conversation_rate,
        {{ safe_divide('like_count', 'posts_published') }} as applause_rate,
        {{ safe_divide('net_follower_change', 'followers_at_day_start') }} as audience_growth_rate
    from account_rows
),

rollup_rows as (
    select
        metric_date,
        'all' as platform,
        'all' as account_id,
        case when min(brand) = max(brand) then min(brand) end as brand,
        max(jalali_date) as jalali_date,
        sum(followers) as followers,
        sum(followers_gained) as followers_gained,
        sum(followers_lost) as followers_lost,
        sum(net_follower_change) as net_follower_change,
        sum(followers_at_day_start) as followers_at_day_start,
        sum(posts_published) as posts_published,
        sum(like_count) as like_count,
        sum(comment_count) as comment_count,
        {{ safe_divide(
            'sum(comment_count)',
            'sum(case when comment_count is not null then posts_published end)'
        ) }} as conversation_rate,
        {{ safe_divide(
            'sum(like_count)',
            'sum(case when like_count is not null then posts_published end)'
        ) }} as applause_rate,
        {{ safe_divide(
            'sum(case when followers_at_day_start is not null then net_follower_change end)',
            'sum(followers_at_day_start)'
        ) }} as audience_growth_rate
    from account_rows
    group by metric_date
),

unioned as (
    select * from platform_rows
    union all
    select * from rollup_rows
),

final as (
    select
        cast(metric_date as date) as metric_date,
        cast(platform as {{ dbt.type_string() }}) as platform,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(brand as {{ dbt.type_string() }}) as brand,
        cast(jalali_date as {{ dbt.type_string() }}) as jalali_date,
        cast(followers as {{ dbt.type_bigint() }}) as followers,
        cast(followers_gained as {{ dbt.type_bigint() }}) as followers_gained,
        cast(followers_lost as {{ dbt.type_bigint() }}) as followers_lost,
        cast(net_follower_change as {{ dbt.type_bigint() }}) as net_follower_change,
        cast(followers_at_day_start as {{ dbt.type_bigint() }}) as followers_at_day_start,
        cast(posts_published as {{ dbt.type_bigint() }}) as posts_published,
        cast(like_count as {{ dbt.type_bigint() }}) as likes,
        cast(comment_count as {{ dbt.type_bigint() }}) as comments, -- noqa: RF04
        cast(conversation_rate as {{ type_double() }}) as conversation_rate,
        cast(applause_rate as {{ type_double() }}) as applause_rate,
        cast(audience_growth_rate as {{ type_double() }}) as audience_growth_rate
    from unioned
)

select * from final
