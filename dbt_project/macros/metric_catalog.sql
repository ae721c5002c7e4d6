{#- THE metric catalog: one entry per published metric. `metric_catalog` (the mart BI users
    read) and `kpi_daily` (the long form of the KPI marts) are both generated from this list,
    so a metric is never described or unpivoted twice; a pytest checks that every entry's
    mart and column exist and that every metric column of the marts has an entry.
    Fields: key, name, tier (KPI tier 1-3 or none), dimension (benchmark dimension or none),
    definition (plain words), formula, convention (whose), unit, grain, mart, column. -#}
{% macro metric_catalog() %}
{% set catalog_yaml %}
# ------------------------------------------------------------------ KPI tier 1
- key: followers
  name: Followers
  tier: 1
  dimension: distribution
  definition: People following the account at the end of the day.
  formula: followers at end of day (connector figure, else the social_accounts export)
  convention: platform-reported audience size
  unit: count
  grain: day x platform x own account
  mart: kpi_tier_1_daily
  column: followers
- key: followers_gained
  name: Followers gained
  tier: 1
  dimension: distribution
  definition: New followers that day, where the platform reports them (Facebook, YouTube).
  formula: page_fan_adds (Facebook), subscribers_gained (YouTube); NULL elsewhere
  convention: platform-reported
  unit: count
  grain: day x platform x own account
  mart: kpi_tier_1_daily
  column: followers_gained
- key: followers_lost
  name: Followers lost
  tier: 1
  dimension: distribution
  definition: Followers who left that day, where the platform reports them.
  formula: page_fan_removes (Facebook), subscribers_lost (YouTube); NULL elsewhere
  convention: platform-reported
  unit: count
  grain: day x platform x own account
  mart: kpi_tier_1_daily
  column: followers_lost
- key: net_follower_change
  name: Net follower change
  tier: 1
  dimension: distribution
  definition: Followers gained minus lost that day (the day-over-day change where gains and losses are not reported).
  formula: gained - lost, else followers - followers of the previous day
  convention: net follower growth (metrics.md)
  unit: count
  grain: day x platform x own account
  mart: kpi_tier_1_daily
  column: net_follower_change
- key: audience_growth_rate
  name: Audience growth rate
  tier: 1
  dimension: distribution
  definition: Net new followers as a share of the followers at the start of the day.
  formula: net_follower_change / followers_at_day_start
  convention: Hootsuite audience growth rate (metrics.md)
  unit: rate
  grain: day x platform x own account
  mart: kpi_tier_1_daily
  column: audience_growth_rate
- key: followers_at_day_start
  name: Followers at day start
  tier: 1
  dimension: distribution
  definition: Followers at the start of the day (the denominator of the audience growth rate).
  formula: followers at end of day - net_follower_change
  convention: audience growth rate denominator (metrics.md)
  unit: count
  grain: day x platform x own account
  mart: kpi_tier_1_daily
  column: followers_at_day_start
- key: posts_published
  name: Posts published
  tier: 1
  dimension: distribution
  definition: Posts the account published that day.
  formula: count of posts by business-local publication date
  convention: count
  unit: count
  grain: day x platform x own account
  mart: kpi_tier_1_daily
  column: posts_published
- key: likes
  name: Likes (reactions)
  tier: 1
  dimension: interaction
  definition: Likes and reactions received that day on the account's posts, of any age.
  formula: sum of daily deltas of lifetime like/reaction counts (daily report rows as they are)
  convention: Facebook counts all six reactions; daily figures are differences of lifetime snapshots, never sums of snapshots
  unit: count
  grain: day x platform x own account
  mart: kpi_tier_1_daily
  column: likes
- key: comments
  name: Comments
  tier: 1
  dimension: interaction
  definition: Comments received that day on the account's posts.
  formula: sum of daily deltas of lifetime comment counts (Facebook - social_comments rows)
  convention: count
  unit: count
  grain: day x platform x own account
  mart: kpi_tier_1_daily
  column: comments
- key: conversation_rate
  name: Conversation rate
  tier: 1
  dimension: interaction
  definition: Comments per post published.
  formula: comments / posts_published
  convention: Kaushik (2011), per post
  unit: rate
  grain: day x platform x own account
  mart: kpi_tier_1_daily
  column: conversation_rate
- key: applause_rate
  name: Applause rate
  tier: 1
  dimension: interaction
  definition: Likes per post published.
  formula: likes / posts_published
  convention: Kaushik (2011), per post
  unit: rate
  grain: day x platform x own account
  mart: kpi_tier_1_daily
  column: applause_rate
