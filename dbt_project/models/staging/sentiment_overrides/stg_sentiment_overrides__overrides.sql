-- One row per text a person labelled: the latest decision when the text was reviewed more
-- than once (the source key allows one row per text; an ELT tool may still land several).
-- The reviewer was hashed at load.
{%- set available = source_columns(source('sentiment_overrides', 'overrides')) %}

with

source as (
    select * from {{ source('sentiment_overrides', 'overrides') }}
),

renamed as (
    select
        -- ids
        lower({{ normalize_text('text_source') }}) as text_source,
        {{ normalize_text('text_id') }} as text_id,
        {{ column_or_null(available, 'reviewed_by', dbt.type_string()) }} as reviewed_by,

        -- strings
        lower({{ normalize_text('label') }}) as override_label,
        {{ normalize_text(column_or_null(available, 'reason', dbt.type_string())) }}
            as override_reason,

        -- timestamps
        {{ to_utc(column_or_null(available, 'reviewed_at', dbt.type_timestamp())) }}
            as reviewed_at,
        _loaded_at

    from source
),

ranked as (
    select
        renamed.*,
        row_number() over (
            partition by renamed.text_source, renamed.text_id
            order by
                renamed.reviewed_at desc nulls last,
                renamed._loaded_at desc,
                renamed.override_label asc
        ) as decision_rank
    from renamed
)

select
    text_source,
    text_id,
    reviewed_by,
    override_label,
    override_reason,
    reviewed_at
from ranked
where decision_rank = 1
