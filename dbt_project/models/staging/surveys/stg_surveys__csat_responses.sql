-- One row per customer-satisfaction survey response: CSAT (1-5) and NPS (0-10) scores and
-- the comment. customer_ref arrives hashed at load and stays hashed.
{%- set available = source_columns(source('surveys', 'csat')) %}

with

source as (
    select * from {{ source('surveys', 'csat') }}
),

renamed as (
    select
        -- ids
        {{ normalize_text('response_id') }} as response_id,
        {{ normalize_text(column_or_null(available, 'customer_ref', dbt.type_string())) }}
            as customer_ref,

        -- strings
        lower({{ normalize_text(column_or_null(available, 'channel', dbt.type_string())) }})
            as channel,
        {{ mask_personal_data(
            normalize_text(column_or_null(available, 'comment', dbt.type_string()))
        ) }} as response_comment,
        -- the key of the text's sentiment and themes (text_analysis): MD5 of the text as the
        -- raw table holds it, NULL when there is no text
        case
            when
                {{ normalize_text(column_or_null(available, 'comment', dbt.type_string())) }}
                is not null
                then {{ dbt.hash(column_or_null(available, 'comment', dbt.type_string())) }}
        end as text_hash,

        -- numerics
        {{ measure(available, 'csat_score', dbt.type_int()) }} as csat_score,
        {{ measure(available, 'nps_score', dbt.type_int()) }} as nps_score,

        -- timestamps
        {{ to_utc('submitted_at') }} as submitted_at

    from source
),

categorised as (
    select
        -- ids
        response_id,
        customer_ref,

        -- strings
        channel,
        response_comment,
        text_hash,
        case
            when nps_score >= 9 then 'promoter'
            when nps_score >= 7 then 'passive'
            when nps_score >= 0 then 'detractor'
        end as nps_group,

        -- numerics
        csat_score,
        nps_score,

        -- booleans
        case when csat_score is not null then csat_score >= 4 end as is_satisfied,

        -- timestamps
        submitted_at

    from renamed
)

select * from categorised
