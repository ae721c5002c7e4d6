-- One row per mention of an own or competitor brand found by the listening tool. `brand` is
-- normalised (Arabic yeh/kaf to Persian, trimmed) so that one brand counts as one; the
-- sentiment label is lower case (NULL when the tool gave none).
{%- set available = source_columns(source('listening', 'mentions')) %}

with

source as (
    select * from {{ source('listening', 'mentions') }}
),

renamed as (
    select
        -- ids
        {{ normalize_text('mention_id') }} as mention_id,
        {{ column_or_null(available, 'author_id', dbt.type_string()) }} as author_id,

        -- strings
        lower({{ normalize_text('platform') }}) as platform,
        {{ normalize_text('brand') }} as brand,
        {{ mask_personal_data(
            normalize_text(column_or_null(available, 'text', dbt.type_string()))
        ) }} as mention_text,
        -- the key of the text's sentiment and themes (text_analysis): MD5 of the text as the
        -- raw table holds it, NULL when there is no text
        case
            when
                {{ normalize_text(column_or_null(available, 'text', dbt.type_string())) }}
                is not null
                then {{ dbt.hash(column_or_null(available, 'text', dbt.type_string())) }}
        end as text_hash,
        lower({{ normalize_text(column_or_null(available, 'language', dbt.type_string())) }})
            as language_code,
        trim({{ column_or_null(available, 'url', dbt.type_string()) }}) as mention_url,
        lower({{ normalize_text(column_or_null(available, 'sentiment_label',
                                               dbt.type_string())) }}) as sentiment_label,

        -- numerics
        {{ measure(available, 'reach_estimate', dbt.type_bigint()) }} as reach_estimate,
        {{ measure(available, 'engagements', dbt.type_bigint()) }} as engagements,

        -- booleans
        {{ normalize_text(column_or_null(available, 'sentiment_label', dbt.type_string())) }}
        is not null as has_sentiment_label,

        -- timestamps
        {{ to_utc('published_at') }} as published_at

    from source
)

select * from renamed
