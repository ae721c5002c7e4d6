-- Influence (brand value) benchmark: one row per month, brand and platform (the five
-- platforms plus `all`) for every brand of benchmark_distribution: conversations, the
-- sentiment of mentions (two net-sentiment conventions), share of voice by mentions and by
-- mention engagements; and, for the own brand on the `all` row, customer satisfaction
-- (CSAT), NPS and the repeat purchase rate. Mentions come from benchmark_distribution and
-- comments on own posts from benchmark_interaction (one definition each). Sentiment two ways,
-- each named: the listening tool's labels of mentions (`*_mentions`, as the tool delivered
-- them) and the effective labels of conversation_sentiment (`*_conversations`: a person's
-- override, else the project's model) of mentions and own-post comments together.

with

distribution as (
    select * from {{ ref('benchmark_distribution') }}
),

interaction as (
    select * from {{ ref('benchmark_interaction') }}
),

mentions as (
    select * from {{ ref('stg_listening__mentions') }}
),

survey_responses as (
    select * from {{ ref('stg_surveys__csat_responses') }}
),

orders as (
    select * from {{ ref('int_orders_enriched') }}
),

conversation_labels as (
    select * from {{ ref('conversation_sentiment') }}
    where
        is_effective
        and text_source in ('comment', 'mention')
        and brand is not null
),

mentions_in_month as (
    select
        brand,
        platform,
        sentiment_label,
        engagements,
        cast({{ dbt.date_trunc('month', local_date('published_at')) }} as date)
            as month_start_date
    from mentions
),

mentions_both_grains as (
    select
        brand,
        platform,
        month_start_date,
        sentiment_label,
        engagements
    from mentions_in_month
    union all
    select
        brand,
        'all' as platform,
        month_start_date,
        sentiment_label,
        engagements
    from mentions_in_month
),

mention_sentiment as (
    select
        brand,
        platform,
        month_start_date,
        sum(case when sentiment_label = 'positive' then 1 else 0 end) as positive_mentions,
        sum(case when sentiment_label = 'negative' then 1 else 0 end) as negative_mentions,
        sum(case when sentiment_label = 'neutral' then 1 else 0 end) as neutral_mentions,
        sum(case when sentiment_label is null then 1 else 0 end) as unscored_mentions,
        sum(engagements) as mention_engagements
    from mentions_both_grains
    group by brand, platform, month_start_date
),

conversations_both_grains as (
    select
        brand,
        platform,
        month_start_date,
        sentiment_label
    from conversation_labels
    union all
    select
        brand,
        'all' as platform,
        month_start_date,
        sentiment_label
    from conversation_labels
),

conversation_sentiment_months as (
    select
        brand,
        platform,
        month_start_date,
        sum(case when sentiment_label = 'positive' then 1 else 0 end) as positive_conversations,
        sum(case when sentiment_label = 'negative' then 1 else 0 end) as negative_conversations,
        sum(case when sentiment_label = 'neutral' then 1 else 0 end) as neutral_conversations
    from conversations_both_grains
    group by brand, platform, month_start_date
),

survey_months as (
    select
        cast({{ dbt.date_trunc('month', local_date('submitted_at')) }} as date)
            as month_start_date,
        count(csat_score) as csat_responses,
        sum(case when csat_score >= 4 then 1 else 0 end) as satisfied_responses,
        count(nps_score) as nps_responses,
        sum(case when nps_score >= 9 then 1 else 0 end) as promoters,
        sum(case when nps_score <= 6 then 1 else 0 end) as detractors
    from survey_responses
    group by cast({{ dbt.date_trunc('month', local_date('submitted_at')) }} as date)
),

-- repeat purchase window: the calendar month (business-local order date); an order counts
-- when it is not cancelled and has a customer (guest checkouts cannot repeat)
customer_months as (
    select
        customer_id,
        cast({{ dbt.date_trunc('month', 'order_date') }} as date) as month_start_date,
        count(*) as orders
    from orders
    where not is_cancelled and customer_id is not null
    group by customer_id, cast({{ dbt.date_trunc('month', 'order_date') }} as date)
),

purchase_months as (
    select
        month_start_date,
        count(*) as purchasing_customers,
        sum(case when orders >= 2 then 1 else 0 end) as repeat_customers
    from customer_months
    group by month_start_date
),

joined as (
    select
        distribution.month_start_date,
        distribution.brand,
        distribution.platform,
        distribution.is_own_brand,
        distribution.mentions,
        interaction.post_comments as own_post_comments,
        distribution.mentions + coalesce(interaction.post_comments, 0) as conversations,
        coalesce(mention_sentiment.positive_mentions, 0) as positive_mentions,
        coalesce(mention_sentiment.negative_mentions, 0) as negative_mentions,
        coalesce(mention_sentiment.neutral_mentions, 0) as neutral_mentions,
        coalesce(mention_sentiment.unscored_mentions, 0) as unscored_mentions,
        coalesce(mention_sentiment.positive_mentions, 0)
        + coalesce(mention_sentiment.negative_mentions, 0)
        + coalesce(mention_sentiment.neutral_mentions, 0) as scored_mentions,
        coalesce(mention_sentiment.mention_engagements, 0) as mention_engagements,
        coalesce(conversation_sentiment_months.positive_conversations, 0)
            as positive_conversations,
        coalesce(conversation_sentiment_months.negative_conversations, 0)
            as negative_conversations,
        coalesce(conversation_sentiment_months.neutral_conversations, 0)
            as neutral_conversations,
        case
            when distribution.is_own_brand and distribution.platform = 'all'
                then survey_months.csat_responses
        end as csat_responses,
        case
            when distribution.is_own_brand and distribution.platform = 'all'
                then survey_months.satisfied_responses
        end as satisfied_responses,
        case
            when distribution.is_own_brand and distribution.platform = 'all'
                then survey_months.nps_responses
        end as nps_responses,
        case
            when distribution.is_own_brand and distribution.platform = 'all'
                then survey_months.promoters
        end as promoters,
        case
            when distribution.is_own_brand and distribution.platform = 'all'
                then survey_months.detractors
        end as detractors,
        case
            when distribution.is_own_brand and distribution.platform = 'all'
                then purchase_months.purchasing_customers
        end as purchasing_customers,
        case
            when distribution.is_own_brand and distribution.platform = 'all'
                then purchase_months.repeat_customers
        end as repeat_customers
    from distribution
    left join interaction
        on
            distribution.month_start_date = interaction.month_start_date
            and distribution.brand = interaction.brand
            and distribution.platform = interaction.platform
    left join mention_sentiment
        on
            distribution.brand = mention_sentiment.brand
            and distribution.platform = mention_sentiment.platform
            and distribution.month_start_date = mention_sentiment.month_start_date
    left join conversation_sentiment_months
        on
            distribution.brand = conversation_sentiment_months.brand
            and distribution.platform = conversation_sentiment_months.platform
            and distribution.month_start_date = conversation_sentiment_months.month_start_date
    left join survey_months
        on distribution.month_start_date = survey_months.month_start_date
    left join purchase_months
        on distribution.month_start_date = purchase_months.month_start_date
),

rates as (
    select
        joined.*,
        {{ safe_divide('positive_mentions', 'scored_mentions') }} as positive_share,
        {{ safe_divide('negative_mentions', 'scored_mentions') }} as negative_share,
        {{ safe_divide('neutral_mentions', 'scored_mentions') }} as neutral_share,
        {{ safe_divide('positive_mentions - negative_mentions',
                       'positive_mentions + negative_mentions') }} as net_sentiment_talkwalker,
        {{ safe_divide('positive_mentions - negative_mentions', 'scored_mentions') }}
            as net_sentiment_share,
        {{ safe_divide('positive_conversations',
                       'positive_conversations + negative_conversations + neutral_conversations') }}
            as conversation_positive_share,
        {{ safe_divide('negative_conversations',
                       'positive_conversations + negative_conversations + neutral_conversations') }}
            as conversation_negative_share,
        {{ safe_divide('positive_conversations - negative_conversations',
                       'positive_conversations + negative_conversations + neutral_conversations') }}
            as conversation_net_sentiment,
        {{ safe_divide(
            'mentions',
            'sum(mentions) over (partition by month_start_date, platform)'
        ) }} as share_of_voice_by_mentions,
        {{ safe_divide(
            'mention_engagements',
            'sum(mention_engagements) over (partition by month_start_date, platform)'
        ) }} as share_of_voice_by_engagement,
        {{ safe_divide('satisfied_responses', 'csat_responses') }} as csat,
        100 * {{ safe_divide('promoters - detractors', 'nps_responses') }} as net_promoter_score,
        {{ safe_divide('repeat_customers', 'purchasing_customers') }} as repeat_purchase_rate
    from joined
),

indexed as (
    select
        rates.*,
        {{ peer_index_columns('conversations') }},
        {{ peer_index_columns('positive_share') }},
        {{ peer_index_columns('negative_share') }},
        {{ peer_index_columns('net_sentiment_talkwalker') }},
        {{ peer_index_columns('net_sentiment_share') }},
        {{ peer_index_columns('conversation_net_sentiment') }},
        {{ peer_index_columns('share_of_voice_by_mentions') }},
        {{ peer_index_columns('share_of_voice_by_engagement') }}
    from rates
),

final as (
    select
        cast(month_start_date as date) as month_start_date,
        cast(brand as {{ dbt.type_string() }}) as brand,
        cast(platform as {{ dbt.type_string() }}) as platform,
        cast(is_own_brand as {{ dbt.type_boolean() }}) as is_own_brand,
        cast(mentions as {{ dbt.type_bigint() }}) as mentions,
        cast(own_post_comments as {{ dbt.type_bigint() }}) as own_post_comments,
        cast(conversations as {{ dbt.type_bigint() }}) as conversations,
        cast(positive_mentions as {{ dbt.type_bigint() }}) as positive_mentions,
        cast(negative_mentions as {{ dbt.type_bigint() }}) as negative_mentions,
        cast(neutral_mentions as {{ dbt.type_bigint() }}) as neutral_mentions,
        cast(unscored_mentions as {{ dbt.type_bigint() }}) as unscored_mentions,
        cast(positive_share as {{ type_double() }}) as positive_share,
        cast(negative_share as {{ type_double() }}) as negative_share,
        cast(neutral_share as {{ type_double() }}) as neutral_share,
        cast(net_sentiment_talkwalker as {{ type_double() }}) as net_sentiment_talkwalker,
        cast(net_sentiment_share as {{ type_double() }}) as net_sentiment_share,
        cast(positive_conversations as {{ dbt.type_bigint() }}) as positive_conversations,
        cast(negative_conversations as {{ dbt.type_bigint() }}) as negative_conversations,
        cast(neutral_conversations as {{ dbt.type_bigint() }}) as neutral_conversations,
        cast(conversation_positive_share as {{ type_double() }}) as conversation_positive_share,
        cast(conversation_negative_share as {{ type_double() }}) as conversation_negative_share,
        cast(conversation_net_sentiment as {{ type_double() }}) as conversation_net_sentiment,
        cast(mention_engagements as {{ dbt.type_bigint() }}) as mention_engagements,
        cast(share_of_voice_by_mentions as {{ type_double() }}) as share_of_voice_by_mentions,
        cast(share_of_voice_by_engagement as {{ type_double() }})
            as share_of_voice_by_engagement,
        cast(csat_responses as {{ dbt.type_bigint() }}) as csat_responses,
        cast(csat as {{ type_double() }}) as csat,
        cast(nps_responses as {{ dbt.type_bigint() }}) as nps_responses,
        cast(net_promoter_score as {{ type_double() }}) as net_promoter_score,
        cast(purchasing_customers as {{ dbt.type_bigint() }}) as purchasing_customers,
        cast(repeat_customers as {{ dbt.type_bigint() }}) as repeat_customers,
        cast(repeat_purchase_rate as {{ type_double() }}) as repeat_purchase_rate,
        conversations_index_vs_peer_median,
        conversations_percentile_rank,
        positive_share_index_vs_peer_median,
        positive_share_percentile_rank,
        negative_share_index_vs_peer_median,
        negative_share_percentile_rank,
        net_sentiment_talkwalker_index_vs_peer_median,
        net_sentiment_talkwalker_percentile_rank,
        net_sentiment_share_index_vs_peer_median,
        net_sentiment_share_percentile_rank,
        conversation_net_sentiment_index_vs_peer_median,
        conversation_net_sentiment_percentile_rank,
        share_of_voice_by_mentions_index_vs_peer_median,
        share_of_voice_by_mentions_percentile_rank,
        share_of_voice_by_engagement_index_vs_peer_median,
        share_of_voice_by_engagement_percentile_rank,
        -- numerators of csat and net_promoter_score, so they can be recomputed over any
        -- period (the semantic layer's ratio metrics)
        cast(satisfied_responses as {{ dbt.type_bigint() }}) as csat_satisfied_responses,
        cast(promoters as {{ dbt.type_bigint() }}) as nps_promoters,
        cast(detractors as {{ dbt.type_bigint() }}) as nps_detractors
    from indexed
)

select * from final
