-- Share of voice (by mentions and by mention engagement) sums to 1 over the brands of a
-- month and platform row whenever anyone was mentioned (NULL for every brand otherwise).
-- Fails with the month, platform and sums that do not.
{{ config(severity='error') }}


with

influence as (
    select * from {{ ref('benchmark_influence') }}
),

sums as (
    select
        month_start_date,
        platform,
        sum(share_of_voice_by_mentions) as mentions_share_total,
        count(share_of_voice_by_mentions) as mentions_shares,
        sum(mentions) as mentions,
        sum(share_of_voice_by_engagement) as engagement_share_total,
        count(share_of_voice_by_engagement) as engagement_shares,
        sum(mention_engagements) as mention_engagements,
        count(*) as brands
    from influence
    group by month_start_date, platform
)

select * from sums
where
    (mentions > 0 and (mentions_shares <> brands or abs(mentions_share_total - 1) > 1e-9))
    or (mentions = 0 and mentions_shares > 0)
    or (
        mention_engagements > 0
        and (engagement_shares <> brands or abs(engagement_share_total - 1) > 1e-9)
    )
    or (mention_engagements = 0 and engagement_shares > 0)
