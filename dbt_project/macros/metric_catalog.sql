{#- THE metric catalog: one entry per published metric. `metric_catalog` (the mart BI users
    read) and `kpi_daily` (the long form of the KPI marts) are both generated from this list,
    so a metric is never described or unpivoted twice; a pytest checks that every entry's
    mart and column exist and that every metric column of the marts has an entry.
    Fields: key, name, tier (KPI tier 1-3 or none), dimension (benchmark dimension or none),
    definition (plain words), formula, convention (whose), unit, grain, mart, column, and
    `indexed: true` when the benchmark mart also publishes `<column>_index_vs_peer_median`
    and `<column>_percentile_rank` (metric_catalog lists those as metrics of their own).
    The dbt semantic layer (models/semantic/_semantic__models.yml, MetricFlow) is generated
    from this list by `python -m orchestration.semantic_layer` (`make lint` checks it is not
    stale), with these fields: `stock: true` (a level, not a flow: the value at the end of a
    period, `stock_at: start` at its start), `semantic_expr` (every rate and score: an
    expression over other entries' keys; `a / b` is a ratio of sums, so it is right at any
    grain), `semantic: none` with `semantic_reason` (no metric: why it cannot be
    re-aggregated), `semantic_rows: rollup` (the semantic layer reads the mart's platform
    'all' rows, not its platform rows: the rollup holds figures no platform row has). -#}
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
  stock: true
  channel_evidence: follower_growth
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
  channel_evidence: follower_growth
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
  channel_evidence: follower_growth
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
  semantic_expr: "net_follower_change / followers_at_day_start"
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
  stock_at: start
  stock: true
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
  name: Likes
  tier: 1
  dimension: interaction
  definition: "Likes received that day on the account's posts, of any age. Facebook: the 'like' reaction only (all six reaction types are the metric `reactions`)."
  formula: "sum of daily deltas of lifetime like counts (Facebook post_reactions_like_total; daily report rows as they are)"
  convention: "Facebook 'like' reaction only, as Fivetran's Facebook reports count likes; LinkedIn like_count counts every reaction type; daily figures are differences of lifetime snapshots, never sums of snapshots"
  unit: count
  grain: day x platform x own account
  mart: kpi_tier_1_daily
  column: likes
- key: reactions
  name: Reactions
  tier: 1
  dimension: interaction
  definition: "Reactions received that day on the account's posts, of any age: Facebook all six types (like, love, wow, haha, sad, angry); on the other platforms their likes (their only reaction)."
  formula: "sum of daily deltas of lifetime reaction totals (Facebook: the six post_reactions_*_total summed per snapshot; a snapshot with any type missing is skipped, not read as 0)"
  convention: "Meta's reactions; equal to likes outside Facebook"
  unit: count
  grain: day x platform x own account
  mart: kpi_tier_1_daily
  column: reactions
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
  semantic_expr: "comments / posts_published"
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
  semantic_expr: "likes / posts_published"
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
  semantic_expr: "shares / posts_published"
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
  semantic_expr: "shares / impressions"
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
  semantic_rows: rollup
  channel_evidence: new_visitors
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
  semantic_rows: rollup
  channel_evidence: new_visitors
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
  semantic_expr: "engaged_search_content_sessions / search_content_sessions"
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
  semantic_rows: rollup
  channel_evidence: orders
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
  semantic_rows: rollup
  channel_evidence: net_revenue
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
  semantic_rows: rollup
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
  semantic_rows: rollup
  channel_evidence: net_revenue
- key: new_customers
  name: "New customers"
  tier: 3
  dimension: null
  definition: "Customers whose first non-cancelled order in the order history was placed that day, whenever they signed up. Caveat: the history starts at the first loaded order (int_orders_enriched.order_history_start_date); a customer whose record is older may have bought before it and is counted, flagged is_customer_created_before_history."
  formula: "count of orders that are the customer's first non-cancelled order (customer_order_number = 1); cancelled orders never count"
  convention: "order sequence as Fivetran's dbt_shopify numbers it (customer_order_seq_number = 1 is new), cancelled orders left out"
  unit: count
  grain: "day (platform 'all' rows)"
  mart: kpi_tier_3_daily
  column: new_customers
  semantic_rows: rollup
  channel_evidence: new_customers
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
  semantic_expr: "net_revenue / orders"
- key: social_attributed_orders
  name: "Orders from social"
  tier: 3
  dimension: null
  definition: "Orders credited to Organic or Paid Social."
  formula: "orders whose last non-direct touch (var attribution_lookback_days, 30 days) is Organic or Paid Social; an order GA4 never linked: its UTM tags, else its referring site"
  convention: "last non-direct click (GA4); correlational credit, not causal effect"
  unit: count
  grain: "day x own platform (its own account's id, or 'all' when it has several), and the 'all' row"
  mart: kpi_tier_3_daily
  column: social_attributed_orders
  semantic_rows: rollup
  channel_evidence: orders
- key: social_attributed_net_revenue
  name: "Net revenue from social"
  tier: 3
  dimension: null
  definition: "Net revenue of the orders credited to social."
  formula: "sum of net_revenue of social_attributed_orders"
  convention: "last non-direct click (GA4)"
  unit: money
  grain: "day x own platform (its own account's id, or 'all' when it has several), and the 'all' row"
  mart: kpi_tier_3_daily
  column: social_attributed_net_revenue
  semantic_rows: rollup
  channel_evidence: net_revenue
- key: social_attributed_new_customers
  name: "New customers from social"
  tier: 3
  dimension: null
  definition: "New customers (as new_customers) whose first non-cancelled order is credited to social."
  formula: "new customers among social_attributed_orders"
  convention: "last non-direct click (GA4)"
  unit: count
  grain: "day x own platform (its own account's id, or 'all' when it has several), and the 'all' row"
  mart: kpi_tier_3_daily
  column: social_attributed_new_customers
  semantic_rows: rollup
  channel_evidence: new_customers
