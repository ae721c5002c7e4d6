-- Distribution (visibility) benchmark: one row per month, brand and platform (the five
-- platforms plus `all`, the brand's total), own brand and competitors alike, with the
-- public figures every brand has: followers, their growth, posts, mentions and their
-- estimated reach; backlinks and blog subscribers on the `all` row only (they belong to the
-- brand's website, not to a platform). Brands, their web domains and competitors come from
-- landing data (int_brands_unioned, social_accounts/brands), never from SQL or seeds. Each
-- benchmarked metric gets an index vs the competitive set's median and a percentile rank
-- (macro peer_index_columns).

with

calendar as (
    select * from {{ ref('int_dates_enriched') }}
),

brands as (
    select * from {{ ref('int_brands_unioned') }}
),

brand_websites as (
    select * from {{ ref('stg_social_accounts__brands') }}
),

account_days as (
    select * from {{ ref('int_account_daily_metrics_unioned') }}
),

mentions as (
    select * from {{ ref('stg_listening__mentions') }}
),

backlinks as (
    select * from {{ ref('stg_seo__backlinks') }}
),

subscriber_lists as (
    select * from {{ ref('int_subscriber_lists_aggregated') }}
),

months as (
    select
        month_start_date,
        max(calendar_date) as month_end_date
    from calendar
    group by month_start_date
),

platforms as (
    select 'facebook' as platform
    union all
    select 'instagram' as platform
    union all
    select 'x' as platform
    union all
    select 'linkedin' as platform
    union all
    select 'youtube' as platform
    union all
    select 'all' as platform
),

spine as (
    select
        months.month_start_date,
        months.month_end_date,
        brands.brand,
        brands.is_own_brand,
        platforms.platform
    from months
    cross join brands
    cross join platforms
),

account_days_in_month as (
    select
        platform,
        account_id,
        brand,
        metric_date,
        follower_count,
        posts_published,
        cast({{ dbt.date_trunc('month', 'metric_date') }} as date) as month_start_date
    from account_days
    where brand is not null
),

-- the last day of the month with a follower figure (a day missing at the end of the month
-- falls back to the last day present) and the first one
follower_days_ranked as (
    select
        platform,
        account_id,
        brand,
        month_start_date,
        follower_count,
        row_number() over (
            partition by platform, account_id, month_start_date
            order by metric_date desc
        ) as rank_from_last,
        row_number() over (
            partition by platform, account_id, month_start_date
            order by metric_date asc
        ) as rank_from_first
    from account_days_in_month
    where follower_count is not null
),

account_month_followers as (
    select
        platform,
        account_id,
        brand,
        month_start_date,
        max(case when rank_from_last = 1 then follower_count end) as followers_at_end,
        max(case when rank_from_first = 1 then follower_count end) as followers_first_day
    from follower_days_ranked
    group by platform, account_id, brand, month_start_date
),

-- followers at month start: the previous month's end figure (the last month with data
-- before this one), else the end of the first day with a figure in this month
account_month_growth as (
    select
        platform,
        account_id,
        brand,
        month_start_date,
        followers_at_end,
        coalesce(
            lag(followers_at_end) over (
                partition by platform, account_id
                order by month_start_date
            ),
            followers_first_day
        ) as followers_at_start
    from account_month_followers
),

platform_followers as (
    select
        brand,
        platform,
        month_start_date,
        sum(followers_at_end) as followers,
        sum(followers_at_start) as followers_at_start
    from account_month_growth
    group by brand, platform, month_start_date
),

platform_posts as (
    select
        brand,
        platform,
        month_start_date,
        sum(posts_published) as posts_published
    from account_days_in_month
    group by brand, platform, month_start_date
),

mentions_in_month as (
    select
        brand,
        platform,
        reach_estimate,
        cast({{ dbt.date_trunc('month', local_date('published_at')) }} as date)
            as month_start_date
    from mentions
),

platform_mentions as (
    select
        brand,
        platform,
        month_start_date,
        count(*) as mentions,
        sum(reach_estimate) as estimated_reach
    from mentions_in_month
    group by brand, platform, month_start_date
    union all
    select
        brand,
        'all' as platform,
        month_start_date,
        count(*) as mentions,
        sum(reach_estimate) as estimated_reach
    from mentions_in_month
    group by brand, month_start_date
),

-- each brand's web domains (social_accounts/brands; both sides reduced to the bare host by
-- macro web_domain in staging), one row per pair however often the landing table lists it
brand_domains as (
    select distinct
        brand,
        website_domain
    from brand_websites
    where brand is not null and website_domain is not null
),

