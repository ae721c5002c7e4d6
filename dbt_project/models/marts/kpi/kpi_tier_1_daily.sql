-- KPI tier 1 (framework section 2: followers / fans, likes and comments), one row per date
-- and own account, plus one `all` row per date across the own accounts.
--
-- Rules:
-- * the spine is every calendar date x every own account (int_account_post_metrics_aggregated
--   has both), several own accounts per platform included, and `(unmatched)` when post
--   metrics could not be put on any account; a day without posts is a row with 0 posts,
--   0 likes, 0 comments and NULL per-post rates.
-- * likes, reactions and comments are the account's post figures of the day
--   (int_account_post_metrics_aggregated: daily deltas of lifetime values, restated negative
--   deltas included, so the period's sum is the latest lifetime value): 0 on a quiet day
--   when the platform reports the figure, else NULL. Likes are the 'like' reaction only on
--   Facebook (Fivetran's convention), reactions all six types; elsewhere both are the likes.
-- * followers, gains, losses, net change and posts published come from
--   int_account_daily_metrics_unioned as they are (X and Instagram gains NULL there).
-- * followers at the start of the day = end-of-day followers - net change that day; the
--   growth rate is NULL when that start is not positive (a platform whose gains and losses
--   disagree with its follower count can make it negative).
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

account_posts as (
    select * from {{ ref('int_account_post_metrics_aggregated') }}
),

account_rows as (
    select
        account_posts.metric_date,
        account_posts.platform,
        account_posts.account_id,
        account_posts.brand,
        calendar.jalali_date_label as jalali_date,
        account_days.follower_count as followers,
        account_days.followers_gained,
        account_days.followers_lost,
        account_days.net_follower_change,
        account_days.follower_count - account_days.net_follower_change
            as followers_at_day_start,
        coalesce(account_days.posts_published, 0) as posts_published,
        account_posts.like_count,
        account_posts.reaction_count,
        account_posts.comment_count
    from account_posts
    inner join calendar
        on account_posts.metric_date = calendar.calendar_date
    left join account_days
        on
            account_posts.platform = account_days.platform
            and account_posts.account_id = account_days.account_id
            and account_posts.metric_date = account_days.metric_date
    where account_posts.is_own
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
        reaction_count,
        comment_count,
        {{ safe_divide('comment_count', 'posts_published') }} as conversation_rate,
        {{ safe_divide('like_count', 'posts_published') }} as applause_rate,
        {{ safe_divide(
            'net_follower_change',
            'case when followers_at_day_start > 0 then followers_at_day_start end'
        ) }} as audience_growth_rate
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
        sum(reaction_count) as reaction_count,
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
            'case when sum(followers_at_day_start) > 0 then sum(followers_at_day_start) end'
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
        cast(reaction_count as {{ dbt.type_bigint() }}) as reactions,
        cast(comment_count as {{ dbt.type_bigint() }}) as comments, -- noqa: RF04
        cast(conversation_rate as {{ type_double() }}) as conversation_rate,
        cast(applause_rate as {{ type_double() }}) as applause_rate,
        cast(audience_growth_rate as {{ type_double() }}) as audience_growth_rate
    from unioned
)

select * from final