- key: organic_social_orders
  name: "Orders from organic social"
  tier: 3
  dimension: null
  definition: "Orders credited to Organic Social."
  formula: "orders whose last non-direct channel group is Organic Social"
  convention: "GA4 default channel grouping; last non-direct click"
  unit: count
  grain: "day x own platform (its own account's id, or 'all' when it has several), and the 'all' row"
  mart: kpi_tier_3_daily
  column: organic_social_orders
  semantic_rows: rollup
  channel_evidence: orders
- key: organic_social_net_revenue
  name: "Net revenue from organic social"
  tier: 3
  dimension: null
  definition: "Net revenue of organic social orders."
  formula: "sum of net_revenue of organic_social_orders"
  convention: "last non-direct click (GA4)"
  unit: money
  grain: "day x own platform (its own account's id, or 'all' when it has several), and the 'all' row"
  mart: kpi_tier_3_daily
  column: organic_social_net_revenue
  semantic_rows: rollup
  channel_evidence: net_revenue
- key: organic_social_new_customers
  name: "New customers from organic social"
  tier: 3
  dimension: null
  definition: "New customers credited to Organic Social."
  formula: "new customers among organic_social_orders"
  convention: "last non-direct click (GA4)"
  unit: count
  grain: "day x own platform (its own account's id, or 'all' when it has several), and the 'all' row"
  mart: kpi_tier_3_daily
  column: organic_social_new_customers
  semantic_rows: rollup
  channel_evidence: new_customers
- key: paid_social_orders
  name: "Orders from paid social"
  tier: 3
  dimension: null
  definition: "Orders credited to Paid Social."
  formula: "orders whose last non-direct channel group is Paid Social (social source, medium matching ^(.*cp.*|ppc|retargeting|paid.*)$)"
  convention: "GA4 default channel grouping; last non-direct click"
  unit: count
  grain: "day x own platform (its own account's id, or 'all' when it has several), and the 'all' row"
  mart: kpi_tier_3_daily
  column: paid_social_orders
  semantic_rows: rollup
  channel_evidence: orders
- key: paid_social_net_revenue
  name: "Net revenue from paid social"
  tier: 3
  dimension: null
  definition: "Net revenue of paid social orders."
  formula: "sum of net_revenue of paid_social_orders"
  convention: "last non-direct click (GA4)"
  unit: money
  grain: "day x own platform (its own account's id, or 'all' when it has several), and the 'all' row"
  mart: kpi_tier_3_daily
  column: paid_social_net_revenue
  semantic_rows: rollup
  channel_evidence: net_revenue
- key: paid_social_new_customers
  name: "New customers from paid social"
  tier: 3
  dimension: null
  definition: "New customers credited to Paid Social."
  formula: "new customers among paid_social_orders"
  convention: "last non-direct click (GA4)"
  unit: count
  grain: "day x own platform (its own account's id, or 'all' when it has several), and the 'all' row"
  mart: kpi_tier_3_daily
  column: paid_social_new_customers
  semantic_rows: rollup
  channel_evidence: new_customers
- key: social_order_share
  name: "Social share of orders"
  tier: 3
  dimension: null
  definition: "Share of the shop's orders credited to social (on a platform row, to that platform)."
  formula: "social_attributed_orders / orders of the shop that day"
  convention: "last non-direct click (GA4)"
  unit: rate
  grain: "day x own platform (its own account's id, or 'all' when it has several), and the 'all' row"
  mart: kpi_tier_3_daily
  column: social_order_share
  semantic_expr: "social_attributed_orders / orders"
# ------------------------------------------------------------------ benchmarks vs competitors
- key: benchmark_followers
  name: "Followers at month end"
  tier: null
  dimension: distribution
  definition: "Followers of the brand's accounts at the end of the month."
  formula: "follower count on the last day of the month that has one"
  convention: "public metric, comparable across brands"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_distribution
  column: followers
  stock: true
  channel_evidence: follower_growth
  indexed: true
- key: benchmark_followers_at_start
  name: "Followers at month start"
  tier: null
  dimension: distribution
  definition: "Followers at the start of the month."
  formula: "previous month's end figure, else the end of the account's first day"
  convention: "denominator of the audience growth rate"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_distribution
  column: followers_at_start
  stock_at: start
  stock: true
- key: benchmark_net_follower_growth
  name: "Net follower growth"
  tier: null
  dimension: distribution
  definition: "Followers gained minus lost over the month."
  formula: "followers at month end - followers at month start"
  convention: "net follower growth (metrics.md)"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_distribution
  column: net_follower_growth
  channel_evidence: follower_growth
  indexed: true
- key: benchmark_follower_growth_rate
  name: "Follower growth rate"
  tier: null
  dimension: distribution
  definition: "Net follower growth as a share of followers at month start."
  formula: "net_follower_growth / followers_at_start"
  convention: "Hootsuite audience growth rate (metrics.md)"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_distribution
  column: follower_growth_rate
  semantic_expr: "benchmark_net_follower_growth / benchmark_followers_at_start"
  indexed: true
- key: benchmark_posts_published
  name: "Posts published"
  tier: null
  dimension: distribution
  definition: "Posts the brand published in the month."
  formula: "count of posts by business-local date"
  convention: "public metric"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_distribution
  column: posts_published
  indexed: true
- key: benchmark_mentions
  name: "Mentions"
  tier: null
  dimension: distribution
  definition: "Mentions of the brand found by the listening tool."
  formula: "count of listening mentions (brand yeh/kaf normalised)"
  convention: "listening tool count"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_distribution
  column: mentions
  semantic_rows: rollup
  indexed: true
