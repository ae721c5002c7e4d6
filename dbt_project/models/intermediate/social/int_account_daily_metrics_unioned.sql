-- One row per platform, account and day, own accounts and competitors: followers at the end
-- of the day, followers gained and lost, posts published, mentions.
--
-- Rules:
-- * the spine: every day with any activity of the account: a social_accounts/daily row, a
--   connector account snapshot (Facebook page day, Instagram or X user sync, YouTube report
--   row), a post published, or a post metric (int_post_daily_metrics_unioned, orphans on
--   the account they resolve to, `(unmatched)` included). So a post published on a day
--   without an account snapshot is counted, and an account without any account-level feed
--   (LinkedIn, when social_accounts/daily lacks it) still has its days.
-- * followers: the own connector's figure where there is one (Facebook page_fans, Instagram
--   and X followers_count of the day's last sync), else social_accounts/daily (LinkedIn,
--   YouTube, every competitor).
-- * gained / lost: only where the platform reports them (Facebook page_fan_adds/removes,
--   YouTube subscribers_gained/lost summed over every report row of the channel and day,
--   the video rows and the channel's own rows without a video); elsewhere NULL, and
--   net_follower_change is the day-over-day change in followers (NULL on an account's first
--   day). X's follows/unfollows in the tweet report are follows attributed to single tweets,
--   not the account's gains and losses, so X counts as not reported.
-- * posts published: for an account with connector posts, the count of its posts by
--   business-local publication date (0 on a day without any); otherwise social_accounts.
-- * mentions, following, profile views: social_accounts/daily.

with

accounts as (
    select * from {{ ref('stg_social_accounts__accounts') }}
),

account_days as (
    select * from {{ ref('stg_social_accounts__daily_metrics') }}
),

facebook_page_days as (
    select * from {{ ref('stg_facebook_pages__page_daily_metrics') }}
),

instagram_users as (
    select * from {{ ref('stg_instagram_business__users') }}
),

x_users as (
    select * from {{ ref('stg_twitter_organic__users') }}
),

youtube_reports as (
    select * from {{ ref('stg_youtube_analytics__video_daily_reports') }}
),

posts as (
    select * from {{ ref('int_posts_unioned') }}
),

post_days as (
    select * from {{ ref('int_post_daily_metrics_unioned') }}
),

facebook_daily as (
    select
        'facebook' as platform,
        page_id as account_id,
        metric_date,
        page_fans as connector_followers,
        page_fan_adds as followers_gained,
        page_fan_removes as followers_lost
    from facebook_page_days
    where is_latest
),

user_versions as (
    select
        'instagram' as platform,
        user_id as account_id,
        {{ local_date('version_synced_at') }} as metric_date,
        version_synced_at,
        followers_count
    from instagram_users
    union all
    select
        'x' as platform,
        user_id as account_id,
        {{ local_date('version_synced_at') }} as metric_date,
        version_synced_at,
        followers_count
    from x_users
),

user_daily as (
    select
        platform,
        account_id,
        metric_date,
        followers_count as connector_followers,
        cast(null as {{ dbt.type_bigint() }}) as followers_gained,
        cast(null as {{ dbt.type_bigint() }}) as followers_lost
    from (
        select
            user_versions.*,
            row_number() over (
                partition by
                    user_versions.platform,
                    user_versions.account_id,
                    user_versions.metric_date
                order by user_versions.version_synced_at desc
            ) as version_rank
        from user_versions
    ) as ranked
    where version_rank = 1
),

youtube_daily as (
    select
        'youtube' as platform,
        channel_id as account_id,
        metric_date,
        cast(null as {{ dbt.type_bigint() }}) as connector_followers,
        cast(sum(subscribers_gained) as {{ dbt.type_bigint() }}) as followers_gained,
        cast(sum(subscribers_lost) as {{ dbt.type_bigint() }}) as followers_lost
    from youtube_reports
    where is_latest and channel_id is not null
    group by channel_id, metric_date
),

connector_daily as (
    select * from facebook_daily
    union all
    select * from user_daily
    union all
    select * from youtube_daily
),

daily_posts as (
    select
        platform,
        account_id,
        published_date as metric_date,
        count(*) as posts_published
    from posts
    group by platform, account_id, published_date
),

accounts_with_posts as (
    select distinct
        platform,
        account_id
    from posts
),

spine as (
    select
        platform,
        account_id,
        metric_date
    from account_days
    union
    select
        platform,
        account_id,
        metric_date
    from connector_daily
    union
    select
        platform,
        account_id,
        metric_date
    from daily_posts
    union
    select
        platform,
        account_id,
        metric_date
    from post_days
),

joined as (
    select
        spine.platform,
        spine.account_id,
        spine.metric_date,
        accounts.brand,
        coalesce(accounts.is_own, true) as is_own,
        coalesce(connector_daily.connector_followers, account_days.followers) as follower_count,
        case
            when connector_daily.connector_followers is not null then 'connector'
            when account_days.followers is not null then 'social_accounts'
        end as follower_source,
        connector_daily.followers_gained,
        connector_daily.followers_lost,
        account_days.following_count,
        case
            when accounts_with_posts.account_id is not null
                then cast(coalesce(daily_posts.posts_published, 0) as {{ dbt.type_bigint() }})
            else account_days.posts_published
        end as posts_published,
        account_days.mentions as mention_count,
        account_days.profile_views
    from spine
    left join accounts
        on
            spine.platform = accounts.platform
            and spine.account_id = accounts.account_id
    left join account_days
        on
            spine.platform = account_days.platform
            and spine.account_id = account_days.account_id
            and spine.metric_date = account_days.metric_date
    left join connector_daily
        on
            spine.platform = connector_daily.platform
            and spine.account_id = connector_daily.account_id
            and spine.metric_date = connector_daily.metric_date
    left join accounts_with_posts
        on
            spine.platform = accounts_with_posts.platform
            and spine.account_id = accounts_with_posts.account_id
    left join daily_posts
        on
            spine.platform = daily_posts.platform
            and spine.account_id = daily_posts.account_id
            and spine.metric_date = daily_posts.metric_date
),

final as (
    select
        platform,
        account_id,
        brand,
        follower_source,
        follower_count,
        followers_gained,
        followers_lost,
        case
            when followers_gained is not null and followers_lost is not null
                then followers_gained - followers_lost
            else follower_count - lag(follower_count) over (
                partition by platform, account_id
                order by metric_date
            )
        end as net_follower_change,
        following_count,
        posts_published,
        mention_count,
        profile_views,
        is_own,
        followers_gained is not null and followers_lost is not null as has_reported_gains,
        metric_date
    from joined
)

select * from final
