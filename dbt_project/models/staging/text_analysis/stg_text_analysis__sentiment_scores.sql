-- One row per distinct text (by MD5): the sentiment the text_analysis asset gave it.

with

source as (
    select * from {{ source('text_analysis', 'sentiment_scores') }}
),

renamed as (
    select
        -- ids
        text_hash,

        -- strings
        language as language_code,
        label as model_label,
        scorer as model_scorer,
        scorer_version as model_scorer_version,

        -- numerics
        cast(score as {{ type_double() }}) as model_score,

        -- timestamps
        {{ to_utc('analysed_at') }} as analysed_at

    from source
)

select * from renamed
