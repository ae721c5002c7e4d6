-- One row per LinkedIn post (UGC post or share) version, one per connector sync. Ids are
-- normalised from URNs to numbers (`urn:li:ugcPost:7200...` -> `7200...`); the URN is kept
-- to build the post's URL. All versions kept; `is_latest` marks the newest per post.
{%- set available = source_columns(source('linkedin_pages', 'ugc_post_history')) %}

with

source as (
    select * from {{ source('linkedin_pages', 'ugc_post_history') }}
),

renamed as (
    select
        -- ids
        {{ linkedin_id('id') }} as post_id,
        {{ linkedin_id('author') }} as author_organization_id,

        -- strings
        'linkedin' as platform,
        trim(cast(id as {{ dbt.type_string() }})) as post_urn,
        coalesce({{ linkedin_urn_type('id') }}, 'ugcPost') as post_urn_type,
        {{ normalize_text(column_or_null(available, 'commentary', dbt.type_string())) }}
            as commentary,
        upper({{ normalize_text(column_or_null(available, 'lifecycle_state',
                                               dbt.type_string())) }}) as lifecycle_state,

        -- booleans
        _fivetran_synced = max(_fivetran_synced) over (partition by id) as is_latest,

        -- timestamps
        {{ to_utc('created_time') }} as created_at,
        {{ to_utc(column_or_null(available, 'first_published_at', dbt.type_timestamp())) }}
            as first_published_at,
        {{ to_utc(column_or_null(available, 'last_modified_time', dbt.type_timestamp())) }}
            as last_modified_at,
        {{ to_utc('_fivetran_synced') }} as version_synced_at

    from source
)

select * from renamed
