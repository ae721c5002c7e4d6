-- What people talk about, per month, brand and theme: how many texts (comments on own posts,
-- listening mentions, CSAT survey comments) touch the theme, how negative they are, and the
-- change against the previous month, with example text ids to read. Themes are the configured
-- taxonomy's (keywords in Persian and English) plus, so that a problem nobody configured still
-- shows up, the most frequent new phrases (word pairs) of negative texts that match no theme:
-- for each month and brand the top `conversation_new_phrases_per_month` phrases found in at
-- least `conversation_new_phrase_min_texts` negative texts, and mostly in negative texts (a
-- share of at least `conversation_new_phrase_min_negative_share`: the brand's own name is in
-- most texts, good or bad, and is no problem). Labels are each text's effective
-- sentiment (conversation_sentiment: a person's override, else the model's).

with

sentiment as (
    select * from {{ ref('conversation_sentiment') }}
    where is_effective and brand is not null
),

texts as (
    select * from {{ ref('int_conversation_texts_unioned') }}
),

text_themes as (
    select * from {{ ref('stg_text_analysis__text_themes') }}
),

text_phrases as (
    select * from {{ ref('stg_text_analysis__text_phrases') }}
),

taxonomy as (
    select * from {{ ref('stg_text_analysis__theme_taxonomy') }}
),

labelled_texts as (
    select
        sentiment.text_source,
        sentiment.text_id,
        sentiment.brand,
        sentiment.is_own_brand,
        sentiment.month_start_date,
        sentiment.published_at,
        sentiment.sentiment_label,
        texts.text_hash
    from sentiment
    inner join texts
        on
            sentiment.text_source = texts.text_source
            and sentiment.text_id = texts.text_id
),

brand_months as (
    select
        month_start_date,
        brand,
        count(*) as brand_texts
    from labelled_texts
    group by month_start_date, brand
),

theme_texts as (
    select
        labelled_texts.*,
        text_themes.theme_key,
        'configured' as theme_kind
    from labelled_texts
    inner join text_themes
        on labelled_texts.text_hash = text_themes.text_hash
    union all
    select
        labelled_texts.*,
        text_phrases.phrase as theme_key,
        'new_phrase' as theme_kind
    from labelled_texts
    inner join text_phrases
        on labelled_texts.text_hash = text_phrases.text_hash
),

theme_months as (
    select
        month_start_date,
        brand,
        max(case when is_own_brand then 1 else 0 end) as is_own_brand_flag,
        theme_key,
        theme_kind,
        count(*) as theme_mentions,
        sum(case when sentiment_label = 'positive' then 1 else 0 end) as positive_mentions,
        sum(case when sentiment_label = 'negative' then 1 else 0 end) as negative_mentions
    from theme_texts
    group by month_start_date, brand, theme_key, theme_kind
),

compared as (
    select
        theme_months.*,
        brand_months.brand_texts,
        case
            when previous_brand_month.brand is not null
                then coalesce(previous_month.theme_mentions, 0)
        end as previous_theme_mentions,
        case
            when previous_brand_month.brand is not null
                then coalesce(previous_month.negative_mentions, 0)
        end as previous_negative_mentions,
        row_number() over (
            partition by theme_months.month_start_date, theme_months.brand, theme_months.theme_kind
            order by theme_months.negative_mentions desc, theme_months.theme_key asc
        ) as negative_rank
    from theme_months
    inner join brand_months
        on
            theme_months.month_start_date = brand_months.month_start_date
            and theme_months.brand = brand_months.brand
    left join brand_months as previous_brand_month
        on
            theme_months.brand = previous_brand_month.brand
            and previous_brand_month.month_start_date
            = {{ dbt.dateadd('month', -1, 'theme_months.month_start_date') }}
    left join theme_months as previous_month
        on
            theme_months.brand = previous_month.brand
            and theme_months.theme_key = previous_month.theme_key
            and theme_months.theme_kind = previous_month.theme_kind
            and previous_month.month_start_date
            = {{ dbt.dateadd('month', -1, 'theme_months.month_start_date') }}
),

