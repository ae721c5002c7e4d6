-- One row per tweet, date, placement and sync: DAILY (not lifetime) organic tweet metrics.
-- A re-synced day appears once per sync; `is_latest` marks the newest sync of a tweet, date
-- and placement.
{%- set available = source_columns(source('twitter_organic', 'organic_tweet_report')) %}

with

source as (
    select * from {{ source('twitter_organic', 'organic_tweet_report') }}
),

renamed as (
    select
        -- ids
        cast(organic_tweet_id as {{ dbt.type_string() }}) as tweet_id,
        cast(account_id as {{ dbt.type_string() }}) as ads_account_id,

        -- strings
        'x' as platform,
        coalesce(
            upper({{ normalize_text(column_or_null(available, 'placement', dbt.type_string())) }}),
            'ALL_ON_TWITTER'
        ) as placement,

        -- numerics
        {{ measure(available, 'impressions', dbt.type_bigint()) }} as impressions,
        {{ measure(available, 'engagements', dbt.type_bigint()) }} as engagements,
        {{ measure(available, 'likes', dbt.type_bigint()) }} as likes,
        {{ measure(available, 'retweets', dbt.type_bigint()) }} as retweets,
        {{ measure(available, 'replies', dbt.type_bigint()) }} as replies,
        {{ measure(available, 'clicks', dbt.type_bigint()) }} as clicks,
        {{ measure(available, 'url_clicks', dbt.type_bigint()) }} as url_clicks,
        {{ measure(available, 'follows', dbt.type_bigint()) }} as follows,
        {{ measure(available, 'unfollows', dbt.type_bigint()) }} as unfollows,

        -- booleans
        _fivetran_synced = max(_fivetran_synced) over (
            partition by organic_tweet_id, date, {{ column_or_null(available, 'placement',
                                                                   dbt.type_string()) }}
        ) as is_latest,

        -- dates
        cast(date as date) as metric_date,

        -- timestamps
        {{ to_utc('_fivetran_synced') }} as synced_at

    from source
)

select * from renamed
