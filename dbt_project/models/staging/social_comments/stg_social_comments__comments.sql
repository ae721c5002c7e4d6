-- One row per comment (or reply) on an own post, from the platforms' APIs or a social inbox
-- tool. LinkedIn post ids normalised from URNs to the numeric id the LinkedIn models use;
-- author ids were hashed at load.
{%- set available = source_columns(source('social_comments', 'comments')) %}

with

source as (
    select * from {{ source('social_comments', 'comments') }}
),

renamed as (
    select
        -- ids
        {{ normalize_text('comment_id') }} as comment_id,
        case
            when lower(trim(platform)) = 'linkedin' then {{ linkedin_id('post_id') }}
            else {{ normalize_text('post_id') }}
        end as post_id,
        {{ normalize_text(column_or_null(available, 'parent_comment_id', dbt.type_string())) }}
            as parent_comment_id,
        {{ column_or_null(available, 'author_id', dbt.type_string()) }} as author_id,

        -- strings
        lower({{ normalize_text('platform') }}) as platform,
        {{ mask_personal_data(
            normalize_text(column_or_null(available, 'text', dbt.type_string()))
        ) }} as comment_text,
        -- the key of the text's sentiment and themes (text_analysis): MD5 of the text as the
        -- raw table holds it, NULL when there is no text
        case
            when
                {{ normalize_text(column_or_null(available, 'text', dbt.type_string())) }}
                is not null
                then {{ dbt.hash(column_or_null(available, 'text', dbt.type_string())) }}
        end as text_hash,

        -- numerics
        {{ measure(available, 'like_count', dbt.type_bigint()) }} as like_count,

        -- booleans
        {{ column_or_null(available, 'is_from_owner', dbt.type_boolean()) }} as is_from_owner,
        {{ normalize_text(column_or_null(available, 'parent_comment_id', dbt.type_string())) }}
        is not null as is_reply,

        -- timestamps
        {{ to_utc('created_at') }} as created_at,
        {{ loaded_at(available) }} as _loaded_at

    from source
)

select * from renamed
