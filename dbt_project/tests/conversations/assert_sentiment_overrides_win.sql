{{ config(severity='error') }}
-- A person's label wins over every model: each text with a valid override has the override's
-- label as its effective label.
select
    overrides.text_source,
    overrides.text_id,
    overrides.override_label,
    sentiment.sentiment_label as effective_label
from {{ ref('stg_sentiment_overrides__overrides') }} as overrides
inner join {{ ref('conversation_sentiment') }} as sentiment
    on
        overrides.text_source = sentiment.text_source
        and overrides.text_id = sentiment.text_id
        and sentiment.is_effective
where
    overrides.override_label in ('positive', 'negative', 'neutral')
    and (sentiment.scorer_kind <> 'manual_override'
        or sentiment.sentiment_label <> overrides.override_label)
