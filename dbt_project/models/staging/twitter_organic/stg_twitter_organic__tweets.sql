-- One row per tweet (post on X) version, one per connector sync: text, language and the
-- lifetime retweet and like counts as of that sync. All versions kept; `is_latest` marks
-- the newest per tweet.
{%- set available = source_columns(source('twitter_organic', 'tweet')) %}

with

source as (
    select * from {{ source('twitter_organic', 'tweet') }}
),

renamed as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as tweet_id,
        cast(account_id as {{ dbt.type_string() }}) as ads_account_id,
        {{ column_or_null(available, 'user_id', dbt.type_string()) }} as user_id,

        -- strings
        'x' as platform,
        {{ normalize_text(column_or_null(available, 'full_text', dbt.type_string())) }}
            as tweet_text,
        lower({{ normalize_text(column_or_null(available, 'lang', dbt.type_string())) }})
            as language_code,

        -- numerics
        {{ measure(available, 'retweet_count', dbt.type_bigint()) }} as retweet_count,
        {{ measure(available, 'favorite_count', dbt.type_bigint()) }} as favorite_count,

        -- booleans
        _fivetran_synced = max(_fivetran_synced) over (partition by id) as is_latest,

        -- timestamps
        {{ to_utc('created_at') }} as created_at,
        {{ to_utc('_fivetran_synced') }} as version_synced_at

    from source
)

select * from renamed