- key: benchmark_estimated_reach
  name: "Estimated reach of mentions"
  tier: null
  dimension: distribution
  definition: "Audience the mentions could have reached (an estimate)."
  formula: "sum of the listening tool's reach_estimate"
  convention: "reach of earned mentions is always an estimate (metrics.md)"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_distribution
  column: estimated_reach
  semantic_rows: rollup
  indexed: true
- key: benchmark_active_backlinks
  name: "Active backlinks"
  tier: null
  dimension: distribution
  definition: "Live links pointing to one of the brand's web domains (social_accounts/brands) at month end."
  formula: "distinct (referring_url, target_url) live at month end"
  convention: "SEO tool export"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_distribution
  column: active_backlinks
  semantic_rows: rollup
  stock: true
- key: benchmark_active_referring_domains
  name: "Active referring domains"
  tier: null
  dimension: distribution
  definition: "Domains with at least one live link to the brand's domain at month end."
  formula: "distinct referring domains with a live link"
  convention: "Ahrefs / Semrush referring domains"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_distribution
  column: active_referring_domains
  semantic_rows: rollup
  stock: true
  indexed: true
- key: benchmark_new_referring_domains
  name: "New referring domains"
  tier: null
  dimension: distribution
  definition: "Referring domains gained in the month."
  formula: "live at month end, not live the day before the month"
  convention: "Ahrefs / Semrush"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_distribution
  column: new_referring_domains
  semantic_rows: rollup
  indexed: true
- key: benchmark_lost_referring_domains
  name: "Lost referring domains"
  tier: null
  dimension: distribution
  definition: "Referring domains lost in the month."
  formula: "live the day before the month, not live at month end"
  convention: "Ahrefs / Semrush"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_distribution
  column: lost_referring_domains
  semantic_rows: rollup
  indexed: true
- key: benchmark_blog_subscribers
  name: "Blog and newsletter subscribers"
  tier: null
  dimension: distribution
  definition: "Subscribers of every list of the brand (the blog, newsletters, any list of blog/subscribers_daily; a list without a brand is the own brand's) at month end, summed per brand; the figure per list is in int_subscriber_lists_aggregated."
  formula: "sum over the brand's lists of subscribers_total on the list's last day of the month with a figure ('all' row)"
  convention: "list platform counts; a person on two lists counts twice"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_distribution
  column: blog_subscribers
  semantic_rows: rollup
  stock: true
- key: benchmark_post_likes
  name: "Public likes"
  tier: null
  dimension: interaction
  definition: "Public likes on the brand's posts in the month, summed over the brand's accounts (Facebook: the 'like' reaction, as tier-1 likes)."
  formula: "sum of daily like deltas (int_account_post_metrics_aggregated)"
  convention: "public metric; Facebook 'like' reaction only (Fivetran's convention)"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: post_likes
  indexed: true
- key: benchmark_post_comments
  name: "Public comments"
  tier: null
  dimension: interaction
  definition: "Public comments on the brand's posts in the month."
  formula: "sum of daily comment deltas"
  convention: "public metric"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: post_comments
  indexed: true
- key: benchmark_post_shares
  name: "Public shares"
  tier: null
  dimension: interaction
  definition: "Public shares, reposts and retweets in the month."
  formula: "sum of daily share deltas"
  convention: "public metric"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: post_shares
  indexed: true
- key: benchmark_post_engagements
  name: "Public engagements"
  tier: null
  dimension: interaction
  definition: "Likes + comments + shares in the month."
  formula: "post_likes + post_comments + post_shares"
  convention: "public engagements"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: post_engagements
  indexed: true
- key: benchmark_likes_per_post
  name: "Likes per post"
  tier: null
  dimension: interaction
  definition: "Likes per post published in the month."
  formula: "post_likes / posts_published"
  convention: "Kaushik (2011) applause rate"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: likes_per_post
  semantic_expr: "benchmark_post_likes / benchmark_posts_published"
- key: benchmark_comments_per_post
  name: "Comments per post"
  tier: null
  dimension: interaction
  definition: "Comments per post published in the month."
  formula: "post_comments / posts_published"
  convention: "Kaushik (2011) conversation rate"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: comments_per_post
  semantic_expr: "benchmark_post_comments / benchmark_posts_published"
- key: benchmark_shares_per_post
  name: "Shares per post"
  tier: null
  dimension: interaction
  definition: "Shares per post published in the month."
  formula: "post_shares / posts_published"
  convention: "Kaushik (2011) amplification rate"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: shares_per_post
  semantic_expr: "benchmark_post_shares / benchmark_posts_published"
- key: benchmark_engagements_per_post
  name: "Engagements per post"
  tier: null
  dimension: interaction
  definition: "Engagements per post published in the month."
  formula: "post_engagements / posts_published"
  convention: "ratio of sums"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: engagements_per_post
  semantic_expr: "benchmark_post_engagements / benchmark_posts_published"
  indexed: true
- key: benchmark_engagement_rate_by_followers
  name: "Engagement rate by followers"
  tier: null
  dimension: interaction
  definition: "Engagements relative to audience size."
  formula: "post_engagements / followers at month end"
  convention: "Rival IQ / Socialinsider engagement rate by followers"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: engagement_rate_by_followers
  semantic_expr: "benchmark_post_engagements / benchmark_followers"
  indexed: true
- key: web_sessions
  name: "Web sessions"
  tier: null
  dimension: interaction
  definition: "GA4 sessions started in the month (own brand)."
  formula: "count of sessions (user_pseudo_id, ga_session_id)"
  convention: "GA4 session"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: sessions
  channel_evidence: new_visitors