brand_backlinks as (
    select
        brand_domains.brand,
        backlinks.referring_domain,
        backlinks.referring_url,
        backlinks.target_url,
        backlinks.first_seen_date,
        backlinks.lost_date
    from backlinks
    inner join brand_domains
        on backlinks.target_domain = brand_domains.website_domain
),

-- whether each referring domain has a live link to the brand at the end of the month and
-- at the end of the day before the month starts
referring_domain_status as (
    select
        brand_backlinks.brand,
        months.month_start_date,
        brand_backlinks.referring_domain,
        max(
            case
                when
                    brand_backlinks.first_seen_date <= months.month_end_date
                    and (
                        brand_backlinks.lost_date is null
                        or brand_backlinks.lost_date > months.month_end_date
                    )
                    then 1
                else 0
            end
        ) as is_live_at_end,
        max(
            case
                when
                    brand_backlinks.first_seen_date < months.month_start_date
                    and (
                        brand_backlinks.lost_date is null
                        or brand_backlinks.lost_date >= months.month_start_date
                    )
                    then 1
                else 0
            end
        ) as is_live_at_start
    from brand_backlinks
    cross join months
    group by brand_backlinks.brand, months.month_start_date, brand_backlinks.referring_domain
),

live_links as (
    select distinct
        brand_backlinks.brand,
        months.month_start_date,
        brand_backlinks.referring_url,
        brand_backlinks.target_url
    from brand_backlinks
    cross join months
    where
        brand_backlinks.first_seen_date <= months.month_end_date
        and (
            brand_backlinks.lost_date is null
            or brand_backlinks.lost_date > months.month_end_date
        )
),

backlink_links_live as (
    select
        brand,
        month_start_date,
        count(*) as active_backlinks
    from live_links
    group by brand, month_start_date
),

backlink_domains_live as (
    select
        brand,
        month_start_date,
        sum(is_live_at_end) as active_referring_domains,
        sum(case when is_live_at_end = 1 and is_live_at_start = 0 then 1 else 0 end)
            as new_referring_domains,
        sum(case when is_live_at_end = 0 and is_live_at_start = 1 then 1 else 0 end)
            as lost_referring_domains
    from referring_domain_status
    group by brand, month_start_date
),

-- brands whose domain the SEO export covers: their figures are counts (0 included); other
-- brands are not tracked and stay NULL
tracked_brands as (
    select distinct brand from brand_backlinks
),

-- every subscriber list of the brand (the blog, the newsletter, ...), summed at month end
brand_subscribers as (
    select
        brand,
        month_start_date,
        sum(subscribers) as blog_subscribers
    from subscriber_lists
    where brand is not null and subscribers is not null
    group by brand, month_start_date
),

platform_rows as (
    select
        brand,
        platform,
        month_start_date,
        followers,
        followers_at_start
    from platform_followers
    union all
    select
        brand,
        'all' as platform,
        month_start_date,
        sum(followers) as followers,
        sum(followers_at_start) as followers_at_start
    from platform_followers
    group by brand, month_start_date
),

posts_rows as (
    select
        brand,
        platform,
        month_start_date,
        posts_published
    from platform_posts
    union all
    select
        brand,
        'all' as platform,
        month_start_date,
        sum(posts_published) as posts_published
    from platform_posts
    group by brand, month_start_date
),

