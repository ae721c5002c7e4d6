-- One row per touch an order can be credited to (attribution is credit, correlational, not
-- cause): every GA4 session, and one touch per order GA4 never linked (no purchase event
-- carries its id): the order's own landing-site UTM tags, else its referring site (a
-- referral: source = the referring host, medium 'referral', as GA4 files a referral), else
-- a touch of channel 'unattributed' (nothing links the order; kept, never dropped).
-- Each touch carries GA4's default channel group (macro default_channel_group, seed
-- ga4_source_categories), the canonical channel (macro attribution_channel) and its campaign:
-- the UTM campaign text, and the marketing/campaigns campaign it names by campaign_id or by
-- utm_campaign, compared case-insensitively (a text that is one campaign's id and another's
-- utm_campaign goes to the campaign whose id it is; NULL when no campaign matches).
-- Incremental by touch: a run rebuilds the touches of the sessions loaded since the previous
-- run and of the orders rebuilt since (int_orders_enriched._built_at), and every touch when
-- a campaign landed. The pre-hook first deletes the rebuilt orders' own touches: an order
-- GA4 has linked since has none any more.
{{
    config(
        pre_hook="{% if is_incremental() %}{{ order_touches_deleted() }}{% endif %}",
        **incremental_by_key('touch_key')
    )
}}
{%- set every_touch -%}
    exists (
        select 1
        from {{ ref('stg_marketing__campaigns') }} as changed
        where changed._loaded_at > {{ last_built_at() }}
    )
{%- endset %}

with

web_sessions as (
    select * from {{ ref('int_web_sessions_assembled') }}
),

orders as (
    select * from {{ ref('int_orders_enriched') }}
    {%- if is_incremental() %}
        where _built_at > {{ last_built_at() }} or {{ every_touch }}
    {%- endif %}
),

campaigns as (
    select * from {{ ref('stg_marketing__campaigns') }}
),

source_categories as (
    select * from {{ ref('ga4_source_categories') }}
),

campaign_keys as (
    -- a campaign is named by its id or by its utm_campaign, in any letter case
    select
        lower(campaign_id) as campaign_key,
        campaign_id,
        campaign_name,
        1 as key_priority
    from campaigns
    where campaign_id is not null
    union all
    select
        lower(utm_campaign) as campaign_key,
        campaign_id,
        campaign_name,
        2 as key_priority
    from campaigns
    where campaign_id is not null and utm_campaign is not null
),

campaign_lookup as (
    -- one campaign per text: an id match wins over a utm_campaign match, then the lowest id
    select
        campaign_key,
        campaign_id,
        campaign_name
    from (
        select
            campaign_keys.*,
            row_number() over (
                partition by campaign_keys.campaign_key
                order by campaign_keys.key_priority, campaign_keys.campaign_id
            ) as key_rank
        from campaign_keys
    ) as ranked
    where key_rank = 1
),

session_touches as (
    select
        web_sessions.session_key as touch_key,
        'ga4_session' as touch_type,
        web_sessions.session_key,
        cast(null as {{ dbt.type_bigint() }}) as order_id,
        web_sessions.user_pseudo_id,
        web_sessions.session_source as touch_source,
        web_sessions.session_medium as touch_medium,
        web_sessions.session_campaign as utm_campaign,
        web_sessions.default_channel_group as channel_group,
        web_sessions.social_platform,
        web_sessions.session_started_at as touched_at
    from web_sessions
    {%- if is_incremental() %}
        where web_sessions._loaded_at > {{ last_built_at() }} or {{ every_touch }}
    {%- endif %}
),

unlinked_orders as (
    -- orders no GA4 purchase session links (none, or one the sessions model lacks)
    select
        orders.order_id,
        orders.created_at,
        orders.utm_source,
        orders.utm_medium,
        orders.utm_campaign,
        {{ web_domain('orders.referring_site') }} as referring_host
    from orders
    left join web_sessions
        on orders.ga4_session_key = web_sessions.session_key
    where web_sessions.session_key is null
),

order_touch_sources as (
    select
        order_id,
        created_at,
        case
            when utm_source is not null or utm_medium is not null then 'shopify_utm'
            when referring_host is not null then 'shopify_referring_site'
            else 'none'
        end as touch_type,
        case
            when utm_source is not null or utm_medium is not null then utm_source
            else referring_host
        end as touch_source,
        case
            when utm_source is not null or utm_medium is not null then utm_medium
            when referring_host is not null then 'referral'
        end as touch_medium,
        case
            when utm_source is not null or utm_medium is not null then utm_campaign
        end as utm_campaign
    from unlinked_orders
),

order_touches as (
    select
        {{ dbt.concat(["'order-'", dbt.cast('order_touch_sources.order_id',
                                             dbt.type_string())]) }} as touch_key,
        order_touch_sources.touch_type,
        cast(null as {{ dbt.type_string() }}) as session_key,
        order_touch_sources.order_id,
        cast(null as {{ dbt.type_string() }}) as user_pseudo_id,
        order_touch_sources.touch_source,
        order_touch_sources.touch_medium,
        order_touch_sources.utm_campaign,
        case
            when order_touch_sources.touch_type = 'none' then 'Unattributed'
            else {{ default_channel_group('order_touch_sources.touch_source',
                                          'order_touch_sources.touch_medium',
                                          'order_touch_sources.utm_campaign',
                                          'source_categories.source_category') }}
        end as channel_group,
        source_categories.social_platform,
        order_touch_sources.created_at as touched_at
    from order_touch_sources
    left join source_categories
        on lower(order_touch_sources.touch_source) = lower(source_categories.source)
),

touches as (
    select * from session_touches
    union all
    select * from order_touches
),

final as (
    select
        -- ids
        touches.touch_key,
        touches.session_key,
        touches.order_id,
        touches.user_pseudo_id,
        campaign_lookup.campaign_id,

        -- strings
        touches.touch_type,
        touches.touch_source,
        touches.touch_medium,
        touches.utm_campaign,
        campaign_lookup.campaign_name,
        touches.channel_group,
        {{ attribution_channel('touches.channel_group', 'touches.social_platform') }}
            as channel,
        touches.social_platform,

        -- booleans
        touches.channel_group = 'Direct' as is_direct,

        -- timestamps
        touches.touched_at,
        {{ built_at() }} as _built_at
    from touches
    left join campaign_lookup
        on lower(touches.utm_campaign) = campaign_lookup.campaign_key
)

select * from final