- key: web_page_views
  name: "Page views"
  tier: null
  dimension: interaction
  definition: "Pages viewed on the site in the month."
  formula: "count of page_view events"
  convention: "GA4 page views"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: page_views
- key: web_new_visitors
  name: "New visitors"
  tier: null
  dimension: interaction
  definition: "People visiting for the first time in the month."
  formula: "distinct users with a first_visit or ga_session_number 1"
  convention: "GA4 new users"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: new_visitors
  channel_evidence: new_visitors
- key: web_active_users
  name: "Active users"
  tier: null
  dimension: interaction
  definition: "People with an engaged session, a first visit or engagement time in the month."
  formula: "distinct engaged users"
  convention: "GA4 active users"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: active_users
  semantic: none
  semantic_reason: "distinct users of a month: the months of a quarter share users, so a sum over months would count them again"
  channel_evidence: new_visitors
- key: web_social_referred_sessions
  name: "Social-referred sessions"
  tier: null
  dimension: interaction
  definition: "Sessions that came from social sites."
  formula: "sessions with channel group Organic Social or Paid Social"
  convention: "GA4 default channel grouping"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: social_referred_sessions
  channel_evidence: new_visitors
- key: web_social_referral_share
  name: "Social referral share"
  tier: null
  dimension: interaction
  definition: "Share of sessions that came from social sites."
  formula: "social_referred_sessions / sessions"
  convention: "social referral share (metrics.md)"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: social_referral_share
  semantic_expr: "web_social_referred_sessions / web_sessions"
- key: web_average_engagement_seconds
  name: "Average engagement time"
  tier: null
  dimension: interaction
  definition: "Time on site per active user."
  formula: "sum of engagement time / active users"
  convention: "GA4 average engagement time (per active user)"
  unit: seconds
  grain: "month x brand x platform"
  mart: benchmark_interaction
  column: average_engagement_seconds
  semantic: none
  semantic_reason: "an average per distinct active user of the month (engagement time is not published, and active users cannot be added across months)"
- key: benchmark_conversations
  name: "Conversations"
  tier: null
  dimension: influence
  definition: "Conversations about the brand: mentions plus comments on own posts."
  formula: "mentions + own_post_comments (competitors: mentions)"
  convention: "framework: number of conversations shared"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: conversations
  semantic_rows: rollup
  indexed: true
- key: benchmark_own_post_comments
  name: "Comments on own posts"
  tier: null
  dimension: influence
  definition: "Comments on the brand's own posts (own brand only)."
  formula: "benchmark_interaction.post_comments"
  convention: "count"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: own_post_comments
- key: benchmark_positive_mentions
  name: "Positive mentions"
  tier: null
  dimension: influence
  definition: "Mentions labelled positive."
  formula: "count of mentions with sentiment positive"
  convention: "listening tool label (a manual label wins)"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: positive_mentions
  semantic_rows: rollup
- key: benchmark_negative_mentions
  name: "Negative mentions"
  tier: null
  dimension: influence
  definition: "Mentions labelled negative."
  formula: "count of mentions with sentiment negative"
  convention: "listening tool label"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: negative_mentions
  semantic_rows: rollup
- key: benchmark_neutral_mentions
  name: "Neutral mentions"
  tier: null
  dimension: influence
  definition: "Mentions labelled neutral."
  formula: "count of mentions with sentiment neutral"
  convention: "listening tool label"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: neutral_mentions
  semantic_rows: rollup
- key: benchmark_unscored_mentions
  name: "Unscored mentions"
  tier: null
  dimension: influence
  definition: "Mentions without a sentiment label."
  formula: "count of mentions without a label"
  convention: "left out of sentiment shares"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: unscored_mentions
  semantic_rows: rollup
- key: benchmark_positive_share
  name: "Positive sentiment share"
  tier: null
  dimension: influence
  definition: "Share of scored mentions that are positive."
  formula: "positive / (positive + negative + neutral)"
  convention: "sentiment share (metrics.md)"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: positive_share
  semantic_expr: "benchmark_positive_mentions / nullif(benchmark_positive_mentions + benchmark_negative_mentions + benchmark_neutral_mentions, 0)"
  indexed: true
- key: benchmark_negative_share
  name: "Negative sentiment share"
  tier: null
  dimension: influence
  definition: "Share of scored mentions that are negative."
  formula: "negative / scored mentions"
  convention: "sentiment share (metrics.md)"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: negative_share
  semantic_expr: "benchmark_negative_mentions / nullif(benchmark_positive_mentions + benchmark_negative_mentions + benchmark_neutral_mentions, 0)"
  indexed: true
- key: benchmark_neutral_share
  name: "Neutral sentiment share"
  tier: null
  dimension: influence
  definition: "Share of scored mentions that are neutral."
  formula: "neutral / scored mentions"
  convention: "sentiment share (metrics.md)"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: neutral_share
  semantic_expr: "benchmark_neutral_mentions / nullif(benchmark_positive_mentions + benchmark_negative_mentions + benchmark_neutral_mentions, 0)"
- key: benchmark_net_sentiment_talkwalker
  name: "Net sentiment (Talkwalker)"
  tier: null
  dimension: influence
  definition: "Balance of positive over negative mentions, neutral excluded (-1..1)."
  formula: "(positive - negative) / (positive + negative)"
  convention: "Talkwalker"
  unit: score
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: net_sentiment_talkwalker
  semantic_expr: "(benchmark_positive_mentions - benchmark_negative_mentions) / nullif(benchmark_positive_mentions + benchmark_negative_mentions, 0)"
  indexed: true