joined as (
    select
        spine.month_start_date,
        spine.brand,
        spine.platform,
        spine.is_own_brand,
        platform_rows.followers,
        platform_rows.followers_at_start,
        platform_rows.followers - platform_rows.followers_at_start as net_follower_growth,
        {{ safe_divide(
            'platform_rows.followers - platform_rows.followers_at_start',
            'platform_rows.followers_at_start'
        ) }} as follower_growth_rate,
        posts_rows.posts_published,
        coalesce(platform_mentions.mentions, 0) as mentions,
        case
            when platform_mentions.mentions is null then 0
            else platform_mentions.estimated_reach
        end as estimated_reach,
        case
            when spine.platform = 'all' and tracked_brands.brand is not null
                then coalesce(backlink_links_live.active_backlinks, 0)
        end as active_backlinks,
        case
            when spine.platform = 'all' and tracked_brands.brand is not null
                then coalesce(backlink_domains_live.active_referring_domains, 0)
        end as active_referring_domains,
        case
            when spine.platform = 'all' and tracked_brands.brand is not null
                then coalesce(backlink_domains_live.new_referring_domains, 0)
        end as new_referring_domains,
        case
            when spine.platform = 'all' and tracked_brands.brand is not null
                then coalesce(backlink_domains_live.lost_referring_domains, 0)
        end as lost_referring_domains,
        case
            when spine.platform = 'all' then brand_subscribers.blog_subscribers
        end as blog_subscribers
    from spine
    left join platform_rows
        on
            spine.brand = platform_rows.brand
            and spine.platform = platform_rows.platform
            and spine.month_start_date = platform_rows.month_start_date
    left join posts_rows
        on
            spine.brand = posts_rows.brand
            and spine.platform = posts_rows.platform
            and spine.month_start_date = posts_rows.month_start_date
    left join platform_mentions
        on
            spine.brand = platform_mentions.brand
            and spine.platform = platform_mentions.platform
            and spine.month_start_date = platform_mentions.month_start_date
    left join tracked_brands
        on spine.brand = tracked_brands.brand
    left join backlink_links_live
        on
            spine.brand = backlink_links_live.brand
            and spine.month_start_date = backlink_links_live.month_start_date
    left join backlink_domains_live
        on
            spine.brand = backlink_domains_live.brand
            and spine.month_start_date = backlink_domains_live.month_start_date
    left join brand_subscribers
        on
            spine.brand = brand_subscribers.brand
            and spine.month_start_date = brand_subscribers.month_start_date
),

indexed as (
    select
        joined.*,
        {{ peer_index_columns('followers') }},
        {{ peer_index_columns('net_follower_growth') }},
        {{ peer_index_columns('follower_growth_rate') }},
        {{ peer_index_columns('posts_published') }},
        {{ peer_index_columns('mentions') }},
        {{ peer_index_columns('estimated_reach') }},
        {{ peer_index_columns('active_referring_domains') }},
        {{ peer_index_columns('new_referring_domains') }},
        {{ peer_index_columns('lost_referring_domains') }}
    from joined
),

final as (
    select
        cast(month_start_date as date) as month_start_date,
        cast(brand as {{ dbt.type_string() }}) as brand,
        cast(platform as {{ dbt.type_string() }}) as platform,
        cast(is_own_brand as {{ dbt.type_boolean() }}) as is_own_brand,
        cast(followers as {{ dbt.type_bigint() }}) as followers,
        cast(followers_at_start as {{ dbt.type_bigint() }}) as followers_at_start,
        cast(net_follower_growth as {{ dbt.type_bigint() }}) as net_follower_growth,
        cast(follower_growth_rate as {{ type_double() }}) as follower_growth_rate,
        cast(posts_published as {{ dbt.type_bigint() }}) as posts_published,
        cast(mentions as {{ dbt.type_bigint() }}) as mentions,
        cast(estimated_reach as {{ dbt.type_bigint() }}) as estimated_reach,
        cast(active_backlinks as {{ dbt.type_bigint() }}) as active_backlinks,
        cast(active_referring_domains as {{ dbt.type_bigint() }}) as active_referring_domains,
        cast(new_referring_domains as {{ dbt.type_bigint() }}) as new_referring_domains,
        cast(lost_referring_domains as {{ dbt.type_bigint() }}) as lost_referring_domains,
        cast(blog_subscribers as {{ dbt.type_bigint() }}) as blog_subscribers,
        followers_index_vs_peer_median,
        followers_percentile_rank,
        net_follower_growth_index_vs_peer_median,
        net_follower_growth_percentile_rank,
        follower_growth_rate_index_vs_peer_median,
        follower_growth_rate_percentile_rank,
        posts_published_index_vs_peer_median,
        posts_published_percentile_rank,
        mentions_index_vs_peer_median,
        mentions_percentile_rank,
        estimated_reach_index_vs_peer_median,
        estimated_reach_percentile_rank,
        active_referring_domains_index_vs_peer_median,
        active_referring_domains_percentile_rank,
        new_referring_domains_index_vs_peer_median,
        new_referring_domains_percentile_rank,
        lost_referring_domains_index_vs_peer_median,
        lost_referring_domains_percentile_rank
    from indexed
)

select * from final
