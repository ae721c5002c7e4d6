-- Interaction (engagement) benchmark: one row per month, brand and platform (the five
-- platforms plus `all`, the brand's total) for every brand of benchmark_distribution, plus
-- one `web` row for the own brand with its website figures (GA4). Public engagements on
-- posts (likes, comments, shares) are the brand's accounts' post figures summed
-- (int_account_post_metrics_aggregated, the post totals the KPI marts publish, several
-- accounts per brand and platform included): NULL where none of the brand's accounts on
-- the platform has post-level data (the competitors in the sample), never 0. Likes follow
-- the tier-1 definition (Facebook: the 'like' reaction). Post figures on the `(unmatched)`
-- account belong to no brand and are not here (kpi_tier_1_daily keeps them). Followers and
-- posts published, the denominators, come from benchmark_distribution (one definition).

with

distribution as (
    select * from {{ ref('benchmark_distribution') }}
),

account_posts as (
    select * from {{ ref('int_account_post_metrics_aggregated') }}
),

sessions as (
    select * from {{ ref('int_web_sessions_assembled') }}
),

-- sums over the brand's accounts: NULL only when no account of the brand on the platform
-- has the figure (a known figure is 0 on a quiet day, so sum() never mixes in unknowns as 0)
platform_engagements as (
    select
        brand,
        platform,
        cast({{ dbt.date_trunc('month', 'metric_date') }} as date) as month_start_date,
        sum(like_count) as post_likes,
        sum(comment_count) as post_comments,
        sum(share_count) as post_shares
    from account_posts
    where brand is not null
    group by brand, platform, cast({{ dbt.date_trunc('month', 'metric_date') }} as date)
),

social_rows as (
    select
        distribution.month_start_date,
        distribution.brand,
        distribution.platform,
        distribution.is_own_brand,
        distribution.followers,
        distribution.posts_published,
        platform_engagements.post_likes,
        platform_engagements.post_comments,
        platform_engagements.post_shares
    from distribution
    left join platform_engagements
        on
            distribution.brand = platform_engagements.brand
            and distribution.platform = platform_engagements.platform
            and distribution.month_start_date = platform_engagements.month_start_date
    where distribution.platform <> 'all'
),

brand_totals as (
    select
        month_start_date,
        brand,
        sum(post_likes) as post_likes,
        sum(post_comments) as post_comments,
        sum(post_shares) as post_shares
    from social_rows
    group by month_start_date, brand
),

all_rows as (
    select
        distribution.month_start_date,
        distribution.brand,
        distribution.platform,
        distribution.is_own_brand,
        distribution.followers,
        distribution.posts_published,
        brand_totals.post_likes,
        brand_totals.post_comments,
        brand_totals.post_shares
    from distribution
    left join brand_totals
        on
            distribution.brand = brand_totals.brand
            and distribution.month_start_date = brand_totals.month_start_date
    where distribution.platform = 'all'
),

engagement_rows as (
    select * from social_rows
    union all
    select * from all_rows
),

engagement_rates as (
    select
        month_start_date,
        brand,
        platform,
        is_own_brand,
        post_likes,
        post_comments,
        post_shares,
        {{ sum_nullable(['post_likes', 'post_comments', 'post_shares']) }} as post_engagements,
        {{ safe_divide('post_likes', 'posts_published') }} as likes_per_post,
        {{ safe_divide('post_comments', 'posts_published') }} as comments_per_post,
        {{ safe_divide('post_shares', 'posts_published') }} as shares_per_post,
        {{ safe_divide(
            sum_nullable(['post_likes', 'post_comments', 'post_shares']), 'posts_published'
        ) }} as engagements_per_post,
        {{ safe_divide(
            sum_nullable(['post_likes', 'post_comments', 'post_shares']), 'followers'
        ) }} as engagement_rate_by_followers
    from engagement_rows
),

indexed as (
    select
        engagement_rates.*,
        {{ peer_index_columns('post_likes') }},
        {{ peer_index_columns('post_comments') }},
        {{ peer_index_columns('post_shares') }},
        {{ peer_index_columns('post_engagements') }},
        {{ peer_index_columns('engagements_per_post') }},
        {{ peer_index_columns('engagement_rate_by_followers') }}
    from engagement_rates
),

sessions_in_month as (
    select
        user_pseudo_id,
        page_views,
        engagement_seconds,
        is_engaged,
        is_new_user,
        default_channel_group,
        cast({{ dbt.date_trunc('month', 'session_start_date') }} as date) as month_start_date
    from sessions
),

-- GA4 active user: a user with an engaged session, a first visit, or engagement time
web_months as (
    select
        month_start_date,
        count(*) as sessions,
        sum(page_views) as page_views,
        count(distinct case when is_new_user then user_pseudo_id end) as new_visitors,
        count(
            distinct case
                when is_engaged or is_new_user or engagement_seconds > 0 then user_pseudo_id
            end
        ) as active_users,
        sum(engagement_seconds) as engagement_seconds,
        sum(
            case
                when default_channel_group in ('Organic Social', 'Paid Social') then 1
                else 0
            end
        ) as social_referred_sessions
    from sessions_in_month
    group by month_start_date
),

own_brand_months as (
    select
        month_start_date,
        brand
    from distribution
    where is_own_brand and platform = 'all'
),

web_rows as (
    select
        own_brand_months.month_start_date,
        own_brand_months.brand,
        'web' as platform,
        true as is_own_brand,
        web_months.sessions,
        web_months.page_views,
        web_months.new_visitors,
        web_months.active_users,
        web_months.social_referred_sessions,
        {{ safe_divide('web_months.social_referred_sessions', 'web_months.sessions') }}
            as social_referral_share,
        {{ safe_divide('web_months.engagement_seconds', 'web_months.active_users') }}
            as average_engagement_seconds
    from own_brand_months
    inner join web_months
        on own_brand_months.month_start_date = web_months.month_start_date
),

-- every row once: the brands' social rows, and the own brand's web row
row_keys as (
    select
        month_start_date,
        brand,
        platform,
        is_own_brand
    from indexed
    union all
    select
        month_start_date,
        brand,
        platform,
        is_own_brand
    from web_rows
),

final as (
    select
        cast(row_keys.month_start_date as date) as month_start_date,
        cast(row_keys.brand as {{ dbt.type_string() }}) as brand,
        cast(row_keys.platform as {{ dbt.type_string() }}) as platform,
        cast(row_keys.is_own_brand as {{ dbt.type_boolean() }}) as is_own_brand,
        cast(indexed.post_likes as {{ dbt.type_bigint() }}) as post_likes,
        cast(indexed.post_comments as {{ dbt.type_bigint() }}) as post_comments,
        cast(indexed.post_shares as {{ dbt.type_bigint() }}) as post_shares,
        cast(indexed.post_engagements as {{ dbt.type_bigint() }}) as post_engagements,
        cast(indexed.likes_per_post as {{ type_double() }}) as likes_per_post,
        cast(indexed.comments_per_post as {{ type_double() }}) as comments_per_post,
        cast(indexed.shares_per_post as {{ type_double() }}) as shares_per_post,
        cast(indexed.engagements_per_post as {{ type_double() }}) as engagements_per_post,
        cast(indexed.engagement_rate_by_followers as {{ type_double() }})
            as engagement_rate_by_followers,
        cast(web_rows.sessions as {{ dbt.type_bigint() }}) as sessions,
        cast(web_rows.page_views as {{ dbt.type_bigint() }}) as page_views,
        cast(web_rows.new_visitors as {{ dbt.type_bigint() }}) as new_visitors,
        cast(web_rows.active_users as {{ dbt.type_bigint() }}) as active_users,
        cast(web_rows.social_referred_sessions as {{ dbt.type_bigint() }})
            as social_referred_sessions,
        cast(web_rows.social_referral_share as {{ type_double() }}) as social_referral_share,
        cast(web_rows.average_engagement_seconds as {{ type_double() }})
            as average_engagement_seconds,
        indexed.post_likes_index_vs_peer_median,
        indexed.post_likes_percentile_rank,
        indexed.post_comments_index_vs_peer_median,
        indexed.post_comments_percentile_rank,
        indexed.post_shares_index_vs_peer_median,
        indexed.post_shares_percentile_rank,
        indexed.post_engagements_index_vs_peer_median,
        indexed.post_engagements_percentile_rank,
        indexed.engagements_per_post_index_vs_peer_median,
        indexed.engagements_per_post_percentile_rank,
        indexed.engagement_rate_by_followers_index_vs_peer_median,
        indexed.engagement_rate_by_followers_percentile_rank
    from row_keys
    left join indexed
        on
            row_keys.month_start_date = indexed.month_start_date
            and row_keys.brand = indexed.brand
            and row_keys.platform = indexed.platform
    left join web_rows
        on
            row_keys.month_start_date = web_rows.month_start_date
            and row_keys.brand = web_rows.brand
            and row_keys.platform = web_rows.platform
)

select * from final