- key: benchmark_net_sentiment_share
  name: "Net sentiment (share)"
  tier: null
  dimension: influence
  definition: "Positive share minus negative share, neutral included (-1..1)."
  formula: "positive_share - negative_share"
  convention: "share convention (neutral included)"
  unit: score
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: net_sentiment_share
  semantic_expr: "benchmark_positive_share - benchmark_negative_share"
  indexed: true
- key: benchmark_positive_conversations
  name: "Positive conversations"
  tier: null
  dimension: influence
  definition: "Mentions and own-post comments the project labels positive (a person override, else the model)."
  formula: "count of effective labels = positive"
  convention: "project sentiment model (VADER for English, Persian lexicon), overrides win"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: positive_conversations
  semantic_rows: rollup
- key: benchmark_negative_conversations
  name: "Negative conversations"
  tier: null
  dimension: influence
  definition: "Mentions and own-post comments the project labels negative."
  formula: "count of effective labels = negative"
  convention: "project sentiment model, overrides win"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: negative_conversations
  semantic_rows: rollup
- key: benchmark_neutral_conversations
  name: "Neutral conversations"
  tier: null
  dimension: influence
  definition: "Mentions and own-post comments the project labels neutral."
  formula: "count of effective labels = neutral"
  convention: "project sentiment model, overrides win"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: neutral_conversations
  semantic_rows: rollup
- key: benchmark_conversation_positive_share
  name: "Positive share of conversations"
  tier: null
  dimension: influence
  definition: "Share of labelled conversations (mentions and own-post comments) that are positive, by the project labels."
  formula: "positive / (positive + negative + neutral)"
  convention: "sentiment share (metrics.md), project labels"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: conversation_positive_share
  semantic_expr: "benchmark_positive_conversations / nullif(benchmark_positive_conversations + benchmark_negative_conversations + benchmark_neutral_conversations, 0)"
- key: benchmark_conversation_negative_share
  name: "Negative share of conversations"
  tier: null
  dimension: influence
  definition: "Share of labelled conversations that are negative, by the project labels."
  formula: "negative / (positive + negative + neutral)"
  convention: "sentiment share (metrics.md), project labels"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: conversation_negative_share
  semantic_expr: "benchmark_negative_conversations / nullif(benchmark_positive_conversations + benchmark_negative_conversations + benchmark_neutral_conversations, 0)"
- key: benchmark_conversation_net_sentiment
  name: "Net sentiment of conversations"
  tier: null
  dimension: influence
  definition: "Positive minus negative share of conversations (mentions and own-post comments), neutral included (-1..1), by the project labels."
  formula: "(positive - negative) / (positive + negative + neutral)"
  convention: "share convention (neutral included), project labels"
  unit: score
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: conversation_net_sentiment
  semantic_expr: "(benchmark_positive_conversations - benchmark_negative_conversations) / nullif(benchmark_positive_conversations + benchmark_negative_conversations + benchmark_neutral_conversations, 0)"
  indexed: true
- key: benchmark_mention_engagements
  name: "Engagements with mentions"
  tier: null
  dimension: influence
  definition: "Engagements with the brand's mentions."
  formula: "sum of listening engagements"
  convention: "listening tool count"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: mention_engagements
  semantic_rows: rollup
- key: benchmark_share_of_voice_by_mentions
  name: "Share of voice (mentions)"
  tier: null
  dimension: influence
  definition: "The brand's share of all brands' mentions."
  formula: "brand mentions / all brands' mentions (same month and platform)"
  convention: "share of voice by mentions (metrics.md)"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: share_of_voice_by_mentions
  semantic: none
  semantic_reason: "a share of all brands' total of the month and platform: it cannot be re-aggregated from one brand's rows"
  indexed: true
- key: benchmark_share_of_voice_by_engagement
  name: "Share of voice (engagement)"
  tier: null
  dimension: influence
  definition: "The brand's share of all brands' mention engagements."
  formula: "brand mention engagements / all brands' mention engagements"
  convention: "share of voice by engagement (metrics.md)"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: share_of_voice_by_engagement
  semantic: none
  semantic_reason: "a share of all brands' total of the month and platform: it cannot be re-aggregated from one brand's rows"
  indexed: true
- key: csat_responses
  name: "CSAT responses"
  tier: null
  dimension: influence
  definition: "Satisfaction survey responses with a 1-5 score."
  formula: "count of responses"
  convention: "count"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: csat_responses
  semantic_rows: rollup
- key: csat_satisfied_responses
  name: "CSAT satisfied responses"
  tier: null
  dimension: influence
  definition: "CSAT responses of the month scoring 4 or 5 (the numerator of CSAT)."
  formula: "count of responses with csat_score >= 4"
  convention: "CSAT (metrics.md)"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: csat_satisfied_responses
  semantic_rows: rollup
- key: csat
  name: "Customer satisfaction (CSAT)"
  tier: null
  dimension: influence
  definition: "Share of satisfied customers."
  formula: "responses scoring 4-5 / responses with a 1-5 score"
  convention: "CSAT = share of 4-5 ratings (metrics.md)"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: csat
  semantic_expr: "csat_satisfied_responses / csat_responses"
- key: nps_responses
  name: "NPS responses"
  tier: null
  dimension: influence
  definition: "Survey responses with a 0-10 score."
  formula: "count of responses"
  convention: "count"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: nps_responses
  semantic_rows: rollup
- key: nps_promoters
  name: "NPS promoters"
  tier: null
  dimension: influence
  definition: "NPS responses of the month scoring 9 or 10."
  formula: "count of responses with nps_score >= 9"
  convention: "Net Promoter Score (metrics.md)"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: nps_promoters
  semantic_rows: rollup
