-- Sentiment of what people say: one row per text (comment on an own post, listening mention,
-- CSAT survey comment) and scorer. Up to three scorers per text, side by side: the project's
-- model (`model`: VADER for English, the Persian lexicon scorer, the emoji lexicon), the
-- listening tool's own label (`listening_tool`, mentions only) and a person's decision
-- (`manual_override`, from sentiment_overrides). The effective label of a text (the one every
-- count uses) is the override when there is one, else the model's, else the tool's.

with

texts as (
    select * from {{ ref('int_conversation_texts_unioned') }}
),

scores as (
    select * from {{ ref('stg_text_analysis__sentiment_scores') }}
),

overrides as (
    select * from {{ ref('stg_sentiment_overrides__overrides') }}
    where override_label in ('positive', 'negative', 'neutral')
),

labels as (
    select
        texts.text_source,
        texts.text_id,
        'model' as scorer_kind,
        scores.model_scorer as scorer,
        scores.model_scorer_version as scorer_version,
        scores.language_code,
        scores.model_label as sentiment_label,
        scores.model_score as sentiment_score,
        case
            when overrides.text_id is null then 1
            else 0
        end as is_effective_flag
    from texts
    inner join scores
        on texts.text_hash = scores.text_hash
    left join overrides
        on
            texts.text_source = overrides.text_source
            and texts.text_id = overrides.text_id
    union all
    select
        texts.text_source,
        texts.text_id,
        'listening_tool' as scorer_kind,
        'listening_tool' as scorer,
        cast(null as {{ dbt.type_string() }}) as scorer_version,
        scores.language_code,
        texts.tool_label as sentiment_label,
        {{ label_score('texts.tool_label') }} as sentiment_score,
        case
            when overrides.text_id is null and scores.text_hash is null then 1
            else 0
        end as is_effective_flag
    from texts
    left join scores
        on texts.text_hash = scores.text_hash
    left join overrides
        on
            texts.text_source = overrides.text_source
            and texts.text_id = overrides.text_id
    where texts.tool_label is not null
    union all
    select
        texts.text_source,
        texts.text_id,
        'manual_override' as scorer_kind,
        'manual_override' as scorer,
        cast(null as {{ dbt.type_string() }}) as scorer_version,
        scores.language_code,
        overrides.override_label as sentiment_label,
        {{ label_score('overrides.override_label') }} as sentiment_score,
        1 as is_effective_flag
    from overrides
    inner join texts
        on
            overrides.text_source = texts.text_source
            and overrides.text_id = texts.text_id
    left join scores
        on texts.text_hash = scores.text_hash
),

final as (
    select
        cast(labels.text_id as {{ dbt.type_string() }}) as text_id,
        cast(labels.text_source as {{ dbt.type_string() }}) as text_source,
        cast(texts.platform as {{ dbt.type_string() }}) as platform,
        cast(texts.brand as {{ dbt.type_string() }}) as brand,
        cast(texts.is_own_brand as {{ dbt.type_boolean() }}) as is_own_brand,
        cast(texts.is_reply as {{ dbt.type_boolean() }}) as is_reply,
        cast(texts.published_at as {{ dbt.type_timestamp() }}) as published_at,
        cast(texts.published_date as date) as published_date,
        cast(texts.month_start_date as date) as month_start_date,
        cast(labels.language_code as {{ dbt.type_string() }}) as language_code,
        cast(labels.scorer_kind as {{ dbt.type_string() }}) as scorer_kind,
        cast(labels.scorer as {{ dbt.type_string() }}) as scorer,
        cast(labels.scorer_version as {{ dbt.type_string() }}) as scorer_version,
        cast(labels.sentiment_label as {{ dbt.type_string() }}) as sentiment_label,
        cast(labels.sentiment_score as {{ type_double() }}) as sentiment_score,
        cast(labels.is_effective_flag = 1 as {{ dbt.type_boolean() }}) as is_effective
    from labels
    inner join texts
        on
            labels.text_source = texts.text_source
            and labels.text_id = texts.text_id
)

select * from final
