-- One row per channel: the team's experience with it, the hours it plans to give it, and the
-- resources it has (strategy guide, step 1).
{%- set available = source_columns(source('strategy', 'self_assessment')) %}

with

source as (
    select * from {{ source('strategy', 'self_assessment') }}
),

renamed as (
    select
        -- ids
        lower({{ normalize_text('channel') }}) as channel,

        -- strings
        coalesce(
            lower({{ normalize_text(column_or_null(available, 'team_experience',
                                                   dbt.type_string())) }}),
            'none'
        ) as team_experience,

        -- numerics
        {{ measure(available, 'hours_per_week_planned', type_double()) }}
            as hours_per_week_planned,

        -- booleans
        coalesce({{ column_or_null(available, 'has_skilled_writer', dbt.type_boolean()) }}, false)
            as has_skilled_writer,
        coalesce({{ column_or_null(available, 'has_photo_library', dbt.type_boolean()) }}, false)
            as has_photo_library,
        coalesce({{ column_or_null(available, 'has_photographer', dbt.type_boolean()) }}, false)
            as has_photographer,
        coalesce({{ column_or_null(available, 'has_video_library', dbt.type_boolean()) }}, false)
            as has_video_library,
        coalesce({{ column_or_null(available, 'has_video_skills', dbt.type_boolean()) }}, false)
            as has_video_skills

    from source
)

select * from renamed
