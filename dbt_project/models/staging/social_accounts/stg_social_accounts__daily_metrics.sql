-- One row per social account and date: followers at the end of the day, accounts followed,
-- posts published, mentions and profile views, as a platform export or a competitive-
-- analysis tool gives them (competitors carry public figures only).
{%- set available = source_columns(source('social_accounts', 'daily')) %}

with

source as (
    select * from {{ source('social_accounts', 'daily') }}
),

renamed as (
    select
        -- ids
        lower({{ normalize_text('platform') }}) as platform,
        {{ normalize_text('account_id') }} as account_id,

        -- numerics
        {{ measure(available, 'followers', dbt.type_bigint()) }} as followers,
        {{ measure(available, 'following', dbt.type_bigint()) }} as following_count,
        {{ measure(available, 'posts_published', dbt.type_bigint()) }} as posts_published,
        {{ measure(available, 'mentions', dbt.type_bigint()) }} as mentions,
        {{ measure(available, 'profile_views', dbt.type_bigint()) }} as profile_views,

        -- dates
        cast(date as date) as metric_date

    from source
)

select * from renamed
