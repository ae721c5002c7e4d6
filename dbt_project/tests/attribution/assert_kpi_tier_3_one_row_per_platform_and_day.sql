-- Attribution credits a platform, never an account: kpi_tier_3_daily books each platform's
-- credit on exactly one row per day (the platform's own account when it has one, else one
-- row with account_id 'all'). Two rows of one platform on one day would each carry the
-- platform's whole credit and a BI sum would count it twice. Returns such platforms and days.
{{ config(severity='error') }}

select
    metric_date,
    platform,
    count(*) as platform_rows
from {{ ref('kpi_tier_3_daily') }}
group by metric_date, platform
having count(*) > 1