- key: nps_detractors
  name: "NPS detractors"
  tier: null
  dimension: influence
  definition: "NPS responses of the month scoring 0 to 6."
  formula: "count of responses with nps_score <= 6"
  convention: "Net Promoter Score (metrics.md)"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: nps_detractors
  semantic_rows: rollup
- key: net_promoter_score
  name: "Net Promoter Score"
  tier: null
  dimension: influence
  definition: "Promoters minus detractors, on -100..100."
  formula: "100 x (share scoring 9-10 - share scoring 0-6)"
  convention: "NPS (Bain / Reichheld)"
  unit: score
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: net_promoter_score
  semantic_expr: "100 * (nps_promoters - nps_detractors) / nullif(nps_responses, 0)"
- key: purchasing_customers
  name: "Purchasing customers"
  tier: null
  dimension: influence
  definition: "Customers with at least one order in the month."
  formula: "distinct customers with a non-cancelled order"
  convention: "count"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: purchasing_customers
  semantic: none
  semantic_reason: "distinct customers of a month: the months of a quarter share customers, so a sum over months would count them again"
- key: repeat_customers
  name: "Repeat customers"
  tier: null
  dimension: influence
  definition: "Customers with two or more orders in the month."
  formula: "distinct customers with 2+ non-cancelled orders"
  convention: "count"
  unit: count
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: repeat_customers
  semantic: none
  semantic_reason: "distinct customers of a month: the months of a quarter share customers, so a sum over months would count them again"
- key: repeat_purchase_rate
  name: "Repeat purchase rate"
  tier: null
  dimension: influence
  definition: "Share of customers who bought more than once in the month (loyalty)."
  formula: "repeat_customers / purchasing_customers"
  convention: "repeat purchase rate (metrics.md)"
  unit: rate
  grain: "month x brand x platform"
  mart: benchmark_influence
  column: repeat_purchase_rate
  semantic: none
  semantic_reason: "a share of distinct customers of a month (see purchasing_customers)"
# ------------------------------------------------------------------ investment in money and time
- key: investment_money
  name: "Money invested"
  tier: null
  dimension: null
  definition: "Money spent on marketing that day and channel, every cost category, in the reporting currency."
  formula: "sum of marketing/spend amount x FX rate of the spend's date (before a currency's first rate: that first rate, flagged; a currency with no rate at all: left out and counted in money_unconverted_rows); the money_* columns split it by cost category"
  convention: "FX at the transaction's own date"
  unit: money
  grain: "day x channel"
  mart: social_investment_daily
  column: money_total
- key: investment_hours
  name: "Hours invested"
  tier: null
  dimension: null
  definition: "Hours the team logged for the channel that day."
  formula: "sum of marketing/time_log hours"
  convention: "team time log"
  unit: hours
  grain: "day x channel"
  mart: social_investment_daily
  column: hours_logged
- key: investment_time_cost
  name: "Time cost"
  tier: null
  dimension: null
  definition: "What the team's hours cost, in the reporting currency."
  formula: "sum of hours x hourly_cost x FX rate of the log's date (same FX rule as money; hours without an hourly cost add nothing)"
  convention: "time invested = hours x hourly cost (framework.md section 1: money and time)"
  unit: money
  grain: "day x channel"
  mart: social_investment_daily
  column: time_cost
- key: total_investment
  name: "Total investment"
  tier: null
  dimension: null
  definition: "Money and time invested in the channel that day, in the reporting currency."
  formula: "money_total + time_cost"
  convention: "investment = money + time cost (framework.md section 1)"
  unit: money
  grain: "day x channel"
  mart: social_investment_daily
  column: total_investment
# ------------------------------------------------------------------ attribution (credit, not cause)
- key: attribution_credit
  name: "Attribution credit"
  tier: null
  dimension: null
  definition: "Share of an attributable order (not cancelled) an attribution model credits to one touch of its journey; correlational credit, not cause."
  formula: "first_touch / last_touch / last_non_direct: 1 to one touch; linear: 1 / n; position_based: 0.4 first, 0.4 last, 0.2 over the middle (1 touch: 1; 2: 0.5 each); time_decay: 2^(-days before the order / attribution_half_life_days) normalised; journey = the order's GA4 purchase session + the user's sessions within attribution_lookback_days, else its UTM tags, referring site, or 'unattributed'"
  convention: "GA4 attribution models (last non-direct: GA4's rule; 40/20/40 position-based; 7-day half-life time decay)"
  unit: rate
  grain: "order x touch x attribution model"
  mart: attribution_credits
  column: credit
- key: attribution_credited_net_revenue_per_touch
  name: "Net revenue credited to a touch"
  tier: null
  dimension: null
  definition: "The order's net revenue times the touch's credit; per order and model it sums to the order's net revenue. Correlational credit, not cause."
  formula: "order net revenue x credit"
  convention: "attributable revenue = net revenue of orders not cancelled"
  unit: money
  grain: "order x touch x attribution model"
  mart: attribution_credits
  column: credited_net_revenue
- key: attribution_credited_new_customers_per_touch
  name: "New customers credited to a touch"
  tier: null
  dimension: null
  definition: "The touch's credit when the order is the customer's first non-cancelled order, else 0. Correlational credit, not cause."
  formula: "credit if is_new_customer else 0"
  convention: "new customer as in kpi_tier_3_daily"
  unit: count
  grain: "order x touch x attribution model"
  mart: attribution_credits
  column: credited_new_customers
- key: attributed_orders
  name: "Orders credited to a channel"
  tier: null
  dimension: null
  definition: "Attributable orders (not cancelled) credited to the channel by the attribution model, booked to the order's month; fractional under multi-touch models. Correlational credit, not cause; per month and model the channels sum to the month's orders."
  formula: "sum of attribution_credits.credit"
  convention: "GA4 attribution models"
  unit: count
  grain: "month x channel x attribution model"
  mart: attribution_by_channel
  column: credited_orders
