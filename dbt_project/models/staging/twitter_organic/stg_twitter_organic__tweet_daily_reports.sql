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
        {{ column_or_null(available, 'impressions', dbt.type_bigint()) }} as impressions,
        {{ column_or_null(available, 'engagements', dbt.type_bigint()) }} as engagements,
        {{ column_or_null(available, 'likes', dbt.type_bigint()) }} as likes,
        {{ column_or_null(available, 'retweets', dbt.type_bigint()) }} as retweets,
        {{ column_or_null(available, 'replies', dbt.type_bigint()) }} as replies,
        {{ column_or_null(available, 'clicks', dbt.type_bigint()) }} as clicks,
        {{ column_or_null(available, 'url_clicks', dbt.type_bigint()) }} as url_clicks,
        {{ column_or_null(available, 'follows', dbt.type_bigint()) }} as follows,
        {{ column_or_null(available, 'unfollows', dbt.type_bigint()) }} as unfollows,

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
