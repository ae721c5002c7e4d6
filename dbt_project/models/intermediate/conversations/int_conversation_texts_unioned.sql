-- One row per text people wrote about a brand: comments on own posts, listening mentions (own
-- brand and competitors) and CSAT survey comments, with the brand it concerns, when it was
-- written and the key of its sentiment and themes (text_hash). A comment belongs to the brand
-- of the account that published the post, else (post unknown) to the own brand when there is
-- exactly one; a survey comment to the own brand when there is exactly one. Texts that are
-- empty and the brand's own replies (is_from_owner) are left out; a text id landed twice
-- keeps its latest version.

with

comments as (
    select * from {{ ref('stg_social_comments__comments') }}
),

mentions as (
    select * from {{ ref('stg_listening__mentions') }}
),

survey_responses as (
    select * from {{ ref('stg_surveys__csat_responses') }}
),

posts as (
    select * from {{ ref('int_posts_unioned') }}
),

brands as (
    select * from {{ ref('int_brands_unioned') }}
),

own_brand as (
    -- the own brand when there is exactly one
    select case when count(*) = 1 then max(brands.brand) end as brand
    from brands
    where brands.is_own_brand
),

post_brands as (
    select
        platform,
        post_id,
        max(brand) as brand
    from posts
    group by platform, post_id
),

texts as (
    select
        'comment' as text_source,
        {{ dbt.concat(['comments.platform', "':'", 'comments.comment_id']) }} as text_id,
        comments.platform,
        coalesce(post_brands.brand, own_brand.brand) as brand,
        comments.created_at as published_at,
        comments.text_hash,
        cast(null as {{ dbt.type_string() }}) as tool_label,
        comments.is_reply
    from comments
    cross join own_brand
    left join post_brands
        on
            comments.platform = post_brands.platform
            and comments.post_id = post_brands.post_id
    where
        comments.text_hash is not null
        -- the brand's own replies are not what people say
        and not coalesce(comments.is_from_owner, false)
    union all
    select
        'mention' as text_source,
        mentions.mention_id as text_id,
        mentions.platform,
        mentions.brand,
        mentions.published_at,
        mentions.text_hash,
        mentions.sentiment_label as tool_label,
        false as is_reply
    from mentions
    where mentions.text_hash is not null
    union all
    select
        'survey' as text_source,
        survey_responses.response_id as text_id,
        coalesce(survey_responses.channel, 'survey') as platform,
        own_brand.brand,
        survey_responses.submitted_at as published_at,
        survey_responses.text_hash,
        cast(null as {{ dbt.type_string() }}) as tool_label,
        false as is_reply
    from survey_responses
    cross join own_brand
    where survey_responses.text_hash is not null
),

ranked as (
    select
        texts.*,
        row_number() over (
            partition by texts.text_source, texts.text_id
            order by texts.published_at desc, texts.text_hash asc
        ) as version_rank
    from texts
),

final as (
    select
        ranked.text_source,
        ranked.text_id,
        ranked.platform,
        ranked.brand,
        coalesce(brands.is_own_brand, false) as is_own_brand,
        ranked.published_at,
        {{ local_date('ranked.published_at') }} as published_date,
        cast({{ dbt.date_trunc('month', local_date('ranked.published_at')) }} as date)
            as month_start_date,
        ranked.text_hash,
        case
            when ranked.tool_label in ('positive', 'negative', 'neutral') then ranked.tool_label
        end as tool_label,
        ranked.is_reply
    from ranked
    left join brands
        on ranked.brand = brands.brand
    where ranked.version_rank = 1
)

select * from final
