-- KPI tier 2 (framework section 2: retweets / reposts, shares of posts, referrals from
-- search engines that arrived through content the business created), one row per date and
-- own account, plus one `all` row per date. Same grain and rows as kpi_tier_1_daily, which
-- it reads for the spine, brand, Jalali date and posts published.
--
-- Rules:
-- * shares and impressions are the account's post figures of the day
--   (int_account_post_metrics_aggregated, the same post totals as tier 1's likes): 0 on a
--   day without post figures when the platform reports the figure, else NULL (YouTube
--   reports no impressions).
-- * search-content sessions are GA4 sessions (business-local start date) whose default
--   channel group is Organic Search and whose landing page path matches var
--   `content_page_pattern`. They are not per social platform: only the `all` row carries
--   them, platform rows have NULL.
-- * the `all` row sums the counts; a rate on it is the ratio of the summed numerator and
--   denominator over the accounts that report both (virality leaves out the shares of a
--   platform without impressions).

with

tier_1 as (
    select * from {{ ref('kpi_tier_1_daily') }}
),

account_posts as (
    select * from {{ ref('int_account_post_metrics_aggregated') }}
),

web_sessions as (
    select * from {{ ref('int_web_sessions_assembled') }}
),

account_rows as (
    select
        tier_1.metric_date,
        tier_1.platform,
        tier_1.account_id,
        tier_1.brand,
        tier_1.jalali_date,
        tier_1.posts_published,
        account_posts.share_count,
        account_posts.impression_count as impressions
    from tier_1
    left join account_posts
        on
            tier_1.platform = account_posts.platform
            and tier_1.account_id = account_posts.account_id
            and tier_1.metric_date = account_posts.metric_date
    where tier_1.platform != 'all'
),

search_content_days as (
    select
        session_start_date as metric_date,
        count(*) as search_content_sessions,
        sum(case when is_engaged then 1 else 0 end) as engaged_search_content_sessions
    from web_sessions
    where
        default_channel_group = 'Organic Search'
        and {{ web_regexp_matches('landing_page_path', var('content_page_pattern')) }}
    group by session_start_date
),

platform_rows as (
    select
        metric_date,
        platform,
        account_id,
        brand,
        jalali_date,
        posts_published,
        share_count,
        impressions,
        {{ safe_divide('share_count', 'posts_published') }} as amplification_rate,
        {{ safe_divide('share_count', 'impressions') }} as virality_rate,
        cast(null as {{ dbt.type_bigint() }}) as search_content_sessions,
        cast(null as {{ dbt.type_bigint() }}) as engaged_search_content_sessions,
        cast(null as {{ type_double() }}) as engaged_search_content_session_share
    from account_rows
),

rollup_social as (
    select
        metric_date,
        sum(share_count) as share_count,
        sum(impressions) as impressions,
        {{ safe_divide(
            'sum(share_count)',
            'sum(case when share_count is not null then posts_published end)'
        ) }} as amplification_rate,
        {{ safe_divide(
            'sum(case when impressions is not null then share_count end)',
            'sum(case when share_count is not null then impressions end)'
        ) }} as virality_rate
    from account_rows
    group by metric_date
),

rollup_rows as (
    select
        tier_1.metric_date,
        tier_1.platform,
        tier_1.account_id,
        tier_1.brand,
        tier_1.jalali_date,
        tier_1.posts_published,
        rollup_social.share_count,
        rollup_social.impressions,
        rollup_social.amplification_rate,
        rollup_social.virality_rate,
        coalesce(search_content_days.search_content_sessions, 0) as search_content_sessions,
        coalesce(search_content_days.engaged_search_content_sessions, 0)
            as engaged_search_content_sessions,
        {{ safe_divide(
            'search_content_days.engaged_search_content_sessions',
            'search_content_days.search_content_sessions'
        ) }} as engaged_search_content_session_share
    from tier_1
    left join rollup_social
        on tier_1.metric_date = rollup_social.metric_date
    left join search_content_days
        on tier_1.metric_date = search_content_days.metric_date
    where tier_1.platform = 'all'
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
        cast(posts_published as {{ dbt.type_bigint() }}) as posts_published,
        cast(share_count as {{ dbt.type_bigint() }}) as shares, -- noqa: RF04
        cast(impressions as {{ dbt.type_bigint() }}) as impressions,
        cast(search_content_sessions as {{ dbt.type_bigint() }}) as search_content_sessions,
        cast(engaged_search_content_sessions as {{ dbt.type_bigint() }})
            as engaged_search_content_sessions,
        cast(amplification_rate as {{ type_double() }}) as amplification_rate,
        cast(virality_rate as {{ type_double() }}) as virality_rate,
        cast(engaged_search_content_session_share as {{ type_double() }})
            as engaged_search_content_session_share
    from unioned
)

select * from final
