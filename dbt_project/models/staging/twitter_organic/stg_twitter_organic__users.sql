-- One row per X user (profile) version, one per connector sync: screen name and followers
-- as of that sync. The user id is the account id of social_accounts. All versions kept;
-- `is_latest` marks the newest.
{%- set available = source_columns(source('twitter_organic', 'twitter_user_history')) %}

with

source as (
    select * from {{ source('twitter_organic', 'twitter_user_history') }}
),

renamed as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as user_id,

        -- strings
        'x' as platform,
        lower({{ normalize_text(column_or_null(available, 'screen_name', dbt.type_string())) }})
            as screen_name,
        {{ normalize_text(column_or_null(available, 'name', dbt.type_string())) }}
            as user_name,

        -- numerics
        {{ measure(available, 'followers_count', dbt.type_bigint()) }} as followers_count,

        -- booleans
        _fivetran_synced = max(_fivetran_synced) over (partition by id) as is_latest,

        -- timestamps
        {{ to_utc(column_or_null(available, 'created_at', dbt.type_timestamp())) }}
            as user_created_at,
        {{ to_utc('_fivetran_synced') }} as version_synced_at

    from source
)

select * from renamed
