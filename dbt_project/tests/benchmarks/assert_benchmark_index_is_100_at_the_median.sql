-- In a month and platform where an odd number (3 or more) of brands have a value and the
-- index is defined (positive median), the median brand's value IS the median: some brand
-- must have an index of exactly 100. Checked for every benchmarked metric of the three
-- marts; fails with the mart, metric, month and platform that break it.
{{ config(severity='error') }}

{%- set checks = [
    ('benchmark_distribution', [
        'followers', 'net_follower_growth', 'follower_growth_rate', 'posts_published',
        'mentions', 'estimated_reach', 'active_referring_domains', 'new_referring_domains',
        'lost_referring_domains',
    ]),
    ('benchmark_interaction', [
        'post_likes', 'post_comments', 'post_shares', 'post_engagements',
        'engagements_per_post', 'engagement_rate_by_followers',
    ]),
    ('benchmark_influence', [
        'conversations', 'positive_share', 'negative_share', 'net_sentiment_talkwalker',
        'net_sentiment_share', 'share_of_voice_by_mentions', 'share_of_voice_by_engagement',
    ]),
] %}

with

{% for mart, metrics in checks %}
{{ mart }}_checked as (
    {%- for metric in metrics %}
    select
        '{{ mart }}' as mart,
        '{{ metric }}' as metric,
        month_start_date,
        platform,
        count({{ metric }}) as brands_with_value,
        count({{ metric }}_index_vs_peer_median) as brands_with_index,
        sum(
            case when abs({{ metric }}_index_vs_peer_median - 100) < 1e-9 then 1 else 0 end
        ) as brands_at_100
    from {{ ref(mart) }}
    group by month_start_date, platform
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),
{% endfor %}

checked as (
    {%- for mart, metrics in checks %}
    select * from {{ mart }}_checked
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
)

select * from checked
where
    brands_with_value >= 3
    and mod(brands_with_value, 2) = 1
    and brands_with_index > 0
    and brands_at_100 = 0
