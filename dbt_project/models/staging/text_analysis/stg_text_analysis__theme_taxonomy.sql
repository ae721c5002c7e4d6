-- One row per configured theme: its names and the kind of action a problem in it calls for.

with

source as (
    select * from {{ source('text_analysis', 'theme_taxonomy') }}
),

renamed as (
    select
        -- ids
        theme as theme_key,

        -- strings
        label_en as theme_label_en,
        label_fa as theme_label_fa,
        action_kind,
        taxonomy_version

    from source
)

select * from renamed
