-- One row per month, brand and subscriber list (the blog, the newsletter, any other list of
-- blog/subscribers_daily): subscribers at the end of the month (the last day of the month
-- with a figure) and the month's subscriptions and unsubscriptions. A list without a brand
-- belongs to the own brand; when the business has no own brand or several, such a list
-- keeps a NULL brand (test warns) rather than being guessed.

with

subscriber_counts as (
    select * from {{ ref('stg_blog__subscriber_counts') }}
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

list_days as (
    select
        coalesce(subscriber_counts.brand, own_brand.brand) as brand,
        subscriber_counts.brand is null as is_own_brand_by_default,
        subscriber_counts.list_name,
        subscriber_counts.report_date,
        subscriber_counts.subscribers_total,
        subscriber_counts.subscribed_count,
        subscriber_counts.unsubscribed_count,
        cast({{ dbt.date_trunc('month', 'subscriber_counts.report_date') }} as date)
            as month_start_date
    from subscriber_counts
    cross join own_brand
),

-- the last day of the month with a subscriber figure, per list
month_end_ranked as (
    select
        brand,
        list_name,
        month_start_date,
        report_date,
        subscribers_total,
        row_number() over (
            partition by brand, list_name, month_start_date
            order by report_date desc
        ) as rank_from_last
    from list_days
    where subscribers_total is not null
),

month_end as (
    select
        brand,
        list_name,
        month_start_date,
        report_date,
        subscribers_total
    from month_end_ranked
    where rank_from_last = 1
),

month_flows as (
    select
        brand,
        list_name,
        month_start_date,
        max(case when is_own_brand_by_default then 1 else 0 end) = 1
            as is_own_brand_by_default,
        sum(subscribed_count) as subscribed_count,
        sum(unsubscribed_count) as unsubscribed_count
    from list_days
    group by brand, list_name, month_start_date
),

final as (
    select
        month_flows.month_start_date,
        month_flows.brand,
        month_flows.list_name,
        month_end.subscribers_total as subscribers,
        month_end.report_date as subscribers_date,
        month_flows.subscribed_count,
        month_flows.unsubscribed_count,
        month_flows.is_own_brand_by_default
    from month_flows
    left join month_end
        on
            month_flows.list_name = month_end.list_name
            and month_flows.month_start_date = month_end.month_start_date
            and (
                month_flows.brand = month_end.brand
                or (month_flows.brand is null and month_end.brand is null)
            )
)

select * from final
