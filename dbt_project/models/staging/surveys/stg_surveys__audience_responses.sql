-- One row per audience survey response (the framework's five audience questions). The
-- multi-valued answers (platforms used, motivations, other brands) stay `;`-separated text,
-- normalised (Persian yeh/kaf, no spaces around `;`): splitting them changes the grain and
-- needs an engine-specific unnest, so it belongs in an intermediate model when a mart needs it.
{%- set available = source_columns(source('surveys', 'audience')) %}

with

source as (
    select * from {{ source('surveys', 'audience') }}
),

renamed as (
    select
        -- ids
        {{ normalize_text('response_id') }} as response_id,

        -- strings
        lower({{ normalize_semicolon_list(
            column_or_null(available, 'platforms_used', dbt.type_string())
        ) }}) as platforms_used,
        lower({{ normalize_semicolon_list(
            column_or_null(available, 'motivations', dbt.type_string())
        ) }}) as motivations,
        {{ normalize_semicolon_list(
            column_or_null(available, 'other_brands', dbt.type_string())
        ) }} as other_brands,

        -- numerics
        {{ measure(available, 'minutes_personal', dbt.type_int()) }} as minutes_personal,
        {{ measure(available, 'minutes_professional', dbt.type_int()) }} as minutes_professional,

        -- booleans
        {{ column_or_null(available, 'knows_social_sites', dbt.type_boolean()) }}
            as knows_social_sites,

        -- timestamps
        {{ to_utc('submitted_at') }} as submitted_at

    from source
)

select * from renamed