kept as (
    select * from compared
    where
        theme_kind = 'configured'
        or (
            negative_mentions >= {{ var('conversation_new_phrase_min_texts') }}
            and negative_mentions
            >= {{ var('conversation_new_phrase_min_negative_share') }} * theme_mentions
            and negative_rank <= {{ var('conversation_new_phrases_per_month') }}
        )
),

examples_ranked as (
    select
        theme_texts.month_start_date,
        theme_texts.brand,
        theme_texts.theme_key,
        theme_texts.theme_kind,
        theme_texts.text_id,
        row_number() over (
            partition by
                theme_texts.month_start_date,
                theme_texts.brand,
                theme_texts.theme_key,
                theme_texts.theme_kind
            order by
                case when theme_texts.sentiment_label = 'negative' then 0 else 1 end,
                theme_texts.published_at desc,
                theme_texts.text_id asc
        ) as example_rank
    from theme_texts
),

examples as (
    select
        month_start_date,
        brand,
        theme_key,
        theme_kind,
        {{ dbt.listagg('text_id', "', '", 'order by example_rank') }} as example_text_ids
    from examples_ranked
    where example_rank <= 3
    group by month_start_date, brand, theme_key, theme_kind
),

final as (
    select
        cast(kept.month_start_date as date) as month_start_date,
        cast(kept.brand as {{ dbt.type_string() }}) as brand,
        cast(kept.is_own_brand_flag = 1 as {{ dbt.type_boolean() }}) as is_own_brand,
        cast(kept.theme_key as {{ dbt.type_string() }}) as theme_key,
        cast(kept.theme_kind as {{ dbt.type_string() }}) as theme_kind,
        cast(coalesce(taxonomy.theme_label_en, kept.theme_key) as {{ dbt.type_string() }})
            as theme_label_en,
        cast(taxonomy.theme_label_fa as {{ dbt.type_string() }}) as theme_label_fa,
        cast(coalesce(taxonomy.action_kind, 'product') as {{ dbt.type_string() }})
            as action_kind,
        cast(kept.theme_mentions as {{ dbt.type_bigint() }}) as theme_mentions,
        cast(kept.positive_mentions as {{ dbt.type_bigint() }}) as positive_mentions,
        cast(kept.negative_mentions as {{ dbt.type_bigint() }}) as negative_mentions,
        cast(
            {{ safe_divide('kept.negative_mentions', 'kept.theme_mentions') }}
            as {{ type_double() }}
        ) as negative_share,
        cast(
            {{ safe_divide('kept.theme_mentions', 'kept.brand_texts') }}
            as {{ type_double() }}
        ) as share_of_brand_texts,
        cast(kept.previous_theme_mentions as {{ dbt.type_bigint() }})
            as previous_theme_mentions,
        cast(kept.previous_negative_mentions as {{ dbt.type_bigint() }})
            as previous_negative_mentions,
        cast(
            {{ safe_divide('kept.previous_negative_mentions', 'kept.previous_theme_mentions') }}
            as {{ type_double() }}
        ) as previous_negative_share,
        cast(kept.theme_mentions - kept.previous_theme_mentions as {{ dbt.type_bigint() }})
            as mentions_change,
        cast(
            {{ safe_divide('kept.theme_mentions - kept.previous_theme_mentions',
                            'kept.previous_theme_mentions') }}
            as {{ type_double() }}
        ) as mentions_growth,
        cast(
            {{ safe_divide('kept.negative_mentions', 'kept.theme_mentions') }}
            - {{ safe_divide('kept.previous_negative_mentions', 'kept.previous_theme_mentions') }}
            as {{ type_double() }}
        ) as negative_share_change,
        cast(examples.example_text_ids as {{ dbt.type_string() }}) as example_text_ids
    from kept
    left join taxonomy
        on
            kept.theme_key = taxonomy.theme_key
            and kept.theme_kind = 'configured'
    left join examples
        on
            kept.month_start_date = examples.month_start_date
            and kept.brand = examples.brand
            and kept.theme_key = examples.theme_key
            and kept.theme_kind = examples.theme_kind
)

select * from final
