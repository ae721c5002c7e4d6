-- The audience survey in long form: one row per response x question x answer. The `;`
-- lists (platforms used, motivations, other brands) are split one item per row by macro
-- split_to_rows (the engine's unnest); each item is normalised (Persian yeh/kaf, trimmed,
-- lower case for platforms and motivations) and a repeated item of one response is kept
-- once. knows_social_sites is `yes` / `no`; platforms count only for a respondent who knows
-- social sites. other_brands NULL means the respondent follows no other brand (the landing
-- contract): one row with a NULL answer keeps them among the question's respondents. The
-- minutes questions have a NULL answer and the minutes in `minutes`.

with

responses as (
    select * from {{ ref('stg_surveys__audience_responses') }}
),

platforms_split as (
    select
        response_id,
        submitted_at,
        {{ split_to_rows('platforms_used') }} as answer
    from responses
    where knows_social_sites and platforms_used is not null
),

motivations_split as (
    select
        response_id,
        submitted_at,
        {{ split_to_rows('motivations') }} as answer
    from responses
    where motivations is not null
),

brands_split as (
    select
        response_id,
        submitted_at,
        {{ split_to_rows('other_brands') }} as answer
    from responses
    where other_brands is not null
),

unpivoted as (
    select
        response_id,
        submitted_at,
        'knows_social_sites' as question,
        case when knows_social_sites then 'yes' else 'no' end as answer,
        cast(null as {{ dbt.type_bigint() }}) as minutes
    from responses
    where knows_social_sites is not null

    union all

    select
        response_id,
        submitted_at,
        'platforms_used' as question,
        lower({{ normalize_text('answer') }}) as answer,
        cast(null as {{ dbt.type_bigint() }}) as minutes
    from platforms_split
    where {{ normalize_text('answer') }} is not null

    union all

    select
        response_id,
        submitted_at,
        'motivations' as question,
        lower({{ normalize_text('answer') }}) as answer,
        cast(null as {{ dbt.type_bigint() }}) as minutes
    from motivations_split
    where {{ normalize_text('answer') }} is not null

    union all

    select
        response_id,
        submitted_at,
        'other_brands' as question,
        {{ normalize_text('answer') }} as answer,
        cast(null as {{ dbt.type_bigint() }}) as minutes
    from brands_split
    where {{ normalize_text('answer') }} is not null

    union all

    select
        response_id,
        submitted_at,
        'other_brands' as question,
        cast(null as {{ dbt.type_string() }}) as answer,
        cast(null as {{ dbt.type_bigint() }}) as minutes
    from responses
    where other_brands is null

    union all

    select
        response_id,
        submitted_at,
        'minutes_personal' as question,
        cast(null as {{ dbt.type_string() }}) as answer,
        cast(minutes_personal as {{ dbt.type_bigint() }}) as minutes
    from responses
    where minutes_personal is not null

    union all

    select
        response_id,
        submitted_at,
        'minutes_professional' as question,
        cast(null as {{ dbt.type_string() }}) as answer,
        cast(minutes_professional as {{ dbt.type_bigint() }}) as minutes
    from responses
    where minutes_professional is not null
),

deduplicated as (
    select distinct
        -- ids
        response_id,

        -- strings
        question,
        answer,

        -- numerics
        minutes,

        -- timestamps
        submitted_at
    from unpivoted
)

select * from deduplicated
