-- One row per tweet and day: the DAILY organic tweet report (not lifetime), the latest sync
-- of each placement summed over placements. Reactions are the likes. The report names the
-- ads account only, not the user account posts are kept under: a report of a tweet missing
-- from the tweet table goes to account `(unmatched)`.

with

tweet_reports as (
    select * from {{ ref('stg_twitter_organic__tweet_daily_reports') }}
),

latest_reports as (
    select * from tweet_reports
    where is_latest
),

final as (
    select
        'x' as platform,
        tweet_id as post_id,
        cast(null as {{ dbt.type_string() }}) as source_account_id,
        metric_date,
        cast(sum(impressions) as {{ dbt.type_bigint() }}) as impression_count,
        cast(null as {{ dbt.type_bigint() }}) as reach,
        cast(sum(likes) as {{ dbt.type_bigint() }}) as like_count,
        cast(sum(likes) as {{ dbt.type_bigint() }}) as reaction_count,
        cast(sum(replies) as {{ dbt.type_bigint() }}) as comment_count,
        cast(sum(retweets) as {{ dbt.type_bigint() }}) as share_count,
        cast(null as {{ dbt.type_bigint() }}) as save_count,
        cast(sum(clicks) as {{ dbt.type_bigint() }}) as click_count,
        cast(null as {{ dbt.type_bigint() }}) as video_view_count,
        false as is_restated,
        'daily_report' as metric_basis
    from latest_reports
    group by tweet_id, metric_date
)

select * from final
