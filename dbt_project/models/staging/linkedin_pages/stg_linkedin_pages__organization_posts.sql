-- One row per LinkedIn organization and post it owns (ids normalised from URNs).

with

source as (
    select * from {{ source('linkedin_pages', 'organization_ugc_post') }}
),

renamed as (
    select
        -- ids
        {{ linkedin_id('organization_id') }} as organization_id,
        {{ linkedin_id('ugc_post_id') }} as post_id,

        -- strings
        'linkedin' as platform

    from source
)

select * from renamed
