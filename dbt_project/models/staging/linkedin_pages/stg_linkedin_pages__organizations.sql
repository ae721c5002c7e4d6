-- One row per LinkedIn organization (company page). The numeric id is the account id of
-- social_accounts.
{%- set available = source_columns(source('linkedin_pages', 'organization')) %}

with

source as (
    select * from {{ source('linkedin_pages', 'organization') }}
),

renamed as (
    select
        -- ids
        {{ linkedin_id('id') }} as organization_id,

        -- strings
        'linkedin' as platform,
        {{ normalize_text(column_or_null(available, 'localized_name', dbt.type_string())) }}
            as organization_name,
        lower({{ normalize_text(column_or_null(available, 'vanity_name', dbt.type_string())) }})
            as vanity_name

    from source
)

select * from renamed
