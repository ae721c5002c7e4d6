-- One row per distinct text (by MD5) and configured theme it matches.

with

source as (
    select * from {{ source('text_analysis', 'text_themes') }}
),

renamed as (
    select
        -- ids
        text_hash,

        -- strings
        theme as theme_key,
        taxonomy_version

    from source
)

select * from renamed
