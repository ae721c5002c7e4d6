-- Attribution credits a platform, not an account: kpi_tier_3_daily puts a platform's
-- figures on its own account's row, which double counts if the business had two own
-- accounts on one platform. Returns such platforms.
select
    platform,
    count(*) as own_accounts
from {{ ref('stg_social_accounts__accounts') }}
where is_own
group by platform
having count(*) > 1
