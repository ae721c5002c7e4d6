-- One row per distinct text (by MD5) matching no configured theme and word pair in it.

with

source as (
    select * from {{ source('text_analysis', 'text_phrases') }}
),

renamed as (
    select
        -- ids
        text_hash,

        -- strings
        phrase,
        language as language_code

    from source
)

select * from renamed
