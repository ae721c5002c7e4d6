-- One row per backlink sighting as SEO tools export them: a referring URL linking to a
-- target URL, first seen on a date and lost on a later one (NULL while live). A link lost
-- and found again has a second row with a later first_seen.
{%- set available = source_columns(source('seo', 'backlinks')) %}

with

source as (
    select * from {{ source('seo', 'backlinks') }}
),

renamed as (
    select
        -- ids
        {{ dbt.hash(dbt.concat([
            "coalesce(trim(referring_url), '')", "'|'",
            "coalesce(trim(target_url), '')", "'|'",
            "cast(first_seen as " ~ dbt.type_string() ~ ")",
        ])) }} as backlink_id,

        -- strings
        {{ web_domain(normalize_text('target_domain')) }} as target_domain,
        lower({{ normalize_text('referring_domain') }}) as referring_domain,
        {{ normalize_text('referring_url') }} as referring_url,
        {{ normalize_text('target_url') }} as target_url,

        -- numerics
        {{ measure(available, 'domain_rating', type_double()) }} as domain_rating,

        -- booleans
        {{ column_or_null(available, 'is_dofollow', dbt.type_boolean()) }} as is_dofollow,
        {{ column_or_null(available, 'lost_at', 'date') }} is null as is_active,

        -- dates
        cast(first_seen as date) as first_seen_date,
        {{ column_or_null(available, 'lost_at', 'date') }} as lost_date

    from source
)

select * from renamed
