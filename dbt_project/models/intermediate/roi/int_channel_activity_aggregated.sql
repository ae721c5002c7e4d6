-- One row per day and channel: what the business put into the channel (money, hours and
-- their cost, posts) and how the channel's audience moved (own accounts' net follower
-- change, impressions, GA4 sessions and new visitors from the platform). The incrementality
-- model reads the investment as each channel's activity; the verdict reads the audience
-- columns. Every channel with any investment or an own social account gets every day of the
-- period (zeros, so a pause is a zero and not a gap); `shared` costs (no channel) are left
-- out: they belong to no channel's activity.

with

calendar as (
    select * from {{ ref('int_dates_enriched') }}
),

investments as (
    select * from {{ ref('int_channel_investments_aggregated') }}
    where channel != 'shared'
),

account_days as (
    select * from {{ ref('int_account_daily_metrics_unioned') }}
    where is_own
),

post_metrics as (
    select * from {{ ref('int_account_post_metrics_aggregated') }}
    where is_own
),

web_sessions as (
    select * from {{ ref('int_web_sessions_assembled') }}
    where social_platform is not null
),

own_channels as (
    select distinct account_days.platform as channel from account_days
),

channels as (
    select distinct investments.channel from investments
    union
    select own_channels.channel from own_channels
),

followers as (
    select
        platform as channel,
        metric_date,
        sum(net_follower_change) as follower_growth,
        sum(posts_published) as posts_published
    from account_days
    group by
        platform,
        metric_date
),

impressions as (
    select
        platform as channel,
        metric_date,
        sum(impression_count) as impressions
    from post_metrics
    group by
        platform,
        metric_date
),

platform_sessions as (
    select
        social_platform as channel,
        session_start_date,
        count(*) as social_sessions,
        sum(case when is_new_user then 1 else 0 end) as social_new_visitors
    from web_sessions
    group by
        social_platform,
        session_start_date
),

final as (
    select
        -- strings
        channels.channel,

        -- numerics
        cast(coalesce(investments.money_total, 0) as {{ type_double() }}) as money_invested,
        cast(coalesce(investments.time_cost, 0) as {{ type_double() }}) as time_cost,
        cast(coalesce(investments.hours_logged, 0) as {{ type_double() }}) as hours_logged,
        cast(coalesce(investments.total_investment, 0) as {{ type_double() }})
            as total_investment,
        cast(followers.posts_published as {{ dbt.type_bigint() }}) as posts_published,
        cast(followers.follower_growth as {{ dbt.type_bigint() }}) as follower_growth,
        cast(impressions.impressions as {{ dbt.type_bigint() }}) as impressions,
        cast(platform_sessions.social_sessions as {{ dbt.type_bigint() }}) as social_sessions,
        cast(platform_sessions.social_new_visitors as {{ dbt.type_bigint() }})
            as social_new_visitors,

        -- booleans
        own_channels.channel is not null as has_own_account,

        -- dates
        calendar.calendar_date as activity_date
    from channels
    cross join calendar
    left join investments
        on
            channels.channel = investments.channel
            and calendar.calendar_date = investments.cost_date
    left join followers
        on
            channels.channel = followers.channel
            and calendar.calendar_date = followers.metric_date
    left join impressions
        on
            channels.channel = impressions.channel
            and calendar.calendar_date = impressions.metric_date
    left join platform_sessions
        on
            channels.channel = platform_sessions.channel
            and calendar.calendar_date = platform_sessions.session_start_date
    left join own_channels
        on channels.channel = own_channels.channel
)

select * from final
