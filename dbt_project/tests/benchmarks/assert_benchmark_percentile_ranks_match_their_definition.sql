-- The percentile rank of a brand's value is the share of the OTHER brands with a value
-- (same month and platform) that have a strictly lower value: (brands below) / (brands with
-- a value - 1), so 0 = lowest and 1 = highest, ties share a rank, and competitors without a
-- value never shift it. Recomputed here by a self-join, independently of percent_rank().
-- Fails with the mart, metric, brand, month and platform whose rank differs.
{{ config(severity='error') }}

{%- set checks = [
    ('benchmark_distribution', ['followers', 'mentions', 'posts_published']),
    ('benchmark_interaction', ['post_engagements', 'engagement_rate_by_followers']),
    ('benchmark_influence', ['conversations', 'share_of_voice_by_mentions']),
] %}

with

{% for mart, metrics in checks %}
{{ mart }}_ranks as (
    {%- for metric in metrics %}
    select
        '{{ mart }}' as mart,
        '{{ metric }}' as metric,
        ranked.month_start_date,
        ranked.platform,
        ranked.brand,
        ranked.{{ metric }}_percentile_rank as percentile_rank,
        cast(sum(case when peers.{{ metric }} < ranked.{{ metric }} then 1 else 0 end)
            as {{ type_double() }})
        / (count(peers.{{ metric }}) - 1) as expected_rank
    from {{ ref(mart) }} as ranked
    inner join {{ ref(mart) }} as peers
        on
            ranked.month_start_date = peers.month_start_date
            and ranked.platform = peers.platform
    where ranked.{{ metric }} is not null and peers.{{ metric }} is not null
    group by
        ranked.month_start_date,
        ranked.platform,
        ranked.brand,
        ranked.{{ metric }}_percentile_rank
    having count(peers.{{ metric }}) >= 2
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),
{% endfor %}

ranks as (
    {%- for mart, metrics in checks %}
    select * from {{ mart }}_ranks
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
)

select * from ranks
where percentile_rank is null or abs(percentile_rank - expected_rank) > 1e-9
