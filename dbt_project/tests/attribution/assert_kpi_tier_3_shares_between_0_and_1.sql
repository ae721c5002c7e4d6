-- social_order_share is a share of the day's orders: within 0..1 (NULL on a day without
-- orders). Replace with the generic value_between test once it exists.
{{ config(severity='error') }}

select
    metric_date,
    platform,
    account_id,
    social_order_share
from {{ ref('kpi_tier_3_daily') }}
where social_order_share < 0 or social_order_share > 1
