-- One row per LinkedIn post and the share statistic that measures it (ids normalised from
-- URNs).
{%- set available = source_columns(source('linkedin_pages', 'ugc_post_share_statistic')) %}

with

source as (
    select * from {{ source('linkedin_pages', 'ugc_post_share_statistic') }}
),

renamed as (
    select
        -- ids
        cast(share_statistic_id as {{ dbt.type_string() }}) as share_statistic_id,
        {{ linkedin_id('ugc_post_id') }} as post_id,

        -- strings
        'linkedin' as platform,

        -- timestamps
        {{ loaded_at(available) }} as _loaded_at

    from source
)

select * from renamed