# ------------------------------------------------------------------ KPI tier 2
- key: shares
  name: Shares (reposts, retweets)
  tier: 2
  dimension: interaction
  definition: Shares, reposts and retweets of the account's posts that day.
  formula: sum of daily deltas of lifetime share counts (daily report rows as they are)
  convention: count
  unit: count
  grain: day x platform x own account
  mart: kpi_tier_2_daily
  column: shares
- key: impressions
  name: Impressions
  tier: 2
  dimension: distribution
  definition: Times the account's posts were displayed that day.
  formula: sum of daily deltas of lifetime impressions (Facebook post_media_view since Nov 2025)
  convention: total displays, not unique people (metrics.md)
  unit: count
  grain: day x platform x own account
  mart: kpi_tier_2_daily
  column: impressions
- key: amplification_rate
  name: Amplification rate
  tier: 2
  dimension: interaction
  definition: Shares per post published.
  formula: shares / posts_published
  convention: Kaushik (2011), per post
  unit: rate
  grain: day x platform x own account
  mart: kpi_tier_2_daily
  column: amplification_rate
- key: virality_rate
  name: Virality rate
  tier: 2
  dimension: interaction
  definition: Shares per impression.
  formula: shares / impressions
  convention: virality = shares / impressions (metrics.md)
  unit: rate
  grain: day x platform x own account
  mart: kpi_tier_2_daily
  column: virality_rate
- key: search_content_sessions
  name: Search referrals through own content
  tier: 2
  dimension: interaction
  definition: Web sessions that arrived from a search engine on a content page the business published.
  formula: GA4 sessions with default channel group Organic Search and a landing page matching var content_page_pattern
  convention: GA4 default channel grouping; framework tier 2
  unit: count
  grain: day (platform 'all' rows)
  mart: kpi_tier_2_daily
  column: search_content_sessions
- key: engaged_search_content_sessions
  name: Engaged search content sessions
  tier: 2
  dimension: interaction
  definition: Search referrals through own content that were engaged sessions.
  formula: search content sessions that were engaged
  convention: GA4 engaged session (over 10 s, a key event, or 2+ page views)
  unit: count
  grain: day (platform 'all' rows)
  mart: kpi_tier_2_daily
  column: engaged_search_content_sessions
- key: engaged_search_content_session_share
  name: Engaged share of search content sessions
  tier: 2
  dimension: interaction
  definition: Share of those search-content sessions that were engaged.
  formula: engaged search content sessions / search content sessions
  convention: GA4 engaged session (over 10 s, a key event, or 2+ page views)
  unit: rate
  grain: day (platform 'all' rows)
  mart: kpi_tier_2_daily
  column: engaged_search_content_session_share
# ------------------------------------------------------------------ KPI tier 3
- key: orders
  name: "Orders"
  tier: 3
  dimension: null
  definition: "Orders placed that day, cancelled orders excluded."
  formula: "count of the latest version of each order with cancelled_at null, by business-local order date"
  convention: "Shopify order count"
  unit: count
  grain: "day (platform 'all' rows)"
  mart: kpi_tier_3_daily
  column: orders
- key: gross_revenue
  name: "Gross revenue"
  tier: 3
  dimension: null
  definition: "Order totals in the reporting currency."
  formula: "sum of total_price x FX rate of the order's UTC date"
  convention: "FX at the transaction's own date"
  unit: money
  grain: "day (platform 'all' rows)"
  mart: kpi_tier_3_daily
  column: gross_revenue
- key: refunded_revenue
  name: "Refunded revenue"
  tier: 3
  dimension: null
  definition: "Refunds of those orders in the reporting currency, booked to the order's date."
  formula: "sum of refunded line subtotals x FX rate of the refund's UTC date"
  convention: "FX at the transaction's own date"
  unit: money
  grain: "day (platform 'all' rows)"
  mart: kpi_tier_3_daily
  column: refunded_revenue
- key: net_revenue
  name: "Net revenue"
  tier: 3
  dimension: null
  definition: "Revenue after refunds, in the reporting currency."
  formula: "gross_revenue - refunded_revenue"
  convention: "refunds netted, FX at each transaction's own date"
  unit: money
  grain: "day (platform 'all' rows)"
  mart: kpi_tier_3_daily
  column: net_revenue
- key: new_customers
  name: "New customers"
  tier: 3
  dimension: null
  definition: "Customers whose first order was placed that day."
  formula: "count of orders that are the customer's first (a cancelled first order counts)"
  convention: "first order in the history"
  unit: count
  grain: "day (platform 'all' rows)"
  mart: kpi_tier_3_daily
  column: new_customers
- key: average_order_value
  name: "Average order value"
  tier: 3
  dimension: null
  definition: "Net revenue per order."
  formula: "net_revenue / orders"
  convention: "AOV as in the simple CLV of metrics.md"
  unit: money
  grain: "day (platform 'all' rows)"
  mart: kpi_tier_3_daily
  column: average_order_value
