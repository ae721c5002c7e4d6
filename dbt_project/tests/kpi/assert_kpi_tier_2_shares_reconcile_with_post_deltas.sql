-- Tier-2 shares and impressions over the whole period, per own account and on the `all`
-- rows, equal the sum of the post-level daily figures of own accounts
-- (int_post_daily_metrics_unioned.is_own; metrics of posts missing from the posts tables
-- included); and the `all` rows' search-content sessions equal the Organic Search sessions
-- landing on own content in int_web_sessions_assembled (a count: none is 0). Returns the rows
-- that disagree.
{{ config(severity='error') }}


with

post_days as (
    select * from {{ ref('int_post_daily_metrics_unioned') }}
),

web_sessions as (
    select * from {{ ref('int_web_sessions_assembled') }}
),

mart as (
    select * from {{ ref('kpi_tier_2_daily') }}
),

own_post_days as (
    select
        platform,
        account_id,
        share_count,
        impression_count
    from post_days
    where is_own
),

search_content_sessions as (
    select count(*) as sessions
    from web_sessions
    where
        default_channel_group = 'Organic Search'
        and {{ web_regexp_matches('landing_page_path', var('content_page_pattern')) }}
),

expected as (
    select
        platform,
        account_id,
        sum(share_count) as shares,
        sum(impression_count) as impressions,
        cast(null as {{ dbt.type_bigint() }}) as sessions
    from own_post_days
    group by platform, account_id
    union all
    -- two one-row aggregates, so the sessions stay when no own account has a post
    select
        'all' as platform,
        'all' as account_id,
        own_post_totals.shares,
        own_post_totals.impressions,
        search_content_sessions.sessions
    from (
        select
            sum(share_count) as shares,
            sum(impression_count) as impressions
        from own_post_days
    ) as own_post_totals
    cross join search_content_sessions
),

actual as (
    select
        platform,
        account_id,
        sum(shares) as shares,
        sum(impressions) as impressions,
        sum(search_content_sessions) as sessions
    from mart
    group by platform, account_id
)

select
    coalesce(expected.platform, actual.platform) as platform,
    coalesce(expected.account_id, actual.account_id) as account_id,
    expected.shares as expected_shares,
    actual.shares as actual_shares,
    expected.impressions as expected_impressions,
    actual.impressions as actual_impressions,
    expected.sessions as expected_sessions,
    actual.sessions as actual_sessions
from expected
full outer join actual
    on
        expected.platform = actual.platform
        and expected.account_id = actual.account_id
where
    coalesce(expected.shares, 0) != coalesce(actual.shares, 0)
    or coalesce(expected.impressions, 0) != coalesce(actual.impressions, 0)
    or coalesce(expected.sessions, 0) != coalesce(actual.sessions, 0)