- key: attributed_net_revenue
  name: "Net revenue credited to a channel"
  tier: null
  dimension: null
  definition: "Net revenue of attributable orders credited to the channel by the attribution model; per month and model the channels sum to the month's attributable revenue. Correlational credit, not cause."
  formula: "sum of order net revenue x credit"
  convention: "attributable revenue = net revenue of orders not cancelled"
  unit: money
  grain: "month x channel x attribution model"
  mart: attribution_by_channel
  column: credited_net_revenue
- key: attributed_new_customers
  name: "New customers credited to a channel"
  tier: null
  dimension: null
  definition: "New customers (first non-cancelled orders) credited to the channel by the attribution model. Correlational credit, not cause."
  formula: "sum of credit over new customers' orders"
  convention: "new customer as in kpi_tier_3_daily"
  unit: count
  grain: "month x channel x attribution model"
  mart: attribution_by_channel
  column: credited_new_customers
# ------------------------------------------------------------------ ROI: incrementality and returns
- key: incremental_net_revenue
  name: "Incremental net revenue"
  tier: null
  dimension: null
  definition: "Net revenue the channel's investment (money + time) caused according to the incrementality model, with an interval (the _lower / _upper columns). A model estimate of cause from observational data; attribution is credit, not cause."
  formula: "incremental orders x the period's net revenue per order; incremental orders = sum over days of coefficient x saturation(adstock(investment)) from the OLS of daily orders on every channel's investment with trend, weekday and holiday controls (Newey-West intervals)"
  convention: "marketing mix modelling: adstock + saturation regression (metrics.md)"
  unit: money
  grain: "quarter x channel"
  mart: channel_incrementality
  column: incremental_net_revenue
- key: incremental_orders
  name: "Incremental orders"
  tier: null
  dimension: null
  definition: "Orders the channel's investment caused according to the incrementality model."
  formula: "sum over days of coefficient x saturation(adstock(investment)) (OLS of daily orders)"
  convention: "marketing mix modelling (metrics.md)"
  unit: count
  grain: "quarter x channel"
  mart: channel_incrementality
  column: incremental_orders
- key: incremental_new_customers
  name: "Incremental new customers"
  tier: null
  dimension: null
  definition: "New customers the channel's investment caused according to the incrementality model."
  formula: "as incremental_orders, on daily new customers"
  convention: "marketing mix modelling (metrics.md)"
  unit: count
  grain: "quarter x channel"
  mart: channel_incrementality
  column: incremental_new_customers
- key: incremental_new_visitors
  name: "Incremental new visitors"
  tier: null
  dimension: null
  definition: "New visitors (GA4 first sessions) the channel's investment caused according to the incrementality model: awareness."
  formula: "as incremental_orders, on daily new visitors"
  convention: "marketing mix modelling (metrics.md)"
  unit: count
  grain: "quarter x channel"
  mart: channel_incrementality
  column: incremental_new_visitors
- key: incremental_follower_growth
  name: "Incremental follower growth"
  tier: null
  dimension: null
  definition: "Net followers of the channel's own accounts its investment caused according to the incrementality model: awareness."
  formula: "as incremental_orders, on the channel's daily net follower change, regressed on its own investment"
  convention: "marketing mix modelling (metrics.md)"
  unit: count
  grain: "quarter x channel"
  mart: channel_incrementality
  column: incremental_follower_growth
- key: incremental_roas
  name: "Incremental ROAS"
  tier: null
  dimension: null
  definition: "Incremental net revenue per unit of money spent on the channel (money only)."
  formula: "incremental_net_revenue / money_invested"
  convention: "ROAS (metrics.md) on incremental revenue"
  unit: rate
  grain: "quarter x channel"
  mart: channel_incrementality
  column: incremental_roas
- key: incremental_roi_money
  name: "Incremental ROI on money"
  tier: null
  dimension: null
  definition: "Return on the money spent, from incremental net revenue."
  formula: "(incremental_net_revenue - money_invested) / money_invested"
  convention: "ROI (metrics.md) on money only"
  unit: rate
  grain: "quarter x channel"
  mart: channel_incrementality
  column: incremental_roi_money
- key: incremental_roi_total
  name: "Incremental ROI on money and time"
  tier: null
  dimension: null
  definition: "Return on money and time invested, from incremental net revenue."
  formula: "(incremental_net_revenue - total_investment) / total_investment"
  convention: "ROI (metrics.md): investment = money + hours x hourly cost"
  unit: rate
  grain: "quarter x channel"
  mart: channel_incrementality
  column: incremental_roi_total
- key: incrementality_holdout_mape
  name: "Incrementality model error on held-out days"
  tier: null
  dimension: null
  definition: "How far the orders model's predictions are from the actual orders on the last days it was not fitted on."
  formula: "mean(|actual - predicted| / actual) over the held-out days with orders"
  convention: "mean absolute percentage error (MAPE)"
  unit: rate
  grain: "quarter x channel"
  mart: channel_incrementality
  column: holdout_mape
- key: roi_credited_net_revenue
  name: "Net revenue credited (by method)"
  tier: null
  dimension: null
  definition: "Net revenue a method credits to the channel in the month: an attribution model's credit (correlational, not cause) or the incrementality model's estimate (incremental)."
  formula: "attribution: sum of credit x order net revenue; incremental: sum of daily contributions"
  convention: "attribution models / marketing mix modelling (metrics.md)"
  unit: money
  grain: "month x channel x method"
  mart: social_roi_monthly
  column: net_revenue_credited