- key: social_attributed_orders
  name: "Orders from social"
  tier: 3
  dimension: null
  definition: "Orders credited to Organic or Paid Social."
  formula: "orders whose last non-direct session (90-day lookback) is Organic or Paid Social, else the order's UTM tags"
  convention: "last non-direct click (GA4); correlational credit, not causal effect"
  unit: count
  grain: "day x platform x own account, and the 'all' row"
  mart: kpi_tier_3_daily
  column: social_attributed_orders
- key: social_attributed_net_revenue
  name: "Net revenue from social"
  tier: 3
  dimension: null
  definition: "Net revenue of the orders credited to social."
  formula: "sum of net_revenue of social_attributed_orders"
  convention: "last non-direct click (GA4)"
  unit: money
  grain: "day x platform x own account, and the 'all' row"
  mart: kpi_tier_3_daily
  column: social_attributed_net_revenue
- key: social_attributed_new_customers
  name: "New customers from social"
  tier: 3
  dimension: null
  definition: "New customers whose first order is credited to social."
  formula: "new customers among social_attributed_orders"
  convention: "last non-direct click (GA4)"
  unit: count
  grain: "day x platform x own account, and the 'all' row"
  mart: kpi_tier_3_daily
  column: social_attributed_new_customers
- key: organic_social_orders
  name: "Orders from organic social"
  tier: 3
  dimension: null
  definition: "Orders credited to Organic Social."
  formula: "orders whose last non-direct channel group is Organic Social"
  convention: "GA4 default channel grouping; last non-direct click"
  unit: count
  grain: "day x platform x own account, and the 'all' row"
  mart: kpi_tier_3_daily
  column: organic_social_orders
- key: organic_social_net_revenue
  name: "Net revenue from organic social"
  tier: 3
  dimension: null
  definition: "Net revenue of organic social orders."
  formula: "sum of net_revenue of organic_social_orders"
  convention: "last non-direct click (GA4)"
  unit: money
  grain: "day x platform x own account, and the 'all' row"
  mart: kpi_tier_3_daily
  column: organic_social_net_revenue
- key: organic_social_new_customers
  name: "New customers from organic social"
  tier: 3
  dimension: null
  definition: "New customers credited to Organic Social."
  formula: "new customers among organic_social_orders"
  convention: "last non-direct click (GA4)"
  unit: count
  grain: "day x platform x own account, and the 'all' row"
  mart: kpi_tier_3_daily
  column: organic_social_new_customers
- key: paid_social_orders
  name: "Orders from paid social"
  tier: 3
  dimension: null
  definition: "Orders credited to Paid Social."
  formula: "orders whose last non-direct channel group is Paid Social (social source, medium matching ^(.*cp.*|ppc|retargeting|paid.*)$)"
  convention: "GA4 default channel grouping; last non-direct click"
  unit: count
  grain: "day x platform x own account, and the 'all' row"
  mart: kpi_tier_3_daily
  column: paid_social_orders
- key: paid_social_net_revenue
  name: "Net revenue from paid social"
  tier: 3
  dimension: null
  definition: "Net revenue of paid social orders."
  formula: "sum of net_revenue of paid_social_orders"
  convention: "last non-direct click (GA4)"
  unit: money
  grain: "day x platform x own account, and the 'all' row"
  mart: kpi_tier_3_daily
  column: paid_social_net_revenue
- key: paid_social_new_customers
  name: "New customers from paid social"
  tier: 3
  dimension: null
  definition: "New customers credited to Paid Social."
  formula: "new customers among paid_social_orders"
  convention: "last non-direct click (GA4)"
  unit: count
  grain: "day x platform x own account, and the 'all' row"
  mart: kpi_tier_3_daily
  column: paid_social_new_customers
- key: social_order_share
  name: "Social share of orders"
  tier: 3
  dimension: null
  definition: "Share of the shop's orders credited to social (on a platform row, to that platform)."
  formula: "social_attributed_orders / orders of the shop that day"
  convention: "last non-direct click (GA4)"
  unit: rate
  grain: "day x platform x own account, and the 'all' row"
  mart: kpi_tier_3_daily
  column: social_order_share
{% endset %}
{{ return(fromyaml(catalog_yaml)) }}
{% endmacro %}

{#- A text literal for generated SQL (single quotes doubled). -#}
{% macro sql_text(value) -%}
    {%- if value is none -%}
        cast(null as {{ dbt.type_string() }})
    {%- else -%}
        '{{ value | string | replace("'", "''") }}'
    {%- endif -%}
{%- endmacro %}

{#- The catalog entries published by the given marts. -#}
{% macro metrics_of(marts) -%}
    {{ return(metric_catalog() | selectattr('mart', 'in', marts) | list) }}
{%- endmacro %}
