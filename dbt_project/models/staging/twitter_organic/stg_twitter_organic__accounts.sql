-- One row per X ads/organic account version (one per connector sync). The ads account
-- (`account_id` of tweets and reports) is not the X user that posts: see
-- stg_twitter_organic__users. All versions kept; `is_latest` marks the newest.
{%- set available = source_columns(source('twitter_organic', 'account_history')) %}

with

source as (
    select * from {{ source('twitter_organic', 'account_history') }}
),

renamed as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as ads_account_id,

        -- strings
        'x' as platform,
        {{ normalize_text(column_or_null(available, 'name', dbt.type_string())) }}
            as ads_account_name,

        -- booleans
        _fivetran_synced = max(_fivetran_synced) over (partition by id) as is_latest,

        -- timestamps
        {{ to_utc(column_or_null(available, 'updated_at', dbt.type_timestamp())) }}
            as updated_at,
        {{ to_utc('_fivetran_synced') }} as version_synced_at

    from source
)

select * from renamed
