-- One row per brand the business benchmarks: every brand named in social_accounts/brands
-- (the brand configuration: own brand, competitors, web domains), in social_accounts/
-- accounts, in listening mentions or on a subscriber list. A brand is the own brand when any
-- row of the brands table or of the accounts says so; a brand only mentions or a list name
-- is a competitor. Industry: the brands table's, else the accounts'.

with

brands as (
    select * from {{ ref('stg_social_accounts__brands') }}
),

social_accounts as (
    select * from {{ ref('stg_social_accounts__accounts') }}
),

mentions as (
    select * from {{ ref('stg_listening__mentions') }}
),

subscriber_counts as (
    select * from {{ ref('stg_blog__subscriber_counts') }}
),

brand_sources as (
    select
        brands.brand,
        brands.is_own,
        brands.industry,
        1 as source_rank
    from brands
    union all
    select
        social_accounts.brand,
        social_accounts.is_own,
        social_accounts.industry,
        2 as source_rank
    from social_accounts
    union all
    select
        mentions.brand,
        false as is_own,
        cast(null as {{ dbt.type_string() }}) as industry,
        3 as source_rank
    from mentions
    union all
    select
        subscriber_counts.brand,
        false as is_own,
        cast(null as {{ dbt.type_string() }}) as industry,
        3 as source_rank
    from subscriber_counts
),

industries_ranked as (
    select
        brand,
        industry,
        row_number() over (
            partition by brand
            order by source_rank, industry
        ) as industry_rank
    from brand_sources
    where brand is not null and industry is not null
),

final as (
    select
        brand_sources.brand,
        max(industries_ranked.industry) as industry,
        max(case when brand_sources.is_own then 1 else 0 end) = 1 as is_own_brand,
        max(case when brand_sources.source_rank = 1 then 1 else 0 end) = 1
            as is_in_brands_table
    from brand_sources
    left join industries_ranked
        on
            brand_sources.brand = industries_ranked.brand
            and industries_ranked.industry_rank = 1
    where brand_sources.brand is not null
    group by brand_sources.brand
)

select * from final