- key: roas
  name: "ROAS"
  tier: null
  dimension: null
  definition: "Net revenue credited per unit of money spent on the channel (money only; a high ROAS can hide a negative ROI)."
  formula: "net_revenue_credited / money_invested"
  convention: "ROAS (metrics.md)"
  unit: rate
  grain: "month x channel x method"
  mart: social_roi_monthly
  column: roas
- key: roi
  name: "ROI"
  tier: null
  dimension: null
  definition: "Return on money and time invested in the channel, by the method's revenue."
  formula: "(net_revenue_credited - total_investment) / total_investment"
  convention: "ROI (metrics.md): investment = money + hours x hourly cost"
  unit: rate
  grain: "month x channel x method"
  mart: social_roi_monthly
  column: roi
- key: net_revenue_per_hour
  name: "Net revenue per hour invested"
  tier: null
  dimension: null
  definition: "Net revenue credited per hour of team time logged for the channel."
  formula: "net_revenue_credited / hours_logged"
  convention: "return on time (framework.md section 1: money and time)"
  unit: money
  grain: "month x channel x method"
  mart: social_roi_monthly
  column: net_revenue_per_hour
- key: cost_per_new_customer
  name: "Cost per new customer"
  tier: null
  dimension: null
  definition: "Money and time invested per new customer the method credits to the channel."
  formula: "total_investment / new_customers_credited"
  convention: "CAC (metrics.md) per channel"
  unit: money
  grain: "month x channel x method"
  mart: social_roi_monthly
  column: cost_per_new_customer
# ------------------------------------------------------------------ what people say (conversations)
- key: theme_mentions
  name: "Theme mentions"
  tier: null
  dimension: influence
  definition: "Texts (own-post comments, mentions, CSAT comments) of a brand in a month that touch a theme of the taxonomy, or a new phrase."
  formula: "count of texts matching the theme keywords"
  convention: "project keyword taxonomy (Persian and English)"
  unit: count
  grain: "month x brand x theme"
  mart: conversation_themes
  column: theme_mentions
- key: theme_negative_mentions
  name: "Negative theme mentions"
  tier: null
  dimension: influence
  definition: "Texts of a brand in a month that touch a theme and are negative (effective labels): the numerator of the theme negative share."
  formula: "count of negative texts matching the theme keywords"
  convention: "sentiment share (metrics.md), project labels"
  unit: count
  grain: "month x brand x theme"
  mart: conversation_themes
  column: negative_mentions
- key: theme_negative_share
  name: "Negative share of a theme"
  tier: null
  dimension: influence
  definition: "Share of the texts touching a theme that are negative (effective labels)."
  formula: "negative texts / texts touching the theme"
  convention: "sentiment share (metrics.md), project labels"
  unit: rate
  grain: "month x brand x theme"
  mart: conversation_themes
  column: negative_share
  semantic_expr: "theme_negative_mentions / theme_mentions"
- key: theme_negative_share_change
  name: "Change of a theme negative share"
  tier: null
  dimension: influence
  definition: "The theme negative share minus the previous month, in share points."
  formula: "negative_share - previous month negative_share"
  convention: "month over month, share points"
  unit: rate
  grain: "month x brand x theme"
  mart: conversation_themes
  column: negative_share_change
  semantic: none
  semantic_reason: "a month-over-month difference: it has no value at another grain"
{% endset %}
{%- set published = [] %}
{%- for metric in fromyaml(catalog_yaml) %}
    {%- do published.append(metric) %}
    {%- if metric.get('indexed') %}
        {%- do published.append({
            'key': metric.key ~ '_index', 'name': metric.name ~ ' - index vs peer median',
            'tier': none, 'dimension': metric.dimension,
            'definition': metric.name ~ ' relative to the median of the competitive set (100 = median).',
            'formula': metric.column ~ ' / median(' ~ metric.column ~ ' over the brands with a value, same month and platform) x 100; NULL when the median is 0 or negative, or fewer than two brands have a value',
            'convention': 'benchmark index = own value / peer median x 100 (metrics.md)',
            'unit': 'index', 'grain': metric.grain, 'mart': metric.mart,
            'column': metric.column ~ '_index_vs_peer_median'}) %}
        {%- do published.append({
            'key': metric.key ~ '_percentile_rank', 'name': metric.name ~ ' - percentile rank',
            'tier': none, 'dimension': metric.dimension,
            'definition': 'Where the brand stands in the competitive set on ' ~ metric.name | lower ~ ' (0 lowest, 1 highest).',
            'formula': 'percent_rank() of ' ~ metric.column ~ ' over the brands with a value, same month and platform',
            'convention': 'percentile rank within the peer set (metrics.md)',
            'unit': 'percentile', 'grain': metric.grain, 'mart': metric.mart,
            'column': metric.column ~ '_percentile_rank'}) %}
    {%- endif %}
{%- endfor %}
{{ return(published) }}
{% endmacro %}

{#- A text literal for generated SQL (single quotes doubled). -#}
{% macro sql_text(value) -%}
    {%- if value is none -%}
        cast(null as {{ dbt.type_string() }})
    {%- else -%}
        '{{ adapter.dispatch('escaped_text', 'social_roi')(value | string) }}'
    {%- endif -%}
{%- endmacro %}

{#- The body of a text literal: a quote doubled. -#}
{% macro default__escaped_text(text) -%}
    {{ return(text | replace("'", "''")) }}
{%- endmacro %}

{#- Spark reads a backslash in a text literal as an escape: it is doubled too. -#}
{% macro spark__escaped_text(text) -%}
    {{ return(text | replace("\\", "\\\\") | replace("'", "''")) }}
{%- endmacro %}

{#- The catalog entries published by the given marts. -#}
{% macro metrics_of(marts) -%}
    {{ return(metric_catalog() | selectattr('mart', 'in', marts) | list) }}
{%- endmacro %}
